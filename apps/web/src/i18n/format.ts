/**
 * Number and date formatting for the two languages, always through Intl. Vietnamese writes
 * 1.234,5 and dd/mm/yyyy; English keeps dd/mm/yyyy (en-GB) so that dates read the same in both.
 */
export type Lang = 'vi' | 'en';

export const LOCALE_BY_LANG: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALE_BY_LANG[lang], { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, nf);
  }
  return nf;
}

/** `digits` fixes the decimals; `maxDigits` allows up to that many (trailing zeros dropped). */
export function formatNumber(lang: Lang, value: number, digits: { fixed?: number; max?: number } = {}): string {
  if (!Number.isFinite(value)) return '—';
  const min = digits.fixed ?? 0;
  const max = digits.fixed ?? digits.max ?? 2;
  // Avoid "-0,00" for tiny negative values that round to zero.
  const rounded = Math.abs(value) < 0.5 * 10 ** -max ? 0 : value;
  return numberFormat(lang, min, max).format(rounded);
}

/** Percent of a plain number (12.3 → "12,3 %" in Vietnamese, "12.3%" in English). */
export function formatPercent(lang: Lang, value: number, fixed = 1): string {
  const n = formatNumber(lang, value, { fixed });
  return lang === 'vi' ? `${n} %` : `${n}%`;
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

function toDate(value: string | Date): Date | null {
  // A calendar date (YYYY-MM-DD) is a day, not an instant: read it at local noon so no time zone moves it.
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** dd/mm/yyyy in both languages. */
export function formatDate(lang: Lang, value: string | Date): string {
  const d = toDate(value);
  if (!d) return '—';
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_BY_LANG[lang], { day: '2-digit', month: '2-digit', year: 'numeric' });
    dateFormats.set(lang, f);
  }
  return f.format(d);
}

/** dd/mm/yyyy HH:mm, for instants such as `createdAt`. */
export function formatDateTime(lang: Lang, value: string | Date): string {
  const d = toDate(value);
  if (!d) return '—';
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_BY_LANG[lang], { hour: '2-digit', minute: '2-digit', hour12: false });
    dateTimeFormats.set(lang, f);
  }
  return `${formatDate(lang, d)} ${f.format(d)}`;
}

/**
 * Reads a number typed by a person. Vietnamese uses "," for decimals and "." for thousands; English
 * the reverse. Phones offer either key, so a lone separator is read as decimal unless it clearly
 * groups thousands ("6.000" in Vietnamese is six thousand; "2.5" is two and a half).
 * Returns undefined for an empty field and NaN for text that is not a number.
 */
export function parseNumber(lang: Lang, text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (s === '') return undefined;
  const hasComma = s.includes(',');
  const hasDot = s.includes('.');
  let normalised: string;
  if (hasComma && hasDot) {
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else if (hasComma || hasDot) {
    const sep = hasComma ? ',' : '.';
    const groupSep = lang === 'vi' ? '.' : ',';
    const grouped = new RegExp(`^-?[1-9]\\d{0,2}(\\${sep}\\d{3})+$`).test(s);
    normalised = sep === groupSep && grouped ? s.split(sep).join('') : s.split(sep).length === 2 ? s.replace(sep, '.') : 'NaN';
  } else {
    normalised = s;
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/**
 * Reads a calendar date typed as dd/mm/yyyy (also d/m/yyyy, with "-" or "." between the parts, or
 * ISO yyyy-mm-dd) into ISO "YYYY-MM-DD". Returns undefined for an empty field and null for text that
 * is not a real date (31/02/2026). Typed rather than <input type="date">, whose format follows the
 * browser's language, not the app's: the product writes dates dd/mm/yyyy in both languages.
 */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [year, month, day] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A phone number as people write it ("0912 345 678", "0912.345.678", "+84 912-345-678") → the digits
 * the API takes (9 to 15, an optional leading +). Undefined for an empty field, null when it is not
 * a phone number.
 */
export function parsePhone(text: string): string | null | undefined {
  const s = text.replace(/[\s.\-()]/g, '');
  if (s === '') return undefined;
  return /^\+?[0-9]{9,15}$/.test(s) ? s : null;
}
