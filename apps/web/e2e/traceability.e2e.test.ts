/**
 * Traceability journey in a real browser against the real server (fresh database, Cần Thơ demo,
 * built web app): the co-op manager makes harvest lots from three verified plot-seasons and collects
 * them into one lot, ships it to the rice mill; the mill receives it, mills it (paddy → rice 0.65 with
 * husk and bran), packs 5 kg bags and ships some to a distributor, and prints the QR sheet; the
 * verifier evaluates the rice against the "Gạo Việt xanh phát thải thấp" scheme and issues the label;
 * then a consumer opens the public page from the QR's URL and sees the intensity and the label.
 *
 * Once on a phone (390×844, touch) and once on a desktop; screenshots in /tmp/e2e-shots/traceability/.
 * Build first: `npm run build -w @dongxanh/web`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { serverAndBrowser, signIn } from './browser.ts';

const USERS = { manager: '0901000003', mill: '0901000007', verifier: '0901000006' } as const;

interface Journey {
  name: 'phone' | 'desktop';
  context: BrowserContextOptions;
  /** Verified AWD plot-seasons of the demo's Đòn Dong growing area not used by the demo lot. */
  plots: [string, string, string];
  suffix: string;
}
const JOURNEYS: Journey[] = [
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, plots: ['CT-TL-047', 'CT-TL-049', 'CT-TL-051'], suffix: 'P' },
  { name: 'desktop', context: { viewport: { width: 1366, height: 900 } }, plots: ['CT-TL-053', 'CT-TL-055', 'CT-TL-057'], suffix: 'D' },
];

const e2e = serverAndBrowser('traceability');

const shoot = (page: Page, journey: Journey, step: string, show?: Locator) => e2e.shot(page, `${journey.name}-${step}`, { show });

/** Signs in on the same page as someone else: the previous person's session cookie goes first. */
async function signInAs(page: Page, login: string) {
  await page.context().clearCookies();
  await signIn(page, e2e.url, login);
}

/** "0,59" → 0.59 (Vietnamese decimal comma, "." between thousands). */
const vietnameseNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

async function harvest(page: Page, code: string, sources: Array<[string, string]>) {
  await page.getByRole('button', { name: 'Tạo lô thu hoạch' }).click();
  const form = page.getByRole('form', { name: 'Lô thu hoạch mới' });
  await form.getByLabel('Số lô').fill(code);
  for (const [plot, kg] of sources) {
    await form.getByLabel('Lọc thửa (mã thửa hoặc giống)').fill(plot);
    await form.getByLabel(new RegExp(`^Khối lượng từ thửa ${plot} `)).fill(kg);
  }
  await form.getByRole('button', { name: 'Lưu lô thu hoạch' }).click();
  await page.getByRole('heading', { name: `Lô ${code}` }).waitFor();
}

for (const journey of JOURNEYS) {
  test(`follows a harvest from three plot-seasons to an aggregated lot, milled rice, packed units and a shipment, prints the QR sheet, opens the public page from the QR's URL and sees the right intensity and label (${journey.name})`, { timeout: 240_000 }, async () => {
    const context = await e2e.browser.newContext({ ...journey.context, locale: 'vi-VN' });
    const page = await context.newPage();
    const s = journey.suffix;
    try {
      // --- the cooperative: two harvest lots from three plot-seasons, collected into one lot
      await signInAs(page, USERS.manager);
      await page.goto(`${e2e.url}/lots`);
      await page.getByRole('heading', { name: 'Lô hàng và truy xuất nguồn gốc' }).waitFor();
      await harvest(page, `E2E-${s}-A`, [[journey.plots[0], '2.000'], [journey.plots[1], '2000,5']]);
      await shoot(page, journey, '01-harvest-lot');
      const mass = page.getByRole('region', { name: 'Cân bằng khối lượng' });
      assert.match(await mass.innerText(), /4\.000,5 kg/);
      await page.goto(`${e2e.url}/lots`);
      await harvest(page, `E2E-${s}-B`, [[journey.plots[2], '1500']]);
      await page.goto(`${e2e.url}/lots`);
      await page.getByRole('checkbox', { name: `Chọn lô E2E-${s}-A` }).check();
      await page.getByRole('checkbox', { name: `Chọn lô E2E-${s}-B` }).check();
      const aggregate = page.getByRole('form', { name: 'Gom lô' });
      assert.match(await aggregate.innerText(), /Gom 2 lô, tổng 5\.500,5 kg/);
      await aggregate.getByLabel('Số lô').fill(`E2E-${s}-GOM`);
      await shoot(page, journey, '02-aggregate', aggregate);
      await aggregate.getByRole('button', { name: 'Gom thành lô mới' }).click();
      await page.getByRole('heading', { name: `Lô E2E-${s}-GOM` }).waitFor();
      const chain = page.getByRole('region', { name: 'Chuỗi sự kiện' });
      assert.equal(await chain.getByText('Thu hoạch').count(), 2);
      const origins = page.getByRole('region', { name: 'Nguồn gốc: thửa – vụ' });
      for (const plot of journey.plots) await origins.getByRole('rowheader', { name: plot }).waitFor();
      await shoot(page, journey, '03-collected-lot', origins);
      await page.getByRole('button', { name: 'Xuất hàng' }).click();
      const ship = page.getByRole('form', { name: 'Xuất hàng cho đơn vị khác' });
      await ship.getByLabel('Gửi đến').selectOption({ label: 'Công ty TNHH Xay xát Gạo Cờ Đỏ' });
      await ship.getByLabel('Số phiếu xuất kho').fill(`PXK-${s}-01`);
      await ship.getByRole('button', { name: 'Xuất hàng' }).click();
      // Shipped whole: the lot is now in transit and no longer the co-op's to act on.
      await page.getByText(/· Đang vận chuyển$/).waitFor();
      await shoot(page, journey, '03b-in-transit');

      // --- the rice mill: receive, mill, pack 5 kg bags, ship some
      await signInAs(page, USERS.mill);
      await page.goto(`${e2e.url}/lots`);
      await page.getByRole('link', { name: `E2E-${s}-GOM`, exact: true }).click();
      await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
      await page.getByRole('button', { name: 'Xay xát' }).click();
      const mill = page.getByRole('form', { name: 'Xay xát lúa thành gạo' });
      assert.equal(await mill.getByLabel('Gạo trắng (kg)').inputValue(), '3.575');
      await shoot(page, journey, '04-milling', mill);
      await mill.getByRole('button', { name: 'Lưu xay xát' }).click();
      await page.getByRole('heading', { name: `Lô E2E-${s}-GOM-G` }).waitFor();
      const intensityText = (await page.getByRole('status', { name: 'Cường độ phát thải (kg CO₂e/kg)' }).innerText()).replace(/\s*kg CO₂e\/kg/, '').trim();
      const intensity = vietnameseNumber(intensityText);
      assert.ok(intensity > 0 && intensity < 5, `intensity ${intensityText}`);
      await page.getByRole('button', { name: 'Đóng gói' }).click();
      const pack = page.getByRole('form', { name: 'Đóng gói thành đơn vị bán lẻ' });
      await pack.getByLabel('Số đơn vị').fill('10');
      await pack.getByRole('button', { name: 'Đóng gói' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã đóng 10 đơn vị' }).waitFor();
      await shoot(page, journey, '05-packed', pack);
      await page.getByRole('button', { name: 'Xuất hàng' }).click();
      const shipBags = page.getByRole('form', { name: 'Xuất hàng cho đơn vị khác' });
      await shipBags.getByLabel('Gửi đến').selectOption({ label: 'Công ty TNHH Phân phối Nông sản Sạch Tây Đô' });
      await shipBags.getByLabel('Hàng xuất').selectOption({ label: 'Các đơn vị đóng gói (10 còn lại)' });
      await shipBags.getByLabel('Số đơn vị xuất').fill('4');
      await shipBags.getByLabel('Số phiếu xuất kho').fill(`PXK-${s}-02`);
      await shipBags.getByRole('button', { name: 'Xuất hàng' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã xuất 4 mục.' }).waitFor();

      // --- the QR sheet: a PDF of the lot and its 10 bags (11 labels, one A4 page)
      const sheetHref = await page.getByRole('link', { name: 'In tem QR (PDF)' }).getAttribute('href');
      const sheet = await page.request.get(`${e2e.url}${sheetHref}`);
      assert.equal(sheet.headers()['content-type'], 'application/pdf');
      const pdf = await sheet.body();
      assert.equal(pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length, 1);
      const pdfPath = join(e2e.shots, `${journey.name}-06-qr-sheet.pdf`);
      writeFileSync(pdfPath, pdf);
      if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, pdfPath.replace(/\.pdf$/, '')]);
      const qrUrl = await page.getByRole('link', { name: 'Mở trang truy xuất công khai' }).getAttribute('href');
      assert.ok(qrUrl && /\/p\/01\/08930000200112\/10\/E2E-[PD]-GOM-G$/.test(qrUrl), String(qrUrl));
      await shoot(page, journey, '06-rice-lot', page.getByRole('region', { name: 'Mã QR' }));

      // --- the verifier: evaluate and issue the label
      await signInAs(page, USERS.verifier);
      await page.goto(`${e2e.url}/label`);
      const evaluate = page.getByRole('region', { name: 'Đánh giá lô hàng' });
      await evaluate.getByLabel('Chương trình nhãn').selectOption({ label: 'Gạo Việt xanh phát thải thấp' });
      await evaluate.getByLabel('Mã lô').fill(`E2E-${s}-GOM-G`);
      await evaluate.getByRole('button', { name: 'Đánh giá' }).click();
      await evaluate.getByRole('status').filter({ hasText: 'Đạt:' }).waitFor();
      assert.equal(await evaluate.getByText('✗ Không đạt').count(), 0);
      await shoot(page, journey, '07-evaluated', evaluate);
      const issue = evaluate.getByRole('form', { name: 'Cấp chứng nhận nhãn' });
      await issue.getByLabel('Số chứng nhận').fill(`GVX-PTT-E2E-${s}`);
      await issue.getByLabel('Khối lượng (kg)').fill('3000');
      await issue.getByLabel('Tổ chức cấp').fill('Trung tâm Thẩm định Phát thải Mê Kông');
      await issue.getByRole('button', { name: 'Cấp chứng nhận' }).click();
      await evaluate.getByRole('status').filter({ hasText: `Đã cấp chứng nhận GVX-PTT-E2E-${s}.` }).waitFor();

      // --- a consumer scans the QR: the public page, no login
      const consumer = await e2e.browser.newContext({ ...journey.context, locale: 'vi-VN' });
      const publicPage = await consumer.newPage();
      const response = await publicPage.goto(qrUrl!);
      assert.equal(response?.status(), 200);
      await publicPage.getByRole('heading', { name: 'Gạo trắng Thới Lai', level: 1 }).waitFor();
      const body = await publicPage.locator('main').innerText();
      assert.ok(body.includes(`${intensityText} kg CO₂e/kg`), `the page shows the lot's intensity ${intensityText}`);
      assert.ok(body.includes('Gạo Việt xanh phát thải thấp'));
      assert.ok(body.includes(`GVX-PTT-E2E-${s}`));
      assert.ok(body.includes('Còn hiệu lực'));
      assert.ok(body.includes('VN-92-31258-02-26'));
      await e2e.shot(publicPage, `${journey.name}-08-public-page`, { fullPage: true });
      await publicPage.getByRole('link', { name: 'English' }).click();
      await publicPage.getByRole('heading', { name: 'Thới Lai milled rice', level: 1 }).waitFor();
      await e2e.shot(publicPage, `${journey.name}-09-public-page-en`);
      await consumer.close();
    } finally {
      await context.close();
    }
  });
}
