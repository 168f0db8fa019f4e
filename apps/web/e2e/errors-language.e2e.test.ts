/**
 * A refusal from the server in the person's language: a co-op manager adds a second head to a
 * household of the Cần Thơ demo (after its first); the server refuses (a household has one head) and the form shows the
 * server's reason next to the field in Vietnamese, then, with the UI switched to English, in English.
 * The web app sends its UI language as Accept-Language on every call. Screenshot:
 * /tmp/e2e-shots/errors-vi.png. Build first: `npm run build -w @dongxanh/web`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverAndBrowser, signIn } from './browser.ts';

const MANAGER = '0901000003';

const e2e = serverAndBrowser();

test('a refused household member shows the server reason in Vietnamese, then in English', { timeout: 120_000 }, async () => {
  const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const sentLanguages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/households/') && request.method() === 'POST') sentLanguages.push(request.headers()['accept-language'] ?? '(none)');
  });
  try {
    await signIn(page, e2e.url, MANAGER);

    const households = await page.evaluate(async () => (await fetch('/api/v1/households?pageSize=1')).json() as Promise<{ items: { id: string }[] }>);
    const householdId = households.items[0]!.id;
    await page.goto(`${e2e.url}/households/${householdId}`);
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
    await e2e.shot(page, 'errors-vi');

    // The same refusal with the UI switched to English: the client now asks for English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const englishForm = page.getByRole('form', { name: 'Add a member' });
    await englishForm.getByLabel('Full name').fill('Trần Văn Thử');
    await englishForm.getByLabel('Relation to the head').selectOption({ label: 'Head' });
    await englishForm.getByRole('button', { name: 'Save member' }).click();
    const englishError = englishForm.locator('#member-relation-error');
    await englishError.waitFor();
    assert.equal((await englishError.innerText()).trim(), 'a household has one head');
    await e2e.shot(page, 'errors-en');

    assert.deepEqual(sentLanguages, ['vi', 'vi', 'en']);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
