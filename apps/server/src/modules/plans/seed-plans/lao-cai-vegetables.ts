/**
 * Lào Cai's plan for safe, concentrated, traceable vegetable zones to 2030 (implementing Decision
 * 4765/QĐ-BNN-TT of 09/11/2023), transcribed from ../shared/seeds/004_a5ad0ecf75c29a89.txt: the
 * targets of section II.2 and III.1, and the appendix table "Phát triển sản xuất rau an toàn, tập
 * trung hàng năm" — area (ha), yield (tạ/ha) and output (t) per district for 2020, 2025 and 2030.
 *
 * The plan was issued in 2024 by the former Lào Cai province (code 10), whose districts ended on
 * 1 July 2025; the table is kept by those districts (the breakdown), under today's Lào Cai (15).
 * The 2020 column is the plan's own record of the situation, loaded as entered values; 2025 and 2030
 * are targets. The table's sums check (apps/server/src/modules/plans/seed-plans.test.ts), except
 * Si Ma Cai in 2030: 220 ha × 220 tạ/ha is 4,840 t, the table says 5,500 t (kept as written).
 */
import type { SeedIndicator, SeedPlan, SeedTarget, SeedValue } from './seed-plan.ts';

const DOC = 'seeds/004_a5ad0ecf75c29a89.txt (KH phát triển vùng rau an toàn, tập trung tỉnh Lào Cai đến 2030)';
const TABLE = `${DOC}, Phụ biểu "Phát triển sản xuất rau an toàn, tập trung hàng năm"`;

/** [district, 2020 area, yield, output, 2025 area, yield, output, 2030 area, yield, output]; '' is the total row (Tổng). */
export const VEGETABLE_TABLE: ReadonlyArray<readonly [string, number, number, number, number, number, number, number, number, number]> = [
  ['', 1150, 200, 23033, 1910, 293, 56020, 2400, 296, 71200],
  ['TP Lào Cai', 165, 210, 3465, 100, 302, 3020, 150, 302, 4530],
  ['Bát Xát', 130, 200, 2600, 300, 300, 9000, 350, 300, 10500],
  ['Mường Khương', 50, 160, 800, 180, 285, 5130, 220, 285, 6270],
  ['Si Ma Cai', 20, 165, 330, 150, 200, 3000, 220, 220, 5500],
  ['Bắc Hà', 220, 200, 4400, 300, 300, 9000, 400, 300, 12000],
  ['Bảo Thắng', 105, 205, 2153, 150, 315, 4725, 200, 315, 6300],
  ['Bảo Yên', 80, 200, 1600, 200, 304, 6080, 250, 304, 7600],
  ['Sa Pa', 350, 205, 7175, 350, 315, 11025, 410, 315, 12900],
  ['Văn Bàn', 30, 170, 510, 180, 280, 5040, 200, 280, 5600],
];

const vi = (n: number) => n.toLocaleString('vi-VN');
const rowLabel = (district: string) => (district ? `dòng ${district}` : 'dòng Tổng');

function tableIndicator(code: string, column: 0 | 1 | 2, base: Omit<SeedIndicator, 'code' | 'targets' | 'values' | 'source' | 'breakdownLabel'>): SeedIndicator {
  const unitWritten = ['ha', 'tạ/ha', 'tấn'][column]!;
  const targets: SeedTarget[] = [];
  const values: SeedValue[] = [];
  for (const row of VEGETABLE_TABLE) {
    const [district] = row;
    const at = (yearIndex: 0 | 1 | 2) => row[1 + yearIndex * 3 + column] as number;
    values.push({ year: 2020, value: at(0), breakdown: district, source: `${TABLE}, cột Năm 2020, ${rowLabel(district)}` });
    for (const [yearIndex, year] of [[1, 2025], [2, 2030]] as const) {
      targets.push({
        year,
        comparator: 'gte',
        value: at(yearIndex),
        asWritten: `${vi(at(yearIndex))} ${unitWritten}`,
        breakdown: district,
        source: `${TABLE}, cột Năm ${year}, ${rowLabel(district)}`,
      });
    }
  }
  return {
    ...base,
    code,
    source: TABLE,
    breakdownLabel: { vi: 'Huyện (trước 01/7/2025)', en: 'District (before 1 July 2025)' },
    targets,
    values,
  };
}

export const laoCaiVegetablePlan: SeedPlan = {
  code: 'lao-cai-4765-safe-vegetables',
  nameVi: 'Kế hoạch phát triển các vùng sản xuất rau an toàn, tập trung, đảm bảo truy xuất nguồn gốc gắn với chế biến và thị trường tiêu thụ đến năm 2030',
  nameEn: 'Plan for safe, concentrated, traceable vegetable production zones linked to processing and markets to 2030',
  issuingBody: 'Ủy ban nhân dân tỉnh Lào Cai',
  decisionNumber: null,
  legalBasis: 'Quyết định số 4765/QĐ-BNN-TT ngày 09/11/2023 của Bộ Nông nghiệp và PTNT',
  scopeLevel: 'province',
  provinceCode: '15',
  communeCode: null,
  periodStartYear: 2024,
  periodEndYear: 2030,
  reportDue: { month: 12, day: 10, source: `${DOC}, mục V (đoạn cuối): "định kỳ trước ngày 10/12 hằng năm … báo cáo kết quả thực hiện về Sở Nông nghiệp và PTNT"` },
  sourceDocument: DOC,
  descriptionVi: 'Mục tiêu đến năm 2030 (mục II.2), định hướng nhóm rau (mục III.1) và Phụ biểu diện tích, năng suất, sản lượng rau theo huyện năm 2020, 2025, 2030. Ban hành năm 2024 (tỉnh Lào Cai cũ, trước sáp nhập 01/7/2025).',
  descriptionEn: 'Targets to 2030 (section II.2), vegetable groups (III.1) and the appendix of vegetable area, yield and output by district for 2020, 2025 and 2030. Issued in 2024 by the former Lào Cai province (before the merger of 1 July 2025).',
  indicators: [
    tableIndicator('lcv.area', 0, {
      section: 'Phụ biểu; II.2',
      nameVi: 'Diện tích rau an toàn, tập trung',
      nameEn: 'Safe, concentrated vegetable area',
      unit: 'ha',
      direction: 'increase',
      computation: 'computed:season_area_ha',
      params: { cropKind: 'vegetable' },
      note: {
        vi: 'Mục II.2 ghi "đạt trên 2.400 ha" đến năm 2030. Giá trị tính toán là diện tích gieo trồng các vụ rau trong nhật ký (cả tỉnh).',
        en: 'Section II.2 says "above 2,400 ha" by 2030. The computed value is the sown area of vegetable seasons in the diary (whole province).',
      },
    }),
    tableIndicator('lcv.yield', 1, {
      section: 'Phụ biểu',
      nameVi: 'Năng suất rau',
      nameEn: 'Vegetable yield',
      unit: 'ta/ha',
      direction: 'increase',
      computation: 'computed:crop_yield_ta_per_ha',
      params: { cropKind: 'vegetable' },
      note: { vi: '1 tạ = 100 kg.', en: '1 tạ = 100 kg (a quintal).' },
    }),
    tableIndicator('lcv.output', 2, {
      section: 'Phụ biểu; II.2',
      nameVi: 'Sản lượng rau',
      nameEn: 'Vegetable output',
      unit: 't',
      direction: 'increase',
      computation: 'computed:crop_output_t',
      params: { cropKind: 'vegetable' },
      note: {
        vi: 'Mục II.2 ghi "sản lượng đạt trên 71.000 tấn". Dòng Si Ma Cai năm 2030: 220 ha × 220 tạ/ha = 4.840 tấn, bảng ghi 5.500 tấn (giữ nguyên như văn bản).',
        en: 'Section II.2 says "above 71,000 t". Si Ma Cai 2030: 220 ha × 220 tạ/ha = 4,840 t, the table says 5,500 t (kept as written).',
      },
    }),
    {
      code: 'lcv.safe_traceable_share',
      section: 'II.2',
      nameVi: 'Tỷ lệ diện tích rau an toàn, tập trung, đảm bảo truy xuất nguồn gốc trên tổng diện tích gieo trồng',
      nameEn: 'Share of safe, concentrated, traceable vegetables in the sown area',
      unit: '%',
      direction: 'increase',
      computation: 'computed:sustainable_share_pct',
      params: { cropKind: 'vegetable' },
      source: `${DOC}, mục II.2: "diện tích rau an toàn, tập trung, đảm bảo truy xuất nguồn gốc đạt trên 30% tổng diện tích gieo trồng"`,
      note: { vi: 'Tính bằng diện tích vụ rau theo tiêu chuẩn VietGAP, GlobalGAP hoặc hữu cơ.', en: 'Computed as the area of vegetable seasons under VietGAP, GlobalGAP or organic standards.' },
      targets: [{ year: 2030, comparator: 'gt', value: 30, asWritten: 'trên 30%' }],
    },
    {
      code: 'lcv.value',
      section: 'II.2',
      nameVi: 'Giá trị sản xuất rau',
      nameEn: 'Value of vegetable production',
      unit: 'billion_vnd',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.2: "Giá trị đạt trên 850 tỷ đồng/năm"`,
      targets: [{ year: 2030, comparator: 'gt', value: 850, asWritten: 'trên 850 tỷ đồng/năm' }],
    },
    {
      code: 'lcv.brassica_area',
      section: 'III.1',
      nameVi: 'Diện tích nhóm rau cải các loại',
      nameEn: 'Brassica vegetable area',
      unit: 'ha',
      direction: 'increase',
      computation: 'computed:season_area_ha',
      params: { crop: 'cabbage,mustard_greens,kohlrabi' },
      source: `${DOC}, mục III.1: "Nhóm rau cải các loại khoảng 1.400 ha"; mục II.2: "nhóm rau cải các loại chiếm khoảng 60% diện tích"`,
      targets: [{ year: 2030, comparator: 'gte', value: 1400, asWritten: 'khoảng 1.400 ha' }],
    },
    {
      code: 'lcv.legume_area',
      section: 'III.1',
      nameVi: 'Diện tích nhóm rau họ đậu',
      nameEn: 'Legume vegetable area',
      unit: 'ha',
      direction: 'increase',
      computation: 'computed:season_area_ha',
      params: { crop: 'yardlong_bean' },
      source: `${DOC}, mục III.1: "Nhóm rau họ đậu khoảng 250 ha"; mục II.2: "rau họ đậu chiếm 10% diện tích"`,
      targets: [{ year: 2030, comparator: 'gte', value: 250, asWritten: 'khoảng 250 ha' }],
    },
    {
      code: 'lcv.other_vegetable_area',
      section: 'III.1',
      nameVi: 'Diện tích nhóm rau khác (su su, cà chua, rau bản địa…)',
      nameEn: 'Other vegetables (chayote, tomato, native vegetables…)',
      unit: 'ha',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục III.1: "Nhóm rau khác (su su, cà chua, rau bản địa,…) chiếm khoảng 750 ha"`,
      targets: [{ year: 2030, comparator: 'gte', value: 750, asWritten: 'khoảng 750 ha' }],
    },
    {
      code: 'lcv.pilot_models',
      section: 'II.2',
      nameVi: 'Số mô hình điểm, tổ hợp tác, tổ sản xuất rau an toàn được chứng nhận',
      nameEn: 'Certified safe-vegetable pilot models, cooperative groups and production teams',
      unit: 'models',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.2: "Xây dựng 03 - 05 mô hình điểm, tổ hợp tác, tổ sản xuất rau an toàn, tập trung … được Chứng nhận đủ điều kiện sản xuất rau an toàn"`,
      targets: [{ year: 2030, comparator: 'gte', value: 3, asWritten: '03 - 05 mô hình' }],
    },
  ],
  tasks: [
    {
      code: 'V.report',
      groupCode: 'V',
      groupTitle: 'Tổ chức thực hiện',
      title: 'Báo cáo kết quả thực hiện Kế hoạch về Sở Nông nghiệp và PTNT (nay là Sở Nông nghiệp và Môi trường) để tổng hợp, báo cáo Bộ và UBND tỉnh',
      leadAgency: 'Các sở, ban, ngành; UBND các huyện, thị xã, thành phố (nay là UBND các xã, phường)',
      partnerAgencies: 'Sở Nông nghiệp và Môi trường (tổng hợp)',
      expectedResult: 'Báo cáo năm',
      deadlineText: 'Trước ngày 10/12 hằng năm',
      dueOn: '2024-12-10',
      recurrence: 'yearly',
      source: `${DOC}, mục V (đoạn cuối)`,
    },
  ],
};
