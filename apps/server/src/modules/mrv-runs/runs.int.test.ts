/**
 * Runs from the diary, recomputation from the snapshot, missing facts, scope, projects, and the
 * background recalculation of a commune with a crash in the middle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Problem, ProjectResponse, RecalculationResponse, RecomputeResponse, RunResponse, SeasonRunsResponse } from '@dongxanh/contracts';
import { calculate } from '@dongxanh/methodology';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { given } from '../../testing/given.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { canonicalHash, canonicalJson } from '../audit/index.ts';
import { createRecalculations } from './recalculation.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const LOGINS = { province: '0901000001', commune: '0901000002', manager: '0901000003', recorder: '0901000004', farmer: '0901000005' } as const;
type Who = keyof typeof LOGINS | 'stranger';

async function call(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.request({ method, url: `/api/v1${url}`, cookie: cookies[who]!, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null };
}
const seasonOf = async (plotCode: string) =>
  (await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id', 's.plotId']).where('p.code', '=', plotCode).orderBy('s.plannedStartOn').executeTakeFirstOrThrow());

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  for (const [who, login] of Object.entries(LOGINS)) cookies[who] = await t.loginAs(login, DEMO_PASSWORD);
  const other = await given(t.database.db).cooperativeWithMembers();
  cookies.stranger = await t.loginAs(other.manager.login, other.manager.password);
});
after(async () => {
  await t.close();
});

describe('MRV runs of a plot-season', () => {
  it('computes a run from the diary, stores its snapshot and hash, and recomputes it identically', async () => {
    const { id } = await seasonOf('CT-TL-010');
    const res = await call('manager', 'POST', `/seasons/${id}/runs`);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const run = RunResponse.parse(res.body);
    assert.equal(run.kind, 'crediting');
    assert.equal(run.isCurrent, true);
    assert.equal(run.projectCode, 'CTTL01');
    assert.equal(run.inputHash, canonicalHash(run.inputSnapshot));
    // The stored result is the engine's answer to the stored snapshot.
    assert.equal(canonicalJson(run.result), canonicalJson(JSON.parse(JSON.stringify(calculate(run.inputSnapshot)))));
    const snapshot = run.inputSnapshot as { baseline: { seasons: Array<{ water_regime: string; organic_amendments: Array<{ type: string }> }> } };
    assert.equal(snapshot.baseline.seasons[0]!.water_regime, 'continuously_flooded');
    assert.equal(snapshot.baseline.seasons[0]!.organic_amendments[0]!.type, 'straw_lt30d');
    assert.ok(run.reductionTCo2e !== null && run.reductionTCo2ePerHa !== null);
    assert.ok(Math.abs(run.reductionTCo2ePerHa! * run.areaHa - run.reductionTCo2e!) < 1e-9);
    const stored = await t.database.db.selectFrom('mrvRuns').select(['createdBy', 'createdAt', 'inputHash']).where('id', '=', run.id).executeTakeFirstOrThrow();
    assert.ok(stored.createdBy && stored.createdAt);

    const again = await call('commune', 'POST', `/mrv/runs/${run.id}/recompute`);
    assert.equal(again.status, 200);
    const check = RecomputeResponse.parse(again.body);
    assert.equal(check.identical, true);
    assert.equal(check.inputHashMatches, true);
    assert.deepEqual(check.differences, []);
    assert.equal(check.recomputedCo2eTotalT, run.co2eTotalT);
  });

  it('a new run supersedes the current one, which stays readable', async () => {
    const { id } = await seasonOf('CT-TL-011');
    const first = RunResponse.parse((await call('recorder', 'POST', `/seasons/${id}/runs`)).body);
    const second = RunResponse.parse((await call('recorder', 'POST', `/seasons/${id}/runs`)).body);
    const list = SeasonRunsResponse.parse((await call('manager', 'GET', `/seasons/${id}/runs`)).body);
    assert.equal(list.current!.id, second.id);
    assert.equal(list.runs.find((r) => r.id === first.id)!.supersededBy, second.id);
    assert.equal(list.runs.filter((r) => r.isCurrent).length, 1);
    assert.equal(second.inputHash, first.inputHash);
  });

  it('refuses a season without water-regime evidence with 422 naming the missing facts, storing nothing', async () => {
    const { plotId } = await seasonOf('CT-TL-012');
    const created = await call('recorder', 'POST', `/plots/${plotId}/seasons`, { cropCode: 'rice', seasonName: 'he_thu', year: 2026, plannedStartOn: '2026-04-05', plannedEndOn: '2026-07-20' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const seasonId = (created.body as { season: { id: string } }).season.id;
    const acts = [
      { occurredOn: '2026-04-05', type: 'land_preparation', details: { operation: 'rotavating', mechanised: true } },
      { occurredOn: '2026-04-12', type: 'sowing', details: { method: 'direct_seeding_drum', seedRateKgPerHa: 90, variety: 'OM5451', seedSource: 'certified' } },
      { occurredOn: '2026-07-18', type: 'harvest', details: { yieldKgPerHa: 5800, moisturePct: 24, method: 'combine' } },
    ];
    for (const a of acts) assert.equal((await call('recorder', 'POST', `/seasons/${seasonId}/activities`, { clientId: crypto.randomUUID(), ...a })).status, 201);
    const res = await call('recorder', 'POST', `/seasons/${seasonId}/runs`);
    assert.equal(res.status, 422);
    const problem = Problem.extend({}).passthrough().parse(res.body) as Problem & { missing: Array<{ fact: string; reason: string }> };
    assert.ok(problem.missing.some((m) => m.fact === 'waterRegime'), JSON.stringify(problem.missing));
    assert.match(problem.detail, /waterRegime/);
    assert.ok(problem.errors!.some((e) => e.path === 'waterRegime' && /AWD/.test(e.message)));
    const runs = await t.database.db.selectFrom('mrvRuns').select('id').where('seasonId', '=', seasonId).execute();
    assert.equal(runs.length, 0);
  });

  it('answers 404 outside the caller\'s scope and 403 to a role that may not compute', async () => {
    const { id } = await seasonOf('CT-TL-001');
    assert.equal((await call('stranger', 'POST', `/seasons/${id}/runs`)).status, 404);
    assert.equal((await call('stranger', 'GET', `/seasons/${id}/runs`)).status, 404);
    assert.equal((await call('farmer', 'POST', `/seasons/${id}/runs`)).status, 403);
    const list = SeasonRunsResponse.parse((await call('farmer', 'GET', `/seasons/${id}/runs`)).body);
    assert.ok(list.current);
    assert.equal((await call('stranger', 'GET', `/mrv/runs/${list.current.id}`)).status, 404);
  });
});

describe('crediting projects', () => {
  it('are created by the province with a baseline; bad input names the field', async () => {
    const coop = await given(t.database.db).organisation({ name: 'HTX Cờ Đỏ Xanh', communeCode: '31261' });
    const outside = await given(t.database.db).organisation({ name: 'HTX Hà Nội', communeCode: '00004' });
    const body = { code: 'CTCD01', name: 'Lúa Cờ Đỏ', provinceCode: '92', organisationIds: [coop.id], baseline: { kind: 'look_back' } };
    assert.equal((await call('commune', 'POST', '/mrv/projects', body)).status, 403);
    const bad = await call('province', 'POST', '/mrv/projects', { ...body, organisationIds: [outside.id] });
    assert.equal(bad.status, 400);
    assert.equal(Problem.parse(bad.body).errors![0]!.path, 'organisationIds[0]');
    const badPractice = await call('province', 'POST', '/mrv/projects', { ...body, baseline: { kind: 'fixed_practice', practice: { waterRegime: 'awd', strawManagement: 'removed', strawDmTPerHa: null } } });
    assert.equal(badPractice.status, 400);
    assert.match(Problem.parse(badPractice.body).errors![0]!.path, /waterRegime/);
    const created = await call('province', 'POST', '/mrv/projects', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const project = ProjectResponse.parse(created.body);
    assert.deepEqual(project.baseline, { kind: 'look_back' });
    assert.equal(project.gwpSet, 'AR5');
    assert.equal((await call('province', 'POST', '/mrv/projects', { ...body, code: 'CTCD02' })).status, 409);
    assert.equal((await call('stranger', 'GET', `/mrv/projects/${project.id}`)).status, 404);
  });
});

describe('recalculating a commune in the background', () => {
  it('survives a crash between batches: nothing half-updated is visible, and resuming finishes the job once', async () => {
    const { db } = t.database;
    const services = t.services;
    const recalc = createRecalculations({ db, clock: { now: () => new Date() }, runs: services.mrvRuns, staleAfterMs: 0, batchSize: 25 });
    const currentBefore = await db.selectFrom('mrvRuns').select(['id', 'seasonId']).where('isCurrent', '=', true).where('communeCode', '=', '31258').execute();
    assert.equal(currentBefore.length, 60);

    const job = await recalc.createJob(null, 'cli', { communeCode: '31258', source: 'snapshots' });
    const stopped = await recalc.runJob(job.id, { maxBatches: 1 }); // "crashes" after one committed batch
    assert.equal(stopped.status, 'running');
    assert.equal(stopped.processed, 25);
    assert.equal(stopped.total, 60);
    const visible = await db.selectFrom('mrvRuns').select(['id']).where('isCurrent', '=', true).where('communeCode', '=', '31258').execute();
    assert.deepEqual(visible.map((r) => r.id).sort(), currentBefore.map((r) => r.id).sort(), 'readers still see every old run');
    assert.equal((await db.selectFrom('mrvRuns').select('id').where('jobId', '=', job.id).execute()).length, 25);

    const done = await recalc.runJob(job.id);
    assert.equal(done.status, 'succeeded');
    assert.equal(done.processed, 60);
    assert.equal(done.computed, 60);
    assert.equal(done.percent, 100);
    const jobRuns = await db.selectFrom('mrvRuns').select(['seasonId', 'isCurrent', 'inputHash']).where('jobId', '=', job.id).execute();
    assert.equal(jobRuns.length, 60);
    assert.equal(new Set(jobRuns.map((r) => r.seasonId)).size, 60, 'no season computed twice');
    assert.ok(jobRuns.every((r) => r.isCurrent));
    const old = await db.selectFrom('mrvRuns').select(['supersededBy', 'isCurrent']).where('id', 'in', currentBefore.map((r) => r.id)).execute();
    assert.ok(old.every((r) => !r.isCurrent && r.supersededBy));
  });

  it('runs from the API with progress, for the province officer only', async () => {
    assert.equal((await call('commune', 'POST', '/mrv/recalculations', { communeCode: '31258' })).status, 403);
    assert.equal((await call('province', 'POST', '/mrv/recalculations', { communeCode: '99999' })).status, 400);
    const both = await call('province', 'POST', '/mrv/recalculations', { communeCode: '31258', provinceCode: '92' });
    assert.equal(both.status, 400);
    const started = await call('province', 'POST', '/mrv/recalculations', { communeCode: '31258', source: 'diary' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const job = RecalculationResponse.parse(started.body);
    let status = job;
    for (let i = 0; i < 600 && status.status !== 'succeeded' && status.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = RecalculationResponse.parse((await call('province', 'GET', `/mrv/recalculations/${job.id}`)).body);
    }
    assert.equal(status.status, 'succeeded', status.error ?? '');
    // 60 demo seasons plus the incomplete Hè Thu season made above (skipped: its current run, none, stays).
    assert.equal(status.total, 61);
    assert.equal(status.computed, 60);
    assert.equal(status.skipped, 1);
    assert.equal(status.percent, 100);
    assert.equal((await call('farmer', 'GET', `/mrv/recalculations/${job.id}`)).status, 404);
    await t.services.recalculations.idle();
  });
});
