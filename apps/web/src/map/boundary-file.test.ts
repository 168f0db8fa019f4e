import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBoundaryFile } from './boundary-file.ts';

// A 0.01° square near Thới Lai (Cần Thơ): about 1.1 km × 1.1 km, so a little over 120 ha.
const square = [[[105.55, 10.06], [105.56, 10.06], [105.56, 10.07], [105.55, 10.07], [105.55, 10.06]]];

test('a Feature with a name gives its name, area and extent', () => {
  const r = readBoundaryFile(JSON.stringify({ type: 'Feature', properties: { ten_xa: 'Xã Thới Lai' }, geometry: { type: 'Polygon', coordinates: square } }));
  assert.ok(r.ok);
  assert.equal(r.preview.name, 'Xã Thới Lai');
  assert.equal(r.preview.polygons, 1);
  assert.equal(r.preview.vertices, 5);
  assert.deepEqual(r.preview.bbox, [105.55, 10.06, 105.56, 10.07]);
  // 0.01° of longitude at 10.065° N ≈ 1 096 m, 0.01° of latitude ≈ 1 106 m.
  assert.ok(Math.abs(r.preview.areaHa - 121.2) < 0.5, `area ${r.preview.areaHa}`);
});

test('a bare MultiPolygon, a one-feature collection and a byte-order mark are accepted', () => {
  const multi = readBoundaryFile(JSON.stringify({ type: 'MultiPolygon', coordinates: [square, square.map((ring) => ring.map(([x, y]) => [x! + 0.02, y!]))] }));
  assert.ok(multi.ok);
  assert.equal(multi.preview.polygons, 2);
  assert.equal(multi.preview.name, null);
  const collection = readBoundaryFile(`\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'X' }, geometry: { type: 'Polygon', coordinates: square } }] })}`);
  assert.ok(collection.ok);
  assert.equal(collection.preview.name, 'X');
});

test('each bad file is refused with its reason', () => {
  const problem = (text: string) => {
    const r = readBoundaryFile(text);
    return r.ok ? 'ok' : `${r.problem}${r.detail ? `:${r.detail}` : ''}`;
  };
  assert.equal(problem('ranh giới xã'), 'not_json');
  assert.equal(problem('[1, 2]'), 'not_geojson');
  assert.equal(problem(JSON.stringify({ type: 'Point', coordinates: [105.5, 10.1] })), 'wrong_geometry:Point');
  assert.equal(problem(JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.5, 10.1], [105.6, 10.1]] } })), 'wrong_geometry:LineString');
  assert.equal(problem(JSON.stringify({ type: 'Feature', properties: {}, geometry: null })), 'wrong_geometry:null');
  const feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } };
  assert.equal(problem(JSON.stringify({ type: 'FeatureCollection', features: [feature, feature] })), 'several_features:2');
  assert.equal(problem(JSON.stringify({ type: 'FeatureCollection', features: [] })), 'no_feature');
  // VN-2000 metres (an unconverted cadastral export).
  assert.equal(problem(JSON.stringify({ type: 'Polygon', coordinates: [[[587000, 1113000], [588000, 1113000], [588000, 1114000], [587000, 1113000]]] })), 'not_wgs84');
  // Latitude and longitude swapped: a latitude of 105° does not exist.
  assert.equal(problem(JSON.stringify({ type: 'Polygon', coordinates: square.map((ring) => ring.map(([x, y]) => [y, x])) })), 'not_wgs84');
  // Real longitude/latitude, but in Thailand (lon 100.5).
  assert.equal(problem(JSON.stringify({ type: 'Polygon', coordinates: square.map((ring) => ring.map(([x, y]) => [x! - 5, y! + 3.7])) })), 'outside_vietnam');
  assert.equal(problem(JSON.stringify({ type: 'Polygon', coordinates: [[[105.5, 10.1], [105.6, 10.1], [105.5, 10.1]]] })), 'too_few_points');
  assert.equal(problem(JSON.stringify({ type: 'Polygon', coordinates: [[[105.5, '10.1'], [105.6, 10.1], [105.6, 10.2], [105.5, 10.1]]] })), 'bad_coordinates');
});
