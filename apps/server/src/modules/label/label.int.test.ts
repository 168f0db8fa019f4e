/**
 * The label through the API on the demo: schemes as data, evaluations with every criterion's result,
 * and certificates whose quantity can never exceed the eligible harvest — also when two are issued
 * at the same moment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CertificateResponse, EvaluationResponse, LabelSchemeResponse, LotPage, Problem } from '@dongxanh/contracts';
import { z } from 'zod';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { DEMO_RICE_LOT } from '../../demo/traceability-demo.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let rice: z.infer<typeof LotPage>['items'][number];
let riceScheme: LabelSchemeResponse;

async function call(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.request({ method, url: `/api/v1${url}`, cookie: cookies[who]!, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null };
}
const seasonOf = async (plotCode: string) =>
  (await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select('s.id').where('p.code', '=', plotCode).executeTakeFirstOrThrow()).id;
const certificate = (number: string, quantityKg: number) => ({
  kind: 'low_emission', number, schemeId: riceScheme.id, holderOrganisationId: rice.organisationId, lotId: rice.id, scope: `Gạo lô ${rice.code}`,
  issuer: 'Trung tâm Thẩm định Phát thải Mê Kông', quantityKg, validFrom: '2026-04-01', validTo: '2027-03-31',
});

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  for (const [who, login] of Object.entries({ verifier: '0901000006', mill: '0901000007', manager: '0901000003', province: '0901000001' })) cookies[who] = await t.loginAs(login, DEMO_PASSWORD);
  riceScheme = z.object({ items: z.array(LabelSchemeResponse) }).parse((await call('verifier', 'GET', '/label/schemes')).body).items.find((s) => s.code === 'gao-viet-xanh-ptt')!;
  rice = LotPage.parse((await call('mill', 'GET', `/lots?q=${DEMO_RICE_LOT}&kind=lot`)).body).items[0]!;
});
after(async () => {
  await t.close();
});

describe('schemes and evaluations', () => {
  it('ships the rice scheme and a generic scheme as data', async () => {
    const schemes = z.object({ items: z.array(LabelSchemeResponse) }).parse((await call('verifier', 'GET', '/label/schemes')).body).items;
    assert.deepEqual(schemes.map((s) => s.code).sort(), ['gao-viet-xanh-ptt', 'phat-thai-thap']);
    assert.deepEqual(riceScheme.criteria.find((c) => c.kind === 'min_reduction_pct'), { kind: 'min_reduction_pct', value: 10 });
  });

  it('passes a verified AWD season of the demo and shows every criterion', async () => {
    const res = await call('verifier', 'POST', '/label/evaluations', { schemeId: riceScheme.id, seasonId: await seasonOf('CT-TL-043') });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const e = EvaluationResponse.parse(res.body);
    assert.equal(e.eligible, true);
    assert.equal(e.results.length, riceScheme.criteria.length);
    const reduction = e.results.find((r) => r.criterion.kind === 'min_reduction_pct')!;
    assert.ok(typeof reduction.actual === 'number' && reduction.actual >= 10);
    const stored = await t.database.db.selectFrom('labelEvaluations').select(['eligible', 'evaluatedBy']).where('id', '=', e.id).executeTakeFirstOrThrow();
    assert.equal(stored.eligible, true);
  });

  it('refuses an unverified, continuously flooded season outside any coded area, saying which criteria fail', async () => {
    const e = EvaluationResponse.parse((await call('verifier', 'POST', '/label/evaluations', { schemeId: riceScheme.id, seasonId: await seasonOf('CT-TL-002') })).body);
    assert.equal(e.eligible, false);
    const failed: string[] = e.results.filter((r) => !r.passed).map((r) => (r.criterion.kind === 'required_practice' ? r.criterion.practice : r.criterion.kind));
    for (const kind of ['verified_mrv', 'awd', 'growing_area_code']) assert.ok(failed.includes(kind), `${kind} in ${failed.join(', ')}`);
  });

  it('evaluates the milled rice lot through its three source seasons', async () => {
    const e = EvaluationResponse.parse((await call('mill', 'POST', '/label/evaluations', { schemeId: riceScheme.id, lotId: rice.id })).body);
    assert.equal(e.eligible, true);
    assert.equal(e.seasons.length, 3);
    assert.ok(Math.abs(e.eligibleKg! - rice.massKg) < 1e-6);
  });

  it('lets neither the enterprise issue a certificate (403) nor anyone label more than the lot\'s eligible mass', async () => {
    assert.equal((await call('mill', 'POST', '/label/certificates', certificate('GVX-TEST-403', 10))).status, 403);
    const res = await call('verifier', 'POST', '/label/certificates', certificate('GVX-TEST-OVER', rice.massKg + 1));
    assert.equal(res.status, 422);
    assert.equal(Problem.parse(res.body).errors?.[0]?.path, 'quantityKg');
  });
});

describe('label quantity against the harvest', () => {
  it('issues only one of two concurrent certificates that together exceed what was grown', async () => {
    // The demo certificate covers half the lot; each of these asks for 40 %: only one fits.
    const quantity = Math.floor(rice.massKg * 0.4);
    const [a, b] = await Promise.all([
      call('verifier', 'POST', '/label/certificates', certificate('GVX-TEST-A', quantity)),
      call('verifier', 'POST', '/label/certificates', certificate('GVX-TEST-B', quantity)),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [201, 422], JSON.stringify([a.body, b.body]));
    const refused = Problem.parse((a.status === 422 ? a : b).body);
    assert.match(refused.detail, /never exceed the eligible harvest/);
    const balances = await t.database.db.selectFrom('labelSeasonBalances').select(['eligibleKg', 'labelledKg']).execute();
    assert.equal(balances.length, 3);
    for (const b of balances) assert.ok(b.labelledKg <= b.eligibleKg);
    const certificates = await t.database.db.selectFrom('labelCertificates').select('number').where('kind', '=', 'low_emission').execute();
    assert.equal(certificates.length, 2);
  });

  it('refuses labelling the paddy again once the milled rice holds its harvest', async () => {
    const paddy = LotPage.parse((await call('mill', 'GET', '/lots?q=TL-DX26-GOM01&kind=lot')).body).items[0]!;
    const res = await call('verifier', 'POST', '/label/certificates', { ...certificate('GVX-TEST-PADDY', Math.floor(paddy.massKg * 0.5)), holderOrganisationId: paddy.organisationId, lotId: paddy.id });
    assert.equal(res.status, 422, JSON.stringify(res.body));
  });

  it('records suspension and revocation with reasons; revocation is final', async () => {
    const cert = CertificateResponse.parse((await call('verifier', 'POST', '/label/certificates', { kind: 'vietgap', number: 'VG-TEST-01', holderOrganisationId: rice.organisationId, lotId: rice.id, scope: 'VietGAP', issuer: 'Tổ chức chứng nhận', validFrom: '2026-01-01', validTo: '2027-12-31' })).body);
    const suspended = CertificateResponse.parse((await call('province', 'POST', `/label/certificates/${cert.id}/status`, { status: 'suspended', reason: 'Chờ kết quả kiểm tra dư lượng' })).body);
    assert.equal(suspended.status, 'suspended');
    const revoked = CertificateResponse.parse((await call('province', 'POST', `/label/certificates/${cert.id}/status`, { status: 'revoked', reason: 'Vi phạm quy trình VietGAP' })).body);
    assert.deepEqual(revoked.history.map((h) => h.status), ['active', 'suspended', 'revoked']);
    assert.equal((await call('province', 'POST', `/label/certificates/${cert.id}/status`, { status: 'active', reason: 'Khôi phục lại chứng nhận' })).status, 409);
    assert.equal((await call('province', 'POST', `/label/certificates/${cert.id}/status`, { status: 'suspended', reason: 'x' })).status, 400);
  });
});
