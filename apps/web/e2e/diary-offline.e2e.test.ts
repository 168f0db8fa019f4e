/**
 * The cooperative recorder's season, on a phone (390×844) that loses its signal half-way, against the
 * real server (apps/server/src/testing/e2e-server.ts: fresh database, Cần Thơ demo, built web app):
 *
 * find a demo plot → start a Hè Thu 2026 rice season → record sowing (with a photo) and the first
 * fertiliser round online → the signal goes → keep recording (AWD tube readings, irrigations, the
 * second fertiliser round), every entry showing "Chờ đồng bộ" → reload the app with no signal: it
 * opens and the entries are still there → record the rest (third round, readings, end-of-season
 * drainage, harvest, straw incorporation) → the signal returns → everything syncs by itself.
 *
 * Then the server is asked directly: every entry is stored exactly once (counted by type), and the
 * derived facts show the AWD water regime and the nitrogen total. Screenshots: /tmp/e2e-shots/diary/.
 * Build first (`npm run build -w @dongxanh/web`); TEST_DATABASE_URL=… runs it on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';
import { DIARY_SHOTS, fillDate, openActivityForm, phoneContext, png, saveEntry, shoot, signInAsRecorder, waitForOfflineReady } from './diary-steps.ts';

const e2e = serverAndBrowser(DIARY_SHOTS);

interface PlotSummary {
  id: string;
  code: string;
  centroid: [number, number];
}
interface StoredActivity {
  id: string;
  clientId: string;
  type: string;
  occurredOn: string;
  details: Record<string, unknown>;
  recordedOnBehalf: boolean;
  photos: Array<{ flags: string[]; lat: number | null }>;
}
interface SeasonDetail {
  season: { id: string; seasonName: string; year: number; status: string };
  activities: StoredActivity[];
  facts: {
    facts: { waterRegime: { value: string | null; awd: boolean; safeAwdCycles: number; sources: unknown[] }; nTotalKgPerHa: { value: number | null; sources: unknown[] }; ureaKgPerHa: { value: number | null } };
  };
}

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${e2e.url}/api/v1${path}`);
  assert.equal(res.status(), 200, `GET ${path}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function reading(page: Page, date: string, side: 'Dưới mặt ruộng' | 'Trên mặt ruộng (ngập)', cm: string, expect: 'synced' | 'queued') {
  await openActivityForm(page, 'Đo mực nước (ống AWD)');
  await fillDate(page, date);
  assert.equal(await page.getByLabel(/^Mã ống đo/).inputValue(), 'ONG-1', 'the tube of the last reading is proposed');
  await page.getByRole('radio', { name: side }).check();
  await page.getByLabel(/^Mực nước \(cm\)/).fill(cm);
  await saveEntry(page, expect);
}

async function irrigation(page: Page, date: string, expect: 'synced' | 'queued') {
  await openActivityForm(page, 'Bơm, tưới nước');
  await fillDate(page, date);
  await page.getByLabel(/^Mực nước sau khi bơm/).fill('5');
  await saveEntry(page, expect);
}

async function fertiliser(page: Page, date: string, product: string, kgPerHa: string, grade: RegExp, expect: 'synced' | 'queued') {
  await openActivityForm(page, 'Bón phân');
  await fillDate(page, date);
  await page.getByLabel(/^Loại phân/).selectOption({ label: product });
  await page.getByLabel(/^Lượng phân/).fill(kgPerHa);
  // The product's grade and the N it adds are shown before saving.
  assert.match(await page.getByTestId('fertiliser-grade').innerText(), grade);
  await saveEntry(page, expect);
}

test('a recorder fills a whole rice season on a phone, partly offline, and the server holds every entry once', { timeout: 420_000 }, async () => {
  // A demo plot of the co-op: it has its Đông Xuân 2026 season, not yet a Hè Thu one.
  const probe = await e2e.browser.newContext();
  const probePage = await probe.newPage();
  await signInAsRecorder(probePage, e2e.url);
  const plots = await api<{ items: PlotSummary[] }>(probePage, '/plots?pageSize=5');
  const plot = plots.items[3]!;
  const existing = await api<{ items: Array<{ seasonName: string; year: number }> }>(probePage, `/seasons?plotId=${plot.id}`);
  assert.ok(!existing.items.some((s) => s.seasonName === 'he_thu' && s.year === 2026), 'the plot has no Hè Thu 2026 season yet');
  await probe.close();

  const [lon, lat] = plot.centroid;
  const context = await phoneContext(e2e.browser, { latitude: lat, longitude: lon });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    // 1. Sign in; the app installs its service worker. Find the plot from the diary.
    await signInAsRecorder(page, e2e.url);
    await waitForOfflineReady(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký đồng ruộng' }).waitFor();
    await shoot(page, '01-diary-home');
    await page.getByRole('searchbox').fill(plot.code);
    await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: new RegExp(`^${plot.code}`) }).click();
    await page.getByRole('heading', { level: 1, name: `Thửa ${plot.code}` }).waitFor();
    await shoot(page, '02-plot-seasons');

    // 2. A new season: rice OM18, Hè Thu 2026, from 01/05/2026.
    await page.getByLabel('Giống').fill('OM18');
    await page.getByRole('radio', { name: 'Hè Thu' }).check();
    await page.getByLabel('Ngày bắt đầu (dự kiến)').fill('01/05/2026');
    await page.getByLabel(/^Ngày thu hoạch \(dự kiến\)/).fill('15/08/2026');
    await shoot(page, '03-new-season-form', true);
    await page.getByRole('button', { name: 'Tạo mùa vụ' }).click();
    await page.getByRole('heading', { level: 1, name: `${plot.code} · Hè Thu 2026` }).waitFor();
    // Online, it syncs at once and the address moves to the server's id.
    await page.getByText('Chưa bắt đầu').waitFor({ timeout: 20_000 });
    const seasonId = /\/diary\/seasons\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    assert.ok(seasonId, `a season address, got ${page.url()}`);
    const created = await api<SeasonDetail>(page, `/seasons/${seasonId}`);
    assert.equal(created.season.seasonName, 'he_thu');
    await shoot(page, '04-season-created');

    // 3. Online: sowing with a photo taken in the field, and the first fertiliser round.
    await openActivityForm(page, 'Gieo sạ, cấy', '05-type-picker');
    await shoot(page, '05b-sowing-form');
    await fillDate(page, '05/05/2026');
    await page.getByLabel('Cách gieo cấy').selectOption({ label: 'Sạ hàng (giàn kéo)' });
    await page.getByLabel(/^Lượng giống/).fill('90');
    assert.equal(await page.getByLabel(/^Giống/).inputValue(), 'OM18', 'the season’s variety is proposed');
    await page.locator('input[type=file]').setInputFiles({ name: 'ruong.png', mimeType: 'image/png', buffer: png(64, 48, [60, 140, 60]) });
    await page.getByText(/^Vị trí: /).waitFor();
    await shoot(page, '06-sowing-with-photo', true);
    await saveEntry(page, 'synced');
    await fertiliser(page, '14/05/2026', 'Phân urê (46 % N)', '50', /N 46 %.*bón ≈ 23 kg N\/ha/, 'synced');
    await irrigation(page, '08/05/2026', 'synced');
    await reading(page, '18/05/2026', 'Trên mặt ruộng (ngập)', '3', 'synced');
    await shoot(page, '07-online-entries');

    // A spray with a banned active ingredient is refused by the server, with the legal basis, on the form.
    await openActivityForm(page, 'Phun thuốc BVTV');
    await fillDate(page, '19/05/2026');
    await page.getByLabel(/^Thuốc bảo vệ thực vật/).selectOption({ label: 'Thuốc khác (tự nhập hoạt chất)' });
    await page.getByLabel(/^Tên thuốc/).fill('Furadan 3GR');
    await page.getByLabel(/^Hoạt chất/).fill('Carbofuran');
    await page.getByLabel(/^Liều lượng/).fill('20');
    await page.getByLabel(/^Đơn vị liều/).selectOption({ label: 'kg/ha' });
    await page.getByLabel(/^Thời gian cách ly/).fill('30');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor({ timeout: 20_000 });
    assert.match(await refusal.innerText(), /hoạt chất bị cấm.*Căn cứ pháp lý/s);
    assert.match(await refusal.getByTestId('refusal-detail').innerText(), /Hoạt chất “Carbofuran” bị cấm sử dụng \(thuộc Phụ lục II\): .*Thông tư/);
    await shoot(page, '07b-pesticide-refused');
    // Corrected to a registered biological product, and sent again.
    await page.getByLabel(/^Thuốc bảo vệ thực vật/).selectOption({ label: 'Bacillus thuringiensis (Bt) WP' });
    await page.getByLabel(/^Liều lượng/).fill('0,5');
    await page.getByLabel(/^Thời gian cách ly/).fill('');
    await page.getByRole('button', { name: 'Lưu và gửi lại' }).click();
    await page.getByRole('status').filter({ hasText: /và đồng bộ lên máy chủ/ }).waitFor({ timeout: 20_000 });

    // 4. The signal goes. Entries are kept on the phone and shown at once as waiting.
    await context.setOffline(true);
    await page.getByText('Đang ngoại tuyến').first().waitFor();
    await reading(page, '22/05/2026', 'Dưới mặt ruộng', '6', 'queued');
    await fertiliser(page, '25/05/2026', 'NPK 20-20-15', '100', /N 20 %.*bón ≈ 20 kg N\/ha/, 'queued');
    await reading(page, '27/05/2026', 'Dưới mặt ruộng', '16', 'queued');
    await irrigation(page, '28/05/2026', 'queued');
    const waiting = page.locator('li[data-sync="pending"]');
    assert.equal(await waiting.count(), 4, 'four entries wait to sync');
    assert.match(await waiting.first().innerText(), /Chờ đồng bộ/);
    await shoot(page, '08-offline-waiting');

    // 5. The app reloads with no signal: it opens from the phone, with the entries still waiting.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${plot.code} · Hè Thu 2026` }).waitFor();
    await page.getByText('Đang ngoại tuyến').first().waitFor();
    assert.equal(await page.locator('li[data-sync="pending"]').count(), 4, 'the waiting entries survived the reload');
    assert.equal(await page.locator('li[data-sync="synced"]').count(), 5, 'the synced entries are shown from the phone’s copy');
    await shoot(page, '09-offline-after-reload');

    // 6. The rest of the season, still offline.
    await reading(page, '05/06/2026', 'Trên mặt ruộng (ngập)', '4', 'queued');
    await reading(page, '10/06/2026', 'Dưới mặt ruộng', '5', 'queued');
    await reading(page, '15/06/2026', 'Dưới mặt ruộng', '17', 'queued');
    await fertiliser(page, '15/06/2026', 'NPK 16-16-8', '120', /N 16 %.*bón ≈ 19,2 kg N\/ha/, 'queued');
    await irrigation(page, '16/06/2026', 'queued');

    await openActivityForm(page, 'Rút nước');
    await fillDate(page, '29/07/2026');
    await page.getByLabel(/^Mục đích/).selectOption({ label: 'Rút nước cuối vụ (trước thu hoạch)' });
    await saveEntry(page, 'queued');

    await openActivityForm(page, 'Thu hoạch');
    await fillDate(page, '12/08/2026');
    await page.getByRole('textbox', { name: /^Năng suất/ }).fill('6.500');
    await page.getByLabel(/^Độ ẩm lúc thu hoạch/).fill('24');
    await page.getByLabel(/^Cách thu hoạch/).selectOption({ label: 'Máy gặt đập liên hợp' });
    await saveEntry(page, 'queued');

    // The previous crop's straw, worked into the soil before this season.
    await openActivityForm(page, 'Xử lý rơm rạ');
    await fillDate(page, '20/04/2026');
    await page.getByLabel(/^Lượng rơm \(khô\)/).fill('5,5');
    await page.getByLabel(/^Vùi vào đất/).fill('70');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    // 70 % is not the whole straw: the shares must add up to 100 %.
    await page.getByText('Đốt + vùi + thu gom + để trên ruộng phải bằng 100 % (hiện là 70 %).').waitFor();
    await shoot(page, '10-straw-sum-error', true);
    await page.getByLabel(/^Thu gom khỏi ruộng/).fill('30');
    await saveEntry(page, 'queued');
    assert.equal(await page.locator('li[data-sync="pending"]').count(), 12, 'twelve entries wait to sync');
    await shoot(page, '11-offline-season-complete');
    await shoot(page, '11b-offline-season-complete-full', true);

    // 7. The signal returns: the queue flushes by itself.
    await context.setOffline(false);
    await page.getByTestId('sync-bar').getByText('mọi bản ghi đã đồng bộ').waitFor({ timeout: 30_000 });
    await page.locator('li[data-sync="pending"]').first().waitFor({ state: 'detached', timeout: 30_000 });
    const regime = page.locator('[data-fact="waterRegime"]');
    await regime.getByText('Rút nước nhiều lần · có AWD (2 lần khô an toàn)').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('[data-fact="nTotalKgPerHa"]').innerText(), /62,2 kg N\/ha/);
    await regime.scrollIntoViewIfNeeded();
    await shoot(page, '12-synced-facts');

    // A fact's source brings its record into view.
    await page.locator('[data-fact="nTotalKgPerHa"]').getByRole('link', { name: 'Bón phân 25/05/2026' }).click();
    await page.locator('li.entry--highlight[data-type="fertiliser"]').waitFor();
    await shoot(page, '13-fact-source');

    // 8. The server holds every entry exactly once.
    const stored = await api<SeasonDetail>(page, `/seasons/${seasonId}`);
    const byType: Record<string, number> = {};
    for (const a of stored.activities) byType[a.type] = (byType[a.type] ?? 0) + 1;
    assert.deepEqual(byType, { sowing: 1, fertiliser: 3, pesticide: 1, irrigation: 3, water_level: 6, drainage: 1, harvest: 1, straw: 1 });
    const spray = stored.activities.find((a) => a.type === 'pesticide')!;
    assert.equal(spray.details.productCode, 'bt_wp', 'only the corrected spray is stored; the refused one never was');
    assert.equal(spray.details.phiDays, 5, 'the label’s pre-harvest interval');
    assert.equal(new Set(stored.activities.map((a) => a.clientId)).size, stored.activities.length, 'one record per clientId');
    assert.ok(stored.activities.every((a) => a.recordedOnBehalf), 'the recorder recorded on the household’s behalf');
    const levels = stored.activities.filter((a) => a.type === 'water_level').sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)).map((a) => a.details.levelCm);
    assert.deepEqual(levels, [3, -6, -16, 4, -5, -17], 'readings below the surface are stored negative');
    const sowing = stored.activities.find((a) => a.type === 'sowing')!;
    assert.deepEqual(sowing.details, { method: 'direct_seeding_drum', seedRateKgPerHa: 90, variety: 'OM18' });
    assert.equal(sowing.photos.length, 1, 'the photo was uploaded with its position');
    assert.ok(sowing.photos[0]!.lat !== null);
    assert.ok(!sowing.photos[0]!.flags.includes('photo_far'), 'taken on the plot');
    const straw = stored.activities.find((a) => a.type === 'straw')!;
    assert.deepEqual(straw.details, { residueOf: 'previous_crop', dryMatterTPerHa: 5.5, burntFraction: 0, incorporatedFraction: 0.7, removedFraction: 0.3, leftOnSurfaceFraction: 0 });
    assert.equal(stored.activities.find((a) => a.type === 'harvest')!.details.yieldKgPerHa, 6500);

    const facts = stored.facts.facts;
    assert.equal(facts.waterRegime.value, 'multiple_drainage');
    assert.equal(facts.waterRegime.awd, true);
    assert.equal(facts.waterRegime.safeAwdCycles, 2);
    assert.ok(Math.abs((facts.nTotalKgPerHa.value ?? 0) - (50 * 0.46 + 100 * 0.2 + 120 * 0.16)) < 1e-9, `N total ${facts.nTotalKgPerHa.value}`);
    assert.equal(facts.nTotalKgPerHa.sources.length, 3, 'the N total cites the three rounds');
    assert.equal(facts.ureaKgPerHa.value, 50);
    assert.equal(stored.season.status, 'harvested');

    // A flush whose answer was lost is sent again by the phone: the server answers "duplicate" and stores nothing new.
    const replay = await page.request.post(`${e2e.url}/api/v1/sync`, {
      data: { mutations: stored.activities.map((a) => ({ clientId: a.clientId, kind: 'createActivity', seasonId, payload: { type: a.type, occurredOn: a.occurredOn, details: a.details } })) },
    });
    assert.equal(replay.status(), 200);
    const replayed = (await replay.json()) as { results: Array<{ status: string }> };
    assert.deepEqual([...new Set(replayed.results.map((r) => r.status))], ['duplicate']);
    assert.equal((await api<SeasonDetail>(page, `/seasons/${seasonId}`)).activities.length, 17);

    // 9. One fertiliser round for many plots: three Thu Đông seasons of the co-op, one form.
    const others = (await api<{ items: PlotSummary[] }>(page, '/plots?pageSize=20')).items.slice(10, 13);
    const thuDong: string[] = [];
    for (const p of others) {
      const res = await page.request.post(`${e2e.url}/api/v1/plots/${p.id}/seasons`, { data: { cropCode: 'rice', seasonName: 'thu_dong', year: 2026, plannedStartOn: '2026-08-25' } });
      assert.equal(res.status(), 201, await res.text());
      thuDong.push(((await res.json()) as { season: { id: string } }).season.id);
    }
    await page.goto(`${e2e.url}/diary/bulk`);
    await page.getByRole('heading', { level: 1, name: 'Ghi hàng loạt nhiều thửa' }).waitFor();
    await page.getByLabel('Vụ', { exact: true }).selectOption({ label: 'Thu Đông' });
    await page.getByRole('button', { name: 'Chọn tất cả (3)' }).click();
    await page.getByText('Đã chọn 3 mùa vụ').waitFor();
    await page.getByLabel('Ngày thực hiện').fill('05/09/2026');
    await page.getByLabel(/^Loại phân/).selectOption({ label: 'NPK 20-20-15' });
    await page.getByLabel(/^Lượng phân/).fill('80');
    await shoot(page, '14-bulk-form');
    await page.getByRole('button', { name: 'Lưu cho 3 mùa vụ' }).click();
    await page.getByTestId('bulk-result').getByText('Đã ghi “Bón phân” cho 3 mùa vụ và đồng bộ lên máy chủ.').waitFor({ timeout: 20_000 });
    await shoot(page, '15-bulk-done');
    const batches = new Set<string | null>();
    for (const id of thuDong) {
      const detail = await api<SeasonDetail & { activities: Array<StoredActivity & { batchId: string | null }> }>(page, `/seasons/${id}`);
      assert.equal(detail.activities.length, 1);
      assert.deepEqual(detail.activities[0]!.details, { productCode: 'npk_20_20_15', amount: 80, amountUnit: 'kg_per_ha' });
      assert.ok(detail.activities[0]!.recordedOnBehalf);
      batches.add(detail.activities[0]!.batchId);
    }
    assert.equal(batches.size, 1, 'one batch for the round');
    assert.ok([...batches][0], 'the batch id is set');
    assert.deepEqual(errors, [], 'no script errors');
  } catch (err) {
    await shoot(page, 'zz-failure', true);
    throw err;
  } finally {
    await context.close();
  }

  // The same season on an office computer, in Vietnamese and in English.
  const desktop = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const office = await desktop.newPage();
    await signInAsRecorder(office, e2e.url);
    const seasons = await api<{ items: Array<{ id: string; seasonName: string }> }>(office, `/seasons?plotId=${plot.id}`);
    const season = seasons.items.find((s) => s.seasonName === 'he_thu')!;
    await office.goto(`${e2e.url}/diary/seasons/${season.id}`);
    await office.getByRole('heading', { level: 1, name: `${plot.code} · Hè Thu 2026` }).waitFor();
    await office.locator('[data-fact="waterRegime"]').waitFor();
    await shoot(office, '16-desktop-season');
    await office.getByRole('button', { name: 'EN' }).click();
    await office.getByRole('heading', { level: 1, name: `${plot.code} · Hè Thu (summer–autumn) 2026` }).waitFor();
    await office.locator('[data-fact="waterRegime"]').scrollIntoViewIfNeeded();
    await shoot(office, '17-desktop-season-en');
    await office.goto(`${e2e.url}/diary/bulk`);
    await office.getByRole('heading', { level: 1, name: 'Record for many plots' }).waitFor();
    await office.getByRole('button', { name: 'EN' }).waitFor();
    await shoot(office, '18-desktop-bulk-en');
  } finally {
    await desktop.close();
  }
});
