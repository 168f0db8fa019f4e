/**
 * Reading an administrative unit's boundary from a GeoJSON file before it is uploaded
 * (PUT /admin-units/:code/boundary): a Polygon or MultiPolygon, as a bare geometry, a Feature, or a
 * FeatureCollection holding one feature. The preview (name, area, extent) lets the admin see it is
 * the right file before saving; the area is a preview only, the server computes the stored one.
 *
 * Refused here with a reason a person can act on: text that is not JSON; JSON that is not GeoJSON;
 * a geometry that is not a polygon (a point, a line); several features (which one is the unit?);
 * coordinates outside WGS 84 longitude/latitude — typically a file still in VN-2000 metres — or
 * outside Vietnam (the server's check: lon 102–110, lat 8–24).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geometryAreaHa } from './geodesic-area.ts';

export type BoundaryProblem =
  | 'not_json'
  | 'not_geojson'
  | 'wrong_geometry'
  | 'several_features'
  | 'no_feature'
  | 'bad_coordinates'
  | 'not_wgs84'
  | 'outside_vietnam'
  | 'too_few_points';

export interface BoundaryPreview {
  geometry: Polygon | MultiPolygon;
  /** The feature's own name (properties.name / ten / Ten_xa…), when the file carries one. */
  name: string | null;
  areaHa: number;
  polygons: number;
  vertices: number;
  bbox: [number, number, number, number];
}

export type BoundaryReading = { ok: true; preview: BoundaryPreview } | { ok: false; problem: BoundaryProblem; detail?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Vietnam's extent as the server checks it (dashboards.service.ts uploadBoundary). */
export const VIETNAM_EXTENT = { minLon: 102, maxLon: 110, minLat: 8, maxLat: 24 } as const;

const NAME_KEYS = ['name', 'ten', 'Ten', 'TEN', 'ten_xa', 'Ten_xa', 'TEN_XA', 'ten_tinh', 'Ten_Tinh', 'TEN_TINH', 'NAME', 'Name'];

function nameOf(properties: unknown): string | null {
  if (!isRecord(properties)) return null;
  for (const key of NAME_KEYS) {
    const v = properties[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

export function readBoundaryFile(text: string): BoundaryReading {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  if (!isRecord(json) || typeof json.type !== 'string') return { ok: false, problem: 'not_geojson' };

  let geometry: unknown = json;
  let name: string | null = null;
  if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) return { ok: false, problem: 'not_geojson' };
    if (json.features.length === 0) return { ok: false, problem: 'no_feature' };
    if (json.features.length > 1) return { ok: false, problem: 'several_features', detail: String(json.features.length) };
    const feature: unknown = json.features[0];
    if (!isRecord(feature) || feature.type !== 'Feature') return { ok: false, problem: 'not_geojson' };
    geometry = feature.geometry;
    name = nameOf(feature.properties);
  } else if (json.type === 'Feature') {
    geometry = json.geometry;
    name = nameOf(json.properties);
  }
  if (!isRecord(geometry) || typeof geometry.type !== 'string') return { ok: false, problem: 'wrong_geometry', detail: 'null' };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return { ok: false, problem: 'wrong_geometry', detail: geometry.type };

  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || !polygons.length) return { ok: false, problem: 'bad_coordinates' };
  const positions: Position[] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || !polygon.length) return { ok: false, problem: 'bad_coordinates' };
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return { ok: false, problem: 'bad_coordinates' };
      // A closed ring repeats its first point: a triangle is 4 positions.
      if (ring.length < 4) return { ok: false, problem: 'too_few_points' };
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) return { ok: false, problem: 'bad_coordinates' };
        positions.push(p as Position);
      }
    }
  }
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  const bbox: [number, number, number, number] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  // Metres (VN-2000, UTM) are far outside ±180/±90: the file was not converted to longitude/latitude.
  if (bbox[0] < -180 || bbox[2] > 180 || bbox[1] < -90 || bbox[3] > 90) return { ok: false, problem: 'not_wgs84' };
  if (bbox[0] < VIETNAM_EXTENT.minLon || bbox[2] > VIETNAM_EXTENT.maxLon || bbox[1] < VIETNAM_EXTENT.minLat || bbox[3] > VIETNAM_EXTENT.maxLat) return { ok: false, problem: 'outside_vietnam' };

  const shape = geometry as unknown as Polygon | MultiPolygon;
  return { ok: true, preview: { geometry: shape, name, areaHa: geometryAreaHa(shape), polygons: polygons.length, vertices: positions.length, bbox } };
}
