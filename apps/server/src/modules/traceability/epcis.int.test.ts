/**
 * EPCIS 2.0: the export of the demo lot's chain validates against GS1's EPCIS JSON Schema
 * (shared/data/gs1-epcis/EPCIS-JSON-Schema.json), and every example document GS1 publishes in
 * shared/data/gs1-epcis/examples imports, with a report of what each contained.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EpcisImportSummary, LotPage, Problem } from '@dongxanh/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { DEMO_RICE_LOT } from '../../demo/traceability-demo.ts';
import { defaultReferenceDataDir } from '../../reference-data.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { epcisValidator } from './epcis-schema.ts';

const EXAMPLES = join(defaultReferenceDataDir, 'gs1-epcis', 'examples');
const validate = epcisValidator(defaultReferenceDataDir);
let t: TestApp;
const cookies: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  cookies.mill = await t.loginAs('0901000007', DEMO_PASSWORD);
  cookies.manager = await t.loginAs('0901000003', DEMO_PASSWORD);
});
after(async () => {
  await t.close();
});

describe('EPCIS export', () => {
  it('exports the milled rice lot\'s whole chain as a document that validates against GS1\'s schema', async () => {
    const rice = LotPage.parse(JSON.parse((await t.request({ method: 'GET', url: `/api/v1/lots?q=${DEMO_RICE_LOT}&kind=lot`, cookie: cookies.mill })).body)).items[0]!;
    const res = await t.request({ method: 'GET', url: `/api/v1/epcis/events?lotId=${rice.id}`, cookie: cookies.mill });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/ld\+json/);
    const doc = JSON.parse(res.body) as { type: string; epcisBody: { eventList: Array<Record<string, unknown>> } };
    assert.deepEqual(validate(doc), []);
    assert.equal(doc.type, 'EPCISDocument');
    const events = doc.epcisBody.eventList;
    const steps = events.map((e) => `${e.type}:${e.bizStep}`);
    assert.equal(steps.filter((s) => s === 'ObjectEvent:commissioning').length, 3);
    assert.ok(steps.includes('TransformationEvent:https://dongxanh.vn/epcis/bizstep/milling'));
    assert.ok(steps.includes('TransformationEvent:packing'));
    assert.ok(steps.includes('AggregationEvent:packing'));
    assert.ok(steps.includes('TransactionEvent:shipping'));
    assert.ok(steps.includes('ObjectEvent:receiving'));
    const milling = events.find((e) => e.bizStep === 'https://dongxanh.vn/epcis/bizstep/milling')!;
    assert.deepEqual((milling.outputQuantityList as Array<{ epcClass: string }>).map((q) => q.epcClass), [
      'urn:epc:class:lgtin:89300002.00011.CD-GAO-2603-01', 'urn:epc:class:lgtin:89300002.00013.CD-TRAU-2603-01', 'urn:epc:class:lgtin:89300002.00012.CD-CAM-2603-01',
    ]);
    assert.equal(milling['dx:conversionRatio'], 0.65);
    const [toMill, toDistributor] = events.filter((e) => e.type === 'TransactionEvent') as [Record<string, unknown>, Record<string, unknown>];
    assert.deepEqual(toMill.readPoint, { id: 'urn:epc:id:sgln:89300001.0001.0' });
    assert.deepEqual(toMill.bizTransactionList, [{ type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:8930000100016:PXK-HTX-2026-031' }]);
    const shipping = toDistributor;
    assert.deepEqual(shipping.readPoint, { id: 'urn:epc:id:sgln:89300002.0001.0' });
    assert.equal((shipping.epcList as string[]).length, 12);
    assert.ok((shipping.epcList as string[])[0]!.startsWith('urn:epc:id:sgtin:89300002.00005.U-'));
    for (const e of events) assert.equal(e.eventTimeZoneOffset, '+07:00');
  });

  it('exports a time window of the caller\'s events, also valid', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/epcis/events?from=${encodeURIComponent('2026-01-01T00:00:00+07:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+07:00')}`, cookie: cookies.manager });
    const doc = JSON.parse(res.body) as { epcisBody: { eventList: Array<{ bizStep: string }> } };
    assert.deepEqual(validate(doc), []);
    // The co-op's own events: three harvests, the collection and the shipment to the mill.
    assert.deepEqual(doc.epcisBody.eventList.map((e) => e.bizStep), ['commissioning', 'commissioning', 'commissioning', 'commissioning', 'shipping']);
    const none = await t.request({ method: 'GET', url: `/api/v1/epcis/events?to=${encodeURIComponent('2025-01-01T00:00:00+07:00')}`, cookie: cookies.manager });
    assert.equal((JSON.parse(none.body) as { epcisBody: { eventList: unknown[] } }).epcisBody.eventList.length, 0);
  });
});

describe('EPCIS import', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.jsonld') || f.endsWith('.json')).sort();
  it('finds GS1\'s examples', () => assert.ok(files.length >= 18, `${files.length} examples`));
  const report: Array<Record<string, unknown>> = [];
  for (const file of files) {
    it(`imports ${file}`, async () => {
      const body = readFileSync(join(EXAMPLES, file), 'utf8');
      const res = await t.request({ method: 'POST', url: `/api/v1/epcis/import?fileName=${encodeURIComponent(file)}`, cookie: cookies.mill, headers: { 'content-type': 'application/ld+json' }, payload: body });
      assert.equal(res.statusCode, 201, res.body);
      const summary = EpcisImportSummary.parse(JSON.parse(res.body));
      const doc = JSON.parse(body) as { epcisBody?: { eventList?: unknown[]; queryResults?: { resultsBody?: { eventList?: unknown[] } } } };
      const expected = doc.epcisBody?.eventList?.length ?? doc.epcisBody?.queryResults?.resultsBody?.eventList?.length ?? 0;
      assert.equal(summary.eventCount, expected);
      assert.ok(summary.eventCount > 0);
      const stored = await t.database.db.selectFrom('traceEvents').select(t.database.db.fn.countAll<number>().as('n')).where('importId', '=', summary.id).executeTakeFirstOrThrow();
      assert.equal(stored.n + summary.duplicates, summary.eventCount);
      report.push({ file, events: summary.eventsByType, bizSteps: summary.bizSteps, epcs: summary.epcs.length, classes: summary.epcClasses.length, duplicates: summary.duplicates });
    });
  }
  it('reports what each example contained', () => {
    for (const r of report) console.log(`  ${r.file}: ${JSON.stringify(r.events)} bizSteps ${JSON.stringify(r.bizSteps)}, ${r.epcs} EPCs, ${r.classes} EPC classes, ${r.duplicates} duplicate(s)`);
    assert.equal(report.length, files.length);
    const types = new Set(report.flatMap((r) => Object.keys(r.events as object)));
    for (const type of ['ObjectEvent', 'AggregationEvent', 'AssociationEvent', 'TransformationEvent', 'TransactionEvent']) assert.ok(types.has(type), type);
  });

  it('refuses a document that breaks the schema, naming the path, and stores nothing', async () => {
    const bad = { '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T00:00:00Z', epcisBody: { eventList: [{ type: 'ObjectEvent', action: 'ADD', eventTime: 'yesterday', eventTimeZoneOffset: '+07:00', epcList: [] }] } };
    const before = await t.database.db.selectFrom('traceEpcisImports').select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.request({ method: 'POST', url: '/api/v1/epcis/import', cookie: cookies.mill, payload: bad });
    assert.equal(res.statusCode, 400);
    const problem = Problem.parse(JSON.parse(res.body));
    assert.ok(problem.errors!.some((e) => e.path === 'epcisBody.eventList.0.eventTime'), JSON.stringify(problem.errors));
    const afterCount = await t.database.db.selectFrom('traceEpcisImports').select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });
});
