/**
 * GS1 Digital Link URIs (uncompressed form), parsed and generated per the URI syntax of the GS1
 * Digital Link standard (grammar: evrythng/digital-link.js grammar/GS1_Digital_Link_Grammar_1_4.abnf;
 * docs/vn-standards.md §2.4):
 *
 *   uri        = ("https" / "http") "://" host [path-prefix] "/" primary-ai "/" value
 *                *( "/" qualifier-ai "/" value )  [ "?" attr *( "&" attr ) ]
 *
 * - the primary key is the first AI of the path after any prefix; its qualifiers follow in the one
 *   order the grammar fixes (GTIN: 22, 10, 21 or 235; GLN: 254);
 * - GTINs appear as 14 digits (GTIN-8/12/13 left-padded with zeros);
 * - data attributes (dates, weights, origin) go in the query string, never in the path, and key
 *   qualifiers never in the query;
 * - values are percent-encoded except the URI unreserved characters A–Z a–z 0–9 - . _ ~ (the set GS1's
 *   reference implementation leaves unescaped: gs1/gs1-syntax-engine src/c-lib/dl.c,
 *   isURIunreservedCharacters);
 * - query keys that are not AIs (e.g. linkType) are kept as they are.
 */
import { AI_TABLE, QUALIFIERS, aiOf } from './application-identifiers.ts';
import { Gs1Error } from './check-digit.ts';

export interface AiValue {
  ai: string;
  value: string;
}

export interface DigitalLink {
  /** Scheme, host and path prefix, without a trailing slash, e.g. "https://truyxuat.example.vn/p". */
  base: string;
  primary: AiValue;
  qualifiers: AiValue[];
  attributes: AiValue[];
  /** Query parameters that are not GS1 AIs, in their order. */
  extra: Array<{ key: string; value: string }>;
}

const unreserved = /[A-Za-z0-9\-._~]/;

/** Percent-encodes every character except the URI unreserved ones (UTF-8, upper-case hex). */
export function encodeDigitalLinkValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (unreserved.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decode(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new Gs1Error(field, `"${raw}" is not valid percent-encoding`);
  }
}

function checkValue(ai: string, value: string, field: string) {
  const def = AI_TABLE.get(ai);
  if (!def) throw new Gs1Error(field, `AI (${ai}) is not supported`);
  const problem = def.check(value);
  if (problem) throw new Gs1Error(field, `(${ai}) ${def.title} "${value}" ${problem}`);
}

function checkBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Gs1Error('base', `"${base}" is not an absolute http(s) URI`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Gs1Error('base', `A Digital Link uses https or http, not ${url.protocol.replace(':', '')}`);
  if (url.search || url.hash) throw new Gs1Error('base', 'The base of a Digital Link has no query or fragment');
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

function checkStructure(primary: AiValue, qualifiers: readonly AiValue[], attributes: readonly AiValue[]) {
  const allowed = QUALIFIERS[primary.ai];
  if (!allowed) throw new Gs1Error('primary', `AI (${primary.ai}) is not a primary key of a Digital Link`);
  checkValue(primary.ai, primary.value, AI_TABLE.get(primary.ai)!.title);
  let position = -1;
  for (const q of qualifiers) {
    const at = allowed.indexOf(q.ai);
    if (at < 0) throw new Gs1Error('qualifiers', `AI (${q.ai}) cannot qualify (${primary.ai}) in the path; allowed: ${allowed.map((a) => `(${a})`).join(', ') || 'none'}`);
    if (at <= position) throw new Gs1Error('qualifiers', `Key qualifiers of (${primary.ai}) must appear in the order ${allowed.map((a) => `(${a})`).join(' → ')}`);
    if (q.ai === '235' && qualifiers.some((o) => o.ai === '21')) throw new Gs1Error('qualifiers', '(21) and (235) cannot both qualify one GTIN');
    position = at;
    checkValue(q.ai, q.value, AI_TABLE.get(q.ai)!.title);
  }
  const seen = new Set<string>();
  for (const a of attributes) {
    const def = AI_TABLE.get(a.ai);
    if (def && def.role !== 'attribute') throw new Gs1Error('attributes', `(${a.ai}) ${def.title} is a key or key qualifier: it belongs in the path, not the query`);
    if (seen.has(a.ai)) throw new Gs1Error('attributes', `(${a.ai}) appears twice in the query`);
    seen.add(a.ai);
    if (def) checkValue(a.ai, a.value, def.title);
    else if (!/^\d{2,4}$/.test(a.ai)) throw new Gs1Error('attributes', `"${a.ai}" is not an AI`);
  }
}

/** Writes a Digital Link URI; throws Gs1Error naming the element that is wrong. */
export function formatDigitalLink(link: Omit<DigitalLink, 'extra'> & { extra?: DigitalLink['extra'] }): string {
  const base = checkBase(link.base);
  checkStructure(link.primary, link.qualifiers, link.attributes);
  const path = [link.primary, ...link.qualifiers].map((p) => `/${p.ai}/${encodeDigitalLinkValue(p.value)}`).join('');
  const query = [
    ...link.attributes.map((a) => `${a.ai}=${encodeDigitalLinkValue(a.value)}`),
    ...(link.extra ?? []).map((e) => `${encodeDigitalLinkValue(e.key)}=${encodeDigitalLinkValue(e.value)}`),
  ];
  return `${base}${path}${query.length ? `?${query.join('&')}` : ''}`;
}

/** The Digital Link of a trade item: GTIN (8/12/13/14 digits, written as 14) with optional lot and serial. */
export function gtinDigitalLink(base: string, item: { gtin: string; lot?: string | undefined; serial?: string | undefined; cpv?: string | undefined }, attributes: AiValue[] = []): string {
  if (!/^\d{8}$|^\d{12,14}$/.test(item.gtin)) throw new Gs1Error('gtin', `GTIN "${item.gtin}" must have 8, 12, 13 or 14 digits`);
  const qualifiers: AiValue[] = [];
  if (item.cpv !== undefined) qualifiers.push({ ai: '22', value: item.cpv });
  if (item.lot !== undefined) qualifiers.push({ ai: '10', value: item.lot });
  if (item.serial !== undefined) qualifiers.push({ ai: '21', value: item.serial });
  return formatDigitalLink({ base, primary: { ai: '01', value: item.gtin.padStart(14, '0') }, qualifiers, attributes });
}

/**
 * Reads a Digital Link URI. The path is read from its end: pairs of AI and value back to the primary
 * key; whatever comes before it is the path prefix (part of `base`).
 */
export function parseDigitalLink(uri: string): DigitalLink {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Gs1Error('uri', `"${uri}" is not an absolute URI`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Gs1Error('uri', `A Digital Link uses https or http, not ${url.protocol.replace(':', '')}`);
  if (url.hash) throw new Gs1Error('uri', 'A Digital Link has no fragment (#…)');
  const segments = url.pathname.split('/').slice(1);
  if (segments.length && segments.at(-1) === '') segments.pop(); // a trailing slash
  let primaryAt = -1;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const def = aiOf(segments[i]!);
    if (!def) break;
    if (def.role === 'primary') {
      primaryAt = i;
      break;
    }
    if (def.role !== 'qualifier') break;
  }
  if (primaryAt < 0) throw new Gs1Error('uri', `No GS1 primary key (01, 00, 414, 417, 8004) found in the path of "${uri}"`);
  const pairs: AiValue[] = [];
  for (let i = primaryAt; i < segments.length; i += 2) {
    const def = aiOf(segments[i]!)!;
    pairs.push({ ai: def.ai, value: decode(segments[i + 1]!, def.title) });
  }
  const [primary, ...qualifiers] = pairs as [AiValue, ...AiValue[]];
  if (primary.ai === '01' && /^\d{8}$|^\d{12,13}$/.test(primary.value)) {
    throw new Gs1Error('GTIN', `GTIN "${primary.value}" must be written with 14 digits in a Digital Link (${primary.value.padStart(14, '0')})`);
  }
  const attributes: AiValue[] = [];
  const extra: DigitalLink['extra'] = [];
  const query = url.search.slice(1);
  if (query) {
    for (const part of query.split(/[&;]/)) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      const value = decode(eq < 0 ? '' : part.slice(eq + 1), rawKey);
      const key = decode(rawKey, 'query');
      const def = aiOf(key);
      if (def || /^\d{2,4}$/.test(key)) attributes.push({ ai: def?.ai ?? key, value });
      else extra.push({ key, value });
    }
  }
  const prefix = segments.slice(0, primaryAt).join('/');
  const base = `${url.protocol}//${url.host}${prefix ? `/${prefix}` : ''}`;
  checkStructure(primary, qualifiers, attributes);
  return { base, primary, qualifiers, attributes, extra };
}

/** The value of an AI in a parsed link (path or query), if present. */
export const valueOf = (link: DigitalLink, ai: string) => [link.primary, ...link.qualifiers, ...link.attributes].find((p) => p.ai === ai)?.value;

/** The GS1 element string in human-readable form, e.g. "(01)08930000000017(10)LOT1", for print. */
export const elementString = (link: Pick<DigitalLink, 'primary' | 'qualifiers' | 'attributes'>) =>
  [link.primary, ...link.qualifiers, ...link.attributes].map((p) => `(${p.ai})${p.value}`).join('');
