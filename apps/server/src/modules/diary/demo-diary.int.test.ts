/**
 * The demo's Đông Xuân 2025–2026 diaries (demo/diary-demo.ts): one season per plot, realistic and
 * complete enough for the MRV engine, AWD on half of the plots, and the same on every machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { calculate, type ScenarioResult } from '@dongxanh/methodology';
import { seedDemo } from '../../demo/seed.ts';
import { actorFor } from '../auth/auth.service.ts';
import { findUserByLogin } from '../auth/auth.repository.ts';
import type { Actor } from '../auth/permissions.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';

describe('demo diary', () => {
  let t: TestApp;
  let recorder: Actor;

  before(async () => {
    t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
    await seedDemo(t.database.db);
    recorder = actorFor((await findUserByLogin(t.database.db, '0901000004'))!, 'session');
  });
  after(async () => t.close());

  it('has one harvested Đông Xuân 2025–2026 season on each of the 60 plots, with complete facts', async () => {
    const page = await t.services.diary.listSeasons(recorder, { year: 2026 }, 1, 100);
    assert.equal(page.total, 60);
    assert.ok(page.items.every((s) => s.seasonName === 'dong_xuan' && s.status === 'harvested' && s.openFlagCount === 0));
    const regimes = new Map<string, number>();
    for (const season of page.items) {
      const { facts, missing, mrvInput, areaHa } = await t.services.diary.getFacts(recorder, season.id);
      assert.deepEqual(missing, [], season.plotCode);
      const regime = `${facts.waterRegime.value}${facts.waterRegime.awd ? ' (AWD)' : ''}`;
      regimes.set(regime, (regimes.get(regime) ?? 0) + 1);
      assert.ok(facts.seedRateKgPerHa.value! >= 80 && facts.seedRateKgPerHa.value! <= 100);
      assert.ok(facts.yieldKgPerHa.value! >= 6000 && facts.yieldKgPerHa.value! <= 7000);
      assert.ok(facts.nTotalKgPerHa.value! > 95 && facts.nTotalKgPerHa.value! < 125, String(facts.nTotalKgPerHa.value));
      const result = calculate({ area_ha: areaHa, seasons: [mrvInput] }) as ScenarioResult;
      assert.ok(result.ch4_rice_kg > 0);
    }
    assert.deepEqual(Object.fromEntries(regimes), { 'multiple_drainage (AWD)': 30, continuously_flooded: 30 });
  });

  it('is deterministic: the same client ids and values on every machine', async () => {
    const first = await t.database.db.selectFrom('seasons').innerJoin('plots', 'plots.id', 'seasons.plotId').select(['seasons.clientId', 'seasons.variety']).where('plots.code', '=', 'CT-TL-001').executeTakeFirstOrThrow();
    assert.deepEqual(first, { clientId: 'f83fe595-78ec-55a8-8242-c718e77e46d1', variety: 'ST25' });
  });
});
