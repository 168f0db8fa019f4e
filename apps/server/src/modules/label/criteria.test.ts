import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LabelCriterion } from '@dongxanh/contracts';
import { combineSeasonResults, evaluateSeason, type SeasonLabelFacts } from './criteria.ts';

const riceScheme: LabelCriterion[] = [
  { kind: 'crop_kind', value: 'rice' },
  { kind: 'min_reduction_pct', value: 10 },
  { kind: 'required_practice', practice: 'awd' },
  { kind: 'required_practice', practice: 'no_straw_burning' },
  { kind: 'verified_mrv' },
  { kind: 'growing_area_code' },
  { kind: 'variety_recorded' },
  { kind: 'no_compliance_flags' },
];
const good: SeasonLabelFacts = {
  seasonId: 'S', cropKind: 'rice', variety: 'ST25', co2eT: 6.0, baselineCo2eT: 10.0, verified: true,
  practices: { awd: true, waterRegime: 'multiple_drainage', strawBurnt: false, nKgPerHa: 105, seedRateKgPerHa: 90, variety: 'ST25' },
  growingAreaCodes: ['VN-92-31258-01-26'], openComplianceFlags: 0,
};

describe('label criteria', () => {
  it('passes a verified AWD season with a 40 % reduction', () => {
    const r = evaluateSeason(riceScheme, good);
    assert.equal(r.eligible, true);
    assert.equal(r.results[1]!.actual, 40);
  });
  const failures: Array<[string, Partial<SeasonLabelFacts>, LabelCriterion['kind']]> = [
    ['reduction 9 %', { co2eT: 9.1 }, 'min_reduction_pct'],
    ['continuous flooding', { practices: { ...good.practices, awd: false, waterRegime: 'continuously_flooded' } }, 'required_practice'],
    ['burnt straw', { practices: { ...good.practices, strawBurnt: true } }, 'required_practice'],
    ['not verified', { verified: false }, 'verified_mrv'],
    ['no growing-area code', { growingAreaCodes: [] }, 'growing_area_code'],
    ['an open flag', { openComplianceFlags: 1 }, 'no_compliance_flags'],
    ['no variety', { variety: null }, 'variety_recorded'],
    ['a vegetable season', { cropKind: 'vegetable' }, 'crop_kind'],
  ];
  for (const [what, change, kind] of failures) {
    it(`refuses ${what}, naming the criterion`, () => {
      const r = evaluateSeason(riceScheme, { ...good, ...change });
      assert.equal(r.eligible, false);
      const failed = r.results.filter((x) => !x.passed);
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.criterion.kind, kind);
    });
  }
  it('a lot passes a criterion only when all its seasons do', () => {
    const a = evaluateSeason(riceScheme, good);
    const b = evaluateSeason(riceScheme, { ...good, verified: false });
    const lot = combineSeasonResults(riceScheme, [a, b]);
    assert.equal(lot.find((r) => r.criterion.kind === 'verified_mrv')!.passed, false);
    assert.equal(lot.find((r) => r.criterion.kind === 'verified_mrv')!.detail, '1 of 2 source season(s) pass');
    assert.equal(lot.find((r) => r.criterion.kind === 'min_reduction_pct')!.passed, true);
  });
});
