/**
 * Programme management on a real database: the Quảng Trị appendix as tasks with their deadlines and
 * overdue ones (the clock fixed on 1 February 2027), progress notes, training events with coverage
 * against a plan's targets, and land consolidation records — with plots (their PostGIS area) or an
 * entered area — feeding the consolidated-area indicators.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LandConsolidationList, PlanDetail, TaskList, TrainingCoverage } from '@dongxanh/contracts';
import { CAN_THO, given, THOI_LAI } from '../../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/seed-plans/index.ts';
import { taskTiming } from './programme.service.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const plans: Record<string, string> = {};
let plotIds: string[] = [];
let plotArea = 0;
const json = <T>(body: string) => JSON.parse(body) as T;
const QUANG_TRI = '44';

before(async () => {
  t = await createTestApp({ clock: fixedClock('2027-02-01T03:00:00Z') });
  const g = given(t.database.db);
  await t.database.db.transaction().execute((tx) => loadSeedPlans(tx));
  for (const p of await t.database.db.selectFrom('plans').select(['id', 'code']).execute()) plans[p.code] = p.id;
  const qtCommune = await t.database.db.selectFrom('adminUnits').select('code').where('parentCode', '=', QUANG_TRI).orderBy('code').executeTakeFirstOrThrow();
  assert.equal(qtCommune.code.length, 5, 'a commune of Quảng Trị');
  const coop = await g.organisation({ communeCode: THOI_LAI });
  const p1 = await g.plot({ organisationId: coop.id, lon: 105.551, lat: 10.061, sideM: 100 });
  const p2 = await g.plot({ organisationId: coop.id, lon: 105.553, lat: 10.061, sideM: 100 });
  plotIds = [p1.id, p2.id];
  plotArea = Number(p1.areaHa) + Number(p2.areaHa);
  const users = {
    admin: await g.user({ role: 'admin' }),
    quangTri: await g.user({ role: 'province_officer', adminUnitCode: QUANG_TRI }),
    canTho: await g.user({ role: 'province_officer', adminUnitCode: CAN_THO }),
    commune: await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI }),
    verifier: await g.user({ role: 'verifier', adminUnitCode: CAN_THO }),
  };
  for (const [name, u] of Object.entries(users)) cookies[name] = await t.loginAs(u.login, u.password);
  cookies.qtCommuneCode = qtCommune.code;
});

after(async () => {
  await t?.close();
});

describe('tasks', () => {
  test('due dates and overdue tasks: a pure rule', () => {
    assert.deepEqual(taskTiming({ dueOn: '2026-12-31', recurrence: 'none', status: 'in_progress', latestNote: null }, '2027-02-01'), { currentDueOn: '2026-12-31', overdue: true, daysOverdue: 32 });
    assert.equal(taskTiming({ dueOn: '2026-12-31', recurrence: 'none', status: 'done', latestNote: null }, '2027-02-01').overdue, false);
    // "Trước ngày 10/12 hằng năm": due each 10 December; done this year means not overdue.
    assert.deepEqual(taskTiming({ dueOn: '2025-12-10', recurrence: 'yearly', status: 'not_started', latestNote: null }, '2027-02-01'), { currentDueOn: '2027-12-10', overdue: false, daysOverdue: null });
    assert.equal(taskTiming({ dueOn: '2025-12-10', recurrence: 'yearly', status: 'not_started', latestNote: null }, '2027-12-11').overdue, true);
    assert.equal(taskTiming({ dueOn: '2025-12-10', recurrence: 'yearly', status: 'done', latestNote: { status: 'done', notedAt: new Date('2027-12-05T03:00:00Z') } }, '2027-12-11').overdue, false);
  });

  test('the Quảng Trị appendix: ten tasks, the ones due in 2026 overdue on 1 February 2027', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/plans/${plans['quang-tri-04-nq-tu-land-consolidation']}/tasks`, cookie: cookies.quangTri });
    assert.equal(res.statusCode, 200, res.body);
    const list = TaskList.parse(json(res.body));
    assert.equal(list.items.length, 10);
    assert.equal(list.today, '2027-02-01');
    assert.deepEqual(list.items.filter((i) => i.overdue).map((i) => i.code), ['I.1', 'I.2', 'II.1', 'II.2', 'III.2']);
    assert.equal(list.overdueCount, 5);
    const first = list.items[0]!;
    assert.equal(first.leadAgency, 'Sở Nông nghiệp và Môi trường');
    assert.equal(first.expectedResult, 'Nghị quyết của HĐND tỉnh');
    assert.equal(first.deadlineText, 'Năm 2026');
    assert.equal(first.daysOverdue, 32);
    const overdueOnly = TaskList.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${plans['quang-tri-04-nq-tu-land-consolidation']}/tasks?overdue=true`, cookie: cookies.quangTri })).body));
    assert.equal(overdueOnly.items.length, 5);
    assert.equal((await t.request({ method: 'GET', url: `/api/v1/plans/${plans['quang-tri-04-nq-tu-land-consolidation']}/tasks`, cookie: cookies.canTho })).statusCode, 404);
  });

  test('a progress note records who and when and moves the task; done tasks are no longer overdue', async () => {
    const list = TaskList.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${plans['quang-tri-04-nq-tu-land-consolidation']}/tasks`, cookie: cookies.quangTri })).body));
    const task = list.items.find((i) => i.code === 'II.2')!;
    const empty = await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/notes`, cookie: cookies.quangTri, payload: { note: '', status: 'done' } });
    assert.equal(empty.statusCode, 400);
    assert.equal(json<{ errors: Array<{ path: string }> }>(empty.body).errors[0]!.path, 'note');
    assert.equal((await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/notes`, cookie: cookies.canTho, payload: { note: 'x', status: 'done' } })).statusCode, 404);
    const ok = await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/notes`, cookie: cookies.quangTri, payload: { note: 'Đã ban hành Hướng dẫn số 15/HD-SNNMT ngày 20/01/2027', status: 'done', progressPct: 100 } });
    assert.equal(ok.statusCode, 204, ok.body);
    const after = TaskList.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${plans['quang-tri-04-nq-tu-land-consolidation']}/tasks`, cookie: cookies.quangTri })).body));
    const done = after.items.find((i) => i.code === 'II.2')!;
    assert.equal(done.status, 'done');
    assert.equal(done.overdue, false);
    assert.equal(done.latestNote!.notedByName, 'Người dùng province_officer');
    assert.equal(done.latestNote!.notedAt, '2027-02-01T03:00:00.000Z');
    assert.equal(after.overdueCount, 4);
  });
});

describe('training and land consolidation', () => {
  test('training events by role, and coverage against the plan\'s head counts', async () => {
    const laoCai = await given(t.database.db).user({ role: 'province_officer', adminUnitCode: '15' });
    const cookie = await t.loginAs(laoCai.login, laoCai.password);
    const planId = plans['lao-cai-4024-low-emission-crops']!;
    const future = await t.request({ method: 'POST', url: '/api/v1/training-events', cookie, payload: { planId, unitCode: '04630', topic: 'Tập huấn', heldOn: '2027-03-01', place: 'Tú Lệ', trainer: 'Chi cục', attendance: [{ role: 'extension_officer', count: 5 }] } });
    assert.equal(future.statusCode, 422);
    const noRole = await t.request({ method: 'POST', url: '/api/v1/training-events', cookie, payload: { planId, unitCode: '04630', topic: 'Tập huấn', heldOn: '2026-05-28', place: 'Tú Lệ', trainer: 'Chi cục', attendance: [] } });
    assert.equal(noRole.statusCode, 400);
    const outside = await t.request({ method: 'POST', url: '/api/v1/training-events', cookie, payload: { unitCode: THOI_LAI, topic: 'Tập huấn', heldOn: '2026-05-28', place: 'Thới Lai', trainer: 'x', attendance: [{ role: 'farmer', count: 1 }] } });
    assert.equal(outside.statusCode, 404);
    const created = await t.request({ method: 'POST', url: '/api/v1/training-events', cookie, payload: { planId, unitCode: '04630', topic: 'Kỹ thuật lúa giảm phát thải, rút nước giữa vụ', heldOn: '2026-05-28', place: 'Nhà văn hoá xã Tú Lệ', trainer: 'Chi cục Trồng trọt và BVTV', attendance: [{ role: 'extension_officer', count: 18 }, { role: 'core_farmer', count: 40 }] } });
    assert.equal(created.statusCode, 201, created.body);
    const target = await t.request({ method: 'PUT', url: `/api/v1/plans/${planId}/training-targets`, cookie, payload: { role: 'extension_officer', population: 180, targetPct: 100, targetYear: 2035, source: 'Sở NN&MT: danh sách cán bộ khuyến nông (thử nghiệm)' } });
    assert.equal(target.statusCode, 204, target.body);
    const coverage = TrainingCoverage.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${planId}/training-coverage`, cookie })).body));
    const ext = coverage.roles.find((r) => r.role === 'extension_officer')!;
    assert.equal(ext.attendees, 18);
    assert.equal(ext.coveragePct, 10);
    assert.equal(coverage.roles.find((r) => r.role === 'core_farmer')!.coveragePct, null);
    const plan = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${planId}?year=2026`, cookie })).body));
    const indicator = plan.indicators.find((i) => i.code === 'lc.training_coverage')!.progress[0]!;
    assert.equal(indicator.actual, 10, 'the plan indicator counts the roles that have a head count');
    assert.equal(indicator.computed!.basis.records, 1);
  });

  test('a lease of registered plots takes their PostGIS area; records feed the consolidated area', async () => {
    const noTerm = await t.request({ method: 'POST', url: '/api/v1/land-consolidations', cookie: cookies.canTho, payload: { communeCode: THOI_LAI, kind: 'lease', fromParty: 'Hộ A', toParty: 'HTX B', plotIds, agreedOn: '2026-04-15' } });
    assert.equal(noTerm.statusCode, 400);
    assert.ok(json<{ errors: Array<{ path: string }> }>(noTerm.body).errors.some((e) => e.path === 'termYears'));
    const nothing = await t.request({ method: 'POST', url: '/api/v1/land-consolidations', cookie: cookies.canTho, payload: { communeCode: THOI_LAI, kind: 'transfer', fromParty: 'Hộ A', toParty: 'Hộ C', agreedOn: '2026-04-15' } });
    assert.equal(nothing.statusCode, 400);
    assert.equal((await t.request({ method: 'POST', url: '/api/v1/land-consolidations', cookie: cookies.verifier, payload: { communeCode: THOI_LAI, kind: 'transfer', fromParty: 'A', toParty: 'B', areaHa: 1, agreedOn: '2026-04-15' } })).statusCode, 403);
    const lease = await t.request({ method: 'POST', url: '/api/v1/land-consolidations', cookie: cookies.commune, payload: { communeCode: THOI_LAI, kind: 'lease', fromParty: 'Hộ ông Nguyễn Văn Bình', toParty: 'HTX Nông nghiệp Thới Lai Xanh', plotIds, agreedOn: '2026-04-15', termYears: 5 } });
    assert.equal(lease.statusCode, 201, lease.body);
    assert.ok(Math.abs(json<{ areaHa: number }>(lease.body).areaHa - plotArea) < 1e-4);
    const list = LandConsolidationList.parse(json((await t.request({ method: 'GET', url: '/api/v1/land-consolidations?provinceCode=92', cookie: cookies.canTho })).body));
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0]!.plots.length, 2);
    assert.equal(list.items[0]!.createdBy.length, 36);

    // Quảng Trị: 1,200 ha consolidated in 2026 on top of 27,000 ha before (both entered with their source).
    const qt = plans['quang-tri-04-nq-tu-land-consolidation']!;
    const record = await t.request({ method: 'POST', url: '/api/v1/land-consolidations', cookie: cookies.quangTri, payload: { communeCode: cookies.qtCommuneCode, kind: 'capital_contribution', fromParty: '46 hộ dân thôn 3', toParty: 'HTX Dịch vụ nông nghiệp', areaHa: 1200, agreedOn: '2026-09-01' } });
    assert.equal(record.statusCode, 201, record.body);
    const plan = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${qt}?year=2026`, cookie: cookies.quangTri })).body));
    const added = plan.indicators.find((i) => i.code === 'qt.consolidated_added')!.progress[0]!;
    assert.equal(added.actual, 1200);
    assert.equal(added.status, 'met');
    const total = plan.indicators.find((i) => i.code === 'qt.consolidated_area')!;
    const baseline = await t.request({ method: 'PUT', url: `/api/v1/indicators/${total.id}/baseline`, cookie: cookies.quangTri, payload: { baselineYear: 2025, baselineValue: 27000, baselineSource: 'Báo cáo tích tụ đất đến 31/12/2025 (thử nghiệm)' } });
    assert.equal(baseline.statusCode, 204);
    const after = PlanDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/plans/${qt}?year=2026`, cookie: cookies.quangTri })).body));
    assert.equal(after.indicators.find((i) => i.code === 'qt.consolidated_area')!.progress[0]!.actual, 28200);
  });
});
