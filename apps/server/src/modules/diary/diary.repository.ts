/**
 * Seasons, activities (with their revisions and batches) and photos in the database. Every read that
 * answers a caller is filtered by the caller's scope on the season row (auth/scope.ts): activities and
 * photos are reached through their season. Lookups by idempotency key are deliberately unscoped (a
 * client id is global) and the service decides what the caller may learn from them.
 *
 * Activities are partitioned by province: queries that know the season also pass its province_code,
 * so PostgreSQL reads one partition.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { ActivityType, TypedActivityDetails } from '@dongxanh/contracts';
import type { Executor } from '../../db/database.ts';
import type { DB, SeasonName, SeasonStatus, ProductionStandard } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';

// ------------------------------------------------------------------ seasons

const seasonColumns = [
  's.id', 's.clientId', 's.plotId', 's.provinceCode', 's.communeCode', 's.organisationId', 's.householdId', 's.cropCode', 's.variety',
  's.seasonName', 's.year', 's.plannedStartOn', 's.plannedEndOn', 's.actualStartOn', 's.actualEndOn', 's.previousHarvestOn', 's.areaHa',
  's.status', 's.standard', 's.expectedYieldKgPerHa', 's.expectedMarket', 's.notes', 's.version', 's.createdBy', 's.createdAt', 's.updatedBy', 's.updatedAt',
  'p.code as plotCode', 'p.name as plotName', 'c.nameVi as cropNameVi', 'c.nameEn as cropNameEn', 'c.kind as cropKind', 'c.family as cropFamily',
] as const;

type SeasonFrom = SelectQueryBuilder<DB & { s: DB['seasons']; p: DB['plots']; c: DB['crops'] }, 's' | 'p' | 'c', object>;

function seasonBase(db: Executor): SeasonFrom {
  return db
    .selectFrom('seasons as s')
    .innerJoin('plots as p', 'p.id', 's.plotId')
    .innerJoin('crops as c', 'c.code', 's.cropCode') as unknown as SeasonFrom;
}

const withCounts = (q: SeasonFrom) =>
  q
    .select(seasonColumns)
    .select(sql<number>`(select count(*) from activities a where a.season_id = s.id and a.province_code = s.province_code and a.deleted_at is null)`.as('activityCount'))
    .select(sql<number>`(select count(*) from compliance_flags f where f.season_id = s.id and f.province_code = s.province_code and f.resolved_at is null)`.as('openFlagCount'));

export type SeasonRow = Awaited<ReturnType<typeof findSeason>> & object;

export async function findSeason(db: Executor, actor: Actor, id: string) {
  return withCounts(seasonBase(db)).where(visibleTo(actor, 's')).where('s.id', '=', id).executeTakeFirst();
}

/** What a write needs of a season the caller may see (no joins, no counts: the hot path of sync). */
export async function findSeasonForWrite(db: Executor, actor: Actor, idOrClientId: string) {
  return db
    .selectFrom('seasons as s')
    .select(['s.id', 's.clientId', 's.provinceCode', 's.householdId', 's.status', 's.plannedStartOn', 's.plotId'])
    .where(visibleTo(actor, 's'))
    .where((eb) => eb.or([eb('s.id', '=', idOrClientId), eb('s.clientId', '=', idOrClientId)]))
    .orderBy(sql`s.id = ${idOrClientId}`, 'desc')
    .executeTakeFirst();
}
export type WriteSeason = NonNullable<Awaited<ReturnType<typeof findSeasonForWrite>>>;

/** The same for many seasons at once (by id or clientId), for a sync flush. */
export async function findSeasonsForWrite(db: Executor, actor: Actor, idsOrClientIds: readonly string[]): Promise<WriteSeason[]> {
  if (idsOrClientIds.length === 0) return [];
  return db
    .selectFrom('seasons as s')
    .select(['s.id', 's.clientId', 's.provinceCode', 's.householdId', 's.status', 's.plannedStartOn', 's.plotId'])
    .where(visibleTo(actor, 's'))
    .where((eb) => eb.or([eb('s.id', 'in', [...idsOrClientIds]), eb('s.clientId', 'in', [...idsOrClientIds])]))
    .execute();
}

/** Unscoped: is this idempotency key taken, and by which season? */
export async function findSeasonByClientId(db: Executor, clientId: string) {
  return db.selectFrom('seasons').select(['id', 'provinceCode', 'plotId']).where('clientId', '=', clientId).executeTakeFirst();
}

export interface SeasonFilter {
  plotId?: string | undefined;
  year?: number | undefined;
  crop?: string | undefined;
  seasonName?: SeasonName | undefined;
}

export async function listSeasons(db: Executor, actor: Actor, filter: SeasonFilter, page: number, pageSize: number) {
  let base = seasonBase(db).where(visibleTo(actor, 's'));
  if (filter.plotId) base = base.where('s.plotId', '=', filter.plotId);
  if (filter.year) base = base.where('s.year', '=', filter.year);
  if (filter.crop) base = base.where('s.cropCode', '=', filter.crop);
  if (filter.seasonName) base = base.where('s.seasonName', '=', filter.seasonName);
  const [rows, count] = await Promise.all([
    withCounts(base).orderBy('s.plannedStartOn', 'desc').orderBy('p.code').orderBy('s.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export interface NewSeason {
  clientId: string | null;
  plot: { id: string; provinceCode: string; communeCode: string; organisationId: string | null; householdId: string | null; areaHa: number };
  cropCode: string;
  variety: string | null;
  seasonName: SeasonName;
  year: number;
  plannedStartOn: string;
  plannedEndOn: string | null;
  actualStartOn: string | null;
  actualEndOn: string | null;
  previousHarvestOn: string | null;
  standard: ProductionStandard | null;
  expectedYieldKgPerHa: number | null;
  expectedMarket: string | null;
  notes: string | null;
}

/** Inserts unless the clientId is already taken in this province (then returns undefined). */
export async function insertSeason(db: Executor, actor: Actor, s: NewSeason) {
  return db
    .insertInto('seasons')
    .values({
      clientId: s.clientId, plotId: s.plot.id, provinceCode: s.plot.provinceCode, communeCode: s.plot.communeCode, organisationId: s.plot.organisationId,
      householdId: s.plot.householdId, areaHa: s.plot.areaHa, cropCode: s.cropCode, variety: s.variety, seasonName: s.seasonName, year: s.year,
      plannedStartOn: s.plannedStartOn, plannedEndOn: s.plannedEndOn, actualStartOn: s.actualStartOn, actualEndOn: s.actualEndOn,
      previousHarvestOn: s.previousHarvestOn, standard: s.standard, expectedYieldKgPerHa: s.expectedYieldKgPerHa, expectedMarket: s.expectedMarket,
      notes: s.notes, createdBy: actor.userId,
    })
    .onConflict((oc) => oc.columns(['clientId', 'provinceCode']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Is a named season of this plot and year already there? ('other' may repeat.) */
export async function findSameNamedSeason(db: Executor, plotId: string, year: number, seasonName: SeasonName, exceptId?: string) {
  if (seasonName === 'other') return undefined;
  let q = db.selectFrom('seasons').select(['id']).where('plotId', '=', plotId).where('year', '=', year).where('seasonName', '=', seasonName);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export type SeasonChanges = Partial<{
  cropCode: string; variety: string | null; seasonName: SeasonName; year: number; plannedStartOn: string; plannedEndOn: string | null;
  actualStartOn: string | null; actualEndOn: string | null; previousHarvestOn: string | null; standard: ProductionStandard | null;
  expectedYieldKgPerHa: number | null; expectedMarket: string | null; notes: string | null; status: SeasonStatus;
}>;

/** Applies the changes only if the season is still at baseVersion; undefined when it is not. */
export async function updateSeasonAtVersion(db: Executor, actor: Actor, season: { id: string; provinceCode: string }, baseVersion: number, changes: SeasonChanges, now: Date) {
  return db
    .updateTable('seasons')
    .set({ ...changes, version: sql<number>`version + 1`, updatedBy: actor.userId, updatedAt: now })
    .where('id', '=', season.id)
    .where('provinceCode', '=', season.provinceCode)
    .where('version', '=', baseVersion)
    .returning('id')
    .executeTakeFirst();
}

/**
 * The season's status follows the diary: the first activity starts it, a harvest marks it harvested.
 * This is not a person's edit, so it does not bump the version the offline app compares.
 */
export async function advanceSeasonStatus(db: Executor, seasons: ReadonlyArray<{ id: string; provinceCode: string }>, harvested: boolean) {
  if (seasons.length === 0) return;
  const ids = seasons.map((s) => s.id);
  await db
    .updateTable('seasons')
    .set({ status: harvested ? 'harvested' : 'in_progress' })
    .where('id', 'in', ids)
    .where('provinceCode', 'in', [...new Set(seasons.map((s) => s.provinceCode))])
    .where('status', 'in', harvested ? ['planned', 'in_progress'] : ['planned'])
    .execute();
}

// ------------------------------------------------------------------ activities

const activityColumns = [
  'a.id', 'a.clientId', 'a.payloadHash', 'a.seasonId', 'a.provinceCode', 'a.type', 'a.occurredOn', 'a.details', 'a.version', 'a.deletedAt',
  'a.deletedBy', 'a.recordedBy', 'a.recordedAt', 'a.recordedOnBehalf', 'a.batchId', 'a.updatedBy', 'a.updatedAt',
] as const;

export interface ActivityRow {
  id: string;
  clientId: string;
  payloadHash: string;
  seasonId: string;
  provinceCode: string;
  type: ActivityType;
  occurredOn: string;
  details: Record<string, unknown>;
  version: number;
  deletedAt: Date | null;
  deletedBy: string | null;
  recordedBy: string;
  recordedAt: Date;
  recordedOnBehalf: boolean;
  batchId: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

const seasonOfActivity = (eb: ExpressionBuilder<DB & { a: DB['activities']; s: DB['seasons'] }, 'a' | 's'>) =>
  eb.and([eb('s.id', '=', eb.ref('a.seasonId')), eb('s.provinceCode', '=', eb.ref('a.provinceCode'))]);

/** An activity the caller may see (through its season), with the season's scope columns. */
export async function findActivity(db: Executor, actor: Actor, idOrClientId: string, byClientIdToo = false) {
  return db
    .selectFrom('activities as a')
    .innerJoin('seasons as s', (join) => join.on(seasonOfActivity))
    .select(activityColumns)
    .select(['s.status as seasonStatus', 's.householdId as seasonHouseholdId', 's.plotId', 's.areaHa as seasonAreaHa', 's.plannedStartOn as seasonPlannedStartOn'])
    .where(visibleTo(actor, 's'))
    .where((eb) => (byClientIdToo ? eb.or([eb('a.id', '=', idOrClientId), eb('a.clientId', '=', idOrClientId)]) : eb('a.id', '=', idOrClientId)))
    .executeTakeFirst() as Promise<(ActivityRow & { seasonStatus: SeasonStatus; seasonHouseholdId: string | null; plotId: string; seasonAreaHa: number; seasonPlannedStartOn: string }) | undefined>;
}

/** Unscoped, across every province partition: who already holds these idempotency keys. */
export async function findActivitiesByClientIds(db: Executor, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  // One array parameter rather than one parameter per id: a 500-mutation flush plans once, cheaply.
  return db.selectFrom('activities as a').select(activityColumns).where(sql<boolean>`a.client_id = any(${[...clientIds]}::uuid[])`).execute() as Promise<ActivityRow[]>;
}

/** Reads activities by id within known provinces (after an insert, for the presenter). */
export async function activitiesByIds(db: Executor, refs: ReadonlyArray<{ id: string; provinceCode: string }>) {
  if (refs.length === 0) return [];
  return db
    .selectFrom('activities as a')
    .select(activityColumns)
    .where('a.id', 'in', refs.map((r) => r.id))
    .where('a.provinceCode', 'in', [...new Set(refs.map((r) => r.provinceCode))])
    .execute() as Promise<ActivityRow[]>;
}

export async function activitiesOfBatch(db: Executor, batchId: string) {
  return db.selectFrom('activities as a').select(activityColumns).where('a.batchId', '=', batchId).orderBy('a.seasonId').execute() as Promise<ActivityRow[]>;
}

/** The live activities of seasons (one province each), oldest first. */
export async function liveActivitiesOfSeasons(db: Executor, seasons: ReadonlyArray<{ id: string; provinceCode: string }>, types?: readonly ActivityType[]) {
  if (seasons.length === 0) return [];
  let q = db
    .selectFrom('activities as a')
    .select(activityColumns)
    .where('a.seasonId', 'in', seasons.map((s) => s.id))
    .where('a.provinceCode', 'in', [...new Set(seasons.map((s) => s.provinceCode))])
    .where('a.deletedAt', 'is', null);
  if (types) q = q.where('a.type', 'in', [...types]);
  return q.orderBy('a.occurredOn').orderBy('a.recordedAt').orderBy('a.id').execute() as Promise<ActivityRow[]>;
}

export interface NewActivity {
  clientId: string;
  payloadHash: string;
  seasonId: string;
  provinceCode: string;
  type: ActivityType;
  occurredOn: string;
  details: TypedActivityDetails['details'];
  recordedOnBehalf: boolean;
  batchId: string | null;
}

/** Inserts the rows whose idempotency key is free in their province; returns the inserted ones. */
export async function insertActivities(db: Executor, actor: Actor, rows: readonly NewActivity[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('activities')
    .values(rows.map((r) => ({
      clientId: r.clientId, payloadHash: r.payloadHash, seasonId: r.seasonId, provinceCode: r.provinceCode, type: r.type, occurredOn: r.occurredOn,
      details: JSON.stringify(r.details), recordedBy: actor.userId, recordedOnBehalf: r.recordedOnBehalf, batchId: r.batchId,
    })))
    .onConflict((oc) => oc.columns(['clientId', 'provinceCode']).doNothing())
    .returning(activityColumns.map((c) => c.slice(2) as ActivityColumn))
    .execute() as Promise<ActivityRow[]>;
}
type ActivityColumn = 'id' | 'clientId' | 'payloadHash' | 'seasonId' | 'provinceCode' | 'type' | 'occurredOn' | 'details' | 'version' | 'deletedAt' | 'deletedBy' | 'recordedBy' | 'recordedAt' | 'recordedOnBehalf' | 'batchId' | 'updatedBy' | 'updatedAt';

/**
 * The bulk path of the CLI import: one INSERT … SELECT FROM unnest(arrays) per chunk, so a chunk of
 * thousands of rows is one statement with eleven parameters on both drivers.
 */
export async function insertActivitiesUnnest(db: Executor, recordedBy: string, rows: readonly (NewActivity & { detailsJson: string })[]) {
  if (rows.length === 0) return [];
  const col = <T>(pick: (r: NewActivity & { detailsJson: string }) => T) => rows.map(pick);
  const result = await sql<{ clientId: string }>`
    insert into activities (client_id, payload_hash, season_id, province_code, type, occurred_on, details, recorded_by, recorded_on_behalf, batch_id)
    select client_id, payload_hash, season_id, province_code, type, occurred_on, details::jsonb, ${recordedBy}::uuid, on_behalf, batch_id
    from unnest(${col((r) => r.clientId)}::uuid[], ${col((r) => r.payloadHash)}::text[], ${col((r) => r.seasonId)}::uuid[], ${col((r) => r.provinceCode)}::text[],
                ${col((r) => r.type)}::text[], ${col((r) => r.occurredOn)}::date[], ${col((r) => r.detailsJson)}::text[], ${col((r) => r.recordedOnBehalf)}::boolean[],
                ${col((r) => r.batchId)}::uuid[])
      as t(client_id, payload_hash, season_id, province_code, type, occurred_on, details, on_behalf, batch_id)
    on conflict (client_id, province_code) do nothing
    returning client_id`.execute(db);
  return result.rows.map((r) => r.clientId);
}

/** Payload hashes of existing keys in known provinces (to tell replays from reused keys). */
export async function payloadHashesOf(db: Executor, keys: ReadonlyArray<{ clientId: string; provinceCode: string }>) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('activities')
    .select(['clientId', 'payloadHash'])
    .where('clientId', 'in', keys.map((k) => k.clientId))
    .where('provinceCode', 'in', [...new Set(keys.map((k) => k.provinceCode))])
    .execute();
  return new Map(rows.map((r) => [r.clientId, r.payloadHash]));
}

export async function findRevisionByMutation(db: Executor, mutationClientId: string) {
  return db.selectFrom('activityRevisions').select(['activityId', 'provinceCode', 'version']).where('mutationClientId', '=', mutationClientId).executeTakeFirst();
}

/**
 * Changes an activity only if it is still at baseVersion and not deleted, then keeps the superseded
 * version as a revision. Undefined when someone else changed it first.
 */
export async function reviseActivity(
  db: Executor,
  actor: Actor,
  before: ActivityRow,
  baseVersion: number,
  change: { occurredOn: string; details: Record<string, unknown>; delete: boolean },
  mutationClientId: string | null,
  now: Date,
) {
  const updated = await db
    .updateTable('activities')
    .set({
      occurredOn: change.occurredOn,
      details: JSON.stringify(change.details),
      version: sql<number>`version + 1`,
      ...(change.delete ? { deletedAt: now, deletedBy: actor.userId } : { updatedBy: actor.userId, updatedAt: now }),
    })
    .where('id', '=', before.id)
    .where('provinceCode', '=', before.provinceCode)
    .where('version', '=', baseVersion)
    .where('deletedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) return undefined;
  await db
    .insertInto('activityRevisions')
    .values({
      activityId: before.id, provinceCode: before.provinceCode, version: before.version, occurredOn: before.occurredOn, details: JSON.stringify(before.details),
      deletedAt: before.deletedAt, mutationClientId, supersededBy: actor.userId, supersededAt: now,
    })
    .execute();
  return updated;
}

export async function insertBatch(db: Executor, actor: Actor, batch: { id: string; payloadHash: string; seasonCount: number }) {
  return db
    .insertInto('activityBatches')
    .values({ id: batch.id, payloadHash: batch.payloadHash, seasonCount: batch.seasonCount, createdBy: actor.userId })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export const findBatch = (db: Executor, id: string) => db.selectFrom('activityBatches').select(['id', 'payloadHash', 'createdBy']).where('id', '=', id).executeTakeFirst();

// ------------------------------------------------------------------ photos

const photoColumns = [
  'ph.id', 'ph.activityId', 'ph.provinceCode', 'ph.seasonId', 'ph.contentSha256', 'ph.mimeType', 'ph.byteSize', 'ph.capturedAt', 'ph.lat', 'ph.lon',
  'ph.distanceToPlotM', 'ph.flags', 'ph.uploadedBy', 'ph.uploadedAt',
] as const;

export async function photosOfActivities(db: Executor, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db.selectFrom('activityPhotos as ph').select(photoColumns).where('ph.activityId', 'in', [...activityIds]).orderBy('ph.uploadedAt').execute();
}
export type PhotoRow = Awaited<ReturnType<typeof photosOfActivities>>[number];

/** Distance from the plot boundary to a WGS 84 point, on the spheroid (0 inside the plot). */
export async function distanceToPlotM(db: Executor, plotId: string, lon: number, lat: number) {
  const row = await sql<{ distance: number }>`
    select ST_Distance(p.boundary::geography, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)::geography) as distance
    from plots p where p.id = ${plotId}`.execute(db);
  return row.rows[0]?.distance ?? null;
}

export async function findPhotoByContent(db: Executor, activityId: string, sha256: string) {
  return db.selectFrom('activityPhotos as ph').select(photoColumns).where('ph.activityId', '=', activityId).where('ph.contentSha256', '=', sha256).executeTakeFirst();
}

export async function insertPhoto(
  db: Executor,
  actor: Actor,
  p: { activityId: string; provinceCode: string; seasonId: string; sha256: string; mimeType: 'image/jpeg' | 'image/png' | 'image/webp'; content: Uint8Array; capturedAt: Date; lat: number | null; lon: number | null; distanceToPlotM: number | null; flags: string[] },
) {
  await db
    .insertInto('activityPhotos')
    .values({
      activityId: p.activityId, provinceCode: p.provinceCode, seasonId: p.seasonId, contentSha256: p.sha256, mimeType: p.mimeType, byteSize: p.content.byteLength,
      content: p.content, capturedAt: p.capturedAt, lat: p.lat, lon: p.lon, distanceToPlotM: p.distanceToPlotM, flags: p.flags, uploadedBy: actor.userId,
    })
    .onConflict((oc) => oc.columns(['activityId', 'contentSha256']).doNothing())
    .execute();
  return findPhotoByContent(db, p.activityId, p.sha256);
}

/** A photo with its bytes, if the caller may see its season. */
export async function findPhotoContent(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('activityPhotos as ph')
    .innerJoin('seasons as s', (join) => join.onRef('s.id', '=', 'ph.seasonId').onRef('s.provinceCode', '=', 'ph.provinceCode'))
    .select(['ph.id', 'ph.mimeType', 'ph.content', 'ph.contentSha256'])
    .where(visibleTo(actor, 's'))
    .where('ph.id', '=', id)
    .executeTakeFirst();
}

// ------------------------------------------------------------------ plots and neighbouring seasons

/** The plot a season is created on, with the scope columns copied onto the season. */
export async function findPlotForSeason(db: Executor, actor: Actor, plotId: string) {
  return db
    .selectFrom('plots as p')
    .select(['p.id', 'p.code', 'p.provinceCode', 'p.communeCode', 'p.organisationId', 'p.householdId', 'p.areaHa'])
    .where('p.id', '=', plotId)
    .where(visibleTo(actor, 'p'))
    .executeTakeFirst();
}

export async function seasonsOfPlot(db: Executor, plotId: string, provinceCode: string) {
  return db
    .selectFrom('seasons as s')
    .innerJoin('crops as c', 'c.code', 's.cropCode')
    .select(['s.id', 's.provinceCode', 'c.kind'])
    .select((eb) => eb.fn.coalesce('s.actualStartOn', 's.plannedStartOn').as('startOn'))
    .where('s.plotId', '=', plotId)
    .where('s.provinceCode', '=', provinceCode)
    .execute();
}

/** Savepoints let one mutation of a sync request fail without undoing the others. */
export async function savepoint(db: Executor, verb: 'savepoint' | 'release savepoint' | 'rollback to savepoint', name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad savepoint name ${name}`);
  await sql.raw(`${verb} ${name}`).execute(db);
}

/** Seasons named by (plot code, crop year, season name) among the seasons the caller may see (CLI import). */
export async function findSeasonsByPlotCodes(db: Executor, actor: Actor, keys: ReadonlyArray<{ plotCode: string; year: number; seasonName: string }>) {
  if (keys.length === 0) return [];
  const result = await sql<{ id: string; provinceCode: string; householdId: string | null; status: SeasonStatus; plannedStartOn: string; plotCode: string; year: number; seasonName: string }>`
    select s.id, s.province_code, s.household_id, s.status, s.planned_start_on, p.code as plot_code, s.year, s.season_name
    from unnest(${keys.map((k) => k.plotCode)}::text[], ${keys.map((k) => k.year)}::int[], ${keys.map((k) => k.seasonName)}::text[]) as k(code, year, name)
    join plots p on p.code = k.code
    join seasons s on s.plot_id = p.id and s.province_code = p.province_code and s.year = k.year and s.season_name = k.name
    where ${visibleTo(actor, 's')}`.execute(db);
  return result.rows;
}
