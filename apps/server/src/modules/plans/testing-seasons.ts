/**
 * Test helper: a rice season recorded through the diary's own API (as a cooperative recorder would),
 * so the figures the plans compute stand on exactly what the diary stores. Each call builds a
 * complete season: straw of the previous crop, land preparation, sowing at a given seed rate,
 * fertiliser, water readings (continuous flooding, or three AWD dry-downs to −16 cm), end drainage,
 * harvest, optionally a post-harvest loss.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../testing/test-app.ts';
import { addDays } from '../diary/calendar.ts';

export interface RiceSeasonOptions {
  sowingOn: string;
  seedRateKgPerHa: number;
  ureaKgPerHa: number;
  awd: boolean;
  strawRemovedFraction: number;
  yieldKgPerHa: number;
  lossPct?: number;
  year?: number;
  standard?: 'low_emission_rice' | 'vietgap' | 'basic';
}

export async function recordRiceSeason(t: TestApp, cookie: string, plotId: string, o: RiceSeasonOptions): Promise<{ seasonId: string }> {
  const post = async (url: string, payload: object) => {
    const res = await t.request({ method: 'POST', url, cookie, payload });
    if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
    return JSON.parse(res.body) as Record<string, { id: string }>;
  };
  const { season } = await post(`/api/v1/plots/${plotId}/seasons`, {
    cropCode: 'rice', seasonName: 'dong_xuan', year: o.year ?? 2026, plannedStartOn: addDays(o.sowingOn, -10), plannedEndOn: addDays(o.sowingOn, 100),
    previousHarvestOn: addDays(o.sowingOn, -25), standard: o.standard ?? 'low_emission_rice',
  });
  const id = season!.id;
  const act = (day: number, body: object) => post(`/api/v1/seasons/${id}/activities`, { clientId: randomUUID(), occurredOn: addDays(o.sowingOn, day), ...body });
  const harvestDay = 100;
  await act(-12, { type: 'straw', details: { residueOf: 'previous_crop', dryMatterTPerHa: 5, burntFraction: 0, incorporatedFraction: 1 - o.strawRemovedFraction, removedFraction: o.strawRemovedFraction, leftOnSurfaceFraction: 0 } });
  await act(-8, { type: 'land_preparation', details: { operation: 'rotavating', mechanised: true } });
  await act(0, { type: 'sowing', details: { method: 'direct_seeding_drone', seedRateKgPerHa: o.seedRateKgPerHa } });
  await act(7, { type: 'irrigation', details: { waterDepthCm: 3 } });
  await act(10, { type: 'fertiliser', details: { productCode: 'urea', amount: o.ureaKgPerHa, amountUnit: 'kg_per_ha' } });
  if (o.awd) {
    for (const start of [16, 29, 42]) {
      await act(start, { type: 'water_level', details: { tubeId: 'T1', levelCm: 4 } });
      await act(start + 4, { type: 'water_level', details: { tubeId: 'T1', levelCm: -8 } });
      await act(start + 8, { type: 'water_level', details: { tubeId: 'T1', levelCm: -16 } });
      await act(start + 8, { type: 'irrigation', details: { waterDepthCm: 5 } });
    }
    for (let d = 55; d < harvestDay - 12; d += 6) await act(d, { type: 'water_level', details: { tubeId: 'T1', levelCm: 4 } });
  } else {
    for (let d = 12; d < harvestDay - 12; d += 6) await act(d, { type: 'water_level', details: { tubeId: 'T1', levelCm: 5 } });
  }
  await act(harvestDay - 12, { type: 'drainage', details: { purpose: 'end_of_season' } });
  await act(harvestDay, { type: 'harvest', details: { yieldKgPerHa: o.yieldKgPerHa, method: 'combine' } });
  if (o.lossPct !== undefined) await act(harvestDay + 2, { type: 'post_harvest_loss', details: { stage: 'drying', lossPct: o.lossPct } });
  return { seasonId: id };
}
