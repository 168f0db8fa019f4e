import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateImportResponse, ImportJob } from '@dongxanh/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { CO_DO, given, THOI_LAI } from '../../testing/given.ts';
import { plotsCsv, rectangleRing, tableCsv, tableXlsx } from './import-fixtures.ts';
import { HOUSEHOLD_COLUMNS, PLOT_COLUMNS } from './source.ts';

describe('household imports and templates', () => {
  let t: TestApp;
  let manager: string;
  let managerId: string;
  let coopId: string;

  before(async () => {
    t = await createTestApp();
    const g = given(t.database.db);
    const coop = await g.organisation({ communeCode: THOI_LAI });
    coopId = coop.id;
    const user = await g.user({ role: 'coop_manager', organisationId: coop.id });
    managerId = user.id;
    manager = await t.loginAs(user.login, user.password);
  });
  after(async () => t.close());

  async function importFile(query: string, body: Buffer, cookie = manager) {
    const res = await t.request({ method: 'POST', url: `/api/v1/imports?${query}`, cookie, payload: body, headers: { 'content-type': 'text/csv' } });
    assert.equal(res.statusCode, 202, res.body);
    const { jobId } = CreateImportResponse.parse(res.json());
    await t.services.imports.idle();
    return ImportJob.parse((await t.request({ method: 'GET', url: `/api/v1/imports/${jobId}`, cookie })).json());
  }

  const householdsByPhone = (phones: string[]) =>
    t.database.db
      .selectFrom('households')
      .select(['id', 'headName', 'phone', 'address', 'organisationId', 'communeCode', 'provinceCode', 'createdBy'])
      .where('phone', 'in', phones)
      .orderBy('phone')
      .execute();
  const membersOf = (householdId: string) =>
    t.database.db.selectFrom('householdMembers').select(['fullName', 'relation', 'phone', 'provinceCode', 'createdBy']).where('householdId', '=', householdId).orderBy('relation').orderBy('fullName').execute();
  const householdCount = async () => Number((await t.database.db.selectFrom('households').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  it('imports households with their members from CSV', async () => {
    const csv = tableCsv(HOUSEHOLD_COLUMNS, [
      ['Nguyễn Văn Năm', '0911 000 001', 'Ấp Thới Thuận, xã Thới Lai', THOI_LAI, '', 'Trần Thị Mai; Nguyễn Văn Tâm'],
      ['Lê Thị Hoa', '+84911000002', '', CO_DO, coopId, ''],
      ['Phạm Văn Út', '', 'Ấp Thới Hòa', '', '', 'Phạm Thị Bé'],
    ]);
    const job = await importFile('kind=households&format=csv', csv);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.deepEqual([job.totalRows, job.processedRows, job.importedRows], [3, 3, 3]);
    const [nam, hoa] = await householdsByPhone(['0911000001', '0911000002']);
    assert.deepEqual(
      [nam!.headName, nam!.address, nam!.communeCode, nam!.provinceCode, nam!.organisationId, nam!.createdBy],
      ['Nguyễn Văn Năm', 'Ấp Thới Thuận, xã Thới Lai', THOI_LAI, '92', coopId, managerId],
    );
    assert.equal(hoa!.communeCode, CO_DO);
    assert.deepEqual(await membersOf(nam!.id), [
      { fullName: 'Nguyễn Văn Năm', relation: 'head', phone: '0911000001', provinceCode: '92', createdBy: managerId },
      { fullName: 'Nguyễn Văn Tâm', relation: 'other', phone: null, provinceCode: '92', createdBy: managerId },
      { fullName: 'Trần Thị Mai', relation: 'other', phone: null, provinceCode: '92', createdBy: managerId },
    ]);
    // No commune given: the cooperative's.
    const ut = await t.database.db.selectFrom('households').select(['id', 'communeCode']).where('headName', '=', 'Phạm Văn Út').executeTakeFirstOrThrow();
    assert.equal(ut.communeCode, THOI_LAI);
    assert.deepEqual((await membersOf(ut.id)).map((m) => [m.fullName, m.relation]), [['Phạm Văn Út', 'head'], ['Phạm Thị Bé', 'other']]);
  });

  it('imports households from XLSX, restoring the leading 0 Excel drops from a phone typed as a number', async () => {
    const xlsx = await tableXlsx(HOUSEHOLD_COLUMNS, [
      ['Võ Văn Ba', 911000003, 'Ấp Thới Thạnh', 31258, '', 'Võ Thị Tư'],
      ['Đặng Thị Sáu', '0911000004', '', THOI_LAI, '', ''],
    ]);
    const job = await importFile('kind=households&format=xlsx', xlsx);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.deepEqual((await householdsByPhone(['0911000003', '0911000004'])).map((h) => h.headName), ['Võ Văn Ba', 'Đặng Thị Sáu']);
  });

  it('refuses the whole file when any household row is wrong, listing each', async () => {
    const before = await householdCount();
    const csv = tableCsv(HOUSEHOLD_COLUMNS, [
      ['Hộ tốt', '0911000010', '', THOI_LAI, '', ''],
      ['', '0911000011', '', THOI_LAI, '', ''],
      ['Hộ trùng số', '0911000010', '', THOI_LAI, '', ''],
      ['Hộ đã có', '0911000001', '', THOI_LAI, '', ''],
      ['Hộ sai xã', '0911000012', '', '12345', '', ''],
      ['Hộ tổ chức lạ', '0911000013', '', THOI_LAI, '5d7c2d10-8a55-4b8e-9f43-0c1b2a3d4e5f', ''],
      ['Hộ số sai', '12ab', '', THOI_LAI, '', ''],
    ]);
    const job = await importFile('kind=households&format=csv', csv);
    assert.equal(job.status, 'failed');
    assert.deepEqual(job.refused.map((r) => [r.row, r.field, r.reason]), [
      [2, 'head_name', 'required'],
      [3, 'phone', 'duplicate_in_file'],
      [4, 'phone', 'phone_exists'],
      [5, 'commune_code', 'unknown_commune'],
      [6, 'organisation_id', 'organisation_not_found'],
      [7, 'phone', 'invalid_phone'],
    ]);
    assert.match(job.refused[1]!.message, /row 1/);
    assert.match(job.refused[2]!.message, /Nguyễn Văn Năm/);
    assert.equal(await householdCount(), before);
  });

  it('refuses households outside the caller’s scope', async () => {
    const g = given(t.database.db);
    const officer = await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI });
    const cookie = await t.loginAs(officer.login, officer.password);
    const job = await importFile('kind=households&format=csv', tableCsv(HOUSEHOLD_COLUMNS, [['Hộ xã khác', '0911000020', '', CO_DO, '', ''], ['Hộ trong xã', '0911000021', '', THOI_LAI, '', '']]), cookie);
    assert.deepEqual(job.refused.map((r) => [r.row, r.field, r.reason]), [[1, 'commune_code', 'outside_scope']]);
  });

  it('shows progress moving up to the total while a large file is processed', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [`Hộ số ${i + 1}`, `0912${String(i).padStart(6, '0')}`, '', THOI_LAI, '', '']);
    const res = await t.request({ method: 'POST', url: '/api/v1/imports?kind=households&format=csv', cookie: manager, payload: tableCsv(HOUSEHOLD_COLUMNS, rows), headers: { 'content-type': 'text/csv' } });
    const { jobId } = CreateImportResponse.parse(res.json());
    const seen: [string, number | null, number][] = [];
    for (;;) {
      const job = ImportJob.parse((await t.request({ method: 'GET', url: `/api/v1/imports/${jobId}`, cookie: manager })).json());
      seen.push([job.status, job.totalRows, job.processedRows]);
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const last = seen.at(-1)!;
    assert.deepEqual(last, ['succeeded', 6000, 6000]);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]![2] >= seen[i - 1]![2], `progress never goes back: ${JSON.stringify(seen)}`);
    assert.ok(seen.every(([, total, processed]) => total === null || processed <= total));
  });

  it('after a restart, runs again a queued upload that was interrupted, and fails an interrupted foreground run', async () => {
    const file = tableCsv(HOUSEHOLD_COLUMNS, [['Hộ sau khởi động lại', '0911000030', '', THOI_LAI, '', '']]);
    const interrupted = {
      kind: 'households' as const, format: 'csv' as const, crsProvinceCode: null, crsMeridian: null, organisationId: coopId, fileName: 'ho.csv', fileSize: file.length,
      status: 'running' as const, attempts: 1, totalRows: 1, processedRows: 1, startedAt: sql<Date>`now() - interval '1 hour'`, heartbeatAt: sql<Date>`now() - interval '1 hour'`,
      actorRole: 'coop_manager' as const, actorOrganisationId: coopId, actorHouseholdId: null, actorAdminUnitCode: null, actorPermissions: ['registry:read', 'households:edit'], actorVia: 'session' as const, createdBy: managerId,
    };
    const [upload, foreground] = await t.database.db
      .insertInto('importJobs')
      .values([{ ...interrupted, fileContent: file }, { ...interrupted, fileContent: null }])
      .returning('id')
      .execute();
    await t.services.imports.start();
    await t.services.imports.idle();
    const resumed = ImportJob.parse((await t.request({ method: 'GET', url: `/api/v1/imports/${upload!.id}`, cookie: manager })).json());
    assert.deepEqual([resumed.status, resumed.importedRows], ['succeeded', 1], JSON.stringify(resumed));
    assert.equal((await householdsByPhone(['0911000030'])).length, 1);
    const failed = ImportJob.parse((await t.request({ method: 'GET', url: `/api/v1/imports/${foreground!.id}`, cookie: manager })).json());
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /interrupted/);
  });

  it('serves templates that open in exceljs with the documented columns and a Vietnamese/English guide', async () => {
    for (const [kind, columns] of [['households', HOUSEHOLD_COLUMNS], ['plots', PLOT_COLUMNS]] as const) {
      const csv = await t.request({ method: 'GET', url: `/api/v1/imports/templates/${kind}.csv` });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(String(csv.headers['content-disposition']), new RegExp(`attachment; filename="dongxanh-${kind}.csv"`));
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.equal(lines[0], columns.join(','));
      assert.equal(lines.length, 2);

      const xlsx = await t.request({ method: 'GET', url: `/api/v1/imports/templates/${kind}.xlsx` });
      assert.equal(xlsx.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      const [data, guide] = workbook.worksheets;
      const header = (data!.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      assert.deepEqual(header, [...columns]);
      assert.equal(data!.getRow(1).font?.bold, true);
      assert.equal(data!.rowCount, 2, 'one example row');
      assert.equal(guide!.name, 'Hướng dẫn');
      const explained = guide!.getColumn(1).values.slice(2).filter(Boolean);
      for (const column of columns) assert.ok(explained.includes(column), `${column} explained`);
      assert.match(String(guide!.getRow(2).getCell(3).value), /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    }
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/imports/templates/plots.ods' })).statusCode, 400);
  });

  it('imports the templates themselves, households first and then the plot of one of them', async () => {
    const households = await t.request({ method: 'GET', url: '/api/v1/imports/templates/households.xlsx' });
    const h = await importFile('kind=households&format=xlsx', households.rawPayload);
    assert.equal(h.status, 'succeeded', JSON.stringify(h));
    const plots = await t.request({ method: 'GET', url: '/api/v1/imports/templates/plots.xlsx' });
    const p = await importFile('kind=plots&format=xlsx', plots.rawPayload);
    assert.equal(p.status, 'succeeded', JSON.stringify(p));
    const plot = await t.database.db
      .selectFrom('plots as p')
      .innerJoin('households as h', 'h.id', 'p.householdId')
      .select(['p.code', 'p.areaHa', 'h.headName'])
      .where('p.code', '=', 'CT-TL-0001')
      .executeTakeFirstOrThrow();
    assert.equal(plot.headName, 'Nguyễn Văn Năm');
    assert.ok(Math.abs(plot.areaHa - 0.98) < 0.02, `the template's example is about 1 ha (${plot.areaHa})`);

    // And a plot CSV naming an imported household by phone, next to it.
    const job = await importFile('kind=plots&format=csv', plotsCsv([{ code: 'CT-TL-0002', household_phone: '0911000003', rings: [rectangleRing(105.552, 10.06, 30)] }]));
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
  });
});
