import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { apiRequest, requestLanguage } from './client.ts';

const realFetch = globalThis.fetch;
const realStorage = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');

/** Stands in for the browser's localStorage with the UI language the i18n provider stored. */
function storedLanguage(value: string | null) {
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: { getItem: (key: string) => (key === 'dongxanh.lang' ? value : null) } });
}

/** Records the headers of each call and answers with a problem in whatever language was asked. */
function recordingFetch(seen: Record<string, string>[]) {
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    seen.push(headers);
    const detail = headers['accept-language'] === 'vi' ? 'Sai số điện thoại, e-mail hoặc mật khẩu' : 'Wrong phone number, e-mail or password';
    return new Response(JSON.stringify({ type: 'x', title: 'Unauthorized', status: 401, code: 'unauthenticated', detail }), { status: 401, headers: { 'content-type': 'application/problem+json' } });
  }) as typeof fetch;
}

describe('the language the client asks the server for', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
    if (realStorage) Object.defineProperty(globalThis, 'localStorage', realStorage);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('is the UI language, Vietnamese unless English was chosen', () => {
    storedLanguage(null);
    assert.equal(requestLanguage(), 'vi');
    storedLanguage('en');
    assert.equal(requestLanguage(), 'en');
    storedLanguage('fr');
    assert.equal(requestLanguage(), 'vi');
  });

  it('goes with every request as Accept-Language, and a switch applies to the next one', async () => {
    const seen: Record<string, string>[] = [];
    recordingFetch(seen);
    storedLanguage('vi');
    await assert.rejects(apiRequest('/auth/login', { json: { login: 'x', password: 'y' }, reportUnauthorized: false }), { message: 'Sai số điện thoại, e-mail hoặc mật khẩu' });
    storedLanguage('en');
    await assert.rejects(apiRequest('/auth/me', { reportUnauthorized: false }), { message: 'Wrong phone number, e-mail or password' });
    assert.deepEqual(seen.map((h) => h['accept-language']), ['vi', 'en']);
  });
});
