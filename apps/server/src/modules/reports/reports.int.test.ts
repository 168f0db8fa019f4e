/**
 * The yearly report from commune to province on a real database: generated from seasons recorded
 * through the diary, reviewed, submitted and frozen (the database refuses a change to a submitted
 * version), seen and summarised by the province, returned, reopened as a new version. Every file
 * format is opened back: exceljs reads the XLSX, the CSV is parsed, pdftotext reads the PDF and
 * pdftoppm draws its first page to /tmp/e2e-shots/reports/ to be looked at. Then the emission
 * database by crop, zone, technique and season, and the IPCC 3.C inventory tables.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { ReportDocument, YearlyReportDetail, YearlyReportList } from '@dongxanh/contracts';
import type { z } from 'zod';
import { CAN_THO, given, THOI_LAI } from '../../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/seed-plans/index.ts';
import { recordRiceSeason } from '../plans/testing-seasons.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let planId = '';
let plotAreas: number[] = [];
const json = <T>(body: string) => JSON.parse(body) as T;
type Detail = z.infer<typeof YearlyReportDetail>;
const SHOTS = '/tmp/e2e-shots/reports';

/** RFC 4180 with a chosen separator. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(field); field = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  return rows;
}

function pdfText(pdf: Buffer, shot: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dx-report-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(SHOTS, shot)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

before(async () => {
  // 23 November 2026: the 2026 reports are due on 10 December.
  t = await createTestApp({ clock: fixedClock('2026-11-23T03:00:00Z') });
  const g = given(t.database.db);
  await t.database.db.transaction().execute((tx) => loadSeedPlans(tx));
  const { coop, recorder } = await g.cooperativeWithMembers(THOI_LAI);
  const p1 = await g.plot({ organisationId: coop.id, lon: 105.551, lat: 10.061, sideM: 120 });
  const p2 = await g.plot({ organisationId: coop.id, lon: 105.554, lat: 10.061, sideM: 90 });
  plotAreas = [Number(p1.areaHa), Number(p2.areaHa)];
  const users = {
    admin: await g.user({ role: 'admin' }),
    province: await g.user({ role: 'province_officer', adminUnitCode: CAN_THO }),
    commune: await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI }),
    recorder,
  };
  for (const [name, u] of Object.entries(users)) cookies[name] = await t.loginAs(u.login, u.password);
  await recordRiceSeason(t, cookies.recorder!, p1.id, { sowingOn: '2025-11-25', seedRateKgPerHa: 85, ureaKgPerHa: 200, awd: true, strawRemovedFraction: 1, yieldKgPerHa: 6400, lossPct: 2 });
  await recordRiceSeason(t, cookies.recorder!, p2.id, { sowingOn: '2025-11-28', seedRateKgPerHa: 100, ureaKgPerHa: 220, awd: false, strawRemovedFraction: 0.5, yieldKgPerHa: 6100 });
  planId = (await t.database.db.selectFrom('plans').select('id').where('code', '=', 'can-tho-1490-one-million-ha-rice').executeTakeFirstOrThrow()).id;
});

after(async () => {
  await t?.close();
});

const post = (url: string, cookie: string, payload?: object) => t.request({ method: 'POST', url, cookie, ...(payload ? { payload } : {}) });

describe('the yearly report, commune → province', () => {
  let communeReport: Detail;

  test('a commune officer generates the commune\'s report from the data', async () => {
    const res = await post('/api/v1/yearly-reports', cookies.commune!, { planId, year: 2026 });
    assert.equal(res.statusCode, 201, res.body);
    communeReport = YearlyReportDetail.parse(json(res.body));
    assert.equal(communeReport.level, 'commune');
    assert.equal(communeReport.unitName, 'Xã Thới Lai');
    assert.equal(communeReport.status, 'draft');
    assert.equal(communeReport.dueOn, '2026-12-10');
    assert.equal(communeReport.overdue, false);
    assert.deepEqual(communeReport.actions.sort(), ['regenerate', 'review']);
    const indicators = communeReport.content.sections.find((s) => s.id === 'indicators')!;
    const seed = indicators.rows.find((r) => r.code === 'ct.seed_rate')!;
    const [a1, a2] = plotAreas as [number, number];
    assert.ok(Math.abs((seed.actual as number) - (85 * a1 + 100 * a2) / (a1 + a2)) < 1e-9);
    assert.deepEqual(seed.status, { vi: 'Đạt', en: 'Met' });
    const again = await post('/api/v1/yearly-reports', cookies.commune!, { planId, year: 2026 });
    assert.equal(again.statusCode, 409);
  });

  test('review then submit; a submitted version is frozen, even against SQL', async () => {
    const early = await post(`/api/v1/yearly-reports/${communeReport.id}/submit`, cookies.commune!);
    assert.equal(early.statusCode, 409, 'a draft is reviewed before it is submitted');
    const byProvince = await post(`/api/v1/yearly-reports/${communeReport.id}/review`, cookies.province!, {});
    assert.equal(byProvince.statusCode, 403, 'only the commune\'s officers prepare its report');
    assert.equal((await post(`/api/v1/yearly-reports/${communeReport.id}/review`, cookies.commune!, { note: 'Đã đối chiếu với sổ HTX' })).statusCode, 200);
    const submitted = YearlyReportDetail.parse(json((await post(`/api/v1/yearly-reports/${communeReport.id}/submit`, cookies.commune!)).body));
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.versions[0]!.frozen, true);
    assert.equal(submitted.versions[0]!.reviewNote, 'Đã đối chiếu với sổ HTX');
    await assert.rejects(
      sql`update yearly_report_versions set content = '{"kind":"tampered"}'::jsonb where report_id = ${communeReport.id}`.execute(t.database.db),
      /submitted and is frozen/,
    );
    await assert.rejects(sql`delete from yearly_report_versions where report_id = ${communeReport.id}`.execute(t.database.db), /frozen/);
    const regenerate = await post(`/api/v1/yearly-reports/${communeReport.id}/regenerate`, cookies.commune!);
    assert.equal(regenerate.statusCode, 409);
  });

  test('the province sees the submitted commune report and summarises it in its own', async () => {
    const list = YearlyReportList.parse(json((await t.request({ method: 'GET', url: `/api/v1/yearly-reports?planId=${planId}&year=2026`, cookie: cookies.province })).body));
    const seen = list.items.find((r) => r.id === communeReport.id)!;
    assert.equal(seen.status, 'submitted');
    assert.equal(seen.latestSubmittedVersion, 1);
    const res = await post('/api/v1/yearly-reports', cookies.province!, { planId, year: 2026 });
    assert.equal(res.statusCode, 201, res.body);
    const provinceReport = YearlyReportDetail.parse(json(res.body));
    assert.equal(provinceReport.level, 'province');
    assert.deepEqual(provinceReport.communeReports.map((r) => [r.unitName, r.status]), [['Xã Thới Lai', 'submitted']]);
    const communes = provinceReport.content.sections.find((s) => s.id === 'communes')!;
    const row = communes.rows.find((r) => r.commune === 'Xã Thới Lai')!;
    assert.deepEqual(row.status, { vi: 'Đã gửi', en: 'Submitted' });
    assert.equal(row.version, 1);
    assert.ok(provinceReport.content.sections.some((s) => s.id === 'tasks'), 'the plan\'s own unit reports its tasks');
    assert.ok(!communeReport.content.sections.some((s) => s.id === 'tasks'));
  });

  test('returned with a reason, reopened as version 2; version 1 stays as submitted', async () => {
    const noReason = await post(`/api/v1/yearly-reports/${communeReport.id}/return`, cookies.province!, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await post(`/api/v1/yearly-reports/${communeReport.id}/return`, cookies.commune!, { reason: 'Tự trả lại' })).statusCode, 403);
    const returned = YearlyReportDetail.parse(json((await post(`/api/v1/yearly-reports/${communeReport.id}/return`, cookies.province!, { reason: 'Bổ sung số liệu tập huấn' })).body));
    assert.equal(returned.status, 'returned');
    assert.equal(returned.versions[0]!.returnReason, 'Bổ sung số liệu tập huấn');
    const reopened = YearlyReportDetail.parse(json((await post(`/api/v1/yearly-reports/${communeReport.id}/reopen`, cookies.commune!)).body));
    assert.equal(reopened.status, 'draft');
    assert.equal(reopened.currentVersion, 2);
    assert.deepEqual(reopened.versions.map((v) => [v.version, v.frozen]), [[1, true], [2, false]]);
    assert.equal(reopened.versions[0]!.contentSha256, communeReport.versions[0]!.contentSha256);
    const v1 = YearlyReportDetail.parse(json((await t.request({ method: 'GET', url: `/api/v1/yearly-reports/${communeReport.id}?version=1`, cookie: cookies.province })).body));
    assert.deepEqual(v1.content, communeReport.content);
  });

  test('XLSX, CSV and PDF of a submitted version: opened back, Vietnamese numbers and dates', async () => {
    const url = (format: string, lang = 'vi') => `/api/v1/yearly-reports/${communeReport.id}/versions/1/export/${format}?lang=${lang}`;
    const xlsx = await t.request({ method: 'GET', url: url('xlsx'), cookie: cookies.province });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-disposition']), /bao-cao-2026-31258-v1\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.getCell('A1').value, 'Báo cáo kết quả thực hiện kế hoạch năm 2026');
    const values = new Map<string, ExcelJS.Cell>();
    sheet.eachRow((row) => row.eachCell((cell) => values.set(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value), cell)));
    assert.equal(values.get('2026-12-10')!.numFmt, 'dd/mm/yyyy', 'the due date is a date shown dd/mm/yyyy');
    assert.ok(values.has('Lượng lúa giống gieo sạ'));
    const [a1, a2] = plotAreas as [number, number];
    const seedCell = values.get(String((85 * a1 + 100 * a2) / (a1 + a2)))!;
    assert.equal(seedCell.numFmt, '#,##0.0', 'a number with a display format, not text');

    const csv = await t.request({ method: 'GET', url: url('csv'), cookie: cookies.province });
    assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.rawPayload.toString('utf8').slice(1), ';');
    assert.deepEqual(rows.find((r) => r[0] === 'Hạn gửi báo cáo'), ['Hạn gửi báo cáo', '10/12/2026']);
    const seedRow = rows.find((r) => r[0] === 'ct.seed_rate')!;
    const expected = ((85 * a1 + 100 * a2) / (a1 + a2)).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    assert.equal(seedRow[5], expected);
    assert.match(seedRow[5]!, /^\d+,\d$/);

    const pdf = await t.request({ method: 'GET', url: url('pdf'), cookie: cookies.province });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = pdfText(pdf.rawPayload, 'yearly-report-commune');
    for (const phrase of ['Báo cáo kết quả thực hiện kế hoạch năm 2026', 'Xã Thới Lai', 'Lượng lúa giống gieo sạ', '10/12/2026', expected, 'Trang 1/']) {
      assert.ok(text.includes(phrase), `"${phrase}" is not in the PDF`);
    }
    const en = await t.request({ method: 'GET', url: url('pdf', 'en'), cookie: cookies.province });
    assert.ok(pdfText(en.rawPayload, 'yearly-report-commune-en').includes('Implementation report 2026'));
    assert.equal((await t.request({ method: 'GET', url: url('docx'), cookie: cookies.province })).statusCode, 400);
  });

  test('a report not submitted by the plan\'s deadline is overdue', async () => {
    const late = await createTestApp({ clock: fixedClock('2026-12-11T03:00:00Z') });
    try {
      await late.database.db.transaction().execute((tx) => loadSeedPlans(tx));
      const g = given(late.database.db);
      const officer = await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI });
      const cookie = await late.loginAs(officer.login, officer.password);
      const plan = (await late.database.db.selectFrom('plans').select('id').where('code', '=', 'can-tho-1490-one-million-ha-rice').executeTakeFirstOrThrow()).id;
      const res = await late.request({ method: 'POST', url: '/api/v1/yearly-reports', cookie, payload: { planId: plan, year: 2026 } });
      assert.equal(YearlyReportDetail.parse(json(res.body)).overdue, true);
    } finally {
      await late.close();
    }
  });
});

describe('emission database and inventory tables', () => {
  test('by crop, ecological zone, technique and season; zones set by an admin', async () => {
    const zone = await t.request({ method: 'PUT', url: '/api/v1/ecological-zones/mekong_delta', cookie: cookies.admin, payload: { nameVi: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong River Delta', unitCodes: ['92'] } });
    assert.equal(zone.statusCode, 204, zone.body);
    assert.equal((await t.request({ method: 'PUT', url: '/api/v1/ecological-zones/mekong_delta', cookie: cookies.province, payload: { nameVi: 'x', nameEn: 'x', unitCodes: [] } })).statusCode, 403);
    const res = await t.request({ method: 'GET', url: '/api/v1/emission-database?provinceCode=92&year=2026&groupBy=crop,zone,technique,season', cookie: cookies.province });
    assert.equal(res.statusCode, 200, res.body);
    const doc = ReportDocument.parse(json(res.body));
    const rows = doc.sections[0]!.rows;
    const awd = rows.find((r) => (r.d2 as { vi: string } | null)?.vi.startsWith('Rút nước nhiều lần'))!;
    assert.deepEqual(awd.d0, { vi: 'Lúa', en: 'Rice' });
    assert.deepEqual(awd.d1, { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta' });
    assert.deepEqual(awd.d3, { vi: 'Đông Xuân', en: 'Winter–Spring' });
    const summaries = await t.database.db.selectFrom('seasonSummaries').select(['projectCo2eT', 'baselineCo2eT', 'waterRegime']).execute();
    const total = rows.at(-1)!;
    assert.deepEqual(total.d0, { vi: 'Tổng cộng', en: 'Total' });
    assert.ok(Math.abs((total.co2e as number) - summaries.reduce((s, x) => s + x.projectCo2eT!, 0)) < 1e-9);
    assert.ok((awd.reduction as number) > 0, 'AWD emits less than the same season continuously flooded');
    const csv = await t.request({ method: 'GET', url: '/api/v1/emission-database/export/csv?provinceCode=92&year=2026&groupBy=zone,crop', cookie: cookies.province });
    const parsed = parseCsv(csv.rawPayload.toString('utf8').slice(1), ';');
    assert.ok(parsed.some((r) => r[0] === 'Đồng bằng sông Cửu Long' && r[1] === 'Lúa'));
  });

  test('IPCC 3.C tables: activity data, the factors the runs used, emissions', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/inventory?provinceCode=92&year=2026', cookie: cookies.province });
    assert.equal(res.statusCode, 200, res.body);
    const doc = ReportDocument.parse(json(res.body));
    assert.deepEqual(doc.sections.map((s) => s.id), ['summary', '3C7', '3C4', '3C5', '3C3', '3C2', '3C1', 'factors']);
    const summaries = await t.database.db.selectFrom('seasonSummaries').select(['ch4RiceKg', 'co2UreaKg', 'areaHa', 'ureaKgPerHa', 'nSyntheticKgPerHa', 'n2oDirectKg']).execute();
    const direct = doc.sections.find((s) => s.id === '3C4')!;
    assert.ok(Math.abs(direct.rows.reduce((s, r) => s + (r.nSynthetic as number), 0) - summaries.reduce((s, x) => s + x.nSyntheticKgPerHa * x.areaHa, 0) / 1000) < 1e-9);
    assert.ok(Math.abs(direct.rows.reduce((s, r) => s + (r.n2o as number), 0) - summaries.reduce((s, x) => s + x.n2oDirectKg!, 0) / 1000) < 1e-9);
    const rice = doc.sections.find((s) => s.id === '3C7')!;
    const ch4 = rice.rows.reduce((s, r) => s + (r.ch4 as number), 0);
    assert.ok(Math.abs(ch4 - summaries.reduce((s, x) => s + x.ch4RiceKg!, 0) / 1000) < 1e-9);
    const areas = rice.rows.reduce((s, r) => s + (r.area as number), 0);
    assert.ok(Math.abs(areas - plotAreas[0]! - plotAreas[1]!) < 1e-9);
    const urea = doc.sections.find((s) => s.id === '3C3')!.rows[0]!;
    assert.ok(Math.abs((urea.urea as number) - summaries.reduce((s, x) => s + x.ureaKgPerHa * x.areaHa, 0) / 1000) < 1e-9);
    // Eq 11.13: CO2 = urea × 0.20 t C/t × 44/12.
    assert.ok(Math.abs((urea.ef as number) - 0.2 * 44 / 12) < 1e-9);
    const factors = doc.sections.find((s) => s.id === 'factors')!.rows;
    const efc = factors.find((f) => f.id === 'efc.southeast_asia')!;
    assert.equal(efc.value, 1.22);
    assert.match(String(efc.source), /Table 5\.11/);
    assert.ok(factors.some((f) => f.id === 'sfw.multiple_drainage' && f.value === 0.55));
    const pdf = await t.request({ method: 'GET', url: '/api/v1/inventory/export/pdf?provinceCode=92&year=2026', cookie: cookies.province });
    const text = pdfText(pdf.rawPayload, 'inventory');
    for (const phrase of ['3.C.7 Canh tác lúa', '3.C.3 Bón phân urê', 'efc.southeast_asia']) assert.ok(text.includes(phrase), phrase);
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/inventory/export/xlsx?provinceCode=92&year=2026&lang=en', cookie: cookies.province });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    assert.equal(workbook.worksheets[0]!.name, 'Report');
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/inventory?provinceCode=15&year=2026', cookie: cookies.province })).statusCode, 404);
  });
});
