/**
 * A recalculation interrupted by a stop is resumed by the next start-up (main.ts calls
 * `resumeInterrupted`), from its checkpoint, with the same result as a run that was never stopped,
 * and by one instance only when two start together on the same database.
 *
 * The crash is simulated as in runs.int.test.ts: `maxBatches` stops the job after one committed batch,
 * leaving it 'running' with its checkpoint. "The next start-up" is new services built on the same
 * database, as main.ts builds them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RecalculationResponse } from '@dongxanh/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { createServices } from '../../services.ts';
import type { Clock } from '../../shared/clock.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { canonicalJson } from '../audit/index.ts';
import { createRecalculations } from './recalculation.ts';

const COMMUNE = '31258'; // the demo's Thới Lai commune: 60 seasons with current runs
let t: TestApp;
let provinceCookie: string;

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  provinceCookie = await t.loginAs('0901000001', DEMO_PASSWORD);
});
after(async () => {
  await t.close();
});

const clockAhead = (ms: number): Clock => ({ now: () => new Date(Date.now() + ms) });
const restart = (clock: Clock = { now: () => new Date() }) => createServices({ database: t.database, clock, sessionTtlHours: 24 });

/** Each season's run made by a job: what must not depend on whether the job was interrupted. */
async function resultsOf(jobId: string) {
  const rows = await t.database.db.selectFrom('mrvRuns').select(['seasonId', 'inputHash', 'co2eTotalT', 'reductionTco2e', 'result', 'isCurrent']).where('jobId', '=', jobId).orderBy('seasonId').execute();
  return rows.map((r) => ({ seasonId: r.seasonId, inputHash: r.inputHash, co2eTotalT: r.co2eTotalT, reductionTco2e: r.reductionTco2e, result: canonicalJson(r.result) }));
}

/** Starts a snapshot recalculation of the commune and "crashes" it after one batch of 25 seasons. */
async function crashedJob() {
  const crashing = createRecalculations({ db: t.database.db, clock: { now: () => new Date() }, runs: t.services.mrvRuns, batchSize: 25 });
  const job = await crashing.createJob(null, 'cli', { communeCode: COMMUNE, source: 'snapshots' });
  const stopped = await crashing.runJob(job.id, { maxBatches: 1 });
  assert.equal(stopped.status, 'running');
  assert.equal(stopped.processed, 25);
  return job.id;
}

/** Reads the job through the API, as the recalculations page does, until it finishes. */
async function progressUntilDone(id: string) {
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await t.request({ method: 'GET', url: `/api/v1/mrv/recalculations/${id}`, cookie: provinceCookie });
    assert.equal(res.statusCode, 200, res.body);
    const job = RecalculationResponse.parse(JSON.parse(res.body));
    seen.push(job.processed);
    if (job.status !== 'running' && job.status !== 'queued') return { job, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`recalculation ${id} did not finish`);
}

describe('resuming interrupted recalculations at start-up', () => {
  it('on the embedded database: one of two instances starting together resumes the job from its checkpoint, with the result of an uninterrupted run', async () => {
    const { db } = t.database;
    // The reference: the same recalculation, never interrupted.
    const uninterrupted = await createRecalculations({ db, clock: { now: () => new Date() }, runs: t.services.mrvRuns, batchSize: 25 })
      .createJob(null, 'cli', { communeCode: COMMUNE, source: 'snapshots' });
    const reference = await createRecalculations({ db, clock: { now: () => new Date() }, runs: t.services.mrvRuns, batchSize: 25 }).runJob(uninterrupted.id);
    assert.equal(reference.status, 'succeeded');
    const expected = await resultsOf(uninterrupted.id);
    assert.equal(expected.length, 60);

    const id = await crashedJob();
    const checkpoint = await db.selectFrom('mrvRecalcJobs').select(['checkpointSeasonId', 'heartbeatAt']).where('id', '=', id).executeTakeFirstOrThrow();
    // A restart comes after the stop: the new instances' start must be later than the last heartbeat
    // (both are milliseconds), which is what tells them it was written by a stopped process.
    await new Promise((r) => setTimeout(r, 5));
    const first = restart();
    const second = restart();
    const [a, b] = await Promise.all([first.recalculations.resumeInterrupted({ exclusive: true }), second.recalculations.resumeInterrupted({ exclusive: true })]);
    assert.deepEqual([...a, ...b].map((j) => ({ id: j.id, processed: j.processed, total: j.total })), [{ id, processed: 25, total: 60 }], 'exactly one instance took the job, at its checkpoint');

    const { job, seen } = await progressUntilDone(id);
    await Promise.all([first.recalculations.idle(), second.recalculations.idle()]);
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.deepEqual({ processed: job.processed, computed: job.computed, skipped: job.skipped, percent: job.percent }, { processed: 60, computed: 60, skipped: 0, percent: 100 });
    assert.ok(seen.every((n) => n >= 25), `progress never went back behind the checkpoint: ${seen.join(', ')}`);
    const stored = await db.selectFrom('mrvRecalcJobs').select(['attempts', 'checkpointSeasonId']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.attempts, 2, 'claimed by the crashed run and by one resuming instance, no more');
    assert.notEqual(stored.checkpointSeasonId, checkpoint.checkpointSeasonId);

    const resumed = await resultsOf(id);
    assert.equal(new Set(resumed.map((r) => r.seasonId)).size, 60, 'no season computed twice');
    assert.deepEqual(resumed, expected, 'every season has the result the uninterrupted run gave it');
    const current = await db.selectFrom('mrvRuns').select(['jobId']).where('isCurrent', '=', true).where('communeCode', '=', COMMUNE).execute();
    assert.equal(current.length, 60);
    assert.ok(current.every((r) => r.jobId === id), 'the resumed job\'s runs are the current ones');
  });

  it('on a shared PostgreSQL: leaves a job whose heartbeat is fresh (another server may be on it) and takes it, once, when the heartbeat is stale', async () => {
    const id = await crashedJob();
    const justStarted = restart();
    assert.deepEqual(await justStarted.recalculations.resumeInterrupted({ exclusive: false }), []);
    justStarted.recalculations.stopWatching();
    assert.equal((await t.database.db.selectFrom('mrvRecalcJobs').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).attempts, 1);

    // Two servers starting more than the stale limit (60 s) after the last heartbeat.
    const later = [restart(clockAhead(61_000)), restart(clockAhead(61_000))];
    const taken = await Promise.all(later.map((s) => s.recalculations.resumeInterrupted({ exclusive: false })));
    assert.deepEqual(taken.flat().map((j) => j.id), [id]);
    await Promise.all(later.map((s) => s.recalculations.idle()));
    const { job } = await progressUntilDone(id);
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.equal(job.computed, 60);
    assert.equal((await t.database.db.selectFrom('mrvRecalcJobs').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).attempts, 2);
  });

  it('finds nothing to resume quickly when no job was interrupted', async () => {
    const started = performance.now();
    assert.deepEqual(await restart().recalculations.resumeInterrupted({ exclusive: true }), []);
    assert.ok(performance.now() - started < 500, 'one small query');
  });
});
