/**
 * Searching and filtering the households list (GET /households?q=&communeCode=): the head's name
 * without regard to case or diacritics, the phone number, the 2025 commune — always inside the
 * caller's scope, and paginated.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HouseholdPage } from '@dongxanh/contracts';
import { CAN_THO, CO_DO, THOI_LAI, given } from '../../testing/given.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

describe('households search', () => {
  let t: TestApp;
  let provinceOfficer: string;
  let thoiLaiOfficer: string;
  let coopManager: string;
  let farmer: string;

  const list = async (cookie: string, query: Record<string, string>) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/households?${new URLSearchParams(query)}`, cookie });
    assert.equal(res.statusCode, 200, res.body);
    return HouseholdPage.parse(res.json());
  };
  /** "name (commune)" of each row, sorted: the database's collation decides the order of mixed case. */
  const found = (page: ReturnType<typeof HouseholdPage.parse>) => page.items.map((h) => `${h.headName} (${h.communeCode})`).sort();

  before(async () => {
    t = await createTestApp();
    const g = given(t.database.db);
    const db = t.database.db;
    const coop = await g.organisation({ communeCode: THOI_LAI });
    const household = async (headName: string, communeCode: string, phone: string | null = null, organisationId: string | null = null) => {
      const h = await g.household({ headName, communeCode, organisationId });
      if (phone) await db.updateTable('households').set({ phone }).where('id', '=', h.id).execute();
      return h;
    };
    const an = await household('Nguyễn Văn An', THOI_LAI, '0912345678', coop.id);
    await household('Nguyễn Thị Bình', THOI_LAI, '+84987654321', coop.id);
    await household('NGUYỄN VĂN CƯỜNG', THOI_LAI);
    // Typed on a keyboard that writes decomposed letters (NFD): "Đ" stays one letter, the tone marks combine.
    await household('Phạm Văn Đức'.normalize('NFD'), THOI_LAI);
    await household('Trần Văn An', THOI_LAI);
    await household('Nguyễn Văn An', CO_DO, '0912345679');
    await household('Lê Thị Nguyên', CO_DO);

    const login = async (u: Awaited<ReturnType<typeof g.user>>) => t.loginAs(u.login, u.password);
    provinceOfficer = await login(await g.user({ role: 'province_officer', adminUnitCode: CAN_THO }));
    thoiLaiOfficer = await login(await g.user({ role: 'commune_officer', adminUnitCode: THOI_LAI }));
    coopManager = await login(await g.user({ role: 'coop_manager', organisationId: coop.id }));
    farmer = await login(await g.user({ role: 'farmer', organisationId: coop.id, householdId: an.id }));
  });
  after(async () => t.close());

  it('finds heads by name without regard to case or diacritics, across the province for a province officer', async () => {
    const page = await list(provinceOfficer, { q: 'nguyen van' });
    assert.deepEqual(found(page), ['NGUYỄN VĂN CƯỜNG (31258)', 'Nguyễn Văn An (31258)', 'Nguyễn Văn An (31261)']);
    assert.equal(page.total, 3);
    // Typed with its diacritics, in upper case, or with extra spaces: the same households.
    assert.deepEqual(found(await list(provinceOfficer, { q: 'NGUYỄN  VĂN' })), found(page));
    // "nguyen" also inside a name: Lê Thị Nguyên.
    assert.deepEqual(found(await list(provinceOfficer, { q: 'nguyên' })), ['Lê Thị Nguyên (31261)', 'NGUYỄN VĂN CƯỜNG (31258)', 'Nguyễn Thị Bình (31258)', 'Nguyễn Văn An (31258)', 'Nguyễn Văn An (31261)']);
  });

  it('finds a name stored in decomposed form, typed with or without its marks', async () => {
    for (const q of ['duc', 'Đức', 'pham van duc']) {
      const page = await list(provinceOfficer, { q });
      assert.deepEqual(page.items.map((h) => h.headName.normalize('NFC')), ['Phạm Văn Đức'], `q=${q}`);
    }
  });

  it('finds a household by phone, typed with spaces or the national prefix for a number stored with +84', async () => {
    assert.deepEqual(found(await list(provinceOfficer, { q: '0912 345 678' })), ['Nguyễn Văn An (31258)']);
    assert.deepEqual(found(await list(provinceOfficer, { q: '0987654321' })), ['Nguyễn Thị Bình (31258)']);
    assert.deepEqual(found(await list(provinceOfficer, { q: '091234567' })), ['Nguyễn Văn An (31258)', 'Nguyễn Văn An (31261)']);
  });

  it('filters by 2025 commune code, alone or with a search', async () => {
    assert.deepEqual(found(await list(provinceOfficer, { communeCode: CO_DO })), ['Lê Thị Nguyên (31261)', 'Nguyễn Văn An (31261)']);
    assert.deepEqual(found(await list(provinceOfficer, { communeCode: THOI_LAI, q: 'van an' })), ['Nguyễn Văn An (31258)', 'Trần Văn An (31258)']);
  });

  it("never shows a commune officer another commune's households, even searching a name both communes have", async () => {
    assert.deepEqual(found(await list(thoiLaiOfficer, { q: 'Nguyễn Văn An' })), ['Nguyễn Văn An (31258)']);
    assert.deepEqual(found(await list(thoiLaiOfficer, { q: '0912345679' })), []);
    const otherCommune = await list(thoiLaiOfficer, { communeCode: CO_DO, q: 'nguyen' });
    assert.deepEqual([otherCommune.total, otherCommune.items], [0, []]);
  });

  it('keeps a cooperative to its members and a farmer to their own household', async () => {
    assert.deepEqual(found(await list(coopManager, { q: 'nguyen' })), ['Nguyễn Thị Bình (31258)', 'Nguyễn Văn An (31258)']);
    assert.deepEqual(found(await list(farmer, { q: 'binh' })), []);
    assert.deepEqual(found(await list(farmer, { q: 'an' })), ['Nguyễn Văn An (31258)']);
  });

  it('pages through the matches, counting them all', async () => {
    const first = await list(provinceOfficer, { q: 'nguyen', pageSize: '2', page: '1' });
    const third = await list(provinceOfficer, { q: 'nguyen', pageSize: '2', page: '3' });
    assert.deepEqual([first.total, first.items.length, third.total, third.items.length], [5, 2, 5, 1]);
    const second = await list(provinceOfficer, { q: 'nguyen', pageSize: '2', page: '2' });
    const ids = [...first.items, ...second.items, ...third.items].map((h) => h.id);
    assert.equal(new Set(ids).size, 5, 'no household on two pages');
  });

  it('finds plots by their household head or name the same way, and by code as typed', async () => {
    const g = given(t.database.db);
    const [an] = (await list(provinceOfficer, { q: '0912345678' })).items;
    assert.ok(an);
    await g.plot({ householdId: an.id, communeCode: THOI_LAI, code: 'TL-TIM-001', lon: 105.561, lat: 10.071 });
    const plots = async (q: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/plots?${new URLSearchParams({ q })}`, cookie: provinceOfficer });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: Array<{ code: string }> }).items.map((p) => p.code);
    };
    assert.deepEqual(await plots('nguyen van an'), ['TL-TIM-001']);
    assert.deepEqual(await plots('tl-tim'), ['TL-TIM-001']);
    assert.deepEqual(await plots('tran van an'), []);
  });

  it('takes LIKE characters literally and refuses a malformed commune code', async () => {
    assert.equal((await list(provinceOfficer, { q: '%' })).total, 0);
    assert.equal((await list(provinceOfficer, { q: 'Nguy_n' })).total, 0);
    const res = await t.request({ method: 'GET', url: '/api/v1/households?communeCode=3125', cookie: provinceOfficer });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].path, 'communeCode');
  });
});
