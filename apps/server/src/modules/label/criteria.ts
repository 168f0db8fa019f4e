/**
 * Label criteria evaluated on one plot-season: pure, every criterion returns its own result with what
 * was found, so a refusal always says which rule failed and by how much. Schemes are data
 * (label_schemes.criteria); this file is the meaning of each criterion kind.
 */
import type { CriterionResult, LabelCriterion } from '@dongxanh/contracts';
import type { StoredSeasonPractices } from '../../db/schema.ts';
import { REDUCED_N_REFERENCE_KG_PER_HA, reducedFertiliser } from '../traceability/practices.ts';

export interface SeasonLabelFacts {
  seasonId: string;
  cropKind: string;
  variety: string | null;
  co2eT: number;
  baselineCo2eT: number;
  verified: boolean;
  practices: StoredSeasonPractices;
  growingAreaCodes: readonly string[];
  openComplianceFlags: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function reductionPct(f: Pick<SeasonLabelFacts, 'co2eT' | 'baselineCo2eT'>): number | null {
  return f.baselineCo2eT > 0 ? (100 * (f.baselineCo2eT - f.co2eT)) / f.baselineCo2eT : null;
}

export function evaluateCriterion(c: LabelCriterion, f: SeasonLabelFacts): CriterionResult {
  switch (c.kind) {
    case 'min_reduction_pct': {
      const r = reductionPct(f);
      return { criterion: c, passed: r !== null && r >= c.value, actual: r === null ? null : round1(r), detail: r === null ? 'No baseline emissions to compare with' : `Reduction ${round1(r)} % against the baseline (needs ≥ ${c.value} %)` };
    }
    case 'required_practice': {
      const p = f.practices;
      if (c.practice === 'awd') return { criterion: c, passed: p.awd, actual: p.waterRegime, detail: p.awd ? 'Alternate wetting and drying shown by the field-tube readings' : `Water regime ${p.waterRegime ?? 'unknown'}: not AWD` };
      if (c.practice === 'no_straw_burning') return { criterion: c, passed: !p.strawBurnt, actual: !p.strawBurnt, detail: p.strawBurnt ? 'Straw was burnt' : 'No straw burnt' };
      return { criterion: c, passed: reducedFertiliser(p), actual: p.nKgPerHa, detail: p.nKgPerHa === null ? 'No fertiliser N recorded' : `${round1(p.nKgPerHa)} kg N/ha (reference ≤ ${REDUCED_N_REFERENCE_KG_PER_HA})` };
    }
    case 'verified_mrv':
      return { criterion: c, passed: f.verified, actual: f.verified, detail: f.verified ? 'MRV result verified' : 'MRV result not verified yet' };
    case 'growing_area_code':
      return { criterion: c, passed: f.growingAreaCodes.length > 0, actual: f.growingAreaCodes.join(', ') || null, detail: f.growingAreaCodes.length ? `Growing-area code ${f.growingAreaCodes.join(', ')}` : 'The plot is in no growing area with an active code' };
    case 'no_compliance_flags':
      return { criterion: c, passed: f.openComplianceFlags === 0, actual: f.openComplianceFlags, detail: f.openComplianceFlags === 0 ? 'No open compliance flags' : `${f.openComplianceFlags} open compliance flag(s)` };
    case 'variety_recorded':
      return { criterion: c, passed: !!f.variety, actual: f.variety, detail: f.variety ? `Variety ${f.variety}` : 'No variety recorded on the season' };
    case 'crop_kind':
      return { criterion: c, passed: f.cropKind === c.value, actual: f.cropKind, detail: `Crop kind ${f.cropKind} (scheme covers ${c.value})` };
  }
}

export function evaluateSeason(criteria: readonly LabelCriterion[], f: SeasonLabelFacts) {
  const results = criteria.map((c) => evaluateCriterion(c, f));
  return { eligible: results.every((r) => r.passed), results };
}

/** A lot's result per criterion: passed when every source season passes it. */
export function combineSeasonResults(criteria: readonly LabelCriterion[], seasons: ReadonlyArray<{ results: CriterionResult[] }>): CriterionResult[] {
  return criteria.map((c, i) => {
    const passedBy = seasons.filter((s) => s.results[i]?.passed).length;
    return { criterion: c, passed: seasons.length > 0 && passedBy === seasons.length, actual: passedBy, detail: `${passedBy} of ${seasons.length} source season(s) pass` };
  });
}
