/**
 * The cooperative manager's registry journey, in a real browser against the real server
 * (apps/server/src/testing/e2e-server.ts: fresh database, Cần Thơ demo, built web app):
 * sign in → import two plots from a GeoJSON file and watch the job succeed → find them in the list →
 * draw a new plot on an empty part of the map and see its area live → save it and see the server's
 * area → draw over an existing demo plot and be refused with that plot's code → save anyway with a
 * recorded reason.
 *
 * Run once on a phone (390×844, touch) and once on a desktop. Screenshots of each step go to
 * /tmp/e2e-shots/ (outside the repository). Build first: `npm run build -w @dongxanh/web`; then
 * `node --import tsx --test apps/web/e2e/registry.e2e.test.ts` (TEST_DATABASE_URL=… for PostgreSQL).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { serverAndBrowser, signIn } from './browser.ts';

/** The demo's cooperative manager (apps/server/src/demo/seed.ts). */
const MANAGER = '0901000003';

const e2e = serverAndBrowser();

/** A square of about `sideM` metres with its south-west corner at lon/lat, as a GeoJSON Polygon. */
function square(lon: number, lat: number, sideM: number) {
  const dLat = sideM / 110_574;
  const dLon = sideM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}

/** Every [lon, lat] in nested GeoJSON coordinates. */
function vertices(coordinates: unknown): Array<[number, number]> {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [[Number(coordinates[0]), Number(coordinates[1])]];
  return coordinates.flatMap(vertices);
}

/** "0,68 ha" → 0.68 (Vietnamese: "." groups thousands, "," is the decimal mark). */
const vietnameseHa = (text: string) => Number(/([\d.]+,\d+)\s*ha/.exec(text)?.[1]?.replace(/\./g, '').replace(',', '.') ?? NaN);

interface Journey {
  name: 'phone' | 'desktop';
  context: BrowserContextOptions;
  /** Where the imported plots go and where the new plot is drawn: empty land south of the demo's canals. */
  importAt: [number, number];
  drawAt: [number, number];
  suffix: string;
}

const JOURNEYS: Journey[] = [
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, importAt: [105.54, 10.056], drawAt: [105.548, 10.058], suffix: 'P' },
  { name: 'desktop', context: { viewport: { width: 1366, height: 900 } }, importAt: [105.54, 10.05], drawAt: [105.548, 10.05], suffix: 'D' },
];

/**
 * A screenshot of what the person sees, scrolled to `show` if given. Not full-page: capturing the
 * full page resizes the viewport, which makes MapLibre redraw and moves the map under the next tap.
 */
const shoot = (page: Page, journey: Journey, step: string, show?: Locator) => e2e.shot(page, `${journey.name}-${step}`, { show });

/** Taps on a phone, clicks elsewhere: what a person would do at that spot of the map. */
async function press(page: Page, journey: Journey, x: number, y: number) {
  if (journey.name === 'phone') await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

/** Opens the drawing page at a place, waits until the map takes taps and brings it into view. */
async function openDrawing(page: Page, lon: number, lat: number) {
  await page.goto(`${e2e.url}/plots/new?lon=${lon}&lat=${lat}&zoom=17`);
  await page.getByRole('heading', { level: 1, name: 'Vẽ thửa đất mới' }).waitFor();
  const map = page.getByRole('application', { name: 'Bản đồ vẽ ranh giới thửa' });
  await map.and(page.locator('[aria-busy="false"]')).waitFor();
  // The map, the live area and the buttons under it, as a person scrolls to draw.
  await page.getByRole('toolbar', { name: 'Công cụ vẽ' }).scrollIntoViewIfNeeded();
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  assert.ok(box, 'the drawing map is on the page');
  return { cx: box.x + box.width / 2, cy: box.y + box.height / 2 };
}

for (const journey of JOURNEYS) {
  test(`a co-op manager imports, draws and is refused an overlap (${journey.name})`, { timeout: 180_000 }, async () => {
    const context = await e2e.browser.newContext({ ...journey.context, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    try {
      // 1. Sign in.
      await signIn(page, e2e.url, MANAGER);
      await page.getByRole('heading', { level: 1, name: /^Xin chào, Nguyễn Văn Phúc/ }).waitFor();
      await shoot(page, journey, '01-home');

      // 2. Import two plots from a GeoJSON file through the import page.
      const codes = [`NK-${journey.suffix}-01`, `NK-${journey.suffix}-02`];
      const [lon0, lat0] = journey.importAt;
      const file = {
        type: 'FeatureCollection',
        features: codes.map((code, i) => ({
          type: 'Feature',
          properties: { code, name: `Thửa nhập ${i + 1} – ấp Thới Thuận`, commune_code: '31258', land_use: 'rice' },
          geometry: square(lon0 + i * 0.0012, lat0, 100),
        })),
      };
      await page.goto(`${e2e.url}/import`);
      await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ tệp' }).waitFor();
      await page.getByLabel('Tệp dữ liệu').setInputFiles({ name: `thua-${journey.name}.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
      assert.equal(await page.getByLabel('Định dạng').inputValue(), 'geojson', 'the format is guessed from .geojson');
      await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
      const job = page.getByRole('region', { name: `Nhập tệp thua-${journey.name}.geojson` });
      await job.getByText('Đã nhập 2 thửa đất.').waitFor({ timeout: 60_000 });
      assert.match(await job.innerText(), /Thành công/);
      assert.match(await job.innerText(), /Đã kiểm tra 2 \/ 2 dòng/);
      await shoot(page, journey, '02-import-succeeded', job);

      // …and they are in the plot list.
      await job.getByRole('link', { name: 'Xem danh sách thửa đất' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thửa đất' }).waitFor();
      await page.getByLabel('Tìm theo mã thửa, tên thửa hoặc nông hộ').fill(`NK-${journey.suffix}`);
      await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
      await page.getByRole('heading', { name: '2 thửa đất' }).waitFor();
      for (const code of codes) await page.getByRole('link', { name: code, exact: true }).waitFor();
      await shoot(page, journey, '03-imported-in-list', page.getByRole('link', { name: codes[0], exact: true }));

      // The same file again: every row is refused (the codes exist now) and nothing is written.
      await page.goto(`${e2e.url}/import`);
      await page.getByLabel('Tệp dữ liệu').setInputFiles({ name: `lai-${journey.name}.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
      await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
      const again = page.getByRole('region', { name: `Nhập tệp lai-${journey.name}.geojson` });
      await again.getByText('Có 2 dòng bị từ chối; không dữ liệu nào được nhập.').waitFor({ timeout: 60_000 });
      const refusedRows = again.getByRole('table').getByRole('row');
      assert.ok((await refusedRows.count()) >= 3, 'a header and at least one refusal per row');
      assert.match(await refusedRows.nth(1).innerText(), /^\s*1\s+code\s+\S/, 'row 1, the code column, and a reason');
      assert.match(await again.innerText(), new RegExp(`${codes[1]}`), 'the second row is refused too');
      await shoot(page, journey, '03b-import-refused', again);

      // 3. Draw a new plot on empty land: four taps, the live area in Vietnamese, then save.
      const [dLon, dLat] = journey.drawAt;
      const plots = (await (await page.request.get(`${e2e.url}/api/v1/plots.geojson`)).json()) as { features: Array<{ properties: { code: string }; geometry: { coordinates: unknown } }> };
      const nearDrawing = plots.features.filter((f) => vertices(f.geometry.coordinates).some(([lon, lat]) => Math.abs(lon - dLon) < 0.0015 && Math.abs(lat - dLat) < 0.0015));
      assert.deepEqual(nearDrawing.map((f) => f.properties.code), [], 'no plot within ~150 m of where the new plot is drawn');

      let { cx, cy } = await openDrawing(page, dLon, dLat);
      await shoot(page, journey, '04-draw-empty');
      const area = page.locator('#plot-boundary-area');
      const corners: Array<[number, number]> = [[-70, -60], [70, -60], [70, 60], [-70, 60]];
      for (const [dx, dy] of corners) await press(page, journey, cx + dx, cy + dy);
      const live = await area.innerText();
      assert.match(live, /\d+,\d{2} ha · 4 đỉnh/, `live area in Vietnamese format, got "${live}"`);
      await shoot(page, journey, '05-drawing-four-corners');
      // A stray fifth tap is taken back with "Hoàn tác".
      await press(page, journey, cx + 120, cy + 150);
      await area.getByText('5 đỉnh').waitFor();
      await page.getByRole('button', { name: 'Hoàn tác' }).click();
      await area.getByText('4 đỉnh').waitFor();
      assert.equal(await area.innerText(), live);
      // Close the ring: tap the first corner on the phone, press "Hoàn tất" on the desktop.
      if (journey.name === 'phone') await press(page, journey, cx + corners[0]![0], cy + corners[0]![1]);
      else await page.getByRole('button', { name: 'Hoàn tất' }).click();
      await page.getByText('Ranh giới đã khép.', { exact: false }).waitFor();
      let liveHa = vietnameseHa(await area.innerText());
      assert.ok(liveHa > 0.3 && liveHa < 2, `a plot of a few thousand m², got ${liveHa} ha`);
      if (journey.name === 'desktop') {
        // Drag the south-east corner outwards: the area grows while dragging.
        await page.mouse.move(cx + corners[2]![0], cy + corners[2]![1]);
        await page.mouse.down();
        await page.mouse.move(cx + corners[2]![0] + 60, cy + corners[2]![1] + 40, { steps: 8 });
        await page.mouse.up();
        const dragged = vietnameseHa(await area.innerText());
        assert.ok(dragged > liveHa, `dragging a corner out grows the plot (${liveHa} → ${dragged} ha)`);
        liveHa = dragged;
      }

      const newCode = `CT-TL-${journey.suffix}-901`;
      await page.getByLabel('Mã thửa').fill(newCode);
      await page.getByLabel('Tên thửa').fill('Thửa mới vẽ – bờ kênh');
      await page.getByLabel('Nông hộ').selectOption({ label: 'Nguyễn Văn An · Xã Thới Lai' });
      await page.getByLabel('Loại đất').selectOption({ label: 'Lúa' });
      await shoot(page, journey, '06-drawn-and-filled', page.getByRole('group', { name: 'Thông tin thửa' }));
      await page.getByRole('button', { name: 'Lưu thửa đất' }).click();

      await page.getByRole('heading', { level: 1, name: `Thửa ${newCode}` }).waitFor();
      const saved = await page.getByRole('status').filter({ hasText: 'Đã lưu thửa' }).innerText();
      const serverHa = vietnameseHa(saved);
      assert.ok(Math.abs(serverHa - liveHa) <= 0.011, `server area ${serverHa} ha vs live ${liveHa} ha`);
      assert.match(await page.getByTestId('plot-area').innerText(), /^\d+,\d{2} ha$/);
      await page.getByRole('heading', { name: 'Lịch sử ranh giới' }).waitFor();
      await shoot(page, journey, '07-saved-detail', page.getByTestId('plot-area'));

      // 4. Draw over the demo plot CT-TL-001: refused, naming it; then saved anyway with a reason.
      const listed = (await (await page.request.get(`${e2e.url}/api/v1/plots?q=CT-TL-001`)).json()) as { items: Array<{ code: string; centroid: [number, number] }> };
      const target = listed.items.find((p) => p.code === 'CT-TL-001');
      assert.ok(target, 'the demo plot CT-TL-001 is visible to the manager');
      ({ cx, cy } = await openDrawing(page, target.centroid[0], target.centroid[1]));
      for (const [dx, dy] of [[-25, -25], [25, -25], [25, 25], [-25, 25]] as const) await press(page, journey, cx + dx, cy + dy);
      await page.getByRole('button', { name: 'Hoàn tất' }).click();
      const overlapCode = `CT-TL-${journey.suffix}-902`;
      await page.getByLabel('Mã thửa').fill(overlapCode);
      await page.getByLabel('Tên thửa').fill('Thửa chồng lấn');
      await page.getByRole('button', { name: 'Lưu thửa đất' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Ranh giới chồng lấn thửa khác' });
      await refusal.waitFor();
      await refusal.getByRole('link', { name: 'CT-TL-001' }).waitFor();
      assert.match(await refusal.innerText(), /CT-TL-001: \d+,\d+ ha/);
      await shoot(page, journey, '08-overlap-refused', refusal);

      await refusal.getByRole('button', { name: 'Vẫn lưu (ghi nhận lý do)' }).click();
      await refusal.getByText('Vui lòng ghi lý do.').waitFor();
      await refusal.getByLabel('Lý do vẫn lưu').fill('Ranh giới thửa CT-TL-001 đo sai, đã báo xã đo lại');
      await refusal.getByRole('button', { name: 'Vẫn lưu (ghi nhận lý do)' }).click();
      await page.getByRole('heading', { level: 1, name: `Thửa ${overlapCode}` }).waitFor();
      const overrides = page.getByRole('region', { name: 'Bảng (vuốt ngang để xem thêm)' }).filter({ hasText: 'đo sai' });
      await overrides.getByRole('link', { name: 'CT-TL-001' }).waitFor();
      await shoot(page, journey, '09-override-recorded', overrides);

      assert.deepEqual(errors, [], 'no script errors on the way');
    } catch (err) {
      // What the page showed when the journey broke, for whoever reads the failure.
      await e2e.shot(page, `${journey.name}-failure`, { fullPage: true }).catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  });
}
