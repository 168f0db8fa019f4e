import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calculate, type ScenarioResult } from '@dongxanh/methodology';
import { addDays } from './calendar.ts';
import { deriveSeasonFacts, type FactActivity, type FertiliserProductFacts, type SeasonFactsInput } from './season-facts.ts';

const DAY0 = '2025-12-01';
const on = (day: number) => addDays(DAY0, day);
let n = 0;
const act = (type: FactActivity['type'], day: number, details: object) => ({ id: `a${n++}`, type, occurredOn: on(day), details }) as FactActivity;
const products = new Map<string, FertiliserProductFacts>([
  ['urea', { code: 'urea', nFraction: 0.46, p2o5Fraction: 0, k2oFraction: 0, isUrea: true, nSource: 'synthetic', limeKind: null }],
  ['dap', { code: 'dap', nFraction: 0.18, p2o5Fraction: 0.46, k2oFraction: 0, isUrea: false, nSource: 'synthetic', limeKind: null }],
  ['agricultural_lime', { code: 'agricultural_lime', nFraction: 0, p2o5Fraction: 0, k2oFraction: 0, isUrea: false, nSource: 'synthetic', limeKind: 'limestone' }],
]);
const straw = (day: number, d: Record<string, unknown>) => act('straw', day, { residueOf: 'previous_crop', dryMatterTPerHa: 5, burntFraction: 0, incorporatedFraction: 0, removedFraction: 0, leftOnSurfaceFraction: 0, ...d });
/** A flooded rice season: sowing day 0, flooded throughout, harvested day 100. */
const baseActivities = () => [
  act('sowing', 0, { method: 'direct_seeding_drum', seedRateKgPerHa: 80 }),
  act('irrigation', 0, {}),
  act('drainage', 90, {}),
  act('harvest', 100, { yieldKgPerHa: 6500, moisturePct: 22 }),
  act('fertiliser', 15, { productCode: 'urea', amount: 100, amountUnit: 'kg_per_ha' }),
];
function input(over: Partial<SeasonFactsInput> & { activities?: FactActivity[] } = {}): SeasonFactsInput {
  return {
    season: { id: 's1', label: 'dong_xuan 2026', cropCode: 'rice', cropKind: 'rice', areaHa: 2, actualStartOn: null, actualEndOn: null, plannedEndOn: on(100), previousHarvestOn: on(-20) },
    activities: baseActivities(),
    previousRiceHarvests: [],
    previousSeasonStraw: [],
    fertiliserProducts: products,
    ...over,
  };
}

describe('derived season facts', () => {
  it('a complete flooded season gives a complete MRV input that the engine computes', () => {
    const r = deriveSeasonFacts(input({ activities: [...baseActivities(), straw(-10, { incorporatedFraction: 1 })] }));
    assert.deepEqual(r.missing, []);
    assert.deepEqual(
      { ...r.mrvInput, n_inputs: r.mrvInput.n_inputs?.length },
      { name: 'dong_xuan 2026', crop: 'rice', efc_region: 'southeast_asia', cultivation_days: 100, water_regime: 'continuously_flooded', pre_season: 'non_flooded_lt_180d', n_inputs: 1, urea_kg_per_ha: 100, organic_amendments: [{ type: 'straw_lt30d', t_per_ha: 5, basis: 'dry' }] },
    );
    const result = calculate({ area_ha: 2, seasons: [r.mrvInput] }) as ScenarioResult;
    assert.ok(Math.abs(result.per_season[0]!.ef_adjusted_kg_ch4_ha_day - 1.22 * Math.pow(6, 0.59)) < 1e-9);
  });

  const strawCases = [
    { name: 'incorporated 30 days before the start is still shortly before (CFOA 1.00)', day: -30, timing: 'shortly_before', type: 'straw_lt30d' },
    { name: 'incorporated 31 days before is long before (CFOA 0.19)', day: -31, timing: 'long_before', type: 'straw_gt30d' },
  ];
  for (const c of strawCases) {
    it(c.name, () => {
      const r = deriveSeasonFacts(input({ activities: [...baseActivities(), straw(c.day, { incorporatedFraction: 0.6, removedFraction: 0.4 })] }));
      assert.equal(r.facts.strawIncorporationTiming.value, c.timing);
      assert.deepEqual(r.mrvInput.organic_amendments, [{ type: c.type, t_per_ha: 3, basis: 'dry' }]);
      assert.equal(r.facts.strawRemovedTPerHa.value, 2);
    });
  }

  it('straw of the previous season\'s own crop feeds this season; burnt straw only burning, never SFo', () => {
    const previousStraw = [straw(-25, { residueOf: 'this_crop', incorporatedFraction: 0.5, burntFraction: 0.5 })];
    const thisCropBurnt = straw(102, { residueOf: 'this_crop', burntFraction: 0.4, leftOnSurfaceFraction: 0.6 });
    const r = deriveSeasonFacts(input({ activities: [...baseActivities(), thisCropBurnt], previousSeasonStraw: previousStraw }));
    // The previous season's straw: 5 t DM × 0.5 incorporated 25 days before this season's start.
    assert.deepEqual(r.mrvInput.organic_amendments, [{ type: 'straw_lt30d', t_per_ha: 2.5, basis: 'dry' }]);
    // This crop's straw burnt after harvest: burning in this season (5 t DM × 0.4).
    assert.deepEqual(r.mrvInput.residue_burning, { residue_dm_t_per_ha: 5, burned_fraction: 0.4 });
    assert.equal(r.facts.strawBurntTPerHa.value, 2);
    assert.equal(r.facts.strawLeftOnSurfaceTPerHa.value, 3);
  });

  it('fresh straw mass is turned into dry matter with the given fraction (methodology.md §4)', () => {
    const r = deriveSeasonFacts(input({ activities: [...baseActivities(), act('straw', -10, { residueOf: 'previous_crop', freshMassTPerHa: 8, dryMatterFraction: 0.5, burntFraction: 0, incorporatedFraction: 1, removedFraction: 0, leftOnSurfaceFraction: 0 })] }));
    assert.equal(r.facts.strawIncorporatedTPerHa.value, 4);
  });

  it('N by source, urea, P2O5 and lime, with per-plot amounts converted by the season area', () => {
    const r = deriveSeasonFacts(input({
      activities: [
        ...baseActivities(),
        act('fertiliser', 5, { productCode: 'dap', amount: 200, amountUnit: 'kg_per_plot' }),
        act('fertiliser', 6, { customProduct: { name: 'Phân hữu cơ vi sinh', nFraction: 0.03, nSource: 'organic' }, amount: 1000, amountUnit: 'kg_per_ha' }),
        act('fertiliser', 1, { productCode: 'agricultural_lime', amount: 500, amountUnit: 'kg_per_ha' }),
      ],
    }));
    assert.equal(r.facts.nSyntheticKgPerHa.value, 46 + 18);
    assert.equal(r.facts.nOrganicKgPerHa.value, 30);
    assert.equal(r.facts.ureaKgPerHa.value, 100);
    assert.equal(r.facts.p2o5KgPerHa.value, 46);
    assert.equal(r.facts.limestoneKgPerHa.value, 500);
    assert.deepEqual(r.mrvInput.lime, { limestone_kg_per_ha: 500, dolomite_kg_per_ha: 0 });
    assert.deepEqual(r.mrvInput.n_inputs?.map((i) => [i.source, i.product, i.product_kg_per_ha, i.n_fraction]), [
      ['synthetic', 'dap', 100, 0.18], ['organic', 'Phân hữu cơ vi sinh', 1000, 0.03], ['synthetic', 'urea', 100, 0.46],
    ]);
  });

  const preSeasonCases = [
    { name: 'harvested 20 days before: non-flooded < 180 d', previousHarvestOn: on(-20), extra: [], value: 'non_flooded_lt_180d' },
    { name: 'harvested 200 days before: non-flooded > 180 d', previousHarvestOn: on(-200), extra: [], value: 'non_flooded_gt_180d' },
    { name: 'harvested 400 days before: non-flooded > 365 d', previousHarvestOn: on(-400), extra: [], value: 'non_flooded_gt_365d' },
    { name: 'fallow flooded for 45 days: flooded pre-season', previousHarvestOn: on(-90), extra: [act('irrigation', -70, {}), act('drainage', -25, {})], value: 'flooded_gt_30d' },
    { name: 'flooded only 20 days for land preparation: ignored', previousHarvestOn: on(-90), extra: [act('irrigation', -20, {})], value: 'non_flooded_lt_180d' },
  ];
  for (const c of preSeasonCases) {
    it(`pre-season: ${c.name}`, () => {
      const base = input();
      const r = deriveSeasonFacts({ ...base, season: { ...base.season, previousHarvestOn: c.previousHarvestOn }, activities: [...baseActivities(), ...c.extra] });
      assert.equal(r.facts.preSeason.value, c.value);
      assert.equal(r.mrvInput.pre_season, c.value);
    });
  }

  it('pre-season from the previous rice season\'s harvest on the platform', () => {
    const base = input();
    const harvest = act('harvest', -15, { yieldKgPerHa: 6000 });
    const r = deriveSeasonFacts({ ...base, season: { ...base.season, previousHarvestOn: null }, previousRiceHarvests: [harvest] });
    assert.equal(r.facts.preSeason.previousHarvestOn, on(-15));
    assert.deepEqual(r.facts.preSeason.sources.map((s) => s.activityId), [harvest.id]);
  });

  it('lists what cannot be derived instead of guessing', () => {
    const base = input();
    const r = deriveSeasonFacts({ ...base, season: { ...base.season, previousHarvestOn: null }, activities: [act('sowing', 0, { method: 'transplanting_manual', seedRateKgPerHa: 40 })] });
    assert.deepEqual(r.missing.map((m) => m.fact), ['cultivationDays', 'waterRegime', 'preSeason', 'nInputs', 'straw']);
    assert.match(r.missing.find((m) => m.fact === 'waterRegime')!.reason, /cannot be computed as AWD/);
    assert.equal(r.complete, false);
    assert.equal(r.mrvInput.water_regime, undefined);
    assert.equal(r.mrvInput.cultivation_days, undefined);
  });

  it('a vegetable season has no CH4 keys and maps to the engine\'s vegetables crop', () => {
    const base = input();
    const r = deriveSeasonFacts({ ...base, season: { ...base.season, cropCode: 'cabbage', cropKind: 'vegetable' }, activities: [act('fertiliser', 5, { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' })] });
    assert.equal(r.mrvInput.crop, 'vegetables');
    assert.equal(r.mrvInput.water_regime, undefined);
    assert.deepEqual(r.missing, []);
    const result = calculate({ area_ha: 1, seasons: [r.mrvInput] }) as ScenarioResult;
    assert.equal(result.ch4_rice_kg, 0);
  });

  it('seed rate, yield, moisture, losses (compounded) and the PHI date', () => {
    const r = deriveSeasonFacts(input({
      activities: [
        ...baseActivities(),
        act('harvest', 101, { totalKg: 1000, moisturePct: 26 }),
        act('post_harvest_loss', 103, { stage: 'drying', lossPct: 10 }),
        act('post_harvest_loss', 110, { stage: 'storage', lossPct: 10 }),
        act('pesticide', 80, { productName: 'X', activeIngredients: [{ name: 'Dimethoate' }], dose: 1, doseUnit: 'l_per_ha', phiDays: 14 }),
      ],
    }));
    assert.equal(r.facts.seedRateKgPerHa.value, 80);
    assert.equal(r.facts.yieldKgPerHa.value, 7000);
    assert.ok(Math.abs(r.facts.harvestMoisturePct.value! - (22 * 6500 + 26 * 500) / 7000) < 1e-9);
    assert.ok(Math.abs(r.facts.postHarvestLossPct.value! - 19) < 1e-9);
    assert.equal(r.facts.earliestHarvestOn.value, on(94));
  });
});
