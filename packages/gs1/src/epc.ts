/**
 * EPC pure-identity URNs for EPCIS (GS1 EPC Tag Data Standard §6–7): SGTIN, LGTIN (class), SGLN,
 * SSCC and PGLN. A URN splits a GS1 key at the company-prefix boundary, so the prefix length is an
 * input (GS1 Vietnam issues prefixes of several lengths after 893); the check digit is dropped in the
 * URN and recomputed when reading one back.
 *
 * Serial numbers, lots and GLN extensions escape the characters the TDS grammar reserves
 * (" % & / < > ?) as %HH (TDS §5: "escaped" characters in the GS1 AI encodable set).
 */
import { Gs1Error, assertGln, assertSscc, toGtin14, withCheckDigit } from './check-digit.ts';

const TDS_ESCAPED = /["%&/<>?]/g;
const escapeTds = (v: string) => v.replace(TDS_ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const unescapeTds = (v: string) => v.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function checkPrefixLength(length: number, keyLength: number) {
  if (!Number.isInteger(length) || length < 6 || length > 12) throw new Gs1Error('companyPrefixLength', `A GS1 company prefix has 6 to 12 digits (got ${length})`);
  if (length >= keyLength) throw new Gs1Error('companyPrefixLength', `A company prefix of ${length} digits does not fit a ${keyLength}-digit key`);
}

/** GTIN-14 → "CompanyPrefix.IndicatorItemReference" (TDS §6.3.1). */
function gtinParts(gtin: string, companyPrefixLength: number) {
  const g = toGtin14(gtin);
  checkPrefixLength(companyPrefixLength, 13);
  return `${g.slice(1, 1 + companyPrefixLength)}.${g[0]}${g.slice(1 + companyPrefixLength, 13)}`;
}

export const sgtinUrn = (gtin: string, serial: string, companyPrefixLength: number) => `urn:epc:id:sgtin:${gtinParts(gtin, companyPrefixLength)}.${escapeTds(serial)}`;
export const lgtinUrn = (gtin: string, lot: string, companyPrefixLength: number) => `urn:epc:class:lgtin:${gtinParts(gtin, companyPrefixLength)}.${escapeTds(lot)}`;

/** A GLN (with optional extension, AI 254) as an SGLN; "0" means no extension (TDS §6.3.3). */
export function sglnUrn(gln: string, companyPrefixLength: number, extension = '0'): string {
  assertGln(gln);
  checkPrefixLength(companyPrefixLength, 12);
  return `urn:epc:id:sgln:${gln.slice(0, companyPrefixLength)}.${gln.slice(companyPrefixLength, 12)}.${escapeTds(extension)}`;
}

export function pglnUrn(gln: string, companyPrefixLength: number): string {
  assertGln(gln);
  checkPrefixLength(companyPrefixLength, 12);
  return `urn:epc:id:pgln:${gln.slice(0, companyPrefixLength)}.${gln.slice(companyPrefixLength, 12)}`;
}

/** SSCC → urn:epc:id:sscc:CompanyPrefix.ExtensionSerialReference (TDS §6.3.2). */
export function ssccUrn(sscc: string, companyPrefixLength: number): string {
  assertSscc(sscc);
  checkPrefixLength(companyPrefixLength, 17);
  return `urn:epc:id:sscc:${sscc.slice(1, 1 + companyPrefixLength)}.${sscc[0]}${sscc.slice(1 + companyPrefixLength, 17)}`;
}

export type ParsedEpc =
  | { scheme: 'sgtin'; gtin: string; serial: string }
  | { scheme: 'lgtin'; gtin: string; lot: string }
  | { scheme: 'sgln'; gln: string; extension: string }
  | { scheme: 'pgln'; gln: string }
  | { scheme: 'sscc'; sscc: string }
  | { scheme: 'other'; uri: string };

/**
 * Reads the EPC URNs above back into GS1 keys (check digits recomputed). Other EPC schemes (GRAI,
 * GIAI, GSRN, GDTI, id patterns …) and non-URN identifiers come back as 'other'.
 */
export function parseEpcUri(uri: string): ParsedEpc {
  const m = /^urn:epc:(id|class):([a-z]+):(.+)$/.exec(uri);
  if (!m) return { scheme: 'other', uri };
  const [, kind, scheme, rest] = m as unknown as [string, string, string, string];
  const fields = rest.split('.');
  const gtinOf = (cp: string, indItem: string) => withCheckDigit(`${indItem[0]}${cp}${indItem.slice(1)}`);
  if (kind === 'id' && scheme === 'sgtin' && fields.length >= 3 && /^\d+$/.test(fields[0]! + fields[1]!) && fields[0]!.length + fields[1]!.length === 13) {
    return { scheme: 'sgtin', gtin: gtinOf(fields[0]!, fields[1]!), serial: unescapeTds(fields.slice(2).join('.')) };
  }
  if (kind === 'class' && scheme === 'lgtin' && fields.length >= 3 && /^\d+$/.test(fields[0]! + fields[1]!) && fields[0]!.length + fields[1]!.length === 13) {
    return { scheme: 'lgtin', gtin: gtinOf(fields[0]!, fields[1]!), lot: unescapeTds(fields.slice(2).join('.')) };
  }
  if (kind === 'id' && scheme === 'sgln' && fields.length >= 3 && /^\d+$/.test(fields[0]! + fields[1]!) && fields[0]!.length + fields[1]!.length === 12) {
    return { scheme: 'sgln', gln: withCheckDigit(fields[0]! + fields[1]!), extension: unescapeTds(fields.slice(2).join('.')) };
  }
  if (kind === 'id' && scheme === 'pgln' && fields.length === 2 && /^\d{12}$/.test(fields[0]! + fields[1]!)) {
    return { scheme: 'pgln', gln: withCheckDigit(fields[0]! + fields[1]!) };
  }
  if (kind === 'id' && scheme === 'sscc' && fields.length === 2 && /^\d{17}$/.test(fields[0]! + fields[1]!)) {
    return { scheme: 'sscc', sscc: withCheckDigit(`${fields[1]![0]}${fields[0]}${fields[1]!.slice(1)}`) };
  }
  return { scheme: 'other', uri };
}
