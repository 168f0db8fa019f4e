import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeIndicator, emptyRollupTotals, type ComputationInputs } from './indicator-computations.ts';
import { evaluate, targetForYear, type TargetRow } from './progress.ts';

// Cần Thơ's rice area: 104,500 ha in 2025 and 170,877 ha in 2030 (seeds/002, I.2.a and I.2.b).
const area: TargetRow[] = [
  { year: 2025, breakdown: '', comparator: 'gte', value: 104500, asWritten: '104.500 ha' },
  { year: 2030, breakdown: '', comparator: 'gte', value: 170877, asWritten: '170.877 ha' },
];

describe('target for a year', () => {
  test('the plan\'s own target for a milestone year', () => {
    assert.deepEqual(targetForYear(area, 2025), { year: 2025, comparator: 'gte', value: 104500, asWritten: '104.500 ha', kind: 'explicit', towards: null });
  });
  test('a straight line between milestones, marked interpolated', () => {
    const t = targetForYear(area, 2027)!;
    assert.equal(t.kind, 'interpolated');
    assert.equal(t.value, 104500 + (2 / 5) * (170877 - 104500));
    assert.deepEqual(t.towards, { year: 2030, value: 170877 });
    assert.equal(t.asWritten, null);
  });
  test('before the first milestone the first applies, after the last the last', () => {
    assert.equal(targetForYear(area, 2024)!.kind, 'next');
    assert.equal(targetForYear(area, 2024)!.value, 104500);
    assert.equal(targetForYear(area, 2031)!.kind, 'carried');
    assert.equal(targetForYear(area, 2031)!.value, 170877);
  });
  test('a breakdown has its own targets; none means no target', () => {
    const byDistrict: TargetRow[] = [{ year: 2025, breakdown: 'Sa Pa', comparator: 'gte', value: 350, asWritten: '350 ha' }];
    assert.equal(targetForYear(byDistrict, 2025, 'Sa Pa')!.value, 350);
    assert.equal(targetForYear(byDistrict, 2025), null);
  });
});

describe('evaluate', () => {
  test('more is better: met, and the share of the target reached', () => {
    assert.deepEqual(evaluate(52.5, targetForYear([{ year: 2025, breakdown: '', comparator: 'gt', value: 50, asWritten: null }], 2025), 'increase', null), { status: 'met', progressPct: 105 });
    assert.deepEqual(evaluate(25, targetForYear([{ year: 2025, breakdown: '', comparator: 'gt', value: 50, asWritten: null }], 2025), 'increase', null), { status: 'not_met', progressPct: 50 });
  });
  test('"trên 50 %" is not met by exactly 50 %, "50 % trở lên" is', () => {
    const gt = targetForYear([{ year: 2030, breakdown: '', comparator: 'gt', value: 50, asWritten: 'trên 50%' }], 2030);
    const gte = targetForYear([{ year: 2030, breakdown: '', comparator: 'gte', value: 50, asWritten: '50% trở lên' }], 2030);
    assert.equal(evaluate(50, gt, 'increase', null).status, 'not_met');
    assert.equal(evaluate(50, gte, 'increase', null).status, 'met');
  });
  test('less is better: seed rate under 70 kg/ha from a 120 kg/ha baseline', () => {
    const t = targetForYear([{ year: 2030, breakdown: '', comparator: 'lt', value: 70, asWritten: 'dưới 70 kg/ha' }], 2030);
    assert.deepEqual(evaluate(95, t, 'decrease', 120), { status: 'not_met', progressPct: 50 });
    assert.equal(evaluate(65, t, 'decrease', 120).status, 'met');
    assert.equal(evaluate(95, t, 'decrease', null).progressPct, (100 * 70) / 95);
  });
  test('no value, no target', () => {
    assert.deepEqual(evaluate(null, targetForYear(area, 2025), 'increase', null), { status: 'no_data', progressPct: null });
    assert.deepEqual(evaluate(10, null, 'increase', null), { status: 'no_target', progressPct: null });
  });
});

describe('computed indicators', () => {
  const inputs = (over: Partial<ComputationInputs['rollups']> = {}): ComputationInputs => ({
    rollups: { ...emptyRollupTotals(), seasonCount: 4, areaHa: 10, seedAreaHa: 8, seedKg: 720, nSyntheticKg: 1000, strawDmT: 50, strawRemovedT: 35, lossAreaHa: 5, lossPctArea: 15, mechAreaHa: 2.5, emSeasonCount: 4, emAreaHa: 10, projectCo2eT: 60, baselineCo2eT: 100, lowEmissionAreaHa: 6, ...over },
    plots: { registeredPlotCount: 10, registeredAreaHa: 20, cropPlotCount: 4, cropPlotAreaHa: 10, diarisedPlotCount: 3, diarisedPlotAreaHa: 8, lowEmissionPlotAreaHa: 6 },
    consolidation: { cumulativeHa: 120, addedHa: 40, records: 3 },
    training: { byRole: [{ role: 'extension_officer', attendees: 30, population: 40 }, { role: 'core_farmer', attendees: 150, population: 100 }, { role: 'farmer', attendees: 12, population: null }], events: 4 },
  });
  const ctx = { baselineValue: null, params: {} };
  test('ratios of sums', () => {
    assert.equal(computeIndicator('seed_rate_kg_per_ha', inputs(), ctx).value, 90);
    assert.equal(computeIndicator('straw_collected_pct', inputs(), ctx).value, 70);
    assert.equal(computeIndicator('post_harvest_loss_pct', inputs(), ctx).value, 3);
    assert.equal(computeIndicator('mechanisation_pct', inputs(), ctx).value, 25);
    assert.equal(computeIndicator('ghg_reduction_pct', inputs(), ctx).value, 40);
    assert.equal(computeIndicator('low_emission_share_pct', inputs(), ctx).value, 60);
    assert.equal(computeIndicator('digital_diary_share_pct', inputs(), ctx).value, 40);
  });
  test('a reduction needs its baseline, and says so', () => {
    const without = computeIndicator('chemical_n_reduction_pct', inputs(), ctx);
    assert.equal(without.value, null);
    assert.match(without.missing!, /traditional-practice chemical N rate/);
    assert.deepEqual(without.measure, { value: 100, unit: 'kg N/ha' });
    assert.equal(computeIndicator('chemical_n_reduction_pct', inputs(), { baselineValue: 125, params: {} }).value, 20);
  });
  test('no seasons: no value and the reason', () => {
    const none = computeIndicator('seed_rate_kg_per_ha', { ...inputs(), rollups: emptyRollupTotals() }, ctx);
    assert.equal(none.value, null);
    assert.ok(none.missing);
  });
  test('consolidated land adds the recorded area to the baseline stock', () => {
    assert.equal(computeIndicator('consolidated_area_ha', inputs(), { baselineValue: 27000, params: {} }).value, 27120);
    assert.equal(computeIndicator('consolidated_added_ha', inputs(), ctx).value, 40);
  });
  test('training coverage caps each role at its population and counts only roles with one', () => {
    // extension 30/40 + core farmers 100/100 (150 attendances capped) = 130/140.
    assert.equal(computeIndicator('training_coverage_pct', inputs(), ctx).value, (100 * 130) / 140);
    assert.equal(computeIndicator('training_coverage_pct', inputs(), { baselineValue: null, params: { roles: ['extension_officer'] } }).value, 75);
  });
  test('vegetable yield in tạ/ha and output in tonnes', () => {
    const veg = inputs({ yieldAreaHa: 10, productionKg: 300_000 });
    assert.equal(computeIndicator('crop_yield_ta_per_ha', veg, ctx).value, 300);
    assert.equal(computeIndicator('crop_output_t', veg, ctx).value, 300);
  });
});
