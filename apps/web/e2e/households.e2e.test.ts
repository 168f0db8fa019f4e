/**
 * Finding a household, in a real browser against the real server (Cần Thơ demo, built web app):
 * the province officer types a head's name without diacritics, then a phone number with spaces,
 * narrows to a commune, and the filter survives a reload and the Back button.
 *
 * Screenshots go to /tmp/e2e-shots/ (outside the repository). Build first:
 * `npm run build -w @dongxanh/web`; then `node --import tsx --test apps/web/e2e/households.e2e.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { serverAndBrowser, signIn } from './browser.ts';

/** The demo's province officer (apps/server/src/demo/seed.ts): sees every household of Cần Thơ. */
const PROVINCE_OFFICER = '0901000001';

const e2e = serverAndBrowser();

const ALL_JOURNEYS: Array<{ name: 'phone' | 'desktop'; context: BrowserContextOptions }> = [
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  { name: 'desktop', context: { viewport: { width: 1366, height: 900 } } },
];

/** The head names in the result table, in order. */
const heads = (page: Page) => page.getByRole('region', { name: 'Bảng (vuốt ngang để xem thêm)' }).getByRole('rowheader').allInnerTexts();

// E2E_ONLY=phone or E2E_ONLY=desktop runs one viewport, quicker while working on the page.
const JOURNEYS = process.env.E2E_ONLY ? ALL_JOURNEYS.filter((j) => j.name === process.env.E2E_ONLY) : ALL_JOURNEYS;
for (const journey of JOURNEYS) {
  test(`a province officer finds a household by name, phone and commune (${journey.name})`, { timeout: 120_000 }, async () => {
    const context = await e2e.browser.newContext({ ...journey.context, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const shoot = (step: string) => e2e.shot(page, `households-${journey.name}-${step}`);
    try {
      await signIn(page, e2e.url, PROVINCE_OFFICER);

      // The demo's 30 households, all in Thới Lai.
      await page.goto(`${e2e.url}/households`);
      await page.getByRole('heading', { level: 1, name: 'Nông hộ' }).waitFor();
      await page.getByRole('heading', { name: '30 nông hộ' }).waitFor();

      // A name typed without diacritics finds the heads written with them (the demo has two Nguyễn Văn An).
      const search = page.getByLabel('Tìm theo tên chủ hộ hoặc số điện thoại');
      await search.fill('nguyen van an');
      await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
      await page.getByRole('heading', { name: '2 nông hộ' }).waitFor();
      assert.deepEqual(await heads(page), ['Nguyễn Văn An', 'Nguyễn Văn An']);
      assert.match(page.url(), /\/households\?q=nguyen\+van\+an$/);
      await shoot('01-name-search');

      // The filter is in the URL: a reload keeps the search and its result.
      await page.reload();
      await page.getByRole('heading', { name: '2 nông hộ' }).waitFor();
      assert.equal(await search.inputValue(), 'nguyen van an');

      // A phone number typed with spaces tells the two apart (the demo's first household has 0912000000).
      await search.fill('0912 000 000');
      await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
      await page.getByRole('heading', { name: '1 nông hộ' }).waitFor();
      assert.deepEqual(await heads(page), ['Nguyễn Văn An']);
      await page.getByRole('cell', { name: '0912000000' }).waitFor();

      // Another commune (Cờ Đỏ, 31261) has none of the demo's households.
      await search.fill('');
      await page.getByLabel('Xã/phường').fill('31261');
      await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
      await page.getByText('Không có nông hộ nào khớp với bộ lọc.').waitFor();
      await page.getByRole('heading', { name: '0 nông hộ' }).waitFor();
      await shoot('02-other-commune');

      // Thới Lai with a search, then into a household and Back: the filter and the result are still there.
      await page.getByLabel('Xã/phường').fill('31258');
      await search.fill('nguyễn');
      await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
      await page.waitForURL(/communeCode=31258/);
      const anRow = page.getByRole('row').filter({ hasText: '0912000000' });
      await anRow.waitFor();
      const found = await heads(page);
      assert.ok(found.length > 1, `several Nguyễn in Thới Lai (${found.join(', ')})`);
      assert.ok(found.every((name) => name.startsWith('Nguyễn')), found.join(', '));
      await shoot('03-commune-and-name');
      await anRow.getByRole('link', { name: 'Nguyễn Văn An' }).click();
      await page.getByRole('heading', { level: 1, name: /Nguyễn Văn An/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Thành viên' }).waitFor();
      assert.match(await page.locator('dl.facts').innerText(), /0912000000/);
      await shoot('04-household-detail');
      await page.goBack();
      await anRow.waitFor();
      assert.deepEqual(await heads(page), found);
      assert.equal(await search.inputValue(), 'nguyễn');
      assert.equal(await page.getByLabel('Xã/phường').inputValue(), 'Xã Thới Lai (31258)');

      // Clearing the filters shows every household again.
      await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
      await page.getByRole('heading', { name: '30 nông hộ' }).waitFor();
      assert.equal(new URL(page.url()).search, '');
      assert.deepEqual(errors, [], 'no script errors');
    } catch (err) {
      await shoot('failed');
      throw err;
    } finally {
      await context.close();
    }
  });
}
