/**
 * Two versions of one diary record side by side, field by field: the person's (queued on the phone)
 * and the server's (the conflict's `current`). Pure, so the comparison the person decides on is
 * tested (conflict-diff.test.ts). Nested details flatten to paths such as `customProduct.nFraction`
 * and `activeIngredients[0].name`.
 */

export interface VersionFields {
  occurredOn?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface DiffRow {
  /** `occurredOn`, or a path inside details. */
  path: string;
  /** undefined: the field is absent from that version. */
  mine: unknown;
  server: unknown;
  same: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaves of a value as path → primitive (arrays of primitives stay whole: they read as one list). */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value) && value.some((v) => isPlainObject(v) || Array.isArray(v))) {
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return Object.is(a, b);
}

/**
 * Every field present in either version, the date first, then the server's fields in its order,
 * then fields only the person's version has. A field the person's change leaves out (an update
 * without a new date) counts as unchanged from the server's.
 */
export function diffVersions(mine: VersionFields, server: Required<VersionFields>): DiffRow[] {
  const rows: DiffRow[] = [];
  const mineDate = mine.occurredOn ?? server.occurredOn;
  rows.push({ path: 'occurredOn', mine: mineDate, server: server.occurredOn, same: mineDate === server.occurredOn });
  const serverLeaves = flatten(server.details);
  const mineLeaves = mine.details === undefined ? serverLeaves : flatten(mine.details);
  for (const [path, value] of serverLeaves) rows.push({ path, mine: mineLeaves.get(path), server: value, same: sameValue(mineLeaves.get(path), value) });
  for (const [path, value] of mineLeaves) if (!serverLeaves.has(path)) rows.push({ path, mine: value, server: undefined, same: false });
  return rows;
}

/** Only the rows that differ, for a short summary ("3 fields differ"). */
export const differences = (rows: readonly DiffRow[]) => rows.filter((r) => !r.same);
