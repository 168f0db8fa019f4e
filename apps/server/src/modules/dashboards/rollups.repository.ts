/**
 * The dashboard rollups' SQL: claiming queued seasons and communes, loading what a season summary
 * needs, writing summaries, and rebuilding the aggregates of the commune-years that changed.
 * Unscoped on purpose: the refresh is a system task; every read of the results goes through the
 * scoped queries of dashboards.queries.ts.
 */
import { createHash } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { ActivityType } from '@dongxanh/contracts';
import type { Executor } from '../../db/database.ts';
import type { SeasonSummariesTable, StoredFactorUse } from '../../db/schema.ts';

export interface SeasonRef {
  id: string;
  provinceCode: string;
}

/** Takes up to `limit` queued seasons off the queue (oldest first); a concurrent refresher skips them. */
export async function claimQueuedSeasons(tx: Executor, provinceCode: string | null, limit: number): Promise<SeasonRef[]> {
  const { rows } = await sql<{ seasonId: string; provinceCode: string }>`
    delete from season_summary_queue q
    using (
      select season_id, province_code from season_summary_queue
      where ${provinceCode === null ? sql`true` : sql`province_code = ${provinceCode}`}
      order by queued_at, season_id
      limit ${limit}
      for update skip locked
    ) picked
    where q.season_id = picked.season_id and q.province_code = picked.province_code
    returning q.season_id, q.province_code`.execute(tx);
  return rows.map((r) => ({ id: r.seasonId, provinceCode: r.provinceCode }));
}

export async function pendingSeasonCount(db: Executor, provinceCode: string | null): Promise<number> {
  let q = db.selectFrom('seasonSummaryQueue').select(sql<number>`count(*)`.as('n'));
  if (provinceCode) q = q.where('provinceCode', '=', provinceCode);
  return (await q.executeTakeFirstOrThrow()).n;
}

export async function pendingPlotCommuneCount(db: Executor, provinceCode: string | null): Promise<number> {
  let q = db.selectFrom('plotRollupQueue').select(sql<number>`count(*)`.as('n'));
  if (provinceCode) q = q.where('provinceCode', '=', provinceCode);
  return (await q.executeTakeFirstOrThrow()).n;
}

export interface LoadedSeason {
  id: string;
  provinceCode: string;
  communeCode: string;
  plotId: string;
  organisationId: string | null;
  householdId: string | null;
  cropCode: string;
  cropKind: string;
  seasonName: string;
  year: number;
  areaHa: number;
  status: string;
  standard: string | null;
  actualStartOn: string | null;
  actualEndOn: string | null;
  plannedStartOn: string;
  plannedEndOn: string | null;
  previousHarvestOn: string | null;
}

const seasonColumns = [
  's.id', 's.provinceCode', 's.communeCode', 's.plotId', 's.organisationId', 's.householdId', 's.cropCode', 'c.kind as cropKind', 's.seasonName', 's.year',
  's.areaHa', 's.status', 's.standard', 's.actualStartOn', 's.actualEndOn', 's.plannedStartOn', 's.plannedEndOn', 's.previousHarvestOn',
] as const;

export async function seasonsByRefs(tx: Executor, refs: readonly SeasonRef[]): Promise<LoadedSeason[]> {
  if (!refs.length) return [];
  return tx
    .selectFrom('seasons as s')
    .innerJoin('crops as c', 'c.code', 's.cropCode')
    .select(seasonColumns)
    .where('s.id', 'in', refs.map((r) => r.id))
    .where('s.provinceCode', 'in', [...new Set(refs.map((r) => r.provinceCode))])
    .execute() as Promise<LoadedSeason[]>;
}

/** Every season of these plots, for the previous-season lookups and the seasons after a changed one. */
export async function seasonsOfPlots(tx: Executor, plots: ReadonlyArray<{ plotId: string; provinceCode: string }>): Promise<LoadedSeason[]> {
  if (!plots.length) return [];
  return tx
    .selectFrom('seasons as s')
    .innerJoin('crops as c', 'c.code', 's.cropCode')
    .select(seasonColumns)
    .where('s.plotId', 'in', [...new Set(plots.map((p) => p.plotId))])
    .where('s.provinceCode', 'in', [...new Set(plots.map((p) => p.provinceCode))])
    .execute() as Promise<LoadedSeason[]>;
}

export interface LoadedActivity {
  id: string;
  seasonId: string;
  type: ActivityType;
  occurredOn: string;
  details: Record<string, unknown>;
}

export async function liveActivities(tx: Executor, seasons: readonly SeasonRef[], types?: readonly ActivityType[]): Promise<LoadedActivity[]> {
  if (!seasons.length) return [];
  let q = tx
    .selectFrom('activities as a')
    .select(['a.id', 'a.seasonId', 'a.type', 'a.occurredOn', 'a.details'])
    .where('a.seasonId', 'in', seasons.map((s) => s.id))
    .where('a.provinceCode', 'in', [...new Set(seasons.map((s) => s.provinceCode))])
    .where('a.deletedAt', 'is', null);
  if (types) q = q.where('a.type', 'in', [...types]);
  return q.orderBy('a.occurredOn').orderBy('a.recordedAt').orderBy('a.id').execute() as Promise<LoadedActivity[]>;
}

/** Plots in an approved growing area holding a domestic code in force (Cần Thơ plan I.2: "được cấp mã số vùng trồng"). */
export async function codedPlots(tx: Executor, plotIds: readonly string[]): Promise<Set<string>> {
  if (!plotIds.length) return new Set();
  const rows = await tx
    .selectFrom('growingAreaPlots as gap')
    .innerJoin('growingAreas as ga', 'ga.id', 'gap.growingAreaId')
    .select('gap.plotId')
    .where('gap.plotId', 'in', [...plotIds])
    .where('ga.status', '=', 'approved')
    .where((eb) => eb.exists(eb.selectFrom('growingAreaCodes as gc').select('gc.id').whereRef('gc.growingAreaId', '=', 'ga.id').where('gc.status', '=', 'active')))
    .execute();
  return new Set(rows.map((r) => r.plotId));
}

/** Stores a set of factors once; the key is the hash of its ids and values. */
export async function factorSetKey(tx: Executor, methodVersion: string, factorTableVersion: string, factors: readonly StoredFactorUse[], known: Set<string>): Promise<string> {
  const canonical = [...factors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((f) => ({ id: f.id, value: f.value, source: f.source }));
  const key = createHash('sha256').update(`${methodVersion}|${factorTableVersion}|${JSON.stringify(canonical)}`).digest('hex').slice(0, 32);
  if (!known.has(key)) {
    await tx.insertInto('emissionFactorSets').values({ key, methodVersion, factorTableVersion, factors: JSON.stringify(canonical) }).onConflict((oc) => oc.column('key').doNothing()).execute();
    known.add(key);
  }
  return key;
}

export type SummaryRow = Insertable<SeasonSummariesTable>;

/** Commune-years a set of seasons belongs to (before and after a change). */
export async function communeYearsOfSummaries(tx: Executor, refs: readonly SeasonRef[]) {
  if (!refs.length) return [];
  return tx
    .selectFrom('seasonSummaries')
    .select(['provinceCode', 'communeCode', 'year'])
    .distinct()
    .where('seasonId', 'in', refs.map((r) => r.id))
    .where('provinceCode', 'in', [...new Set(refs.map((r) => r.provinceCode))])
    .execute();
}

export async function deleteSummaries(tx: Executor, refs: readonly SeasonRef[]) {
  if (!refs.length) return;
  await tx
    .deleteFrom('seasonSummaries')
    .where('seasonId', 'in', refs.map((r) => r.id))
    .where('provinceCode', 'in', [...new Set(refs.map((r) => r.provinceCode))])
    .execute();
}

export async function insertSummaries(tx: Executor, rows: readonly SummaryRow[]) {
  // ~50 columns a row: 500 rows stay far below PostgreSQL's 65 535 bind parameters.
  for (let i = 0; i < rows.length; i += 500) await tx.insertInto('seasonSummaries').values(rows.slice(i, i + 500)).execute();
}

export interface CommuneYear {
  provinceCode: string;
  communeCode: string;
  year: number;
}

const unnestCommuneYears = (keys: readonly CommuneYear[]) =>
  sql`(select unnest(${keys.map((k) => k.provinceCode)}::text[]) as province_code, unnest(${keys.map((k) => k.communeCode)}::text[]) as commune_code, unnest(${keys.map((k) => k.year)}::int[]) as year)`;

/**
 * Recomputes the rollup rows and the distinct-plot rows of these commune-years from their season
 * summaries. One commune-year is at most a few thousand summaries, so this stays in milliseconds.
 */
export async function rebuildRollups(tx: Executor, keys: readonly CommuneYear[], now: Date) {
  if (!keys.length) return;
  const g = unnestCommuneYears(keys);
  await sql`delete from dashboard_rollups r using ${g} g where r.province_code = g.province_code and r.commune_code = g.commune_code and r.year = g.year`.execute(tx);
  await sql`delete from dashboard_commune_crops r using ${g} g where r.province_code = g.province_code and r.commune_code = g.commune_code and r.year = g.year`.execute(tx);
  await sql`
    insert into dashboard_rollups (
      province_code, commune_code, crop_code, crop_kind, season_name, year, water_regime, straw_practice,
      season_count, area_ha, diary_season_count, diary_area_ha, low_emission_area_ha, sustainable_area_ha, coded_area_ha, awd_area_ha,
      seed_area_ha, seed_kg, n_synthetic_kg, n_organic_kg, urea_kg, limestone_kg, dolomite_kg, pesticide_applications,
      straw_dm_t, straw_removed_t, straw_burnt_t, straw_incorporated_t, yield_area_ha, production_kg, loss_area_ha, loss_pct_area, mech_area_ha,
      em_season_count, em_area_ha, em_ha_days, em_nitrogen_synthetic_kg, em_nitrogen_organic_kg, em_urea_kg, em_limestone_kg, em_dolomite_kg, em_burnt_dm_t,
      project_co2e_t, baseline_co2e_t, ch4_rice_kg, ch4_burning_kg, n2o_direct_kg, n2o_indirect_kg, n2o_burning_kg, co2_urea_kg, co2_lime_kg,
      factor_set_keys, refreshed_at)
    select s.province_code, s.commune_code, s.crop_code, min(s.crop_kind), s.season_name, s.year, coalesce(s.water_regime, ''), s.straw_practice,
      count(*), sum(s.area_ha),
      count(*) filter (where s.activity_count > 0), coalesce(sum(s.area_ha) filter (where s.activity_count > 0), 0),
      coalesce(sum(s.area_ha) filter (where s.low_emission), 0), coalesce(sum(s.area_ha) filter (where s.sustainable), 0),
      coalesce(sum(s.area_ha) filter (where s.coded_area), 0), coalesce(sum(s.area_ha) filter (where s.awd), 0),
      coalesce(sum(s.area_ha) filter (where s.seed_rate_kg_per_ha is not null), 0), coalesce(sum(s.seed_rate_kg_per_ha * s.area_ha), 0),
      sum(s.n_synthetic_kg_per_ha * s.area_ha), sum(s.n_organic_kg_per_ha * s.area_ha), sum(s.urea_kg_per_ha * s.area_ha),
      sum(s.limestone_kg_per_ha * s.area_ha), sum(s.dolomite_kg_per_ha * s.area_ha), sum(s.pesticide_applications),
      sum(s.straw_dm_per_ha_t * s.area_ha), sum(s.straw_removed_per_ha_t * s.area_ha), sum(s.straw_burnt_per_ha_t * s.area_ha), sum(s.straw_incorporated_per_ha_t * s.area_ha),
      coalesce(sum(s.area_ha) filter (where s.yield_kg_per_ha is not null), 0), coalesce(sum(s.yield_kg_per_ha * s.area_ha), 0),
      coalesce(sum(s.area_ha) filter (where s.post_harvest_loss_pct is not null), 0), coalesce(sum(s.post_harvest_loss_pct * s.area_ha), 0),
      coalesce(sum(s.area_ha) filter (where s.mechanised_synchronous), 0),
      count(*) filter (where s.project_co2e_t is not null),
      coalesce(sum(s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.area_ha * s.cultivation_days) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.n_synthetic_kg_per_ha * s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.n_organic_kg_per_ha * s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.urea_kg_per_ha * s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.limestone_kg_per_ha * s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.dolomite_kg_per_ha * s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.straw_burnt_per_ha_t * s.area_ha) filter (where s.project_co2e_t is not null), 0),
      coalesce(sum(s.project_co2e_t), 0), coalesce(sum(s.baseline_co2e_t), 0),
      coalesce(sum(s.ch4_rice_kg), 0), coalesce(sum(s.ch4_burning_kg), 0), coalesce(sum(s.n2o_direct_kg), 0), coalesce(sum(s.n2o_indirect_kg), 0),
      coalesce(sum(s.n2o_burning_kg), 0), coalesce(sum(s.co2_urea_kg), 0), coalesce(sum(s.co2_lime_kg), 0),
      coalesce(array_agg(distinct s.factor_set_key) filter (where s.factor_set_key is not null), '{}'),
      ${now}
    from season_summaries s
    join ${g} g on s.province_code = g.province_code and s.commune_code = g.commune_code and s.year = g.year
    group by s.province_code, s.commune_code, s.crop_code, s.season_name, s.year, coalesce(s.water_regime, ''), s.straw_practice`.execute(tx);
  await sql`
    insert into dashboard_commune_crops (province_code, commune_code, year, crop_code, plot_count, plot_area_ha, diarised_plot_count, diarised_plot_area_ha, low_emission_plot_area_ha, refreshed_at)
    select province_code, commune_code, year, key, count(*), sum(area), count(*) filter (where diarised), coalesce(sum(area) filter (where diarised), 0),
      coalesce(sum(area) filter (where low_emission), 0), ${now}
    from (
      select s.province_code, s.commune_code, s.year, k.key, s.plot_id, max(s.area_ha) as area, bool_or(s.activity_count > 0) as diarised, bool_or(s.low_emission) as low_emission
      from season_summaries s
      join ${g} g on s.province_code = g.province_code and s.commune_code = g.commune_code and s.year = g.year
      cross join lateral (values (s.crop_code), ('kind:' || s.crop_kind), ('*')) as k(key)
      group by s.province_code, s.commune_code, s.year, k.key, s.plot_id
    ) per_plot
    group by province_code, commune_code, year, key`.execute(tx);
}

/** Takes queued communes off the plot queue and recomputes their plot counts, areas and extents. */
export async function refreshPlotRollups(tx: Executor, provinceCode: string | null, limit: number, now: Date): Promise<number> {
  const { rows } = await sql<{ provinceCode: string; communeCode: string }>`
    delete from plot_rollup_queue q
    using (
      select province_code, commune_code from plot_rollup_queue
      where ${provinceCode === null ? sql`true` : sql`province_code = ${provinceCode}`}
      order by queued_at limit ${limit} for update skip locked
    ) picked
    where q.province_code = picked.province_code and q.commune_code = picked.commune_code
    returning q.province_code, q.commune_code`.execute(tx);
  if (!rows.length) return 0;
  const provinces = rows.map((r) => r.provinceCode);
  const communes = rows.map((r) => r.communeCode);
  const g = sql`(select unnest(${provinces}::text[]) as province_code, unnest(${communes}::text[]) as commune_code)`;
  await sql`delete from plot_rollups r using ${g} g where r.province_code = g.province_code and r.commune_code = g.commune_code`.execute(tx);
  await sql`
    insert into plot_rollups (province_code, commune_code, plot_count, area_ha, min_lon, min_lat, max_lon, max_lat, centroid_lon, centroid_lat, refreshed_at)
    select p.province_code, p.commune_code, count(*), sum(p.area_ha),
      min(ST_XMin(p.boundary)), min(ST_YMin(p.boundary)), max(ST_XMax(p.boundary)), max(ST_YMax(p.boundary)),
      avg(ST_X(ST_PointOnSurface(p.boundary))), avg(ST_Y(ST_PointOnSurface(p.boundary))), ${now}
    from plots p join ${g} g on p.province_code = g.province_code and p.commune_code = g.commune_code
    group by p.province_code, p.commune_code`.execute(tx);
  return rows.length;
}
