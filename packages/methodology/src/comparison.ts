/**
 * Baseline against project (contract, "Comparison and crediting"): reduction = baseline − project,
 * so a negative reduction means the project emits more.
 */
import { FACTOR_TABLE_VERSION, METHOD_VERSION, type GwpSet } from './factors.ts';
import { calculateScenario } from './scenario.ts';
import type { ComparisonInput, ComparisonResult } from './types.ts';

export function compareScenarios(input: ComparisonInput, gwpOverride?: GwpSet): ComparisonResult {
  const baseline = calculateScenario(input.baseline, gwpOverride);
  const project = calculateScenario(input.project, gwpOverride);
  const reduction = baseline.co2e_total_t - project.co2e_total_t;
  return {
    kind: 'comparison',
    method_version: METHOD_VERSION,
    factor_table_version: FACTOR_TABLE_VERSION,
    baseline,
    project,
    reduction_t_co2e: reduction,
    reduction_pct: baseline.co2e_total_t === 0 ? null : (100 * reduction) / baseline.co2e_total_t,
    reduction_ch4_kg: baseline.ch4_total_kg - project.ch4_total_kg,
    change_n2o_kg: project.n2o_total_kg - baseline.n2o_total_kg,
  };
}
