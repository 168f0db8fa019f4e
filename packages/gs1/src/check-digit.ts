/**
 * GS1 "standard" mod-10 check digits for GTIN-8/12/13/14, GLN and SSCC, exactly as GS1's own
 * reference code computes them (repo gs1/gs1-syntax-engine, src/c-lib/syntax/lint_csum.c; summarised
 * in docs/vn-standards.md §2.4): weights 3, 1, 3, 1 … from the digit left of the check digit
 * leftwards, check digit = (10 − sum mod 10) mod 10.
 */

export class Gs1Error extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'Gs1Error';
  }
}

/** The check digit of `body` (the key without its check digit). */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Gs1Error('body', `A GS1 key has digits only (got "${body}")`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48; // from the right
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export const isValidGs1Key = (key: string) => /^\d{2,}$/.test(key) && gs1CheckDigit(key.slice(0, -1)) === Number(key.slice(-1));

/** Appends the check digit to a key body. */
export const withCheckDigit = (body: string) => `${body}${gs1CheckDigit(body)}`;

export type KeyKind = 'gtin' | 'gln' | 'sscc';
const LENGTHS: Record<KeyKind, readonly number[]> = { gtin: [8, 12, 13, 14], gln: [13], sscc: [18] };
const NAMES: Record<KeyKind, string> = { gtin: 'GTIN', gln: 'GLN', sscc: 'SSCC' };

/** Why a key is not valid, or null when it is. The message names the key and what is wrong. */
export function gs1KeyProblem(kind: KeyKind, key: string): string | null {
  const name = NAMES[kind];
  if (!/^\d+$/.test(key)) return `${name} "${key}" must contain digits only`;
  if (!LENGTHS[kind].includes(key.length)) return `${name} "${key}" has ${key.length} digits; a ${name} has ${LENGTHS[kind].join(', ')} digits`;
  const expected = gs1CheckDigit(key.slice(0, -1));
  if (expected !== Number(key.slice(-1))) return `${name} "${key}" has check digit ${key.slice(-1)}; the correct check digit is ${expected}`;
  return null;
}

function assertKey(kind: KeyKind, key: string): string {
  const problem = gs1KeyProblem(kind, key);
  if (problem) throw new Gs1Error(kind, problem);
  return key;
}

export const isValidGtin = (gtin: string) => gs1KeyProblem('gtin', gtin) === null;
export const isValidGln = (gln: string) => gs1KeyProblem('gln', gln) === null;
export const isValidSscc = (sscc: string) => gs1KeyProblem('sscc', sscc) === null;

/** GTIN-8/12/13/14 as the 14 digits Digital Link and EPCIS use (left-padded with zeros). */
export function toGtin14(gtin: string): string {
  return assertKey('gtin', gtin).padStart(14, '0');
}

export const assertGln = (gln: string) => assertKey('gln', gln);
export const assertSscc = (sscc: string) => assertKey('sscc', sscc);

/**
 * A GTIN-13 from a GS1 company prefix (e.g. one issued by GS1 Vietnam, starting 893) and an item
 * reference: together 12 digits, then the check digit.
 */
export function gtin13From(companyPrefix: string, itemReference: string): string {
  if (!/^\d{6,12}$/.test(companyPrefix)) throw new Gs1Error('companyPrefix', `A GS1 company prefix has 6 to 12 digits (got "${companyPrefix}")`);
  const body = `${companyPrefix}${itemReference}`;
  if (!/^\d{12}$/.test(body)) {
    throw new Gs1Error('itemReference', `Company prefix ${companyPrefix} leaves ${12 - companyPrefix.length} digits for the item reference (got "${itemReference}")`);
  }
  return withCheckDigit(body);
}

/** A GLN from a company prefix and a location reference (12 digits + check digit). */
export function glnFrom(companyPrefix: string, locationReference: string): string {
  const body = `${companyPrefix}${locationReference}`;
  if (!/^\d{12}$/.test(body)) throw new Gs1Error('locationReference', `Company prefix + location reference must be 12 digits (got "${body}")`);
  return withCheckDigit(body);
}

/** An SSCC from an extension digit, a company prefix and a serial reference (17 digits + check digit). */
export function ssccFrom(extensionDigit: number, companyPrefix: string, serialReference: string | number): string {
  const room = 16 - companyPrefix.length;
  const serial = String(serialReference).padStart(room, '0');
  const body = `${extensionDigit}${companyPrefix}${serial}`;
  if (!/^\d{17}$/.test(body)) throw new Gs1Error('serialReference', `Extension + company prefix + serial reference must be 17 digits (got "${body}")`);
  return withCheckDigit(body);
}
