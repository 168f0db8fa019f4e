/**
 * Browser journey on the MRV calculator page, against the built app (apps/web/dist).
 * Build first: `npm run build -w @dongxanh/web`; then
 * `node --import tsx --test apps/web/e2e/calculator.e2e.test.ts`.
 *
 * The test serves dist itself (SPA fallback, no API: the calculator needs none and the app treats
 * the missing session as "not signed in") and drives Debian's Chromium through playwright-core.
 * Elements are found by role and label, as a person would find them.
 */
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DIST, launch } from './browser.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Static files from dist; any other path gets index.html (SPA fallback); /api answers as a server without a session would. */
function serveDist(): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (pathname.startsWith('/api/')) {
        const status = pathname === '/api/v1/auth/me' ? 401 : 404;
        res.writeHead(status, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Not available in this test', status, code: 'unauthenticated', detail: 'No API in the calculator test' }));
        return;
      }
      let file = normalize(join(DIST, pathname));
      if (!file.startsWith(DIST.endsWith(sep) ? DIST : DIST + sep)) file = join(DIST, 'index.html');
      try {
        if (!(await stat(file)).isFile()) file = join(DIST, 'index.html');
      } catch {
        file = join(DIST, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Polls until `read` returns something `accept` takes, or fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** "Giảm phát thải: 7,91 tấn CO₂tđ (79,4 %)" → "7,91". */
async function reductionText(results: Locator): Promise<string | null> {
  const text = await results.innerText();
  return /(?:Giảm|Tăng) phát thải:\s*([\d.]+,\d+)\s*tấn CO₂tđ/.exec(text)?.[1] ?? null;
}

const vietnameseNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

let server: Server;
let browser: Browser;
let baseUrl: string;

before(async () => {
  browser = await launch(); // checks for Chromium and the built web app first; no screenshots here
  server = await serveDist();
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function openCalculator(): Promise<{ page: Page; results: Locator; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${baseUrl}/calculator`);
  await page.getByRole('heading', { level: 1, name: 'Tính phát thải khí nhà kính' }).waitFor();
  const results = page.getByRole('status', { name: 'Kết quả' });
  await results.waitFor();
  return { page, results, errors };
}

test('the calculator opens in Vietnamese with a real reduction for the default seasons', { timeout: 60_000 }, async () => {
  const { page, results, errors } = await openCalculator();
  try {
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    const reduction = await eventually(() => reductionText(results), (v) => v !== null, 'reduction shown');
    assert.match(reduction ?? '', /^\d{1,3}(\.\d{3})*,\d+$/, 'Vietnamese number format (1.234,56)');
    const value = vietnameseNumber(reduction ?? '');
    assert.ok(value > 0, `flooded + straw baseline against AWD should reduce emissions, got ${value}`);
    const text = await results.innerText();
    assert.match(text, /Giảm phát thải:/);
    assert.match(text, /\(\d+,\d %\)/, 'the reduction percentage, e.g. (79,4 %)');
    assert.match(text, /CH₄ \(kg\)/);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test('changing the project water regime to continuous flooding changes the reduction', { timeout: 60_000 }, async () => {
  const { page, results } = await openCalculator();
  try {
    const before = await eventually(() => reductionText(results), (v) => v !== null, 'initial reduction');
    const project = page.getByRole('group', { name: 'Dự án', exact: true });
    await project.getByLabel('Chế độ nước trong vụ', { exact: true }).selectOption({ label: 'Ngập liên tục' });
    const after = await eventually(() => reductionText(results), (v) => v !== null && v !== before, 'reduction after the change');
    assert.ok(vietnameseNumber(after ?? '') < vietnameseNumber(before ?? ''), `flooding the project should shrink the reduction (${before} → ${after})`);
  } finally {
    await page.context().close();
  }
});

test('a negative area shows the Vietnamese error next to the area field', { timeout: 60_000 }, async () => {
  const { page, results } = await openCalculator();
  try {
    const area = page.getByLabel('Diện tích (ha)', { exact: true });
    await area.fill('-1');
    await eventually(() => area.getAttribute('aria-invalid'), (v) => v === 'true', 'area marked invalid');
    const message = page.getByText('Diện tích (ha) phải ≥ 0', { exact: true });
    await message.waitFor({ state: 'visible' });
    // "Next to the field": the message is the field's own description, read out with it.
    const messageId = await message.getAttribute('id');
    assert.ok(messageId, 'the error message has an id');
    const describedBy = (await area.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes(messageId), `aria-describedby "${describedBy}" should include "${messageId}"`);
    assert.match(await results.innerText(), /Chưa tính được/);

    await area.fill('2,5');
    await eventually(() => reductionText(results), (v) => v !== null, 'result back after correcting the area');
    assert.equal(await area.getAttribute('aria-invalid'), null);
  } finally {
    await page.context().close();
  }
});
