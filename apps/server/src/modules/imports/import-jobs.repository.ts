/**
 * Import jobs: one row per uploaded file (or CLI run) with its progress, its refusals and the scope of
 * its sender, which is also the queue the background worker takes jobs from. A caller reads their own
 * jobs; an admin reads all.
 */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ImportJobFormat, ImportJobKind, StoredImportRefusal } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';

export interface NewImportJob {
  kind: ImportJobKind;
  format: ImportJobFormat;
  crs: 'wgs84' | 'vn2000';
  crsProvinceCode: string | null;
  crsMeridian: number | null;
  organisationId: string | null;
  fileName: string | null;
  fileSize: number;
  fileContent: Uint8Array | null;
  status: 'queued' | 'running';
}

export async function insertJob(db: Executor, actor: Actor, job: NewImportJob) {
  return db
    .insertInto('importJobs')
    .values({
      ...job,
      startedAt: job.status === 'running' ? sql<Date>`now()` : null,
      heartbeatAt: job.status === 'running' ? sql<Date>`now()` : null,
      attempts: job.status === 'running' ? 1 : 0,
      actorRole: actor.role,
      actorOrganisationId: actor.organisationId,
      actorHouseholdId: actor.householdId,
      actorAdminUnitCode: actor.adminUnitCode,
      actorPermissions: [...actor.permissions],
      actorVia: actor.via,
      createdBy: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const jobColumns = [
  'id', 'kind', 'format', 'crs', 'fileName', 'fileSize', 'status', 'totalRows', 'processedRows', 'importedRows',
  'refusals', 'refusedCount', 'error', 'createdAt', 'finishedAt',
] as const;

/** A job as its sender (or an admin) may see it; undefined when it is not theirs. */
export async function findJob(db: Executor, actor: Actor, id: string) {
  let query = db.selectFrom('importJobs').select(jobColumns).where('id', '=', id);
  if (actor.role !== 'admin') query = query.where('createdBy', '=', actor.userId);
  return query.executeTakeFirst();
}

/** The caller's most recent jobs, each with at most `refusalsEach` refusals. */
export async function listJobs(db: Executor, actor: Actor, limit: number, refusalsEach: number) {
  return db
    .selectFrom('importJobs')
    .select(jobColumns.filter((c) => c !== 'refusals'))
    .select(sql<StoredImportRefusal[]>`coalesce((select jsonb_agg(r) from (select r from jsonb_array_elements(refusals) r limit ${refusalsEach}) x), '[]'::jsonb)`.as('refusals'))
    .where('createdBy', '=', actor.userId)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
}

/** Takes the oldest queued job (skipping any another process is taking) and marks it running. */
export async function claimNextJob(db: Executor) {
  return db
    .updateTable('importJobs')
    .set({ status: 'running', startedAt: sql<Date>`now()`, heartbeatAt: sql<Date>`now()`, attempts: sql<number>`attempts + 1` })
    .where('id', '=', (eb) =>
      eb.selectFrom('importJobs').select('id').where('status', '=', 'queued').orderBy('createdAt').limit(1).forUpdate().skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * Jobs left 'running' by a process that stopped (no heartbeat for `staleSeconds`): their write
 * transaction never committed, so nothing of them is in the database. A queued upload goes back to
 * the queue (its file is still here), at most three times; a CLI run (no stored file) has failed.
 */
export async function requeueInterruptedJobs(db: Executor, staleSeconds: number) {
  const stale = sql<SqlBool>`status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleSeconds}))`;
  await db
    .updateTable('importJobs')
    .set({ status: 'failed', finishedAt: sql<Date>`now()`, fileContent: null, error: 'The import was interrupted three times (server restarts); nothing was imported. Try again or split the file.' })
    .where(stale)
    .where('attempts', '>=', 3)
    .execute();
  await db
    .updateTable('importJobs')
    .set({ status: 'failed', finishedAt: sql<Date>`now()`, error: 'The import was interrupted (the process running it stopped); nothing was imported. Run it again.' })
    .where(stale)
    .where('fileContent', 'is', null)
    .execute();
  await db.updateTable('importJobs').set({ status: 'queued', processedRows: 0 }).where(stale).execute();
}

export async function recordProgress(db: Executor, id: string, progress: { totalRows?: number; processedRows?: number }) {
  await db
    .updateTable('importJobs')
    .set({ ...progress, heartbeatAt: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function finishJob(
  db: Executor,
  id: string,
  outcome: { status: 'succeeded' | 'failed'; importedRows: number; refusals: StoredImportRefusal[]; refusedCount: number; error: string | null; totalRows?: number },
) {
  await db
    .updateTable('importJobs')
    .set({
      status: outcome.status,
      importedRows: outcome.importedRows,
      refusals: JSON.stringify(outcome.refusals),
      refusedCount: outcome.refusedCount,
      error: outcome.error,
      ...(outcome.totalRows !== undefined ? { totalRows: outcome.totalRows, processedRows: outcome.totalRows } : {}),
      finishedAt: sql<Date>`now()`,
      fileContent: null, // the file is not kept once the job has ended
    })
    .where('id', '=', id)
    .execute();
}
