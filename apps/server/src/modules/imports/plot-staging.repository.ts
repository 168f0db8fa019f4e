/**
 * The set-wise SQL of a plot import. The staged rows sit in temporary tables of the import's own
 * session (import-session.ts); every check is one statement over all rows — joins to admin_units,
 * households, organisations and plots, a grouping for duplicate codes, exact PostGIS tests on the
 * candidate pairs found in memory (overlap-candidates.ts) — so a file of 100 000 plots costs a
 * handful of statements, not 100 000 round trips.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { lockPlotWrites } from '../registry/plots.repository.ts';
import { writableBy, type ImportDefaults, type SqlRefusal } from './import-scope.ts';
import { insertByUnnest, type StagingColumn } from './import-session.ts';
import type { Box } from './overlap-candidates.ts';

export const PLOT_STAGING = 'import_plot_rows';
export const PLOT_STAGING_COLUMNS: StagingColumn[] = [
  { name: 'row_no', type: 'integer' },
  { name: 'code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'land_use', type: 'text' },
  { name: 'commune_code', type: 'text' },
  { name: 'household_phone', type: 'text' },
  { name: 'household_id', type: 'uuid' },
  { name: 'geom', type: 'geometry' },
];

/**
 * Temporary tables are never WAL-logged and vanish with the session, whatever happens to the job.
 * Validity and area are generated columns: PostGIS computes them while the rows stream in, on the
 * database's own CPU, at the same time as the next batch is being read (measured: 0.3 s per 100 000
 * plots moved out of the checks). ST_Area of an invalid polygon means nothing, but is harmless: such
 * rows are refused.
 */
export async function createPlotStaging(db: Kysely<DB>) {
  await sql`drop table if exists import_plot_rows`.execute(db);
  await sql`
    create temporary table import_plot_rows (
      row_no integer not null, code text not null, name text not null, land_use text not null,
      commune_code text, household_phone text, household_id uuid, geom geometry not null,
      valid boolean generated always as (ST_IsValid(geom)) stored,
      area_m2 float8 generated always as (ST_Area(geom::geography)) stored
    )`.execute(db);
}

/** After the load: an index built once is cheaper than one maintained row by row; no statistics on geometry. */
export async function indexPlotStaging(db: Executor) {
  await sql`create index import_plot_rows_row_idx on import_plot_rows (row_no)`.execute(db);
  await sql`analyze import_plot_rows (row_no, code, commune_code, household_phone, household_id, valid)`.execute(db);
}

export async function dropPlotStaging(db: Kysely<DB>) {
  await sql`drop table if exists import_plot_rows`.execute(db);
}

/**
 * Each staged plot with what it resolves to: household (by id, or by phone among the households the
 * actor sees), organisation, commune and province, with PostGIS validity and area on the WGS 84
 * spheroid (square metres) from staging. No geometry is copied: later statements join back by row.
 */
export async function resolvePlots(tx: Executor, actor: Actor, defaults: ImportDefaults) {
  await sql`
    create temporary table import_plot_resolved on commit drop as
    with phone_matches as (
      select h.phone, min(h.id::text)::uuid as id, count(*)::int as matches
      from households h
      where h.phone in (select household_phone from import_plot_rows where household_phone is not null)
        and ${visibleTo(actor, 'h', 'id')}
      group by h.phone
    ),
    with_household as (
      select s.row_no, s.household_id as asked_household_id, s.household_phone, pm.matches as phone_matches,
             s.commune_code as asked_commune_code,
             case when s.household_id is not null then hi.id when pm.matches = 1 then pm.id end as household_id,
             s.valid, s.area_m2
      from import_plot_rows s
      left join households hi on hi.id = s.household_id and ${visibleTo(actor, 'hi', 'id')}
      left join phone_matches pm on s.household_id is null and pm.phone = s.household_phone
    )
    select w.*,
           coalesce(${defaults.organisationId}::uuid, h.organisation_id) as organisation_id,
           coalesce(w.asked_commune_code, h.commune_code, ${defaults.organisationCommuneCode}::text) as wanted_commune_code,
           au.code as commune_code, au.parent_code as province_code
    from with_household w
    left join households h on h.id = w.household_id
    left join admin_units au on au.code = coalesce(w.asked_commune_code, h.commune_code, ${defaults.organisationCommuneCode}::text) and au.level = 'commune'`.execute(tx);
  await sql`create index on import_plot_resolved (row_no)`.execute(tx);
  await sql`analyze import_plot_resolved`.execute(tx);
}

/**
 * The registry's plot-write lock (the one single plot registrations take) of every province the file
 * touches, in code order so two imports cannot deadlock: no plot can slip in between the overlap and
 * code checks and the insert.
 */
export async function lockProvincesOfStagedPlots(tx: Executor) {
  const provinces = await sql<{ provinceCode: string }>`select distinct province_code from import_plot_resolved where province_code is not null order by 1`.execute(tx);
  for (const { provinceCode } of provinces.rows) await lockPlotWrites(tx, provinceCode);
}

/** Existing plots whose box meets one of the tiles, with their boxes (GiST index scans, one per tile). */
export async function existingPlotBoxes(tx: Executor, tiles: Box[]) {
  if (tiles.length === 0) return [];
  const result = await sql<{ id: string } & Box>`
    select distinct p.id, ST_XMin(p.boundary) as min_x, ST_YMin(p.boundary) as min_y, ST_XMax(p.boundary) as max_x, ST_YMax(p.boundary) as max_y
    from unnest(${tiles.map((t) => t.minX)}::float8[], ${tiles.map((t) => t.minY)}::float8[], ${tiles.map((t) => t.maxX)}::float8[], ${tiles.map((t) => t.maxY)}::float8[]) as t(x0, y0, x1, y1)
    join plots p on p.boundary && ST_MakeEnvelope(t.x0, t.y0, t.x1, t.y1, 4326)`.execute(tx);
  return result.rows;
}

/** The candidate pairs found in memory, for the exact checks: rows of the file, and row × existing plot. */
export async function stageOverlapCandidates(tx: Executor, inFile: readonly [number, number][], withPlots: readonly [number, string][]) {
  await sql`create temporary table import_plot_pairs (a_row integer not null, b_row integer not null) on commit drop`.execute(tx);
  await sql`create temporary table import_plot_neighbours (row_no integer not null, plot_id uuid not null) on commit drop`.execute(tx);
  await insertByUnnest(tx, 'import_plot_pairs', [{ name: 'a_row', type: 'integer' }, { name: 'b_row', type: 'integer' }], inFile);
  await insertByUnnest(tx, 'import_plot_neighbours', [{ name: 'row_no', type: 'integer' }, { name: 'plot_id', type: 'uuid' }], withPlots);
}

/**
 * Every reason any staged plot cannot be imported, in one statement. The exact overlap tests run
 * only on candidate pairs, and only when both polygons are valid (GEOS cannot intersect invalid
 * ones): the CASE evaluates them after the validity guard. ST_Relate 'T********' asks whether the
 * interiors meet (a shared bund does not count); more than 1 m² shared on the spheroid is refused.
 */
export async function plotRefusals(tx: Executor, actor: Actor): Promise<SqlRefusal[]> {
  const result = await sql<SqlRefusal>`
    with overlaps_in_file as (
      select x.a_row, x.b_row, a.code as a_code,
             case when ra.valid and rb.valid and ST_Relate(a.geom, b.geom, 'T********')
                  then ST_Area(ST_Intersection(a.geom, b.geom)::geography) end as m2
      from import_plot_pairs x
      join import_plot_rows a on a.row_no = x.a_row join import_plot_resolved ra on ra.row_no = x.a_row
      join import_plot_rows b on b.row_no = x.b_row join import_plot_resolved rb on rb.row_no = x.b_row
    ),
    overlaps_with_plots as (
      select x.row_no, p.code, ${visibleTo(actor, 'p')} as visible,
             case when r.valid and ST_Relate(p.boundary, s.geom, 'T********')
                  then ST_Area(ST_Intersection(p.boundary, s.geom)::geography) end as m2
      from import_plot_neighbours x
      join plots p on p.id = x.plot_id
      join import_plot_rows s on s.row_no = x.row_no join import_plot_resolved r on r.row_no = x.row_no
    ),
    repeated_codes as (
      select coalesce(r.province_code, '') as province_code, s.code, min(s.row_no) as first_row
      from import_plot_rows s join import_plot_resolved r using (row_no)
      group by 1, 2 having count(*) > 1
    )
    select r.row_no, 'geometry' as field, 'invalid_geometry' as reason, ST_IsValidReason(s.geom) as text,
           null::int as other_row, null::text as other_code, null::float8 as amount
      from import_plot_resolved r join import_plot_rows s using (row_no) where not r.valid
    union all
    select row_no, 'geometry', 'too_small', null, null, null, area_m2
      from import_plot_resolved where valid and area_m2 < 1
    union all
    select row_no, 'household_id', 'household_not_found', asked_household_id::text, null, null, null
      from import_plot_resolved where asked_household_id is not null and household_id is null
    union all
    select row_no, 'household_phone', case when phone_matches > 1 then 'household_ambiguous' else 'household_not_found' end, household_phone, null, null, phone_matches
      from import_plot_resolved where household_phone is not null and household_id is null
    union all
    select row_no, 'commune_code', 'commune_required', null, null, null, null
      from import_plot_resolved where wanted_commune_code is null
    union all
    select row_no, 'commune_code', 'unknown_commune', wanted_commune_code, null, null, null
      from import_plot_resolved where wanted_commune_code is not null and commune_code is null
    union all
    select row_no, case when asked_commune_code is not null then 'commune_code' else 'organisation_id' end, 'outside_scope', commune_code, null, null, null
      from import_plot_resolved r where commune_code is not null and not ${writableBy(actor, 'r')}
    union all
    select s.row_no, 'code', 'duplicate_in_file', s.code, d.first_row, null, null
      from repeated_codes d
      join import_plot_rows s on s.code = d.code and s.row_no <> d.first_row
      join import_plot_resolved r on r.row_no = s.row_no and coalesce(r.province_code, '') = d.province_code
    union all
    select s.row_no, 'code', 'code_exists', s.code, null, null, null
      from import_plot_rows s join import_plot_resolved r using (row_no) join plots p on p.province_code = r.province_code and p.code = s.code
    union all
    select b_row, 'geometry', 'overlaps_row', null, a_row, a_code, m2 from overlaps_in_file where m2 > 1
    union all
    select row_no, 'geometry', 'overlaps_plot', null, null, case when visible then code end, m2 from overlaps_with_plots where m2 > 1
    order by 1, 2, 3, 5`.execute(tx);
  return result.rows;
}

/** The write: area from PostGIS on the spheroid (ST_Area(geography) in resolvePlots), never from the file. */
export async function insertStagedPlots(tx: Executor, actor: Actor): Promise<number> {
  const inserted = await sql`
    insert into plots (code, name, household_id, organisation_id, province_code, commune_code, land_use, boundary, area_ha, created_by)
    select s.code, s.name, r.household_id, r.organisation_id, r.province_code, r.commune_code, s.land_use, s.geom,
           r.area_m2 / 10000, ${actor.userId}::uuid
    from import_plot_rows s join import_plot_resolved r using (row_no)
    order by s.row_no`.execute(tx);
  return Number(inserted.numAffectedRows ?? 0);
}
