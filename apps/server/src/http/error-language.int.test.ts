/**
 * Refusals in the user's language: Accept-Language picks Vietnamese or English for `detail` and
 * `errors[].message`; without the header the API answers English as it always has. The code, the
 * field paths and the extension members do not change with the language, and nothing is written.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { Problem } from '@dongxanh/contracts';
import { THOI_LAI, given, squarePolygon } from '../testing/given.ts';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.ts';

describe('refusals in the language the request asks for', () => {
  let t: TestApp;
  let manager: string;
  let recorder: string;
  let seasonId: string;
  const lon = 105.571;
  const lat = 10.081;

  const post = (cookie: string, url: string, payload: object, language?: string) =>
    t.request({ method: 'POST', url: `/api/v1${url}`, cookie, payload, ...(language ? { headers: { 'accept-language': language } } : {}) });
  const plotCount = async (code: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from plots where code = ${code}`.execute(t.database.db)).rows[0]!.n;

  before(async () => {
    t = await createTestApp({ clock: fixedClock('2026-05-01T09:00:00+07:00') });
    const g = given(t.database.db);
    const coop = await g.cooperativeWithMembers(THOI_LAI);
    await g.plot({ organisationId: coop.coop.id, householdId: coop.household.id, code: 'LANG-A-001', lon, lat, sideM: 100 });
    manager = await t.loginAs(coop.manager.login, coop.manager.password);
    recorder = await t.loginAs(coop.recorder.login, coop.recorder.password);
    const season = await post(recorder, `/plots/${coop.plot.id}/seasons`, { cropCode: 'rice', seasonName: 'dong_xuan', year: 2026, plannedStartOn: '2025-12-01', plannedEndOn: '2026-03-10' });
    assert.equal(season.statusCode, 201, season.body);
    seasonId = season.json().season.id;
  });
  after(async () => t.close());

  describe('a request that fails its schema', () => {
    const invalidPlot = { code: 'LANG-V-001', communeCode: '123', boundary: squarePolygon(lon + 0.01, lat, 50) };

    it('names the wrong fields in Vietnamese, with zod texts from its vi locale and the contract texts translated', async () => {
      const res = await post(manager, '/plots', invalidPlot, 'vi-VN,vi;q=0.9,en;q=0.8');
      assert.equal(res.statusCode, 400);
      const problem = Problem.parse(res.json());
      assert.equal(problem.code, 'invalid_input');
      assert.deepEqual(problem.errors, [
        { path: 'name', message: 'Đầu vào không hợp lệ: mong đợi string, nhận được undefined' },
        { path: 'communeCode', message: 'Mã xã gồm 5 chữ số' },
      ]);
      assert.equal(problem.detail, 'Dữ liệu gửi lên không hợp lệ: name: Đầu vào không hợp lệ: mong đợi string, nhận được undefined; communeCode: Mã xã gồm 5 chữ số');
      assert.equal(await plotCount('LANG-V-001'), 0);
    });

    it('gives the same paths in English, and the English of today without Accept-Language', async () => {
      const english = Problem.parse((await post(manager, '/plots', invalidPlot, 'en-GB')).json());
      const unnamed = Problem.parse((await post(manager, '/plots', invalidPlot)).json());
      for (const problem of [english, unnamed]) {
        assert.deepEqual(problem.errors, [
          { path: 'name', message: 'Invalid input: expected string, received undefined' },
          { path: 'communeCode', message: 'A commune code has 5 digits' },
        ]);
        assert.equal(problem.detail, 'Invalid body: name: Invalid input: expected string, received undefined; communeCode: A commune code has 5 digits');
      }
    });
  });

  describe('an overlapping plot', () => {
    const overlapping = { code: 'LANG-B-001', name: 'Thửa chồng lấn', communeCode: THOI_LAI, boundary: squarePolygon(lon, lat, 100) };

    it('names the other plot and the overlap in Vietnamese, with a decimal comma', async () => {
      const res = await post(manager, '/plots', overlapping, 'vi');
      assert.equal(res.statusCode, 409, res.body);
      const problem = res.json();
      assert.equal(problem.code, 'conflict');
      assert.match(problem.detail, /^Ranh giới chồng lấn thửa LANG-A-001 \(1,000\d ha\)\. Hãy vẽ lại, hoặc lưu kèm lý do chấp nhận chồng lấn \(overlapOverride\.reason\)\.$/);
      assert.equal(problem.errors[0].path, 'boundary');
      assert.equal(problem.errors[0].message, problem.detail);
      assert.equal(problem.overlaps[0].code, 'LANG-A-001');
      assert.equal(await plotCount('LANG-B-001'), 0);
    });

    it('says the same in English when asked, and without Accept-Language', async () => {
      for (const language of ['en', undefined]) {
        const problem = (await post(manager, '/plots', overlapping, language)).json();
        assert.equal(problem.code, 'conflict');
        assert.match(problem.detail, /^The boundary overlaps plot LANG-A-001 by 1,000\d ha\. Redraw it, or save it with overlapOverride\.reason to record why the overlap is accepted\.$/);
      }
      assert.equal(await plotCount('LANG-B-001'), 0);
    });
  });

  describe('a banned pesticide', () => {
    const carbofuran = () => ({
      clientId: randomUUID(), type: 'pesticide', occurredOn: '2026-01-10',
      details: { productName: 'Furadan 3GR', activeIngredients: [{ name: 'Carbofuran' }], dose: 20, doseUnit: 'kg_per_ha', phiDays: 30 },
    });
    const activityCount = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from activities where season_id = ${seasonId}`.execute(t.database.db)).rows[0]!.n;

    it('names the ingredient and its legal basis in Vietnamese', async () => {
      const res = await post(recorder, `/seasons/${seasonId}/activities`, carbofuran(), 'vi');
      assert.equal(res.statusCode, 422, res.body);
      const problem = res.json();
      assert.equal(problem.code, 'rule_violated');
      assert.equal(
        problem.detail,
        'Hoạt chất “Carbofuran” bị cấm sử dụng (thuộc Phụ lục II): Phụ lục II, Thông tư 09/2023/TT-BNNPTNT (hiệu lực từ 08/12/2023); '
          + 'các danh mục kế tiếp: Thông tư 25/2024/TT-BNNPTNT và Thông tư 75/2025/TT-BNNMT',
      );
      assert.deepEqual(problem.errors.map((e: { path: string }) => e.path), ['details.activeIngredients[0].name']);
      assert.equal(problem.errors[0].message, problem.detail);
      assert.equal(problem.restrictedIngredients[0].legalBasis.startsWith('Appendix II, Circular 09/2023/TT-BNNPTNT'), true, 'extension members stay as stored');
      assert.equal(await activityCount(), 0);
    });

    it('is refused in Vietnamese inside a sync answer too, with a bad field of another entry in zod\'s Vietnamese', async () => {
      const { clientId, ...spray } = carbofuran();
      const badReading = { clientId: randomUUID(), kind: 'createActivity', seasonId, payload: { type: 'water_level', occurredOn: '2026-01-11', details: { tubeId: 'ONG-1', levelCm: 'sâu' } } };
      const sync = async (language?: string) => {
        const res = await post(recorder, '/sync', { mutations: [{ clientId, kind: 'createActivity', seasonId, payload: spray }, badReading] }, language);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().results as Array<{ status: string; error: { code: string; detail: string; errors: Array<{ path: string; message: string }> } }>;
      };
      const [banned, reading] = await sync('vi');
      assert.deepEqual([banned!.status, banned!.error.code, reading!.status, reading!.error.code], ['rejected', 'rule_violated', 'rejected', 'invalid_input']);
      assert.match(banned!.error.detail, /^Hoạt chất “Carbofuran” bị cấm sử dụng \(thuộc Phụ lục II\): Phụ lục II, Thông tư 09\/2023\/TT-BNNPTNT/);
      assert.equal(reading!.error.detail, 'Dữ liệu của thao tác createActivity không hợp lệ');
      assert.deepEqual(reading!.error.errors.map((e) => e.path), ['payload.details.levelCm']);
      assert.match(reading!.error.errors[0]!.message, /^Đầu vào không hợp lệ/);
      // Without the header: the English of before.
      const [bannedEn, readingEn] = await sync();
      assert.match(bannedEn!.error.detail, /^Active ingredient "Carbofuran" is banned/);
      assert.equal(readingEn!.error.detail, 'Invalid createActivity payload');
      assert.equal(await activityCount(), 0);
    });

    it('says it in English when asked', async () => {
      const problem = (await post(recorder, `/seasons/${seasonId}/activities`, carbofuran(), 'en-US,en;q=0.9')).json();
      assert.match(problem.detail, /^Active ingredient "Carbofuran" is banned \(listed in Appendix II\): Appendix II, Circular 09\/2023\/TT-BNNPTNT \(effective 08\/12\/2023\)/);
      assert.equal(await activityCount(), 0);
    });
  });

  it('documents the choice of language in the OpenAPI description', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.match(doc.info.description, /Accept-Language/);
    assert.match(doc.info.description, /Without the header they are English/);
  });

  it('answers Vietnamese to a language it does not speak, and keeps the code', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '0900000000', password: 'sai-mat-khau-123' }, headers: { 'accept-language': 'fr-FR, de;q=0.5' } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'unauthenticated');
    assert.equal(res.json().detail, 'Sai số điện thoại, e-mail hoặc mật khẩu');
  });
});
