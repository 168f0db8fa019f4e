/**
 * Plans and dashboards through HTTP on a real database: the seeds' plans as data, who sees which,
 * indicators computed from seasons recorded through the diary's own API (with the records behind
 * each figure), values entered with their source (superseded, never overwritten), the rollups
 * refreshed incrementally as the diary changes, the maps, and boundary uploads by an admin.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DashboardSummary, EvidencePage, PlanDetail, PlanList } from '@dongxanh/contracts';
import type { z } from 'zod';
import { CAN_THO, CO_DO, given, squarePolygon, THOI_LAI } from '../../testing/given.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { loadSeedPlans } from './seed-plans/index.ts';
import { recordRiceSeason } from './testing-seasons.ts';

let t: TestApp;
let g: ReturnType<typeof given>;
const cookies: Record<string, string> = {};
let plots: Array<{ id: string; areaHa: number }> = [];
let canThoPlanId = '';
let laoCaiPlanId = '';

const json = <T>(body: string) => JSON.parse(body) as T;
type Plan = z.infer<typeof PlanDetail>;
const indicator = (plan: Plan, code: string) => plan.indicators.find((i) => i.code === code)!;

before(async () => {
  t = await createTestApp();
  g = given(t.database.db);
  await t.database.db.transaction().execute((tx) => loadSeedPlans(tx));
  const { coop, recorder } = await g.cooperativeWithMembers(THOI_LAI);
  const p1 = await g.plot({ organisationId: coop.id, lon: 105.551, lat: 10.061, sideM: 100 });
  const p2 = await g.plot({ organisationId: coop.id, lon: 105.553, lat: 10.061, sideM: 150 });
  plots = [p1, p2].map((p) => ({ id: p.id, areaHa: Number(p.areaHa) }));
  const logins = {
    admin: await g.user({ role: 'admin' }),
    province: await g.user({ role: 'province_officer', adminUnitCode: CAN_THO }),
    commune: await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI }),
    otherCommune: await g.user({ role: 'commune_officer', adminUnitCode: CO_DO }),
    laoCai: await g.user({ role: 'province_officer', adminUnitCode: '15' }),
    farmer: await g.user({ role: 'farmer' }),
    recorder,
  };
  for (const [name, u] of Object.entries(logins)) cookies[name] = await t.loginAs(u.login, u.password);
  // Plot 1: AWD, 90 kg seed, 70 % straw collected, 3 % loss; plot 2: flooded, 110 kg seed, all straw incorporated.
  await recordRiceSeason(t, cookies.recorder!, p1.id, { sowingOn: '2025-11-25', seedRateKgPerHa: 90, ureaKgPerHa: 200, awd: true, strawRemovedFraction: 0.7, yieldKgPerHa: 6500, lossPct: 3 });
  await recordRiceSeason(t, cookies.recorder!, p2.id, { sowingOn: '2025-11-27', seedRateKgPerHa: 110, ureaKgPerHa: 250, awd: false, strawRemovedFraction: 0, yieldKgPerHa: 6000 });
  const list = json<z.infer<typeof PlanList>>((await t.request({ method: 'GET', url: '/api/v1/plans', cookie: cookies.admin })).body);
  canThoPlanId = list.items.find((p) => p.code === 'can-tho-1490-one-million-ha-rice')!.id;
  laoCaiPlanId = list.items.find((p) => p.code === 'lao-cai-4024-low-emission-crops')!.id;
});

after(async () => {
  await t?.close();
});

describe('plans as data', () => {
  test('the admin sees the five seed plans; each officer only the plans of their unit', async () => {
    const all = PlanList.parse(json((await t.request({ method: 'GET', url: '/api/v1/plans', cookie: cookies.admin })).body));
    assert.deepEqual(all.items.map((p) => p.code).sort(), ['can-tho-1490-one-million-ha-rice', 'lao-cai-4024-low-emission-crops', 'lao-cai-4765-safe-vegetables', 'quang-tri-04-nq-tu-land-consolidation', 'son-kim-1-4024-low-emission-crops']);
    const quangTri = all.items.find((p) => p.code.startsWith('quang-tri'))!;
    assert.equal(quangTri.taskCount, 10);
    for (const [who, expected] of [['province', ['can-tho-1490-one-million-ha-rice']], ['commune', ['can-tho-1490-one-million-ha-rice']], ['laoCai', ['lao-cai-4024-low-emission-crops', 'lao-cai-4765-safe-vegetables']]] as const) {
      const res = PlanList.parse(json((await t.request({ method: 'GET', url: '/api/v1/plans', cookie: cookies[who] })).body));
      assert.deepEqual(res.items.map((p) => p.code).sort(), [...expected], who);
    }
    assert.equal((await t.request({ method: 'GET', url: `/api/v1/plans/${laoCaiPlanId}`, cookie: cookies.province })).statusCode, 404);
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/plans', cookie: cookies.farmer })).statusCode, 403);
  });

  test('indicators computed from the diary, with the records behind them', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/plans/${canThoPlanId}?year=2026`, cookie: cookies.province });
    assert.equal(res.statusCode, 200, res.body);
    const plan = PlanDetail.parse(json(res.body));
    assert.equal(plan.pendingSeasons, 0);
    const [a1, a2] = plots.map((p) => p.areaHa) as [number, number];
    const seed = indicator(plan, 'ct.seed_rate').progress[0]!;
    assert.equal(seed.actualKind, 'computed');
    assert.ok(Math.abs(seed.actual! - (90 * a1 + 110 * a2) / (a1 + a2)) < 1e-9, `seed rate ${seed.actual}`);
    assert.equal(seed.computed!.basis.seasons, 2);
    assert.ok(Math.abs(seed.computed!.basis.areaHa - (a1 + a2)) < 1e-9);
    assert.equal(seed.target!.kind, 'interpolated');
    const straw = indicator(plan, 'ct.straw_collected').progress[0]!;
    assert.ok(Math.abs(straw.actual! - (100 * 0.7 * 5 * a1) / (5 * a1 + 5 * a2)) < 1e-9);
    const loss = indicator(plan, 'ct.post_harvest_loss').progress[0]!;
    assert.ok(Math.abs(loss.actual! - 3) < 1e-9, 'only the season with a loss record counts');
    const area = indicator(plan, 'ct.area').progress[0]!;
    assert.ok(Math.abs(area.actual! - (a1 + a2)) < 1e-9);
    const ghg = indicator(plan, 'ct.ghg_reduction').progress[0]!;
    assert.ok(ghg.actual! > 0 && ghg.actual! < 100, `GHG reduction ${ghg.actual}`);
    assert.equal(indicator(plan, 'ct.mechanisation').progress[0]!.actual, 100);
    const fertiliser = indicator(plan, 'ct.chemical_fertiliser_reduction').progress[0]!;
    assert.equal(fertiliser.actual, null);
    assert.match(fertiliser.computed!.missing!, /traditional-practice/);
    assert.equal(fertiliser.computed!.measure!.unit, 'kg N/ha');

    const evidence = EvidencePage.parse(json((await t.request({ method: 'GET', url: seed.computed!.recordsUrl, cookie: cookies.province })).body));
    assert.equal(evidence.total, 2);
    assert.deepEqual(evidence.items.map((s) => s.value).sort((a, b) => a! - b!), [90, 110]);
    assert.equal(evidence.scope.crop, 'rice');
  });

  test('a baseline entered with its source turns a measure into a reduction', async () => {
    const plan = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${canThoPlanId}?year=2026`, cookie: cookies.province })).body));
    const ind = indicator(plan, 'ct.chemical_fertiliser_reduction');
    const bad = await t.request({ method: 'PUT', url: `/api/v1/indicators/${ind.id}/baseline`, cookie: cookies.province, payload: { baselineYear: 2023, baselineValue: 150, baselineUnit: 'kg N/ha' } });
    assert.equal(bad.statusCode, 400);
    assert.ok(json<{ errors: Array<{ path: string }> }>(bad.body).errors.some((e) => e.path === 'baselineSource'));
    const ok = await t.request({ method: 'PUT', url: `/api/v1/indicators/${ind.id}/baseline`, cookie: cookies.province, payload: { baselineYear: 2023, baselineValue: 150, baselineUnit: 'kg N/ha', baselineSource: 'Khảo sát nông hộ vụ Đông Xuân 2023 (thử nghiệm)' } });
    assert.equal(ok.statusCode, 204);
    const after = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${canThoPlanId}?year=2026`, cookie: cookies.province })).body));
    const p = indicator(after, 'ct.chemical_fertiliser_reduction').progress[0]!;
    const meanN = p.computed!.measure!.value;
    assert.ok(Math.abs(p.actual! - (100 * (150 - meanN)) / 150) < 1e-9);
    assert.equal(indicator(after, 'ct.chemical_fertiliser_reduction').baselineSource, 'Khảo sát nông hộ vụ Đông Xuân 2023 (thử nghiệm)');
  });

  test('entered values carry their source; a correction supersedes and keeps the old value', async () => {
    const plan = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${canThoPlanId}?year=2026`, cookie: cookies.province })).body));
    const ind = indicator(plan, 'ct.linkage_share');
    const missing = await t.request({ method: 'POST', url: `/api/v1/indicators/${ind.id}/values`, cookie: cookies.province, payload: { year: 2026, value: 64 } });
    assert.equal(missing.statusCode, 400);
    assert.ok(json<{ errors: Array<{ path: string }> }>(missing.body).errors.some((e) => e.path === 'source'));
    const byCommune = await t.request({ method: 'POST', url: `/api/v1/indicators/${ind.id}/values`, cookie: cookies.commune, payload: { year: 2026, value: 64, source: 'Báo cáo HTX' } });
    assert.equal(byCommune.statusCode, 403, 'a commune officer does not write the province\'s figures');
    for (const [value, source] of [[64, 'Báo cáo liên kết của 12 HTX, tháng 10/2026'], [66.5, 'Báo cáo liên kết bổ sung, tháng 11/2026']] as const) {
      const res = await t.request({ method: 'POST', url: `/api/v1/indicators/${ind.id}/values`, cookie: cookies.province, payload: { year: 2026, value, source } });
      assert.equal(res.statusCode, 201, res.body);
    }
    const after = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${canThoPlanId}?year=2026`, cookie: cookies.province })).body));
    const p = indicator(after, 'ct.linkage_share').progress[0]!;
    assert.equal(p.actualKind, 'entered');
    assert.equal(p.actual, 66.5);
    assert.equal(p.entered!.source, 'Báo cáo liên kết bổ sung, tháng 11/2026');
    assert.equal(p.entered!.enteredByName, 'Người dùng province_officer');
    const stored = await t.database.db.selectFrom('indicatorValues').select(['value', 'supersededAt', 'supersededBy']).where('indicatorId', '=', ind.id).orderBy('enteredAt').execute();
    assert.equal(stored.length, 2);
    assert.ok(stored[0]!.supersededAt && stored[0]!.supersededBy);
    assert.equal(stored[1]!.supersededAt, null);
    const laoCai = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${laoCaiPlanId}?year=2026`, cookie: cookies.admin })).body));
    const foreign = await t.request({ method: 'POST', url: `/api/v1/indicators/${indicator(laoCai, 'lc.iphm_share').id}/values`, cookie: cookies.province, payload: { year: 2026, value: 1, source: 'x y z' } });
    assert.equal(foreign.statusCode, 404);
  });

  test('rollups follow the diary incrementally: one new record refreshes one season and one commune-year', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('dashboardRollups').select(['refreshedAt']).where('communeCode', '=', THOI_LAI).executeTakeFirstOrThrow();
    const season = await db.selectFrom('seasonSummaries').select(['seasonId', 'postHarvestLossPct']).where('plotId', '=', plots[1]!.id).executeTakeFirstOrThrow();
    assert.equal(season.postHarvestLossPct, null);
    const res = await t.request({ method: 'POST', url: `/api/v1/seasons/${season.seasonId}/activities`, cookie: cookies.recorder, payload: { clientId: g.uuid(), occurredOn: '2026-03-10', type: 'post_harvest_loss', details: { stage: 'drying', lossPct: 5 } } });
    assert.equal(res.statusCode, 201, res.body);
    const queued = await db.selectFrom('seasonSummaryQueue').select('seasonId').execute();
    assert.deepEqual(queued.map((q) => q.seasonId), [season.seasonId], 'the trigger queued exactly the season that changed');
    const summary = DashboardSummary.parse(json((await t.request({ method: 'GET', url: '/api/v1/dashboards/summary?provinceCode=92&year=2026', cookie: cookies.province })).body));
    const [a1, a2] = plots.map((p) => p.areaHa) as [number, number];
    assert.ok(Math.abs(summary.totals.postHarvestLossPct! - (3 * a1 + 5 * a2) / (a1 + a2)) < 1e-9);
    assert.equal((await db.selectFrom('seasonSummaryQueue').select('seasonId').execute()).length, 0);
    const afterRow = await db.selectFrom('dashboardRollups').select(['refreshedAt']).where('communeCode', '=', THOI_LAI).executeTakeFirstOrThrow();
    assert.ok(afterRow.refreshedAt > before.refreshedAt);
  });
});

describe('dashboards', () => {
  test('a province: totals, communes, trend, plans; a commune officer sees only their commune', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/dashboards/summary?provinceCode=92&year=2026&cropCode=rice', cookie: cookies.province });
    assert.equal(res.statusCode, 200, res.body);
    const s = DashboardSummary.parse(json(res.body));
    assert.equal(s.scope.provinceName, 'Thành phố Cần Thơ');
    assert.equal(s.totals.seasonCount, 2);
    assert.equal(s.byCommune.length, 1);
    assert.equal(s.byCommune[0]!.communeName, 'Xã Thới Lai');
    assert.equal(s.registeredPlots.plotCount, 3);
    assert.deepEqual(s.trend.map((r) => [r.year, r.seasonName]), [[2026, 'dong_xuan']]);
    assert.deepEqual(s.plans.map((p) => p.code), ['can-tho-1490-one-million-ha-rice']);
    assert.ok(Math.abs(s.totals.awdSharePct! - (100 * plots[0]!.areaHa) / (plots[0]!.areaHa + plots[1]!.areaHa)) < 1e-9);

    const mine = DashboardSummary.parse(json((await t.request({ method: 'GET', url: '/api/v1/dashboards/summary?provinceCode=92&year=2026', cookie: cookies.commune })).body));
    assert.equal(mine.scope.communeCode, THOI_LAI);
    const other = DashboardSummary.parse(json((await t.request({ method: 'GET', url: '/api/v1/dashboards/summary?provinceCode=92&year=2026', cookie: cookies.otherCommune })).body));
    assert.equal(other.totals.seasonCount, 0);
    assert.equal((await t.request({ method: 'GET', url: `/api/v1/dashboards/summary?provinceCode=92&communeCode=${THOI_LAI}&year=2026`, cookie: cookies.otherCommune })).statusCode, 404);
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/dashboards/summary?provinceCode=15&year=2026', cookie: cookies.province })).statusCode, 404);
    const bad = await t.request({ method: 'GET', url: '/api/v1/dashboards/summary?provinceCode=92', cookie: cookies.province });
    assert.equal(bad.statusCode, 400);
    assert.ok(json<{ errors: Array<{ path: string }> }>(bad.body).errors.some((e) => e.path === 'year'));
  });

  test('the maps: plots coloured by practice, communes as points until a boundary is uploaded', async () => {
    const plotsMap = json<{ features: Array<{ properties: { practice: string; intensityTCo2ePerHa: number | null } }> }>((await t.request({ method: 'GET', url: `/api/v1/dashboards/plots.geojson?provinceCode=92&communeCode=${THOI_LAI}&year=2026`, cookie: cookies.province })).body);
    assert.deepEqual(plotsMap.features.map((f) => f.properties.practice).sort(), ['awd', 'flooded', 'no_season']);
    assert.ok(plotsMap.features.filter((f) => f.properties.intensityTCo2ePerHa !== null).length === 2);
    const units = json<{ features: Array<{ geometry: { type: string }; properties: { code: string; hasBoundary: boolean; value: number | null } }> }>((await t.request({ method: 'GET', url: '/api/v1/dashboards/units.geojson?provinceCode=92&year=2026&indicator=awdSharePct', cookie: cookies.province })).body);
    assert.equal(units.features[0]!.geometry.type, 'Point');
    assert.equal(units.features[0]!.properties.hasBoundary, false);

    const boundary = { type: 'Feature', properties: { ten: 'Thới Lai' }, geometry: squarePolygon(105.54, 10.05, 3000) };
    const denied = await t.request({ method: 'PUT', url: `/api/v1/admin-units/${THOI_LAI}/boundary`, cookie: cookies.province, payload: { geojson: boundary, source: 'Sở NN&MT' } });
    assert.equal(denied.statusCode, 403);
    const bowtie = { type: 'Polygon', coordinates: [[[105.5, 10.0], [105.6, 10.1], [105.6, 10.0], [105.5, 10.1], [105.5, 10.0]]] };
    const invalid = await t.request({ method: 'PUT', url: `/api/v1/admin-units/${THOI_LAI}/boundary`, cookie: cookies.admin, payload: { geojson: bowtie, source: 'thử' } });
    assert.equal(invalid.statusCode, 400);
    assert.equal(json<{ errors: Array<{ path: string }> }>(invalid.body).errors[0]!.path, 'geojson');
    assert.equal((await t.database.db.selectFrom('unitBoundaries').select('id').execute()).length, 0, 'a refused upload stores nothing');
    const ok = await t.request({ method: 'PUT', url: `/api/v1/admin-units/${THOI_LAI}/boundary`, cookie: cookies.admin, payload: { geojson: { type: 'FeatureCollection', features: [boundary] }, source: 'Bản đồ địa giới xã (thử nghiệm)' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(Math.abs(json<{ areaHa: number }>(ok.body).areaHa - 900) < 1);
    // The units list says which units have a boundary now, so the admin sees what is left to upload.
    type ListedUnit = { code: string; boundary: { source: string; illustrative: boolean; areaHa: number } | null };
    const listed = json<{ items: ListedUnit[] }>((await t.request({ method: 'GET', url: '/api/v1/admin-units?level=commune&parentCode=92&q=thoi%20lai' })).body).items;
    assert.deepEqual(listed.map((u) => [u.code, u.boundary?.source, u.boundary?.illustrative]), [[THOI_LAI, 'Bản đồ địa giới xã (thử nghiệm)', false]]);
    assert.ok(Math.abs(listed[0]!.boundary!.areaHa - 900) < 1);
    const byCode = json<{ items: ListedUnit[] }>((await t.request({ method: 'GET', url: '/api/v1/admin-units?level=commune&q=3126' })).body).items;
    assert.ok(byCode.length > 0 && byCode.every((u) => u.code.startsWith('3126') && u.boundary === null));
    const after = json<typeof units>((await t.request({ method: 'GET', url: '/api/v1/dashboards/units.geojson?provinceCode=92&year=2026&indicator=awdSharePct', cookie: cookies.province })).body);
    assert.equal(after.features[0]!.geometry.type, 'MultiPolygon');
    assert.ok(Math.abs(after.features[0]!.properties.value! - (100 * plots[0]!.areaHa) / (plots[0]!.areaHa + plots[1]!.areaHa)) < 1e-9);
  });
});
