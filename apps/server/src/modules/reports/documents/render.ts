/**
 * Every report and table of the platform as XLSX, CSV and PDF, from one document model
 * (ReportDocument, packages/contracts/src/reports.ts):
 * - XLSX (exceljs): one sheet, the title and the facts of the report, then each table under its
 *   heading. Numbers stay numbers and dates stay dates, with display formats (#,##0.0; dd/mm/yyyy),
 *   so a Vietnamese Excel shows 1.234,5 and the sheet can still be summed.
 * - CSV: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252 mojibake);
 *   in Vietnamese the separator is ";" because "," is the decimal mark (1.234,5), in English ",";
 *   quoting per RFC 4180.
 * - PDF (pdfmake with its bundled Roboto, which has every Vietnamese glyph; never the built-in
 *   Helvetica, which has none): A4 landscape, tables with repeated header rows, page numbers.
 */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportCell, ReportColumn, ReportDocument, ReportTable } from '@dongxanh/contracts';
import { cellText, columnLabel, excelFormat, isDateCell, isLocalised, type Lang } from './cells.ts';

const require = createRequire(import.meta.url);

/** A fact of the report (meta row) read as a one-cell column: dates, whole numbers, numbers or text. */
function metaColumn(m: ReportDocument['meta'][number]): ReportColumn {
  const kind = isDateCell(m.value) ? 'date' : typeof m.value === 'number' ? (Number.isInteger(m.value) ? 'integer' : 'number') : 'text';
  return { key: 'v', label: m.label, kind };
}

// ------------------------------------------------------------------ XLSX

function excelValue(lang: Lang, column: ReportColumn, cell: ReportCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (isLocalised(cell)) return cell[lang];
  const iso = isDateCell(cell) ? cell.date : column.kind === 'date' && typeof cell === 'string' ? cell : null;
  if (iso && /^\d{4}-\d{2}-\d{2}/.test(iso)) return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return isDateCell(cell) ? cell.date : cell;
}

export async function renderXlsx(doc: ReportDocument, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Đồng Xanh';
  workbook.created = new Date(doc.generatedAt);
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Báo cáo' : 'Report', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = Math.max(2, ...doc.sections.map((s) => s.columns.length));
  const widths = new Array<number>(width).fill(12);

  const title = sheet.addRow([doc.title[lang]]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, width);
  const subtitle = sheet.addRow([doc.subtitle[lang]]);
  subtitle.font = { italic: true };
  sheet.mergeCells(subtitle.number, 1, subtitle.number, width);
  for (const m of doc.meta) {
    const isDate = isDateCell(m.value);
    const row = sheet.addRow([m.label[lang], excelValue(lang, metaColumn(m), m.value)]);
    row.getCell(1).font = { bold: true };
    if (isDate) row.getCell(2).numFmt = 'dd/mm/yyyy';
    widths[0] = Math.max(widths[0]!, m.label[lang].length + 2);
  }

  for (const section of doc.sections) {
    sheet.addRow([]);
    const heading = sheet.addRow([section.title[lang]]);
    heading.font = { bold: true, size: 12 };
    if (section.note) {
      const note = sheet.addRow([section.note[lang]]);
      note.font = { italic: true, size: 9 };
      sheet.mergeCells(note.number, 1, note.number, width);
      note.alignment = { wrapText: true, vertical: 'top' };
    }
    const header = sheet.addRow(section.columns.map((c) => columnLabel(lang, c)));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EFD9' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const r of section.rows) {
      const row = sheet.addRow(section.columns.map((c) => excelValue(lang, c, r[c.key])));
      section.columns.forEach((c, i) => {
        const fmt = excelFormat(c);
        if (fmt) row.getCell(i + 1).numFmt = fmt;
        if (c.kind === 'text') row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
        const shown = cellText(lang, c, r[c.key]).length;
        widths[i] = Math.min(60, Math.max(widths[i]!, Math.min(shown, 60) + 2, columnLabel(lang, c).length > 30 ? 14 : columnLabel(lang, c).length + 2));
      });
    }
  }
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ------------------------------------------------------------------ CSV

const BOM = '\uFEFF';

function csvField(value: string, separator: string): string {
  return value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(doc: ReportDocument, lang: Lang): Buffer {
  const sep = lang === 'vi' ? ';' : ',';
  const line = (fields: readonly string[]) => fields.map((f) => csvField(f, sep)).join(sep);
  const lines: string[] = [line([doc.title[lang]]), line([doc.subtitle[lang]])];
  for (const m of doc.meta) lines.push(line([m.label[lang], cellText(lang, metaColumn(m), m.value)]));
  for (const section of doc.sections) {
    lines.push('', line([section.title[lang]]));
    if (section.note) lines.push(line([section.note[lang]]));
    lines.push(line(section.columns.map((c) => columnLabel(lang, c))));
    for (const r of section.rows) lines.push(line(section.columns.map((c) => cellText(lang, c, r[c.key]))));
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

// ------------------------------------------------------------------ PDF

/** pdfmake 0.2's server-side printer (src/printer.js); @types/pdfmake describes 0.3, which has none. */
interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  end(): void;
}
type PdfPrinter = { createPdfKitDocument(doc: TDocumentDefinitions): PdfKitDocument };
type FontFiles = { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer };
const PdfPrinterClass = require('pdfmake') as new (fonts: Record<string, FontFiles>) => PdfPrinter;

let printer: PdfPrinter | undefined;
function pdfPrinter() {
  if (!printer) {
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name]!, 'base64');
    printer = new PdfPrinterClass({ Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') } });
  }
  return printer;
}

/**
 * Long unbroken tokens (indicator codes such as ct.chemical_fertiliser_reduction) get a zero-width
 * space after each "." and "_", where a line may then break; otherwise one code widens its column
 * past the page.
 */
const breakable = (text: string) => text.replace(/[^\s]{18,}/g, (token) => token.replace(/([._])/g, '$1\u200b'));

function pdfTable(lang: Lang, section: ReportTable): Content {
  const numeric = (c: ReportColumn) => c.kind !== 'text' && c.kind !== 'date';
  const header: TableCell[] = section.columns.map((c) => ({ text: breakable(columnLabel(lang, c)), style: 'th', alignment: numeric(c) ? 'right' : 'left' }));
  const body: TableCell[][] = [header, ...section.rows.map((r) => section.columns.map((c): TableCell => ({ text: breakable(cellText(lang, c, r[c.key])), alignment: numeric(c) ? 'right' : 'left' })))];
  // Wide text columns take the room left; numbers are as narrow as their content.
  const widths = section.columns.map((c) => (c.kind === 'text' ? '*' : 'auto'));
  return [
    { text: section.title[lang], style: 'h2' },
    ...(section.note ? [{ text: section.note[lang], style: 'note' } as Content] : []),
    section.rows.length
      ? { table: { headerRows: 1, widths, body, dontBreakRows: true }, layout: { fillColor: (row: number) => (row === 0 ? '#e3efd9' : null), hLineColor: () => '#b7c4b0', vLineColor: () => '#b7c4b0' }, style: 'table' }
      : { text: lang === 'vi' ? '(không có dòng nào)' : '(no rows)', style: 'note' },
  ];
}

export function renderPdf(doc: ReportDocument, lang: Lang): Promise<Buffer> {
  const metaBody: TableCell[][] = doc.meta.map((m) => [
    { text: m.label[lang], bold: true },
    { text: cellText(lang, metaColumn(m), m.value) },
  ]);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    info: { title: doc.title[lang], creator: 'Đồng Xanh', producer: 'Đồng Xanh (pdfmake)' },
    defaultStyle: { font: 'Roboto', fontSize: 8.5, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, italics: true, color: '#3d4a3d', margin: [0, 0, 0, 8] },
      h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      note: { fontSize: 7.5, italics: true, color: '#4d574d', margin: [0, 0, 0, 4] },
      th: { bold: true },
      table: { margin: [0, 0, 0, 4] },
    },
    footer: (page: number, pages: number) => ({ text: lang === 'vi' ? `Trang ${page}/${pages}` : `Page ${page} of ${pages}`, alignment: 'right', margin: [36, 10, 36, 0], fontSize: 7.5, color: '#4d574d' }),
    content: [
      { text: doc.title[lang], style: 'h1' },
      { text: doc.subtitle[lang], style: 'subtitle' },
      ...(metaBody.length ? [{ table: { widths: [130, '*'], body: metaBody }, layout: 'noBorders', margin: [0, 0, 0, 4] } as Content] : []),
      ...doc.sections.map((s) => pdfTable(lang, s)),
    ],
  };
  return new Promise((resolve, reject) => {
    const pdf = pdfPrinter().createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

export async function renderDocument(doc: ReportDocument, format: keyof typeof CONTENT_TYPES, lang: Lang): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(doc, lang);
    case 'csv':
      return renderCsv(doc, lang);
    case 'pdf':
      return renderPdf(doc, lang);
  }
}
