/**
 * Downloadable templates for household and plot imports: CSV (UTF-8 with a byte-order mark, so that
 * Excel shows Vietnamese correctly) and XLSX (a data sheet with a bold header and one example row, and
 * a "Hướng dẫn" sheet explaining every column in Vietnamese and English).
 */
import ExcelJS from 'exceljs';
import type { ImportJobKind as ImportKind } from '../../db/schema.ts';
import { csvCell } from './csv.ts';
import { HOUSEHOLD_COLUMNS, PLOT_COLUMNS } from './source.ts';

export type TemplateName = 'households.csv' | 'households.xlsx' | 'plots.csv' | 'plots.xlsx';

interface ColumnGuide {
  column: string;
  required: boolean;
  vi: string;
  en: string;
  example: string;
}

/** A plot of about 1 ha near Thới Lai, Cần Thơ (0.0009° ≈ 99 m east–west and 100 m north–south here). */
const EXAMPLE_POLYGON = 'POLYGON((105.5500 10.0600, 105.5509 10.0600, 105.5509 10.0609, 105.5500 10.0609, 105.5500 10.0600))';

const GUIDES: Record<ImportKind, ColumnGuide[]> = {
  households: [
    { column: 'head_name', required: true, vi: 'Họ và tên chủ hộ.', en: 'Full name of the head of the household.', example: 'Nguyễn Văn Năm' },
    { column: 'phone', required: false, vi: 'Số điện thoại của hộ (10 chữ số, bắt đầu bằng 0). Khi nhập thửa, hộ được tìm theo số này (cột household_phone).', en: "The household's phone (10 digits starting with 0). Plot imports find the household by it (column household_phone).", example: '0901234567' },
    { column: 'address', required: false, vi: 'Địa chỉ: thôn/ấp, xã, tỉnh.', en: 'Address: hamlet, commune, province.', example: 'Ấp Thới Thuận, xã Thới Lai, TP Cần Thơ' },
    { column: 'commune_code', required: false, vi: 'Mã xã/phường 5 chữ số theo danh mục năm 2025 (ví dụ 31258 = xã Thới Lai, TP Cần Thơ). Để trống thì lấy xã của tổ chức.', en: "5-digit commune code of the 2025 list (e.g. 31258 = Thới Lai, Cần Thơ). Empty: the organisation's commune.", example: '31258' },
    { column: 'organisation_id', required: false, vi: 'Mã định danh (UUID) của hợp tác xã / tổ hợp tác. Để trống thì dùng tổ chức đã chọn khi nhập, hoặc tổ chức của bạn.', en: 'Id (UUID) of the cooperative or cooperative group. Empty: the organisation chosen for the import, or your own.', example: '' },
    { column: 'member_names', required: false, vi: 'Tên các thành viên khác của hộ, cách nhau bằng dấu chấm phẩy (;).', en: "Names of the household's other members, separated by semicolons (;).", example: 'Trần Thị Mai; Nguyễn Văn Tâm' },
  ],
  plots: [
    { column: 'code', required: true, vi: 'Mã thửa, không trùng trong tỉnh (tối đa 60 ký tự).', en: 'Plot code, unique within the province (at most 60 characters).', example: 'CT-TL-0001' },
    { column: 'name', required: false, vi: 'Tên thửa. Để trống thì dùng mã thửa.', en: 'Plot name. Empty: the code.', example: 'Ruộng ông Năm – ấp Thới Thuận' },
    { column: 'commune_code', required: false, vi: 'Mã xã 5 chữ số (danh mục 2025). Để trống thì lấy xã của hộ, hoặc của tổ chức.', en: "5-digit commune code (2025 list). Empty: the household's commune, or the organisation's.", example: '31258' },
    { column: 'land_use', required: false, vi: 'Loại cây trồng: rice (lúa), vegetables (rau màu), fruit (cây ăn quả), tea (chè), coffee (cà phê), other (khác). Mặc định: rice.', en: 'Land use: rice, vegetables, fruit, tea, coffee or other (Vietnamese words accepted). Default: rice.', example: 'rice' },
    { column: 'household_phone', required: false, vi: 'Số điện thoại của hộ canh tác thửa này (hộ phải có trong hệ thống, nhập hộ trước).', en: 'Phone of the household farming the plot (the household must already be registered; import households first).', example: '0901234567' },
    { column: 'household_id', required: false, vi: 'Hoặc mã định danh (UUID) của hộ; khi có thì không cần household_phone.', en: 'Or the household id (UUID); when given, household_phone is not needed.', example: '' },
    {
      column: 'geometry', required: true,
      vi: 'Ranh giới thửa: WKT POLYGON((kinh độ vĩ độ, …)) hoặc hình học GeoJSON, theo WGS 84 (kinh độ trước, vĩ độ sau, điểm cuối trùng điểm đầu). Tệp theo VN-2000 thì chọn hệ tọa độ VN-2000 và tỉnh khi nhập. Diện tích do hệ thống tính bằng PostGIS, không lấy từ tệp.',
      en: 'Plot boundary: WKT POLYGON((lon lat, …)) or a GeoJSON geometry, in WGS 84 (longitude first). For VN-2000 coordinates choose crs VN-2000 and the province when importing. The area is computed by PostGIS, never read from the file.',
      example: EXAMPLE_POLYGON,
    },
  ],
};

const COLUMNS: Record<ImportKind, readonly string[]> = { households: HOUSEHOLD_COLUMNS, plots: PLOT_COLUMNS };

function csvTemplate(kind: ImportKind): Buffer {
  const guide = GUIDES[kind];
  const header = COLUMNS[kind].join(',');
  const example = COLUMNS[kind].map((c) => csvCell(guide.find((g) => g.column === c)?.example ?? '')).join(',');
  return Buffer.from(`\uFEFF${header}\r\n${example}\r\n`, 'utf8');
}

async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Đồng Xanh';
  const guide = GUIDES[kind];
  const data = workbook.addWorksheet(kind === 'plots' ? 'Thửa đất' : 'Hộ', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = COLUMNS[kind].map((c) => ({
    header: c,
    key: c,
    width: c === 'geometry' ? 60 : c === 'address' || c === 'member_names' || c === 'name' ? 36 : 18,
    // Text, so that phone numbers keep their leading 0 and commune codes their leading zeros.
    style: { numFmt: '@' },
  }));
  data.getRow(1).font = { bold: true };
  data.addRow(Object.fromEntries(COLUMNS[kind].map((c) => [c, guide.find((g) => g.column === c)?.example ?? ''])));

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột / Column', key: 'column', width: 18 },
    { header: 'Bắt buộc / Required', key: 'required', width: 14 },
    { header: 'Hướng dẫn (Tiếng Việt)', key: 'vi', width: 70 },
    { header: 'Guidance (English)', key: 'en', width: 70 },
    { header: 'Ví dụ / Example', key: 'example', width: 40 },
  ];
  help.getRow(1).font = { bold: true };
  for (const g of guide) help.addRow({ column: g.column, required: g.required ? 'Có / Yes' : 'Không / No', vi: g.vi, en: g.en, example: g.example });
  help.addRow({});
  help.addRow({
    column: '',
    vi: 'Mỗi dòng là một hộ/thửa. Tệp được nhập toàn bộ hoặc không nhập gì: nếu có dòng sai, không dòng nào được ghi và mọi dòng sai được liệt kê kèm lý do (dòng 1 = dòng dữ liệu đầu tiên dưới tiêu đề).',
    en: 'One row per household or plot. A file is imported completely or not at all: if any row is wrong, nothing is written and every wrong row is listed with its reason (row 1 = the first data row under the header).',
  });
  help.getColumn('vi').alignment = { wrapText: true, vertical: 'top' };
  help.getColumn('en').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function renderTemplate(name: TemplateName): Promise<{ body: Buffer; contentType: string }> {
  const [kind, extension] = name.split('.') as [ImportKind, 'csv' | 'xlsx'];
  return extension === 'csv'
    ? { body: csvTemplate(kind), contentType: 'text/csv; charset=utf-8' }
    : { body: await xlsxTemplate(kind), contentType: XLSX_TYPE };
}
