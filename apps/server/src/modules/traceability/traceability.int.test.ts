/**
 * Lots and events through the HTTP API on the Cần Thơ demo (whose traced lot is built by the same
 * services): the chain, mass balance refused in the database transaction, carbon intensity carried
 * by mass, scope, and concurrent events that together would take more than a lot holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventResultResponse, LotDetailResponse, LotPage, Problem } from '@dongxanh/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { DEMO_RICE_LOT, DEMO_TRACE_PLOTS } from '../../demo/traceability-demo.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { given } from '../../testing/given.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const LOGINS = { manager: '0901000003', mill: '0901000007', farmer: '0901000005', verifier: '0901000006' } as const;
type Who = keyof typeof LOGINS | 'stranger';

async function call(who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.request({ method, url: `/api/v1${url}`, cookie: cookies[who]!, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null };
}
const lotByCode = async (who: Who, code: string) => LotPage.parse((await call(who, 'GET', `/lots?q=${encodeURIComponent(code)}&kind=lot`)).body).items.find((l) => l.code === code)!;
const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  for (const [who, login] of Object.entries(LOGINS)) cookies[who] = await t.loginAs(login, DEMO_PASSWORD);
  const g = given(t.database.db);
  const other = await g.organisation({ kind: 'enterprise' });
  const stranger = await g.user({ role: 'enterprise', organisationId: other.id });
  cookies.stranger = await t.loginAs(stranger.login, stranger.password);
});
after(async () => {
  await t.close();
});

describe('the demo chain', () => {
  it('leads the milled rice back to three verified plot-seasons through every step', async () => {
    const rice = await lotByCode('mill', DEMO_RICE_LOT);
    const detail = LotDetailResponse.parse((await call('mill', 'GET', `/lots/${rice.id}`)).body);
    assert.deepEqual(detail.origins.map((o) => o.plotCode), DEMO_TRACE_PLOTS);
    assert.equal(detail.verification.verifiedPct, 100);
    assert.ok(detail.origins.every((o) => o.growingAreaCodes.includes('VN-92-31258-02-26')));
    const operations = detail.chain.map((e) => e.operation);
    assert.deepEqual(operations.slice(0, 7), ['harvest', 'harvest', 'harvest', 'aggregation', 'shipping', 'receiving', 'transformation']);
    assert.ok(operations.includes('packing') && operations.includes('palletising'));
    assert.equal(operations.at(-1), 'shipping');
    const types = new Set(detail.chain.map((e) => e.eventType));
    for (const type of ['ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent']) assert.ok(types.has(type), type);
    assert.equal(detail.unitCount, 24);
    assert.equal(detail.massBalance.consumedKg, 120);
    assert.equal(detail.lot.gtin, '08930000200112');
  });

  it('carries intensity by mass: milled rice = paddy × input / recorded outputs, by-products alike', async () => {
    const paddy = await lotByCode('mill', 'TL-DX26-GOM01');
    const rice = await lotByCode('mill', DEMO_RICE_LOT);
    const husk = await lotByCode('mill', 'CD-TRAU-2603-01');
    const milling = LotDetailResponse.parse((await call('mill', 'GET', `/lots/${rice.id}`)).body).chain.find((e) => e.operation === 'transformation')!;
    close(rice.intensityKgCo2ePerKg, (paddy.intensityKgCo2ePerKg * milling.inputKg!) / milling.outputKg!);
    close(husk.intensityKgCo2ePerKg, rice.intensityKgCo2ePerKg);
    assert.ok(rice.intensityKgCo2ePerKg < rice.baselineIntensityKgCo2ePerKg);
    // The paddy lot's emissions are the three seasons' stored emissions (whole harvests drawn).
    const sources = await t.database.db.selectFrom('traceSeasonSources').select(['co2eT', 'harvestedKg', 'drawnKg']).execute();
    const expected = sources.reduce((s, x) => s + x.co2eT * 1000 * (x.drawnKg / x.harvestedKg), 0) / paddy.massKg;
    close(paddy.intensityKgCo2ePerKg, expected);
  });
});

describe('mass balance', () => {
  it('refuses a harvest lot that draws more than the season harvested, and stores nothing', async () => {
    const seasons = await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id']).where('p.code', '=', 'CT-TL-041').execute();
    const before = await t.database.db.selectFrom('traceLots').select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await call('manager', 'POST', '/lots/harvest', { code: 'TL-QUA-TAI', producedOn: '2026-03-05', sources: [{ seasonId: seasons[0]!.id, massKg: 1 }] });
    assert.equal(res.status, 422);
    const problem = Problem.parse(res.body);
    assert.equal(problem.errors?.[0]?.path, 'sources[0].massKg');
    assert.match(problem.detail, /already in lots/);
    const afterCount = await t.database.db.selectFrom('traceLots').select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });

  it('harvests from a fresh season, then refuses outputs heavier than inputs', async () => {
    const season = await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id']).where('p.code', '=', 'CT-TL-047').executeTakeFirstOrThrow();
    const made = await call('manager', 'POST', '/lots/harvest', { code: 'TL-DX26-047', producedOn: '2026-03-05', moisturePct: 25, sources: [{ seasonId: season.id, massKg: 3000 }] });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const lot = EventResultResponse.parse(made.body).lots[0]!;
    assert.equal(lot.massKg, 3000);
    assert.ok(lot.intensityKgCo2ePerKg > 0);
    const heavy = await call('manager', 'POST', '/lots/transform', {
      producedOn: '2026-03-06', process: 'drying', inputs: [{ lotId: lot.id, massKg: 1000 }],
      outputs: [{ code: 'TL-SAY-1', productKind: 'paddy', massKg: 1001 }],
    });
    assert.equal(heavy.status, 422);
    assert.match(Problem.parse(heavy.body).detail, /out never exceeds in/);
    const tooMuch = await call('manager', 'POST', '/lots/transform', {
      producedOn: '2026-03-06', process: 'drying', inputs: [{ lotId: lot.id, massKg: 3000.5 }],
      outputs: [{ code: 'TL-SAY-2', productKind: 'paddy', massKg: 2800 }],
    });
    assert.equal(tooMuch.status, 422);
    assert.equal(Problem.parse(tooMuch.body).errors?.[0]?.path, 'inputs[0].massKg');
    const stored = await t.database.db.selectFrom('traceLots').select(['availableKg', 'status']).where('id', '=', lot.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { availableKg: 3000, status: 'active' });
  });

  it('lets only one of two concurrent splits take 2,000 kg from a 3,000 kg lot', async () => {
    const season = await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id']).where('p.code', '=', 'CT-TL-049').executeTakeFirstOrThrow();
    const lot = EventResultResponse.parse((await call('manager', 'POST', '/lots/harvest', { code: 'TL-DX26-049', producedOn: '2026-03-05', sources: [{ seasonId: season.id, massKg: 3000 }] })).body).lots[0]!;
    const [a, b] = await Promise.all([
      call('manager', 'POST', `/lots/${lot.id}/split`, { producedOn: '2026-03-06', parts: [{ code: 'TL-049-A', massKg: 2000 }] }),
      call('manager', 'POST', `/lots/${lot.id}/split`, { producedOn: '2026-03-06', parts: [{ code: 'TL-049-B', massKg: 2000 }] }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [201, 422]);
    const stored = await t.database.db.selectFrom('traceLots').select(['availableKg']).where('id', '=', lot.id).executeTakeFirstOrThrow();
    assert.equal(stored.availableKg, 1000);
  });
});

describe('scope and permissions', () => {
  it('hides lots from an organisation outside the chain (404) and refuses writes to a farmer (403)', async () => {
    const rice = await lotByCode('mill', DEMO_RICE_LOT);
    assert.equal((await call('stranger', 'GET', `/lots/${rice.id}`)).status, 404);
    assert.equal(LotPage.parse((await call('stranger', 'GET', '/lots')).body).total, 0);
    const season = await t.database.db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id']).where('p.code', '=', 'CT-TL-001').executeTakeFirstOrThrow();
    assert.equal((await call('farmer', 'POST', '/lots/harvest', { code: 'X1', producedOn: '2026-03-05', sources: [{ seasonId: season.id, massKg: 10 }] })).status, 403);
  });
  it('names the field of bad input', async () => {
    const res = await call('manager', 'POST', '/lots/harvest', { code: 'LÔ-1', producedOn: '05/03/2026', sources: [] });
    assert.equal(res.status, 400);
    const paths = Problem.parse(res.body).errors!.map((e) => e.path);
    for (const p of ['code', 'producedOn', 'sources']) assert.ok(paths.some((x) => x.startsWith(p)), `${p} in ${paths.join(', ')}`);
  });
});
