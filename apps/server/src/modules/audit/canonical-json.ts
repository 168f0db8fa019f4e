/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as JSON.stringify's callers expect),
 * no whitespace, values as JSON.stringify writes them. The same document always gives the same
 * text, so its sha256 identifies it (run input hashes, audit-log entry hashes). Close to RFC 8785
 * (JCS) for the documents we hash: finite numbers, strings and plain objects and arrays.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a JSON number`);
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonicalJson: a ${typeof value} is not JSON`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const canonicalHash = (value: unknown) => sha256Hex(canonicalJson(value));
