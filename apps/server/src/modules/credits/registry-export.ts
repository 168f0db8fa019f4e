/**
 * The export for the national registry, as pure functions over stored records. Format
 * `dongxanh-registry-export/1` (documented in registry-format.md): a JSON document with the project and
 * its records (issuances, transfers, retirements), or CSV with one record per row, a header row naming
 * the columns in the order of `REGISTRY_COLUMNS`, RFC 4180 quoting, UTF-8 with a byte-order mark
 * (so spreadsheet programs read Vietnamese correctly) and CRLF line ends.
 */
import type { RegistryExport, RegistryRecord } from '@dongxanh/contracts';

export const REGISTRY_COLUMNS = [
  'record_kind', 'record_id', 'project_code', 'project_name', 'methodology', 'vintage', 'serial_range', 'serial_start', 'serial_end', 'quantity',
  'from_account', 'to_account', 'beneficiary', 'reason', 'verifier', 'verified_on', 'occurred_at',
] as const satisfies ReadonlyArray<keyof RegistryRecord>;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registryCsv(doc: RegistryExport): string {
  const lines = [REGISTRY_COLUMNS.join(','), ...doc.records.map((r) => REGISTRY_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
