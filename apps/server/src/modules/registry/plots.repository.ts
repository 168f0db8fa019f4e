/**
 * Plots in the database. Every read is filtered by the caller's scope (auth/scope.ts) — except the
 * overlap check, which looks at all plots and only says whether the caller may see each one; PostGIS
 * computes areas on geography and finds overlaps; geometry crosses this boundary as GeoJSON.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { LandUse } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { OVERLAP_TOLERANCE_HA, type BoundaryOverlap } from './plot-overlaps.ts';
import { containsPattern, foldedContains } from './text-search.ts';

/** GeoJSON (RFC 7946: WGS 84 lon/lat) as a 2D MultiPolygon; altitudes, if sent, are dropped. */
const multi = (geoJson: string) => sql<string>`ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${geoJson}), 4326)))`;

export interface PlotFilter {
  q?: string | undefined;
  organisationId?: string | undefined;
  householdId?: string | undefined;
  communeCode?: string | undefined;
}

function plotSelection(db: Executor, actor: Actor, filter: PlotFilter) {
  let query = db
    .selectFrom('plots as p')
    .leftJoin('households as h', 'h.id', 'p.householdId')
    .leftJoin('organisations as o', 'o.id', 'p.organisationId')
    .innerJoin('adminUnits as c', 'c.code', 'p.communeCode')
    .where(visibleTo(actor, 'p'));
  if (filter.organisationId) query = query.where('p.organisationId', '=', filter.organisationId);
  if (filter.householdId) query = query.where('p.householdId', '=', filter.householdId);
  if (filter.communeCode) query = query.where('p.communeCode', '=', filter.communeCode);
  if (filter.q) {
    // Codes as typed; names without regard to case or diacritics ("thua 10 kenh" finds "Thửa 10 – kênh").
    const search = filter.q;
    query = query.where((eb) => eb.or([eb('p.code', 'ilike', containsPattern(search)), foldedContains('p.name', search), foldedContains('h.headName', search)]));
  }
  return query;
}

const summaryColumns = [
  'p.id', 'p.code', 'p.name', 'p.householdId', 'h.headName as householdName', 'p.organisationId', 'o.name as organisationName',
  'p.provinceCode', 'p.communeCode', 'c.name as communeName', 'p.areaHa', 'p.landUse',
] as const;
const centroid = sql<string>`ST_AsGeoJSON(ST_PointOnSurface(p.boundary), 6)`.as('centroidJson');

export async function listPlots(db: Executor, actor: Actor, filter: PlotFilter, page: number, pageSize: number) {
  const base = plotSelection(db, actor, filter);
  const [rows, count] = await Promise.all([
    base.select(summaryColumns).select(centroid).orderBy('p.code').orderBy('p.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function plotsAsGeoJson(db: Executor, actor: Actor, filter: PlotFilter, limit: number) {
  return plotSelection(db, actor, filter)
    .select(['p.id', 'p.code', 'p.name', 'p.areaHa', 'p.landUse'])
    .select(sql<string>`ST_AsGeoJSON(p.boundary, 6)`.as('boundaryJson'))
    .orderBy('p.code')
    .limit(limit)
    .execute();
}

export async function findPlot(db: Executor, actor: Actor, id: string) {
  return plotSelection(db, actor, {})
    .innerJoin('adminUnits as pr', 'pr.code', 'p.provinceCode')
    .select(summaryColumns)
    .select(centroid)
    .select(['pr.name as provinceName', 'p.createdAt', 'p.createdBy', 'p.updatedAt'])
    .select(sql<string>`ST_AsGeoJSON(p.boundary, 7)`.as('boundaryJson'))
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Other plots (visible to the caller) whose boundary overlaps this one by more than 1 m². */
export async function findOverlaps(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('plots as p')
    .innerJoin('plots as me', (join) => join.on('me.id', '=', id).on(sql<boolean>`ST_Intersects(p.boundary, me.boundary)`))
    .where('p.id', '!=', id)
    .where(visibleTo(actor, 'p'))
    .select(['p.id', 'p.code'])
    .select(sql<number>`ST_Area(ST_Intersection(p.boundary, me.boundary)::geography) / 10000`.as('overlapHa'))
    .execute()
    .then((rows) => rows.filter((r) => r.overlapHa > 0.0001));
}

/** Why PostGIS would refuse this geometry, or null when it is valid. */
export async function geometryProblem(db: Executor, geoJson: string) {
  const facts = await boundaryFacts(db, geoJson);
  return facts.valid ? null : facts.reason;
}

/** Validity and geodesic area (PostGIS on geography, WGS 84) of a GeoJSON boundary before it is stored. */
export async function boundaryFacts(db: Executor, geoJson: string) {
  const { rows } = await sql<{ valid: boolean; reason: string; areaHa: number | null }>`
    select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason,
           case when ST_IsValid(g) then ST_Area(g::geography) / 10000 end as "areaHa"
    from (select ${multi(geoJson)} as g) s`.execute(db);
  const r = rows[0]!;
  return { valid: r.valid, reason: r.reason, areaHa: r.areaHa === null ? null : Number(r.areaHa) };
}

/**
 * Every plot (in anyone's scope: a boundary may not silently cover another organisation's field)
 * that the boundary overlaps by more than 1 m², with whether the caller may see it. The bounding-box
 * test of ST_Intersects uses the GiST index; the overlap is measured on geography.
 */
export async function overlapsWithAnyPlot(db: Executor, actor: Actor, geoJson: string, excludePlotId: string | null): Promise<BoundaryOverlap[]> {
  const g = multi(geoJson);
  let query = db
    .selectFrom('plots as p')
    .select(['p.id', 'p.code'])
    .select(sql<boolean | null>`${visibleTo(actor, 'p')}`.as('visible'))
    .select(sql<number>`ST_Area(ST_Intersection(p.boundary, ${g})::geography) / 10000`.as('overlapHa'))
    .where(sql<boolean>`ST_Intersects(p.boundary, ${g})`);
  if (excludePlotId) query = query.where('p.id', '!=', excludePlotId);
  const rows = await query.execute();
  return rows
    .map((r) => ({ id: r.id, code: r.code, visible: r.visible === true, overlapHa: Number(r.overlapHa) }))
    .filter((r) => r.overlapHa > OVERLAP_TOLERANCE_HA)
    .sort((a, b) => b.overlapHa - a.overlapHa || a.id.localeCompare(b.id)); // largest first
}

/**
 * Plot writes in one province take a transaction-scoped lock, so two boundaries drawn at the same
 * moment cannot both pass the overlap check against each other.
 */
export async function lockPlotWrites(db: Executor, provinceCode: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`plots:${provinceCode}`}))`.execute(db);
}

export async function recordOverlapOverrides(db: Executor, actor: Actor, plotId: string, overlaps: readonly BoundaryOverlap[], reason: string, now: Date) {
  if (overlaps.length === 0) return;
  await db
    .insertInto('plotOverlapOverrides')
    .values(overlaps.map((o) => ({ plotId, otherPlotId: o.id, overlapHa: o.overlapHa, reason, createdBy: actor.userId, createdAt: now })))
    .execute();
}

/** Overrides recorded when this plot was drawn over others, and when others were drawn over it. */
export async function overlapOverridesOf(db: Executor, actor: Actor, plotId: string) {
  const side = (mine: 'plotId' | 'otherPlotId', theirs: 'plotId' | 'otherPlotId') =>
    db
      .selectFrom('plotOverlapOverrides as o')
      .innerJoin('plots as p', 'p.id', `o.${theirs}`)
      .where(`o.${mine}`, '=', plotId)
      .select([`o.${theirs} as otherPlotId`, 'o.overlapHa', 'o.reason', 'o.createdAt', 'o.createdBy'])
      .select(sql<string | null>`case when ${visibleTo(actor, 'p')} then p.code end`.as('otherPlotCode'))
      .execute();
  const rows = [...(await side('plotId', 'otherPlotId')), ...(await side('otherPlotId', 'plotId'))];
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({ otherPlotId: r.otherPlotId, otherPlotCode: r.otherPlotCode, overlapHa: Number(r.overlapHa), reason: r.reason, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy }));
}

/**
 * The plot's boundaries, oldest first. A plot never redrawn has no history rows: its one version
 * is the plot row itself.
 */
export async function boundaryVersions(db: Executor, plotId: string) {
  const history = await db
    .selectFrom('plotBoundaryHistory')
    .where('plotId', '=', plotId)
    .select(['version', 'areaHa', 'validFrom', 'validTo', 'changedBy', 'reason'])
    .select(sql<string>`ST_AsGeoJSON(boundary, 7)`.as('boundaryJson'))
    .orderBy('version')
    .execute();
  if (history.length) return history;
  return db
    .selectFrom('plots')
    .where('id', '=', plotId)
    .select([sql<number>`1`.as('version'), 'areaHa', 'createdAt as validFrom', sql<Date | null>`null`.as('validTo'), 'createdBy as changedBy', sql<string | null>`null`.as('reason')])
    .select(sql<string>`ST_AsGeoJSON(boundary, 7)`.as('boundaryJson'))
    .execute();
}

/**
 * Closes the plot's current boundary version and returns the next version number. On a plot's first
 * redraw, version 1 is first copied from the plot row as it was registered.
 */
export async function closeCurrentBoundary(db: Executor, plotId: string, now: Date) {
  await sql`
    insert into plot_boundary_history (plot_id, version, province_code, boundary, area_ha, valid_from, changed_by)
    select p.id, 1, p.province_code, p.boundary, p.area_ha, p.created_at, p.created_by from plots p
    where p.id = ${plotId} and not exists (select 1 from plot_boundary_history h where h.plot_id = p.id)`.execute(db);
  const closed = await db
    .updateTable('plotBoundaryHistory')
    .set({ validTo: sql<Date>`greatest(valid_from, ${now})` })
    .where('plotId', '=', plotId)
    .where('validTo', 'is', null)
    .returning('version')
    .executeTakeFirstOrThrow();
  return closed.version + 1;
}

/** Records the plot's boundary, as now stored on the plot row, as its current version. */
export async function openBoundaryVersion(db: Executor, actor: Actor, plotId: string, version: number, reason: string | null, now: Date) {
  await sql`
    insert into plot_boundary_history (plot_id, version, province_code, boundary, area_ha, valid_from, changed_by, reason)
    select p.id, ${version}, p.province_code, p.boundary, p.area_ha, ${now}, ${actor.userId}, ${reason} from plots p where p.id = ${plotId}`.execute(db);
}

export interface NewPlot {
  code: string;
  name: string;
  householdId: string | null;
  organisationId: string | null;
  provinceCode: string;
  communeCode: string;
  landUse: LandUse;
  boundaryGeoJson: string;
}


export async function insertPlot(db: Executor, actor: Actor, plot: NewPlot) {
  return db
    .insertInto('plots')
    .values({
      code: plot.code,
      name: plot.name,
      householdId: plot.householdId,
      organisationId: plot.organisationId,
      provinceCode: plot.provinceCode,
      communeCode: plot.communeCode,
      landUse: plot.landUse,
      boundary: multi(plot.boundaryGeoJson),
      areaHa: sql<number>`ST_Area(${multi(plot.boundaryGeoJson)}::geography) / 10000`,
      createdBy: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePlot(db: Executor, actor: Actor, id: string, changes: { name?: string | undefined; landUse?: LandUse | undefined; boundaryGeoJson?: string | undefined }, now: Date) {
  await db
    .updateTable('plots')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.landUse !== undefined && { landUse: changes.landUse }),
      ...(changes.boundaryGeoJson !== undefined && {
        boundary: multi(changes.boundaryGeoJson),
        areaHa: sql<number>`ST_Area(${multi(changes.boundaryGeoJson)}::geography) / 10000`,
      }),
      updatedBy: actor.userId,
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
}
