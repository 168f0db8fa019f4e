/**
 * Area of a lon/lat polygon on the WGS 84 ellipsoid, for showing a live figure while a plot is being
 * drawn. Display only: the stored area is the one PostGIS computes on the server
 * (`ST_Area(boundary::geography)`, architecture.md "geodata"), and the page shows that one after saving.
 *
 * Method: latitudes are mapped to authalic latitudes β, which puts the ellipsoid on a sphere of the
 * same total area (radius R_q) without changing any area (Snyder, "Map Projections — A Working
 * Manual", USGS Professional Paper 1395, 1987, eq. 3-11 to 3-13). On that sphere the polygon's area is
 * the planar area of (λ, sin β) scaled by R_q², i.e. Lambert's cylindrical equal-area projection
 * (Snyder §10), which for each edge is the trapezoid term of Chamberlain & Duquette, "Some Algorithms
 * for Polygons on a Sphere" (JPL, 2007). Edges are straight in that projection rather than geodesics;
 * for field-sized edges (metres to a few km) the difference is far below a square metre, and the
 * result agrees with PostGIS's geodesic area to about 1e-5 (see geodesic-area.test.ts).
 */

/** WGS 84 semi-major axis (m) and flattening, EPSG:7030. */
const A = 6_378_137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);

/** Snyder eq. 3-12: q as a function of geodetic latitude. */
function q(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

const Q_POLE = q(1);
/** Radius of the sphere with the ellipsoid's surface area (Snyder eq. 3-13): ≈ 6 371 007.2 m. */
export const AUTHALIC_RADIUS_M = A * Math.sqrt(Q_POLE / 2);

const DEG = Math.PI / 180;

/** sin β, the sine of the authalic latitude (Snyder eq. 3-11), for a geodetic latitude in degrees. */
export function sinAuthalicLatitude(latDeg: number): number {
  return q(Math.sin(latDeg * DEG)) / Q_POLE;
}

export type LonLat = readonly [number, number] | readonly number[];

/**
 * Unsigned area in m² of one ring (closed or not; the closing edge is implied). Longitudes are
 * unwrapped edge by edge so a ring crossing ±180° still works.
 */
export function ringAreaM2(ring: readonly LonLat[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    const [lonA, latA] = [a[0] ?? NaN, a[1] ?? NaN];
    const [lonB, latB] = [b[0] ?? NaN, b[1] ?? NaN];
    let dLon = lonB - lonA;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    sum += dLon * DEG * (sinAuthalicLatitude(latA) + sinAuthalicLatitude(latB));
  }
  const area = Math.abs(sum / 2) * AUTHALIC_RADIUS_M * AUTHALIC_RADIUS_M;
  return Number.isFinite(area) ? area : NaN;
}

/** Area in m² of a GeoJSON Polygon's rings: the outer ring minus its holes. */
export function polygonAreaM2(rings: readonly (readonly LonLat[])[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.max(0, ringAreaM2(outer) - holes.reduce((s, h) => s + ringAreaM2(h), 0));
}

/** Area in hectares (1 ha = 10 000 m²) of a GeoJSON Polygon or MultiPolygon. */
export function geometryAreaHa(geometry: { type: 'Polygon'; coordinates: readonly (readonly LonLat[])[] } | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly LonLat[])[])[] }): number {
  const m2 = geometry.type === 'Polygon' ? polygonAreaM2(geometry.coordinates) : geometry.coordinates.reduce((s, p) => s + polygonAreaM2(p), 0);
  return m2 / 10_000;
}
