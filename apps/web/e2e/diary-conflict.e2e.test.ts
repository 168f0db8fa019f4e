/**
 * A conflict, on a phone (390×844) against the real server: the cooperative recorder corrects two
 * entries with no signal while the co-op manager changes the same two entries on the server. When the
 * signal returns, nothing is overwritten: each entry shows "Xung đột" with both versions field by
 * field. The recorder keeps their own tube reading ("Giữ bản của tôi": sent again on top of the
 * server's version) and takes the manager's fertiliser amount ("Dùng bản trên máy chủ"); the server
 * ends with exactly those versions. Screenshots: /tmp/e2e-shots/diary/.
 * Build first (`npm run build -w @dongxanh/web`); TEST_DATABASE_URL=… runs it on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, serverAndBrowser } from './browser.ts';
import { DIARY_SHOTS, phoneContext, saveEntry, shoot, signInAsRecorder, waitForOfflineReady } from './diary-steps.ts';

/** The demo's cooperative manager, who corrects entries from the office. */
const MANAGER = { login: '0901000003', password: DEMO_PASSWORD };

const e2e = serverAndBrowser(DIARY_SHOTS);

interface Activity {
  id: string;
  version: number;
  type: string;
  details: Record<string, unknown>;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, status: number): Promise<T> {
  assert.equal(res.status(), status, `${res.url()}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function activityOf(api: APIRequestContext, seasonId: string, id: string): Promise<Activity> {
  const detail = await json<{ activities: Activity[] }>(await api.get(`${e2e.url}/api/v1/seasons/${seasonId}`), 200);
  const found = detail.activities.find((a) => a.id === id);
  assert.ok(found, `activity ${id} is live`);
  return found;
}

/** Opens an entry's edit form from the season's timeline. */
async function edit(page: Page, entryName: string) {
  await page.getByRole('link', { name: `Sửa ${entryName}` }).click();
  await page.getByRole('heading', { level: 1, name: /^Sửa: / }).waitFor();
}

test('a conflict between the phone and the server is shown field by field and resolved by the person', { timeout: 240_000 }, async () => {
  const manager = await request.newContext({ baseURL: e2e.url });
  const context = await phoneContext(e2e.browser, { latitude: 10.07, longitude: 105.55 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await json(await manager.post('/api/v1/auth/login', { data: MANAGER }), 200);
    await signInAsRecorder(page, e2e.url);
    const api = page.request;

    // A Thu Đông season on a demo plot with a tube reading and a fertiliser round, recorded online.
    const plot = (await json<{ items: Array<{ id: string; code: string }> }>(await api.get(`${e2e.url}/api/v1/plots?pageSize=10`), 200)).items[6]!;
    const { season } = await json<{ season: { id: string } }>(
      await api.post(`${e2e.url}/api/v1/plots/${plot.id}/seasons`, { data: { cropCode: 'rice', variety: 'OM5451', seasonName: 'thu_dong', year: 2026, plannedStartOn: '2026-08-20' } }),
      201,
    );
    const record = async (body: Record<string, unknown>) =>
      (await json<{ activity: Activity }>(await api.post(`${e2e.url}/api/v1/seasons/${season.id}/activities`, { data: { clientId: crypto.randomUUID(), ...body } }), 201)).activity;
    const reading = await record({ type: 'water_level', occurredOn: '2026-09-01', details: { tubeId: 'ONG-1', levelCm: -10 } });
    const urea = await record({ type: 'fertiliser', occurredOn: '2026-09-05', details: { productCode: 'urea', amount: 40, amountUnit: 'kg_per_ha' } });

    // The recorder opens the season while online (the phone keeps a copy), then loses the signal.
    await page.goto(`${e2e.url}/diary/seasons/${season.id}`);
    await page.getByRole('heading', { level: 1, name: `${plot.code} · Thu Đông 2026` }).waitFor();
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.getByText('Đang ngoại tuyến').first().waitFor();

    // Offline: the reading was really 15 cm below the surface, and 45 kg of urea went on.
    await edit(page, 'Đo mực nước (ống AWD) 01/09/2026');
    assert.equal(await page.getByLabel(/^Mực nước \(cm\)/).inputValue(), '10', 'the stored reading fills the form');
    assert.ok(await page.getByRole('radio', { name: 'Dưới mặt ruộng' }).isChecked());
    await page.getByLabel(/^Mực nước \(cm\)/).fill('15');
    await page.getByLabel(/^Ghi chú/).fill('Đo lại sau mưa');
    await shoot(page, 'c01-offline-edit');
    await saveEntry(page, 'queued');
    await edit(page, 'Bón phân 05/09/2026');
    await page.getByLabel(/^Lượng phân/).fill('45');
    await saveEntry(page, 'queued');
    assert.equal(await page.locator('li[data-sync="pending"]').count(), 2);
    await shoot(page, 'c02-offline-two-changes');

    // Meanwhile the manager changes both entries on the server.
    const r2 = await json<{ activity: Activity }>(
      await manager.patch(`/api/v1/activities/${reading.id}`, { data: { baseVersion: 1, details: { tubeId: 'ONG-1', levelCm: -4, notes: 'Cán bộ HTX đo lại' } } }),
      200,
    );
    assert.equal(r2.activity.version, 2);
    await json(await manager.patch(`/api/v1/activities/${urea.id}`, { data: { baseVersion: 1, details: { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' } } }), 200);

    // The signal returns: both changes come back as conflicts, nothing is overwritten.
    await context.setOffline(false);
    const conflicts = page.locator('li[data-sync="conflict"]');
    await page.getByTestId('sync-bar').getByText('2 xung đột cần xử lý').waitFor({ timeout: 30_000 });
    assert.equal(await conflicts.count(), 2);
    assert.equal((await activityOf(api, season.id, reading.id)).details.levelCm, -4, 'the server still has the manager’s version');

    const readingConflict = page.locator('li[data-type="water_level"]').getByTestId('conflict');
    const diffs = readingConflict.getByTestId('conflict-diff');
    assert.equal(await diffs.count(), 2, 'the level and the notes differ; the tube and the date do not');
    assert.match(await diffs.nth(0).innerText(), /Mực nước · khác nhau\s+Bản của tôi: -15 cm\s+Trên máy chủ: -4 cm/);
    assert.match(await diffs.nth(1).innerText(), /Ghi chú · khác nhau\s+Bản của tôi: Đo lại sau mưa\s+Trên máy chủ: Cán bộ HTX đo lại/);
    await readingConflict.scrollIntoViewIfNeeded();
    await shoot(page, 'c03-conflict-reading');
    const ureaConflict = page.locator('li[data-type="fertiliser"]').getByTestId('conflict');
    assert.match(await ureaConflict.getByTestId('conflict-diff').innerText(), /Lượng phân · khác nhau\s+Bản của tôi: 45 kg\/ha\s+Trên máy chủ: 50 kg\/ha/);
    await ureaConflict.scrollIntoViewIfNeeded();
    await shoot(page, 'c04-conflict-fertiliser');

    // Keep mine for the reading: sent again on top of the manager's version.
    await readingConflict.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    await page.locator('li[data-type="water_level"][data-sync="synced"]').waitFor({ timeout: 30_000 });
    // Use the server's for the fertiliser: the phone drops its change.
    await ureaConflict.getByRole('button', { name: 'Dùng bản trên máy chủ' }).click();
    await page.locator('li[data-type="fertiliser"][data-sync="synced"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('sync-bar').getByText('mọi bản ghi đã đồng bộ').waitFor();
    assert.match(await page.locator('li[data-type="fertiliser"]').innerText(), /50 kg\/ha/);
    assert.match(await page.locator('li[data-type="water_level"]').innerText(), /15 cm dưới mặt ruộng/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'c05-resolved');

    // The server ends with the chosen versions.
    const keptMine = await activityOf(api, season.id, reading.id);
    assert.equal(keptMine.version, 3, 'mine was applied on top of version 2');
    assert.deepEqual(keptMine.details, { tubeId: 'ONG-1', levelCm: -15, notes: 'Đo lại sau mưa' });
    const keptServer = await activityOf(api, season.id, urea.id);
    assert.equal(keptServer.version, 2, 'the manager’s version stays');
    assert.deepEqual(keptServer.details, { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' });

    // An entry recorded by mistake is deleted (online: at once); the server keeps it as deleted.
    await edit(page, 'Bón phân 05/09/2026');
    await page.getByRole('button', { name: 'Xoá bản ghi' }).click();
    await page.getByRole('group', { name: /^Xoá bản ghi này\?/ }).getByRole('button', { name: 'Xoá', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `${plot.code} · Thu Đông 2026` }).waitFor();
    await page.locator('li[data-type="fertiliser"]').waitFor({ state: 'detached', timeout: 20_000 });
    const live = await json<{ activities: Activity[] }>(await api.get(`${e2e.url}/api/v1/seasons/${season.id}`), 200);
    assert.deepEqual(live.activities.map((a) => a.type), ['water_level'], 'the deleted entry is no longer live');

    // The queue is empty.
    await page.goto(`${e2e.url}/diary/sync`);
    await page.getByText('Không còn gì chờ đồng bộ.').waitFor();
    await shoot(page, 'c06-queue-empty');
    assert.deepEqual(errors, [], 'no script errors');
  } finally {
    await context.close();
    await manager.dispose();
  }
});
