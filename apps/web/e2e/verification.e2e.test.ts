/**
 * Issue 5's journey in a real browser against the real server (e2e-server.ts: fresh database, Cần
 * Thơ demo, built web app): the cooperative submits a season of 20 plots → the commune officer
 * reviews → the verifier draws the field-check sample, reads each sampled plot's evidence, records
 * findings and verifies → the province issues the credits → the cooperative retires a batch → the
 * audit chain checks clean → a correction after verification opens a new revision.
 *
 * Each role signs in in its own browser context. Run once on a phone (390×844, touch; plots
 * CT-TL-001…020) and once on a desktop (CT-TL-021…040). Screenshots go to /tmp/e2e-shots/mrv/.
 * Build first: `npm run build -w @dongxanh/web`; then
 * `node --import tsx --test apps/web/e2e/verification.e2e.test.ts` (TEST_DATABASE_URL=… for PostgreSQL).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';

/** The demo's users (apps/server/src/demo/seed.ts). */
const USERS = { manager: '0901000003', commune: '0901000002', verifier: '0901000006', province: '0901000001' } as const;

const e2e = serverAndBrowser('mrv');

interface Journey {
  name: 'phone' | 'desktop';
  context: BrowserContextOptions;
  /** Filters typed into the plot picker, each followed by "choose the shown"; then plots to untick. */
  pick: string[];
  untick: string[];
}

const JOURNEYS: Journey[] = [
  { name: 'phone', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, pick: ['CT-TL-00', 'CT-TL-01', 'CT-TL-020'], untick: [] },
  { name: 'desktop', context: { viewport: { width: 1366, height: 900 } }, pick: ['CT-TL-02', 'CT-TL-03', 'CT-TL-040'], untick: ['CT-TL-020'] },
];

/** Each role in its own browser context, signed in. */
const signIn = (journey: Journey, login: string) => e2e.open(journey.context, login);

const shoot = (page: Page, journey: Journey, step: string, fullPage = false) => e2e.shot(page, `${journey.name}-${step}`, { fullPage });

for (const journey of JOURNEYS) {
  test(`a season of 20 plots goes from the cooperative to credits and a correction (${journey.name})`, { timeout: 300_000 }, async () => {
    // 1. The cooperative manager creates and sends the submission.
    const manager = await signIn(journey, USERS.manager);
    const m = manager.page;
    await m.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'MRV & thẩm định' }).click({ timeout: 2000 }).catch(async () => {
      // On a phone the navigation is behind the menu button.
      await m.getByRole('button', { name: /Menu/ }).click();
      await m.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'MRV & thẩm định' }).click();
    });
    await m.getByRole('heading', { level: 1, name: 'Hồ sơ MRV' }).waitFor();
    await shoot(m, journey, '01-submissions');
    await m.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await m.getByRole('heading', { level: 1, name: 'Lập hồ sơ MRV' }).waitFor();
    const title = `Đông Xuân 2025–2026 (${journey.name})`;
    await m.getByLabel('Tên hồ sơ').fill(title);
    for (const filter of journey.pick) {
      await m.getByLabel('Lọc theo mã hoặc tên thửa').fill(filter);
      await m.getByRole('button', { name: /^Chọn \d+ vụ đang hiện$/ }).click();
    }
    await m.getByLabel('Lọc theo mã hoặc tên thửa').fill('');
    for (const code of journey.untick) {
      // Held by the phone journey's submission it is shown without a checkbox; alone, it is ticked.
      const box = m.getByLabel(new RegExp(`^${code} ·`));
      if (await box.count()) await box.uncheck();
    }
    await m.getByRole('group', { name: 'Các vụ được chọn (20)' }).waitFor();
    await shoot(m, journey, '02-new-submission');
    await m.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
    await m.getByRole('heading', { level: 1, name: title }).waitFor();
    const submissionUrl = m.url();
    await m.getByRole('button', { name: 'Gửi rà soát' }).click();
    await m.getByRole('status').filter({ hasText: 'Đã gửi hồ sơ để rà soát.' }).waitFor();
    await m.getByText('Đã gửi', { exact: true }).first().waitFor();
    const rows = m.getByRole('table').filter({ has: m.getByRole('columnheader', { name: 'Giảm ròng (t CO₂e)' }) }).getByRole('row');
    assert.equal(await rows.count(), 21, 'a header row and 20 plot-seasons');
    await shoot(m, journey, '03-submitted');

    // 2. The commune officer reviews.
    const commune = await signIn(journey, USERS.commune);
    await commune.page.goto(submissionUrl);
    await commune.page.getByRole('button', { name: 'Xác nhận đã rà soát' }).click();
    await commune.page.getByRole('status').filter({ hasText: 'Đã xác nhận rà soát' }).waitFor();
    await shoot(commune.page, journey, '04-reviewed');
    await commune.close();

    // 3. The verifier samples, reads the evidence of each sampled plot, records findings and verifies.
    const verifier = await signIn(journey, USERS.verifier);
    const v = verifier.page;
    await v.goto(submissionUrl);
    await v.getByRole('button', { name: 'Thẩm định đạt' }).waitFor({ state: 'detached', timeout: 1000 }).catch(() => undefined);
    await v.getByRole('button', { name: 'Chọn mẫu kiểm tra thực địa' }).click();
    await v.getByRole('heading', { name: 'Mẫu kiểm tra thực địa' }).waitFor();
    await v.getByText(/^5 trên 20 thửa, hạt giống \d+\./).waitFor();
    await shoot(v, journey, '05-sampled');
    const evidenceLinks = v.getByRole('link', { name: /^Hồ sơ chứng cứ thửa / });
    assert.equal(await evidenceLinks.count(), 5);
    const plots = (await evidenceLinks.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''))).map((l) => l.replace('Hồ sơ chứng cứ thửa ', ''));
    for (const [i, plot] of plots.entries()) {
      await v.getByRole('link', { name: `Hồ sơ chứng cứ thửa ${plot}` }).click();
      await v.getByRole('heading', { level: 1, name: `Chứng cứ thửa ${plot}` }).waitFor();
      await v.getByRole('heading', { name: /^Nhật ký \(\d+ bản ghi\)$/ }).waitFor();
      if (i === 0) await shoot(v, journey, '06-evidence');
      await v.getByLabel('Kết luận').selectOption({ label: 'Phù hợp' });
      await v.getByLabel('Ghi chú kiểm tra').fill('Ống đo mực nước có tại ruộng, số đọc khớp nhật ký; rơm rạ đúng như ghi chép.');
      await v.getByRole('button', { name: 'Lưu kết quả' }).click();
      await v.getByRole('status').filter({ hasText: 'Đã lưu kết quả kiểm tra.' }).waitFor();
      if (i === 0) await shoot(v, journey, '07-finding');
      await v.getByRole('link', { name: `← ${title}` }).click();
      await v.getByRole('heading', { level: 1, name: title }).waitFor();
    }
    await v.getByText('Đã ghi kết quả 5/5 thửa mẫu.').waitFor();
    await v.getByRole('button', { name: 'Thẩm định đạt' }).click();
    await v.getByRole('status').filter({ hasText: 'Đã thẩm định; dữ liệu các vụ đã được khóa.' }).waitFor();
    await shoot(v, journey, '08-verified');
    // Anyone may recompute a pinned run from its stored input and see that it gives the same numbers.
    await v.getByRole('link', { name: plots[0]!, exact: true }).click();
    await v.getByRole('heading', { level: 1, name: `Kết quả tính phát thải – thửa ${plots[0]}` }).waitFor();
    await v.getByRole('button', { name: 'Tính lại từ dữ liệu đã lưu' }).click();
    await v.getByRole('status').filter({ hasText: /^Tính lại cho kết quả giống hệt: [\d,]+ t CO₂e\.$/ }).waitFor();
    await shoot(v, journey, '08b-recomputed');
    assert.deepEqual(verifier.errors, []);
    await verifier.close();

    // 4. The province issues the credits.
    const province = await signIn(journey, USERS.province);
    const p = province.page;
    // A recalculation of the commune runs in the background with its progress shown; pinned runs stay.
    await p.goto(`${e2e.url}/mrv/recalculations`);
    await p.getByLabel('Mã tỉnh (2 số) hoặc mã xã (5 số)').fill('31258');
    await p.getByRole('button', { name: 'Bắt đầu tính lại' }).click();
    await p.getByRole('status').filter({ hasText: /^Hoàn tất · 60\/60 vụ/ }).waitFor();
    await shoot(p, journey, '09a-recalculated');
    await p.goto(submissionUrl);
    await p.getByRole('button', { name: 'Cấp tín chỉ' }).click();
    const issued = p.getByRole('status').filter({ hasText: /^Đã cấp \d+ tín chỉ: VN-DX-CTTL01-2026-/ });
    await issued.waitFor();
    const issuedText = await issued.innerText();
    const quantity = Number(/Đã cấp ([\d.]+) tín chỉ/.exec(issuedText)![1]!.replace(/\./g, ''));
    assert.ok(quantity > 0);
    await shoot(p, journey, '09-issued');
    await province.close();

    // 5. The cooperative retires a batch of three credits for the rice mill.
    await m.goto(`${e2e.url}/mrv/credits`);
    await m.getByRole('heading', { level: 1, name: 'Tín chỉ carbon' }).waitFor();
    await m.getByLabel('Số tín chỉ (năm 2026)').fill('3');
    await m.getByLabel('Bên hưởng').fill('Công ty TNHH Xay xát Gạo Cờ Đỏ');
    await m.getByLabel('Lý do', { exact: true }).fill('Bù trừ phát thải lô gạo xuất khẩu');
    await m.getByRole('button', { name: 'Hủy tín chỉ' }).click();
    await m.getByRole('status').filter({ hasText: /^Đã hủy: VN-DX-CTTL01-2026-/ }).waitFor();
    await shoot(m, journey, '10-retired');
    await m.getByRole('heading', { name: 'Giao dịch' }).scrollIntoViewIfNeeded();
    await shoot(m, journey, '11-movements');

    // 6. The audit chain checks clean.
    await m.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
    await m.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    await m.getByRole('status').filter({ hasText: 'Chuỗi nguyên vẹn.' }).waitFor();
    await shoot(m, journey, '12-audit');

    // 7. A correction after verification opens a new revision; the verified one stays readable.
    await m.goto(submissionUrl);
    await m.getByText('Dữ liệu đã thẩm định được khóa', { exact: false }).waitFor();
    await m.getByLabel('Lý do sửa đổi dữ liệu đã thẩm định').fill('Bổ sung hao hụt sau thu hoạch của một thửa');
    await m.getByRole('button', { name: 'Mở lần sửa đổi' }).click();
    await m.getByRole('status').filter({ hasText: 'Đã mở lần sửa đổi mới' }).waitFor();
    await m.getByText('Lần 2', { exact: false }).first().waitFor();
    assert.notEqual(m.url(), submissionUrl);
    await shoot(m, journey, '13-correction');
    await m.goto(submissionUrl);
    await m.getByText('Bản này đã được sửa đổi bằng một lần mới', { exact: false }).waitFor();
    await m.getByText('Đã thẩm định', { exact: true }).first().waitFor();
    await shoot(m, journey, '14-verified-kept');
    assert.deepEqual(manager.errors, []);
    await manager.close();
  });
}
