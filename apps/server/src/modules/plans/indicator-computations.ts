/**
 * How a plan indicator is computed from the records (`computation: 'computed:<name>'`). Pure: the
 * plans service gathers sums from the dashboard rollups (dashboards module), the plot rollups, land
 * consolidation records and training attendance for one scope and year, and these functions turn
 * them into the indicator's value, with the basis it stands on (how many seasons and hectares) and,
 * when it cannot be computed, why. Every figure is a ratio of sums, so a province's value is the
 * area-weighted value of its communes, never an average of averages.
 *
 * Definitions (the plans' own wording, mapped to diary facts):
 * - low-emission practice (Lào Cai plan II.1(2), Decision 1490 "1P5G, SRP, AWD"): a rice season whose
 *   water regime includes drainage (single or multiple drainage / AWD, IPCC 2019 Table 5.12) or whose
 *   production standard is 'low_emission_rice';
 * - sustainable process (Cần Thơ plan I.2.a): low-emission practice, or a certified standard
 *   (VietGAP, GlobalGAP, organic);
 * - straw collected (Cần Thơ plan I.2): straw dry matter removed from the field ÷ all straw dry matter
 *   recorded (burnt, incorporated, removed, left);
 * - synchronous mechanisation (cơ giới hoá đồng bộ): land preparation, sowing/transplanting and
 *   harvest all done by machine in the season;
 * - GHG reduction (Cần Thơ plan I.2: "so với canh tác lúa truyền thống"): each season's emissions
 *   against the same season under continuous flooding (the traditional practice), summed;
 * - digital diary: a plot with at least one diary record in a season of the year.
 */

export const COMPUTATION_NAMES = [
  'cultivated_area_ha',
  'low_emission_cultivated_area_ha',
  'season_area_ha',
  'low_emission_share_pct',
  'sustainable_share_pct',
  'coded_area_share_pct',
  'awd_share_pct',
  'seed_rate_kg_per_ha',
  'chemical_n_kg_per_ha',
  'chemical_n_reduction_pct',
  'pesticide_reduction_pct',
  'straw_collected_pct',
  'post_harvest_loss_pct',
  'mechanisation_pct',
  'ghg_reduction_pct',
  'ghg_total_t',
  'ghg_reduction_vs_base_year_pct',
  'digital_diary_share_pct',
  'crop_yield_ta_per_ha',
  'crop_output_t',
  'consolidated_area_ha',
  'consolidated_added_ha',
  'training_coverage_pct',
] as const;
export type ComputationName = (typeof COMPUTATION_NAMES)[number];

export const isComputationName = (name: string): name is ComputationName => (COMPUTATION_NAMES as readonly string[]).includes(name);

/** Parses `computed:<name>`; null for 'entered'. Unknown names are refused where indicators are written. */
export function computationOf(computation: string): ComputationName | null {
  if (!computation.startsWith('computed:')) return null;
  const name = computation.slice('computed:'.length);
  return isComputationName(name) ? name : null;
}

/** Sums of the dashboard rollup columns over one scope, year and crop filter. */
export interface RollupTotals {
  seasonCount: number;
  areaHa: number;
  diarySeasonCount: number;
  diaryAreaHa: number;
  lowEmissionAreaHa: number;
  sustainableAreaHa: number;
  codedAreaHa: number;
  awdAreaHa: number;
  seedAreaHa: number;
  seedKg: number;
  nSyntheticKg: number;
  nOrganicKg: number;
  ureaKg: number;
  pesticideApplications: number;
  strawDmT: number;
  strawRemovedT: number;
  strawBurntT: number;
  strawIncorporatedT: number;
  yieldAreaHa: number;
  productionKg: number;
  lossAreaHa: number;
  lossPctArea: number;
  mechAreaHa: number;
  emSeasonCount: number;
  emAreaHa: number;
  projectCo2eT: number;
  baselineCo2eT: number;
}

export const emptyRollupTotals = (): RollupTotals => ({
  seasonCount: 0, areaHa: 0, diarySeasonCount: 0, diaryAreaHa: 0, lowEmissionAreaHa: 0, sustainableAreaHa: 0, codedAreaHa: 0, awdAreaHa: 0,
  seedAreaHa: 0, seedKg: 0, nSyntheticKg: 0, nOrganicKg: 0, ureaKg: 0, pesticideApplications: 0, strawDmT: 0, strawRemovedT: 0, strawBurntT: 0,
  strawIncorporatedT: 0, yieldAreaHa: 0, productionKg: 0, lossAreaHa: 0, lossPctArea: 0, mechAreaHa: 0, emSeasonCount: 0, emAreaHa: 0,
  projectCo2eT: 0, baselineCo2eT: 0,
});

/** Distinct plots per commune-year (plot shares cannot be summed from seasons). */
export interface PlotTotals {
  /** All registered plots in the scope (the denominator of the digital-diary share). */
  registeredPlotCount: number;
  registeredAreaHa: number;
  /** Plots with a season of the filtered crop in the year. */
  cropPlotCount: number;
  cropPlotAreaHa: number;
  diarisedPlotCount: number;
  diarisedPlotAreaHa: number;
  lowEmissionPlotAreaHa: number;
}

export interface ConsolidationTotals {
  /** Area of records agreed on or before 31 December of the year. */
  cumulativeHa: number;
  /** Area of records agreed within the year. */
  addedHa: number;
  records: number;
}

export interface TrainingTotals {
  /** Attendances by role in events held up to the end of the year, and the plan's population per role. */
  byRole: ReadonlyArray<{ role: string; attendees: number; population: number | null }>;
  events: number;
}

export interface ComputationInputs {
  rollups: RollupTotals;
  plots: PlotTotals;
  consolidation: ConsolidationTotals;
  training: TrainingTotals;
}

export interface ComputationContext {
  /** The indicator's baseline (value and unit), when it is a reduction against a reference. */
  baselineValue: number | null;
  params: { roles?: readonly string[] };
}

export interface ComputedValue {
  value: number | null;
  /** The quantity behind a ratio or reduction (e.g. mean kg N/ha behind "−20 % fertiliser"). */
  measure: { value: number; unit: string } | null;
  basis: { seasons: number; areaHa: number; records: number };
  /** Why there is no value, in English (the API's language for reasons; the UI shows its own words). */
  missing: string | null;
}

/** Which sources a computation reads, so the service gathers only those. */
export const COMPUTATION_SOURCES: Record<ComputationName, ReadonlyArray<keyof ComputationInputs>> = {
  cultivated_area_ha: ['plots'],
  low_emission_cultivated_area_ha: ['plots'],
  season_area_ha: ['rollups'],
  low_emission_share_pct: ['rollups'],
  sustainable_share_pct: ['rollups'],
  coded_area_share_pct: ['rollups'],
  awd_share_pct: ['rollups'],
  seed_rate_kg_per_ha: ['rollups'],
  chemical_n_kg_per_ha: ['rollups'],
  chemical_n_reduction_pct: ['rollups'],
  pesticide_reduction_pct: ['rollups'],
  straw_collected_pct: ['rollups'],
  post_harvest_loss_pct: ['rollups'],
  mechanisation_pct: ['rollups'],
  ghg_reduction_pct: ['rollups'],
  ghg_total_t: ['rollups'],
  ghg_reduction_vs_base_year_pct: ['rollups'],
  digital_diary_share_pct: ['plots'],
  crop_yield_ta_per_ha: ['rollups'],
  crop_output_t: ['rollups'],
  consolidated_area_ha: ['consolidation'],
  consolidated_added_ha: ['consolidation'],
  training_coverage_pct: ['training'],
};

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);
const pct = (num: number, den: number) => (den > 0 ? (100 * num) / den : null);

function fromRollups(r: RollupTotals, value: number | null, missing: string, measure: ComputedValue['measure'] = null, basisArea = r.areaHa): ComputedValue {
  return { value, measure, basis: { seasons: r.seasonCount, areaHa: basisArea, records: r.seasonCount }, missing: value === null ? missing : null };
}

export function computeIndicator(name: ComputationName, inputs: ComputationInputs, ctx: ComputationContext): ComputedValue {
  const r = inputs.rollups;
  const p = inputs.plots;
  const noSeasons = 'No season of this crop is recorded in the scope for the year';
  switch (name) {
    case 'cultivated_area_ha':
      return { value: p.cropPlotCount > 0 ? p.cropPlotAreaHa : null, measure: null, basis: { seasons: 0, areaHa: p.cropPlotAreaHa, records: p.cropPlotCount }, missing: p.cropPlotCount > 0 ? null : noSeasons };
    case 'low_emission_cultivated_area_ha':
      return { value: p.cropPlotCount > 0 ? p.lowEmissionPlotAreaHa : null, measure: null, basis: { seasons: 0, areaHa: p.cropPlotAreaHa, records: p.cropPlotCount }, missing: p.cropPlotCount > 0 ? null : noSeasons };
    case 'season_area_ha':
      return fromRollups(r, r.seasonCount > 0 ? r.areaHa : null, noSeasons);
    case 'low_emission_share_pct':
      return fromRollups(r, pct(r.lowEmissionAreaHa, r.areaHa), noSeasons);
    case 'sustainable_share_pct':
      return fromRollups(r, pct(r.sustainableAreaHa, r.areaHa), noSeasons);
    case 'coded_area_share_pct':
      return fromRollups(r, pct(r.codedAreaHa, r.areaHa), noSeasons);
    case 'awd_share_pct':
      return fromRollups(r, pct(r.awdAreaHa, r.areaHa), noSeasons);
    case 'seed_rate_kg_per_ha':
      return fromRollups(r, ratio(r.seedKg, r.seedAreaHa), 'No sowing record with a seed rate in the scope for the year', null, r.seedAreaHa);
    case 'chemical_n_kg_per_ha':
      return fromRollups(r, ratio(r.nSyntheticKg, r.areaHa), noSeasons);
    case 'chemical_n_reduction_pct': {
      const mean = ratio(r.nSyntheticKg, r.areaHa);
      const measure = mean === null ? null : { value: mean, unit: 'kg N/ha' };
      if (mean === null) return fromRollups(r, null, noSeasons);
      if (!ctx.baselineValue) return fromRollups(r, null, 'The reduction needs the traditional-practice chemical N rate (kg N/ha) as the indicator baseline', measure);
      return fromRollups(r, (100 * (ctx.baselineValue - mean)) / ctx.baselineValue, '', measure);
    }
    case 'pesticide_reduction_pct': {
      const perSeason = r.seasonCount > 0 ? r.pesticideApplications / r.seasonCount : null;
      const measure = perSeason === null ? null : { value: perSeason, unit: 'applications/season' };
      if (perSeason === null) return fromRollups(r, null, noSeasons);
      if (!ctx.baselineValue) return fromRollups(r, null, 'The reduction needs the traditional-practice number of chemical sprays per season as the indicator baseline', measure);
      return fromRollups(r, (100 * (ctx.baselineValue - perSeason)) / ctx.baselineValue, '', measure);
    }
    case 'straw_collected_pct':
      return fromRollups(r, pct(r.strawRemovedT, r.strawDmT), 'No straw record with its dry matter in the scope for the year', r.strawDmT > 0 ? { value: r.strawDmT, unit: 't DM' } : null);
    case 'post_harvest_loss_pct':
      return fromRollups(r, ratio(r.lossPctArea, r.lossAreaHa), 'No post-harvest loss record in the scope for the year', null, r.lossAreaHa);
    case 'mechanisation_pct':
      return fromRollups(r, pct(r.mechAreaHa, r.areaHa), noSeasons);
    case 'ghg_reduction_pct':
      return fromRollups(r, pct(r.baselineCo2eT - r.projectCo2eT, r.baselineCo2eT), 'No season with computed emissions in the scope for the year', r.emSeasonCount > 0 ? { value: r.projectCo2eT, unit: 't CO2e' } : null, r.emAreaHa);
    case 'ghg_total_t':
      return fromRollups(r, r.emSeasonCount > 0 ? r.projectCo2eT : null, 'No season with computed emissions in the scope for the year', null, r.emAreaHa);
    case 'ghg_reduction_vs_base_year_pct': {
      if (r.emSeasonCount === 0) return fromRollups(r, null, 'No season with computed emissions in the scope for the year', null, r.emAreaHa);
      const measure = { value: r.projectCo2eT, unit: 't CO2e' };
      if (!ctx.baselineValue) return fromRollups(r, null, 'The reduction needs the base-year total emissions (t CO2e) as the indicator baseline', measure, r.emAreaHa);
      return fromRollups(r, (100 * (ctx.baselineValue - r.projectCo2eT)) / ctx.baselineValue, '', measure, r.emAreaHa);
    }
    case 'digital_diary_share_pct':
      return {
        value: pct(p.diarisedPlotAreaHa, p.registeredAreaHa),
        measure: { value: p.diarisedPlotCount, unit: 'plots' },
        basis: { seasons: 0, areaHa: p.registeredAreaHa, records: p.registeredPlotCount },
        missing: p.registeredAreaHa > 0 ? null : 'No plot is registered in the scope',
      };
    case 'crop_yield_ta_per_ha': {
      // 1 tạ = 100 kg (vn-standards.md §7): yield in tạ/ha is kg/ha ÷ 100.
      const kgPerHa = ratio(r.productionKg, r.yieldAreaHa);
      return fromRollups(r, kgPerHa === null ? null : kgPerHa / 100, 'No harvest record with a yield in the scope for the year', null, r.yieldAreaHa);
    }
    case 'crop_output_t':
      return fromRollups(r, r.yieldAreaHa > 0 ? r.productionKg / 1000 : null, 'No harvest record with a yield in the scope for the year', null, r.yieldAreaHa);
    case 'consolidated_area_ha': {
      const c = inputs.consolidation;
      // The stock consolidated before records were kept is the indicator's baseline (entered with its source).
      const value = c.cumulativeHa + (ctx.baselineValue ?? 0);
      return { value: c.records > 0 || ctx.baselineValue ? value : null, measure: { value: c.cumulativeHa, unit: 'ha recorded' }, basis: { seasons: 0, areaHa: c.cumulativeHa, records: c.records }, missing: c.records > 0 || ctx.baselineValue ? null : 'No land consolidation record in the scope up to the end of the year' };
    }
    case 'consolidated_added_ha': {
      const c = inputs.consolidation;
      return { value: c.records > 0 ? c.addedHa : null, measure: null, basis: { seasons: 0, areaHa: c.addedHa, records: c.records }, missing: c.records > 0 ? null : 'No land consolidation record in the scope up to the end of the year' };
    }
    case 'training_coverage_pct': {
      const wanted = ctx.params.roles && ctx.params.roles.length ? new Set(ctx.params.roles) : null;
      const rows = inputs.training.byRole.filter((row) => (wanted ? wanted.has(row.role) : row.population !== null));
      const withPopulation = rows.filter((row) => row.population !== null && row.population > 0);
      const attendees = withPopulation.reduce((s, row) => s + Math.min(row.attendees, row.population!), 0);
      const population = withPopulation.reduce((s, row) => s + row.population!, 0);
      return {
        value: pct(attendees, population),
        measure: { value: rows.reduce((s, row) => s + row.attendees, 0), unit: 'attendances' },
        basis: { seasons: 0, areaHa: 0, records: inputs.training.events },
        missing: population > 0 ? null : 'No training population is set for the plan (how many people of each role are to be trained)',
      };
    }
  }
}
