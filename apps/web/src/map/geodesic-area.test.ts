import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from '../i18n/format.ts';
import { AUTHALIC_RADIUS_M, geometryAreaHa, ringAreaM2 } from './geodesic-area.ts';

/** Relative difference. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** A square of `sideM` metres with its south-west corner at lon/lat (local metres per degree). */
function square(lon: number, lat: number, sideM: number) {
  const dLat = sideM / 110_574;
  const dLon = sideM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}

test('the authalic radius of WGS 84 is 6 371 007,2 m (Snyder 1987, eq. 3-13)', () => {
  assert.ok(Math.abs(AUTHALIC_RADIUS_M - 6_371_007.18) < 0.01, String(AUTHALIC_RADIUS_M));
});

test('a 100 m × 100 m square in Cần Thơ is 1,00 ha, shown as "1,00" in Vietnamese', () => {
  const ha = geometryAreaHa(square(105.55, 10.06, 100));
  assert.ok(Math.abs(ha - 1) < 0.005, `${ha} ha`);
  assert.equal(formatNumber('vi', ha, { fixed: 2 }), '1,00');
});

// Reference areas: PostGIS 3.3.2 on PostgreSQL 15, `ST_Area(ST_GeomFromText(wkt, 4326)::geography)`
// (geodesic area on the WGS 84 spheroid), the figure the server stores.
const POSTGIS: Array<{ name: string; m2: number; tolerance: number; geometry: Parameters<typeof geometryAreaHa>[0] }> = [
  {
    name: 'a 100 m test square near Thới Lai (10,06° N)',
    m2: 10013.265296578407,
    tolerance: 1e-6,
    geometry: { type: 'Polygon', coordinates: [[[105.55, 10.06], [105.55091318, 10.06], [105.55091318, 10.06090437], [105.55, 10.06090437], [105.55, 10.06]]] },
  },
  {
    name: 'a 220 m square with a 110 m hole',
    m2: 36374.22268867493,
    tolerance: 1e-6,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [[105.55, 10.06], [105.552, 10.06], [105.552, 10.062], [105.55, 10.062], [105.55, 10.06]],
        [[105.5505, 10.0605], [105.5505, 10.0615], [105.5515, 10.0615], [105.5515, 10.0605], [105.5505, 10.0605]],
      ],
    },
  },
  {
    name: 'an irregular tea plot in Lào Cai (22,48° N)',
    m2: 11794.858867291361,
    tolerance: 1e-6,
    geometry: { type: 'Polygon', coordinates: [[[103.97, 22.48], [103.971, 22.48], [103.9712, 22.4811], [103.9701, 22.4809], [103.97, 22.48]]] },
  },
  // Whole-degree cells: edges 110 km long, where straight-in-projection and geodesic edges start to differ.
  { name: 'a 1° cell on the equator', m2: 12308778361.469454, tolerance: 1e-4, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
  { name: 'a 1° cell at 10° N', m2: 12108467312.577087, tolerance: 1e-4, geometry: { type: 'Polygon', coordinates: [[[105, 10], [106, 10], [106, 11], [105, 11], [105, 10]]] } },
];

for (const c of POSTGIS) {
  test(`agrees with PostGIS: ${c.name}`, () => {
    const m2 = geometryAreaHa(c.geometry) * 10_000;
    assert.ok(rel(m2, c.m2) < c.tolerance, `${m2} m² vs PostGIS ${c.m2} m² (relative ${rel(m2, c.m2)})`);
  });
}

test('the ring direction, the closing vertex and a MultiPolygon do not change the answer', () => {
  const sq = square(105.55, 10.06, 100);
  const ring = sq.coordinates[0]!;
  const open = ring.slice(0, -1);
  const reversed = [...ring].reverse();
  assert.ok(rel(ringAreaM2(open), ringAreaM2(ring)) < 1e-12);
  assert.ok(rel(ringAreaM2(reversed), ringAreaM2(ring)) < 1e-12);
  const multi = geometryAreaHa({ type: 'MultiPolygon', coordinates: [sq.coordinates, square(105.56, 10.06, 100).coordinates] });
  assert.ok(Math.abs(multi - 2 * geometryAreaHa(sq)) < 1e-3);
});

test('fewer than three vertices have no area; a ring across the antimeridian is measured across it', () => {
  assert.equal(ringAreaM2([]), 0);
  assert.equal(ringAreaM2([[105, 10], [105.001, 10]]), 0);
  const across = ringAreaM2([[179.9995, 0], [-179.9995, 0], [-179.9995, 0.001], [179.9995, 0.001]]);
  const plain = ringAreaM2([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001]]);
  assert.ok(rel(across, plain) < 1e-9, `${across} vs ${plain}`);
});
