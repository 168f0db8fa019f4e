/**
 * Crediting with the VM0051 v1.1 QA3 subset (methodology.md §6.3 and §9 choice 10; a reconstructed
 * reading to be confirmed with a VVB):
 *
 *   ER = ΔCO2_lime + ΔCH4_bb + ΔN2O_bb + (ΔCH4_soil + ΔN2O_soil) × (1 − UNC) − PE_Red-Irri   (Eq 29)
 *
 * - ΔCH4_soil: rice CH4 of baseline minus project (Eq 6–8, the same Tier 1 factors as the scenario);
 * - ΔN2O_soil: (F_SN + F_ON + F_CR) × one EF (0.004) × 44/28 for both scenarios (Eq 19–22), so the
 *   drainage effect on N2O enters only through
 * - PE_Red-Irri (Eq 25): Σ Q_N × A × 0.00314 kg N2O/kg N, for each season that moves from continuous
 *   flooding in the baseline to single or multiple drainage in the project (seasons paired by position);
 * - urea CO2 and fossil fuel are excluded; no buffer (avoidance credits); VCUs rounded down.
 */
import { CREDITING, CREDITING_METHODOLOGY, FACTOR_TABLE_VERSION, GWP_SETS, METHOD_VERSION, N2O_PER_N2O_N } from './factors.ts';
import { compareScenarios } from './comparison.ts';
import { canonicalWaterRegime, nitrogenPerHa } from './scenario.ts';
import type { CreditingInput, CreditingResult, ScenarioInput, SeasonInput } from './types.ts';

const totalNitrogenKg = (scenario: ScenarioInput, season: SeasonInput) => {
  const n = nitrogenPerHa(season.n_inputs);
  return (n.synthetic + n.organic + n.residue) * scenario.area_ha;
};

const isRice = (season: SeasonInput) => (season.crop ?? 'rice') === 'rice';
const isDrained = (season: SeasonInput) => {
  if (!isRice(season) || !season.water_regime) return false;
  const regime = canonicalWaterRegime(season.water_regime);
  return regime === 'single_drainage' || regime === 'multiple_drainage';
};
const isContinuouslyFlooded = (season: SeasonInput) =>
  isRice(season) && season.water_regime !== undefined && canonicalWaterRegime(season.water_regime) === 'continuously_flooded';

export function calculateCrediting(input: CreditingInput): CreditingResult {
  const gwpSet = input.crediting.gwp_set ?? 'AR5';
  const uncertainty = input.crediting.uncertainty ?? CREDITING.default_uncertainty.value;
  const comparison = compareScenarios(input, gwpSet);
  const { baseline, project } = comparison;
  const gwpCh4 = GWP_SETS[gwpSet].ch4.value;
  const gwpN2o = GWP_SETS[gwpSet].n2o.value;

  const soilN2oKg = (scenario: ScenarioInput) =>
    scenario.seasons.reduce((sum, s) => sum + totalNitrogenKg(scenario, s), 0) * CREDITING.ef_n_soil.value * N2O_PER_N2O_N;

  const deltaCh4Soil = ((baseline.ch4_rice_kg - project.ch4_rice_kg) * gwpCh4) / 1000;
  const deltaN2oSoil = ((soilN2oKg(input.baseline) - soilN2oKg(input.project)) * gwpN2o) / 1000;
  const deltaCh4Bb = ((baseline.ch4_burning_kg - project.ch4_burning_kg) * gwpCh4) / 1000;
  const deltaN2oBb = ((baseline.n2o_burning_kg - project.n2o_burning_kg) * gwpN2o) / 1000;
  const deltaCo2Lime = (baseline.co2_lime_kg - project.co2_lime_kg) / 1000;

  let redIrriN2oKg = 0;
  input.project.seasons.forEach((projectSeason, i) => {
    const baselineSeason = input.baseline.seasons[i];
    if (baselineSeason && isContinuouslyFlooded(baselineSeason) && isDrained(projectSeason)) {
      redIrriN2oKg += totalNitrogenKg(input.project, projectSeason) * CREDITING.cf_n2o_red_irri.value;
    }
  });
  const peRedIrri = (redIrriN2oKg * gwpN2o) / 1000;

  const uncertaintyDeduction = (deltaCh4Soil + deltaN2oSoil) * uncertainty;
  const netEr = deltaCo2Lime + deltaCh4Bb + deltaN2oBb + deltaCh4Soil + deltaN2oSoil - uncertaintyDeduction - peRedIrri;

  return {
    kind: 'crediting',
    method_version: METHOD_VERSION,
    factor_table_version: FACTOR_TABLE_VERSION,
    crediting: {
      methodology: input.crediting.methodology ?? CREDITING_METHODOLOGY,
      gwp_set: gwpSet,
      uncertainty,
      delta_ch4_soil_t_co2e: deltaCh4Soil,
      delta_n2o_soil_t_co2e: deltaN2oSoil,
      delta_ch4_bb_t_co2e: deltaCh4Bb,
      delta_n2o_bb_t_co2e: deltaN2oBb,
      delta_co2_lime_t_co2e: deltaCo2Lime,
      uncertainty_deduction: uncertaintyDeduction,
      pe_red_irri_t_co2e: peRedIrri,
      net_er_t_co2e: netEr,
      // A whole VCU is one t CO2e; a net increase issues nothing.
      vcus_rounded_down: Math.max(0, Math.floor(netEr)),
    },
    comparison,
  };
}
