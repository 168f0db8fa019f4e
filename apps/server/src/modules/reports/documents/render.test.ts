/**
 * The three file formats opened back: exceljs reads the XLSX (numbers stay numbers with a format
 * that shows 1.234,5; dates are dates shown dd/mm/yyyy), the CSV is parsed (BOM, ";" separator,
 * Vietnamese numbers), the PDF's text is extracted with pdftotext and its first page drawn with
 * pdftoppm to /tmp/e2e-shots/reports/ to be looked at (Poppler, Debian's poppler-utils).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { ReportDocument } from '@dongxanh/contracts';
import { formatNumber } from './cells.ts';
import { renderCsv, renderPdf, renderXlsx } from './render.ts';

const doc: ReportDocument = {
  kind: 'yearly_report',
  title: { vi: 'Báo cáo kết quả thực hiện năm 2026', en: 'Implementation report 2026' },
  subtitle: { vi: 'Xã Thới Lai, thành phố Cần Thơ — Đề án “Một triệu héc-ta”', en: 'Thới Lai commune, Cần Thơ — the one-million-hectare scheme' },
  meta: [
    { label: { vi: 'Hạn nộp', en: 'Due' }, value: { date: '2026-12-10' } },
    { label: { vi: 'Phiên bản', en: 'Version' }, value: 2 },
  ],
  sections: [
    {
      id: 'indicators',
      title: { vi: 'Chỉ tiêu', en: 'Indicators' },
      note: { vi: 'Giá trị tính từ nhật ký đồng ruộng; “—” là chưa có số liệu.', en: 'Values computed from the farming diaries.' },
      columns: [
        { key: 'name', label: { vi: 'Chỉ tiêu', en: 'Indicator' }, kind: 'text' },
        { key: 'actual', label: { vi: 'Thực hiện', en: 'Actual' }, kind: 'number', digits: 1 },
        { key: 'share', label: { vi: 'Tỷ lệ', en: 'Share' }, kind: 'percent', digits: 1 },
        { key: 'on', label: { vi: 'Ngày', en: 'Date' }, kind: 'date' },
      ],
      rows: [
        { name: { vi: 'Diện tích canh tác vùng chuyên canh', en: 'Cultivated area' }, actual: 104500.25, share: 12.345, on: { date: '2026-03-05' } },
        { name: { vi: 'Lượng lúa giống gieo sạ; “dưới 70 kg/ha”', en: 'Seed rate' }, actual: 1234.5, share: null, on: null },
      ],
    },
  ],
  generatedAt: '2026-11-23T10:00:00.000Z',
};

/** RFC 4180 with a chosen separator. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  return rows;
}

describe('report files', () => {
  test('Vietnamese numbers: 1.234,5', () => {
    assert.equal(formatNumber('vi', 1234.5, 1), '1.234,5');
    assert.equal(formatNumber('vi', 104500.25, 2), '104.500,25');
    assert.equal(formatNumber('en', 1234.5, 1), '1,234.5');
    assert.equal(formatNumber('vi', -0.00001, 1), '0,0');
  });

  test('XLSX opens with its numbers, formats, dates and Vietnamese text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(doc, 'vi')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.name, 'Báo cáo');
    assert.equal(sheet.getCell('A1').value, 'Báo cáo kết quả thực hiện năm 2026');
    const cells = new Map<string, ExcelJS.Cell>();
    sheet.eachRow((row) => row.eachCell((cell) => cells.set(String(cell.value instanceof Date ? cell.value.toISOString() : cell.value), cell)));
    const due = cells.get('2026-12-10T00:00:00.000Z')!;
    assert.equal(due.numFmt, 'dd/mm/yyyy');
    const area = cells.get('104500.25')!;
    assert.equal(area.numFmt, '#,##0.0');
    assert.equal(cells.get('12.345')!.numFmt, '#,##0.0" %"');
    assert.ok(cells.has('Lượng lúa giống gieo sạ; “dưới 70 kg/ha”'));
    assert.ok(cells.has('Tỷ lệ (%)'));
  });

  test('CSV: byte-order mark, ";" between fields, 1.234,5 and dd/mm/yyyy', () => {
    const bytes = renderCsv(doc, 'vi');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1), ';');
    assert.deepEqual(rows[0], ['Báo cáo kết quả thực hiện năm 2026']);
    assert.deepEqual(rows[2], ['Hạn nộp', '10/12/2026']);
    const header = rows.findIndex((r) => r[0] === 'Chỉ tiêu' && r[1] === 'Thực hiện');
    assert.deepEqual(rows[header], ['Chỉ tiêu', 'Thực hiện', 'Tỷ lệ (%)', 'Ngày']);
    assert.deepEqual(rows[header + 1], ['Diện tích canh tác vùng chuyên canh', '104.500,3', '12,3', '05/03/2026']);
    assert.deepEqual(rows[header + 2], ['Lượng lúa giống gieo sạ; “dưới 70 kg/ha”', '1.234,5', '', '']);
    const en = parseCsv(renderCsv(doc, 'en').toString('utf8').slice(1), ',');
    assert.ok(en.some((r) => r[0] === 'Cultivated area' && r[1] === '104,500.3'));
  });

  test('PDF: the text reads back in Vietnamese; page 1 drawn to PNG', async () => {
    const pdf = await renderPdf(doc, 'vi');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'dx-pdf-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const textOut = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['Báo cáo kết quả thực hiện năm 2026', 'Xã Thới Lai', '104.500,25'.slice(0, 7), '1.234,5', '10/12/2026', '05/03/2026', 'Trang 1/1', 'Lượng lúa giống gieo sạ']) {
      assert.ok(textOut.includes(expected), `"${expected}" not in the PDF text:\n${textOut}`);
    }
    const shots = '/tmp/e2e-shots/reports';
    mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(shots, 'render-test')]);
  });
});
