/**
 * Who sees what in the registry, role by role (issue 2: "each role sees exactly what it should").
 * Three cooperatives — Thới Lai (31258) and Cờ Đỏ (31261) in Cần Thơ (92), and Ba Đình (00004) in
 * Hà Nội (01) — with households, plots and growing areas; an enterprise and a verification body in
 * Cần Thơ. Each role lists exactly its records, gets 404 for a record outside its scope, 403 for a
 * write its role may not make, and 404 for a write outside its scope.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../db/schema.ts';
import { BA_DINH_HANOI, CAN_THO, CO_DO, THOI_LAI, given, squarePolygon } from '../../testing/given.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

type Name = string;

describe('registry scope by role', () => {
  let t: TestApp;
  /** Record ids by a readable name, and the reverse. */
  const ids = new Map<Name, string>();
  const names = new Map<string, Name>();
  const cookies = new Map<Role, string>();
  const remember = (name: Name, id: string) => {
    ids.set(name, id);
    names.set(id, name);
    return id;
  };
  const id = (name: Name) => {
    const value = ids.get(name);
    if (!value) throw new Error(`no record named ${name}`);
    return value;
  };

  const get = (role: Role, url: string) => t.request({ method: 'GET', url: `/api/v1${url}`, cookie: cookies.get(role)! });
  const send = (role: Role, method: 'POST' | 'PATCH', url: string, payload: object) => t.request({ method, url: `/api/v1${url}`, cookie: cookies.get(role)!, payload });

  before(async () => {
    t = await createTestApp();
    const g = given(t.database.db);
    const db = t.database.db;

    const place = async (prefix: string, communeCode: string, lon: number, lat: number) => {
      const coop = await g.organisation({ communeCode, name: `HTX ${prefix}` });
      remember(`coop ${prefix}`, coop.id);
      const households = [];
      for (const n of [1, 2]) {
        const h = await g.household({ organisationId: coop.id, communeCode, headName: `Hộ ${prefix}-${n}` });
        remember(`household ${prefix}-${n}`, h.id);
        const plot = await g.plot({ organisationId: coop.id, householdId: h.id, communeCode, code: `${prefix}-${n}`, lon: lon + n * 0.01, lat });
        remember(`plot ${prefix}-${n}`, plot.id);
        households.push(h);
      }
      const area = await db
        .insertInto('growingAreas')
        .values({ name: `Vùng ${prefix}`, crop: 'rice', organisationId: coop.id, provinceCode: communeCode === BA_DINH_HANOI ? '01' : CAN_THO, communeCode, createdBy: null, updatedBy: null, updatedAt: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      remember(`area ${prefix}`, area.id);
      await db.insertInto('growingAreaPlots').values({ growingAreaId: area.id, plotId: id(`plot ${prefix}-1`) }).execute();
      return { coop, households };
    };
    const tl = await place('TL', THOI_LAI, 105.55, 10.06);
    await place('CD', CO_DO, 105.45, 10.1);
    await place('HN', BA_DINH_HANOI, 105.83, 21.03);
    const enterprise = await g.organisation({ communeCode: CO_DO, kind: 'enterprise', name: 'Công ty Xay xát Cờ Đỏ' });
    remember('enterprise', enterprise.id);
    const verifierOrg = await g.organisation({ communeCode: CO_DO, kind: 'verifier', name: 'Tổ chức thẩm định Mê Kông' });
    remember('verifier org', verifierOrg.id);

    const users: Record<Role, Parameters<typeof g.user>[0]> = {
      farmer: { role: 'farmer', organisationId: tl.coop.id, householdId: tl.households[0]!.id },
      coop_manager: { role: 'coop_manager', organisationId: tl.coop.id },
      coop_recorder: { role: 'coop_recorder', organisationId: tl.coop.id },
      commune_officer: { role: 'commune_officer', adminUnitCode: THOI_LAI },
      province_officer: { role: 'province_officer', adminUnitCode: CAN_THO },
      verifier: { role: 'verifier', organisationId: verifierOrg.id, adminUnitCode: CAN_THO },
      enterprise: { role: 'enterprise', organisationId: enterprise.id },
      admin: { role: 'admin' },
    };
    for (const [role, spec] of Object.entries(users) as Array<[Role, Parameters<typeof g.user>[0]]>) {
      const user = await g.user(spec);
      cookies.set(role, await t.loginAs(user.login, user.password));
    }
  });
  after(async () => t.close());

  const cantho = { plots: ['plot CD-1', 'plot CD-2', 'plot TL-1', 'plot TL-2'], households: ['household CD-1', 'household CD-2', 'household TL-1', 'household TL-2'], areas: ['area CD', 'area TL'], organisations: ['coop CD', 'coop TL', 'enterprise', 'verifier org'] };
  const thoiLaiCoop = { plots: ['plot TL-1', 'plot TL-2'], households: ['household TL-1', 'household TL-2'], areas: ['area TL'], organisations: ['coop TL'] };

  /** What each role lists, and one record of each kind it must not read. */
  const expectations: Record<Role, { plots: Name[]; households: Name[]; areas: Name[]; organisations: Name[]; hidden: Name[] }> = {
    farmer: { plots: ['plot TL-1'], households: ['household TL-1'], areas: [], organisations: ['coop TL'], hidden: ['plot TL-2', 'household TL-2', 'area TL', 'coop CD'] },
    coop_manager: { ...thoiLaiCoop, hidden: ['plot CD-1', 'household CD-1', 'area CD', 'coop CD'] },
    coop_recorder: { ...thoiLaiCoop, hidden: ['plot CD-1', 'household CD-1', 'area CD', 'enterprise'] },
    commune_officer: { ...thoiLaiCoop, hidden: ['plot CD-1', 'household CD-2', 'area CD', 'coop CD'] },
    province_officer: { ...cantho, hidden: ['plot HN-1', 'household HN-1', 'area HN', 'coop HN'] },
    verifier: { ...cantho, hidden: ['plot HN-2', 'household HN-2', 'area HN', 'coop HN'] },
    enterprise: { plots: [], households: [], areas: [], organisations: ['enterprise'], hidden: ['plot TL-1', 'household CD-1', 'area CD', 'coop CD'] },
    admin: {
      plots: ['plot CD-1', 'plot CD-2', 'plot HN-1', 'plot HN-2', 'plot TL-1', 'plot TL-2'],
      households: ['household CD-1', 'household CD-2', 'household HN-1', 'household HN-2', 'household TL-1', 'household TL-2'],
      areas: ['area CD', 'area HN', 'area TL'],
      organisations: ['coop CD', 'coop HN', 'coop TL', 'enterprise', 'verifier org'],
      hidden: [],
    },
  };

  const listed = async (role: Role, url: string) => {
    const res = await get(role, url);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().items as Array<{ id: string }>).map((item) => names.get(item.id) ?? `unknown ${item.id}`).sort();
  };
  const detailUrl = (name: Name) => {
    const [kind] = name.split(' ');
    const path = { plot: 'plots', household: 'households', area: 'growing-areas', coop: 'organisations', enterprise: 'organisations', verifier: 'organisations' }[kind!];
    return `/${path}/${id(name)}`;
  };

  for (const [role, expected] of Object.entries(expectations) as Array<[Role, (typeof expectations)[Role]]>) {
    describe(role, () => {
      it('lists exactly the plots, households, growing areas and organisations of its scope', async () => {
        assert.deepEqual(await listed(role, '/plots?pageSize=200'), expected.plots, 'plots');
        assert.deepEqual(await listed(role, '/households?pageSize=200'), expected.households, 'households');
        assert.deepEqual(await listed(role, '/growing-areas'), expected.areas, 'growing areas');
        assert.deepEqual(await listed(role, '/organisations?pageSize=200'), expected.organisations, 'organisations');
        const map = await get(role, '/plots.geojson');
        assert.deepEqual((map.json().features as Array<{ id: string }>).map((f) => names.get(f.id)).sort(), expected.plots, 'map layer');
      });

      it('reads each record of its scope', async () => {
        for (const name of [...expected.plots, ...expected.households, ...expected.areas, ...expected.organisations]) {
          const res = await get(role, detailUrl(name));
          assert.equal(res.statusCode, 200, `${name}: ${res.body}`);
        }
      });

      if (expected.hidden.length) {
        it('gets 404 for records outside its scope', async () => {
          for (const name of expected.hidden) {
            const res = await get(role, detailUrl(name));
            assert.equal(res.statusCode, 404, `${role} reading ${name}`);
            assert.equal(res.json().code, 'not_found');
          }
          const plot = expected.hidden.find((n) => n.startsWith('plot '))!;
          assert.equal((await get(role, `${detailUrl(plot)}/boundaries`)).statusCode, 404);
        });
      }
    });
  }

  it('tells a commune officer of Thới Lai that a Cờ Đỏ plot does not exist (404), with no detail of it', async () => {
    const res = await get('commune_officer', `/plots/${id('plot CD-1')}`);
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /CD-1|Cờ Đỏ/);
  });

  const square = (lon: number) => squarePolygon(lon, 10.3, 50);

  it('refuses writes a role may not make with 403', async () => {
    const forbidden: Array<[Role, 'POST' | 'PATCH', string, object]> = [
      ['verifier', 'POST', '/plots', { code: 'V-1', name: 'x', communeCode: THOI_LAI, boundary: square(105.6) }],
      ['enterprise', 'POST', '/plots', { code: 'E-1', name: 'x', communeCode: CO_DO, boundary: square(105.61) }],
      ['province_officer', 'POST', '/plots', { code: 'P-1', name: 'x', communeCode: THOI_LAI, boundary: square(105.62) }],
      ['commune_officer', 'PATCH', `/plots/${id('plot TL-1')}`, { name: 'đổi tên' }],
      ['verifier', 'PATCH', `/plots/${id('plot TL-1')}`, { name: 'đổi tên' }],
      ['farmer', 'POST', '/households', { headName: 'Hộ mới', communeCode: THOI_LAI }],
      ['verifier', 'POST', `/households/${id('household TL-1')}/members`, { fullName: 'Nguyễn Văn Bé', relation: 'child' }],
      ['coop_recorder', 'POST', '/growing-areas', { name: 'Vùng mới', crop: 'rice', plotIds: [id('plot TL-2')] }],
      ['enterprise', 'POST', '/organisations', { name: 'HTX mới', kind: 'cooperative', communeCode: CO_DO }],
      ['coop_manager', 'POST', `/growing-areas/${id('area TL')}/status`, { status: 'approved' }],
    ];
    for (const [role, method, url, payload] of forbidden) {
      const res = await send(role, method, url, payload);
      assert.equal(res.statusCode, 403, `${role} ${method} ${url}: ${res.body}`);
      assert.equal(res.json().code, 'forbidden');
    }
    const plots = await t.database.db.selectFrom('plots').select('code').where('code', 'in', ['V-1', 'E-1', 'P-1']).execute();
    assert.deepEqual(plots, []);
    const stored = await t.database.db.selectFrom('plots').select('name').where('id', '=', id('plot TL-1')).executeTakeFirstOrThrow();
    assert.notEqual(stored.name, 'đổi tên');
  });

  it('answers writes outside the caller’s scope with 404 and changes nothing', async () => {
    const outside: Array<[Role, 'POST' | 'PATCH', string, object]> = [
      ['coop_manager', 'PATCH', `/plots/${id('plot CD-1')}`, { name: 'chiếm' }],
      ['farmer', 'PATCH', `/plots/${id('plot TL-2')}`, { name: 'chiếm' }],
      ['coop_recorder', 'POST', '/plots', { code: 'R-1', name: 'x', householdId: id('household CD-1'), boundary: square(105.63) }],
      ['coop_manager', 'POST', '/plots', { code: 'M-1', name: 'x', organisationId: id('coop CD'), communeCode: CO_DO, boundary: square(105.64) }],
      ['commune_officer', 'POST', '/households', { headName: 'Hộ Cờ Đỏ', communeCode: CO_DO }],
      ['commune_officer', 'POST', `/households/${id('household CD-1')}/members`, { fullName: 'Người lạ', relation: 'other' }],
      ['province_officer', 'POST', '/organisations', { name: 'HTX Hà Nội', kind: 'cooperative', communeCode: BA_DINH_HANOI }],
      ['coop_manager', 'POST', '/growing-areas', { name: 'Vùng lấn', crop: 'rice', plotIds: [id('plot CD-2')] }],
      ['coop_manager', 'POST', `/growing-areas/${id('area CD')}/codes`, { kind: 'domestic', code: 'VN-X', scheme: 'QĐ 3156', issuer: 'Chi cục', issuedOn: '2026-01-01' }],
      ['province_officer', 'POST', `/growing-areas/${id('area HN')}/status`, { status: 'approved' }],
    ];
    for (const [role, method, url, payload] of outside) {
      const res = await send(role, method, url, payload);
      assert.equal(res.statusCode, 404, `${role} ${method} ${url}: ${res.body}`);
    }
    const db = t.database.db;
    assert.deepEqual(await db.selectFrom('plots').select('code').where('code', 'in', ['R-1', 'M-1']).execute(), []);
    assert.deepEqual(await db.selectFrom('plots').select('name').where('name', '=', 'chiếm').execute(), []);
    assert.deepEqual(await db.selectFrom('households').select('id').where('headName', '=', 'Hộ Cờ Đỏ').execute(), []);
    assert.deepEqual(await db.selectFrom('householdMembers').select('id').execute(), []);
    assert.deepEqual(await db.selectFrom('organisations').select('id').where('name', '=', 'HTX Hà Nội').execute(), []);
    assert.deepEqual(await db.selectFrom('growingAreaCodes').select('id').execute(), []);
  });

  it('accepts the same kinds of write inside the scope', async () => {
    const plot = await send('coop_recorder', 'POST', '/plots', { code: 'TL-9', name: 'Thửa mới', householdId: id('household TL-2'), boundary: square(105.65) });
    assert.equal(plot.statusCode, 201, plot.body);
    assert.equal((await send('farmer', 'PATCH', `/plots/${id('plot TL-1')}`, { name: 'Ruộng nhà' })).statusCode, 204);
    assert.equal((await send('commune_officer', 'POST', `/households/${id('household TL-1')}/members`, { fullName: 'Nguyễn Thị Hoa', relation: 'spouse' })).statusCode, 201);
    assert.equal((await send('commune_officer', 'POST', '/households', { headName: 'Hộ Thới Lai mới', communeCode: THOI_LAI })).statusCode, 201);
    assert.equal((await send('province_officer', 'POST', '/organisations', { name: 'THT Cờ Đỏ', kind: 'cooperative_group', communeCode: CO_DO })).statusCode, 201);
    assert.equal((await send('coop_manager', 'POST', '/growing-areas', { name: 'Vùng TL 2', crop: 'rice', plotIds: [id('plot TL-2')] })).statusCode, 201);
  });
});
