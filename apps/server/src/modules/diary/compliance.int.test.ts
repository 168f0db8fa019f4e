/**
 * Compliance through HTTP (capability 9): banned pesticides refused with their legal basis and
 * nothing stored; a harvest inside a pre-harvest interval flagged on the season (and resolved when
 * corrected); the same vegetable family twice running flagged; photo evidence far from the plot or
 * long before the activity flagged; a growing area's record checklist per season.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import { ActivityEnvelope, PhotoEnvelope, Problem, RecordCompletenessResponse, RestrictedIngredientMatch, SeasonDetailResponse, SeasonEnvelope } from '@dongxanh/contracts';
import { THOI_LAI, given } from '../../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';

/** A tiny valid JPEG header followed by distinguishing bytes (the server checks the magic number only). */
const jpeg = (tag: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from(`JFIF-${tag}`), Buffer.from([0xff, 0xd9])]);

describe('diary compliance', () => {
  let t: TestApp;
  let g: ReturnType<typeof given>;
  let coop: Awaited<ReturnType<ReturnType<typeof given>['cooperativeWithMembers']>>;
  let recorder: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, cookie, ...(payload ? { payload } : {}) });
  async function season(plotId: string, body: Record<string, unknown>) {
    const res = await call(recorder, 'POST', `/plots/${plotId}/seasons`, body);
    assert.equal(res.statusCode, 201, res.body);
    return SeasonEnvelope.parse(res.json()).season;
  }
  async function record(seasonId: string, type: string, occurredOn: string, details: object) {
    const res = await call(recorder, 'POST', `/seasons/${seasonId}/activities`, { clientId: randomUUID(), type, occurredOn, details });
    assert.equal(res.statusCode, 201, res.body);
    return ActivityEnvelope.parse(res.json()).activity;
  }
  const detail = async (seasonId: string) => SeasonDetailResponse.parse((await call(recorder, 'GET', `/seasons/${seasonId}`)).json());
  const riceSeason = (plotId: string) => season(plotId, { cropCode: 'rice', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01', plannedEndOn: '2026-03-10' });

  before(async () => {
    t = await createTestApp({ clock: fixedClock('2026-05-01T09:00:00+07:00') });
    g = given(t.database.db);
    coop = await g.cooperativeWithMembers(THOI_LAI);
    recorder = await t.loginAs(coop.recorder.login, coop.recorder.password);
  });
  after(async () => t.close());

  describe('banned pesticides', () => {
    it('refuses carbofuran with 422 naming the ingredient and the legal basis, and stores nothing', async () => {
      const s = await riceSeason(coop.plot.id);
      const res = await call(recorder, 'POST', `/seasons/${s.id}/activities`, {
        clientId: randomUUID(), type: 'pesticide', occurredOn: '2026-01-10',
        details: { productName: 'Furadan 3GR', activeIngredients: [{ name: 'Carbofuran', concentration: '3 %' }], dose: 20, doseUnit: 'kg_per_ha', phiDays: 30 },
      });
      assert.equal(res.statusCode, 422);
      const problem = Problem.extend({ restrictedIngredients: z.array(RestrictedIngredientMatch) }).parse(res.json());
      assert.equal(problem.code, 'rule_violated');
      assert.match(problem.detail, /"Carbofuran" is banned \(listed in Appendix II\): Appendix II, Circular 09\/2023\/TT-BNNPTNT \(effective 08\/12\/2023\)/);
      assert.equal(problem.errors?.[0]?.path, 'details.activeIngredients[0].name');
      assert.equal(problem.restrictedIngredients[0]!.ingredient, 'Carbofuran');
      assert.match(problem.restrictedIngredients[0]!.legalBasis, /^Appendix II, Circular 09\/2023\/TT-BNNPTNT/);
      const stored = await sql<{ n: number }>`select count(*)::int as n from activities where season_id = ${s.id}`.execute(t.database.db);
      assert.equal(stored.rows[0]!.n, 0);
    });

    it('refuses fipronil, removed from the permitted list, with its decision', async () => {
      const s = (await t.database.db.selectFrom('seasons').select('id').where('plotId', '=', coop.plot.id).executeTakeFirstOrThrow());
      const res = await call(recorder, 'POST', `/seasons/${s.id}/activities`, {
        clientId: randomUUID(), type: 'pesticide', occurredOn: '2026-01-12',
        details: { productName: 'Regent 800WG', activeIngredients: [{ name: 'Fipronil' }], dose: 30, doseUnit: 'g_per_ha', phiDays: 14 },
      });
      assert.equal(res.statusCode, 422);
      assert.match(Problem.parse(res.json()).detail, /Fipronil.*Decision 501\/QĐ-BNN-BVTV dated 12\/02\/2019/);
    });
  });

  describe('pre-harvest interval', () => {
    it('flags a harvest 5 days after a spray with a 14-day PHI on the season and its lot, and resolves it when the date is corrected', async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.561 });
      const s = await riceSeason(plot.id);
      const spray = await record(s.id, 'pesticide', '2026-02-20', { productCode: 'dimethoate_40ec', dose: 1, doseUnit: 'l_per_ha' });
      assert.equal(spray.type === 'pesticide' && spray.details.phiDays, 14);
      assert.equal(spray.type === 'pesticide' && spray.details.activeIngredients?.[0]?.name, 'Dimethoate');
      const harvest = await record(s.id, 'harvest', '2026-02-25', { yieldKgPerHa: 6400, lotCode: 'TL-LOT-7' });
      const flags = (await detail(s.id)).complianceFlags.filter((f) => f.kind === 'phi_violation');
      assert.equal(flags.length, 1);
      assert.equal(flags[0]!.activityId, harvest.id);
      assert.equal(flags[0]!.detail, 'Harvest on 25/02/2026 is 9 day(s) inside the pre-harvest interval of Dimethoate 40EC sprayed on 20/02/2026 (PHI 14 days: harvest allowed from 06/03/2026); lot TL-LOT-7');
      assert.equal(flags[0]!.data.lotCode, 'TL-LOT-7');
      const facts = (await detail(s.id)).facts.facts;
      assert.equal(facts.earliestHarvestOn.value, '2026-03-06');

      const fix = await call(recorder, 'PATCH', `/activities/${harvest.id}`, { baseVersion: 1, occurredOn: '2026-03-08' });
      assert.equal(fix.statusCode, 200, fix.body);
      assert.deepEqual((await detail(s.id)).complianceFlags.filter((f) => f.kind === 'phi_violation'), []);
      const resolved = await t.database.db.selectFrom('complianceFlags').select(['resolvedAt', 'resolution']).where('seasonId', '=', s.id).where('kind', '=', 'phi_violation').executeTakeFirstOrThrow();
      assert.ok(resolved.resolvedAt);
    });
  });

  describe('vegetable rotation', () => {
    it('flags mustard greens after cabbage on the same plot (both brassicaceae), not tomato after them', async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.563, landUse: 'vegetables' });
      const first = await season(plot.id, { cropCode: 'cabbage', seasonName: 'other', year: 2026, plannedStartOn: '2026-01-05', plannedEndOn: '2026-03-20' });
      const second = await season(plot.id, { cropCode: 'mustard_greens', seasonName: 'other', year: 2026, plannedStartOn: '2026-03-25', plannedEndOn: '2026-04-30' });
      const third = await season(plot.id, { cropCode: 'tomato', seasonName: 'other', year: 2026, plannedStartOn: '2026-05-05' });
      assert.deepEqual((await detail(first.id)).complianceFlags, []);
      const flags = (await detail(second.id)).complianceFlags;
      assert.deepEqual(flags.map((f) => f.kind), ['rotation']);
      assert.match(flags[0]!.detail, /mustard_greens follows cabbage on the same plot: both are brassicaceae/);
      assert.deepEqual((await detail(third.id)).complianceFlags, []);
    });
  });

  describe('photo evidence', () => {
    let activityId: string;
    let seasonId: string;
    before(async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.565, lat: 10.06 });
      seasonId = (await riceSeason(plot.id)).id;
      activityId = (await record(seasonId, 'water_level', '2026-01-05', { tubeId: 'ONG-1', levelCm: -16 })).id;
    });
    const upload = (bytes: Buffer, query: string, type = 'image/jpeg') =>
      t.request({ method: 'POST', url: `/api/v1/activities/${activityId}/photos?${query}`, cookie: recorder, headers: { 'content-type': type }, payload: bytes });

    it('accepts a photo taken on the plot that day, and serves its bytes', async () => {
      const bytes = jpeg('near');
      const res = await upload(bytes, 'capturedAt=2026-01-05T07:30:00%2B07:00&lat=10.0604&lon=105.5654');
      assert.equal(res.statusCode, 201, res.body);
      const { photo } = PhotoEnvelope.parse(res.json());
      assert.equal(photo.distanceToPlotM, 0);
      assert.deepEqual(photo.flags, []);
      const served = await t.request({ method: 'GET', url: photo.url, cookie: recorder });
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/jpeg');
      assert.deepEqual(served.rawPayload, bytes);
      const again = await upload(bytes, 'capturedAt=2026-01-05T07:30:00%2B07:00&lat=10.0604&lon=105.5654');
      assert.equal(again.statusCode, 200);
      assert.equal(PhotoEnvelope.parse(again.json()).photo.id, photo.id);
    });

    it('flags a photo taken about 1 km from the plot for the reviewer', async () => {
      const res = await upload(jpeg('far'), 'capturedAt=2026-01-05T08:00:00%2B07:00&lat=10.0604&lon=105.575');
      assert.equal(res.statusCode, 201, res.body);
      const { photo } = PhotoEnvelope.parse(res.json());
      assert.deepEqual(photo.flags, ['photo_far']);
      assert.ok(photo.distanceToPlotM! > 900 && photo.distanceToPlotM! < 1100, String(photo.distanceToPlotM));
      const flags = (await detail(seasonId)).complianceFlags.filter((f) => f.kind === 'photo_far');
      assert.equal(flags.length, 1);
      assert.equal(flags[0]!.activityId, activityId);
      assert.match(flags[0]!.detail, /m from the plot boundary/);
    });

    it('flags a photo taken two weeks before the reading, and one without a position', async () => {
      const stale = PhotoEnvelope.parse((await upload(jpeg('old'), 'capturedAt=2025-12-20T08:00:00%2B07:00&lat=10.0604&lon=105.5654')).json()).photo;
      assert.deepEqual(stale.flags, ['photo_stale']);
      const unlocated = PhotoEnvelope.parse((await upload(jpeg('nogps'), 'capturedAt=2026-01-05T08:00:00%2B07:00')).json()).photo;
      assert.deepEqual(unlocated.flags, ['photo_unlocated']);
      assert.deepEqual((await detail(seasonId)).complianceFlags.map((f) => f.kind).sort(), ['photo_far', 'photo_stale', 'photo_unlocated']);
    });

    it('refuses a body that is not the declared image type, and other media types', async () => {
      assert.equal((await upload(Buffer.from('not a picture'), 'capturedAt=2026-01-05T08:00:00%2B07:00')).statusCode, 400);
      assert.equal((await upload(jpeg('x'), 'capturedAt=2026-01-05T08:00:00%2B07:00', 'application/pdf')).statusCode, 415);
      const noTime = await upload(jpeg('y'), 'lat=10.06&lon=105.56');
      assert.equal(noTime.statusCode, 400);
      assert.match(Problem.parse(noTime.json()).errors?.[0]?.path ?? '', /capturedAt/);
    });
  });

  describe('record completeness of a growing area', () => {
    it('lists, per season of the area\'s plots, which required records are present or missing', async () => {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.567 });
      const area = (await sql<{ id: string }>`
        insert into growing_areas (organisation_id, name, crop, province_code, commune_code) values (${coop.coop.id}, 'Vùng lúa Thới Lai 1', 'rice', '92', ${THOI_LAI}) returning id`.execute(t.database.db)).rows[0]!;
      await t.database.db.insertInto('growingAreaPlots').values({ growingAreaId: area.id, plotId: plot.id }).execute();
      const s = await season(plot.id, { cropCode: 'rice', variety: 'OM18', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01', plannedEndOn: '2026-03-10', standard: 'vietgap', expectedYieldKgPerHa: 6500 });
      await record(s.id, 'sowing', '2025-12-01', { method: 'direct_seeding_drum', seedRateKgPerHa: 90 });
      await record(s.id, 'harvest', '2026-03-10', { yieldKgPerHa: 6600 });
      const res = await call(recorder, 'GET', `/growing-areas/${area.id}/record-completeness?year=2026`);
      assert.equal(res.statusCode, 200, res.body);
      const body = RecordCompletenessResponse.parse(res.json());
      assert.equal(body.seasons.length, 1);
      const row = body.seasons[0]!;
      assert.equal(row.complete, false);
      assert.deepEqual(row.records.filter((r) => !r.present).map((r) => r.key), ['expected_market', 'fertiliser_records']);
      assert.match(row.records.find((r) => r.key === 'expected_market')!.basis, /§1\.2/);
      // The season has ended with records missing: the reviewer sees a flag.
      assert.deepEqual((await detail(s.id)).complianceFlags.map((f) => f.kind), ['missing_records']);
      const outsider = await g.cooperativeWithMembers('31261');
      const other = await t.loginAs(outsider.recorder.login, outsider.recorder.password);
      assert.equal((await call(other, 'GET', `/growing-areas/${area.id}/record-completeness`)).statusCode, 404);
    });
  });
});
