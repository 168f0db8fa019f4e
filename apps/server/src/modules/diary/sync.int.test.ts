/**
 * The offline queue flushed through POST /sync, and the recorder's bulk entry across 40 plots,
 * through HTTP on a real database.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ActivityEnvelope, ActivityResponse, BulkActivityResponse, SeasonEnvelope, SeasonResponse, SyncResponse } from '@dongxanh/contracts';
import { CO_DO, THOI_LAI, given } from '../../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';

describe('offline sync and bulk entry', () => {
  let t: TestApp;
  let g: ReturnType<typeof given>;
  let coop: Awaited<ReturnType<ReturnType<typeof given>['cooperativeWithMembers']>>;
  let recorder: string;
  let recorderId: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, cookie, ...(payload ? { payload } : {}) });
  const count = async (where: ReturnType<typeof sql>) => (await sql<{ n: number }>`select count(*)::int as n from activities where ${where}`.execute(t.database.db)).rows[0]!.n;

  before(async () => {
    t = await createTestApp({ clock: fixedClock('2026-04-01T09:00:00+07:00') });
    g = given(t.database.db);
    coop = await g.cooperativeWithMembers(THOI_LAI);
    recorder = await t.loginAs(coop.recorder.login, coop.recorder.password);
    recorderId = coop.recorder.id;
  });
  after(async () => t.close());

  describe('POST /sync', () => {
    const seasonClientId = randomUUID();
    const sowingClientId = randomUUID();
    const badClientId = randomUUID();
    const readingClientId = randomUUID();
    let mutations: object[];
    let firstResults: ReturnType<typeof SyncResponse.parse>['results'];

    before(async () => {
      // Recorded offline on the phone: a season, then activities referring to it by its clientId.
      mutations = [
        { clientId: seasonClientId, kind: 'createSeason', payload: { plotId: coop.plot.id, cropCode: 'rice', variety: 'OM5451', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-11-25' } },
        { clientId: sowingClientId, kind: 'createActivity', seasonId: seasonClientId, payload: { type: 'sowing', occurredOn: '2025-11-28', details: { method: 'direct_seeding_drum', seedRateKgPerHa: 85 } } },
        { clientId: badClientId, kind: 'createActivity', seasonId: seasonClientId, payload: { type: 'water_level', occurredOn: '2025-12-10', details: { tubeId: 'ONG-1', levelCm: -300 } } },
        { clientId: readingClientId, kind: 'createActivity', seasonId: seasonClientId, payload: { type: 'water_level', occurredOn: '2025-12-12', details: { tubeId: 'ONG-1', levelCm: -8 } } },
      ];
      const res = await call(recorder, 'POST', '/sync', { mutations });
      assert.equal(res.statusCode, 200, res.body);
      firstResults = SyncResponse.parse(res.json()).results;
    });

    it('applies the mutations in order, each on its own: one bad mutation does not block the others', () => {
      assert.deepEqual(firstResults.map((r) => [r.clientId, r.status]), [[seasonClientId, 'applied'], [sowingClientId, 'applied'], [badClientId, 'rejected'], [readingClientId, 'applied']]);
      assert.equal(firstResults[2]!.error?.code, 'invalid_input');
      assert.equal(firstResults[2]!.error?.errors?.[0]?.path, 'payload.details.levelCm');
      const season = SeasonResponse.parse(firstResults[0]!.record);
      assert.equal(season.clientId, seasonClientId);
      assert.equal(ActivityResponse.parse(firstResults[1]!.record).seasonId, season.id);
    });

    it('a replayed flush creates nothing twice: every applied mutation answers duplicate with the stored record', async () => {
      const res = await call(recorder, 'POST', '/sync', { mutations });
      const results = SyncResponse.parse(res.json()).results;
      assert.deepEqual(results.map((r) => r.status), ['duplicate', 'duplicate', 'rejected', 'duplicate']);
      assert.deepEqual(ActivityResponse.parse(results[1]!.record), ActivityResponse.parse(firstResults[1]!.record));
      assert.equal(await count(sql`client_id in (${sowingClientId}, ${readingClientId})`), 2);
      const seasons = await t.database.db.selectFrom('seasons').select('id').where('clientId', '=', seasonClientId).execute();
      assert.equal(seasons.length, 1);
    });

    it('an offline edit of a record changed on the server meanwhile comes back as a conflict with both versions', async () => {
      const reading = ActivityResponse.parse(firstResults[3]!.record);
      // Someone at the office corrects the reading …
      assert.equal((await call(recorder, 'PATCH', `/activities/${reading.id}`, { baseVersion: 1, details: { tubeId: 'ONG-1', levelCm: -9 } })).statusCode, 200);
      // … while the phone, offline, had edited version 1 too.
      const phoneEdit = { clientId: randomUUID(), kind: 'updateActivity', activityId: readingClientId, baseVersion: 1, payload: { details: { tubeId: 'ONG-1', levelCm: -12 } } };
      const phoneDelete = { clientId: randomUUID(), kind: 'deleteActivity', activityId: reading.id, baseVersion: 2 };
      const results = SyncResponse.parse((await call(recorder, 'POST', '/sync', { mutations: [phoneEdit, phoneDelete] })).json()).results;
      assert.equal(results[0]!.status, 'conflict');
      const current = ActivityResponse.parse(results[0]!.current);
      assert.equal(current.version, 2);
      assert.equal(current.type === 'water_level' && current.details.levelCm, -9);
      assert.equal(results[1]!.status, 'applied');
      assert.ok(ActivityResponse.parse(results[1]!.record).deletedAt);
      // Nothing lost: both earlier versions are kept.
      const kept = await t.database.db.selectFrom('activityRevisions').select(['version', 'details']).where('activityId', '=', reading.id).orderBy('version').execute();
      assert.deepEqual(kept.map((r) => [r.version, r.details.levelCm]), [[1, -8], [2, -9]]);
    });

    it('rejects a mutation outside the caller\'s scope without touching the rest', async () => {
      const other = await g.cooperativeWithMembers(CO_DO);
      const results = SyncResponse.parse((await call(recorder, 'POST', '/sync', {
        mutations: [
          { clientId: randomUUID(), kind: 'createSeason', payload: { plotId: other.plot.id, cropCode: 'rice', seasonName: 'he_thu', year: 2026, plannedStartOn: '2026-03-01' } },
          { clientId: randomUUID(), kind: 'createActivity', seasonId: seasonClientId, payload: { type: 'irrigation', occurredOn: '2025-12-13', details: { waterDepthCm: 5 } } },
        ],
      })).json()).results;
      assert.deepEqual(results.map((r) => [r.status, r.error?.code]), [['rejected', 'not_found'], ['applied', undefined]]);
    });
  });

  describe('POST /activities/bulk', () => {
    let seasonIds: string[];
    before(async () => {
      seasonIds = [];
      for (let i = 0; i < 40; i++) {
        const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.55 + (i % 8) * 0.002, lat: 10.06 + Math.floor(i / 8) * 0.002, sideM: 80 });
        const res = await call(recorder, 'POST', `/plots/${plot.id}/seasons`, { cropCode: 'rice', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01' });
        seasonIds.push(SeasonEnvelope.parse(res.json()).season.id);
      }
    });

    it('records one fertiliser round across 40 plots in one request, and a replay returns the same 40', async () => {
      const body = { clientId: randomUUID(), seasonIds, type: 'fertiliser', occurredOn: '2025-12-20', details: { productCode: 'urea', amount: 60, amountUnit: 'kg_per_ha' } };
      const res = await call(recorder, 'POST', '/activities/bulk', body);
      assert.equal(res.statusCode, 201, res.body);
      const created = BulkActivityResponse.parse(res.json());
      assert.equal(created.activities.length, 40);
      assert.deepEqual(new Set(created.activities.map((a) => a.seasonId)), new Set(seasonIds));
      assert.ok(created.activities.every((a) => a.batchId === body.clientId && a.recordedBy === recorderId && a.recordedOnBehalf));
      assert.equal(await count(sql`batch_id = ${body.clientId}`), 40);

      const replay = await call(recorder, 'POST', '/activities/bulk', body);
      assert.equal(replay.statusCode, 200);
      assert.deepEqual(new Set(BulkActivityResponse.parse(replay.json()).activities.map((a) => a.id)), new Set(created.activities.map((a) => a.id)));
      assert.equal(await count(sql`batch_id = ${body.clientId}`), 40);
      const changed = await call(recorder, 'POST', '/activities/bulk', { ...body, details: { ...body.details, amount: 70 } });
      assert.equal(changed.statusCode, 409);
    });

    it('is all or nothing: one season outside the recorder\'s scope stores nothing', async () => {
      const other = await g.cooperativeWithMembers(CO_DO);
      const otherRecorder = await t.loginAs(other.recorder.login, other.recorder.password);
      const foreign = SeasonEnvelope.parse((await call(otherRecorder, 'POST', `/plots/${other.plot.id}/seasons`, { cropCode: 'rice', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01' })).json()).season;
      const body = { clientId: randomUUID(), seasonIds: [...seasonIds.slice(0, 5), foreign.id], type: 'fertiliser', occurredOn: '2025-12-21', details: { productCode: 'dap', amount: 100, amountUnit: 'kg_per_ha' } };
      const res = await call(recorder, 'POST', '/activities/bulk', body);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().errors[0].path, 'seasonIds[5]');
      assert.equal(await count(sql`occurred_on = '2025-12-21'`), 0);
      assert.equal((await t.database.db.selectFrom('activityBatches').select('id').where('id', '=', body.clientId).execute()).length, 0);
    });

    it('bulk-created activities are ordinary records afterwards (edited one by one)', async () => {
      const [first] = (await t.database.db.selectFrom('activities').select('id').where('seasonId', '=', seasonIds[0]!).where('type', '=', 'fertiliser').execute());
      const res = await call(recorder, 'PATCH', `/activities/${first!.id}`, { baseVersion: 1, details: { productCode: 'urea', amount: 65, amountUnit: 'kg_per_ha' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(ActivityEnvelope.parse(res.json()).activity.version, 2);
    });
  });
});
