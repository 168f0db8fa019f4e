/**
 * Plan authors at work in a real browser on the real server (fresh database, Cần Thơ demo, built
 * web app):
 * - Cần Thơ's province officer creates a plan (a wrong deadline and code are refused next to their
 *   fields in Vietnamese, and nothing is saved), edits its deadline, adds a manual indicator with a
 *   baseline, sets its targets year by year, enters this year's value and sees the evaluation;
 * - on the programme page the officer adds a task (a yearly task without a due date is refused
 *   first) and records a land consolidation by picking a plot of Thới Lai, whose registered area
 *   becomes the record's area;
 * - on the seeded Cần Thơ plan, the long explanations of the indicator table stay inside the table;
 * - the admin uploads Thới Lai's boundary as a GeoJSON file: a point and a file that is not JSON are
 *   refused with the reason, the right file is previewed, saved, shown on the units page and drawn
 *   on the dashboard map as an official (not illustrative) boundary.
 * Then the pages at phone size. Screenshots go to /tmp/e2e-shots/plans-admin/.
 * Build first: `npm run build -w @dongxanh/web`.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { serverAndBrowser } from './browser.ts';

const CAN_THO_OFFICER = '0901000001';
const ADMIN = 'admin@dongxanh.vn';
const THOI_LAI = '31258';
/** The year the pages default to: Vietnam's (UTC+7), as the app computes it. */
const YEAR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** The plan the first journey creates, for the phone pages. */
let createdPlanId = '';

const e2e = serverAndBrowser('plans-admin');

/** Each person in their own browser context, signed in. */
const open = (context: BrowserContextOptions, login: string) => e2e.open(context, login);

const shot = (page: Page, name: string, fullPage = false) => e2e.shot(page, name, { fullPage });

/** A JSON read through the browser's session, as the page itself would. */
const api = <T,>(page: Page, path: string) => page.evaluate(async (p) => {
  const res = await fetch(`/api/v1${p}`);
  return { status: res.status, body: await res.json() };
}, path) as Promise<{ status: number; body: T }>;

/** The error shown under the field with this label (empty when none). */
async function errorOf(page: Page, label: string) {
  const field = page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });
  const error = field.locator('.field__error');
  return (await error.count()) ? (await error.innerText()).trim() : '';
}

const indicatorRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

interface PlanBody {
  id: string; code: string; decisionNumber: string | null; provinceCode: string; communeCode: string | null; periodStartYear: number; periodEndYear: number; reportDueDay: number; reportDueMonth: number;
  indicators: Array<{ code: string; computation: string; unit: string; baselineValue: number | null; baselineYear: number | null; targets: Array<{ year: number; value: number; comparator: string }>; progress: Array<{ actual: number | null; actualKind: string | null; status: string; progressPct: number | null; target: { value: number; kind: string } | null }> }>;
}

test('a province officer creates a plan, its indicator, targets, value and a task (desktop)', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await open(DESKTOP, CAN_THO_OFFICER);
  await page.goto(`${e2e.url}/plans`);
  await page.getByRole('heading', { level: 1, name: 'Kế hoạch và chỉ tiêu' }).waitFor();
  const plansBefore = (await api<{ items: unknown[] }>(page, '/plans')).body.items.length;

  // ---------------------------------------------------------------- a wrong plan is refused field by field
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  const form = page.getByRole('form', { name: 'Kế hoạch mới' });
  await form.waitFor();
  await form.getByLabel('Mã', { exact: true }).fill('KH 2027');
  await form.getByLabel('Tên (tiếng Việt)').fill('Kế hoạch nhân rộng tổ hợp tác giảm phát thải');
  await form.getByLabel('Tên (tiếng Anh)').fill('Scaling up low-emission cooperative groups');
  await form.getByLabel('Cơ quan ban hành').fill('UBND thành phố Cần Thơ');
  await form.getByLabel('Số văn bản').fill('45/KH-UBND');
  await form.getByLabel('Ngày ban hành').fill('05/12/2026');
  await form.getByLabel('Năm bắt đầu').fill(String(YEAR));
  await form.getByLabel('Năm kết thúc').fill(String(YEAR + 4));
  await form.getByLabel('Ngày', { exact: true }).fill('29');
  await form.getByLabel('Tháng', { exact: true }).selectOption('2');
  await form.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  assert.equal(await errorOf(page, 'Ngày'), 'Ngày hạn báo cáo phải có trong tháng đã chọn ở mọi năm (không dùng 29/02).');
  assert.match(await errorOf(page, 'Mã'), /^Mã chỉ gồm chữ thường không dấu/);
  assert.equal(await form.getByLabel('Ngày', { exact: true }).getAttribute('aria-invalid'), 'true');
  await shot(page, 'desktop-01-create-plan-refused', true);
  assert.equal((await api<{ items: unknown[] }>(page, '/plans')).body.items.length, plansBefore, 'nothing was saved');

  // ---------------------------------------------------------------- corrected, the plan is created and opened
  await form.getByLabel('Mã', { exact: true }).fill('ct-tht-2026');
  await form.getByLabel('Ngày', { exact: true }).fill('15');
  await form.getByLabel('Tháng', { exact: true }).selectOption('1');
  await form.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kế hoạch nhân rộng tổ hợp tác giảm phát thải' }).waitFor();
  createdPlanId = page.url().split('/plans/')[1]!.split('?')[0]!;
  const created = (await api<PlanBody>(page, `/plans/${createdPlanId}`)).body;
  assert.equal(created.code, 'ct-tht-2026');
  assert.equal(created.decisionNumber, '45/KH-UBND ngày 05/12/2026');
  assert.deepEqual([created.provinceCode, created.communeCode, created.periodStartYear, created.periodEndYear, created.reportDueDay, created.reportDueMonth], ['92', null, YEAR, YEAR + 4, 15, 1]);
  await page.getByText('Kế hoạch chưa có chỉ tiêu. Bấm “Thêm chỉ tiêu” để thêm.').waitFor();

  // ---------------------------------------------------------------- the header is edited
  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  const edit = page.getByRole('form', { name: 'Sửa thông tin kế hoạch' });
  assert.equal(await edit.getByLabel('Số văn bản').inputValue(), '45/KH-UBND');
  assert.equal(await edit.getByLabel('Ngày ban hành').inputValue(), '05/12/2026');
  await edit.getByLabel('Ngày', { exact: true }).fill('20');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Trước ngày 20/01 hằng năm').waitFor();
  assert.equal((await api<PlanBody>(page, `/plans/${createdPlanId}`)).body.reportDueDay, 20);

  // ---------------------------------------------------------------- a manual indicator with its baseline
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const ind = page.getByRole('form', { name: 'Chỉ tiêu mới' });
  await ind.getByLabel('Mã', { exact: true }).fill('ii-2-to-hop-tac');
  await ind.getByLabel('Mục trong văn bản (không bắt buộc)').fill('II.2');
  await ind.getByLabel('Tên (tiếng Việt)').fill('Tỷ lệ nông hộ tham gia tổ hợp tác');
  await ind.getByLabel('Tên (tiếng Anh)').fill('Share of households in cooperative groups');
  assert.equal(await ind.getByLabel('Cách tính').inputValue(), 'entered');
  await ind.getByLabel('Đơn vị tính').fill('%');
  await ind.getByLabel('Trích dẫn văn bản').fill('Kế hoạch 45/KH-UBND, mục II.2');
  await ind.getByLabel('Giá trị cơ sở (%)').fill('20');
  await ind.getByLabel('Năm cơ sở').fill('2025');
  await ind.getByLabel('Nguồn của giá trị cơ sở').fill('Điều tra nông hộ năm 2025');
  await shot(page, 'desktop-02-add-indicator', true);
  await ind.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  const row = indicatorRow(page, 'Tỷ lệ nông hộ tham gia tổ hợp tác');
  await row.waitFor();
  assert.match(await row.innerText(), /Chưa có chỉ tiêu/);

  // ---------------------------------------------------------------- targets year by year
  await row.getByRole('button', { name: 'Sửa chỉ tiêu: Tỷ lệ nông hộ tham gia tổ hợp tác' }).click();
  const targets = page.getByRole('form', { name: 'Chỉ tiêu theo năm: Tỷ lệ nông hộ tham gia tổ hợp tác' });
  await targets.getByLabel(`Chỉ tiêu năm ${YEAR}`, { exact: true }).fill('30');
  await targets.getByLabel(`Chỉ tiêu năm ${YEAR + 4}`, { exact: true }).fill('60');
  await targets.getByLabel(`Nguyên văn chỉ tiêu năm ${YEAR + 4}`).fill('ít nhất 60 % số hộ');
  await targets.getByLabel('Nguồn của chỉ tiêu').fill('Kế hoạch 45/KH-UBND, mục II.2');
  await shot(page, 'desktop-03-targets', true);
  await targets.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await row.getByText('≥ 30,0 %').waitFor();

  // ---------------------------------------------------------------- this year's value, and the evaluation
  await row.getByRole('button', { name: 'Nhập số liệu' }).click();
  await page.getByLabel('Giá trị (%)').fill('35,5');
  await page.getByLabel('Nguồn số liệu').fill('Báo cáo của 12 HTX, tháng 11/2026');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await row.getByText('35,5 %').waitFor();
  assert.match(await row.innerText(), /Đạt/);
  const evaluated = (await api<PlanBody>(page, `/plans/${createdPlanId}?year=${YEAR}`)).body.indicators[0]!;
  assert.equal(evaluated.computation, 'entered');
  assert.deepEqual([evaluated.baselineValue, evaluated.baselineYear], [20, 2025]);
  assert.deepEqual(evaluated.targets.map((x) => [x.year, x.comparator, x.value]), [[YEAR, 'gte', 30], [YEAR + 4, 'gte', 60]]);
  const progress = evaluated.progress[0]!;
  assert.deepEqual([progress.actual, progress.actualKind, progress.status, progress.target?.value, progress.target?.kind], [35.5, 'entered', 'met', 30, 'explicit']);
  // From the baseline 20 to the target 30, 35,5 is 155 % of the way.
  assert.equal(Math.round(progress.progressPct!), 155);
  assert.match(await row.innerText(), /155 %/);
  await shot(page, 'desktop-04-plan-evaluated', true);

  // ---------------------------------------------------------------- a task: refused without its date, then added
  await page.getByRole('link', { name: /Nhiệm vụ, tập huấn, tích tụ đất/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Chương trình, nhiệm vụ' }).waitFor();
  await page.getByText('Kế hoạch chưa có nhiệm vụ.').waitFor();
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const task = page.getByRole('form', { name: 'Nhiệm vụ mới' });
  await task.getByLabel('Số thứ tự, mã nhiệm vụ').fill('1.1');
  await task.getByLabel('Giai đoạn', { exact: true }).selectOption('__new__');
  await task.getByLabel('Mã giai đoạn').fill('1');
  await task.getByLabel('Tên giai đoạn').fill(`Giai đoạn 1 (${YEAR} - ${YEAR + 4})`);
  await task.getByLabel('Nội dung nhiệm vụ').fill('Tập huấn quy trình canh tác giảm phát thải cho các tổ hợp tác');
  await task.getByLabel('Cơ quan chủ trì').fill('Sở Nông nghiệp và Môi trường');
  await task.getByLabel('Cơ quan phối hợp').fill('UBND các xã, phường');
  await task.getByLabel('Kết quả dự kiến').fill('Mỗi tổ hợp tác có ít nhất 2 người được tập huấn');
  await task.getByLabel('Thời gian hoàn thành').fill('Hằng năm');
  await task.getByLabel('Lặp lại hằng năm vào ngày đến hạn').check();
  await task.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
  assert.equal(await errorOf(page, 'Ngày đến hạn (không bắt buộc)'), 'Nhiệm vụ hằng năm cần ngày đến hạn.');
  await shot(page, 'desktop-05-task-refused');
  assert.equal((await api<{ items: unknown[] }>(page, `/plans/${createdPlanId}/tasks`)).body.items.length, 0, 'nothing was saved');
  await task.getByLabel('Ngày đến hạn (không bắt buộc)').fill('10/12/2027');
  await task.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
  const taskRow = page.getByRole('row').filter({ hasText: 'Tập huấn quy trình canh tác giảm phát thải cho các tổ hợp tác' });
  await taskRow.waitFor();
  assert.match(await taskRow.innerText(), /Sở Nông nghiệp và Môi trường/);
  assert.match(await taskRow.innerText(), new RegExp(`hạn 10/12/${YEAR} · hằng năm`));
  const tasks = (await api<{ items: Array<{ code: string; groupTitle: string; leadAgency: string; partnerAgencies: string; dueOn: string; recurrence: string; deadlineText: string }> }>(page, `/plans/${createdPlanId}/tasks`)).body.items;
  assert.deepEqual(tasks.map((x) => [x.code, x.groupTitle, x.leadAgency, x.partnerAgencies, x.deadlineText, x.dueOn, x.recurrence]), [['1.1', `Giai đoạn 1 (${YEAR} - ${YEAR + 4})`, 'Sở Nông nghiệp và Môi trường', 'UBND các xã, phường', 'Hằng năm', '2027-12-10', 'yearly']]);
  await shot(page, 'desktop-06-task-added', true);

  // ---------------------------------------------------------------- land consolidation with a plot picked by its code
  const plot = (await api<{ items: Array<{ id: string; code: string; areaHa: number }> }>(page, `/plots?communeCode=${THOI_LAI}&q=CT-TL-010`)).body.items.find((p) => p.code === 'CT-TL-010')!;
  await page.getByText('Ghi nhận hồ sơ tích tụ đất').click();
  await page.getByLabel('Mã xã (5 chữ số)').fill(THOI_LAI);
  await page.getByLabel('Bên giao').fill('Hộ ông Nguyễn Văn Bảy');
  await page.getByLabel('Bên nhận').fill('HTX Nông nghiệp Thới Lai');
  await page.getByLabel('Tìm thửa trong xã theo mã, tên thửa hoặc chủ hộ').fill('CT-TL-010');
  await page.getByRole('button', { name: 'Chọn thửa CT-TL-010', exact: true }).click();
  await page.getByRole('list', { name: 'Thửa đã chọn' }).getByText('CT-TL-010').waitFor();
  await page.getByText('Các thửa tìm thấy đều đã được chọn.').waitFor();
  assert.equal(await page.getByText(`Đã chọn 1 thửa, tổng ${plot.areaHa.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ha.`).count(), 1);
  await page.getByLabel('Ngày thoả thuận').fill('01/10/2026');
  await page.getByLabel('Thời hạn thuê (năm)').fill('5');
  await shot(page, 'desktop-07-land-plot-picked', true);
  await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  const landRow = page.getByRole('row').filter({ hasText: 'HTX Nông nghiệp Thới Lai' });
  await landRow.getByRole('link', { name: 'CT-TL-010' }).waitFor();
  const land = (await api<{ items: Array<{ toParty: string; areaHa: number; plots: Array<{ code: string }> }> }>(page, '/land-consolidations?provinceCode=92')).body.items.find((r) => r.toParty === 'HTX Nông nghiệp Thới Lai')!;
  assert.deepEqual(land.plots.map((p) => p.code), ['CT-TL-010']);
  assert.ok(Math.abs(land.areaHa - plot.areaHa) < 1e-6, `the plot's registered area ${plot.areaHa} ha is the record's area (${land.areaHa})`);

  // ---------------------------------------------------------------- the seeded plan's long explanations stay inside the table
  await page.goto(`${e2e.url}/plans`);
  await page.getByRole('link', { name: /một triệu héc-ta chuyên canh lúa/ }).click();
  const nRow = indicatorRow(page, 'Giảm lượng phân bón hoá học');
  const explanation = nRow.getByText(/Cần giá trị cơ sở/);
  await explanation.waitFor();
  const table = page.locator('.indicator-table');
  const [tableBox, textBox] = [(await table.boundingBox())!, (await explanation.boundingBox())!];
  assert.ok(textBox.x + textBox.width <= tableBox.x + tableBox.width + 1, `the explanation ends at ${textBox.x + textBox.width}, the table at ${tableBox.x + tableBox.width}`);
  const overflow = await page.locator('.indicator-table').evaluate((el) => [...el.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).length);
  assert.equal(overflow, 0, 'no cell of the indicator table overflows');
  await nRow.scrollIntoViewIfNeeded();
  await shot(page, 'desktop-08-can-tho-plan-wrapped');
  assert.deepEqual(errors, []);
  await close();
});

test('the admin uploads a commune boundary from a GeoJSON file (desktop)', { timeout: 240_000 }, async () => {
  const { page, errors, close } = await open(DESKTOP, ADMIN);
  const layer = async () => (await api<{ features: Array<{ properties: { code: string; hasBoundary: boolean; illustrative: boolean; boundarySource: string | null; bbox: number[] | null } }> }>(page, `/dashboards/units.geojson?provinceCode=92&year=${YEAR}`)).body.features.find((f) => f.properties.code === THOI_LAI)!.properties;
  const before = await layer();
  assert.deepEqual([before.hasBoundary, before.illustrative], [true, true], 'the demo draws an illustrative boundary');

  // A rectangle around Thới Lai's plots, a little larger than them.
  const [w, s, e, n] = before.bbox!;
  const pad = 0.005;
  const ring = [[w! - pad, s! - pad], [e! + pad, s! - pad], [e! + pad, n! + pad], [w! - pad, n! + pad], [w! - pad, s! - pad]];
  const good = join(e2e.shots, 'thoi-lai.geojson');
  writeFileSync(good, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten_xa: 'Xã Thới Lai' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
  const point = join(e2e.shots, 'point.geojson');
  writeFileSync(point, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.56, 10.06] } }));
  const notJson = join(e2e.shots, 'not-json.geojson');
  writeFileSync(notJson, 'Ranh giới xã Thới Lai (bản vẽ CAD)');

  await page.goto(`${e2e.url}/admin-units?province=92`);
  await page.getByLabel('Tìm xã/phường theo tên hoặc mã').fill('Thới Lai');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Xã Thới Lai' }) });
  await row.getByText('Ranh giới minh hoạ').waitFor();
  await row.getByRole('button', { name: 'Tải ranh giới của Xã Thới Lai' }).click();
  const upload = page.getByRole('form', { name: 'Tải ranh giới: Xã Thới Lai (31258)' });
  await upload.waitFor();

  // ---------------------------------------------------------------- wrong files are refused, nothing is sent
  await upload.getByLabel('Tệp GeoJSON').setInputFiles(point);
  await upload.getByText('Ranh giới phải là vùng (Polygon hoặc MultiPolygon); tệp chứa Point.').waitFor();
  await upload.getByLabel('Nguồn ranh giới').fill('Sở NN&MT Cần Thơ, bản đồ địa giới 2025');
  await upload.getByRole('button', { name: 'Lưu ranh giới' }).click();
  await upload.getByText('Ranh giới phải là vùng (Polygon hoặc MultiPolygon); tệp chứa Point.').waitFor();
  await upload.getByLabel('Tệp GeoJSON').setInputFiles(notJson);
  await upload.getByText('Tệp không phải JSON (GeoJSON) hợp lệ.').waitFor();
  await shot(page, 'desktop-09-boundary-refused');
  assert.deepEqual([(await layer()).illustrative], [true], 'nothing was saved');

  // ---------------------------------------------------------------- the right file, previewed and saved
  await upload.getByLabel('Tệp GeoJSON').setInputFiles(good);
  const preview = upload.getByRole('region', { name: 'Xem trước' });
  await preview.waitFor();
  assert.match(await preview.innerText(), /Xã Thới Lai/);
  const previewHa = Number((await preview.getByText(/^[\d.]+,\d ha$/).innerText()).replace(' ha', '').replace(/\./g, '').replace(',', '.'));
  assert.ok(previewHa > 10, `a preview area (${previewHa} ha)`);
  await shot(page, 'desktop-10-boundary-preview');
  await upload.getByRole('button', { name: 'Lưu ranh giới' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Đã lưu ranh giới của Xã Thới Lai' });
  await saved.waitFor();
  const savedHa = Number(/: ([\d.]+,\d) ha/.exec(await saved.innerText())![1]!.replace(/\./g, '').replace(',', '.'));
  assert.ok(Math.abs(savedHa - previewHa) / savedHa < 0.01, `the server's area ${savedHa} ha is within 1 % of the preview ${previewHa} ha`);
  await row.getByText(`Có ranh giới · ${savedHa.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ha`).waitFor();
  const after = await layer();
  assert.deepEqual([after.hasBoundary, after.illustrative, after.boundarySource], [true, false, 'Sở NN&MT Cần Thơ, bản đồ địa giới 2025']);
  await shot(page, 'desktop-11-boundary-saved');

  // ---------------------------------------------------------------- the dashboard map draws it, no longer dashed
  await saved.getByRole('link', { name: 'Xem trên bản đồ bảng điều khiển' }).click();
  const map = page.getByRole('region', { name: 'Bản đồ tương tác các xã' });
  await map.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByText(/Đường nét đứt: Ranh giới minh hoạ/).count(), 0, 'no illustrative boundary is left on the map');
  await map.scrollIntoViewIfNeeded();
  await shot(page, 'desktop-12-dashboard-map');
  assert.deepEqual(errors, []);
  await close();
});

test('the forms on a phone', { timeout: 180_000 }, async () => {
  assert.ok(createdPlanId, 'the desktop journey created a plan');
  const { page, errors, close } = await open(PHONE, CAN_THO_OFFICER);
  await page.goto(`${e2e.url}/plans`);
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.getByRole('form', { name: 'Kế hoạch mới' }).getByRole('button', { name: 'Tạo kế hoạch' }).click();
  assert.equal(await errorOf(page, 'Cơ quan ban hành'), 'Vui lòng điền mục này.');
  await shot(page, 'phone-01-create-plan', true);
  await page.goto(`${e2e.url}/plans/${createdPlanId}`);
  const row = indicatorRow(page, 'Tỷ lệ nông hộ tham gia tổ hợp tác');
  await row.getByText('35,5 %').waitFor();
  await row.getByRole('button', { name: /^Sửa chỉ tiêu:/ }).click();
  await page.getByRole('form', { name: /Chỉ tiêu theo năm/ }).scrollIntoViewIfNeeded();
  await shot(page, 'phone-02-targets', true);
  await page.goto(`${e2e.url}/programme?plan=${createdPlanId}`);
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  await page.getByRole('form', { name: 'Nhiệm vụ mới' }).waitFor();
  await shot(page, 'phone-03-task-form', true);
  await page.goto(`${e2e.url}/plans`);
  await page.getByRole('link', { name: /một triệu héc-ta chuyên canh lúa/ }).click();
  const nRow = indicatorRow(page, 'Giảm lượng phân bón hoá học');
  await nRow.getByText(/Cần giá trị cơ sở/).waitFor();
  await nRow.scrollIntoViewIfNeeded();
  await shot(page, 'phone-04-can-tho-row');
  assert.deepEqual(errors, []);
  await close();

  const admin = await open(PHONE, ADMIN);
  await admin.page.goto(`${e2e.url}/admin-units?province=92&q=${encodeURIComponent('Thới Lai')}`);
  await admin.page.getByRole('button', { name: 'Tải ranh giới của Xã Thới Lai' }).click();
  await admin.page.getByLabel('Tệp GeoJSON').setInputFiles(join(e2e.shots, 'thoi-lai.geojson'));
  await admin.page.getByRole('region', { name: 'Xem trước' }).waitFor();
  await admin.page.getByRole('region', { name: 'Xem trước' }).scrollIntoViewIfNeeded();
  await shot(admin.page, 'phone-05-boundary-preview');
  assert.deepEqual(admin.errors, []);
  await admin.close();
});
