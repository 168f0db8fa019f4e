/**
 * QR codes (PNG, SVG, PDF sheet) and the public page they lead to: served without a login, right
 * intensity and label, no personal data anywhere in it, cached, and a suspension shown at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { CertificateListResponse, LotDetailResponse, LotPage } from '@dongxanh/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { DEMO_LABEL_NUMBER, DEMO_RICE_LOT } from '../../demo/traceability-demo.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let unitLink: string;
let riceId: string;

const get = (url: string, who?: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers, ...(who ? { cookie: cookies[who]! } : {}) });
const pathOf = (link: string) => new URL(link).pathname;

before(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  await seedDemo(t.database.db);
  cookies.mill = await t.loginAs('0901000007', DEMO_PASSWORD);
  cookies.verifier = await t.loginAs('0901000006', DEMO_PASSWORD);
  const rice = LotPage.parse(JSON.parse((await get(`/api/v1/lots?q=${DEMO_RICE_LOT}&kind=lot`, 'mill')).body)).items[0]!;
  riceId = rice.id;
  const units = LotPage.parse(JSON.parse((await get(`/api/v1/lots?parentLotId=${rice.id}&kind=unit&pageSize=50`, 'mill')).body));
  assert.equal(units.total, 24);
  unitLink = units.items.find((u) => u.code === 'U-0001')!.digitalLink!;
});
after(async () => {
  await t.close();
});

describe('QR codes', () => {
  it('encodes a unit\'s GS1 Digital Link: GTIN, lot and serial', () => {
    assert.match(unitLink, /^http:\/\/[^/]+\/p\/01\/08930000200051\/10\/CD-GAO-2603-01\/21\/U-0001$/);
  });
  it('is a PNG with its signature and square dimensions', async () => {
    const res = await get(`/api/v1/lots/${riceId}/qr.png`, 'mill');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    const png = res.rawPayload;
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.equal(png.readUInt32BE(16), 300);
    assert.equal(png.readUInt32BE(20), 300);
  });
  it('is an SVG that parses', async () => {
    const res = await get(`/api/v1/lots/${riceId}/qr.svg`, 'mill');
    assert.match(String(res.headers['content-type']), /image\/svg\+xml/);
    const svg = new DOMParser().parseFromString(res.body, 'image/svg+xml');
    assert.equal(svg.documentElement?.nodeName, 'svg');
    assert.ok(svg.getElementsByTagName('path').length >= 1);
  });
  it('prints a sheet of the lot and its 24 bags on 3 A4 pages', async () => {
    const res = await get(`/api/v1/qr-sheet.pdf?parentLotId=${riceId}`, 'mill');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    assert.ok(pdf.startsWith('%PDF-'));
    assert.equal(pdf.match(/\/Type \/Page\b(?!s)/g)?.length, 3);
  });
  it('refuses a lot outside the caller\'s scope', async () => {
    assert.equal((await get(`/api/v1/lots/${riceId}/qr.png`, 'verifier')).statusCode, 200); // province verifier sees Cần Thơ
    assert.equal((await get(`/api/v1/lots/${riceId}/qr.png`)).statusCode, 401);
  });
});

describe('the public page', () => {
  it('opens from the QR\'s URL without a login, with the product, origin, intensity and label', async () => {
    const res = await get(pathOf(unitLink));
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    const html = res.body;
    const detail = LotDetailResponse.parse(JSON.parse((await get(`/api/v1/lots/${riceId}`, 'mill')).body));
    const intensity = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(detail.lot.intensityKgCo2ePerKg);
    for (const text of ['Gạo Thới Lai Xanh túi 5 kg', 'CD-GAO-2603-01', 'U-0001', 'Thới Lai', 'VN-92-31258-02-26', 'Gạo Việt xanh phát thải thấp', DEMO_LABEL_NUMBER, 'Còn hiệu lực', `<b>${intensity}</b> kg CO₂e/kg`, 'Thu hoạch', 'Chế biến (xay xát)', 'Đóng gói', 'Tưới ngập khô xen kẽ (AWD)', '<svg']) {
      assert.ok(html.includes(text), `page shows ${text}`);
    }
    const en = (await get(`${pathOf(unitLink)}?lang=en`)).body;
    for (const text of ['Thới Lai Green rice, 5 kg bag', 'Carbon intensity', 'Valid', 'Journey of this product']) assert.ok(en.includes(text), `English page shows ${text}`);
  });

  it('never shows personal data: no household head, member, phone, address or user of the demo', async () => {
    const pages = [(await get(pathOf(unitLink))).body, (await get(`${pathOf(unitLink)}?lang=en`)).body];
    const lotPath = pathOf(LotPage.parse(JSON.parse((await get(`/api/v1/lots?q=${DEMO_RICE_LOT}&kind=lot`, 'mill')).body)).items[0]!.digitalLink!);
    pages.push((await get(lotPath)).body);
    const db = t.database.db;
    const personal = [
      ...(await db.selectFrom('households').select(['headName', 'phone', 'address']).execute()).flatMap((h) => [h.headName, h.phone, h.address]),
      ...(await db.selectFrom('householdMembers').select(['fullName', 'phone']).execute()).flatMap((m) => [m.fullName, m.phone]),
      ...(await db.selectFrom('users').select(['displayName', 'phone', 'email']).execute()).flatMap((u) => [u.displayName, u.phone, u.email]),
      ...(await db.selectFrom('plots').select(['code', 'name']).execute()).flatMap((p) => [p.code, p.name]),
    ].filter((v): v is string => !!v && v.length >= 4);
    assert.ok(personal.length > 100);
    for (const page of pages) for (const value of personal) assert.ok(!page.includes(value), `the public page leaks "${value}"`);
  });

  it('is cached and revalidated with an ETag', async () => {
    const first = await get(pathOf(unitLink));
    assert.equal(first.headers['cache-control'], 'public, no-cache');
    const etag = String(first.headers.etag);
    const again = await get(pathOf(unitLink), undefined, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.ok(t.services.publicPages.cachedPages > 0);
  });

  it('shows a suspension at once, with its reason', async () => {
    const certs = CertificateListResponse.parse(JSON.parse((await get(`/api/v1/label/certificates?lotId=${riceId}`, 'verifier')).body));
    const cert = certs.items.find((c) => c.number === DEMO_LABEL_NUMBER)!;
    const etag = String((await get(pathOf(unitLink))).headers.etag);
    const res = await t.request({ method: 'POST', url: `/api/v1/label/certificates/${cert.id}/status`, cookie: cookies.verifier, payload: { status: 'suspended', reason: 'Phát hiện đốt rơm tại một thửa nguồn khi kiểm tra lại' } });
    assert.equal(res.statusCode, 200, res.body);
    const after = await get(pathOf(unitLink), undefined, { 'if-none-match': etag });
    assert.equal(after.statusCode, 200);
    assert.ok(after.body.includes('Tạm đình chỉ'));
    assert.ok(after.body.includes('Phát hiện đốt rơm tại một thửa nguồn khi kiểm tra lại'));
    assert.ok(!after.body.includes('Còn hiệu lực'));
  });

  it('answers 404 with a page for a code that is not ours or not a Digital Link', async () => {
    const missing = await get('/p/01/08930000200051/10/KHONG-CO');
    assert.equal(missing.statusCode, 404);
    assert.ok(missing.body.includes('Không tìm thấy sản phẩm'));
    assert.equal((await get('/p/01/123')).statusCode, 404);
  });
});
