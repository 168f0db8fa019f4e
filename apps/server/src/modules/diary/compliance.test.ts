import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessPhoto, assessSeasonRecords, checkPreHarvestIntervals, checkRotation, earliestHarvestOn, type SeasonRecordFacts } from './compliance.ts';

describe('pre-harvest interval (vn-standards.md §4.4)', () => {
  const spray = (id: string, sprayedOn: string, phiDays: number) => ({ activityId: id, sprayedOn, phiDays, productName: `P-${id}` });
  const harvest = (id: string, harvestedOn: string) => ({ activityId: id, harvestedOn, lotCode: 'LOT-1' });
  const cases = [
    { name: 'harvest on spray date + PHI is allowed', sprays: [spray('s1', '2026-02-01', 14)], harvests: [harvest('h1', '2026-02-15')], short: [] as number[] },
    { name: 'harvest one day early is a violation', sprays: [spray('s1', '2026-02-01', 14)], harvests: [harvest('h1', '2026-02-14')], short: [1] },
    { name: 'the last spray decides: an early spray long past, a late one still running', sprays: [spray('s1', '2026-01-01', 7), spray('s2', '2026-02-10', 14)], harvests: [harvest('h1', '2026-02-18')], short: [6] },
    { name: 'a spray after the harvest does not apply to it', sprays: [spray('s1', '2026-03-01', 14)], harvests: [harvest('h1', '2026-02-18')], short: [] },
    { name: 'PHI 0 allows harvest the same day', sprays: [spray('s1', '2026-02-18', 0)], harvests: [harvest('h1', '2026-02-18')], short: [] },
    { name: 'no harvest, nothing to check', sprays: [spray('s1', '2026-02-18', 7)], harvests: [], short: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(checkPreHarvestIntervals(c.sprays, c.harvests).map((v) => v.daysShort), c.short);
    });
  }
  it('reports what the reviewer needs', () => {
    const [v] = checkPreHarvestIntervals([spray('s1', '2026-02-01', 14)], [harvest('h1', '2026-02-10')]);
    assert.deepEqual(v, { harvestActivityId: 'h1', sprayActivityId: 's1', productName: 'P-s1', sprayedOn: '2026-02-01', phiDays: 14, earliestHarvestOn: '2026-02-15', harvestedOn: '2026-02-10', daysShort: 5, lotCode: 'LOT-1' });
  });
  it('the earliest allowed harvest is the latest spray date + PHI', () => {
    assert.equal(earliestHarvestOn([spray('a', '2026-01-01', 30), spray('b', '2026-01-20', 5)]), '2026-01-31');
    assert.equal(earliestHarvestOn([]), null);
  });
});

describe('vegetable crop rotation', () => {
  const season = (seasonId: string, cropCode: string, cropKind: string, family: string) => ({ seasonId, cropCode, cropKind, family });
  const cases = [
    { name: 'cabbage after mustard greens (both brassicaceae) is flagged', previous: season('a', 'mustard_greens', 'vegetable', 'brassicaceae'), current: season('b', 'cabbage', 'vegetable', 'brassicaceae'), flagged: true },
    { name: 'tomato after cabbage is fine', previous: season('a', 'cabbage', 'vegetable', 'brassicaceae'), current: season('b', 'tomato', 'vegetable', 'solanaceae'), flagged: false },
    { name: 'rice after rice is the normal Mekong rotation, not flagged', previous: season('a', 'rice', 'rice', 'poaceae'), current: season('b', 'rice', 'rice', 'poaceae'), flagged: false },
    { name: 'the first season on a plot has nothing to compare', previous: null, current: season('b', 'cabbage', 'vegetable', 'brassicaceae'), flagged: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(checkRotation(c.previous, c.current) !== null, c.flagged));
});

describe('photo evidence (200 m, 3 days)', () => {
  const cases = [
    { name: 'inside the plot, same day', distance: 0, capturedAt: '2026-01-05T08:00:00+07:00', flags: [] as string[] },
    { name: '250 m from the plot', distance: 250, capturedAt: '2026-01-05T08:00:00+07:00', flags: ['photo_far'] },
    { name: '199 m is still near', distance: 199, capturedAt: '2026-01-05T08:00:00+07:00', flags: [] },
    { name: 'taken 10 days before the activity', distance: 10, capturedAt: '2025-12-26T08:00:00+07:00', flags: ['photo_stale'] },
    { name: '3 days after is accepted', distance: 10, capturedAt: '2026-01-08T20:00:00+07:00', flags: [] },
    { name: 'the local (UTC+7) date counts: 23:30 UTC on the 8th is the 9th in Vietnam, 4 days after', distance: 10, capturedAt: '2026-01-08T23:30:00Z', flags: ['photo_stale'] },
    { name: 'no GPS position', distance: null, capturedAt: '2026-01-05T08:00:00+07:00', flags: ['photo_unlocated'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(assessPhoto({ capturedAt: new Date(c.capturedAt), distanceToPlotM: c.distance, activityOn: '2026-01-05' }).flags, c.flags));
  }
});

describe('required records per season (vn-standards.md §1.2, §3.1)', () => {
  const complete: SeasonRecordFacts = {
    cropCode: 'rice', variety: 'OM5451', areaHa: 1.2, standard: 'vietgap', expectedYieldKgPerHa: 6500, plannedEndOn: '2026-03-05', expectedMarket: 'Công ty Xay xát Cờ Đỏ',
    status: 'harvested', activityCounts: { sowing: 1, fertiliser: 3, pesticide: 1, harvest: 1 }, harvestsWithOutput: 1, openPhiViolations: 0,
  };
  it('a complete season has every record', () => {
    assert.deepEqual(assessSeasonRecords(complete).filter((r) => !r.present), []);
  });
  it('names what is missing', () => {
    const missing = assessSeasonRecords({ ...complete, variety: null, expectedMarket: null, activityCounts: { harvest: 1 }, openPhiViolations: 1 }).filter((r) => !r.present).map((r) => r.key);
    assert.deepEqual(missing, ['variety', 'expected_market', 'seed_record', 'fertiliser_records', 'pesticide_phi_respected']);
  });
  it('the actual output is due at harvest', () => {
    const r = assessSeasonRecords({ ...complete, status: 'in_progress', activityCounts: {}, harvestsWithOutput: 0 }).find((x) => x.key === 'actual_output')!;
    assert.equal(r.present, false);
    assert.equal(r.detail, 'due at harvest');
  });
});
