import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from '../db/database.ts';
import { LATEST_SCHEMA_VERSION, migrateToLatest } from '../db/migrator.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('platform', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('answers health with the database kind and schema version', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/health' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database, process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    assert.equal(body.schemaVersion, LATEST_SCHEMA_VERSION);
  });

  it('serves an OpenAPI 3.1 document listing the API routes', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/v1/health', '/api/v1/auth/login', '/api/v1/plots', '/api/v1/plots/{id}', '/api/v1/mrv/calculate', '/api/v1/imports', '/api/v1/imports/{id}']) {
      assert.ok(doc.paths[path], `OpenAPI has ${path}`);
    }
  });

  it('serves the API docs page without the internet', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
    assert.doesNotMatch(res.body, /https?:\/\/(unpkg|cdn)/);
  });

  it('answers an unknown API route with problem+json and a request id', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'x-request-id': 'req-12345678' } });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json().requestId, 'req-12345678');
    assert.equal(res.headers['x-request-id'], 'req-12345678');
  });

  it('runs migrations again without changing anything', async () => {
    assert.deepEqual(await migrateToLatest(t.database.db), []);
  });

  it('has loaded the 34 provinces and 3,321 communes of 2025', async () => {
    const provinces = await t.request({ method: 'GET', url: '/api/v1/admin-units?level=province&pageSize=50' });
    assert.equal(provinces.json().total, 34);
    const communes = await t.request({ method: 'GET', url: '/api/v1/admin-units?level=commune&pageSize=1' });
    assert.equal(communes.json().total, 3321);
    const canTho = await t.request({ method: 'GET', url: '/api/v1/admin-units?level=commune&parentCode=92&q=Th%E1%BB%9Bi%20Lai' });
    assert.deepEqual(canTho.json().items.map((u: { code: string; name: string }) => [u.code, u.name]), [['31258', 'Xã Thới Lai']]);
  });

  it('resolves a pre-2025 commune code to the 2025 commune it was merged into', async () => {
    // Phường Trúc Bạch (00004 before 2025 is also Ba Đình's new code); Phường Quán Thánh 00013 → Ba Đình 00004.
    const res = await t.request({ method: 'GET', url: '/api/v1/admin-units/00013' });
    assert.equal(res.statusCode, 200);
    const unit = res.json();
    assert.equal(unit.code, '00004');
    assert.equal(unit.name, 'Phường Ba Đình');
    assert.equal(unit.resolvedFrom.oldName, 'Phường Quán Thánh');
    assert.equal(unit.resolvedFrom.oldDistrictName, 'Quận Ba Đình');
  });
});

describe('embedded data folder lock', () => {
  it('refuses a second process-level open of the same folder with a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dx-lock-'));
    try {
      const release = lockDataDir(dir);
      // Simulate another live process holding the lock: our parent's pid is alive and not us.
      release();
      writeFileSync(join(dir, '.dongxanh.lock'), String(process.ppid));
      assert.throws(() => lockDataDir(dir), (err: unknown) => err instanceof DataDirInUseError && /already open in another process/.test((err as Error).message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dx-lock-'));
    try {
      writeFileSync(join(dir, '.dongxanh.lock'), '999999');
      const release = lockDataDir(dir);
      release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
