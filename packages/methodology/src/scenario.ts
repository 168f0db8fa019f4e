/**
 * One scenario: a plot (or a group of identical plots) over one or more seasons. Every amount in the
 * input is per hectare and per season; results are kg of each gas over the whole area and all
 * seasons, and t CO2e with the chosen GWP set (methodology.md §1 and §9).
 */
import {
  CFOA_BY_AMENDMENT,
  CO2_PER_CO2_C,
  COMBUSTION_FACTOR_RICE,
  DOLOMITE_EF,
  EF1,
  EF1FR,
  EF4,
  EF5,
  EFC_BY_REGION,
  FACTOR_TABLE_VERSION,
  FRAC_GASF,
  FRAC_GASM,
  FRAC_LEACH,
  GEF_CH4_RESIDUE,
  GEF_N2O_RESIDUE,
  GWP_SETS,
  LIMESTONE_EF,
  METHOD_VERSION,
  N2O_PER_N2O_N,
  SFO_EXPONENT,
  SFP_BY_PRE_SEASON,
  SFW_BY_REGIME,
  UREA_EF,
  WATER_REGIME_ALIASES,
  type CanonicalWaterRegime,
  factorUse,
  type Factor,
  type GwpSet,
} from './factors.ts';
import type { FactorUse, NInput, ScenarioInput, ScenarioOptions, SeasonInput, SeasonResult, ScenarioResult } from './types.ts';

/** Seasons longer than this are computed but flagged: Table 5.11A's South-East Asia range ends at 150 d. */
const LONG_SEASON_DAYS = 180;

export interface NitrogenPerHa {
  synthetic: number;
  organic: number;
  residue: number;
}

/** kg N per ha by source: product mass × N fraction, or kg N given directly (§9 choice 6). */
export function nitrogenPerHa(inputs: readonly NInput[] | undefined): NitrogenPerHa {
  const n = { synthetic: 0, organic: 0, residue: 0 };
  if (!inputs) return n;
  for (const input of inputs) {
    const kgN = 'kg_n_per_ha' in input ? input.kg_n_per_ha : input.product_kg_per_ha * input.n_fraction;
    if (input.source === 'synthetic') n.synthetic += kgN;
    else if (input.source === 'organic') n.organic += kgN;
    else n.residue += kgN;
  }
  return n;
}

export function canonicalWaterRegime(regime: NonNullable<SeasonInput['water_regime']>): CanonicalWaterRegime {
  return regime in WATER_REGIME_ALIASES ? WATER_REGIME_ALIASES[regime as keyof typeof WATER_REGIME_ALIASES] : (regime as CanonicalWaterRegime);
}

/** Eq 5.3: SFo = (1 + Σ ROA_i × CFOA_i)^0.59; ROA dry matter for straw, fresh weight otherwise. */
export function organicAmendmentScalingFactor(amendments: SeasonInput['organic_amendments']): number {
  let sum = 0;
  if (amendments) for (const a of amendments) sum += a.t_per_ha * CFOA_BY_AMENDMENT[a.type].value;
  return Math.pow(1 + sum, SFO_EXPONENT.value);
}

/** Rice is flooded unless upland; flooded rice takes EF1FR, everything else EF1 (§9 choice 4). */
const isFloodedRice = (season: SeasonInput) => (season.crop ?? 'rice') === 'rice' && season.water_regime !== 'upland';

/** EF1FR for a flooded rice season, kg N2O-N/kg N (Table 11.1; §9 choice 4). */
export function floodedRiceEf1(regime: CanonicalWaterRegime, mode: ScenarioOptions['ef1fr_mode']): keyof typeof EF1FR {
  if (mode === 'aggregated') return 'aggregated';
  if (regime === 'continuously_flooded') return 'continuously_flooded';
  if (regime === 'single_drainage' || regime === 'multiple_drainage') return 'drained';
  // Rainfed and deep-water rice have no disaggregated value in Table 11.1.
  return 'aggregated';
}

/**
 * Collects the factor rows a calculation used, once each, in first-use order. Rows are prebuilt and
 * shared (factorUse), and a calculation uses at most ~15 factors, so a linear scan beats hashing.
 */
class FactorLog {
  readonly rows: FactorUse[] = [];
  use(f: Factor): number {
    const row = factorUse(f);
    if (!this.rows.includes(row)) this.rows.push(row);
    return f.value;
  }
}

/** Running sums over the seasons of a scenario, kg over the whole area (mutated in place: no garbage per season). */
interface ScenarioSums {
  nSynthetic: number;
  nOrganic: number;
  nResidue: number;
  ch4Rice: number;
  ch4Burning: number;
  n2oDirectN: number;
  n2oIndirectN: number;
  n2oBurning: number;
  co2Urea: number;
  co2Lime: number;
}

/** One season's gases, added to `sums`; returns the season's line of `per_season`. */
function addSeason(season: SeasonInput, index: number, area: number, options: ScenarioOptions, log: FactorLog, warnings: string[], sums: ScenarioSums): SeasonResult {
  const label = () => season.name ?? `season_${index + 1}`;
  const crop = season.crop ?? 'rice';
  const n = nitrogenPerHa(season.n_inputs);
  const nAll = n.synthetic + n.organic + n.residue;
  sums.nSynthetic += n.synthetic * area;
  sums.nOrganic += n.organic * area;
  sums.nResidue += n.residue * area;

  // Rice CH4, Eq 5.1–5.3 (Tier 1) with the Tier 2 SFs,r (Eq 5.2a) defaulting to 1.
  let efAdjusted = 0;
  let sfo = 1;
  let ch4RiceKgPerHa = 0;
  if (crop === 'rice') {
    const regime = canonicalWaterRegime(season.water_regime!);
    let efc: number;
    if (season.efc_kg_ch4_ha_day !== undefined) {
      efc = season.efc_kg_ch4_ha_day;
      warnings.push(`${label()}: user-supplied EFc ${efc} kg CH4/ha/day used instead of IPCC Table 5.11`);
    } else {
      const region = season.efc_region ?? 'southeast_asia';
      efc = log.use(EFC_BY_REGION[region]);
    }
    const sfw = log.use(SFW_BY_REGIME[regime]);
    const sfp = season.pre_season ? log.use(SFP_BY_PRE_SEASON[season.pre_season]) : 1;
    if (season.organic_amendments?.length) {
      log.use(SFO_EXPONENT);
      for (const a of season.organic_amendments) log.use(CFOA_BY_AMENDMENT[a.type]);
    }
    sfo = organicAmendmentScalingFactor(season.organic_amendments);
    efAdjusted = efc * sfw * sfp * sfo * (season.sf_s_r ?? 1);
    const days = season.cultivation_days ?? 0;
    if (days > LONG_SEASON_DAYS) warnings.push(`${label()}: cultivation period of ${days} days is unusually long`);
    ch4RiceKgPerHa = efAdjusted * days;
  }

  // Direct N2O-N, Eq 11.1 with Table 11.1.
  let n2oDirectNPerHa = 0;
  if (nAll > 0) {
    if (isFloodedRice(season)) {
      const regime = canonicalWaterRegime(season.water_regime!);
      const key = floodedRiceEf1(regime, options.ef1fr_mode);
      n2oDirectNPerHa = nAll * log.use(EF1FR[key]);
    } else if (options.ef1_mode === 'wet') {
      n2oDirectNPerHa = n.synthetic * log.use(EF1.wet_synthetic) + (n.organic + n.residue) * log.use(EF1.wet_other);
    } else if (options.ef1_mode === 'dry') {
      n2oDirectNPerHa = nAll * log.use(EF1.dry);
    } else {
      n2oDirectNPerHa = nAll * log.use(EF1.aggregated);
    }
  }

  // Indirect N2O-N, Eq 11.9 (volatilisation: no crop-residue term) and Eq 11.10 (leaching).
  let n2oIndirectNPerHa = 0;
  if (options.include_indirect && nAll > 0) {
    const ef4Mode = options.ef4_mode ?? 'wet';
    const ef4 = log.use(EF4[ef4Mode]);
    const volatilised = n.synthetic * log.use(FRAC_GASF) + n.organic * log.use(FRAC_GASM);
    n2oIndirectNPerHa = volatilised * ef4;
    if (options.leaching_applies ?? true) {
      n2oIndirectNPerHa += nAll * log.use(FRAC_LEACH) * log.use(EF5);
    }
  }

  // Residue burning, IPCC 2006 Eq 2.27: t DM/ha × fraction × Cf × g/kg DM = kg of gas per ha.
  let ch4BurningKgPerHa = 0;
  let n2oBurningKgPerHa = 0;
  const burning = season.residue_burning;
  if (burning && burning.residue_dm_t_per_ha > 0 && burning.burned_fraction > 0) {
    let cf: number;
    if (burning.combustion_factor !== undefined) cf = burning.combustion_factor;
    else {
      cf = log.use(COMBUSTION_FACTOR_RICE);
      if (crop !== 'rice') warnings.push(`${label()}: no combustion factor given for ${crop}; the rice straw value 0.80 was used`);
    }
    const burntDm = burning.residue_dm_t_per_ha * burning.burned_fraction * cf;
    ch4BurningKgPerHa = burntDm * log.use(GEF_CH4_RESIDUE);
    n2oBurningKgPerHa = burntDm * log.use(GEF_N2O_RESIDUE);
  }

  // CO2 from urea (Eq 11.13, product mass) and liming (Eq 11.12); kg/ha × t C/t × 44/12.
  const urea = season.urea_kg_per_ha ?? 0;
  const co2UreaKgPerHa = urea > 0 ? urea * log.use(UREA_EF) * CO2_PER_CO2_C : 0;
  let co2LimeKgPerHa = 0;
  if (season.lime) {
    const limestone = season.lime.limestone_kg_per_ha ?? 0;
    const dolomite = season.lime.dolomite_kg_per_ha ?? 0;
    if (limestone > 0) co2LimeKgPerHa += limestone * log.use(LIMESTONE_EF);
    if (dolomite > 0) co2LimeKgPerHa += dolomite * log.use(DOLOMITE_EF);
    co2LimeKgPerHa *= CO2_PER_CO2_C;
  }

  sums.ch4Rice += ch4RiceKgPerHa * area;
  sums.n2oDirectN += n2oDirectNPerHa * area;
  sums.n2oIndirectN += n2oIndirectNPerHa * area;
  sums.ch4Burning += ch4BurningKgPerHa * area;
  sums.n2oBurning += n2oBurningKgPerHa * area;
  sums.co2Urea += co2UreaKgPerHa * area;
  sums.co2Lime += co2LimeKgPerHa * area;
  return { season: label(), crop, ef_adjusted_kg_ch4_ha_day: efAdjusted, sf_o: sfo, ch4_rice_kg: ch4RiceKgPerHa * area };
}

/**
 * Computes a validated scenario. `gwpOverride` is used by crediting, which fixes its own GWP set.
 * Call `calculate()` for raw JSON: it validates first.
 */
export function calculateScenario(input: ScenarioInput, gwpOverride?: GwpSet): ScenarioResult {
  const area = input.area_ha;
  const options = input.options ?? {};
  const gwpSet = gwpOverride ?? input.gwp_set ?? 'AR5';
  const log = new FactorLog();
  const warnings: string[] = [];

  const sums: ScenarioSums = { nSynthetic: 0, nOrganic: 0, nResidue: 0, ch4Rice: 0, ch4Burning: 0, n2oDirectN: 0, n2oIndirectN: 0, n2oBurning: 0, co2Urea: 0, co2Lime: 0 };
  const perSeason: SeasonResult[] = [];
  for (let i = 0; i < input.seasons.length; i++) {
    perSeason.push(addSeason(input.seasons[i]!, i, area, options, log, warnings, sums));
  }
  const { nSynthetic, nOrganic, nResidue, ch4Rice, ch4Burning, n2oDirectN, n2oIndirectN, n2oBurning, co2Urea, co2Lime } = sums;

  // N2O-N → N2O exactly once, on the totals (methodology.md §3.1).
  const n2oDirect = n2oDirectN * N2O_PER_N2O_N;
  const n2oIndirect = n2oIndirectN * N2O_PER_N2O_N;
  const gwp = GWP_SETS[gwpSet];
  const gwpCh4 = log.use(gwp.ch4);
  const gwpN2o = log.use(gwp.n2o);

  const ch4Total = ch4Rice + ch4Burning;
  const n2oTotal = n2oDirect + n2oIndirect + n2oBurning;
  const co2Total = co2Urea + co2Lime;
  const co2eCh4 = (ch4Total * gwpCh4) / 1000;
  const co2eN2o = (n2oTotal * gwpN2o) / 1000;
  const co2eCo2 = co2Total / 1000;
  const co2eTotal = co2eCh4 + co2eN2o + co2eCo2;

  const result: ScenarioResult = {
    kind: 'scenario',
    method_version: METHOD_VERSION,
    factor_table_version: FACTOR_TABLE_VERSION,
    gwp_set: gwpSet,
    n_synthetic_kg: nSynthetic,
    n_organic_kg: nOrganic,
    n_residue_kg: nResidue,
    ch4_rice_kg: ch4Rice,
    ch4_burning_kg: ch4Burning,
    ch4_total_kg: ch4Total,
    n2o_direct_kg: n2oDirect,
    n2o_indirect_kg: n2oIndirect,
    n2o_burning_kg: n2oBurning,
    n2o_total_kg: n2oTotal,
    co2_urea_kg: co2Urea,
    co2_lime_kg: co2Lime,
    co2_total_kg: co2Total,
    co2e_ch4_t: co2eCh4,
    co2e_n2o_t: co2eN2o,
    co2e_co2_t: co2eCo2,
    co2e_total_t: co2eTotal,
    per_season: perSeason,
    factors_used: log.rows,
    warnings,
  };
  if (input.yield_kg_per_ha !== undefined) {
    const paddyKg = input.yield_kg_per_ha * area * input.seasons.length;
    result.intensity_kg_co2e_per_kg_paddy = area === 0 ? null : (co2eTotal * 1000) / paddyKg;
  }
  return result;
}
