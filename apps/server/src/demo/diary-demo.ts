/**
 * The demo's farming diary: one Đông Xuân 2025–2026 season on every demo plot in Thới Lai, written the
 * way the cooperative records it. Deterministic (a seeded PRNG, ids derived from plot codes), so every
 * machine shows the same diaries.
 *
 * What a Mekong low-emission season looks like here (Decision 1490/QĐ-TTg programme practice):
 * - land preparation 8 days before sowing; row seeding (sạ hàng) or drone seeding at 80–100 kg/ha;
 *   sowing staggered from 20 November to 4 December 2025, harvest about 100 days later (early March);
 * - three fertiliser rounds (about 9, 20 and 42 days after sowing): DAP + urea, NPK 20-20-15 + urea,
 *   NPK 16-16-8 + urea — about 110 kg N/ha;
 * - water: AWD on half of the plots (the tube falls to −15…−18 cm before re-flooding, three cycles,
 *   kept flooded around flowering) and continuous flooding on the others, each with tube readings and
 *   the final drainage 12 days before harvest;
 * - the previous (Thu Đông 2025) crop's straw: incorporated, collected or partly burnt;
 * - harvest by combine at 6.0–7.0 t/ha and 22–26 % moisture, with some drying loss.
 * The household of Nguyễn Văn An records its own two plots; the cooperative recorder records the rest.
 */
import type { TypedActivityDetails } from '@dongxanh/contracts';
import type { Executor } from '../db/database.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { addDays } from '../modules/diary/calendar.ts';
import { refreshComplianceFlags } from '../modules/diary/compliance.repository.ts';
import { advanceSeasonStatus, insertActivities, insertSeason, type NewActivity } from '../modules/diary/diary.repository.ts';
import { payloadHash, uuidV5 } from '../modules/diary/ids.ts';

/** Namespace of the demo's derived ids (a fixed random UUID). */
const DEMO_NAMESPACE = '6f1d2c3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f';
const SOWING_FROM = '2025-11-20';
/** Flags of the demo carry a fixed time, so the data is the same on every machine. */
const SEEDED_AT = new Date('2026-03-20T03:00:00Z');

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Planned = { day: number } & TypedActivityDetails;

/** The season's activities as days after sowing. */
function diaryOf(index: number, random: () => number, variety: string): Planned[] {
  const between = (lo: number, hi: number, step = 1) => lo + Math.round((random() * (hi - lo)) / step) * step;
  const harvestDay = 98 + between(0, 4);
  const a: Planned[] = [];
  const strawDm = between(45, 60) / 10;
  const straw = index % 10 === 9
    ? { burntFraction: 0.8, incorporatedFraction: 0, removedFraction: 0, leftOnSurfaceFraction: 0.2 }
    : index % 3 === 1
      ? { burntFraction: 0, incorporatedFraction: 0, removedFraction: 1, leftOnSurfaceFraction: 0 }
      : index % 3 === 2
        ? { burntFraction: 0, incorporatedFraction: 0.3, removedFraction: 0.7, leftOnSurfaceFraction: 0 }
        : { burntFraction: 0, incorporatedFraction: 1, removedFraction: 0, leftOnSurfaceFraction: 0 };
  a.push({ day: -12, type: 'straw', details: { residueOf: 'previous_crop', dryMatterTPerHa: strawDm, ...straw, ...(straw.removedFraction > 0 ? { notes: 'Cuộn rơm bán cho cơ sở trồng nấm' } : {}) } });
  a.push({ day: -8, type: 'land_preparation', details: { operation: 'rotavating', mechanised: true } });
  a.push({ day: 0, type: 'sowing', details: { method: index % 4 === 3 ? 'direct_seeding_drone' : 'direct_seeding_drum', seedRateKgPerHa: between(80, 100, 5), variety, seedSource: 'certified' } });
  a.push({ day: 7, type: 'irrigation', details: { waterDepthCm: 3, source: 'canal' } });
  a.push({ day: 9, type: 'fertiliser', details: { productCode: 'dap', amount: between(80, 100, 5), amountUnit: 'kg_per_ha', method: 'broadcast', growthStage: 'Đẻ nhánh sớm' } });
  a.push({ day: 9, type: 'fertiliser', details: { productCode: 'urea', amount: between(40, 50, 5), amountUnit: 'kg_per_ha', method: 'broadcast' } });
  a.push({ day: 20, type: 'fertiliser', details: { productCode: 'npk_20_20_15', amount: 100, amountUnit: 'kg_per_ha', method: 'broadcast', growthStage: 'Đẻ nhánh rộ' } });
  a.push({ day: 20, type: 'fertiliser', details: { productCode: 'urea', amount: between(45, 55, 5), amountUnit: 'kg_per_ha', method: 'broadcast' } });
  a.push({ day: 42, type: 'fertiliser', details: { productCode: 'npk_16_16_8', amount: between(120, 150, 10), amountUnit: 'kg_per_ha', method: 'broadcast', growthStage: 'Làm đòng' } });
  a.push({ day: 42, type: 'fertiliser', details: { productCode: 'urea', amount: 20, amountUnit: 'kg_per_ha', method: 'broadcast' } });
  // Written as the API stores a catalogue product: its name, ingredients and PHI filled in.
  if (index % 3 === 1) {
    a.push({
      day: 55, type: 'pesticide',
      details: { productCode: 'bt_wp', productName: 'Bacillus thuringiensis (Bt) WP', activeIngredients: [{ name: 'Bacillus thuringiensis var. kurstaki' }], phiDays: 5, dose: 0.5, doseUnit: 'kg_per_ha', target: 'Sâu cuốn lá', sprayer: 'drone' },
    });
  }

  const finalDrain = harvestDay - 12;
  if (index % 2 === 0) {
    // AWD: three dry-downs to the safe depth, re-flooded each time; flooded through flowering.
    for (const start of [16, 29, 42]) {
      a.push({ day: start, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: between(3, 6) } });
      a.push({ day: start + 3, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: -between(4, 7) } });
      a.push({ day: start + 6, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: -between(10, 13) } });
      a.push({ day: start + 8, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: -between(15, 18) } });
      a.push({ day: start + 8, type: 'irrigation', details: { waterDepthCm: 5, source: 'pump' } });
    }
    for (let d = 55; d < finalDrain; d += 5) a.push({ day: d, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: between(3, 6) } });
  } else {
    // Continuous flooding: topped up every three weeks, standing water at every reading.
    for (const d of [28, 49, 70]) a.push({ day: d, type: 'irrigation', details: { waterDepthCm: 6, source: 'canal' } });
    for (let d = 12; d < finalDrain; d += 6) a.push({ day: d, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: between(3, 8) } });
  }
  a.push({ day: finalDrain, type: 'drainage', details: { purpose: 'end_of_season' } });
  a.push({ day: finalDrain + 4, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: -between(8, 12) } });
  a.push({ day: harvestDay, type: 'harvest', details: { yieldKgPerHa: between(6000, 7000, 50), moisturePct: between(22, 26), method: 'combine', lotCode: `TL-DX26-${String(index + 1).padStart(3, '0')}` } });
  a.push({ day: harvestDay, type: 'mechanised_operation', details: { operation: 'harvesting', machine: 'Máy gặt đập liên hợp Kubota DC-70', fuelLitres: between(20, 30) } });
  if (index % 2 === 1) a.push({ day: harvestDay + 3, type: 'post_harvest_loss', details: { stage: 'drying', lossPct: between(2, 4) } });
  return a;
}

export async function seedDemoDiary(tx: Executor) {
  const plots = await tx.selectFrom('plots').select(['id', 'code', 'provinceCode', 'communeCode', 'organisationId', 'householdId', 'areaHa']).where('code', 'like', 'CT-TL-%').orderBy('code').execute();
  const users = await tx.selectFrom('users').select(['id', 'role', 'displayName', 'organisationId', 'householdId', 'adminUnitCode']).where('role', 'in', ['coop_recorder', 'farmer']).execute();
  const actorOf = (u: (typeof users)[number]): Actor => ({ userId: u.id, displayName: u.displayName, role: u.role, organisationId: u.organisationId, householdId: u.householdId, adminUnitCode: u.adminUnitCode, permissions: new Set(), via: 'session' });
  const recorder = actorOf(users.find((u) => u.role === 'coop_recorder')!);
  const farmer = actorOf(users.find((u) => u.role === 'farmer')!);
  const growingArea = new Set(Array.from({ length: 10 }, (_, k) => `CT-TL-${String(1 + 3 * k).padStart(3, '0')}`));
  const random = prng(20251120);
  const seasons: Array<{ id: string; provinceCode: string }> = [];

  for (const [index, plot] of plots.entries()) {
    const sowingOn = addDays(SOWING_FROM, index % 15);
    const variety = growingArea.has(plot.code) ? 'ST25' : ['OM5451', 'Đài Thơm 8', 'OM18'][index % 3]!;
    const actor = plot.householdId === farmer.householdId ? farmer : recorder;
    const season = await insertSeason(tx, actor, {
      clientId: uuidV5(DEMO_NAMESPACE, `${plot.code}:season`),
      plot,
      cropCode: 'rice', variety, seasonName: 'dong_xuan', year: 2026,
      plannedStartOn: addDays(sowingOn, -10), plannedEndOn: addDays(sowingOn, 100), actualStartOn: null, actualEndOn: null,
      previousHarvestOn: addDays(sowingOn, -25),
      standard: growingArea.has(plot.code) ? 'vietgap' : 'low_emission_rice',
      expectedYieldKgPerHa: 6500, expectedMarket: 'Công ty TNHH Xay xát Gạo Cờ Đỏ', notes: null,
    });
    const ref = { id: season!.id, provinceCode: plot.provinceCode };
    seasons.push(ref);
    const rows: NewActivity[] = diaryOf(index, random, variety).map(({ day, ...typed }, n) => {
      const occurredOn = addDays(sowingOn, day);
      return {
        clientId: uuidV5(DEMO_NAMESPACE, `${plot.code}:${n}`),
        payloadHash: payloadHash({ seasonId: ref.id, type: typed.type, occurredOn, details: typed.details }),
        seasonId: ref.id, provinceCode: plot.provinceCode, type: typed.type, occurredOn, details: typed.details,
        recordedOnBehalf: actor !== farmer, batchId: null,
      };
    });
    await insertActivities(tx, actor, rows);
  }
  await advanceSeasonStatus(tx, seasons, true);
  await refreshComplianceFlags(tx, seasons, SEEDED_AT);
  return { seasons: seasons.length };
}
