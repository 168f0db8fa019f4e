/**
 * Plots in the database. Every read is filtered by the caller's scope (auth/scope.ts); PostGIS
 * computes areas on geography and finds overlaps; geometry crosses this boundary as GeoJSON.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { LandUse } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';

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
    const like = `%${filter.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('p.code', 'ilike', like), eb('p.name', 'ilike', like), eb('h.headName', 'ilike', like)]));
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
  const row = await sql<{ valid: boolean; reason: string }>`
    select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ST_SetSRID(ST_GeomFromGeoJSON(${geoJson}), 4326) as g) s`.execute(db);
  const r = row.rows[0];
  return r && !r.valid ? r.reason : null;
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

const multi = (geoJson: string) => sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geoJson}), 4326))`;

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
