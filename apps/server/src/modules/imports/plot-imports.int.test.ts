import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateImportResponse, ImportJob, Problem } from '@dongxanh/contracts';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { given, THOI_LAI } from '../../testing/given.ts';
import {
  plotsCsv,
  plotsGeoJson,
  plotsKml,
  plotsShapefileZip,
  plotsXlsx,
  rectangleRing,
  tableXlsx,
  vn2000Prj,
  type FixturePlot,
} from './import-fixtures.ts';
import { converterTo, vn2000TmDefinition } from './vn2000.ts';

const PHONE = '0907000111';

describe('plot imports', () => {
  let t: TestApp;
  let manager: string;
  let managerId: string;
  let coopId: string;
  let householdId: string;
  /** Each test draws its plots in its own strip of Thới Lai, east of the cooperative's first plot. */
  let strip = 0;
  const nextOrigin = () => ({ lon: 105.56 + 0.01 * strip++, lat: 10.06 });

  before(async () => {
    t = await createTestApp();
    const g = given(t.database.db);
    const coop = await g.cooperativeWithMembers(THOI_LAI);
    coopId = coop.coop.id;
    householdId = coop.household.id;
    await t.database.db.updateTable('households').set({ phone: PHONE }).where('id', '=', householdId).execute();
    manager = await t.loginAs(coop.manager.login, coop.manager.password);
    managerId = coop.manager.id;
  });
  after(async () => t.close());

  async function upload(query: string, body: Buffer, cookie = manager) {
    return t.request({ method: 'POST', url: `/api/v1/imports?${query}`, cookie, payload: body, headers: { 'content-type': 'application/octet-stream' } });
  }

  async function importFile(query: string, body: Buffer, cookie = manager) {
    const res = await upload(query, body, cookie);
    assert.equal(res.statusCode, 202, res.body);
    const { jobId } = CreateImportResponse.parse(res.json());
    await t.services.imports.idle();
    const job = await t.request({ method: 'GET', url: `/api/v1/imports/${jobId}`, cookie });
    assert.equal(job.statusCode, 200, job.body);
    return ImportJob.parse(job.json());
  }

  /** `n` 50 m × 40 m plots in a row, 10 m apart, starting at the next free strip. */
  function plotsInRow(n: number, prefix: string, extra: Partial<FixturePlot> = {}): FixturePlot[] {
    const { lon, lat } = nextOrigin();
    const step = 60 / (111_320 * Math.cos((lat * Math.PI) / 180));
    return Array.from({ length: n }, (_, i) => ({ code: `${prefix}-${String(i + 1).padStart(3, '0')}`, name: `Thửa ${prefix} ${i + 1}`, rings: [rectangleRing(lon + i * step, lat, 50, 40)], ...extra }));
  }

  const storedPlots = (codes: string[]) =>
    t.database.db
      .selectFrom('plots')
      .select(['code', 'name', 'areaHa', 'organisationId', 'householdId', 'communeCode', 'provinceCode', 'landUse', 'createdBy'])
      .select(sql<number>`ST_X(ST_Centroid(boundary))`.as('lon'))
      .select(sql<number>`ST_Y(ST_Centroid(boundary))`.as('lat'))
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();
  const plotCount = async () => Number((await t.database.db.selectFrom('plots').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  it('imports a CSV (WKT and GeoJSON geometry, household by phone, Vietnamese land use) with the area from PostGIS', async () => {
    const plots = plotsInRow(3, 'CSV', { commune_code: THOI_LAI, household_phone: PHONE });
    plots[1]!.land_use = 'rau màu';
    const job = await importFile('kind=plots&format=csv&fileName=thua.csv', plotsCsv(plots));
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.deepEqual([job.totalRows, job.processedRows, job.importedRows, job.refused.length, job.error], [3, 3, 3, 0, null]);
    assert.equal(job.fileName, 'thua.csv');
    const stored = await storedPlots(plots.map((p) => p.code));
    assert.equal(stored.length, 3);
    for (const p of stored) {
      // 50 m × 40 m = 0.2 ha, computed by PostGIS on the spheroid (the file carries no area)
      assert.ok(Math.abs(p.areaHa - 0.2) < 0.002, `area ${p.areaHa}`);
      assert.equal(p.organisationId, coopId);
      assert.equal(p.householdId, householdId);
      assert.equal(p.communeCode, THOI_LAI);
      assert.equal(p.provinceCode, '92');
      assert.equal(p.createdBy, managerId);
    }
    assert.deepEqual(stored.map((p) => p.landUse), ['rice', 'vegetables', 'rice']);

    const geoJsonCells = plotsInRow(2, 'CSVJ');
    const job2 = await importFile('kind=plots&format=csv', plotsCsv(geoJsonCells, 'geojson'));
    assert.equal(job2.status, 'succeeded', JSON.stringify(job2.refused));
    // No commune and no household: the plots go to the cooperative's commune.
    assert.deepEqual((await storedPlots(geoJsonCells.map((p) => p.code))).map((p) => p.communeCode), [THOI_LAI, THOI_LAI]);
  });

  it('imports an XLSX workbook written with exceljs, finding the data sheet by its header', async () => {
    const plots = plotsInRow(2, 'XLSX', { household_phone: PHONE });
    const job = await importFile('kind=plots&format=xlsx', await plotsXlsx(plots, { guideFirst: true }));
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.equal(job.importedRows, 2);
    assert.equal((await storedPlots(plots.map((p) => p.code))).length, 2);
  });

  it('imports GeoJSON, KML (with a MultiGeometry and a hole) and a zipped Shapefile', async () => {
    const geo = plotsInRow(2, 'GEOJ');
    assert.equal((await importFile('kind=plots&format=geojson', plotsGeoJson(geo))).status, 'succeeded');

    const kml = plotsInRow(2, 'KML', { household_phone: PHONE });
    const outer = kml[0]!.rings[0]!;
    const [x0, y0] = outer[0]!;
    const [x2, y2] = outer[2]!;
    const hole = [[x0 + (x2 - x0) * 0.4, y0 + (y2 - y0) * 0.4], [x0 + (x2 - x0) * 0.6, y0 + (y2 - y0) * 0.4], [x0 + (x2 - x0) * 0.6, y0 + (y2 - y0) * 0.6], [x0 + (x2 - x0) * 0.4, y0 + (y2 - y0) * 0.6], [x0 + (x2 - x0) * 0.4, y0 + (y2 - y0) * 0.4]] as [number, number][];
    kml[0]!.rings.push(hole);
    const kmlJob = await importFile('kind=plots&format=kml', plotsKml(kml, { multi: true }));
    assert.equal(kmlJob.status, 'succeeded', JSON.stringify(kmlJob));
    const [withHole, plain] = await storedPlots(kml.map((p) => p.code));
    // The hole is 20 % × 20 % of the plot: 0.2 ha − 0.008 ha.
    assert.ok(Math.abs(withHole!.areaHa - 0.192) < 0.002, `area with hole ${withHole!.areaHa}`);
    assert.ok(Math.abs(plain!.areaHa - 0.2) < 0.002);
    assert.equal(withHole!.householdId, householdId);

    const shp = plotsInRow(2, 'SHP', { commune_code: THOI_LAI, household_phone: PHONE, land_use: 'fruit' });
    const shpJob = await importFile('kind=plots&format=shapefile', plotsShapefileZip(shp));
    assert.equal(shpJob.status, 'succeeded', JSON.stringify(shpJob));
    const stored = await storedPlots(shp.map((p) => p.code));
    assert.deepEqual(stored.map((p) => [p.name, p.landUse, p.householdId]), shp.map((p) => [p.name, 'fruit', householdId]));
  });

  it('reprojects VN-2000 (GeoJSON with crs=vn2000&province=92, Shapefile with a VN-2000 .prj) onto the right place', async () => {
    // Build the files in VN-2000 from known WGS 84 positions with our own definition (Cần Thơ: 105°00').
    const toVn2000 = converterTo(vn2000TmDefinition(105));
    const wgs = plotsInRow(2, 'VN2K');
    const inVn2000 = wgs.map((p) => ({ ...p, rings: p.rings.map((r) => r.map(toVn2000)) }));
    assert.ok(inVn2000[0]!.rings[0]![0]![0] > 500_000, 'eastings in metres');
    const job = await importFile('kind=plots&format=geojson&crs=vn2000&province=92', plotsGeoJson(inVn2000));
    assert.equal(job.status, 'succeeded', JSON.stringify(job));

    const wgsShp = plotsInRow(1, 'VN2KSHP');
    const shpJob = await importFile('kind=plots&format=shapefile', plotsShapefileZip(wgsShp.map((p) => ({ ...p, rings: p.rings.map((r) => r.map(toVn2000)) })), { prj: vn2000Prj(105) }));
    assert.equal(shpJob.status, 'succeeded', JSON.stringify(shpJob));

    for (const original of [...wgs, ...wgsShp]) {
      const [stored] = await storedPlots([original.code]);
      const ring = original.rings[0]!;
      const lon = (ring[0]![0] + ring[1]![0]) / 2;
      const lat = (ring[0]![1] + ring[2]![1]) / 2;
      const metres = Math.hypot((stored!.lon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (stored!.lat - lat) * 110_574);
      assert.ok(metres < 1, `${original.code} landed ${metres.toFixed(2)} m from where it was drawn`);
      assert.ok(Math.abs(stored!.areaHa - 0.2) < 0.002);
    }

    // PROJ inside PostGIS, an independent implementation, agrees with proj4js on the same definition.
    const [e, n] = inVn2000[0]!.rings[0]![0]!;
    const proj = await sql<{ lon: number; lat: number }>`
      select ST_X(g) as lon, ST_Y(g) as lat from (select ST_Transform(ST_SetSRID(ST_MakePoint(${e}, ${n}), 0), ${vn2000TmDefinition(105)}, 4326) as g) s`.execute(t.database.db);
    const [lon0, lat0] = wgs[0]!.rings[0]![0]!;
    assert.ok(Math.abs(proj.rows[0]!.lon - lon0) < 1e-7 && Math.abs(proj.rows[0]!.lat - lat0) < 1e-7, JSON.stringify(proj.rows[0]));

    // The same VN-2000 file sent as WGS 84 is refused row by row, with the likely cause named.
    const wrong = await importFile('kind=plots&format=geojson', plotsGeoJson(inVn2000.map((p) => ({ ...p, code: `${p.code}-X` }))));
    assert.equal(wrong.status, 'failed');
    assert.match(wrong.refused[0]!.message, /crs=vn2000/);
  });

  it('imports nothing from a file of 50 rows with one bad row, and names that row and its reason', async () => {
    const plots = plotsInRow(50, 'BAD');
    plots[36]!.commune_code = '99999';
    const before = await plotCount();
    const job = await importFile('kind=plots&format=csv', plotsCsv(plots));
    assert.equal(job.status, 'failed');
    assert.equal(job.importedRows, 0);
    assert.deepEqual(job.refused.map((r) => [r.row, r.field, r.reason]), [[37, 'commune_code', 'unknown_commune']]);
    assert.match(job.refused[0]!.message, /99999/);
    assert.match(job.error ?? '', /Nothing was imported: 1 of 50 rows refused/);
    assert.deepEqual([job.totalRows, job.processedRows], [50, 50]);
    assert.equal(await plotCount(), before, 'nothing was written');
  });

  it('lists every refused row at once: shape errors, invalid polygons, duplicates, overlaps in the file and with existing plots', async () => {
    const plots = plotsInRow(6, 'MIX');
    plots[0]!.land_use = 'lúa mì';
    // a bow-tie: self-intersecting
    const [a, b, c, d] = plots[1]!.rings[0]!;
    plots[1]!.rings = [[a!, c!, b!, d!, a!]];
    plots[3]!.code = plots[2]!.code;
    // row 6 overlaps row 5 by half its width
    const r5 = plots[4]!.rings[0]!;
    const shift = (r5[1]![0] - r5[0]![0]) / 2;
    plots[5]!.rings = [r5.map(([x, y]) => [x + shift, y] as [number, number])];
    // and one plot lies on the cooperative's first plot (at 105.55, 10.06)
    const onExisting: FixturePlot = { code: 'MIX-ON-EXISTING', rings: [rectangleRing(105.5501, 10.0601, 20, 20)] };
    const job = await importFile('kind=plots&format=csv', plotsCsv([...plots, onExisting]));
    assert.equal(job.status, 'failed');
    const byRow = job.refused.map((r) => [r.row, r.field, r.reason]);
    assert.deepEqual(byRow, [
      [1, 'land_use', 'invalid_land_use'],
      [2, 'geometry', 'invalid_geometry'],
      [4, 'code', 'duplicate_in_file'],
      [6, 'geometry', 'overlaps_row'],
      [7, 'geometry', 'overlaps_plot'],
    ]);
    assert.match(job.refused[2]!.message, /row 3/);
    assert.match(job.refused[3]!.message, /row 5 \(MIX-005\)/);
    assert.match(job.refused[4]!.message, /overlaps plot T-/);
    assert.match(job.refused[1]!.message, /Self-intersection/i);
  });

  it('refuses a code that already exists in the province', async () => {
    const plots = plotsInRow(1, 'DUP');
    assert.equal((await importFile('kind=plots&format=geojson', plotsGeoJson(plots))).status, 'succeeded');
    const again = plotsInRow(1, 'DUP');
    const job = await importFile('kind=plots&format=geojson', plotsGeoJson(again));
    assert.deepEqual(job.refused.map((r) => [r.row, r.field, r.reason]), [[1, 'code', 'code_exists']]);
  });

  it('refuses a file it cannot read as a whole, saying why', async () => {
    const job = await importFile('kind=plots&format=shapefile', Buffer.from('not a zip'));
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /\.zip/);
    const noHeader = await importFile('kind=plots&format=csv', Buffer.from('ma_thua,ten\nA,B\n'));
    assert.match(noHeader.error ?? '', /'code'/);
    const noDataSheet = await importFile('kind=plots&format=xlsx', await tableXlsx(['ma_thua', 'ranh_gioi'], [['A', 'B']]));
    assert.equal(noDataSheet.status, 'failed');
    assert.match(noDataSheet.error ?? '', /No sheet of the workbook has a header row with the 'code', 'geometry' columns/);
  });

  it('checks permission, parameters and ownership of jobs', async () => {
    const g = given(t.database.db);
    const verifier = await g.user({ role: 'verifier', adminUnitCode: '92' });
    const verifierCookie = await t.loginAs(verifier.login, verifier.password);
    const forbidden = await upload('kind=plots&format=csv', plotsCsv(plotsInRow(1, 'V')), verifierCookie);
    assert.equal(forbidden.statusCode, 403);

    const noProvince = await upload('kind=plots&format=geojson&crs=vn2000', plotsGeoJson([]));
    assert.equal(noProvince.statusCode, 400);
    assert.equal(Problem.parse(noProvince.json()).errors?.[0]?.path, 'province');
    const unknownProvince = await upload('kind=plots&format=geojson&crs=vn2000&province=93', plotsGeoJson([]));
    assert.equal(unknownProvince.statusCode, 422);
    assert.match(Problem.parse(unknownProvince.json()).detail, /No VN-2000 central meridian is known for province 93/);
    const householdsAsKml = await upload('kind=households&format=kml', Buffer.from('<kml/>'));
    assert.equal(householdsAsKml.statusCode, 400);
    const otherCoop = await g.organisation();
    const foreignOrganisation = await upload(`kind=plots&format=csv&organisationId=${otherCoop.id}`, plotsCsv(plotsInRow(1, 'FO')));
    assert.equal(foreignOrganisation.statusCode, 404);

    const mine = await upload('kind=plots&format=geojson', plotsGeoJson(plotsInRow(1, 'OWN')));
    const { jobId } = CreateImportResponse.parse(mine.json());
    await t.services.imports.idle();
    const stranger = await g.user({ role: 'coop_manager', organisationId: otherCoop.id });
    const strangerCookie = await t.loginAs(stranger.login, stranger.password);
    assert.equal((await t.request({ method: 'GET', url: `/api/v1/imports/${jobId}`, cookie: strangerCookie })).statusCode, 404);
    const admin = await g.user({ role: 'admin' });
    assert.equal((await t.request({ method: 'GET', url: `/api/v1/imports/${jobId}`, cookie: await t.loginAs(admin.login, admin.password) })).statusCode, 200);
    const list = await t.request({ method: 'GET', url: '/api/v1/imports', cookie: manager });
    const items = list.json().items as { id: string; createdAt: string }[];
    assert.ok(items.some((j) => j.id === jobId));
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/imports', cookie: strangerCookie })).json().items.length, 0);
  });
});
