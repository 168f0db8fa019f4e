/**
 * A refusal from the server in the person's language: a co-op manager adds a second head to a
 * household of the Cần Thơ demo (after its first); the server refuses (a household has one head) and the form shows the
 * server's reason next to the field in Vietnamese, then, with the UI switched to English, in English.
 * The web app sends its UI language as Accept-Language on every call. Screenshot:
 * /tmp/e2e-shots/errors-vi.png. Build first: `npm run build -w @dongxanh/web`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../../server/src/testing/e2e-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const SHOTS = '/tmp/e2e-shots';
const MANAGER = { login: '0901000003', password: 'dongxanh2026' };

let server: E2eServer;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}. Install Debian's package (apt-get install chromium).`);
  assert.ok(existsSync(join(DIST, 'index.html')), 'apps/web/dist/index.html is missing: run "npm run build -w @dongxanh/web" first.');
  mkdirSync(SHOTS, { recursive: true });
  server = await startE2eServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a refused household member shows the server reason in Vietnamese, then in English', { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const sentLanguages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/households/') && request.method() === 'POST') sentLanguages.push(request.headers()['accept-language'] ?? '(none)');
  });
  try {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Số điện thoại hoặc email').fill(MANAGER.login);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(MANAGER.password);
    await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    const households = await page.evaluate(async () => (await fetch('/api/v1/households?pageSize=1')).json() as Promise<{ items: { id: string }[] }>);
    const householdId = households.items[0]!.id;
    await page.goto(`${server.url}/households/${householdId}`);
    const form = page.getByRole('form', { name: 'Thêm thành viên' });
    const addHead = async (name: string) => {
      await form.getByLabel('Họ và tên').fill(name);
      await form.getByLabel('Quan hệ với chủ hộ').selectOption({ label: 'Chủ hộ' });
      await form.getByRole('button', { name: 'Lưu thành viên' }).click();
    };
    // The demo's households list no members yet: the first head is accepted, a second one is not.
    await addHead('Bùi Minh Đức');
    await form.getByText('Đã thêm Bùi Minh Đức.').waitFor();
    await addHead('Trần Văn Thử');
    const relationError = form.locator('#member-relation-error');
    await relationError.waitFor();
    assert.equal((await relationError.innerText()).trim(), 'Mỗi hộ chỉ có một chủ hộ');
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'errors-vi.png') });

    // The same refusal with the UI switched to English: the client now asks for English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const englishForm = page.getByRole('form', { name: 'Add a member' });
    await englishForm.getByLabel('Full name').fill('Trần Văn Thử');
    await englishForm.getByLabel('Relation to the head').selectOption({ label: 'Head' });
    await englishForm.getByRole('button', { name: 'Save member' }).click();
    const englishError = englishForm.locator('#member-relation-error');
    await englishError.waitFor();
    assert.equal((await englishError.innerText()).trim(), 'a household has one head');
    await page.screenshot({ path: join(SHOTS, 'errors-en.png') });

    assert.deepEqual(sentLanguages, ['vi', 'vi', 'en']);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
