/**
 * The JSON contract of the calculator (docs/mrv-calculation-contract.md), as TypeScript types.
 * Keys are snake_case because the contract is a JSON document shared with other systems.
 */
import type { AmendmentType, EfcRegion, GwpSet, PreSeason, WaterRegime } from './factors.ts';

export type NSource = 'synthetic' | 'organic' | 'crop_residue';

export type NInput =
  | { source: NSource; product?: string; product_kg_per_ha: number; n_fraction: number }
  | { source: NSource; product?: string; kg_n_per_ha: number };

export interface OrganicAmendment {
  type: AmendmentType;
  /** Dry matter for straw, fresh weight for the others, t/ha. */
  t_per_ha: number;
  basis?: 'dry' | 'fresh';
}

export interface SeasonInput {
  name?: string;
  crop?: string;
  cultivation_days?: number;
  water_regime?: WaterRegime;
  pre_season?: PreSeason;
  efc_region?: EfcRegion;
  efc_kg_ch4_ha_day?: number;
  sf_s_r?: number;
  organic_amendments?: OrganicAmendment[];
  n_inputs?: NInput[];
  urea_kg_per_ha?: number;
  lime?: { limestone_kg_per_ha?: number; dolomite_kg_per_ha?: number };
  residue_burning?: { residue_dm_t_per_ha: number; burned_fraction: number; combustion_factor?: number };
}

export interface ScenarioOptions {
  ef1fr_mode?: 'disaggregated' | 'aggregated';
  ef1_mode?: 'aggregated' | 'wet' | 'dry';
  include_indirect?: boolean;
  ef4_mode?: 'wet' | 'dry' | 'aggregated';
  leaching_applies?: boolean;
}

export interface ScenarioInput {
  area_ha: number;
  gwp_set?: GwpSet;
  yield_kg_per_ha?: number;
  options?: ScenarioOptions;
  seasons: SeasonInput[];
}

export interface ComparisonInput {
  baseline: ScenarioInput;
  project: ScenarioInput;
}

export interface CreditingRequest {
  methodology?: string;
  uncertainty?: number;
  gwp_set?: GwpSet;
}

export interface CreditingInput extends ComparisonInput {
  crediting: CreditingRequest;
}

export type CalculationInput = ScenarioInput | ComparisonInput | CreditingInput;

export interface SeasonResult {
  season: string;
  crop: string;
  ef_adjusted_kg_ch4_ha_day: number;
  sf_o: number;
  ch4_rice_kg: number;
}

/** A factor the calculation actually used, with the id of its row in the factor table. */
export interface FactorUse {
  id: string;
  value: number;
  source: string;
}

export interface ScenarioResult {
  kind: 'scenario';
  method_version: string;
  factor_table_version: string;
  gwp_set: GwpSet;
  n_synthetic_kg: number;
  n_organic_kg: number;
  n_residue_kg: number;
  ch4_rice_kg: number;
  ch4_burning_kg: number;
  ch4_total_kg: number;
  n2o_direct_kg: number;
  n2o_indirect_kg: number;
  n2o_burning_kg: number;
  n2o_total_kg: number;
  co2_urea_kg: number;
  co2_lime_kg: number;
  co2_total_kg: number;
  co2e_ch4_t: number;
  co2e_n2o_t: number;
  co2e_co2_t: number;
  co2e_total_t: number;
  intensity_kg_co2e_per_kg_paddy?: number | null;
  per_season: SeasonResult[];
  factors_used: FactorUse[];
  warnings: string[];
}

export interface ComparisonResult {
  kind: 'comparison';
  method_version: string;
  factor_table_version: string;
  baseline: ScenarioResult;
  project: ScenarioResult;
  reduction_t_co2e: number;
  reduction_pct: number | null;
  reduction_ch4_kg: number;
  change_n2o_kg: number;
}

export interface CreditingResult {
  kind: 'crediting';
  method_version: string;
  factor_table_version: string;
  crediting: {
    methodology: string;
    gwp_set: GwpSet;
    uncertainty: number;
    delta_ch4_soil_t_co2e: number;
    delta_n2o_soil_t_co2e: number;
    delta_ch4_bb_t_co2e: number;
    delta_n2o_bb_t_co2e: number;
    delta_co2_lime_t_co2e: number;
    /** t CO2e withheld: uncertainty × (ΔCH4_soil + ΔN2O_soil). */
    uncertainty_deduction: number;
    pe_red_irri_t_co2e: number;
    net_er_t_co2e: number;
    vcus_rounded_down: number;
  };
  comparison: ComparisonResult;
}

export type CalculationResult = ScenarioResult | ComparisonResult | CreditingResult;

export interface InvalidInputDocument {
  error: 'INVALID_INPUT';
  message: string;
  /** The offending key as a path, e.g. `baseline.seasons[0].water_regime`. */
  field: string;
}
