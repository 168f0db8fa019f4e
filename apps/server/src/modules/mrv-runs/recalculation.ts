/**
 * Recalculating a whole commune or province in the background (after a factor-table update, say),
 * with progress, resumable after a crash, and never half-visible:
 *
 * - the job walks the scope's seasons in id order, a batch at a time; each batch's new runs (marked
 *   with the job id, not current) and the job's checkpoint (the last season id done) and counters
 *   commit in one transaction, so a crash loses nothing committed and a resumed job starts right after
 *   the checkpoint without computing a season twice;
 * - readers see only current runs; when the last batch is done, one transaction makes every run of the
 *   job current and supersedes the runs they replace. Until then the province shows its old numbers,
 *   after it the new ones: never a mixture.
 *
 * Sources: 'diary' rebuilds each season's input from its diary facts (a season whose facts are
 * incomplete is skipped and keeps its current run); 'snapshots' recomputes the current runs' stored
 * input documents with the engine as it is now (what a factor-table update needs, and what the bench
 * measures).
 */
import type { CreateRecalculationBody, RecalculationResponse } from '@dongxanh/contracts';
import { FACTOR_TABLE_VERSION, METHOD_VERSION } from '@dongxanh/methodology';
import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { MrvRecalcJobsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, invalidInput, notFound } from '../../shared/errors.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { computeRun } from './run-calculation.ts';
import { insertRuns, makeJobCurrent, type NewRun, type SeasonForRun } from './runs.repository.ts';
import { runRow, type RunsService } from './runs.service.ts';

export const RECALC_BATCH = 500;

type JobRow = { [K in keyof MrvRecalcJobsTable]: MrvRecalcJobsTable[K] extends { __select__: infer S } ? S : MrvRecalcJobsTable[K] };

/** A reader for the job's own queries: the scope was checked when the job was requested. */
const jobReader = (requestedBy: string | null): Actor => ({
  userId: requestedBy ?? '00000000-0000-0000-0000-000000000000', displayName: 'recalculation job', role: 'admin', organisationId: null, householdId: null,
  adminUnitCode: null, permissions: new Set(['registry:read']), via: 'session',
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentJob(j: Awaited<ReturnType<typeof findJob>> & object): RecalculationResponse {
  const total = j.total ?? null;
  return {
    id: j.id, scopeKind: j.scopeKind, scopeCode: j.scopeCode, source: j.source, status: j.status, total, processed: j.processed, computed: j.computed,
    skipped: j.skipped, percent: total ? Math.min(100, Math.round((1000 * j.processed) / total) / 10) : j.status === 'succeeded' ? 100 : 0, error: j.error,
    methodVersion: j.methodVersion, factorTableVersion: j.factorTableVersion, createdAt: iso(j.createdAt)!, startedAt: iso(j.startedAt), finishedAt: iso(j.finishedAt),
  };
}

async function findJob(db: Executor, id: string) {
  return db.selectFrom('mrvRecalcJobs').selectAll().where('id', '=', id).executeTakeFirst();
}

function jobVisibleTo(actor: Actor, job: { provinceCode: string; scopeCode: string }) {
  if (actor.role === 'admin') return true;
  if (!actor.adminUnitCode) return false;
  return actor.adminUnitCode.length <= 2 ? job.provinceCode === actor.adminUnitCode : job.scopeCode === actor.adminUnitCode;
}

export interface RecalcDeps {
  db: Database;
  clock: Clock;
  runs: Pick<RunsService, 'prepare'>;
  log?: (message: string, err?: unknown) => void;
  /** A running job whose heartbeat is older than this may be taken over (a crashed process). */
  staleAfterMs?: number;
  /** Seasons per committed batch. */
  batchSize?: number;
}

export function createRecalculations({ db, clock, runs, log = () => {}, staleAfterMs = 60_000, batchSize = RECALC_BATCH }: RecalcDeps) {
  const running = new Map<string, Promise<unknown>>();

  function seasonsInScope(tx: Executor, job: JobRow) {
    let q = tx.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').where('s.provinceCode', '=', job.provinceCode);
    if (job.scopeKind === 'commune') q = q.where('s.communeCode', '=', job.scopeCode);
    return q;
  }

  async function countTotal(job: JobRow) {
    if (job.source === 'diary') {
      const r = await seasonsInScope(db, job).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    }
    let q = db.selectFrom('mrvRuns').select(sql<number>`count(*)`.as('n')).where('provinceCode', '=', job.provinceCode).where('isCurrent', '=', true);
    if (job.scopeKind === 'commune') q = q.where('communeCode', '=', job.scopeCode);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** One batch: the new runs (not current yet) of the seasons after the checkpoint. */
  async function computeBatch(job: JobRow): Promise<{ rows: NewRun[]; lastSeasonId: string | null; processed: number; skipped: number }> {
    const after = job.checkpointSeasonId ?? '00000000-0000-0000-0000-000000000000';
    if (job.source === 'snapshots') {
      let q = db
        .selectFrom('mrvRuns')
        .select(['seasonId', 'plotId', 'provinceCode', 'communeCode', 'organisationId', 'householdId', 'projectId', 'kind', 'areaHa', sql<string>`input_snapshot::text`.as('inputSnapshotText')])
        .where('provinceCode', '=', job.provinceCode)
        .where('isCurrent', '=', true)
        .where('seasonId', '>', after);
      if (job.scopeKind === 'commune') q = q.where('communeCode', '=', job.scopeCode);
      const current = await q.orderBy('seasonId').limit(batchSize).execute();
      const rows = current.map((r): NewRun => {
        const computed = computeRun(r.kind, JSON.parse(r.inputSnapshotText));
        const season: SeasonForRun = { id: r.seasonId, plotId: r.plotId, plotCode: '', plotName: '', provinceCode: r.provinceCode, communeCode: r.communeCode, organisationId: r.organisationId, householdId: r.householdId, areaHa: r.areaHa, plannedStartOn: '', plannedEndOn: null, actualEndOn: null, year: 0 };
        return runRow(season, r.projectId, computed, job.requestedBy, job.id);
      });
      return { rows, lastSeasonId: current.at(-1)?.seasonId ?? null, processed: current.length, skipped: 0 };
    }
    const seasons = await seasonsInScope(db, job)
      .select(['s.id', 's.plotId', 'p.code as plotCode', 'p.name as plotName', 's.provinceCode', 's.communeCode', 's.organisationId', 's.householdId', 's.areaHa', 's.plannedStartOn', 's.plannedEndOn', 's.actualEndOn', 's.year'])
      .where('s.id', '>', after)
      .orderBy('s.id')
      .limit(batchSize)
      .execute();
    const reader = jobReader(job.requestedBy);
    const rows: NewRun[] = [];
    let skipped = 0;
    for (const season of seasons) {
      const prepared = await runs.prepare(reader, season);
      if (!prepared.ok) { skipped++; continue; }
      rows.push(runRow(season, prepared.project?.id ?? null, prepared.computed, job.requestedBy, job.id));
    }
    return { rows, lastSeasonId: seasons.at(-1)?.id ?? null, processed: seasons.length, skipped };
  }

  /**
   * Claims a job (queued, failed, or running with a heartbeat older than `abandonedBefore`), so two
   * workers never run one job: the claim is one conditional UPDATE that stamps a fresh heartbeat, and a
   * second claimer's UPDATE (PostgreSQL re-checks the condition after the first commits) matches no row.
   */
  async function claim(id: string, abandonedBefore = new Date(clock.now().getTime() - staleAfterMs)) {
    return db
      .updateTable('mrvRecalcJobs')
      .set({ status: 'running', attempts: sql`attempts + 1`, heartbeatAt: clock.now(), startedAt: sql`coalesce(started_at, ${clock.now()})`, error: null })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', 'in', ['queued', 'failed']), eb.and([eb('status', '=', 'running'), eb.or([eb('heartbeatAt', 'is', null), eb('heartbeatAt', '<', abandonedBefore)])])]))
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Runs a claimed job to the end. `maxBatches` stops it after that many batches, leaving it 'running'
   * exactly as a crash between two batches would (tests use it to prove resumption).
   */
  async function runJob(id: string, opts: { maxBatches?: number; onProgress?: (job: RecalculationResponse) => void } = {}) {
    const claimed = await claim(id);
    if (!claimed) throw new DomainError('conflict', `Recalculation ${id} is already running or finished`);
    return runClaimed(claimed, opts);
  }

  async function runClaimed(claimed: JobRow, opts: { maxBatches?: number; onProgress?: (job: RecalculationResponse) => void } = {}) {
    const id = claimed.id;
    let job = claimed;
    try {
      if (job.total === null) {
        const total = await countTotal(job);
        job = await db.updateTable('mrvRecalcJobs').set({ total }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      }
      for (let batches = 0; ; batches++) {
        if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return presentJob(job);
        const batch = await computeBatch(job);
        if (batch.processed === 0) break;
        job = await db.transaction().execute(async (tx) => {
          await insertRuns(tx, batch.rows);
          return tx
            .updateTable('mrvRecalcJobs')
            .set({
              checkpointSeasonId: batch.lastSeasonId, processed: sql`processed + ${batch.processed}`, computed: sql`computed + ${batch.rows.length}`,
              skipped: sql`skipped + ${batch.skipped}`, heartbeatAt: clock.now(),
            })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
        });
        opts.onProgress?.(presentJob(job));
      }
      const provinceCode = job.provinceCode;
      job = await db.transaction().execute(async (tx) => {
        await makeJobCurrent(tx, id, provinceCode);
        return tx.updateTable('mrvRecalcJobs').set({ status: 'succeeded', finishedAt: clock.now(), heartbeatAt: clock.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      });
      opts.onProgress?.(presentJob(job));
      return presentJob(job);
    } catch (err) {
      log(`recalculation ${id} failed`, err);
      // Its runs stay invisible (not current); resuming continues from the checkpoint.
      await db.updateTable('mrvRecalcJobs').set({ status: 'failed', error: (err as Error).message, finishedAt: clock.now() }).where('id', '=', id).execute();
      throw err;
    }
  }

  function runInBackground(id: string, claimed?: JobRow) {
    const p = (claimed ? runClaimed(claimed) : runJob(id)).catch((err: unknown) => log(`recalculation ${id} stopped`, err)).finally(() => running.delete(id));
    running.set(id, p);
  }

  // When this instance was made: with the data to itself (see resumeInterrupted), a heartbeat older
  // than this was written by a process that has since stopped.
  const startedAt = clock.now();
  let recheck: ReturnType<typeof setTimeout> | null = null;

  /**
   * Start-up: takes over the jobs a stopped process left 'running' and continues each in the
   * background from its checkpoint. `exclusive` says no other process can be working on this database
   * (embedded PGlite, whose data folder this process has locked): then every job running before this
   * instance started is abandoned. Otherwise (PostgreSQL, where other servers may be running jobs) a
   * job is abandoned once its heartbeat is older than the stale limit, and running jobs whose heartbeat
   * is still fresh are looked at again when it would go stale. One small query when there is nothing
   * to resume. Returns the jobs this instance took.
   */
  async function resumeInterrupted(opts: { exclusive: boolean }): Promise<Array<{ id: string; scopeKind: string; scopeCode: string; processed: number; total: number | null }>> {
    const abandonedBefore = opts.exclusive ? startedAt : new Date(clock.now().getTime() - staleAfterMs);
    const left = await db.selectFrom('mrvRecalcJobs').select(['id', 'heartbeatAt']).where('status', '=', 'running').orderBy('createdAt').execute();
    const taken = [];
    let freshest: Date | null = null;
    for (const candidate of left) {
      if (running.has(candidate.id)) continue;
      if (candidate.heartbeatAt && candidate.heartbeatAt >= abandonedBefore) {
        if (!freshest || candidate.heartbeatAt > freshest) freshest = candidate.heartbeatAt;
        continue;
      }
      const job = await claim(candidate.id, abandonedBefore);
      if (!job) continue; // another server took it first
      log(`resuming recalculation ${job.id} (${job.scopeKind} ${job.scopeCode}) from its checkpoint: ${job.processed}/${job.total ?? '?'} seasons done, attempt ${job.attempts}`);
      runInBackground(job.id, job);
      taken.push({ id: job.id, scopeKind: job.scopeKind, scopeCode: job.scopeCode, processed: job.processed, total: job.total });
    }
    if (!opts.exclusive && freshest) {
      // Possibly alive on another server: look again once its heartbeat would have gone stale.
      if (recheck) clearTimeout(recheck);
      const wait = Math.max(1000, freshest.getTime() + staleAfterMs - clock.now().getTime() + 1000);
      recheck = setTimeout(() => {
        recheck = null;
        resumeInterrupted(opts).catch((err: unknown) => log('looking for interrupted recalculations failed', err));
      }, wait);
      recheck.unref();
    }
    return taken;
  }

  async function unitOf(body: CreateRecalculationBody) {
    const scopeCode = body.provinceCode ?? body.communeCode!;
    const unit = await db.selectFrom('adminUnits').select(['code', 'level', 'parentCode']).where('code', '=', scopeCode).where('validTo', 'is', null).executeTakeFirst();
    const field = body.provinceCode ? 'provinceCode' : 'communeCode';
    if (!unit || unit.level !== (body.provinceCode ? 'province' : 'commune')) throw invalidInput([{ path: field, message: `No ${body.provinceCode ? 'province' : 'commune'} ${scopeCode} in the 2025 units` }]);
    return unit;
  }

  async function createJob(requestedBy: string | null, via: 'api' | 'cli', body: CreateRecalculationBody) {
    const scopeCode = body.provinceCode ?? body.communeCode!;
    const unit = await unitOf(body);
    return db
      .insertInto('mrvRecalcJobs')
      .values({
        scopeKind: body.provinceCode ? 'province' : 'commune', scopeCode, provinceCode: body.provinceCode ?? unit.parentCode!, source: body.source,
        methodVersion: METHOD_VERSION, factorTableVersion: FACTOR_TABLE_VERSION, requestedBy, requestedVia: via,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  return {
    async start(actor: Actor, body: CreateRecalculationBody) {
      assertCan(actor, 'mrv:manage');
      const unit = await unitOf(body);
      // A province officer recalculates their province or one of its communes.
      if (actor.role !== 'admin' && actor.adminUnitCode !== unit.code && actor.adminUnitCode !== unit.parentCode) {
        throw new DomainError('forbidden', `You may recalculate only ${actor.adminUnitCode ?? 'your own unit'} and its communes`);
      }
      const job = await createJob(actor.userId, 'api', body);
      runInBackground(job.id);
      return presentJob(job);
    },

    async get(actor: Actor, id: string) {
      assertCan(actor, 'registry:read');
      const job = await findJob(db, id);
      if (!job || !jobVisibleTo(actor, job)) throw notFound('Recalculation', id);
      return presentJob(job);
    },

    async resume(actor: Actor, id: string) {
      const job = await findJob(db, id);
      if (!job || !jobVisibleTo(actor, job)) throw notFound('Recalculation', id);
      assertCan(actor, 'mrv:manage');
      if (running.has(id)) return presentJob(job);
      if (job.status === 'succeeded') throw new DomainError('conflict', `Recalculation ${id} has finished`);
      runInBackground(id);
      return presentJob(job);
    },

    /** The CLI: create a job and run it in this process, reporting progress. */
    async runNow(body: CreateRecalculationBody, onProgress: (job: RecalculationResponse) => void, resumeId?: string) {
      const id = resumeId ?? (await createJob(null, 'cli', body)).id;
      return runJob(id, { onProgress });
    },

    /** Jobs left 'running' by a stopped process (heartbeat older than the stale limit), oldest first. */
    async interrupted() {
      const staleBefore = new Date(clock.now().getTime() - staleAfterMs);
      return db.selectFrom('mrvRecalcJobs').select(['id', 'scopeKind', 'scopeCode', 'processed', 'total']).where('status', '=', 'running').where('heartbeatAt', '<', staleBefore).orderBy('createdAt').execute();
    },

    runJob,
    createJob,
    resumeInterrupted,
    /** Waits for the jobs running in this process (tests, shutdown). */
    async idle() {
      await Promise.all([...running.values()]);
    },
    /** Stops looking again for interrupted jobs (shutdown); jobs under way keep their checkpoints. */
    stopWatching() {
      if (recheck) clearTimeout(recheck);
      recheck = null;
    },
  };
}
export type Recalculations = ReturnType<typeof createRecalculations>;
