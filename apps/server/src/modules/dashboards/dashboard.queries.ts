/**
 * Reads of the rollups for one scope (a province, or one commune of it): sums for a year, by commune,
 * by year and season (the trend), by practice; distinct plots; season summaries behind a figure.
 * Every query reads the rollup tables (a few rows per commune), never the seasons or activities.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { emptyRollupTotals, type PlotTotals, type RollupTotals } from '../plans/indicator-computations.ts';
import type { UnitScope } from './dashboard-scope.ts';

export interface RollupFilter {
  /** Crop codes (any of them). */
  crops?: readonly string[] | undefined;
  cropKind?: string | undefined;
  seasonName?: string | undefined;
}

/** An indicator's computation params ({ crop: 'a,b' } or { cropKind }) as a rollup filter. */
export function filterOfParams(params: Record<string, unknown>): RollupFilter {
  const crop = typeof params.crop === 'string' && params.crop ? params.crop.split(',').map((c) => c.trim()).filter(Boolean) : undefined;
  const cropKind = typeof params.cropKind === 'string' && params.cropKind ? params.cropKind : undefined;
  return { ...(crop ? { crops: crop } : {}), ...(cropKind ? { cropKind } : {}) };
}

const SUMS: Record<keyof RollupTotals, string> = {
  seasonCount: 'season_count', areaHa: 'area_ha', diarySeasonCount: 'diary_season_count', diaryAreaHa: 'diary_area_ha', lowEmissionAreaHa: 'low_emission_area_ha',
  sustainableAreaHa: 'sustainable_area_ha', codedAreaHa: 'coded_area_ha', awdAreaHa: 'awd_area_ha', seedAreaHa: 'seed_area_ha', seedKg: 'seed_kg',
  nSyntheticKg: 'n_synthetic_kg', nOrganicKg: 'n_organic_kg', ureaKg: 'urea_kg', pesticideApplications: 'pesticide_applications', strawDmT: 'straw_dm_t',
  strawRemovedT: 'straw_removed_t', strawBurntT: 'straw_burnt_t', strawIncorporatedT: 'straw_incorporated_t', yieldAreaHa: 'yield_area_ha',
  productionKg: 'production_kg', lossAreaHa: 'loss_area_ha', lossPctArea: 'loss_pct_area', mechAreaHa: 'mech_area_ha', emSeasonCount: 'em_season_count',
  emAreaHa: 'em_area_ha', projectCo2eT: 'project_co2e_t', baselineCo2eT: 'baseline_co2e_t',
};

/** Inventory sums (3.C categories) on top of the indicator sums. */
const INVENTORY_SUMS = {
  emHaDays: 'em_ha_days', emNitrogenSyntheticKg: 'em_nitrogen_synthetic_kg', emNitrogenOrganicKg: 'em_nitrogen_organic_kg', emUreaKg: 'em_urea_kg', emLimestoneKg: 'em_limestone_kg',
  emDolomiteKg: 'em_dolomite_kg', emBurntDmT: 'em_burnt_dm_t', ch4RiceKg: 'ch4_rice_kg', ch4BurningKg: 'ch4_burning_kg', n2oDirectKg: 'n2o_direct_kg',
  n2oIndirectKg: 'n2o_indirect_kg', n2oBurningKg: 'n2o_burning_kg', co2UreaKg: 'co2_urea_kg', co2LimeKg: 'co2_lime_kg', limestoneKg: 'limestone_kg', dolomiteKg: 'dolomite_kg',
} as const;
export type InventoryTotals = RollupTotals & Record<keyof typeof INVENTORY_SUMS, number>;

const sumList = (columns: Record<string, string>) => Object.entries(columns).map(([alias, col]) => sql<number>`coalesce(sum(${sql.ref(`r.${col}`)}), 0)::float8`.as(alias));

type RollupQuery = SelectQueryBuilder<DB & { r: DB['dashboardRollups'] }, 'r', object>;

function scoped(db: Executor, scope: UnitScope, filter: RollupFilter): RollupQuery {
  let q = db.selectFrom('dashboardRollups as r').where('r.provinceCode', '=', scope.provinceCode) as unknown as RollupQuery;
  if (scope.communeCode) q = q.where('r.communeCode', '=', scope.communeCode);
  if (filter.crops?.length) q = q.where('r.cropCode', 'in', [...filter.crops]);
  if (filter.cropKind) q = q.where('r.cropKind', '=', filter.cropKind);
  if (filter.seasonName) q = q.where('r.seasonName', '=', filter.seasonName);
  return q;
}

function asTotals(row: Record<string, unknown> | undefined): RollupTotals {
  const t = emptyRollupTotals();
  if (!row) return t;
  for (const k of Object.keys(t) as Array<keyof RollupTotals>) t[k] = Number(row[k] ?? 0);
  return t;
}

export async function rollupTotals(db: Executor, scope: UnitScope, year: number, filter: RollupFilter): Promise<RollupTotals & { refreshedAt: Date | null }> {
  const row = await scoped(db, scope, filter).where('r.year', '=', year).select(sumList(SUMS)).select(sql<Date | null>`max(r.refreshed_at)`.as('refreshedAt')).executeTakeFirst() as Record<string, unknown> | undefined;
  return { ...asTotals(row), refreshedAt: (row?.refreshedAt as Date | null) ?? null };
}

export async function inventoryTotals(db: Executor, scope: UnitScope, year: number, filter: RollupFilter = {}): Promise<InventoryTotals> {
  const row = await scoped(db, scope, filter).where('r.year', '=', year).select(sumList({ ...SUMS, ...INVENTORY_SUMS })).executeTakeFirst() as Record<string, unknown> | undefined;
  const out = { ...asTotals(row) } as InventoryTotals;
  for (const k of Object.keys(INVENTORY_SUMS) as Array<keyof typeof INVENTORY_SUMS>) out[k] = Number(row?.[k] ?? 0);
  return out;
}

export async function rollupTotalsByCommune(db: Executor, scope: UnitScope, year: number, filter: RollupFilter) {
  const rows = await scoped(db, scope, filter).where('r.year', '=', year).select('r.communeCode').select(sumList(SUMS)).groupBy('r.communeCode').execute() as Array<Record<string, unknown>>;
  return rows.map((row) => ({ communeCode: String(row.communeCode), totals: asTotals(row) }));
}

export async function rollupTrend(db: Executor, scope: UnitScope, filter: RollupFilter) {
  const rows = await scoped(db, scope, filter).select(['r.year', 'r.seasonName']).select(sumList(SUMS)).groupBy(['r.year', 'r.seasonName']).orderBy('r.year').orderBy('r.seasonName').execute() as Array<Record<string, unknown>>;
  return rows.map((row) => ({ year: Number(row.year), seasonName: String(row.seasonName), totals: asTotals(row) }));
}

export async function rollupByPractice(db: Executor, scope: UnitScope, year: number, filter: RollupFilter) {
  return scoped(db, scope, filter)
    .where('r.year', '=', year)
    .select(['r.waterRegime', 'r.strawPractice'])
    .select(sql<number>`sum(r.season_count)::int`.as('seasonCount'))
    .select(sql<number>`sum(r.area_ha)::float8`.as('areaHa'))
    .select(sql<number>`sum(r.project_co2e_t)::float8`.as('projectCo2eT'))
    .groupBy(['r.waterRegime', 'r.strawPractice'])
    .orderBy('r.waterRegime')
    .orderBy('r.strawPractice')
    .execute();
}

/** Rows for the emission database and the inventory: every rollup dimension, summed over communes. */
export async function rollupRowsForReports(db: Executor, scope: UnitScope, year: number) {
  return scoped(db, scope, {})
    .where('r.year', '=', year)
    .select(['r.communeCode', 'r.cropCode', 'r.cropKind', 'r.seasonName', 'r.waterRegime', 'r.strawPractice', 'r.factorSetKeys'])
    .select(sumList({ ...SUMS, ...INVENTORY_SUMS }))
    .groupBy(['r.communeCode', 'r.cropCode', 'r.cropKind', 'r.seasonName', 'r.waterRegime', 'r.strawPractice', 'r.factorSetKeys'])
    .execute() as Promise<Array<Record<string, unknown> & { communeCode: string; cropCode: string; cropKind: string; seasonName: string; waterRegime: string; strawPractice: string; factorSetKeys: string[] }>>;
}

export async function yearsOnRecord(db: Executor, scope: UnitScope): Promise<number[]> {
  let q = db.selectFrom('dashboardCommuneCrops').select('year').distinct().where('provinceCode', '=', scope.provinceCode).where('cropCode', '=', '*');
  if (scope.communeCode) q = q.where('communeCode', '=', scope.communeCode);
  return (await q.orderBy('year').execute()).map((r) => r.year);
}

export async function cropsOnRecord(db: Executor, scope: UnitScope) {
  let q = db
    .selectFrom('dashboardRollups as r')
    .innerJoin('crops as c', 'c.code', 'r.cropCode')
    .select(['c.code', 'c.nameVi', 'c.nameEn'])
    .distinct()
    .where('r.provinceCode', '=', scope.provinceCode);
  if (scope.communeCode) q = q.where('r.communeCode', '=', scope.communeCode);
  return q.orderBy('c.code').execute();
}

/** The crop key of dashboard_commune_crops for a filter: '*', a crop code, or 'kind:<kind>'. */
function cropKeys(filter: RollupFilter): string[] {
  if (filter.crops?.length) return [...filter.crops];
  if (filter.cropKind) return [`kind:${filter.cropKind}`];
  return ['*'];
}

export async function registeredPlots(db: Executor, scope: UnitScope, byCommune = false) {
  let q = db.selectFrom('plotRollups').where('provinceCode', '=', scope.provinceCode);
  if (scope.communeCode) q = q.where('communeCode', '=', scope.communeCode);
  if (byCommune) {
    return q.select(['communeCode', 'plotCount', 'areaHa', 'minLon', 'minLat', 'maxLon', 'maxLat', 'centroidLon', 'centroidLat']).execute();
  }
  const row = await q.select(sql<number>`coalesce(sum(plot_count), 0)::int`.as('plotCount')).select(sql<number>`coalesce(sum(area_ha), 0)::float8`.as('areaHa')).executeTakeFirst();
  return [{ communeCode: scope.communeCode ?? '', plotCount: row?.plotCount ?? 0, areaHa: row?.areaHa ?? 0, minLon: null, minLat: null, maxLon: null, maxLat: null, centroidLon: null, centroidLat: null }];
}

/**
 * Distinct plots for a scope, year and crop filter. With several crop codes the plots are summed per
 * code, so a plot with two of them in one year counts twice (no seed indicator asks for that).
 */
export async function plotTotals(db: Executor, scope: UnitScope, year: number, filter: RollupFilter): Promise<PlotTotals> {
  let q = db
    .selectFrom('dashboardCommuneCrops')
    .select(sql<number>`coalesce(sum(plot_count), 0)::int`.as('plotCount'))
    .select(sql<number>`coalesce(sum(plot_area_ha), 0)::float8`.as('plotAreaHa'))
    .select(sql<number>`coalesce(sum(diarised_plot_count), 0)::int`.as('diarisedPlotCount'))
    .select(sql<number>`coalesce(sum(diarised_plot_area_ha), 0)::float8`.as('diarisedPlotAreaHa'))
    .select(sql<number>`coalesce(sum(low_emission_plot_area_ha), 0)::float8`.as('lowEmissionPlotAreaHa'))
    .where('provinceCode', '=', scope.provinceCode)
    .where('year', '=', year)
    .where('cropCode', 'in', cropKeys(filter));
  if (scope.communeCode) q = q.where('communeCode', '=', scope.communeCode);
  const [row, registered] = await Promise.all([q.executeTakeFirstOrThrow(), registeredPlots(db, scope)]);
  return {
    registeredPlotCount: registered[0]?.plotCount ?? 0,
    registeredAreaHa: registered[0]?.areaHa ?? 0,
    cropPlotCount: row.plotCount,
    cropPlotAreaHa: row.plotAreaHa,
    diarisedPlotCount: row.diarisedPlotCount,
    diarisedPlotAreaHa: row.diarisedPlotAreaHa,
    lowEmissionPlotAreaHa: row.lowEmissionPlotAreaHa,
  };
}

/** The season summaries behind a figure (drill-down), scoped like the figure, paginated. */
export async function summariesOfScope(db: Executor, scope: UnitScope, year: number, filter: RollupFilter, page: number, pageSize: number) {
  let base = db.selectFrom('seasonSummaries as s').innerJoin('plots as p', 'p.id', 's.plotId').where('s.provinceCode', '=', scope.provinceCode).where('s.year', '=', year);
  if (scope.communeCode) base = base.where('s.communeCode', '=', scope.communeCode);
  if (filter.crops?.length) base = base.where('s.cropCode', 'in', [...filter.crops]);
  if (filter.cropKind) base = base.where('s.cropKind', '=', filter.cropKind);
  if (filter.seasonName) base = base.where('s.seasonName', '=', filter.seasonName);
  const [rows, count] = await Promise.all([
    base.selectAll('s').select('p.code as plotCode').orderBy('s.communeCode').orderBy('p.code').orderBy('s.seasonId').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function rollupByCropSeason(db: Executor, scope: UnitScope, year: number) {
  const rows = await scoped(db, scope, {}).where('r.year', '=', year).select(['r.cropCode', 'r.seasonName']).select(sumList(SUMS)).groupBy(['r.cropCode', 'r.seasonName']).orderBy('r.cropCode').orderBy('r.seasonName').execute() as Array<Record<string, unknown>>;
  return rows.map((row) => ({ cropCode: String(row.cropCode), seasonName: String(row.seasonName), totals: asTotals(row) }));
}
