/**
 * The CLI's activity import (the diary service's importActivities, which `dongxanh import activities`
 * streams a file into) on a real database: all rows or none, refused rows listed, idempotent replays.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DomainError } from '../../shared/errors.ts';
import { actorFor } from '../auth/auth.service.ts';
import { findUserById } from '../auth/auth.repository.ts';
import type { Actor } from '../auth/permissions.ts';
import { CO_DO, THOI_LAI, given } from '../../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';

const HEADER = 'client_id,plot_code,season_year,season_name,type,occurred_on,details_json';
const csvJson = (o: object) => `"${JSON.stringify(o).replace(/"/g, '""')}"`;
const line = (clientId: string, plotCode: string, type: string, occurredOn: string, details: object, season = '2026,dong_xuan') =>
  `${clientId},${plotCode},${season},${type},${occurredOn},${csvJson(details)}`;

describe('import activities (CLI path)', () => {
  let t: TestApp;
  let recorder: Actor;
  let plotCodes: string[];
  let seasonIds: string[];
  let otherPlotCode: string;

  const count = async (where = sql`true`) => (await sql<{ n: number }>`select count(*)::int as n from activities where ${where}`.execute(t.database.db)).rows[0]!.n;
  const refusalOf = async (lines: string[]) => {
    try {
      await t.services.diary.importActivities(recorder, lines);
    } catch (err) {
      assert.ok(err instanceof DomainError, String(err));
      return err;
    }
    assert.fail('the import should have been refused');
  };

  before(async () => {
    t = await createTestApp({ clock: fixedClock('2026-04-01T09:00:00+07:00') });
    const g = given(t.database.db);
    const coop = await g.cooperativeWithMembers(THOI_LAI);
    recorder = actorFor((await findUserById(t.database.db, coop.recorder.id))!, 'session');
    plotCodes = [];
    seasonIds = [];
    for (let i = 0; i < 3; i++) {
      const plot = await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, lon: 105.55 + i * 0.003, code: `IMP-${i}-${randomUUID().slice(0, 6)}` });
      plotCodes.push(plot.code);
      const { record } = await t.services.diary.createSeason(recorder, plot.id, { cropCode: 'rice', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01' });
      seasonIds.push(record.id);
    }
    const other = await g.cooperativeWithMembers(CO_DO);
    const otherRecorder = actorFor((await findUserById(t.database.db, other.recorder.id))!, 'session');
    otherPlotCode = other.plot.code;
    await t.services.diary.createSeason(otherRecorder, other.plot.id, { cropCode: 'rice', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01' });
  });
  after(async () => t.close());

  it('imports every row of a valid file, and a second run stores nothing new', async () => {
    const rows = [
      line(randomUUID(), plotCodes[0]!, 'sowing', '2025-12-02', { method: 'direct_seeding_drum', seedRateKgPerHa: 90 }),
      line(randomUUID(), plotCodes[0]!, 'fertiliser', '2025-12-12', { productCode: 'dap', amount: 100, amountUnit: 'kg_per_ha' }),
      line(randomUUID(), plotCodes[1]!, 'water_level', '2025-12-20', { tubeId: 'ONG-1', levelCm: -15.5, notes: 'đo lúc 7 giờ, "khô"' }),
      line(randomUUID(), plotCodes[2]!, 'harvest', '2026-03-05', { yieldKgPerHa: 6700, moisturePct: 23 }),
    ];
    const result = await t.services.diary.importActivities(recorder, [HEADER, ...rows]);
    assert.deepEqual({ imported: result.imported, duplicates: result.duplicates, seasons: result.seasons }, { imported: 4, duplicates: 0, seasons: 3 });
    assert.equal(await count(sql`batch_id = ${result.batchId} and recorded_by = ${recorder.userId}`), 4);
    const reading = await t.database.db.selectFrom('activities').select('details').where('seasonId', '=', seasonIds[1]!).executeTakeFirstOrThrow();
    assert.deepEqual(reading.details, { tubeId: 'ONG-1', levelCm: -15.5, notes: 'đo lúc 7 giờ, "khô"' });
    const statuses = await t.database.db.selectFrom('seasons').select(['id', 'status']).where('id', 'in', seasonIds).execute();
    assert.equal(statuses.find((s) => s.id === seasonIds[2])!.status, 'harvested');
    assert.equal(statuses.find((s) => s.id === seasonIds[0])!.status, 'in_progress');

    const again = await t.services.diary.importActivities(recorder, [HEADER, ...rows]);
    assert.deepEqual({ imported: again.imported, duplicates: again.duplicates }, { imported: 0, duplicates: 4 });
    assert.equal(await count(sql`season_id in (${sql.join(seasonIds)})`), 4);
  });

  it('refuses the whole file when any row is refused, listing every refused row with its field, and stores nothing', async () => {
    const before = await count();
    const err = await refusalOf([
      HEADER,
      line(randomUUID(), plotCodes[0]!, 'water_level', '2025-12-21', { tubeId: 'ONG-1', levelCm: 3 }),
      line(randomUUID(), plotCodes[0]!, 'pesticide', '2025-12-22', { productName: 'Furadan 3GR', activeIngredients: [{ name: 'Carbofuran' }], dose: 20, doseUnit: 'kg_per_ha', phiDays: 30 }),
      line(randomUUID(), 'NO-SUCH-PLOT', 'water_level', '2025-12-21', { tubeId: 'ONG-1', levelCm: 3 }),
      line(randomUUID(), otherPlotCode, 'water_level', '2025-12-21', { tubeId: 'ONG-1', levelCm: 3 }),
      `${randomUUID()},${plotCodes[1]},2026,dong_xuan,water_level,2025-12-21,{not json}`,
      line(randomUUID(), plotCodes[1]!, 'water_level', '2025-12-21', { tubeId: 'ONG-1', levelCm: -900 }),
      line('not-a-uuid', plotCodes[1]!, 'water_level', '2025-12-21', { tubeId: 'ONG-1', levelCm: 3 }),
      line(randomUUID(), plotCodes[1]!, 'water_level', '2027-01-01', { tubeId: 'ONG-1', levelCm: 3 }),
    ]);
    assert.equal(err.code, 'rule_violated');
    const refused = err.details?.refused as Array<{ row: number; field: string; message: string }>;
    assert.deepEqual(refused.map((r) => [r.row, r.field]).sort((a, b) => Number(a[0]) - Number(b[0])), [
      [2, 'details_json.activeIngredients[0].name'], [3, 'plot_code'], [4, 'plot_code'], [5, 'details_json'], [6, 'details_json.levelCm'], [7, 'client_id'], [8, 'occurredOn'],
    ]);
    assert.match(refused.find((r) => r.row === 2)!.message, /Carbofuran.*Appendix II/);
    assert.equal(await count(), before);
  });

  it('refuses a client_id stored with a different payload, and one used twice in the file', async () => {
    const clientId = randomUUID();
    await t.services.diary.importActivities(recorder, [HEADER, line(clientId, plotCodes[2]!, 'water_level', '2025-12-24', { tubeId: 'T', levelCm: 1 })]);
    const changed = await refusalOf([HEADER, line(clientId, plotCodes[2]!, 'water_level', '2025-12-24', { tubeId: 'T', levelCm: 2 })]);
    assert.match(JSON.stringify(changed.details?.refused), /already stored with a different activity/);
    const twice = randomUUID();
    const dup = await refusalOf([HEADER, line(twice, plotCodes[2]!, 'irrigation', '2025-12-25', {}), line(twice, plotCodes[2]!, 'irrigation', '2025-12-26', {})]);
    assert.match(JSON.stringify(dup.details?.refused), /used again \(first on row 1\)/);
  });

  it('refuses a file without the expected columns, or without rows', async () => {
    assert.match((await refusalOf(['client_id,plot_code,type'])).message, /Nothing was imported/);
    assert.match(JSON.stringify((await refusalOf([HEADER])).details?.refused), /holds no activities/);
  });
});
