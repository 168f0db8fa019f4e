import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { converterFrom, converterTo, crsFromGeoJsonMember, crsFromPrj, meridianFor, vn2000TmDefinition, vn2000Zones } from './vn2000.ts';
import { vn2000Prj, WGS84_PRJ } from './import-fixtures.ts';

/** Metres between two lon/lat positions (equirectangular; exact enough over a few hundred metres). */
function metresBetween([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]) {
  const k = Math.PI / 180;
  return Math.hypot((lon2 - lon1) * k * 6_378_137 * Math.cos(((lat1 + lat2) / 2) * k), (lat2 - lat1) * k * 6_378_137);
}

describe('VN-2000 → WGS 84', () => {
  // A paddy in Thới Lai, Cần Thơ, and one in Sa Pa, Lào Cai.
  const cases = [
    { place: 'Thới Lai, Cần Thơ (92)', province: '92', wgs84: [105.55, 10.06] as [number, number] },
    { place: 'Sa Pa, Lào Cai (15)', province: '15', wgs84: [103.8434, 22.3364] as [number, number] },
    { place: 'Gio Linh, Quảng Trị (44)', province: '44', wgs84: [107.0833, 16.9167] as [number, number] },
    { place: 'Ba Đình, Hà Nội (01)', province: '01', wgs84: [105.8342, 21.0342] as [number, number] },
  ];

  for (const c of cases) {
    it(`brings a point of ${c.place} back within centimetres of its WGS 84 position`, () => {
      const choice = meridianFor(c.province);
      assert.ok(choice.ok);
      const definition = vn2000TmDefinition(choice.meridian);
      const [easting, northing] = converterTo(definition)(c.wgs84);
      // A provincial 3° zone: eastings within ~170 km of the 500 km false easting.
      assert.ok(Math.abs(easting - 500_000) < 170_000, `easting ${easting}`);
      assert.ok(northing > 1_000_000 && northing < 2_600_000, `northing ${northing}`);
      const back = converterFrom(definition)([easting, northing]);
      assert.ok(metresBetween(back, c.wgs84) < 0.01, `round trip off by ${metresBetween(back, c.wgs84)} m`);
    });
  }

  it('moves the point by 200–250 m when the datum shift (towgs84) is left out: the pitfall', () => {
    for (const c of cases) {
      const choice = meridianFor(c.province);
      assert.ok(choice.ok);
      const vn2000 = converterTo(vn2000TmDefinition(choice.meridian))(c.wgs84);
      const withoutShift = converterFrom(vn2000TmDefinition(choice.meridian, { withDatumShift: false }))(vn2000);
      const error = metresBetween(withoutShift, c.wgs84);
      assert.ok(error > 200 && error < 250, `${c.place}: ${error.toFixed(1)} m`);
    }
  });

  it('knows the provincial meridians of Circular 973/2001 by 2025 province code', () => {
    assert.deepEqual(meridianFor('92'), { ok: true, meridian: 105 });
    assert.deepEqual(meridianFor('15'), { ok: true, meridian: 104.75 });
    assert.deepEqual(meridianFor('44'), { ok: true, meridian: 106.25 });
    assert.deepEqual(meridianFor('01'), { ok: true, meridian: 105 });
    assert.deepEqual(meridianFor('91'), { ok: true, meridian: 104.75 });
    // merged provinces: a former province's meridian may be chosen, no other
    assert.deepEqual(meridianFor('92', 105.5), { ok: true, meridian: 105.5 });
    const wrong = meridianFor('92', 106);
    assert.equal(wrong.ok, false);
    const unknown = meridianFor('93');
    assert.ok(!unknown.ok && unknown.field === 'province' && /93/.test(unknown.message));
    const mekong = ['80', '82', '86', '91', '92', '96'];
    for (const code of mekong) assert.ok(vn2000Zones().some((z) => z.provinceCode === code && z.isDefault), code);
  });

  it('reads the coordinate system a file declares', () => {
    assert.deepEqual(crsFromPrj(WGS84_PRJ), { kind: 'wgs84' });
    const prj = crsFromPrj(vn2000Prj(105.5));
    assert.equal(prj.kind, 'definition');
    assert.ok(prj.kind === 'definition' && prj.definition.includes('+lon_0=105.5') && prj.definition.includes('+towgs84=-191.90441429'));
    assert.deepEqual(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }), { kind: 'wgs84' });
    const utm = crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3405' } });
    assert.ok(utm?.kind === 'definition' && utm.definition.includes('+zone=48') && utm.definition.includes('+towgs84'));
    assert.deepEqual(crsFromGeoJsonMember({ type: 'name', properties: { name: 'VN-2000 / Can Tho' } }), { kind: 'vn2000-province' });
    assert.equal(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:32648' } })?.kind, 'unknown');
  });
});
