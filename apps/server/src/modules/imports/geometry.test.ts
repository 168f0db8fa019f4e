import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outsideVietnam, readGeometryText, readWkt, toHexEwkb } from './geometry.ts';

describe('geometry text', () => {
  it('reads WKT polygons and multipolygons, dropping Z and closing open rings', () => {
    const polygon = readWkt('POLYGON((105.55 10.06, 105.56 10.06, 105.56 10.07, 105.55 10.06))');
    assert.deepEqual(polygon, { ok: true, polygons: [[[[105.55, 10.06], [105.56, 10.06], [105.56, 10.07], [105.55, 10.06]]]] });
    const multi = readWkt('SRID=4326;MULTIPOLYGON Z (((1 2 0, 3 2 0, 3 4 0, 1 2 0)), ((5 6, 7 6, 7 8)))');
    assert.ok(multi.ok);
    assert.equal(multi.polygons.length, 2);
    assert.deepEqual(multi.polygons[1]![0], [[5, 6], [7, 6], [7, 8], [5, 6]]);
    assert.equal(readWkt('POINT(1 2)').ok, false);
    assert.match((readWkt('SRID=3405;POLYGON((1 2, 3 4, 5 6, 1 2))') as { message: string }).message, /3405/);
  });

  it('reads GeoJSON geometry text and says what is wrong with it', () => {
    assert.ok(readGeometryText('{"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],[1,2]]]}').ok);
    assert.match((readGeometryText('{"type":"Point","coordinates":[1,2]}') as { message: string }).message, /Polygon or MultiPolygon \(got Point\)/);
    assert.match((readGeometryText('{"type":"Polygon"') as { message: string }).message, /not valid JSON/);
    assert.match((readGeometryText('{"type":"Polygon","coordinates":[[[1,2],[3,4]]]}') as { message: string }).message, /at least 3 corners/);
  });

  it('finds positions that cannot be longitude/latitude in Vietnam', () => {
    assert.equal(outsideVietnam([[[[105.5, 10], [105.6, 10], [105.6, 10.1], [105.5, 10]]]]), null);
    assert.deepEqual(outsideVietnam([[[[10.06, 105.55], [10.07, 105.55], [10.07, 105.56], [10.06, 105.55]]]]), [10.06, 105.55]);
    assert.deepEqual(outsideVietnam([[[[587_000, 1_112_000], [587_100, 1_112_000], [587_100, 1_112_100], [587_000, 1_112_000]]]]), [587_000, 1_112_000]);
  });

  it('writes little-endian EWKB with SRID 4326', () => {
    const hex = toHexEwkb([[[[1, 2], [3, 2], [3, 4], [1, 2]]]]);
    // byte order 01, type 0x20000006 (MultiPolygon with SRID), SRID 4326 (0x10E6), 1 polygon
    assert.ok(hex.startsWith('01060000' + '20' + 'e6100000' + '01000000' + '01' + '03000000' + '01000000' + '04000000'));
    assert.equal(hex.length, 2 * (13 + 9 + 4 + 4 * 16));
  });
});
