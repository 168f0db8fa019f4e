/**
 * How a report document's cells read in each language: Vietnamese numbers 1.234,5 and dates
 * dd/mm/yyyy (vn-standards.md §7, CLDR `vi`), English 1,234.5 and dd/mm/yyyy (en-GB, so dates read
 * the same in both). Shared by the CSV and PDF renderers; the XLSX keeps numbers and dates as
 * numbers and dates with a display format, so spreadsheets can still compute with them.
 */
import type { Localised, ReportCell, ReportColumn } from '@dongxanh/contracts';

export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number, digits: number): string {
  const key = `${lang}|${digits}`;
  let nf = formats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, nf);
  }
  // No "-0,0" for a value that rounds to zero.
  const rounded = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return nf.format(rounded);
}

/** dd/mm/yyyy from an ISO calendar date (YYYY-MM-DD) or the date part of an instant. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export const isLocalised = (cell: ReportCell): cell is Localised => typeof cell === 'object' && cell !== null && 'vi' in cell && 'en' in cell;
export const isDateCell = (cell: ReportCell): cell is { date: string } => typeof cell === 'object' && cell !== null && 'date' in cell;

export const text = (lang: Lang, l: Localised) => l[lang];

/** The column header, with the unit of a percentage column when the label does not say it. */
export function columnLabel(lang: Lang, column: ReportColumn): string {
  const label = column.label[lang];
  return column.kind === 'percent' && !label.includes('%') ? `${label} (%)` : label;
}

const defaultDigits = (column: ReportColumn) => column.digits ?? (column.kind === 'integer' ? 0 : column.kind === 'percent' ? 1 : 2);

/** A cell as text in a language (CSV, PDF). */
export function cellText(lang: Lang, column: ReportColumn, cell: ReportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (isLocalised(cell)) return cell[lang];
  if (isDateCell(cell)) return formatDate(cell.date);
  if (typeof cell === 'number') return column.kind === 'text' || column.kind === 'date' ? String(cell) : formatNumber(lang, cell, defaultDigits(column));
  if (column.kind === 'date') return formatDate(cell);
  return cell;
}

/** The Excel number format of a column: "#,##0.0" shows 1.234,5 in a Vietnamese Excel, 1,234.5 in an English one. */
export function excelFormat(column: ReportColumn): string | undefined {
  const d = defaultDigits(column);
  const decimals = d > 0 ? `.${'0'.repeat(d)}` : '';
  switch (column.kind) {
    case 'number':
    case 'integer':
      return `#,##0${decimals}`;
    case 'percent':
      return `#,##0${decimals}" %"`;
    case 'date':
      return 'dd/mm/yyyy';
    case 'text':
      return undefined;
  }
}
