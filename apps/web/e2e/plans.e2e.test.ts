/**
 * Targets, dashboards and reports in a real browser on the real server (fresh database, Cần Thơ demo
 * with the seeds' plans and Lào Cai's demo diary, built web app):
 * - Cần Thơ's province officer sees the city's one-million-hectare plan with progress computed from
 *   the demo's diaries; Lào Cai's province officer sees Lào Cai's two plans, computed from its own;
 * - on the dashboard map the officer drills from the province to Thới Lai (its illustrative
 *   boundary) to one plot, and on to the plot's record;
 * - Thới Lai's commune officer generates, reviews and submits the commune's 2026 report; the
 *   province sees it submitted, generates the city's report and downloads it as XLSX and PDF (the
 *   files are opened: exceljs reads the workbook, pdftoppm draws the PDF to look at).
 * Desktop first (the whole journey), then the pages again at phone size. Screenshots go to
 * /tmp/e2e-shots/plans/. Build first: `npm run build -w @dongxanh/web`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';

const CAN_THO_OFFICER = '0901000001';
const THOI_LAI_OFFICER = '0901000002';
const LAO_CAI_OFFICER = '0901000008';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const e2e = serverAndBrowser('plans');

/** Each person in their own browser context, signed in; the reports are downloaded. */
const open = (context: BrowserContextOptions, login: string) => e2e.open({ ...context, acceptDownloads: true }, login);

const shot = (page: Page, name: string, fullPage = false) => e2e.shot(page, name, { fullPage });

/** The row of an indicator in the plan table, found by its Vietnamese name. */
const indicatorRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

/** Web Mercator pixel of a lon/lat on a MapLibre map whose container holds its view (data-center, data-zoom). */
async function pixelOf(page: Page, mapName: string, lon: number, lat: number) {
  const map = page.getByRole('region', { name: mapName });
  await map.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  const view = await map.evaluate((el: HTMLElement) => ({ lon: Number(el.dataset.centerLon), lat: Number(el.dataset.centerLat), zoom: Number(el.dataset.zoom) }));
  const box = (await map.boundingBox())!;
  const world = 512 * 2 ** view.zoom;
  const x = (l: number) => ((l + 180) / 360) * world;
  const y = (p: number) => ((1 - Math.log(Math.tan((p * Math.PI) / 180) + 1 / Math.cos((p * Math.PI) / 180)) / Math.PI) / 2) * world;
  return { x: box.x + box.width / 2 + x(lon) - x(view.lon), y: box.y + box.height / 2 + y(lat) - y(view.lat) };
}

test('plans, dashboards and the yearly report, commune → province (desktop)', { timeout: 300_000 }, async () => {
  // ---------------------------------------------------------------- Cần Thơ's plan, computed from the demo diaries
  const ct = await open(DESKTOP, CAN_THO_OFFICER);
  const page = ct.page;
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kế hoạch và chỉ tiêu' }).waitFor();
  const ctPlan = page.getByRole('link', { name: /một triệu héc-ta chuyên canh lúa/ });
  await ctPlan.waitFor();
  assert.equal(await page.getByRole('link', { name: /Lào Cai/ }).count(), 0, 'Cần Thơ\'s officer does not see Lào Cai\'s plans');
  await shot(page, 'desktop-01-plans');
  await ctPlan.click();
  await page.getByRole('heading', { level: 2, name: 'Chỉ tiêu năm 2026' }).waitFor();
  const seed = indicatorRow(page, 'Lượng lúa giống gieo sạ');
  await seed.getByText(/Tính từ 60 vụ/).waitFor();
  assert.match(await seed.innerText(), /\d+,\d kg\/ha/, 'the seed rate is shown with a decimal comma');
  const ghg = indicatorRow(page, 'Giảm lượng phát thải khí nhà kính');
  assert.match(await ghg.innerText(), /Đạt/);
  assert.match(await indicatorRow(page, 'Giảm lượng phân bón hoá học').innerText(), /Cần giá trị cơ sở/);
  assert.match(await page.getByRole('link', { name: /Nhiệm vụ, tập huấn, tích tụ đất/ }).innerText(), /quá hạn/, 'the unfinished phase-1 task is overdue');
  await shot(page, 'desktop-02-can-tho-plan', true);

  // ---------------------------------------------------------------- province → commune → plot on the map
  await page.getByRole('link', { name: 'Bảng điều khiển', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: /Bảng điều khiển: Thành phố Cần Thơ/ }).waitFor();
  const communeMap = page.getByRole('region', { name: 'Bản đồ tương tác các xã' });
  await communeMap.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  await page.getByText(/Đường nét đứt: Ranh giới minh hoạ/).waitFor();
  await shot(page, 'desktop-03-province-dashboard');
  await communeMap.scrollIntoViewIfNeeded();
  await shot(page, 'desktop-03b-province-map');
  const box = (await communeMap.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('heading', { level: 1, name: 'Bảng điều khiển: Xã Thới Lai' }).waitFor();
  assert.match(page.url(), /commune=31258/);
  const features = await page.evaluate(async () => (await fetch('/api/v1/dashboards/plots.geojson?provinceCode=92&communeCode=31258&year=2026')).json()) as { features: Array<{ properties: { code: string }; geometry: { coordinates: number[][][][] } }> };
  const target = features.features.find((f) => f.properties.code === 'CT-TL-010')!;
  const ring = target.geometry.coordinates[0]![0]!.slice(0, -1);
  const [lon, lat] = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
  // The commune's summary may still be arriving and move the map down the page after its pixel is
  // found: wait for the page to settle, and tap again (as a person would) if the tap missed.
  await page.waitForLoadState('networkidle');
  const panel = page.getByRole('region', { name: 'Thửa CT-TL-010' });
  for (let attempt = 1; ; attempt++) {
    await page.getByRole('region', { name: 'Bản đồ tương tác các thửa' }).scrollIntoViewIfNeeded();
    const point = await pixelOf(page, 'Bản đồ tương tác các thửa', lon, lat);
    await page.mouse.click(point.x, point.y);
    try {
      await panel.waitFor({ timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt === 5) throw err;
    }
  }
  assert.match(await panel.innerText(), /t CO2e\/ha/);
  await shot(page, 'desktop-04-commune-plot');
  await panel.getByRole('link', { name: 'Mở thửa đất' }).click();
  await page.getByRole('heading', { level: 1, name: /CT-TL-010/ }).waitFor();
  await shot(page, 'desktop-05-plot');

  // ---------------------------------------------------------------- Lào Cai's plans, computed from Lào Cai's demo diary
  const lc = await open(DESKTOP, LAO_CAI_OFFICER);
  await lc.page.goto(`${e2e.url}/plans`);
  await lc.page.getByRole('link', { name: /rau an toàn, tập trung/ }).waitFor();
  await lc.page.getByRole('link', { name: /Sản xuất giảm phát thải lĩnh vực trồng trọt.*Lào Cai/ }).click();
  const riceShare = indicatorRow(lc.page, 'Tỷ lệ diện tích gieo trồng lúa áp dụng');
  await riceShare.getByText(/Tính từ 12 vụ/).waitFor();
  assert.match(await riceShare.innerText(), /50,0 %/);
  assert.match(await indicatorRow(lc.page, 'Lúa nước: diện tích áp dụng kỹ thuật giảm phát thải').innerText(), /36\.000 ha/);
  await shot(lc.page, 'desktop-06-lao-cai-plan', true);
  assert.deepEqual(lc.errors, []);
  await lc.close();

  // ---------------------------------------------------------------- the commune submits its report
  const commune = await open(DESKTOP, THOI_LAI_OFFICER);
  await commune.page.goto(`${e2e.url}/reports`);
  await commune.page.getByRole('heading', { level: 2, name: 'Lập báo cáo năm' }).waitFor();
  await commune.page.getByLabel('Năm', { exact: true }).selectOption('2026');
  await commune.page.getByRole('button', { name: 'Lập báo cáo' }).click();
  await commune.page.getByRole('heading', { level: 1, name: 'Báo cáo năm 2026: Xã Thới Lai' }).waitFor();
  await commune.page.getByText('Dự thảo', { exact: true }).first().waitFor();
  await shot(commune.page, 'desktop-07-commune-report-draft');
  await commune.page.getByLabel('Ghi chú rà soát (không bắt buộc)').fill('Đã đối chiếu với sổ nhật ký của HTX');
  await commune.page.getByRole('button', { name: 'Xác nhận đã rà soát' }).click();
  await commune.page.getByRole('status').filter({ hasText: 'Đã ghi nhận rà soát.' }).waitFor();
  await commune.page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await commune.page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo' }).waitFor();
  await commune.page.getByText('đã khoá', { exact: true }).waitFor();
  await shot(commune.page, 'desktop-08-commune-report-submitted');
  assert.deepEqual(commune.errors, []);
  await commune.close();

  // ---------------------------------------------------------------- the province sees it, makes its own, downloads it
  await page.goto(`${e2e.url}/reports`);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Xã Thới Lai' }) });
  await row.getByText('Đã gửi').waitFor();
  await page.getByRole('button', { name: 'Lập báo cáo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Báo cáo năm 2026: Thành phố Cần Thơ' }).waitFor();
  const communes = page.getByRole('region', { name: 'IV. Báo cáo của các xã, phường' });
  await communes.getByRole('row').filter({ hasText: 'Xã Thới Lai' }).filter({ hasText: 'Đã gửi' }).waitFor();
  await shot(page, 'desktop-09-province-report', true);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải XLSX' }).click()]);
  const xlsxPath = join(e2e.shots, xlsxDownload.suggestedFilename());
  await xlsxDownload.saveAs(xlsxPath);
  assert.match(xlsxDownload.suggestedFilename(), /^bao-cao-2026-92-v1\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsxPath) as unknown as ExcelJS.Buffer);
  assert.equal(workbook.worksheets[0]!.getCell('A1').value, 'Báo cáo kết quả thực hiện kế hoạch năm 2026');

  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải PDF' }).click()]);
  const pdfPath = join(e2e.shots, pdfDownload.suggestedFilename());
  await pdfDownload.saveAs(pdfPath);
  assert.equal(readFileSync(pdfPath).subarray(0, 5).toString(), '%PDF-');
  execFileSync('pdftoppm', ['-png', '-r', '70', pdfPath, join(e2e.shots, 'desktop-10-province-report-pdf')]);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('Thành phố Cần Thơ') && text.includes('Xã Thới Lai') && text.includes('10/12/2026'));
  assert.deepEqual(ct.errors, []);
  await ct.close();
});

test('the same pages on a phone', { timeout: 180_000 }, async () => {
  const { page, errors, close } = await open(PHONE, CAN_THO_OFFICER);
  await page.goto(`${e2e.url}/plans`);
  await page.getByRole('link', { name: /một triệu héc-ta chuyên canh lúa/ }).click();
  await indicatorRow(page, 'Lượng lúa giống gieo sạ').getByText(/Tính từ 60 vụ/).waitFor();
  await shot(page, 'phone-01-plan');
  await indicatorRow(page, 'Tỷ lệ rơm được thu gom').scrollIntoViewIfNeeded();
  await shot(page, 'phone-02-plan-rows');
  await page.goto(`${e2e.url}/dashboards?province=92&year=2026`);
  await page.getByRole('region', { name: 'Bản đồ tương tác các xã' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  await shot(page, 'phone-03-dashboard');
  await page.getByRole('region', { name: 'Bản đồ tương tác các xã' }).scrollIntoViewIfNeeded();
  await shot(page, 'phone-04-dashboard-map');
  await page.goto(`${e2e.url}/dashboards?province=92&commune=31258&year=2026`);
  await page.getByRole('region', { name: 'Bản đồ tương tác các thửa' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Bản đồ tương tác các thửa' }).scrollIntoViewIfNeeded();
  await shot(page, 'phone-05-commune-map');
  await page.goto(`${e2e.url}/reports`);
  await page.getByRole('link', { name: 'Thành phố Cần Thơ' }).click();
  await page.getByRole('heading', { level: 1, name: /Báo cáo năm 2026/ }).waitFor();
  await shot(page, 'phone-06-report');
  await page.goto(`${e2e.url}/programme`);
  await page.getByRole('status').filter({ hasText: /nhiệm vụ quá hạn \(tính đến/ }).waitFor();
  await shot(page, 'phone-07-programme');
  assert.deepEqual(errors, []);
  await close();
});
