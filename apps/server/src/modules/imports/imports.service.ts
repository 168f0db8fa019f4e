/**
 * Bulk imports (issue 2): households and plots from CSV/XLSX, plot boundaries from GeoJSON, KML and
 * Shapefile, in WGS 84 or VN-2000. This module owns the import jobs and the import pipeline; the
 * registry owns the households and plots once written.
 *
 * The pipeline (import-pipeline.ts) imports a file completely or not at all. Jobs run in the
 * background, one at a time per process, from a queue kept in the import_jobs table (the file waits
 * there too, so a queued job survives a restart); the CLI runs the same pipeline in the foreground.
 */
import type { DatabaseHandle } from '../../db/database.ts';
import type { ImportJobFormat, ImportJobKind, StoredImportRefusal } from '../../db/schema.ts';
import { DomainError, fieldError, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, permissionsFor, type Actor } from '../auth/permissions.ts';
import { claimNextJob, findJob, finishJob, insertJob, listJobs, recordProgress, requeueInterruptedJobs } from './import-jobs.repository.ts';
import { permissionFor, runImportPipeline, type ImportOutcome, type ImportProgress, type ImportTrace, type PreparedImport } from './import-pipeline.ts';
import { findOrganisationFor } from './import-scope.ts';
import { renderTemplate, type TemplateName } from './templates.ts';
import { meridianFor, vn2000Zones } from './vn2000.ts';

export type ImportsDeps = { database: DatabaseHandle; log?: (message: string, err?: unknown) => void };

export interface ImportRequest {
  kind: ImportJobKind;
  format: ImportJobFormat;
  crs: 'wgs84' | 'vn2000';
  province?: string | undefined;
  meridian?: number | undefined;
  organisationId?: string | undefined;
  fileName?: string | undefined;
}

/** A failed job keeps every refusal up to this many (a file whose every row is wrong says so sooner). */
const MAX_STORED_REFUSALS = 10_000;
/** A 'running' job whose process has not written for this long is taken to be interrupted (PostgreSQL). */
const STALE_AFTER_SECONDS = 120;
const HEARTBEAT_MS = 30_000;

export function createImportsService({ database, log = () => {} }: ImportsDeps) {
  const { db } = database;

  /** Checks that can be answered at once (permission, CRS, organisation); errors are HTTP errors. */
  async function prepare(actor: Actor, request: ImportRequest): Promise<PreparedImport> {
    assertCan(actor, permissionFor(request.kind));
    if (request.kind === 'households' && request.format !== 'csv' && request.format !== 'xlsx') {
      throw new DomainError('invalid_input', message('imports.householdFormats'), { errors: [fieldError('format', message('imports.householdFormatsField'))] });
    }
    let crsMeridian: number | null = null;
    if (request.crs === 'vn2000' || request.province) {
      if (!request.province) throw new DomainError('invalid_input', message('imports.provinceForVn2000'), { errors: [fieldError('province', message('imports.provinceForVn2000Field'))] });
      const choice = meridianFor(request.province, request.meridian);
      if (!choice.ok) throw new DomainError('rule_violated', choice.message, { errors: [{ path: choice.field, message: choice.message }] });
      crsMeridian = choice.meridian;
    }
    const organisationId = request.organisationId ?? (actor.role === 'coop_manager' || actor.role === 'coop_recorder' || actor.role === 'enterprise' ? actor.organisationId : null);
    if (request.organisationId && !(await findOrganisationFor(db, actor, request.organisationId))) throw notFound('Organisation', request.organisationId);
    return { kind: request.kind, format: request.format, crs: request.crs, crsProvinceCode: request.province ?? null, crsMeridian, organisationId };
  }

  type ClaimedJob = NonNullable<Awaited<ReturnType<typeof claimNextJob>>>;

  /** The sender as they were when the file was sent: the job acts with exactly those rights. */
  function actorOf(job: ClaimedJob): Actor {
    return {
      userId: job.createdBy,
      displayName: '',
      role: job.actorRole,
      organisationId: job.actorOrganisationId,
      householdId: job.actorHouseholdId,
      adminUnitCode: job.actorAdminUnitCode,
      permissions: permissionsFor(job.actorRole, job.actorPermissions),
      via: job.actorVia,
    };
  }

  async function record(jobId: string, outcome: ImportOutcome) {
    const refusals: StoredImportRefusal[] = outcome.status === 'failed' ? outcome.refusals.slice(0, MAX_STORED_REFUSALS) : [];
    const refusedCount = outcome.status === 'failed' ? outcome.refusals.length : 0;
    const error = outcome.status === 'failed' && refusedCount > MAX_STORED_REFUSALS ? `${outcome.error} (the first ${MAX_STORED_REFUSALS} refusals are listed)` : outcome.status === 'failed' ? outcome.error : null;
    await finishJob(db, jobId, {
      status: outcome.status,
      importedRows: outcome.status === 'succeeded' ? outcome.importedRows : 0,
      refusals,
      refusedCount,
      error,
      ...(outcome.totalRows !== undefined ? { totalRows: outcome.totalRows } : {}),
    });
  }

  /** Marks a job alive while it runs, so that no other process takes it for interrupted. */
  function keepAlive(jobId: string) {
    const timer = setInterval(() => {
      recordProgress(db, jobId, {}).catch(() => {});
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }

  /** Runs one job and records how it ended; never throws. */
  async function runJob(job: ClaimedJob) {
    const stopHeartbeat = keepAlive(job.id);
    try {
      const prepared: PreparedImport = { kind: job.kind, format: job.format, crs: job.crs, crsProvinceCode: job.crsProvinceCode, crsMeridian: job.crsMeridian, organisationId: job.organisationId };
      const file = job.fileContent ? Buffer.from(job.fileContent.buffer, job.fileContent.byteOffset, job.fileContent.byteLength) : Buffer.alloc(0);
      const outcome = await runImportPipeline(database, prepared, actorOf(job), file, (progress) =>
        recordProgress(db, job.id, { ...(progress.totalRows !== null ? { totalRows: progress.totalRows } : {}), processedRows: progress.processedRows }),
      );
      await record(job.id, outcome);
    } catch (err) {
      log(`import job ${job.id} failed`, err);
      const message = err instanceof DomainError ? err.message : `The import stopped on an unexpected error; nothing was imported (${(err as Error).message})`;
      await record(job.id, { status: 'failed', error: message, refusals: [] }).catch((e: unknown) => log(`could not record the end of import job ${job.id}`, e));
    } finally {
      stopHeartbeat();
    }
  }

  // ---- the queue: one worker per process, woken by submit() and start()
  let worker: Promise<void> | null = null;
  let wanted = false;
  let stopping = false;

  async function drain() {
    while (!stopping) {
      wanted = false;
      const job = await claimNextJob(db);
      if (!job) {
        if (wanted) continue;
        return;
      }
      await runJob(job);
    }
  }

  function wake() {
    wanted = true;
    if (worker || stopping) return;
    worker = drain()
      .catch((err: unknown) => log('the import queue stopped on an error', err))
      .finally(() => {
        worker = null;
        if (wanted && !stopping) wake();
      });
  }

  /**
   * At start, PGlite's jobs still 'running' were all left by a stopped process (one process opens a
   * PGlite folder: lock file). On PostgreSQL other processes may be running theirs: only jobs without
   * a heartbeat for STALE_AFTER_SECONDS are taken back, at start and whenever a file arrives.
   */
  async function requeueInterrupted(atStart: boolean) {
    if (database.kind === 'pglite' && !atStart) return;
    await requeueInterruptedJobs(db, database.kind === 'pglite' ? 0 : STALE_AFTER_SECONDS);
  }

  return {
    /** Validates the request, stores the file as a queued job and wakes the queue. */
    async submit(actor: Actor, request: ImportRequest, file: Buffer) {
      if (file.length === 0) throw new DomainError('invalid_input', message('imports.emptyFile'), { errors: [fieldError('body', message('imports.emptyFileField'))] });
      const prepared = await prepare(actor, request);
      const { id } = await insertJob(db, actor, { ...prepared, fileName: request.fileName ?? null, fileSize: file.length, fileContent: file, status: 'queued' });
      await requeueInterrupted(false);
      wake();
      return { jobId: id };
    },

    /** The CLI's import: the same pipeline in the foreground, recorded as a job too. */
    async runNow(actor: Actor, request: ImportRequest, file: Buffer, onProgress: (progress: ImportProgress) => void = () => {}, trace?: ImportTrace) {
      const prepared = await prepare(actor, request);
      const { id } = await insertJob(db, actor, { ...prepared, fileName: request.fileName ?? null, fileSize: file.length, fileContent: null, status: 'running' });
      let outcome: ImportOutcome;
      const stopHeartbeat = keepAlive(id);
      try {
        outcome = await runImportPipeline(database, prepared, actor, file, async (progress) => {
          onProgress(progress);
          await recordProgress(db, id, { ...(progress.totalRows !== null ? { totalRows: progress.totalRows } : {}), processedRows: progress.processedRows });
        }, trace);
      } catch (err) {
        await record(id, { status: 'failed', error: `The import stopped on an unexpected error; nothing was imported (${(err as Error).message})`, refusals: [] });
        throw err;
      } finally {
        stopHeartbeat();
      }
      await record(id, outcome);
      return { jobId: id, ...outcome };
    },

    async getJob(actor: Actor, id: string) {
      const job = await findJob(db, actor, id);
      if (!job) throw notFound('Import job', id);
      return job;
    },

    listJobs: (actor: Actor) => listJobs(db, actor, 50, 20),

    template: (name: TemplateName) => renderTemplate(name),
    vn2000Zones,

    /** At server start: put interrupted jobs back in the queue and start on it. */
    async start() {
      stopping = false;
      await requeueInterrupted(true);
      wake();
    },

    /** At shutdown: take no new job and wait for the one running (its transaction commits or not). */
    async stop() {
      stopping = true;
      await worker;
    },

    /** Resolves when the queue is empty and idle (tests). */
    async idle() {
      while (worker) await worker;
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
