/**
 * Steps shared by the diary's browser journeys (diary-offline.e2e.test.ts, diary-conflict.e2e.test.ts):
 * the phone context, signing in as the demo's cooperative recorder, filling the typed activity forms
 * by their labels, screenshots in the diary's folder, and a tiny PNG for photo evidence. The browser,
 * the server and the sign-in form itself are the shared harness's (browser.ts).
 */
import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shot, shotsFolder, signIn } from './browser.ts';

/** The diary journeys' screenshot folder, under /tmp/e2e-shots/. */
export const DIARY_SHOTS = 'diary';

/** The demo's cooperative recorder (apps/server/src/demo/seed.ts), who records for the co-op's members. */
export const RECORDER = '0901000004';

/** A cheap phone in Cần Thơ: 390×844, touch, Vietnamese, its position on the plot. */
export function phoneContext(browser: Browser, position: { latitude: number; longitude: number }): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
    geolocation: { ...position, accuracy: 12 }, permissions: ['geolocation'],
  });
}

export async function shoot(page: Page, name: string, fullPage = false) {
  await shot(page, shotsFolder(DIARY_SHOTS), name, { fullPage });
}

export async function signInAsRecorder(page: Page, base: string) {
  await signIn(page, base, RECORDER);
  await page.getByRole('heading', { level: 1, name: /^Xin chào, Phạm Thị Ngọc Ánh/ }).waitFor();
}

/**
 * Waits until the service worker controls the page and holds the session check, so the app opens
 * after a reload with no signal (what a person gets after using the app once online).
 */
export async function waitForOfflineReady(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForFunction(async () => Boolean(await caches.match('/api/v1/auth/me')), undefined, { timeout: 30_000, polling: 250 });
}

/** From a season's page: "Ghi hoạt động", then the type's big button. */
export async function openActivityForm(page: Page, typeName: string, shotOfPicker?: string) {
  await page.getByRole('link', { name: /Ghi hoạt động/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Ghi việc gì?' }).waitFor();
  if (shotOfPicker) await shoot(page, shotOfPicker);
  await page.getByRole('link', { name: new RegExp(`^${typeName.replace(/[()]/g, '\\$&')}`) }).click();
  await page.getByRole('heading', { level: 1, name: typeName }).waitFor();
}

/** Saves the form and waits for the season page's confirmation ("Đã lưu … và đồng bộ" or "… trên máy"). */
export async function saveEntry(page: Page, expect: 'synced' | 'queued') {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const message = expect === 'synced' ? /và đồng bộ lên máy chủ/ : /trên máy\. Sẽ tự đồng bộ/;
  await page.getByRole('status').filter({ hasText: message }).waitFor({ timeout: 20_000 });
}

export async function fillDate(page: Page, ddmmyyyy: string) {
  await page.getByLabel('Ngày thực hiện').fill(ddmmyyyy);
}

/** A valid w×h PNG of one colour (IHDR, IDAT, IEND with their CRCs), for photo evidence. */
export function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: width }, () => Buffer.from(rgb)))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
