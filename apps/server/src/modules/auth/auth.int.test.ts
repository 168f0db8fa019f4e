/**
 * Logins, sessions and API tokens through the HTTP API, against a real database: who can log in
 * with what, what is stored (argon2id hashes, hashed tokens), revocation, and the login rate limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { given, TEST_PASSWORD } from '../../testing/given.ts';
import { hashSecret } from './tokens.ts';

describe('accounts and access', () => {
  let t: TestApp;
  let coop: Awaited<ReturnType<ReturnType<typeof given>['cooperativeWithMembers']>>;
  before(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '5' } });
    coop = await given(t.database.db).cooperativeWithMembers();
  });
  after(async () => t.close());

  it('logs in with an e-mail address, sets an http-only session cookie and answers /auth/me', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: coop.manager.login.toUpperCase(), password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'dx_session');
    assert.ok(cookie?.httpOnly, 'the session cookie is http-only');
    assert.equal(cookie?.sameSite, 'Lax');
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: `dx_session=${cookie!.value}` });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.role, 'coop_manager');
    assert.equal(me.json().user.organisationId, coop.coop.id);
  });

  it('logs in with a phone number', async () => {
    const phone = '0987654321';
    await t.database.db.updateTable('users').set({ phone }).where('id', '=', coop.farmer.id).execute();
    const cookie = await t.loginAs(phone, TEST_PASSWORD);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    assert.equal(me.json().user.role, 'farmer');
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const row = await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', coop.manager.id).executeTakeFirstOrThrow();
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.ok(!row.passwordHash.includes(TEST_PASSWORD));
  });

  it('answers a wrong password and an unknown login alike, with 401 problem+json', async () => {
    const wrong = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: coop.recorder.login, password: 'not the password' } });
    const unknown = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'nobody@example.vn', password: 'not the password' } });
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(res.json().detail, 'Wrong phone number, e-mail or password');
    }
  });

  it('names the missing field when the login body is incomplete', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: coop.recorder.login } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path), ['password']);
  });

  it('ends the session on logout: the cookie no longer works', async () => {
    const cookie = await t.loginAs(coop.recorder.login, TEST_PASSWORD);
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode, 200);
    assert.equal((await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode, 204);
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode, 401);
  });

  it('creates an API token shown once, stored hashed, narrowed by its scopes, and revocable', async () => {
    const cookie = await t.loginAs(coop.manager.login, TEST_PASSWORD);
    const created = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', cookie, payload: { name: 'Cảm biến mực nước', scopes: ['registry:read'] } });
    assert.equal(created.statusCode, 201);
    const { id, token, prefix } = created.json();
    assert.match(token, new RegExp(`^dx_${prefix}_`));

    const stored = await t.database.db.selectFrom('apiTokens').select('tokenHash').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.tokenHash, hashSecret(token));
    const listed = await t.request({ method: 'GET', url: '/api/v1/auth/tokens', cookie });
    assert.ok(!JSON.stringify(listed.json()).includes(token), 'the token is never listed again');

    const read = await t.request({ method: 'GET', url: '/api/v1/plots', token });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().total, 1, 'the token sees what its owner sees');
    const write = await t.request({
      method: 'POST', url: '/api/v1/households', token,
      payload: { headName: 'Hộ thử token', communeCode: coop.coop.communeCode },
    });
    assert.equal(write.statusCode, 403, 'a registry:read token cannot write');

    assert.equal((await t.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, cookie })).statusCode, 204);
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/plots', token })).statusCode, 401);
  });

  it('refuses a token scope its owner does not have', async () => {
    const cookie = await t.loginAs(coop.recorder.login, TEST_PASSWORD);
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/tokens', cookie, payload: { name: 'x', scopes: ['users:manage'] } });
    assert.equal(res.statusCode, 403);
  });

  it('records who created a user account', async () => {
    const cookie = await t.loginAs(coop.manager.login, TEST_PASSWORD);
    const res = await t.request({
      method: 'POST', url: '/api/v1/users', cookie,
      payload: { displayName: 'Lê Văn Mới', phone: '0911222333', password: 'một-mật-khẩu-dài', role: 'farmer', organisationId: coop.coop.id },
    });
    assert.equal(res.statusCode, 201);
    const row = await t.database.db.selectFrom('users').select(['createdBy', 'createdAt']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(row.createdBy, coop.manager.id);
    assert.ok(row.createdAt instanceof Date);
    const admin = await t.request({ method: 'POST', url: '/api/v1/users', cookie, payload: { displayName: 'X', email: 'x@y.vn', password: 'một-mật-khẩu-dài', role: 'admin' } });
    assert.equal(admin.statusCode, 403, 'a cooperative manager cannot create an admin');
  });

  it('rate-limits login attempts per client and login (429 after the limit), without locking out other logins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'flood@example.vn', password: 'x' }, remoteAddress: '10.9.9.9' });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses.at(-1), 429);
    const other = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { login: coop.recorder.login, password: TEST_PASSWORD }, remoteAddress: '10.9.9.9' });
    assert.equal(other.statusCode, 200, 'another account from the same address still logs in');
  });
});
