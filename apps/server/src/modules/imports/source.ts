/**
 * What every import format is read into: records with a row number as the user counts them, the
 * values of the template's columns, and (for plots) a geometry still to be read. A file that cannot
 * be read at all throws FileRefused; a row that is wrong is refused later, with its number.
 */
import type { DeclaredCrs } from './vn2000.ts';

export interface SourceRecord {
  /** 1 = first data row under the header, or first feature / placemark / shape. */
  row: number;
  /** Values of known columns, keyed by the template's column names. */
  values: Record<string, string>;
  /** A GeoJSON geometry object, or text (GeoJSON or WKT) from a spreadsheet cell; undefined if absent. */
  geometry: unknown;
}

export interface ImportSource {
  /** Rows the file holds (the progress bar's 100 %). */
  totalRows: number;
  /** The coordinate system the file states about itself, if it does. */
  declaredCrs: DeclaredCrs | null;
  batches(size: number): AsyncGenerator<SourceRecord[]>;
}

/** The whole file is unreadable or lacks a required column: nothing in it is looked at further. */
export class FileRefused extends Error {
  constructor(
    message: string,
    readonly field = 'file',
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}

export const PLOT_COLUMNS = ['code', 'name', 'commune_code', 'land_use', 'household_phone', 'household_id', 'geometry'] as const;
export const HOUSEHOLD_COLUMNS = ['head_name', 'phone', 'address', 'commune_code', 'organisation_id', 'member_names'] as const;

/**
 * Short names accepted beside the template's, mostly because a Shapefile's .dbf cuts field names at
 * 10 characters ("household_phone" becomes "household_").
 */
const ALIASES: Record<string, string> = {
  hh_phone: 'household_phone',
  hh_id: 'household_id',
  commune: 'commune_code',
  commune_co: 'commune_code',
  landuse: 'land_use',
  org_id: 'organisation_id',
  organisati: 'organisation_id',
  organization_id: 'organisation_id',
  members: 'member_names',
  member_nam: 'member_names',
  head: 'head_name',
  wkt: 'geometry',
  geom: 'geometry',
};

/** A header as written ("Commune code", "COMMUNE_CO", "commune_code") → the template's column, or null. */
export function canonicalColumn(header: string, known: readonly string[]): string | null {
  const name = header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (known.includes(name)) return name;
  const alias = ALIASES[name];
  if (alias && known.includes(alias)) return alias;
  return null;
}

export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** A property value from GeoJSON, a .dbf or a spreadsheet as text ('' for nothing). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

/** Properties of a feature → values of the known columns. */
export function valuesFrom(properties: Record<string, unknown> | null | undefined, known: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    const column = canonicalColumn(key, known);
    if (column && !(column in values)) values[column] = valueText(value);
  }
  return values;
}
