/**
 * The harness every browser journey (apps/web/e2e/*.e2e.test.ts) shares: Debian's Chromium driven by
 * playwright-core, the built web app, the real server (apps/server/src/testing/e2e-server.ts: fresh
 * database, Cần Thơ demo), signing in as a demo user and screenshots under /tmp/e2e-shots/ (outside
 * the repository). Build the web app first: `npm run build -w @dongxanh/web`.
 *
 *   const e2e = serverAndBrowser('plans');          // before/after hooks of this test file
 *   const { page, errors, close } = await e2e.open(DESKTOP, '0901000001');
 *   await e2e.shot(page, 'desktop-01-plans');       // → /tmp/e2e-shots/plans/desktop-01-plans.png
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import type { E2eServer } from '../../server/src/testing/e2e-server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The built web app (apps/web/dist), which the e2e server serves. */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** Every demo user's password (apps/server/src/demo/seed.ts). */
export const DEMO_PASSWORD = 'dongxanh2026';
export const SHOTS_ROOT = '/tmp/e2e-shots';

/** The screenshot folder of a journey: /tmp/e2e-shots/<subfolder>, or /tmp/e2e-shots itself. */
export const shotsFolder = (subfolder = '') => join(SHOTS_ROOT, subfolder);

/**
 * Checks for Chromium and the built web app first (a clear message beats a timeout), creates the
 * screenshot folder when given one, and starts the browser.
 */
export async function launch(shots?: string): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}. Install Debian's package (apt-get install chromium); never download a browser with playwright.`);
  assert.ok(existsSync(join(DIST, 'index.html')), 'apps/web/dist/index.html is missing: run "npm run build -w @dongxanh/web" first.');
  if (shots) mkdirSync(shots, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Signs in through the login form as a demo user and waits for the home page's greeting. */
export async function signIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Số điện thoại hoặc email').fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

export interface ShotOptions {
  fullPage?: boolean;
  /** Scrolled into view first. */
  show?: Locator;
}

/** A screenshot `<folder>/<name>.png`. */
export async function shot(page: Page, folder: string, name: string, { fullPage = false, show }: ShotOptions = {}) {
  if (show) await show.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage });
}

/** A page in its own browser context, with the script errors it raised. */
export interface OpenPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export interface BrowserJourneys {
  /** The running server (from the file's `before` hook on). */
  readonly server: E2eServer;
  /** The server's base URL, without a trailing slash. */
  readonly url: string;
  readonly browser: Browser;
  /** This file's screenshot folder, also where its downloads are saved. */
  readonly shots: string;
  /** A new context in Vietnamese (`options` may add or override), collecting page errors; signed in when `login` is given. */
  open(options: BrowserContextOptions, login?: string): Promise<OpenPage>;
  /** A screenshot in this file's folder. */
  shot(page: Page, name: string, options?: ShotOptions): Promise<void>;
}

/**
 * Registers the test file's `before` (browser, then a fresh server) and `after` (both closed) hooks
 * and returns accessors for them. Call it once at the top level of an e2e test file.
 */
export function serverAndBrowser(shotsSubfolder = ''): BrowserJourneys {
  const shots = shotsFolder(shotsSubfolder);
  let server: E2eServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launch(shots);
    // Imported here so that a file using only the constants and launch() (calculator.e2e.test.ts)
    // does not load the server.
    const { startE2eServer } = await import('../../server/src/testing/e2e-server.ts');
    server = await startE2eServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const journeys: BrowserJourneys = {
    get server() {
      assert.ok(server, 'the e2e server is not running: use it inside a test, after the before hook');
      return server;
    },
    get url() {
      return journeys.server.url;
    },
    get browser() {
      assert.ok(browser, 'the browser is not running: use it inside a test, after the before hook');
      return browser;
    },
    shots,
    async open(options, login) {
      const context = await journeys.browser.newContext({ locale: 'vi-VN', ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      if (login) await signIn(page, journeys.url, login);
      return { page, errors, close: () => context.close() };
    },
    shot: (page, name, options) => shot(page, shots, name, options),
  };
  return journeys;
}
