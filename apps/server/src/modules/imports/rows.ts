/**
 * One record of a file → one row for the staging table, or the reasons it is refused. These are the
 * checks that need nothing but the row itself (shape, formats, the geometry's readability and place);
 * everything that needs the database (communes, households, scope, duplicates, overlaps, PostGIS
 * validity) is checked set-wise in SQL afterwards (imports.repository.ts).
 */
import type { LandUse } from '../../db/schema.ts';
import { mapPositions, outsideVietnam, readGeoJsonGeometry, readGeometryText, toHexEwkb, type GeometryReading } from './geometry.ts';
import { boxOf, type Box } from './overlap-candidates.ts';
import type { SourceRecord } from './source.ts';
import type { ToWgs84 } from './vn2000.ts';

export interface Refusal {
  row: number;
  field: string;
  message: string;
  /** A stable code for the kind of problem, for translation in the web app. */
  reason: string;
}

export interface PlotStagingRow {
  row: number;
  code: string;
  name: string;
  landUse: LandUse;
  communeCode: string | null;
  householdPhone: string | null;
  householdId: string | null;
  /** Hex EWKB MultiPolygon, SRID 4326. */
  geometryHex: string;
  /** Its bounding box in WGS 84, for finding overlap candidates (overlap-candidates.ts). */
  box: Box;
}

export interface HouseholdStagingRow {
  row: number;
  headName: string;
  phone: string | null;
  address: string | null;
  communeCode: string | null;
  organisationId: string | null;
  /** Other members' names joined by ';' (the head is the household's head_name). */
  memberNames: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LAND_USES: readonly LandUse[] = ['rice', 'vegetables', 'fruit', 'tea', 'coffee', 'other'];

/** Vietnamese names a cooperative officer is likely to type, for the land_use column. */
const LAND_USE_WORDS: Record<string, LandUse> = {
  lúa: 'rice', 'lúa nước': 'rice', 'đất lúa': 'rice',
  rau: 'vegetables', 'rau màu': 'vegetables', màu: 'vegetables',
  'cây ăn quả': 'fruit', 'cây ăn trái': 'fruit', 'ăn quả': 'fruit',
  chè: 'tea', trà: 'tea',
  'cà phê': 'coffee',
  khác: 'other',
};

export function readLandUse(text: string): LandUse | null {
  const t = text.trim().toLowerCase().normalize('NFC');
  if (t === '') return 'rice';
  if ((LAND_USES as readonly string[]).includes(t)) return t as LandUse;
  return LAND_USE_WORDS[t] ?? null;
}

/**
 * A Vietnamese phone number as households are looked up by it: spaces, dots and dashes removed; the
 * leading 0 a spreadsheet dropped from a 9-digit number put back; +84 / 84 written as 0.
 */
export function normalisePhone(text: string): string | null {
  let p = text.replace(/[\s.\-()]/g, '');
  if (p === '') return null;
  if (/^[1-9]\d{8}$/.test(p)) p = `0${p}`;
  else if (/^\+84\d{9,10}$/.test(p)) p = `0${p.slice(3)}`;
  else if (/^84\d{9}$/.test(p)) p = `0${p.slice(2)}`;
  return p;
}
const PHONE = /^\+?[0-9]{9,15}$/;

/** "4" or "4.0" (a spreadsheet's number) → "00004". */
function adminCode(text: string, width: number): string | null | undefined {
  const t = text.trim().replace(/\.0+$/, '');
  if (t === '') return null;
  return /^\d+$/.test(t) && t.length <= width ? t.padStart(width, '0') : undefined;
}

function readGeometry(value: unknown): GeometryReading {
  if (value === undefined || value === null || value === '') return { ok: false, message: 'the geometry is missing' };
  return typeof value === 'string' ? readGeometryText(value) : readGeoJsonGeometry(value);
}

export function plotRowFrom(record: SourceRecord, toWgs84: ToWgs84 | null, refusals: Refusal[]): PlotStagingRow | null {
  const { row, values } = record;
  const before = refusals.length;
  const refuse = (field: string, reason: string, message: string) => refusals.push({ row, field, reason, message });

  const code = values.code ?? '';
  if (code === '') refuse('code', 'required', 'code is required');
  else if (code.length > 60) refuse('code', 'too_long', `code is longer than 60 characters (${code.length})`);
  const name = values.name || code;
  if (name.length > 200) refuse('name', 'too_long', `name is longer than 200 characters (${name.length})`);
  const landUse = readLandUse(values.land_use ?? '');
  if (!landUse) refuse('land_use', 'invalid_land_use', `land_use must be one of ${LAND_USES.join(', ')} (or lúa, rau, cây ăn quả, chè, cà phê, khác); got '${values.land_use}'`);
  const communeCode = adminCode(values.commune_code ?? '', 5);
  if (communeCode === undefined) refuse('commune_code', 'invalid_commune_code', `commune_code must be a 5-digit commune code (got '${values.commune_code}')`);
  const householdId = values.household_id || null;
  if (householdId && !UUID.test(householdId)) refuse('household_id', 'invalid_uuid', `household_id must be a household's id (a UUID); got '${householdId}'`);
  const householdPhone = householdId ? null : normalisePhone(values.household_phone ?? '');
  if (householdPhone && !PHONE.test(householdPhone)) refuse('household_phone', 'invalid_phone', `household_phone must be a phone number of 9–15 digits (got '${values.household_phone}')`);

  let geometryHex = '';
  let box: Box | null = null;
  const geometry = readGeometry(record.geometry);
  if (!geometry.ok) {
    refuse('geometry', 'unreadable_geometry', geometry.message);
  } else {
    const polygons = toWgs84 ? mapPositions(geometry.polygons, toWgs84) : geometry.polygons;
    const outside = outsideVietnam(polygons);
    if (outside) {
      const [x, y] = outside;
      refuse(
        'geometry',
        'outside_vietnam',
        toWgs84
          ? `the position (${x.toFixed(5)}, ${y.toFixed(5)}) after conversion from VN-2000 lies outside Vietnam: check the province / central meridian, or whether the file is in WGS 84`
          : `the position (${x}, ${y}) is not a longitude/latitude in Vietnam: if the file is in VN-2000 metres, import it with crs=vn2000; if not, check that longitude comes before latitude`,
      );
    } else {
      geometryHex = toHexEwkb(polygons);
      box = boxOf(polygons);
    }
  }
  if (refusals.length > before || !box) return null;
  return { row, code, name, landUse: landUse!, communeCode: communeCode ?? null, householdPhone, householdId, geometryHex, box };
}

export function householdRowFrom(record: SourceRecord, refusals: Refusal[]): HouseholdStagingRow | null {
  const { row, values } = record;
  const before = refusals.length;
  const refuse = (field: string, reason: string, message: string) => refusals.push({ row, field, reason, message });

  const headName = (values.head_name ?? '').normalize('NFC');
  if (headName === '') refuse('head_name', 'required', 'head_name (the head of the household) is required');
  else if (headName.length > 200) refuse('head_name', 'too_long', `head_name is longer than 200 characters (${headName.length})`);
  const phone = normalisePhone(values.phone ?? '');
  if (phone && !PHONE.test(phone)) refuse('phone', 'invalid_phone', `phone must be a phone number of 9–15 digits (got '${values.phone}')`);
  const address = values.address || null;
  if (address && address.length > 300) refuse('address', 'too_long', `address is longer than 300 characters (${address.length})`);
  const communeCode = adminCode(values.commune_code ?? '', 5);
  if (communeCode === undefined) refuse('commune_code', 'invalid_commune_code', `commune_code must be a 5-digit commune code (got '${values.commune_code}')`);
  const organisationId = values.organisation_id || null;
  if (organisationId && !UUID.test(organisationId)) refuse('organisation_id', 'invalid_uuid', `organisation_id must be an organisation's id (a UUID); got '${organisationId}'`);
  const members = (values.member_names ?? '')
    .split(';')
    .map((m) => m.trim().normalize('NFC'))
    .filter(Boolean);
  const longName = members.find((m) => m.length > 200);
  if (longName) refuse('member_names', 'too_long', `the member name '${longName.slice(0, 40)}…' is longer than 200 characters`);
  if (members.length > 50) refuse('member_names', 'too_many', `a household of more than 50 members is not plausible (${members.length}); separate names with ';'`);

  if (refusals.length > before) return null;
  return { row, headName, phone, address, communeCode: communeCode ?? null, organisationId, memberNames: members.length ? members.join(';') : null };
}
