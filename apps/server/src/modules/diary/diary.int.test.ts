/**
 * The diary through HTTP on a real PostGIS (PGlite, or PostgreSQL with TEST_DATABASE_URL): a whole
 * rice season recorded by a cooperative recorder, its derived facts and an MRV input the engine
 * accepts; idempotent replays (also concurrent ones); conflicts on a stale version; who may see and
 * write what; catalogues.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  ActivityEnvelope, CropList, FertiliserProductList, PesticideProductList, Problem, SeasonDetailResponse, SeasonEnvelope, SeasonFactsResponse, SeasonPage,
} from '@dongxanh/contracts';
import { calculate, type ScenarioResult } from '@dongxanh/methodology';
import { CAN_THO, CO_DO, THOI_LAI, given } from '../../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';

// Đông Xuân 2025–2026 in Thới Lai: transplanted on 1 December, harvested on 12 March.
const D = (day: number) => new Date(Date.UTC(2025, 11, 1 + day)).toISOString().slice(0, 10);

describe('farming diary', () => {
  let t: TestApp;
  let g: ReturnType<typeof given>;
  let coop: Awaited<ReturnType<ReturnType<typeof given>['cooperativeWithMembers']>>;
  let recorder: string;
  let recorderId: string;
  let farmer: string;
  let admin: string;
  let verifier: string;
  let otherRecorder: string;
  let otherFarmer: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, cookie, ...(payload ? { payload } : {}) });
  const rows = async (table: 'activities' | 'activity_revisions', where = sql`true`) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(t.database.db)).rows[0]!.n;

  async function newSeason(cookie: string, plotId: string, body: Record<string, unknown> = {}) {
    const res = await call(cookie, 'POST', `/plots/${plotId}/seasons`, {
      cropCode: 'rice', variety: 'OM5451', seasonName: 'dong_xuan', year: 2026, plannedStartOn: D(-10), plannedEndOn: D(101), previousHarvestOn: D(-30),
      standard: 'low_emission_rice', expectedYieldKgPerHa: 6500, expectedMarket: 'Công ty TNHH Xay xát Gạo Cờ Đỏ', ...body,
    });
    assert.equal(res.statusCode, 201, res.body);
    return SeasonEnvelope.parse(res.json()).season;
  }
  async function record(cookie: string, seasonId: string, type: string, day: number, details: object, clientId: string = randomUUID()) {
    const res = await call(cookie, 'POST', `/seasons/${seasonId}/activities`, { clientId, type, occurredOn: D(day), details });
    assert.equal(res.statusCode, 201, res.body);
    return ActivityEnvelope.parse(res.json()).activity;
  }

  before(async () => {
    t = await createTestApp({ clock: fixedClock('2026-04-01T09:00:00+07:00') });
    g = given(t.database.db);
    coop = await g.cooperativeWithMembers(THOI_LAI);
    recorder = await t.loginAs(coop.recorder.login, coop.recorder.password);
    recorderId = coop.recorder.id;
    farmer = await t.loginAs(coop.farmer.login, coop.farmer.password);
    const adminUser = await g.user({ role: 'admin' });
    admin = await t.loginAs(adminUser.login, adminUser.password);
    const verifierUser = await g.user({ role: 'verifier', adminUnitCode: CAN_THO });
    verifier = await t.loginAs(verifierUser.login, verifierUser.password);
    const other = await g.cooperativeWithMembers(CO_DO);
    otherRecorder = await t.loginAs(other.recorder.login, other.recorder.password);
    const neighbour = await g.household({ organisationId: coop.coop.id });
    const neighbourFarmer = await g.user({ role: 'farmer', organisationId: coop.coop.id, householdId: neighbour.id });
    otherFarmer = await t.loginAs(neighbourFarmer.login, neighbourFarmer.password);
  });
  after(async () => t.close());

  it('documents the diary routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/catalogues/crops', '/catalogues/fertilisers', '/catalogues/pesticides', '/plots/{plotId}/seasons', '/seasons', '/seasons/{id}', '/seasons/{id}/facts',
      '/seasons/{id}/activities', '/activities/{id}', '/activities/bulk', '/sync', '/activities/{id}/photos', '/photos/{id}', '/growing-areas/{id}/record-completeness',
    ]) {
      assert.ok(doc.paths[`/api/v1${path}`], `OpenAPI has ${path}`);
    }
  });

  describe('catalogues', () => {
    it('lists crops, varieties, fertilisers and pesticides in Vietnamese and English', async () => {
      const crops = CropList.parse((await call(farmer, 'GET', '/catalogues/crops')).json()).items;
      const rice = crops.find((c) => c.code === 'rice')!;
      assert.equal(rice.nameVi, 'Lúa');
      assert.equal(rice.nameEn, 'Rice');
      assert.ok(rice.varieties.some((v) => v.nameVi === 'Đài Thơm 8'));
      assert.equal(crops.find((c) => c.code === 'cabbage')!.family, 'brassicaceae');
      const fertilisers = FertiliserProductList.parse((await call(farmer, 'GET', '/catalogues/fertilisers')).json()).items;
      assert.deepEqual(
        ['urea', 'dap', 'npk_16_16_8', 'npk_20_20_15'].map((code) => { const p = fertilisers.find((f) => f.code === code)!; return [p.nFraction, p.p2o5Fraction, p.k2oFraction, p.isUrea]; }),
        [[0.46, 0, 0, true], [0.18, 0.46, 0, false], [0.16, 0.16, 0.08, false], [0.2, 0.2, 0.15, false]],
      );
      const pesticides = PesticideProductList.parse((await call(farmer, 'GET', '/catalogues/pesticides')).json()).items;
      assert.equal(pesticides.find((p) => p.code === 'dimethoate_40ec')!.defaultPhiDays, 14);
    });

    it('lets admins extend the catalogues, and nobody else', async () => {
      const body = { code: 'npk_20_10_10', nameVi: 'NPK 20-10-10', nameEn: 'NPK 20-10-10', nFraction: 0.2, p2o5Fraction: 0.1, k2oFraction: 0.1 };
      assert.equal((await call(recorder, 'POST', '/catalogues/fertilisers', body)).statusCode, 403);
      const res = await call(admin, 'POST', '/catalogues/fertilisers', body);
      assert.equal(res.statusCode, 201, res.body);
      const stored = await t.database.db.selectFrom('fertiliserProducts').select(['nFraction', 'createdBy']).where('code', '=', 'npk_20_10_10').executeTakeFirstOrThrow();
      assert.equal(stored.nFraction, 0.2);
      assert.ok(stored.createdBy);
      assert.equal((await call(admin, 'POST', '/catalogues/fertilisers', body)).statusCode, 409);
      const crop = await call(admin, 'POST', '/catalogues/crops', { code: 'okra', nameVi: 'Đậu bắp', nameEn: 'Okra', kind: 'vegetable', family: 'malvaceae' });
      assert.equal(crop.statusCode, 201, crop.body);
    });

    it('refuses a banned active ingredient in the pesticide catalogue, naming it and the legal basis', async () => {
      const res = await call(admin, 'POST', '/catalogues/pesticides', { code: 'furadan_3gr', name: 'Furadan 3GR', activeIngredients: [{ name: 'Carbofuran', concentration: '3 %' }], defaultPhiDays: 30 });
      assert.equal(res.statusCode, 422);
      const problem = Problem.parse(res.json());
      assert.match(problem.detail, /Carbofuran/);
      assert.match(problem.detail, /Appendix II, Circular 09\/2023\/TT-BNNPTNT/);
    });
  });

  describe('a whole season recorded by the cooperative recorder', () => {
    let seasonId: string;
    let activityIds: Record<string, string>;

    before(async () => {
      const season = await newSeason(recorder, coop.plot.id);
      seasonId = season.id;
      const ids: Record<string, string> = {};
      // The previous crop's straw, 5 t DM/ha, ploughed in 20 days before transplanting (shortly before: < 30 d).
      ids.straw = (await record(recorder, seasonId, 'straw', -20, { residueOf: 'previous_crop', dryMatterTPerHa: 5, burntFraction: 0, incorporatedFraction: 1, removedFraction: 0, leftOnSurfaceFraction: 0 })).id;
      ids.prep = (await record(recorder, seasonId, 'land_preparation', -12, { operation: 'rotavating', mechanised: true })).id;
      ids.sowing = (await record(recorder, seasonId, 'sowing', 0, { method: 'transplanting_machine', seedRateKgPerHa: 90, variety: 'OM5451', seedSource: 'certified' })).id;
      ids.flood = (await record(recorder, seasonId, 'irrigation', 0, { waterDepthCm: 5, source: 'canal' })).id;
      ids.f1 = (await record(recorder, seasonId, 'fertiliser', 10, { productCode: 'dap', amount: 100, amountUnit: 'kg_per_ha' })).id;
      ids.f1u = (await record(recorder, seasonId, 'fertiliser', 10, { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' })).id;
      ids.f2 = (await record(recorder, seasonId, 'fertiliser', 22, { productCode: 'npk_20_20_15', amount: 150, amountUnit: 'kg_per_ha' })).id;
      // The third round was weighed for the whole plot (kg per plot, converted with the plot's area).
      ids.f3 = (await record(recorder, seasonId, 'fertiliser', 45, { productCode: 'urea', amount: 60 * coop.plot.areaHa, amountUnit: 'kg_per_plot' })).id;
      // AWD: three cycles in which the tube falls to −16/−18 cm before re-flooding.
      for (const start of [20, 34, 50]) {
        await record(recorder, seasonId, 'water_level', start, { tubeId: 'ONG-1', levelCm: 4 });
        await record(recorder, seasonId, 'water_level', start + 3, { tubeId: 'ONG-1', levelCm: -6 });
        await record(recorder, seasonId, 'water_level', start + 6, { tubeId: 'ONG-1', levelCm: -12 });
        await record(recorder, seasonId, 'water_level', start + 8, { tubeId: 'ONG-1', levelCm: start === 34 ? -18 : -16 });
        await record(recorder, seasonId, 'irrigation', start + 8, { waterDepthCm: 5 });
      }
      for (const day of [62, 67, 72, 77, 82, 86]) await record(recorder, seasonId, 'water_level', day, { tubeId: 'ONG-1', levelCm: 5 });
      ids.finalDrain = (await record(recorder, seasonId, 'drainage', 90, { purpose: 'end_of_season' })).id;
      ids.harvest = (await record(recorder, seasonId, 'harvest', 101, { yieldKgPerHa: 6800, moisturePct: 24, method: 'combine', lotCode: 'TL-2026-001' })).id;
      activityIds = ids;
    });

    it('stores every activity with who recorded it, on behalf of the household', async () => {
      assert.equal(await rows('activities', sql`season_id = ${seasonId}`), 31);
      const stored = await t.database.db.selectFrom('activities').select(['recordedBy', 'recordedOnBehalf', 'provinceCode', 'version']).where('id', '=', activityIds.sowing!).executeTakeFirstOrThrow();
      assert.deepEqual(stored, { recordedBy: recorderId, recordedOnBehalf: true, provinceCode: CAN_THO, version: 1 });
      const season = await t.database.db.selectFrom('seasons').select(['status', 'createdBy', 'areaHa']).where('id', '=', seasonId).executeTakeFirstOrThrow();
      assert.equal(season.status, 'harvested');
      assert.equal(season.createdBy, recorderId);
      assert.equal(season.areaHa, coop.plot.areaHa);
    });

    it('derives the season facts, each with the records it came from', async () => {
      const res = await call(recorder, 'GET', `/seasons/${seasonId}/facts`);
      assert.equal(res.statusCode, 200, res.body);
      const { facts, missing, complete, mrvInput } = SeasonFactsResponse.parse(res.json());
      assert.deepEqual(missing, []);
      assert.equal(complete, true);
      // Cultivation: from land preparation (day −12) to harvest (day 101).
      assert.equal(facts.cultivationStartOn.value, D(-12));
      assert.equal(facts.cultivationDays.value, 113);
      assert.deepEqual(facts.cultivationDays.sources.map((s) => s.activityId), [activityIds.prep, activityIds.harvest]);
      // Water: three dry periods of 5 days reaching −16/−18 cm → AWD (multiple drainage).
      assert.equal(facts.waterRegime.value, 'multiple_drainage');
      assert.equal(facts.waterRegime.awd, true);
      assert.equal(facts.waterRegime.safeAwdCycles, 3);
      assert.deepEqual(facts.waterRegime.drainagePeriods.filter((p) => p.counted).map((p) => [p.startOn, p.endOn]), [[D(23), D(28)], [D(37), D(42)], [D(53), D(58)]]);
      assert.deepEqual(facts.waterRegime.endOfSeasonDrainage, { startOn: D(90), days: 11 });
      // Pre-season: previous harvest declared 30 days before transplanting; cultivation starts 18 days after it.
      assert.equal(facts.preSeason.value, 'non_flooded_lt_180d');
      assert.equal(facts.preSeason.fallowDays, 18);
      // N: DAP 100 × 0.18 + urea 50 × 0.46 + NPK 150 × 0.20 + urea 60 × 0.46.
      assert.ok(Math.abs(facts.nSyntheticKgPerHa.value! - (18 + 23 + 30 + 27.6)) < 1e-9);
      assert.equal(facts.nOrganicKgPerHa.value, 0);
      assert.ok(Math.abs(facts.ureaKgPerHa.value! - 110) < 1e-9);
      assert.deepEqual(facts.ureaKgPerHa.sources.map((s) => s.activityId), [activityIds.f1u, activityIds.f3]);
      assert.ok(Math.abs(facts.p2o5KgPerHa.value! - (46 + 30)) < 1e-9);
      assert.equal(facts.strawIncorporatedTPerHa.value, 5);
      assert.equal(facts.strawIncorporationTiming.value, 'shortly_before');
      assert.equal(facts.seedRateKgPerHa.value, 90);
      assert.equal(facts.yieldKgPerHa.value, 6800);
      assert.equal(facts.harvestMoisturePct.value, 24);
      assert.equal(facts.mechanisedOperations.value, 1);
      assert.deepEqual(mrvInput.organic_amendments, [{ type: 'straw_lt30d', t_per_ha: 5, basis: 'dry' }]);
    });

    it('builds an MRV input that the methodology engine computes', async () => {
      const { mrvInput, areaHa, facts } = SeasonFactsResponse.parse((await call(recorder, 'GET', `/seasons/${seasonId}/facts`)).json());
      const result = calculate({ area_ha: areaHa, yield_kg_per_ha: facts.yieldKgPerHa.value, seasons: [mrvInput] }) as ScenarioResult;
      // EF = EFc(SE Asia 1.22) × SFw(multiple 0.55) × SFp(1.00) × SFo((1 + 5 × 1.00)^0.59), IPCC 2019 Eq 5.2–5.3.
      const ef = 1.22 * 0.55 * 1 * Math.pow(6, 0.59);
      assert.ok(Math.abs(result.per_season[0]!.ef_adjusted_kg_ch4_ha_day - ef) < 1e-9);
      assert.ok(Math.abs(result.ch4_rice_kg - ef * 113 * areaHa) < 1e-6);
      assert.ok(Math.abs(result.co2_urea_kg - 110 * areaHa * 0.2 * 44 / 12) < 1e-6);
    });

    it('shows the season with its activities, facts and no compliance flags', async () => {
      const res = await call(farmer, 'GET', `/seasons/${seasonId}`);
      assert.equal(res.statusCode, 200, res.body);
      const detail = SeasonDetailResponse.parse(res.json());
      assert.equal(detail.activities.length, 31);
      assert.equal(detail.activities[0]!.type, 'straw');
      assert.equal(detail.season.activityCount, 31);
      assert.deepEqual(detail.complianceFlags, []);
      const list = SeasonPage.parse((await call(recorder, 'GET', `/seasons?plotId=${coop.plot.id}&year=2026`)).json());
      assert.deepEqual(list.items.map((s) => s.id), [seasonId]);
    });
  });

  describe('idempotent writes', () => {
    let seasonId: string;
    before(async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.552 });
      seasonId = (await newSeason(recorder, plot.id)).id;
    });

    it('a replayed create returns the same stored activity with 200, and stores nothing new', async () => {
      const clientId = randomUUID();
      const payload = { clientId, type: 'fertiliser', occurredOn: D(12), details: { productCode: 'urea', amount: 80, amountUnit: 'kg_per_ha' } };
      const first = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, payload);
      assert.equal(first.statusCode, 201);
      const replay = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, payload);
      assert.equal(replay.statusCode, 200);
      assert.deepEqual(ActivityEnvelope.parse(replay.json()), ActivityEnvelope.parse(first.json()));
      assert.equal(await rows('activities', sql`client_id = ${clientId}`), 1);
    });

    it('two concurrent replays of one clientId store one row', async () => {
      const clientId = randomUUID();
      const payload = { clientId, type: 'water_level', occurredOn: D(15), details: { tubeId: 'ONG-2', levelCm: -7 } };
      const [a, b] = await Promise.all([call(recorder, 'POST', `/seasons/${seasonId}/activities`, payload), call(recorder, 'POST', `/seasons/${seasonId}/activities`, payload)]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201]);
      assert.equal(ActivityEnvelope.parse(a.json()).activity.id, ActivityEnvelope.parse(b.json()).activity.id);
      assert.equal(await rows('activities', sql`client_id = ${clientId}`), 1);
    });

    it('the same clientId with a different payload is a conflict showing the stored activity', async () => {
      const clientId = randomUUID();
      await record(recorder, seasonId, 'water_level', 16, { tubeId: 'ONG-2', levelCm: -3 }, clientId);
      const res = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, { clientId, type: 'water_level', occurredOn: D(16), details: { tubeId: 'ONG-2', levelCm: -9 } });
      assert.equal(res.statusCode, 409);
      const body = res.json();
      assert.equal(body.current.details.levelCm, -3);
      assert.equal(await rows('activities', sql`client_id = ${clientId}`), 1);
    });
  });

  describe('conflicts on a stale version', () => {
    let seasonId: string;
    before(async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.553 });
      seasonId = (await newSeason(recorder, plot.id)).id;
    });

    it('an edit of version 1 after another edit returns 409 with the current server record, and keeps every version', async () => {
      const a = await record(recorder, seasonId, 'fertiliser', 10, { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' });
      const edit = await call(farmer, 'PATCH', `/activities/${a.id}`, { baseVersion: 1, details: { productCode: 'urea', amount: 55, amountUnit: 'kg_per_ha' } });
      assert.equal(edit.statusCode, 200, edit.body);
      assert.equal(ActivityEnvelope.parse(edit.json()).activity.version, 2);
      const stale = await call(recorder, 'PATCH', `/activities/${a.id}`, { baseVersion: 1, occurredOn: D(11) });
      assert.equal(stale.statusCode, 409);
      const problem = stale.json();
      assert.equal(problem.code, 'conflict');
      assert.equal(problem.current.version, 2);
      assert.equal(problem.current.details.amount, 55);
      assert.equal(problem.current.occurredOn, D(10));
      const revisions = await t.database.db.selectFrom('activityRevisions').select(['version', 'details', 'supersededBy']).where('activityId', '=', a.id).execute();
      assert.deepEqual(revisions.map((r) => [r.version, r.details.amount, r.supersededBy]), [[1, 50, coop.farmer.id]]);
    });

    it('a replayed edit (same clientId) answers 200 instead of a conflict', async () => {
      const a = await record(recorder, seasonId, 'water_level', 20, { tubeId: 'ONG-3', levelCm: 2 });
      const change = { baseVersion: 1, clientId: randomUUID(), details: { tubeId: 'ONG-3', levelCm: 3 } };
      assert.equal((await call(recorder, 'PATCH', `/activities/${a.id}`, change)).statusCode, 200);
      const replay = await call(recorder, 'PATCH', `/activities/${a.id}`, change);
      assert.equal(replay.statusCode, 200);
      assert.equal(ActivityEnvelope.parse(replay.json()).activity.version, 2);
    });

    it('a delete is soft, needs the current version, and is refused on a stale one', async () => {
      const a = await record(recorder, seasonId, 'irrigation', 21, { waterDepthCm: 4 });
      assert.equal((await call(recorder, 'DELETE', `/activities/${a.id}?baseVersion=2`)).statusCode, 409);
      const del = await call(recorder, 'DELETE', `/activities/${a.id}?baseVersion=1`);
      assert.equal(del.statusCode, 200);
      const deleted = ActivityEnvelope.parse(del.json()).activity;
      assert.ok(deleted.deletedAt);
      assert.equal(deleted.version, 2);
      assert.equal(await rows('activities', sql`id = ${a.id} and deleted_at is not null and deleted_by = ${recorderId}`), 1);
      const again = await call(recorder, 'PATCH', `/activities/${a.id}`, { baseVersion: 2, details: { waterDepthCm: 6 } });
      assert.equal(again.statusCode, 409);
    });

    it('a season edit on a stale version returns 409 with the current season', async () => {
      assert.equal((await call(recorder, 'PATCH', `/seasons/${seasonId}`, { baseVersion: 1, variety: 'ST25' })).statusCode, 200);
      const stale = await call(farmer, 'PATCH', `/seasons/${seasonId}`, { baseVersion: 1, variety: 'Đài Thơm 8' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.variety, 'ST25');
      assert.equal(stale.json().current.version, 2);
    });

    it('a closed season refuses new records with 409', async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.5535 });
      const closing = await newSeason(recorder, plot.id);
      const closed = await call(recorder, 'PATCH', `/seasons/${closing.id}`, { baseVersion: 1, status: 'closed' });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(SeasonEnvelope.parse(closed.json()).season.updatedBy, recorderId);
      const res = await call(recorder, 'POST', `/seasons/${closing.id}/activities`, { clientId: randomUUID(), type: 'irrigation', occurredOn: D(5), details: {} });
      assert.equal(res.statusCode, 409);
      assert.match(Problem.parse(res.json()).detail, /is closed/);
    });

    it('names the field of an invalid edit and changes nothing', async () => {
      const a = await record(recorder, seasonId, 'harvest', 100, { yieldKgPerHa: 6000 });
      const res = await call(recorder, 'PATCH', `/activities/${a.id}`, { baseVersion: 1, details: { yieldKgPerHa: -5 } });
      assert.equal(res.statusCode, 400);
      assert.equal(Problem.parse(res.json()).errors?.[0]?.path, 'details.yieldKgPerHa');
      assert.equal(await rows('activity_revisions', sql`activity_id = ${a.id}`), 0);
    });
  });

  describe('who may see and write', () => {
    let seasonId: string;
    before(async () => {
      seasonId = (await newSeason(recorder, (await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.554 })).id)).id;
    });
    const sowing = () => ({ clientId: randomUUID(), type: 'sowing', occurredOn: D(0), details: { method: 'direct_seeding_drum', seedRateKgPerHa: 80 } });

    it('a recorder of another cooperative gets 404 for reading and writing', async () => {
      assert.equal((await call(otherRecorder, 'GET', `/seasons/${seasonId}`)).statusCode, 404);
      assert.equal((await call(otherRecorder, 'POST', `/seasons/${seasonId}/activities`, sowing())).statusCode, 404);
      assert.equal((await call(otherRecorder, 'POST', `/plots/${coop.plot.id}/seasons`, { cropCode: 'rice', seasonName: 'he_thu', year: 2026, plannedStartOn: '2026-04-10' })).statusCode, 404);
      assert.deepEqual(SeasonPage.parse((await call(otherRecorder, 'GET', '/seasons')).json()).items, []);
    });

    it('a verifier of the province can read but not write (403)', async () => {
      assert.equal((await call(verifier, 'GET', `/seasons/${seasonId}`)).statusCode, 200);
      const res = await call(verifier, 'POST', `/seasons/${seasonId}/activities`, sowing());
      assert.equal(res.statusCode, 403);
      assert.equal(await rows('activities', sql`season_id = ${seasonId}`), 0);
    });

    it('the household\'s farmer writes for himself; another household\'s farmer gets 404', async () => {
      const own = await call(farmer, 'POST', `/seasons/${seasonId}/activities`, sowing());
      assert.equal(own.statusCode, 201);
      assert.equal(ActivityEnvelope.parse(own.json()).activity.recordedOnBehalf, false);
      assert.equal((await call(otherFarmer, 'POST', `/seasons/${seasonId}/activities`, sowing())).statusCode, 404);
    });

    it('refuses a future date and a date outside the season, naming occurredOn', async () => {
      const future = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, { ...sowing(), occurredOn: '2026-04-05' });
      assert.equal(future.statusCode, 422);
      assert.equal(Problem.parse(future.json()).errors?.[0]?.path, 'occurredOn');
      const outside = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, { ...sowing(), occurredOn: '2024-01-05' });
      assert.equal(outside.statusCode, 422);
    });

    it('refuses invalid details with the field named', async () => {
      const res = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, { clientId: randomUUID(), type: 'straw', occurredOn: D(-5), details: { residueOf: 'previous_crop', dryMatterTPerHa: 5, burntFraction: 0.5, incorporatedFraction: 0.6, removedFraction: 0, leftOnSurfaceFraction: 0 } });
      assert.equal(res.statusCode, 400);
      assert.match(JSON.stringify(Problem.parse(res.json()).errors), /burntFraction/);
    });
  });
});
