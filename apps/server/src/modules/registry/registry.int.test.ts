/**
 * The registry through HTTP on a real PostGIS (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * server-side areas, invalid and overlapping boundaries, overrides, boundary history, households
 * with members, organisations, growing areas with codes and the minimum-area rule. Every write is
 * checked for who made it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { GrowingAreaDetail, HouseholdDetail, OrganisationDetail, OverlapProblem, PlotBoundaryHistory, PlotDetail } from '@dongxanh/contracts';
import { CAN_THO, CO_DO, THOI_LAI, given, squarePolygon } from '../../testing/given.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** A rectangle of widthM (east) × heightM (north) metres whose south-west corner is at lon/lat. */
function rectangle(lon: number, lat: number, widthM: number, heightM: number) {
  const dLat = heightM / 110_574;
  const dLon = widthM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}
/** Longitude `metres` east of `lon` at latitude `lat`. */
const east = (lon: number, lat: number, metres: number) => lon + metres / (111_320 * Math.cos((lat * Math.PI) / 180));

describe('registry', () => {
  let t: TestApp;
  let g: ReturnType<typeof given>;
  let coop: Awaited<ReturnType<ReturnType<typeof given>['cooperativeWithMembers']>>;
  let manager: string;
  let recorder: string;
  let farmer: string;
  let provinceOfficer: { id: string; cookie: string };
  let communeOfficer: { id: string; cookie: string };
  let managerId: string;
  let recorderId: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, cookie, ...(payload ? { payload } : {}) });

  before(async () => {
    t = await createTestApp();
    g = given(t.database.db);
    coop = await g.cooperativeWithMembers(THOI_LAI);
    managerId = coop.manager.id;
    recorderId = coop.recorder.id;
    manager = await t.loginAs(coop.manager.login, coop.manager.password);
    recorder = await t.loginAs(coop.recorder.login, coop.recorder.password);
    farmer = await t.loginAs(coop.farmer.login, coop.farmer.password);
    const province = await g.user({ role: 'province_officer', adminUnitCode: CAN_THO });
    provinceOfficer = { id: province.id, cookie: await t.loginAs(province.login, province.password) };
    const commune = await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI });
    communeOfficer = { id: commune.id, cookie: await t.loginAs(commune.login, commune.password) };
  });
  after(async () => t.close());

  it('documents the registry routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/plots/{id}/boundaries', '/organisations/{id}', '/households/{id}', '/households/{id}/members', '/growing-areas/{id}', '/growing-areas/{id}/codes', '/growing-areas/{id}/codes/{codeId}/status']) {
      assert.ok(doc.paths[`/api/v1${path}`], `OpenAPI has ${path}`);
    }
  });

  describe('plots', () => {
    const lat = 10.1;
    const lonA = 105.6;
    let plotA: { id: string; code: string };

    it('computes the area of a 100 m × 100 m square on the server (≈ 1,0 ha) and ignores an area sent by the client', async () => {
      const res = await call(manager, 'POST', '/plots', { code: 'TL-A-001', name: 'Thửa A', householdId: coop.household.id, boundary: squarePolygon(lonA, lat, 100), areaHa: 42 });
      assert.equal(res.statusCode, 201, res.body);
      plotA = { id: res.json().id, code: 'TL-A-001' };
      const detail = PlotDetail.parse((await call(manager, 'GET', `/plots/${plotA.id}`)).json());
      assert.ok(Math.abs(detail.areaHa - 1) <= 0.005, `area ${detail.areaHa} ha is within 0,5 % of 1 ha`);
      assert.equal(detail.communeCode, THOI_LAI);
      assert.equal(detail.organisationId, coop.coop.id);
      assert.equal(detail.createdBy, managerId);
      assert.deepEqual(detail.overlapOverrides, []);
      const stored = await t.database.db.selectFrom('plots').select(['areaHa', 'createdBy', 'provinceCode']).where('id', '=', plotA.id).executeTakeFirstOrThrow();
      assert.equal(stored.createdBy, managerId);
      assert.equal(stored.provinceCode, CAN_THO);
      assert.ok(Math.abs(Number(stored.areaHa) - 1) <= 0.005);
    });

    it('refuses a self-intersecting (bow-tie) boundary with 422 naming the boundary, and stores nothing', async () => {
      const d = 0.001;
      const bowTie = { type: 'Polygon', coordinates: [[[lonA, 10.2], [lonA + d, 10.2 + d], [lonA + d, 10.2], [lonA, 10.2 + d], [lonA, 10.2]]] };
      const res = await call(manager, 'POST', '/plots', { code: 'TL-BOWTIE', name: 'Nơ', communeCode: THOI_LAI, boundary: bowTie });
      assert.equal(res.statusCode, 422);
      const problem = res.json();
      assert.equal(problem.code, 'rule_violated');
      assert.equal(problem.errors[0].path, 'boundary');
      assert.match(problem.detail, /not a valid polygon: Self-intersection/);
      assert.equal(await t.database.db.selectFrom('plots').select('id').where('code', '=', 'TL-BOWTIE').executeTakeFirst(), undefined);
    });

    it('refuses a boundary enclosing less than 1 m², and drops altitudes from positions', async () => {
      const tiny = await call(manager, 'POST', '/plots', { code: 'TL-TINY', name: 'Tí hon', communeCode: THOI_LAI, boundary: squarePolygon(lonA, 10.25, 0.5) });
      assert.equal(tiny.statusCode, 422);
      assert.equal(tiny.json().errors[0].path, 'boundary');
      const square = squarePolygon(lonA, 10.26, 50);
      const withAltitude = { type: 'Polygon', coordinates: [square.coordinates[0]!.map(([lon, lat]) => [lon, lat, 1.5])] };
      const res = await call(manager, 'POST', '/plots', { code: 'TL-3D', name: 'Có cao độ', householdId: coop.household.id, boundary: withAltitude });
      assert.equal(res.statusCode, 201, res.body);
      const detail = PlotDetail.parse((await call(manager, 'GET', `/plots/${res.json().id}`)).json());
      const { dims } = await t.database.db.selectFrom('plots').select(sql<number>`ST_NDims(boundary)`.as('dims')).where('id', '=', detail.id).executeTakeFirstOrThrow();
      assert.equal(dims, 2);
      assert.ok(Math.abs(detail.areaHa - 0.25) <= 0.002);
      assert.equal((await call(manager, 'PATCH', `/plots/${res.json().id}`, { name: 'x' })).statusCode, 204);
    });

    it('refuses a ring that does not close with 400 naming the field', async () => {
      const open = { type: 'Polygon', coordinates: [[[lonA, 10.3], [lonA + 0.001, 10.3], [lonA + 0.001, 10.301], [lonA, 10.301]]] };
      const res = await call(manager, 'POST', '/plots', { code: 'TL-OPEN', name: 'Hở', boundary: open });
      assert.equal(res.statusCode, 400);
      assert.match(res.json().errors[0].path, /^boundary/);
    });

    let hiddenPlot: { id: string; code: string };
    const overlapping = () => rectangle(east(lonA, lat, 90), lat, 100, 100); // 10 m × 100 m over plot A = 0,1 ha

    it('refuses a boundary overlapping a visible plot with 409 naming it and the overlap in ha', async () => {
      const res = await call(manager, 'POST', '/plots', { code: 'TL-B-001', name: 'Thửa B', householdId: coop.household.id, boundary: overlapping() });
      assert.equal(res.statusCode, 409, res.body);
      const problem = OverlapProblem.parse(res.json());
      assert.equal(problem.code, 'conflict');
      assert.match(problem.detail, /^The boundary overlaps plot TL-A-001 by 0,1\d{3} ha/);
      assert.equal(problem.overlaps.length, 1);
      assert.equal(problem.overlaps[0]!.id, plotA.id);
      assert.equal(problem.overlaps[0]!.code, 'TL-A-001');
      assert.ok(Math.abs(problem.overlaps[0]!.overlapHa - 0.1) < 0.002, `overlap ${problem.overlaps[0]!.overlapHa}`);
      assert.equal(await t.database.db.selectFrom('plots').select('id').where('code', '=', 'TL-B-001').executeTakeFirst(), undefined);
    });

    it('checks overlaps against plots the caller cannot see, without naming them', async () => {
      const otherCoop = await g.organisation({ communeCode: THOI_LAI });
      // 40 m × 100 m straddling the east edge of where plot B will go: 5 m × 100 m under it.
      hiddenPlot = await g.plot({ organisationId: otherCoop.id, code: 'SECRET-HTX-KHAC', boundary: rectangle(east(lonA, lat, 185), lat, 40, 100) });
      const res = await call(manager, 'POST', '/plots', { code: 'TL-B-001', name: 'Thửa B', householdId: coop.household.id, boundary: overlapping() });
      assert.equal(res.statusCode, 409);
      const problem = OverlapProblem.parse(res.json());
      assert.match(problem.detail, /plot TL-A-001 by 0,1\d{3} ha and a plot of another organisation by 0,0\d{3} ha/);
      assert.doesNotMatch(res.body, /SECRET-HTX-KHAC/);
      assert.doesNotMatch(res.body, new RegExp(hiddenPlot.id));
      assert.deepEqual(problem.overlaps.map((o) => [o.id, o.code]), [[plotA.id, 'TL-A-001'], [null, null]]);
    });

    it('refuses an override reason shorter than 5 characters with 400', async () => {
      const res = await call(manager, 'POST', '/plots', { code: 'TL-B-001', name: 'Thửa B', householdId: coop.household.id, boundary: overlapping(), overlapOverride: { reason: 'ok' } });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].path, 'overlapOverride.reason');
    });

    let plotB: string;
    it('accepts the overlap with an explicit override and records each one', async () => {
      const reason = 'Bờ ranh chung đã được hai hộ xác nhận tại thực địa';
      const res = await call(manager, 'POST', '/plots', { code: 'TL-B-001', name: 'Thửa B', householdId: coop.household.id, boundary: overlapping(), overlapOverride: { reason } });
      assert.equal(res.statusCode, 201, res.body);
      plotB = res.json().id;
      const rows = await t.database.db.selectFrom('plotOverlapOverrides').selectAll().where('plotId', '=', plotB).orderBy('overlapHa', 'desc').execute();
      assert.deepEqual(rows.map((r) => [r.otherPlotId, r.reason, r.createdBy]), [[plotA.id, reason, managerId], [hiddenPlot.id, reason, managerId]]);
      assert.ok(Math.abs(Number(rows[0]!.overlapHa) - 0.1) < 0.002);

      const detail = PlotDetail.parse((await call(manager, 'GET', `/plots/${plotB}`)).json());
      assert.deepEqual(detail.overlapOverrides.map((o) => [o.otherPlotId, o.otherPlotCode, o.reason, o.createdBy]), [
        [plotA.id, 'TL-A-001', reason, managerId],
        [hiddenPlot.id, null, reason, managerId],
      ]);
      assert.deepEqual(detail.overlaps.map((o) => o.code), ['TL-A-001']);
      // The plot drawn over sees the override too.
      const a = PlotDetail.parse((await call(manager, 'GET', `/plots/${plotA.id}`)).json());
      assert.deepEqual(a.overlapOverrides.map((o) => [o.otherPlotId, o.otherPlotCode]), [[plotB, 'TL-B-001']]);
    });

    it('keeps the previous boundary when a plot is redrawn and recomputes the area', async () => {
      const before = PlotBoundaryHistory.parse((await call(recorder, 'GET', `/plots/${plotA.id}/boundaries`)).json());
      assert.equal(before.items.length, 1);
      assert.equal(before.items[0]!.validTo, null);

      // Redraw plot A to 200 m × 100 m further north, clear of every other plot.
      const res = await call(recorder, 'PATCH', `/plots/${plotA.id}`, { boundary: rectangle(lonA, 10.11, 200, 100), reason: 'Đo lại bằng GPS RTK' });
      assert.equal(res.statusCode, 204, res.body);
      const detail = PlotDetail.parse((await call(recorder, 'GET', `/plots/${plotA.id}`)).json());
      assert.ok(Math.abs(detail.areaHa - 2) <= 0.01, `area ${detail.areaHa}`);

      const history = PlotBoundaryHistory.parse((await call(recorder, 'GET', `/plots/${plotA.id}/boundaries`)).json());
      assert.deepEqual(history.items.map((v) => v.version), [1, 2]);
      const [v1, v2] = history.items;
      assert.ok(Math.abs(v1!.areaHa - 1) <= 0.005);
      assert.equal(v1!.changedBy, managerId);
      assert.ok(v1!.validTo, 'the first boundary has ended');
      assert.equal(v1!.validTo, v2!.validFrom);
      assert.equal(v1!.boundary.type, 'MultiPolygon');
      assert.ok(Math.abs(v2!.areaHa - 2) <= 0.01);
      assert.equal(v2!.validTo, null);
      assert.equal(v2!.changedBy, recorderId);
      assert.equal(v2!.reason, 'Đo lại bằng GPS RTK');
      const stored = await t.database.db.selectFrom('plots').select(['updatedBy', 'updatedAt']).where('id', '=', plotA.id).executeTakeFirstOrThrow();
      assert.equal(stored.updatedBy, recorderId);
      assert.ok(stored.updatedAt);
    });

    it('does not add a boundary version for a rename, and refuses an overlapping redraw leaving history unchanged', async () => {
      assert.equal((await call(recorder, 'PATCH', `/plots/${plotA.id}`, { name: 'Thửa A (đổi tên)' })).statusCode, 204);
      const res = await call(recorder, 'PATCH', `/plots/${plotA.id}`, { boundary: overlapping() });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().detail, /plot TL-B-001/);
      const history = PlotBoundaryHistory.parse((await call(recorder, 'GET', `/plots/${plotA.id}/boundaries`)).json());
      assert.deepEqual(history.items.map((v) => v.version), [1, 2]);
      const detail = PlotDetail.parse((await call(recorder, 'GET', `/plots/${plotA.id}`)).json());
      assert.equal(detail.name, 'Thửa A (đổi tên)');
      assert.ok(Math.abs(detail.areaHa - 2) <= 0.01);
    });

    it('serves the boundary of a plot never redrawn as its only version', async () => {
      const history = PlotBoundaryHistory.parse((await call(manager, 'GET', `/plots/${coop.plot.id}/boundaries`)).json());
      assert.equal(history.items.length, 1);
      assert.equal(history.items[0]!.version, 1);
      assert.equal(history.items[0]!.validTo, null);
    });
  });

  describe('organisations and households', () => {
    let household: string;

    it('registers a cooperative group (tổ hợp tác) and records who did it', async () => {
      const res = await call(communeOfficer.cookie, 'POST', '/organisations', { name: 'Tổ hợp tác Lúa sạch Thới Thạnh', kind: 'cooperative_group', communeCode: THOI_LAI });
      assert.equal(res.statusCode, 201, res.body);
      const organisation = OrganisationDetail.parse((await call(communeOfficer.cookie, 'GET', `/organisations/${res.json().id}`)).json());
      assert.equal(organisation.kind, 'cooperative_group');
      assert.equal(organisation.communeName, 'Xã Thới Lai');
      assert.deepEqual([organisation.householdCount, organisation.plotCount, organisation.areaHa, organisation.members], [0, 0, 0, []]);
      const stored = await t.database.db.selectFrom('organisations').select('createdBy').where('id', '=', organisation.id).executeTakeFirstOrThrow();
      assert.equal(stored.createdBy, communeOfficer.id);
    });

    it('shows an organisation with its accounts, households, plots and area', async () => {
      const organisation = OrganisationDetail.parse((await call(manager, 'GET', `/organisations/${coop.coop.id}`)).json());
      assert.deepEqual(organisation.members.map((m) => m.role).sort(), ['coop_manager', 'coop_recorder', 'farmer']);
      assert.ok(organisation.members.some((m) => m.userId === managerId));
      assert.equal(organisation.householdCount, 1);
      assert.equal(organisation.plotCount, 4); // the given plot (1 ha), A (2 ha), B (1 ha) and TL-3D (0,25 ha)
      assert.ok(Math.abs(organisation.areaHa - 4.25) < 0.03, `area ${organisation.areaHa}`);
    });

    it('registers a household and adds members, recording who added them', async () => {
      const res = await call(recorder, 'POST', '/households', { headName: 'Lê Văn Tư', phone: '0912000111', address: 'Ấp Thới Thuận 2', communeCode: THOI_LAI });
      assert.equal(res.statusCode, 201, res.body);
      household = res.json().id;
      const head = await call(recorder, 'POST', `/households/${household}/members`, { fullName: 'Lê Văn Tư', relation: 'head', birthYear: 1970, gender: 'male' });
      assert.equal(head.statusCode, 201, head.body);
      const spouse = await call(recorder, 'POST', `/households/${household}/members`, { fullName: 'Trần Thị Bích', relation: 'spouse', birthYear: 1974, gender: 'female', phone: '0912000112' });
      assert.equal(spouse.statusCode, 201);

      const detail = HouseholdDetail.parse((await call(manager, 'GET', `/households/${household}`)).json());
      assert.equal(detail.organisationId, coop.coop.id);
      assert.equal(detail.communeName, 'Xã Thới Lai');
      assert.equal(detail.createdBy, recorderId);
      assert.deepEqual(detail.members.map((m) => [m.fullName, m.relation, m.birthYear, m.gender, m.phone, m.createdBy]), [
        ['Lê Văn Tư', 'head', 1970, 'male', null, recorderId],
        ['Trần Thị Bích', 'spouse', 1974, 'female', '0912000112', recorderId],
      ]);
      assert.deepEqual(detail.plots, []);
    });

    it('lists a household with its plots', async () => {
      const detail = HouseholdDetail.parse((await call(manager, 'GET', `/households/${coop.household.id}`)).json());
      assert.deepEqual(detail.plots.map((p) => p.code).sort(), [coop.plot.code, 'TL-3D', 'TL-A-001', 'TL-B-001'].sort());
    });

    it('refuses a second head, an unknown relation, a future birth year and a farmer adding members', async () => {
      const secondHead = await call(recorder, 'POST', `/households/${household}/members`, { fullName: 'Lê Văn Năm', relation: 'head' });
      assert.equal(secondHead.statusCode, 409);
      assert.equal(secondHead.json().errors[0].path, 'relation');
      const unknown = await call(recorder, 'POST', `/households/${household}/members`, { fullName: 'Lê Văn Năm', relation: 'cousin' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].path, 'relation');
      const future = await call(recorder, 'POST', `/households/${household}/members`, { fullName: 'Lê Văn Sáu', relation: 'child', birthYear: 2099 });
      assert.equal(future.statusCode, 422);
      assert.equal(future.json().errors[0].path, 'birthYear');
      const byFarmer = await call(farmer, 'POST', `/households/${coop.household.id}/members`, { fullName: 'Nguyễn Văn Bé', relation: 'child' });
      assert.equal(byFarmer.statusCode, 403);
      const members = await t.database.db.selectFrom('householdMembers').select('fullName').where('householdId', 'in', [household, coop.household.id]).execute();
      assert.equal(members.length, 2);
    });
  });

  describe('growing areas', () => {
    let area: string;
    let smallArea: string;
    let plot: string;
    const lat = 10.2;

    it('groups plots into a growing area with a standard, and evaluates the minimum area on PostGIS areas', async () => {
      const p = await call(manager, 'POST', '/plots', { code: 'TL-V-001', name: 'Thửa vùng 1', householdId: coop.household.id, boundary: squarePolygon(105.7, lat, 100) });
      assert.equal(p.statusCode, 201, p.body);
      plot = p.json().id;
      const res = await call(manager, 'POST', '/growing-areas', { name: 'Vùng lúa ST25 Thới Lai', crop: 'Lúa ST25', standard: 'vietgap', plotIds: [plot] });
      assert.equal(res.statusCode, 201, res.body);
      area = res.json().id;
      const detail = GrowingAreaDetail.parse((await call(manager, 'GET', `/growing-areas/${area}`)).json());
      assert.equal(detail.standard, 'vietgap');
      assert.equal(detail.status, 'draft');
      assert.equal(detail.createdBy, managerId);
      assert.deepEqual(detail.plots.map((x) => x.code), ['TL-V-001']);
      assert.ok(Math.abs(detail.areaHa - 1) <= 0.005);
      const rule = detail.rules.find((r) => r.rule === 'minimum_area');
      assert.equal(rule?.passed, true);
      assert.equal(rule?.enforced, true);
      assert.match(rule!.detail, /≥ 0,1 ha, the minimum for annual crops .*Decision 3156\/QĐ-BNN-TT/);
    });

    it('records a domestic code as given, with its status history', async () => {
      const res = await call(manager, 'POST', `/growing-areas/${area}/codes`, { kind: 'domestic', code: 'VN-92-31258-01-26', scheme: 'QĐ 3156/QĐ-BNN-TT', issuer: 'Chi cục Trồng trọt và BVTV Cần Thơ', issuedOn: '2026-01-15' });
      assert.equal(res.statusCode, 201, res.body);
      const detail = GrowingAreaDetail.parse((await call(manager, 'GET', `/growing-areas/${area}`)).json());
      assert.equal(detail.domesticCode, 'VN-92-31258-01-26');
      assert.equal(detail.codes.length, 1);
      const code = detail.codes[0]!;
      assert.deepEqual([code.kind, code.code, code.scheme, code.market, code.issuedOn, code.status, code.createdBy], ['domestic', 'VN-92-31258-01-26', 'QĐ 3156/QĐ-BNN-TT', null, '2026-01-15', 'active', managerId]);
      assert.deepEqual(code.history.map((h) => [h.status, h.changedBy]), [['active', managerId]]);
    });

    it('refuses a code already recorded, a second domestic code, an export code without market and a future issue date', async () => {
      const other = await call(manager, 'POST', '/plots', { code: 'TL-V-002', name: 'Thửa vùng 2', householdId: coop.household.id, boundary: squarePolygon(105.71, lat, 100) });
      const otherArea = (await call(manager, 'POST', '/growing-areas', { name: 'Vùng 2', crop: 'rice', plotIds: [other.json().id] })).json().id;
      const taken = await call(manager, 'POST', `/growing-areas/${otherArea}/codes`, { kind: 'domestic', code: 'VN-92-31258-01-26', scheme: 'QĐ 3156', issuer: 'Chi cục', issuedOn: '2026-01-15' });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().errors[0].path, 'code');
      const second = await call(manager, 'POST', `/growing-areas/${area}/codes`, { kind: 'domestic', code: 'VN-92-31258-02-26', scheme: 'QĐ 3156', issuer: 'Chi cục', issuedOn: '2026-01-15' });
      assert.equal(second.statusCode, 409);
      assert.match(second.json().detail, /already has the domestic code VN-92-31258-01-26/);
      const noMarket = await call(manager, 'POST', `/growing-areas/${area}/codes`, { kind: 'export', code: 'VN-CTOR-0001', scheme: 'PUC', issuer: 'Cục Trồng trọt và BVTV', issuedOn: '2026-01-15' });
      assert.equal(noMarket.statusCode, 400);
      assert.equal(noMarket.json().errors[0].path, 'market');
      const future = await call(manager, 'POST', `/growing-areas/${area}/codes`, { kind: 'export', code: 'VN-CTOR-0001', scheme: 'PUC', market: 'CN', issuer: 'Cục Trồng trọt và BVTV', issuedOn: '2099-01-01' });
      assert.equal(future.statusCode, 422);
      assert.equal(future.json().errors[0].path, 'issuedOn');
      const codes = await t.database.db.selectFrom('growingAreaCodes').select('code').execute();
      assert.deepEqual(codes.map((c) => c.code), ['VN-92-31258-01-26']);
    });

    it('refuses a code for an area below the minimum area with 422 naming the rule, and stores nothing', async () => {
      const p = await call(manager, 'POST', '/plots', { code: 'TL-V-SMALL', name: 'Thửa nhỏ', householdId: coop.household.id, boundary: squarePolygon(105.72, lat, 20) });
      smallArea = (await call(manager, 'POST', '/growing-areas', { name: 'Vùng nhỏ', crop: 'Lúa OM18', plotIds: [p.json().id] })).json().id;
      const detail = GrowingAreaDetail.parse((await call(manager, 'GET', `/growing-areas/${smallArea}`)).json());
      const rule = detail.rules.find((r) => r.rule === 'minimum_area');
      assert.equal(rule?.passed, false);
      assert.match(rule!.detail, /^0,04\d{2} ha < 0,1 ha/);
      const res = await call(manager, 'POST', `/growing-areas/${smallArea}/codes`, { kind: 'domestic', code: 'VN-92-31258-09-26', scheme: 'QĐ 3156', issuer: 'Chi cục', issuedOn: '2026-01-15' });
      assert.equal(res.statusCode, 422);
      const problem = res.json();
      assert.equal(problem.code, 'rule_violated');
      assert.equal(problem.rule, 'minimum_area');
      assert.match(problem.detail, /fails the rule minimum_area/);
      assert.equal(await t.database.db.selectFrom('growingAreaCodes').select('id').where('growingAreaId', '=', smallArea).executeTakeFirst(), undefined);
    });

    it('lets only the province suspend, reinstate and revoke a code, with reasons, and keeps revocation final', async () => {
      const detail = GrowingAreaDetail.parse((await call(manager, 'GET', `/growing-areas/${area}`)).json());
      const codeId = detail.codes[0]!.id;
      const url = `/growing-areas/${area}/codes/${codeId}/status`;
      assert.equal((await call(manager, 'POST', url, { status: 'suspended', reason: 'Tự đình chỉ' })).statusCode, 403);
      const noReason = await call(provinceOfficer.cookie, 'POST', url, { status: 'suspended' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().errors[0].path, 'reason');
      assert.equal((await call(provinceOfficer.cookie, 'POST', url, { status: 'suspended', reason: 'Phát hiện dư lượng thuốc BVTV vượt ngưỡng' })).statusCode, 204);
      assert.equal((await call(provinceOfficer.cookie, 'POST', url, { status: 'active' })).statusCode, 204);
      assert.equal((await call(provinceOfficer.cookie, 'POST', url, { status: 'revoked', reason: 'Vùng trồng không còn đáp ứng yêu cầu' })).statusCode, 204);
      const again = await call(provinceOfficer.cookie, 'POST', url, { status: 'active' });
      assert.equal(again.statusCode, 409);
      assert.match(again.json().detail, /revoked, which is final/);

      const after = GrowingAreaDetail.parse((await call(manager, 'GET', `/growing-areas/${area}`)).json());
      const code = after.codes[0]!;
      assert.equal(code.status, 'revoked');
      assert.equal(after.domesticCode, null);
      assert.deepEqual(code.history.map((h) => [h.status, h.reason, h.changedBy]), [
        ['active', null, managerId],
        ['suspended', 'Phát hiện dư lượng thuốc BVTV vượt ngưỡng', provinceOfficer.id],
        ['active', null, provinceOfficer.id],
        ['revoked', 'Vùng trồng không còn đáp ứng yêu cầu', provinceOfficer.id],
      ]);
      const stored = await t.database.db.selectFrom('growingAreaCodes').select(['updatedBy']).where('id', '=', codeId).executeTakeFirstOrThrow();
      assert.equal(stored.updatedBy, provinceOfficer.id);
    });

    it('records a new domestic code after revocation, and export codes for a market', async () => {
      const domestic = await call(provinceOfficer.cookie, 'POST', `/growing-areas/${area}/codes`, { kind: 'domestic', code: 'VN-92-31258-03-26', scheme: 'QĐ 3156/QĐ-BNN-TT', issuer: 'Chi cục Trồng trọt và BVTV Cần Thơ', issuedOn: '2026-03-01' });
      assert.equal(domestic.statusCode, 201, domestic.body);
      const exported = await call(manager, 'POST', `/growing-areas/${area}/codes`, { kind: 'export', code: 'VN-CTOR-0042', scheme: 'PUC', market: 'Trung Quốc', issuer: 'Cục Trồng trọt và BVTV', issuedOn: '2026-03-02' });
      assert.equal(exported.statusCode, 201, exported.body);
      const list = (await call(manager, 'GET', '/growing-areas')).json().items as Array<{ id: string; domesticCode: string | null; exportCode: string | null; standard: string; areaHa: number }>;
      const mine = list.find((a) => a.id === area);
      assert.deepEqual([mine?.domesticCode, mine?.exportCode, mine?.standard], ['VN-92-31258-03-26', 'VN-CTOR-0042', 'vietgap']);
      const stored = await t.database.db.selectFrom('growingAreaCodes').select(['code', 'createdBy']).where('growingAreaId', '=', area).orderBy('createdAt').execute();
      assert.deepEqual(stored.map((c) => [c.code, c.createdBy]), [
        ['VN-92-31258-01-26', managerId],
        ['VN-92-31258-03-26', provinceOfficer.id],
        ['VN-CTOR-0042', managerId],
      ]);
    });

    it('keeps the application workflow: submit, approve by the province, with history', async () => {
      assert.equal((await call(manager, 'POST', `/growing-areas/${area}/status`, { status: 'submitted' })).statusCode, 204);
      assert.equal((await call(manager, 'POST', `/growing-areas/${area}/status`, { status: 'approved' })).statusCode, 403);
      assert.equal((await call(provinceOfficer.cookie, 'POST', `/growing-areas/${area}/status`, { status: 'approved' })).statusCode, 204);
      const detail = GrowingAreaDetail.parse((await call(manager, 'GET', `/growing-areas/${area}`)).json());
      assert.deepEqual(detail.history.map((h) => [h.status, h.changedBy]), [['draft', managerId], ['submitted', managerId], ['approved', provinceOfficer.id]]);
    });

    it('is not visible outside its organisation or commune (404)', async () => {
      const coDoOfficer = await g.user({ role: 'commune_officer', adminUnitCode: CO_DO });
      const cookie = await t.loginAs(coDoOfficer.login, coDoOfficer.password);
      assert.equal((await call(cookie, 'GET', `/growing-areas/${area}`)).statusCode, 404);
      assert.equal((await call(cookie, 'POST', `/growing-areas/${area}/codes`, { kind: 'export', code: 'X-1', scheme: 'PUC', market: 'CN', issuer: 'x', issuedOn: '2026-01-01' })).statusCode, 404);
      assert.equal((await call(communeOfficer.cookie, 'GET', `/growing-areas/${area}`)).statusCode, 200);
    });
  });
});
