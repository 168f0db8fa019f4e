/**
 * The issue's journey through the API, on the Cần Thơ demo: the cooperative submits a season of 20
 * plots, the commune officer reviews, the verifier samples, checks evidence and verifies, the province
 * issues credits and the cooperative retires a batch; the audit chain checks clean; a correction after
 * verification creates a new revision. Plus separation of duties, locks, and the registry export.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AuditVerifyResponse, EvidencePack, IssuanceResponse, MovementsResponse, Problem, ProjectCreditsResponse, RegistryAcknowledgementResponse, RegistryExport,
  SubmissionDetail, CreditAccountList,
} from '@dongxanh/contracts';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { seedDemo } from '../../demo/seed.ts';
import { DEMO_PROJECT_CODE, DEMO_VERIFIED_PLOTS } from '../../demo/mrv-demo.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { drawSample } from './sampling.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const LOGINS = { admin: 'admin@dongxanh.vn', province: '0901000001', commune: '0901000002', manager: '0901000003', recorder: '0901000004', verifier: '0901000006' } as const;
type Who = keyof typeof LOGINS;

async function call(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.request({ method, url: `/api/v1${url}`, cookie: cookies[who]!, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null, raw: res };
}

async function seasonIdsOf(plotCodes: readonly string[]) {
  const rows = await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id', 'p.code']).where('p.code', 'in', plotCodes).orderBy('p.code').execute();
  return rows.map((r) => r.id);
}

const plots = (from: number, n: number) => Array.from({ length: n }, (_, i) => `CT-TL-${String(from + i).padStart(3, '0')}`);

/** Creates, submits, reviews, samples, checks and verifies a submission of these plots. */
async function verifiedSubmission(plotCodes: readonly string[], title: string) {
  const created = await call('manager', 'POST', '/submissions', { title, periodStart: '2025-11-01', periodEnd: '2026-04-30', seasonIds: await seasonIdsOf(plotCodes) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = SubmissionDetail.parse(created.body).id;
  assert.equal((await call('manager', 'POST', `/submissions/${id}/submit`)).status, 200);
  assert.equal((await call('commune', 'POST', `/submissions/${id}/review`)).status, 200);
  const sampled = SubmissionDetail.parse((await call('verifier', 'POST', `/submissions/${id}/sample`)).body);
  for (const seasonId of sampled.sample!.seasonIds) {
    assert.equal((await call('verifier', 'POST', `/submissions/${id}/findings`, { seasonId, outcome: 'conforms', note: 'Khớp nhật ký' })).status, 200);
  }
  const verified = await call('verifier', 'POST', `/submissions/${id}/verify`);
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  return SubmissionDetail.parse(verified.body);
}

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  for (const [who, login] of Object.entries(LOGINS)) cookies[who] = await t.loginAs(login, DEMO_PASSWORD);
});
after(async () => {
  await t.close();
});

describe('MRV review, verification and credits (issue 5 journey)', () => {
  let submissionId = '';
  let journeySeasons: string[] = [];

  it('a cooperative submits a season of 20 plots; runs are computed and pinned', async () => {
    journeySeasons = await seasonIdsOf(plots(1, 20));
    assert.equal(journeySeasons.length, 20);
    const created = await call('manager', 'POST', '/submissions', { title: 'Vụ Đông Xuân 2025–2026 – kênh Thầy Ký', periodStart: '2025-11-01', periodEnd: '2026-04-30', seasonIds: journeySeasons });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = SubmissionDetail.parse(created.body);
    assert.equal(draft.state, 'draft');
    assert.equal(draft.plotCount, 20);
    assert.equal(draft.projectCode, DEMO_PROJECT_CODE);
    assert.ok(draft.allowedActions.includes('submit'));
    submissionId = draft.id;

    // The same seasons cannot go into a second live submission.
    const twice = await call('manager', 'POST', '/submissions', { title: 'Lần hai', periodStart: '2025-11-01', periodEnd: '2026-04-30', seasonIds: journeySeasons.slice(0, 2) });
    assert.equal(twice.status, 409);

    const submitted = await call('manager', 'POST', `/submissions/${submissionId}/submit`);
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const s = SubmissionDetail.parse(submitted.body);
    assert.equal(s.state, 'submitted');
    assert.ok(s.items.every((i) => i.runId !== null && i.netErTCo2e !== null));
    const pinned = await t.database.db.selectFrom('submissionItems').select(['runId']).where('submissionId', '=', submissionId).execute();
    assert.equal(pinned.filter((p) => p.runId).length, 20);
    assert.ok(s.reductionTCo2e > 0);
    assert.equal(s.events.at(-1)!.toState, 'submitted');
  });

  it('keeps duties apart: the recorder cannot review, the verifier cannot act before review', async () => {
    assert.equal((await call('recorder', 'POST', `/submissions/${submissionId}/review`)).status, 403);
    const early = await call('verifier', 'POST', `/submissions/${submissionId}/verify`);
    assert.equal(early.status, 409);
    // Data under review is locked: the recorder's diary entry is refused with 409 and nothing is stored.
    const before = await t.database.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('seasonId', '=', journeySeasons[0]!).executeTakeFirstOrThrow();
    const edit = await call('recorder', 'POST', `/seasons/${journeySeasons[0]}/activities`, { clientId: crypto.randomUUID(), occurredOn: '2026-03-20', type: 'post_harvest_loss', details: { stage: 'drying', lossPct: 2 } });
    assert.equal(edit.status, 409, JSON.stringify(edit.body));
    assert.match(Problem.parse(edit.body).detail, /locked/);
    const afterEdit = await t.database.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('seasonId', '=', journeySeasons[0]!).executeTakeFirstOrThrow();
    assert.equal(Number(afterEdit.n), Number(before.n));
  });

  it('the commune officer reviews; a return needs a reason', async () => {
    const noReason = await call('commune', 'POST', `/submissions/${submissionId}/return`, { reason: '' });
    assert.equal(noReason.status, 400);
    assert.equal(Problem.parse(noReason.body).errors![0]!.path, 'reason');
    const reviewed = await call('commune', 'POST', `/submissions/${submissionId}/review`);
    assert.equal(reviewed.status, 200);
    const s = SubmissionDetail.parse(reviewed.body);
    assert.equal(s.state, 'reviewed');
    // The reviewer (an officer) has no verifier role; verifying is refused.
    assert.equal((await call('commune', 'POST', `/submissions/${submissionId}/verify`)).status, 403);
  });

  it('the verifier draws a reproducible sample, reads the evidence, records findings and verifies', async () => {
    const first = SubmissionDetail.parse((await call('verifier', 'POST', `/submissions/${submissionId}/sample`)).body);
    const sample = first.sample!;
    assert.equal(sample.population, 20);
    assert.equal(sample.size, 5); // max(5, ceil(sqrt(20)) = 5)
    const again = SubmissionDetail.parse((await call('verifier', 'POST', `/submissions/${submissionId}/sample`)).body);
    assert.deepEqual(again.sample!.seasonIds, sample.seasonIds);
    assert.deepEqual(drawSample(journeySeasons, sample.seed), sample.seasonIds, 'the stored seed redraws the same plots');
    const stored = await t.database.db.selectFrom('submissions').select('sampleSeed').where('id', '=', submissionId).executeTakeFirstOrThrow();
    assert.equal(Number(stored.sampleSeed), sample.seed);

    const evidence = await call('verifier', 'GET', `/submissions/${submissionId}/evidence/${sample.seasonIds[0]}`);
    assert.equal(evidence.status, 200);
    const pack = EvidencePack.parse(evidence.body);
    assert.ok(pack.activities.length > 10);
    assert.ok(pack.activities.some((a) => a.type === 'water_level'));
    assert.notEqual(pack.facts.facts.waterRegime.value, 'unknown');
    assert.ok(pack.run);
    assert.equal(pack.run.kind, 'crediting');

    const notSampled = journeySeasons.find((id) => !sample.seasonIds.includes(id))!;
    assert.equal((await call('verifier', 'POST', `/submissions/${submissionId}/findings`, { seasonId: notSampled, outcome: 'conforms', note: 'x' })).status, 400);

    const tooEarly = await call('verifier', 'POST', `/submissions/${submissionId}/verify`);
    assert.equal(tooEarly.status, 422);
    assert.match(Problem.parse(tooEarly.body).detail, /CT-TL-0/);

    for (const seasonId of sample.seasonIds) {
      const res = await call('verifier', 'POST', `/submissions/${submissionId}/findings`, { seasonId, outcome: 'conforms', note: 'Ống đo có tại ruộng; số đọc khớp nhật ký' });
      assert.equal(res.status, 200);
    }
    const verified = await call('verifier', 'POST', `/submissions/${submissionId}/verify`);
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const s = SubmissionDetail.parse(verified.body);
    assert.equal(s.state, 'verified');
    assert.equal(s.locked, true);
    assert.ok(s.allowedActions.length === 0);
    const row = await t.database.db.selectFrom('submissions').select(['verifiedBy', 'verifiedAt', 'verifierOrganisationId']).where('id', '=', submissionId).executeTakeFirstOrThrow();
    assert.ok(row.verifiedBy && row.verifiedAt && row.verifierOrganisationId);
  });

  let issued: IssuanceResponse;
  it('the province issues the credits once, rounding the summed net reduction down', async () => {
    const res = await call('province', 'POST', '/credits/issuances', { submissionId });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    issued = IssuanceResponse.parse(res.body);
    const detail = SubmissionDetail.parse((await call('province', 'GET', `/submissions/${submissionId}`)).body);
    const net = detail.items.reduce((n, i) => n + i.netErTCo2e!, 0);
    assert.equal(issued.quantity, Math.floor(net));
    assert.equal(issued.vintage, 2026);
    assert.equal(issued.plotSeasons, 20);
    // The demo issued 1..N already for this project and vintage: this range follows it.
    const demoIssued = await t.database.db.selectFrom('creditIssuances').select(['serialEnd']).where('submissionId', '<>', submissionId).executeTakeFirstOrThrow();
    assert.equal(issued.serialStart, Number(demoIssued.serialEnd) + 1);
    assert.equal(issued.serialRange, `VN-DX-${DEMO_PROJECT_CODE}-2026-${String(issued.serialStart).padStart(9, '0')}-${String(issued.serialEnd).padStart(9, '0')}`);
    const again = await call('province', 'POST', '/credits/issuances', { submissionId });
    assert.equal(again.status, 409);
    assert.equal((await call('manager', 'POST', '/credits/issuances', { submissionId })).status, 403);
  });

  it('the cooperative retires one batch; balances add up; a second retirement of the same serials is refused', async () => {
    const accounts = CreditAccountList.parse((await call('manager', 'GET', '/credits/accounts')).body);
    const account = accounts.items.find((a) => a.id === issued.accountId)!;
    const before = account.balances.find((b) => b.vintage === 2026)!;
    const retire = { accountId: issued.accountId, projectId: issued.projectId, vintage: 2026, quantity: 7, serialStart: issued.serialStart, beneficiary: 'Công ty TNHH Xay xát Gạo Cờ Đỏ', reason: 'Bù trừ phát thải lô gạo xuất khẩu' };
    const res = await call('manager', 'POST', '/credits/retirements', retire);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const movements = MovementsResponse.parse(res.body).movements;
    assert.equal(movements.length, 1);
    assert.equal(movements[0]!.quantity, 7);
    assert.equal((await call('manager', 'POST', '/credits/retirements', retire)).status, 409);
    const after = CreditAccountList.parse((await call('manager', 'GET', '/credits/accounts')).body).items.find((a) => a.id === issued.accountId)!.balances.find((b) => b.vintage === 2026)!;
    assert.equal(after.active, before.active - 7);
    assert.equal(after.retired, before.retired + 7);
    const project = ProjectCreditsResponse.parse((await call('manager', 'GET', `/credits/projects/${issued.projectId}`)).body);
    assert.equal(project.active + project.retired, project.issued);
    assert.equal(project.issued, after.active + after.retired);
    // An account of another organisation cannot be drawn from.
    assert.equal((await call('manager', 'POST', '/credits/retirements', { ...retire, accountId: crypto.randomUUID(), serialStart: undefined })).status, 400);
  });

  it('the audit chain checks clean and records every state change, lock and movement', async () => {
    const res = await call('recorder', 'GET', '/audit/verify');
    assert.equal(res.status, 200);
    const check = AuditVerifyResponse.parse(res.body);
    assert.equal(check.ok, true, JSON.stringify(check.firstBroken));
    const actions = (await t.database.db.selectFrom('auditLog').select('action').where('entityId', '=', submissionId).orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['submission.submit', 'submission.review', 'submission.sampled', ...Array(5).fill('finding.recorded'), 'submission.verify', 'seasons.locked']);
    assert.ok(check.entries >= actions.length + 2);
  });

  it('a correction after verification opens a new revision; the verified one stays readable; the diary unlocks', async () => {
    assert.equal((await call('commune', 'POST', `/submissions/${submissionId}/corrections`, { reason: 'Sửa số đọc ống nước' })).status, 403);
    const res = await call('manager', 'POST', `/submissions/${submissionId}/corrections`, { reason: 'Bổ sung hao hụt sau thu hoạch thửa CT-TL-001' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const revision = SubmissionDetail.parse(res.body);
    assert.equal(revision.revision, 2);
    assert.equal(revision.state, 'draft');
    assert.equal(revision.rootId, submissionId);
    assert.equal(revision.previousRevisionId, submissionId);
    assert.equal(revision.plotCount, 20);
    const old = SubmissionDetail.parse((await call('verifier', 'GET', `/submissions/${submissionId}`)).body);
    assert.equal(old.state, 'verified');
    assert.equal(old.supersededBy, revision.id);
    assert.equal(old.items.filter((i) => i.runId).length, 20, 'the verified revision keeps its pinned runs');
    assert.deepEqual(old.revisions.map((r) => r.revision), [1, 2]);
    // The seasons can be corrected now.
    const edit = await call('recorder', 'POST', `/seasons/${journeySeasons[0]}/activities`, { clientId: crypto.randomUUID(), occurredOn: '2026-03-20', type: 'post_harvest_loss', details: { stage: 'drying', lossPct: 2 } });
    assert.equal(edit.status, 201, JSON.stringify(edit.body));
    // A second correction of the same revision is refused.
    assert.equal((await call('manager', 'POST', `/submissions/${submissionId}/corrections`, { reason: 'Lần nữa' })).status, 409);
    const audit = (await t.database.db.selectFrom('auditLog').select('action').where('entityId', 'in', [submissionId, revision.id]).orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(audit.slice(-2), ['submission.correction_opened', 'seasons.unlocked']);
    assert.equal(AuditVerifyResponse.parse((await call('verifier', 'GET', '/audit/verify')).body).ok, true);
  });

  it('exports issuances and retirements for the national registry and imports its acknowledgement', async () => {
    const json = await call('province', 'GET', `/credits/registry-export?projectId=${issued.projectId}`);
    assert.equal(json.status, 200);
    const doc = RegistryExport.parse(json.body);
    assert.equal(doc.project.code, DEMO_PROJECT_CODE);
    const ours = doc.records.filter((r) => r.record_kind === 'issuance' && r.record_id === issued.id);
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.verifier, 'Trung tâm Thẩm định Phát thải Mê Kông');
    assert.equal(ours[0]!.serial_range, issued.serialRange);
    assert.ok(doc.records.some((r) => r.record_kind === 'retirement' && r.beneficiary === 'Công ty TNHH Xay xát Gạo Cờ Đỏ'));

    const csv = await call('province', 'GET', `/credits/registry-export?projectId=${issued.projectId}&format=csv`).catch(() => null);
    const raw = await t.request({ method: 'GET', url: `/api/v1/credits/registry-export?projectId=${issued.projectId}&format=csv`, cookie: cookies.province! });
    assert.equal(raw.statusCode, 200, csv ? '' : 'csv');
    assert.match(String(raw.headers['content-type']), /text\/csv/);
    const lines = raw.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'record_kind,record_id,project_code,project_name,methodology,vintage,serial_range,serial_start,serial_end,quantity,from_account,to_account,beneficiary,reason,verifier,verified_on,occurred_at');
    assert.equal(lines.length, doc.records.length + 1);

    const ack = { format: 'registry-acknowledgement/1', project_code: DEMO_PROJECT_CODE, acknowledged_at: '2026-04-05T08:00:00+07:00', records: [{ record_id: issued.id, serial_range: issued.serialRange, status: 'accepted', registry_reference: 'VN-NR-2026-000123' }] };
    const wrong = await call('province', 'POST', '/credits/registry-acknowledgements', { ...ack, records: [{ ...ack.records[0], serial_range: 'VN-DX-X' }] });
    assert.equal(wrong.status, 400);
    assert.equal(Problem.parse(wrong.body).errors![0]!.path, 'records[0].serial_range');
    const imported = await call('province', 'POST', '/credits/registry-acknowledgements', ack);
    assert.equal(imported.status, 201);
    assert.deepEqual(RegistryAcknowledgementResponse.parse(imported.body), { imported: 1, accepted: 1, rejected: 0, pending: 0 });
    const project = ProjectCreditsResponse.parse((await call('province', 'GET', `/credits/projects/${issued.projectId}`)).body);
    assert.equal(project.movements.find((m) => m.id === issued.id)!.registryStatus, 'accepted');
  });
});

describe('separation of duties for a person who holds several roles', () => {
  it('an admin who reviewed cannot verify, and one who recorded cannot review', async () => {
    const seasons = await seasonIdsOf(plots(21, 3));
    const created = SubmissionDetail.parse((await call('manager', 'POST', '/submissions', { title: 'Thử tách nhiệm vụ', periodStart: '2025-11-01', periodEnd: '2026-04-30', seasonIds: seasons })).body);
    assert.equal((await call('manager', 'POST', `/submissions/${created.id}/submit`)).status, 200);
    assert.equal((await call('admin', 'POST', `/submissions/${created.id}/review`)).status, 200);
    const verify = await call('admin', 'POST', `/submissions/${created.id}/sample`);
    assert.equal(verify.status, 403);
    assert.match(Problem.parse(verify.body).detail, /independent verifier/);
    const returned = await call('verifier', 'POST', `/submissions/${created.id}/return`, { reason: 'Thiếu ảnh ống đo mực nước' });
    assert.equal(returned.status, 200);
    assert.equal(SubmissionDetail.parse(returned.body).returnReason, 'Thiếu ảnh ống đo mực nước');
    // The admin records a diary entry; from then on the admin may not review these seasons.
    const entry = await call('admin', 'POST', `/seasons/${seasons[0]}/activities`, { clientId: crypto.randomUUID(), occurredOn: '2026-03-21', type: 'post_harvest_loss', details: { stage: 'drying', lossPct: 1 } });
    assert.equal(entry.status, 201, JSON.stringify(entry.body));
    assert.equal((await call('manager', 'POST', `/submissions/${created.id}/submit`)).status, 200);
    const review = await call('admin', 'POST', `/submissions/${created.id}/review`);
    assert.equal(review.status, 403);
    assert.match(Problem.parse(review.body).detail, /recorded diary entries/);
  });
});

describe('credits under concurrency', () => {
  it('double issuance and double retirement: exactly one of each succeeds, balances add up', async () => {
    const s = await verifiedSubmission(plots(24, 10), 'Thử đồng thời');
    const issues = await Promise.all([1, 2].map(() => call('province', 'POST', '/credits/issuances', { submissionId: s.id })));
    assert.deepEqual(issues.map((r) => r.status).sort(), [201, 409], JSON.stringify(issues.map((r) => r.body)));
    const issued = IssuanceResponse.parse(issues.find((r) => r.status === 201)!.body);
    const credited = await t.database.db.selectFrom('creditedSeasons').select('seasonId').where('issuanceId', '=', issued.id).execute();
    assert.equal(credited.length, 10);

    const retire = { accountId: issued.accountId, projectId: issued.projectId, vintage: 2026, quantity: issued.quantity, serialStart: issued.serialStart, beneficiary: 'Người mua A', reason: 'Trung hòa carbon' };
    const retirements = await Promise.all([1, 2].map(() => call('manager', 'POST', '/credits/retirements', retire)));
    assert.deepEqual(retirements.map((r) => r.status).sort(), [201, 409], JSON.stringify(retirements.map((r) => r.body)));
    const retiredRows = await t.database.db.selectFrom('creditRetirements').select(['serialStart', 'serialEnd']).where('serialStart', '>=', issued.serialStart).where('serialEnd', '<=', issued.serialEnd).execute();
    assert.equal(retiredRows.reduce((n, r) => n + Number(r.serialEnd) - Number(r.serialStart) + 1, 0), issued.quantity);

    // Balances: live blocks partition what was issued, for every project and vintage.
    const blocks = await t.database.db.selectFrom('creditBlocks').select(['serialStart', 'serialEnd', 'status']).where('status', '<>', 'split').orderBy('serialStart').execute();
    const issuances = await t.database.db.selectFrom('creditIssuances').select(['quantity', 'serialStart', 'serialEnd']).execute();
    assert.equal(blocks.reduce((n, b) => n + Number(b.serialEnd) - Number(b.serialStart) + 1, 0), issuances.reduce((n, i) => n + Number(i.quantity), 0));
    for (let i = 1; i < blocks.length; i++) assert.ok(Number(blocks[i]!.serialStart) > Number(blocks[i - 1]!.serialEnd), 'no serial in two live blocks');
  });
});

describe('the audit log', () => {
  it('refuses UPDATE and DELETE, and its check finds a row changed behind the trigger', async () => {
    const db = t.database.db;
    const entry = await db.selectFrom('auditLog').select(['seq']).orderBy('seq').offset(3).limit(1).executeTakeFirstOrThrow();
    await assert.rejects(db.updateTable('auditLog').set({ actor: 'kẻ giả mạo' }).where('seq', '=', entry.seq).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('auditLog').where('seq', '=', entry.seq).execute(), /append-only/);
    assert.equal(AuditVerifyResponse.parse((await call('province', 'GET', '/audit/verify')).body).ok, true);

    const { sql } = await import('kysely');
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set payload = jsonb_set(payload, '{to}', '"verified"') where seq = ${entry.seq}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    const check = AuditVerifyResponse.parse((await call('province', 'GET', '/audit/verify')).body);
    assert.equal(check.ok, false);
    assert.equal(check.firstBroken!.seq, Number(entry.seq));
    assert.match(check.firstBroken!.reason, /content/);
  });
});

describe('the demo', () => {
  it('has a verified submission of the Đòn Dong plots with credits issued and a retirement', async () => {
    const list = await call('verifier', 'GET', '/submissions?state=verified');
    const ids = (list.body as { items: Array<{ id: string; title: string }> }).items;
    const demo = ids.find((s) => s.title.includes('Đòn Dong'))!;
    const detail = SubmissionDetail.parse((await call('verifier', 'GET', `/submissions/${demo.id}`)).body);
    assert.deepEqual(detail.items.map((i) => i.plotCode), DEMO_VERIFIED_PLOTS);
    assert.equal(detail.creditsIssued, true);
    assert.equal(detail.sample!.size, 5);
  });
});
