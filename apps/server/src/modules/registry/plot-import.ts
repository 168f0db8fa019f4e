/**
 * Parsing of plot import files into candidate plots, row by row, without touching the database.
 * GeoJSON: a FeatureCollection of Polygon/MultiPolygon features in WGS 84 whose properties carry
 * `code`, `name`, optional `land_use`, `commune_code`, `household_id`. CSV: a header row with
 * `code,name,commune_code,land_use,household_id,geometry` where geometry is a GeoJSON geometry
 * (quoted) — any column order; UTF-8, comma-separated.
 * Every problem is reported with its row number (1 = first feature, or the first line after the header).
 */
import { GeoJsonArea, LandUse } from '@dongxanh/contracts';
import type { LandUse as LandUseName } from '../../db/schema.ts';
import { splitCsvLine } from './admin-units.loader.ts';

export interface PlotCandidate {
  row: number;
  code: string;
  name: string;
  landUse: LandUseName;
  communeCode: string | null;
  householdId: string | null;
  boundary: GeoJsonArea;
}

export interface Refusal { row: number; field: string; message: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function candidateFrom(row: number, props: Record<string, unknown>, geometry: unknown, refusals: Refusal[]): PlotCandidate | null {
  const before = refusals.length;
  const text = (key: string) => (props[key] === undefined || props[key] === null ? '' : String(props[key]).trim());
  const code = text('code');
  const name = text('name') || code;
  if (!code) refusals.push({ row, field: 'code', message: 'code is required' });
  else if (code.length > 60) refusals.push({ row, field: 'code', message: 'code is longer than 60 characters' });
  const landUseText = text('land_use') || 'rice';
  const landUse = LandUse.safeParse(landUseText);
  if (!landUse.success) refusals.push({ row, field: 'land_use', message: `land_use must be one of ${LandUse.options.join(', ')} (got '${landUseText}')` });
  const communeCode = text('commune_code') ? text('commune_code').padStart(5, '0') : null;
  if (communeCode && !/^\d{5}$/.test(communeCode)) refusals.push({ row, field: 'commune_code', message: `commune_code must be a 5-digit code (got '${text('commune_code')}')` });
  const householdId = text('household_id') || null;
  if (householdId && !UUID.test(householdId)) refusals.push({ row, field: 'household_id', message: 'household_id must be a UUID' });
  const boundary = GeoJsonArea.safeParse(geometry);
  if (!boundary.success) {
    const issue = boundary.error.issues[0];
    refusals.push({ row, field: 'geometry', message: `geometry must be a WGS 84 Polygon or MultiPolygon${issue ? `: ${issue.message}` : ''}` });
  }
  if (refusals.length > before || !landUse.success || !boundary.success) return null;
  return { row, code, name, landUse: landUse.data, communeCode, householdId, boundary: boundary.data };
}

export function parseGeoJsonPlots(text: string): { candidates: PlotCandidate[]; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { candidates: [], refusals: [{ row: 0, field: 'file', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const features = (doc as { type?: string; features?: unknown[] })?.type === 'FeatureCollection' ? (doc as { features: unknown[] }).features : null;
  if (!Array.isArray(features)) return { candidates: [], refusals: [{ row: 0, field: 'file', message: 'expected a GeoJSON FeatureCollection' }] };
  const candidates: PlotCandidate[] = [];
  features.forEach((f, i) => {
    const feature = f as { properties?: Record<string, unknown>; geometry?: unknown };
    const c = candidateFrom(i + 1, feature?.properties ?? {}, feature?.geometry, refusals);
    if (c) candidates.push(c);
  });
  return { candidates, refusals };
}

export function parseCsvPlots(text: string): { candidates: PlotCandidate[]; refusals: Refusal[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { candidates: [], refusals: [{ row: 0, field: 'file', message: 'the file is empty' }] };
  const header = splitCsvLine(lines[0]!).map((h) => h.trim().toLowerCase());
  for (const required of ['code', 'geometry']) {
    if (!header.includes(required)) return { candidates: [], refusals: [{ row: 0, field: required, message: `the header has no '${required}' column` }] };
  }
  const refusals: Refusal[] = [];
  const candidates: PlotCandidate[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = splitCsvLine(line);
    const props: Record<string, unknown> = {};
    header.forEach((h, j) => (props[h] = cells[j]));
    let geometry: unknown = null;
    try {
      geometry = JSON.parse(String(props.geometry ?? ''));
    } catch {
      refusals.push({ row: i + 1, field: 'geometry', message: 'geometry must be a GeoJSON geometry in double quotes' });
      return;
    }
    const c = candidateFrom(i + 1, props, geometry, refusals);
    if (c) candidates.push(c);
  });
  return { candidates, refusals };
}
