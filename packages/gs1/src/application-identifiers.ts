/**
 * The subset of GS1 Application Identifiers the platform reads and writes in Digital Link URIs, with
 * their formats from the GS1 General Specifications (§3.2) as used by the Digital Link standard's
 * grammar (repo gs1/GS1DigitalLinkToolkit / evrythng digital-link.js
 * grammar/GS1_Digital_Link_Grammar_1_4.abnf; docs/vn-standards.md §2.4).
 *
 * - primary keys and the qualifiers each allows, in the only order the path may carry them;
 * - data attributes, which go in the query string.
 */

/** GS1 AI encodable character set 82 (General Specifications Figure 7.11-1). */
export const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export interface AiDefinition {
  ai: string;
  title: string;
  /** Short name of the Digital Link 1.0 convenience alphas (accepted when parsing, never written). */
  shortName?: string;
  role: 'primary' | 'qualifier' | 'attribute';
  check(value: string): string | null;
}

const digits = (min: number, max: number) => (v: string) =>
  new RegExp(`^\\d{${min},${max}}$`).test(v) ? null : min === max ? `must be ${min} digits` : `must be ${min} to ${max} digits`;
const cset82 = (max: number) => (v: string) =>
  v.length < 1 || v.length > max ? `must be 1 to ${max} characters` : CSET82.test(v) ? null : 'has a character outside the GS1 82-character set (letters A–Z a–z, digits and !"%&\'()*+,-./:;<=>?_)';

/** YYMMDD; DD may be 00 (any day of the month) as GS1 allows for best-before and expiry dates. */
function yymmdd(v: string): string | null {
  if (!/^\d{6}$/.test(v)) return 'must be a date YYMMDD';
  const month = Number(v.slice(2, 4));
  const day = Number(v.slice(4, 6));
  if (month < 1 || month > 12) return `has month ${v.slice(2, 4)}; YYMMDD needs 01–12`;
  const daysInMonth = new Date(Date.UTC(2000 + Number(v.slice(0, 2)), month, 0)).getUTCDate();
  if (day > daysInMonth) return `has day ${v.slice(4, 6)}, past the end of the month`;
  return null;
}
/** AI 7007 harvest date: YYMMDD or a range YYMMDDYYMMDD. */
const harvestDate = (v: string) => (v.length === 6 ? yymmdd(v) : v.length === 12 ? yymmdd(v.slice(0, 6)) ?? yymmdd(v.slice(6)) : 'must be YYMMDD or YYMMDDYYMMDD');
const gtinCheck = (v: string) => {
  const shape = digits(14, 14)(v);
  if (shape) return shape;
  return checkDigitOk(v) ? null : 'has a wrong check digit';
};
function checkDigitOk(key: string) {
  let sum = 0;
  for (let i = 1; i < key.length; i++) sum += (key.charCodeAt(key.length - 1 - i) - 48) * (i % 2 === 1 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(key.at(-1));
}
const keyWithCheck = (n: number) => (v: string) => digits(n, n)(v) ?? (checkDigitOk(v) ? null : 'has a wrong check digit');

const table: AiDefinition[] = [
  { ai: '01', title: 'GTIN', shortName: 'gtin', role: 'primary', check: gtinCheck },
  { ai: '00', title: 'SSCC', shortName: 'sscc', role: 'primary', check: keyWithCheck(18) },
  { ai: '414', title: 'GLN of a physical location', shortName: 'gln', role: 'primary', check: keyWithCheck(13) },
  { ai: '417', title: 'Party GLN', shortName: 'party', role: 'primary', check: keyWithCheck(13) },
  { ai: '8004', title: 'GIAI', shortName: 'giai', role: 'primary', check: cset82(30) },
  { ai: '22', title: 'Consumer product variant', shortName: 'cpv', role: 'qualifier', check: cset82(20) },
  { ai: '10', title: 'Batch or lot number', shortName: 'lot', role: 'qualifier', check: cset82(20) },
  { ai: '21', title: 'Serial number', shortName: 'ser', role: 'qualifier', check: cset82(20) },
  { ai: '235', title: 'Third-party controlled serialised extension of GTIN', role: 'qualifier', check: cset82(28) },
  { ai: '254', title: 'GLN extension component', shortName: 'glnx', role: 'qualifier', check: cset82(20) },
  { ai: '02', title: 'GTIN of contained trade items', role: 'attribute', check: gtinCheck },
  { ai: '11', title: 'Production date', role: 'attribute', check: yymmdd },
  { ai: '13', title: 'Packaging date', role: 'attribute', check: yymmdd },
  { ai: '15', title: 'Best before date', shortName: 'bbd', role: 'attribute', check: yymmdd },
  { ai: '16', title: 'Sell by date', role: 'attribute', check: yymmdd },
  { ai: '17', title: 'Expiration date', shortName: 'exp', role: 'attribute', check: yymmdd },
  { ai: '30', title: 'Variable count of items', role: 'attribute', check: digits(1, 8) },
  { ai: '37', title: 'Count of trade items contained', role: 'attribute', check: digits(1, 8) },
  ...[0, 1, 2, 3, 4, 5].map((d): AiDefinition => ({ ai: `310${d}`, title: `Net weight, kg (${d} decimals)`, role: 'attribute', check: digits(6, 6) })),
  { ai: '422', title: 'Country of origin (ISO 3166-1 numeric)', role: 'attribute', check: digits(3, 3) },
  { ai: '7007', title: 'Harvest date', role: 'attribute', check: harvestDate },
];

export const AI_TABLE: ReadonlyMap<string, AiDefinition> = new Map(table.map((d) => [d.ai, d]));
const byShortName = new Map(table.filter((d) => d.shortName).map((d) => [d.shortName!, d]));

/** The AI of a path or query key: numeric AIs as they are, convenience alphas mapped to theirs. */
export const aiOf = (key: string): AiDefinition | undefined => AI_TABLE.get(key) ?? byShortName.get(key);

/** Key qualifiers each primary key allows, in the fixed order of the Digital Link grammar. */
export const QUALIFIERS: Readonly<Record<string, readonly string[]>> = {
  '01': ['22', '10', '21', '235'],
  '414': ['254'],
  '00': [],
  '417': [],
  '8004': [],
};
