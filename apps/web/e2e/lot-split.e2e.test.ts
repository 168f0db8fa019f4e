/**
 * Splitting a lot in a real browser against the real server (fresh database, Cần Thơ demo, built web
 * app): the rice mill opens one of the demo's by-product lots, asks for parts heavier than the lot has
 * left and is refused in Vietnamese, naming the part, with nothing changed; gives a lot number the mill
 * already uses and sees the server's refusal beside that field; then splits the lot into two parts
 * (after adding and removing a row), follows the links to the new lots and reads the masses back; and
 * last, when another step takes mass from the lot while the form is open, sees the server's refusal
 * beside the quantity.
 *
 * Once on a phone (390×844, touch) and once on a desktop; screenshots in /tmp/e2e-shots/lot-split/.
 * Build first: `npm run build -w @dongxanh/web`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { serverAndBrowser, signIn } from './browser.ts';

const MILL = '0901000007';

interface Journey {
  name: 'phone' | 'desktop';
  context: BrowserContextOptions;
  /** The demo mill's by-product lot split here, and another of its lots whose number is taken. */
  lot: string;
  takenCode: string;
}
const JOURNEYS: Journey[] = [
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, lot: 'CD-CAM-2603-01', takenCode: 'CD-TRAU-2603-01' },
  { name: 'desktop', context: { viewport: { width: 1366, height: 900 } }, lot: 'CD-TRAU-2603-01', takenCode: 'CD-CAM-2603-01' },
];

const e2e = serverAndBrowser('lot-split');

const shoot = (page: Page, journey: Journey, step: string, show?: Locator) => e2e.shot(page, `${journey.name}-${step}`, { show });

/** Signs in on the same page as someone else: the previous person's session cookie goes first. */
async function signInAs(page: Page, login: string) {
  await page.context().clearCookies();
  await signIn(page, e2e.url, login);
}

/** 1234.5 → "1.234,5" (Vietnamese: "." between thousands, decimal comma). */
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(n);
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface LotState { id: string; code: string; massKg: number; availableKg: number; status: string }
/** The lot as the server has it, read with the page's session. */
async function lotOnServer(page: Page, id: string): Promise<LotState> {
  const res = await page.request.get(`${e2e.url}/api/v1/lots/${id}`);
  assert.equal(res.status(), 200);
  return ((await res.json()) as { lot: LotState }).lot;
}
async function childrenOnServer(page: Page, id: string): Promise<LotState[]> {
  const res = await page.request.get(`${e2e.url}/api/v1/lots?parentLotId=${id}&kind=lot`);
  return ((await res.json()) as { items: LotState[] }).items;
}

for (const journey of JOURNEYS) {
  test(`splits a demo lot in the browser, refusing parts heavier than the lot and a lot number already used, and lists the new lots with their masses (${journey.name})`, { timeout: 180_000 }, async () => {
    const context = await e2e.browser.newContext({ ...journey.context, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await signInAs(page, MILL);
      await page.goto(`${e2e.url}/lots`);
      await page.getByRole('link', { name: journey.lot, exact: true }).click();
      await page.getByRole('heading', { name: `Lô ${journey.lot}` }).waitFor();
      const lotId = new URL(page.url()).pathname.split('/').pop()!;
      const before = await lotOnServer(page, lotId);
      assert.equal(before.status, 'active');
      assert.ok(before.availableKg > 600, `the demo lot has ${before.availableKg} kg`);
      const balance = page.getByRole('region', { name: 'Cân bằng khối lượng' });
      assert.match(await balance.innerText(), new RegExp(`Còn lại\\s+${literally(vi(before.availableKg))} kg`));

      await page.getByRole('button', { name: 'Tách lô', exact: true }).click();
      const form = page.getByRole('form', { name: 'Tách lô thành các lô mới' });
      const status = form.getByRole('status');
      assert.match(await status.innerText(), new RegExp(`Các phần: 0 kg trên ${literally(vi(before.availableKg))} kg còn lại`));

      // --- parts heavier than the lot: refused here, naming part 2, and nothing sent
      const part1 = before.availableKg - 100;
      await form.getByLabel('Khối lượng phần 1 (kg)').fill(vi(part1));
      await form.getByLabel('Khối lượng phần 2 (kg)').fill('250,5');
      assert.match(await status.innerText(), /vượt 150,5 kg so với/);
      await form.getByRole('button', { name: 'Lưu tách lô' }).click();
      const part2Mass = form.getByLabel('Khối lượng phần 2 (kg)');
      assert.equal(await part2Mass.getAttribute('aria-invalid'), 'true');
      const refusal = `Phần 2 làm tổng vượt khối lượng còn lại: các phần đến phần 2 là ${vi(part1 + 250.5)} kg, lô chỉ còn ${vi(before.availableKg)} kg.`;
      await form.getByText(refusal).waitFor();
      await form.getByRole('alert').filter({ hasText: 'Chưa tách lô: hãy xem các ô được đánh dấu.' }).waitFor();
      assert.equal(await form.getByLabel('Khối lượng phần 1 (kg)').getAttribute('aria-invalid'), null, 'part 1 alone fits');
      await shoot(page, journey, '01-over-split-refused', part2Mass);
      assert.deepEqual(await lotOnServer(page, lotId), before, 'nothing changed on the server');
      assert.deepEqual(await childrenOnServer(page, lotId), []);

      // --- a lot number the mill already uses: the server refuses, beside that field
      await form.getByLabel('Khối lượng phần 1 (kg)').fill('400');
      await part2Mass.fill('200,25');
      await form.getByLabel('Số lô phần 2').fill(journey.takenCode);
      await form.getByRole('button', { name: 'Lưu tách lô' }).click();
      await form.getByText('Số lô này đã có trong đơn vị của bạn. Hãy chọn số khác.').waitFor();
      assert.equal(await form.getByLabel('Số lô phần 2').getAttribute('aria-invalid'), 'true');
      await shoot(page, journey, '02-code-taken', form.getByLabel('Số lô phần 2'));
      assert.deepEqual(await lotOnServer(page, lotId), before, 'nothing changed on the server');

      // --- add a third part, remove it again, and split into two
      await form.getByRole('button', { name: 'Thêm phần' }).click();
      await form.getByLabel('Khối lượng phần 3 (kg)').fill('5');
      assert.match(await status.innerText(), new RegExp(`Các phần: 605,25 kg .* lô còn ${literally(vi(before.availableKg - 605.25))} kg\\.`));
      await form.getByRole('button', { name: 'Bỏ phần 3' }).click();
      assert.equal(await form.getByLabel('Khối lượng phần 3 (kg)').count(), 0);
      await form.getByLabel('Số lô phần 2').fill(`${journey.lot}-2`);
      assert.equal(await form.getByLabel('Số lô phần 2').getAttribute('aria-invalid'), null, 'the refusal went with the edit');
      assert.equal(await form.getByLabel('Số lô phần 1').inputValue(), `${journey.lot}-1`);
      const left = before.availableKg - 600.25;
      assert.match(await status.innerText(), new RegExp(`Các phần: 600,25 kg .* lô còn ${literally(vi(left))} kg\\.`));
      await shoot(page, journey, '03-split-form', form);
      await form.getByRole('button', { name: 'Lưu tách lô' }).click();

      const children = page.getByRole('region', { name: 'Các lô tách từ lô này' });
      await children.getByRole('status').filter({ hasText: 'Đã tách thành 2 lô mới.' }).waitFor();
      await balance.getByText(`${vi(left)} kg`, { exact: true }).waitFor();
      assert.match(await balance.innerText(), /Đã dùng cho bước sau\s+600,25 kg/);
      // (On a phone the table is laid out as cards, which have no row role: find the row by its link.)
      const rowOf = (code: string) => children.locator('tr').filter({ has: page.getByRole('link', { name: code, exact: true }) });
      assert.match(await rowOf(`${journey.lot}-1`).innerText(), /400 kg\s+400 kg/);
      assert.match(await rowOf(`${journey.lot}-2`).innerText(), /200,25 kg\s+200,25 kg/);
      assert.equal(await page.getByRole('form', { name: 'Tách lô thành các lô mới' }).count(), 0, 'the form closed');
      await shoot(page, journey, '04-split-done', children);
      const after = await lotOnServer(page, lotId);
      assert.equal(after.availableKg, Math.round(left * 1000) / 1000);
      const made = (await childrenOnServer(page, lotId)).map((l) => [l.code, l.massKg, l.availableKg]).sort();
      assert.deepEqual(made, [[`${journey.lot}-1`, 400, 400], [`${journey.lot}-2`, 200.25, 200.25]]);

      // The new lot's own page: its mass and where it came from.
      await children.getByRole('link', { name: `${journey.lot}-2` }).click();
      await page.getByRole('heading', { name: `Lô ${journey.lot}-2` }).waitFor();
      assert.match(await page.getByRole('region', { name: 'Cân bằng khối lượng' }).innerText(), /Tạo ra\s+200,25 kg/);
      await page.getByRole('region', { name: 'Chuỗi sự kiện' }).getByText('Tách lô').first().waitFor();
      await shoot(page, journey, '05-child-lot');

      // --- the lot changes while the form is open: the server's refusal, beside the quantity
      await page.goBack();
      await page.getByRole('heading', { name: `Lô ${journey.lot}` }).waitFor();
      await page.getByRole('button', { name: 'Tách lô', exact: true }).click();
      const again = page.getByRole('form', { name: 'Tách lô thành các lô mới' });
      assert.equal(await again.getByLabel('Số lô phần 1').inputValue(), `${journey.lot}-3`, 'suggested numbers skip those the split used');
      await again.getByLabel('Khối lượng phần 1 (kg)').fill(vi(left));
      await again.getByRole('button', { name: 'Bỏ phần 2' }).click();
      const meanwhile = await page.request.post(`${e2e.url}/api/v1/lots/${lotId}/split`, { data: { producedOn: '2026-03-20', parts: [{ code: `${journey.lot}-X`, massKg: 10 }] } });
      assert.equal(meanwhile.status(), 201, await meanwhile.text());
      await again.getByRole('button', { name: 'Lưu tách lô' }).click();
      await again.getByText(/^Máy chủ từ chối: lô không còn đủ khối lượng cho các phần này/).waitFor();
      assert.equal(await again.getByLabel('Khối lượng phần 1 (kg)').getAttribute('aria-invalid'), 'true');
      await shoot(page, journey, '06-server-refused', again.getByLabel('Khối lượng phần 1 (kg)'));
      assert.equal((await lotOnServer(page, lotId)).availableKg, Math.round((left - 10) * 1000) / 1000);
    } finally {
      await context.close();
    }
  });
}
