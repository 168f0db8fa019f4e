/**
 * The public page a consumer reaches by scanning a lot's or a unit's QR code: GET /p/<digital link
 * path>, no login, server-rendered HTML (no script, one inline stylesheet, an inline SVG map), in
 * Vietnamese with an English switch (?lang=en).
 *
 * What it shows and what it never shows (Decree 13/2023/NĐ-CP on personal data; product.md
 * capability 13): product, origin as province, commune and growing-area codes, a map of the AREA
 * (the convex hull of the source plots, buffered by 50 m and simplified, so no single household's
 * field can be read off it), practices as shares of the harvested mass, carbon intensity against the
 * conventional baseline, certificates with validity and status, and the chain of steps with dates and
 * the organisations (businesses) that made them. Never: household heads or members, phone numbers,
 * user accounts, addresses, plot codes or plot boundaries.
 *
 * Caching: the rendered page is kept in process per (path, language) and dropped whenever lots,
 * events or certificates change (the services call `invalidate`), so a suspension shows at once;
 * HTTP caches revalidate with the ETag every time (Cache-Control: no-cache) for the same reason.
 */
import { createHash } from 'node:crypto';
import { parseDigitalLink, valueOf } from '@dongxanh/gs1';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { StoredSeasonPractices } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { intensityOf } from './allocation.ts';
import { REDUCED_N_REFERENCE_KG_PER_HA, reducedFertiliser } from './practices.ts';
import { chainOf } from './traceability.service.ts';

type Lang = 'vi' | 'en';

export interface PublicPageData {
  productName: string;
  productKind: string;
  gtin: string;
  lotNumber: string;
  serial: string | null;
  producedOn: string;
  massKg: number;
  owner: string;
  provinces: string[];
  communes: string[];
  growingAreaCodes: string[];
  seasons: string[];
  varieties: string[];
  plotCount: number;
  areaHa: number;
  mapSvg: string | null;
  practices: { awdPct: number; noBurningPct: number; reducedNPct: number; nKgPerHa: number | null };
  intensity: number;
  baselineIntensity: number;
  verifiedPct: number;
  certificates: Array<{ kind: string; name: string; nameEn: string; number: string; issuer: string; validFrom: string; validTo: string; status: string; statusReason: string | null; valid: boolean }>;
  steps: Array<{ operation: string; date: string; organisation: string | null; kg: number | null }>;
}

const T = {
  vi: {
    title: 'Truy xuất nguồn gốc', product: 'Sản phẩm', lot: 'Lô', serial: 'Số sê-ri', produced: 'Ngày sản xuất', quantity: 'Khối lượng', owner: 'Đơn vị',
    origin: 'Nguồn gốc', province: 'Tỉnh/thành', commune: 'Xã/phường', areaCode: 'Mã số vùng trồng', season: 'Vụ', variety: 'Giống', plots: 'thửa ruộng', area: 'Diện tích',
    practices: 'Thực hành canh tác', awd: 'Tưới ngập khô xen kẽ (AWD)', noBurn: 'Không đốt rơm rạ', reducedN: `Giảm phân đạm (≤ ${REDUCED_N_REFERENCE_KG_PER_HA} kg N/ha)`,
    ofHarvest: 'sản lượng', carbon: 'Cường độ phát thải', perKg: 'kg CO₂e/kg', baseline: 'Canh tác thông thường', reduction: 'Giảm', verified: 'đã được thẩm định',
    certificates: 'Chứng nhận', validUntil: 'hiệu lực đến', active: 'Còn hiệu lực', suspended: 'Tạm đình chỉ', revoked: 'Đã thu hồi', expired: 'Hết hạn', none: 'Chưa có chứng nhận',
    chain: 'Hành trình sản phẩm', notFound: 'Không tìm thấy sản phẩm', notFoundText: 'Mã này không tương ứng với lô hàng nào trên Đồng Xanh.', switchLang: 'English', reason: 'Lý do',
    map: 'Bản đồ vùng trồng (vùng bao các thửa, không hiển thị từng thửa)', privacy: 'Trang này không hiển thị thông tin cá nhân của nông hộ (Nghị định 13/2023/NĐ-CP).',
    kinds: { low_emission: 'Nhãn Phát thải thấp', vietgap: 'VietGAP', organic: 'Hữu cơ' } as Record<string, string>,
    ops: { harvest: 'Thu hoạch', aggregation: 'Gom lô tại HTX', transformation: 'Chế biến (xay xát)', split: 'Chia lô', packing: 'Đóng gói', palletising: 'Xếp pallet', shipping: 'Xuất hàng', receiving: 'Nhận hàng' } as Record<string, string>,
    productKinds: { paddy: 'Lúa', milled_rice: 'Gạo trắng', broken_rice: 'Tấm', bran: 'Cám', husk: 'Trấu', other: 'Khác' } as Record<string, string>,
  },
  en: {
    title: 'Product origin', product: 'Product', lot: 'Lot', serial: 'Serial', produced: 'Produced', quantity: 'Quantity', owner: 'Company',
    origin: 'Origin', province: 'Province', commune: 'Commune', areaCode: 'Growing-area code', season: 'Season', variety: 'Variety', plots: 'plots', area: 'Area',
    practices: 'Farming practices', awd: 'Alternate wetting and drying (AWD)', noBurn: 'Straw not burnt', reducedN: `Reduced nitrogen (≤ ${REDUCED_N_REFERENCE_KG_PER_HA} kg N/ha)`,
    ofHarvest: 'of the harvest', carbon: 'Carbon intensity', perKg: 'kg CO₂e/kg', baseline: 'Conventional farming', reduction: 'Reduction', verified: 'verified',
    certificates: 'Certificates', validUntil: 'valid until', active: 'Valid', suspended: 'Suspended', revoked: 'Revoked', expired: 'Expired', none: 'No certificate yet',
    chain: 'Journey of this product', notFound: 'Product not found', notFoundText: 'This code does not match any lot on Đồng Xanh.', switchLang: 'Tiếng Việt', reason: 'Reason',
    map: 'Map of the growing area (an outline around the fields, not individual plots)', privacy: 'This page shows no personal data of farming households (Decree 13/2023/NĐ-CP).',
    kinds: { low_emission: '"Low emission" label', vietgap: 'VietGAP', organic: 'Organic' } as Record<string, string>,
    ops: { harvest: 'Harvest', aggregation: 'Collected at the cooperative', transformation: 'Processing (milling)', split: 'Lot split', packing: 'Packing', palletising: 'Palletising', shipping: 'Shipped', receiving: 'Received' } as Record<string, string>,
    productKinds: { paddy: 'Paddy', milled_rice: 'Milled rice', broken_rice: 'Broken rice', bran: 'Bran', husk: 'Husk', other: 'Other' } as Record<string, string>,
  },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;
const num = (lang: Lang, n: number, digits = 0) => new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const pct = (lang: Lang, n: number) => (lang === 'vi' ? `${num(lang, n)} %` : `${num(lang, n)}%`);
const date = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const SEASON_NAMES: Record<string, [string, string]> = {
  dong_xuan: ['Đông Xuân', 'Winter–Spring'], he_thu: ['Hè Thu', 'Summer–Autumn'], thu_dong: ['Thu Đông', 'Autumn–Winter'], xuan_he: ['Xuân Hè', 'Spring–Summer'], mua: ['Vụ Mùa', 'Main season'], other: ['Khác', 'Other'],
};

/** A GeoJSON (multi)polygon as an SVG path in a 300 × 200 box, equirectangular at the area's latitude. */
export function areaSvg(geoJson: string, title: string): string {
  const g = JSON.parse(geoJson) as { type: string; coordinates: number[][][] | number[][][][] };
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  const points = polygons.flat(2) as unknown as number[][];
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = Math.max((maxLon - minLon) * k, 1e-9);
  const h = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min(280 / w, 180 / h);
  const x = (lon: number) => (10 + (lon - minLon) * k * scale + (280 - w * scale) / 2).toFixed(1);
  const y = (lat: number) => (10 + (maxLat - lat) * scale + (180 - h * scale) / 2).toFixed(1);
  const d = polygons.map((poly) => poly.map((ring) => `M${ring.map((p) => `${x(p[0]!)},${y(p[1]!)}`).join('L')}Z`).join('')).join('');
  return `<svg viewBox="0 0 300 200" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><rect width="300" height="200" fill="#eef5e9"/><path d="${d}" fill="#6aa84f" fill-opacity="0.45" stroke="#2e6b1f" stroke-width="2"/></svg>`;
}

export function renderPublicPage(lang: Lang, data: PublicPageData | null, selfPath: string): string {
  const t = T[lang];
  const other = lang === 'vi' ? 'en' : 'vi';
  const head = (title: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · Đồng Xanh</title><style>${CSS}</style></head><body><header><strong>Đồng Xanh</strong> · ${esc(t.title)}<a class="lang" href="${esc(selfPath)}?lang=${other}" hreflang="${other}">${t.switchLang}</a></header><main>`;
  if (!data) return `${head(t.notFound)}<h1>${t.notFound}</h1><p>${t.notFoundText}</p></main></body></html>`;
  const reduction = data.baselineIntensity > 0 ? (100 * (data.baselineIntensity - data.intensity)) / data.baselineIntensity : 0;
  const barMax = Math.max(data.intensity, data.baselineIntensity, 1e-9);
  const bar = (label: string, v: number, cls: string) =>
    `<div class="bar"><span>${esc(label)}</span><div class="track"><div class="${cls}" style="width:${((100 * v) / barMax).toFixed(1)}%"></div></div><b>${num(lang, v, 2)}</b></div>`;
  const seasonText = data.seasons.map((s) => { const [name, year] = s.split(' '); return `${SEASON_NAMES[name!]?.[lang === 'vi' ? 0 : 1] ?? name} ${year}`; });
  const certs = data.certificates.length
    ? data.certificates.map((c) => {
        const status = c.status !== 'active' ? t[c.status as 'suspended' | 'revoked'] : c.valid ? t.active : t.expired;
        return `<li class="cert ${c.status === 'active' && c.valid ? 'ok' : 'bad'}"><b>${esc(t.kinds[c.kind] ?? c.kind)}</b>${c.kind === 'low_emission' ? ` — ${esc(lang === 'vi' ? c.name : c.nameEn)}` : ''}<br>${esc(c.number)} · ${esc(c.issuer)}<br>${date(c.validFrom)} – ${date(c.validTo)} · <span class="status">${status}</span>${c.statusReason && c.status !== 'active' ? `<br>${t.reason}: ${esc(c.statusReason)}` : ''}</li>`;
      }).join('')
    : `<li>${t.none}</li>`;
  const steps = data.steps.map((s) => `<li><time>${date(s.date)}</time> ${esc(t.ops[s.operation] ?? s.operation)}${s.organisation ? ` — ${esc(s.organisation)}` : ''}${s.kg !== null ? ` · ${num(lang, s.kg)} kg` : ''}</li>`).join('');
  const practice = (label: string, share: number) => `<li class="${share >= 99.5 ? 'ok' : share > 0 ? 'part' : 'no'}">${esc(label)}: <b>${pct(lang, share)}</b> ${t.ofHarvest}</li>`;
  return `${head(data.productName)}
<h1>${esc(data.productName)}</h1>
<p class="kind">${esc(t.productKinds[data.productKind] ?? data.productKind)} · GTIN ${esc(data.gtin)}</p>
<dl><dt>${t.lot}</dt><dd>${esc(data.lotNumber)}</dd>${data.serial ? `<dt>${t.serial}</dt><dd>${esc(data.serial)}</dd>` : ''}<dt>${t.produced}</dt><dd>${date(data.producedOn)}</dd><dt>${t.quantity}</dt><dd>${num(lang, data.massKg, data.massKg < 100 ? 1 : 0)} kg</dd><dt>${t.owner}</dt><dd>${esc(data.owner)}</dd></dl>
<section><h2>${t.carbon}</h2>
<p class="big"><b>${num(lang, data.intensity, 2)}</b> ${t.perKg}</p>
${bar(t.baseline, data.baselineIntensity, 'base')}${bar(data.productName, data.intensity, 'mine')}
<p>${t.reduction} <b>${pct(lang, reduction)}</b> · ${pct(lang, data.verifiedPct)} ${t.verified}</p></section>
<section><h2>${t.certificates}</h2><ul class="certs">${certs}</ul></section>
<section><h2>${t.origin}</h2><dl><dt>${t.province}</dt><dd>${esc(data.provinces.join(', '))}</dd><dt>${t.commune}</dt><dd>${esc(data.communes.join(', '))}</dd><dt>${t.areaCode}</dt><dd>${esc(data.growingAreaCodes.join(', ') || '—')}</dd><dt>${t.season}</dt><dd>${esc(seasonText.join(', '))}</dd><dt>${t.variety}</dt><dd>${esc(data.varieties.join(', ') || '—')}</dd><dt>${t.area}</dt><dd>${num(lang, data.areaHa, 1)} ha · ${data.plotCount} ${t.plots}</dd></dl>
${data.mapSvg ? `<figure>${data.mapSvg}<figcaption>${t.map}</figcaption></figure>` : ''}</section>
<section><h2>${t.practices}</h2><ul class="practices">${practice(t.awd, data.practices.awdPct)}${practice(t.noBurn, data.practices.noBurningPct)}${practice(t.reducedN, data.practices.reducedNPct)}</ul></section>
<section><h2>${t.chain}</h2><ol class="chain">${steps}</ol></section>
<footer>${t.privacy}</footer></main></body></html>`;
}

const CSS = `body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2a17;background:#f7f9f4}header{background:#2e6b1f;color:#fff;padding:10px 16px;display:flex;gap:8px;align-items:center}header .lang{margin-left:auto;color:#fff}main{max-width:640px;margin:0 auto;padding:12px 16px 32px}h1{font-size:1.4rem;margin:.4em 0 .1em}h2{font-size:1.1rem;margin:1.2em 0 .4em;color:#2e6b1f}.kind{color:#555;margin:0 0 .6em}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}dt{color:#555}dd{margin:0;font-weight:600}section{background:#fff;border-radius:10px;padding:4px 14px 12px;margin-top:12px;box-shadow:0 1px 2px #0001}.big{font-size:1.6rem;margin:.2em 0}.bar{display:grid;grid-template-columns:9em 1fr 3em;gap:8px;align-items:center;margin:4px 0;font-size:.9rem}.track{background:#eee;height:12px;border-radius:6px}.track div{height:12px;border-radius:6px}.base{background:#b7a38a}.mine{background:#3c8d2f}ul,ol{padding-left:1.2em;margin:.3em 0}.certs{list-style:none;padding:0}.cert{border-left:4px solid #3c8d2f;padding:4px 8px;margin:6px 0;background:#f3f8f0}.cert.bad{border-color:#b3261e;background:#fbeeed}.cert.bad .status{color:#b3261e;font-weight:700}.practices .ok::marker{content:"✓ ";color:#2e6b1f}.practices .no::marker{content:"✗ ";color:#b3261e}.chain time{font-variant-numeric:tabular-nums;color:#555}figure{margin:8px 0}figure svg{width:100%;height:auto;border-radius:8px}figcaption{font-size:.8rem;color:#555}footer{font-size:.8rem;color:#555;margin-top:16px}`;

export function createPublicPages(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const cache = new Map<string, { html: string; etag: string; status: number }>();

  async function load(gtin: string, lotNumber: string | undefined, serial: string | undefined): Promise<PublicPageData | null> {
    let q = db
      .selectFrom('traceLots as l')
      .innerJoin('organisations as o', 'o.id', 'l.organisationId')
      .leftJoin('traceTradeItems as t', 't.id', 'l.tradeItemId')
      .select(['l.id', 'l.kind', 'l.code', 'l.lotNumber', 'l.gtin', 'l.productKind', 'l.massKg', 'l.producedOn', 'l.co2eKg', 'l.baselineCo2eKg', 'o.name as owner', 't.nameVi', 't.nameEn'])
      .where('l.gtin', '=', gtin);
    q = serial !== undefined ? q.where('l.kind', '=', 'unit').where('l.code', '=', serial) : q.where('l.kind', '=', 'lot').where('l.code', '=', lotNumber ?? '');
    const lot = await q.executeTakeFirst();
    if (!lot || (serial !== undefined && lotNumber !== undefined && lot.lotNumber !== lotNumber)) return null;

    const origins = await db
      .selectFrom('traceLotOrigins as lo')
      .innerJoin('traceSeasonSources as ss', (j) => j.onRef('ss.seasonId', '=', 'lo.seasonId').onRef('ss.provinceCode', '=', 'lo.provinceCode'))
      .innerJoin('seasons as s', (j) => j.onRef('s.id', '=', 'ss.seasonId').onRef('s.provinceCode', '=', 'ss.provinceCode'))
      .innerJoin('plots as p', 'p.id', 'ss.plotId')
      .leftJoin('adminUnits as cu', 'cu.code', 'ss.communeCode')
      .leftJoin('adminUnits as pu', 'pu.code', 'ss.provinceCode')
      .select(['lo.harvestedKg', 'ss.verified', 'ss.practices', 'ss.plotId', 'p.areaHa', 'cu.name as commune', 'pu.name as province', 's.seasonName', 's.year', 's.variety'])
      .where('lo.lotId', '=', lot.id)
      .execute();
    const total = origins.reduce((s, o) => s + o.harvestedKg, 0) || 1;
    const share = (pred: (p: StoredSeasonPractices) => boolean) => (100 * origins.filter((o) => pred(o.practices)).reduce((s, o) => s + o.harvestedKg, 0)) / total;
    const plotIds = [...new Set(origins.map((o) => o.plotId))];
    const [codes, hull, chain] = await Promise.all([
      plotIds.length
        ? db.selectFrom('growingAreaPlots as gp').innerJoin('growingAreaCodes as c', 'c.growingAreaId', 'gp.growingAreaId').select(['c.code', 'gp.growingAreaId']).where('gp.plotId', 'in', plotIds).where('c.status', '=', 'active').execute()
        : Promise.resolve([]),
      plotIds.length
        ? db.selectFrom('plots').select(sql<string>`ST_AsGeoJSON(ST_SimplifyPreserveTopology(ST_Buffer(ST_ConvexHull(ST_Collect(boundary))::geography, 50)::geometry, 0.0002), 6)`.as('geojson')).where('id', 'in', plotIds).executeTakeFirst()
        : Promise.resolve(undefined),
      chainOf(db, lot.id),
    ]);
    const upstreamLots = [...new Set(chain.flatMap((e) => e.lots.filter((l) => l.role !== 'child').map((l) => l.lotId)).concat(lot.id))];
    const areaIds = [...new Set(codes.map((c) => c.growingAreaId))];
    const certs = await db
      .selectFrom('labelCertificates as c')
      .leftJoin('labelSchemes as sc', 'sc.id', 'c.schemeId')
      .select(['c.kind', 'c.number', 'c.issuer', 'c.validFrom', 'c.validTo', 'c.status', 'c.statusReason', 'sc.nameVi', 'sc.nameEn'])
      .where((eb) => eb.or([eb('c.lotId', 'in', upstreamLots), ...(areaIds.length ? [eb('c.growingAreaId', 'in', areaIds)] : [])]))
      .orderBy('c.kind')
      .orderBy('c.validFrom')
      .execute();
    const today = clock.now().toISOString().slice(0, 10);
    const uniq = <T,>(xs: T[]) => [...new Set(xs)];
    return {
      productName: lot.nameVi ?? T.vi.productKinds[lot.productKind] ?? lot.productKind,
      productKind: lot.productKind,
      gtin: lot.gtin!,
      lotNumber: lot.kind === 'unit' ? lot.lotNumber ?? '' : lot.code,
      serial: lot.kind === 'unit' ? lot.code : null,
      producedOn: lot.producedOn,
      massKg: lot.massKg,
      owner: lot.owner,
      provinces: uniq(origins.map((o) => o.province ?? '')).filter(Boolean),
      communes: uniq(origins.map((o) => o.commune ?? '')).filter(Boolean),
      growingAreaCodes: uniq(codes.map((c) => c.code)).sort(),
      seasons: uniq(origins.map((o) => `${o.seasonName} ${o.year}`)),
      varieties: uniq(origins.map((o) => o.variety ?? '')).filter(Boolean),
      plotCount: plotIds.length,
      areaHa: [...new Map(origins.map((o) => [o.plotId, o.areaHa])).values()].reduce((s, a) => s + a, 0),
      mapSvg: hull?.geojson ? areaSvg(hull.geojson, 'map') : null,
      practices: {
        awdPct: share((p) => p.awd), noBurningPct: share((p) => !p.strawBurnt), reducedNPct: share(reducedFertiliser),
        nKgPerHa: origins.length ? origins.reduce((s, o) => s + (o.practices.nKgPerHa ?? 0) * o.harvestedKg, 0) / total : null,
      },
      intensity: intensityOf({ massKg: lot.massKg, co2eKg: lot.co2eKg }),
      baselineIntensity: intensityOf({ massKg: lot.massKg, co2eKg: lot.baselineCo2eKg }),
      verifiedPct: share(() => true) > 0 ? (100 * origins.filter((o) => o.verified).reduce((s, o) => s + o.harvestedKg, 0)) / total : 0,
      certificates: certs.map((c) => ({ kind: c.kind, name: c.nameVi ?? '', nameEn: c.nameEn ?? c.nameVi ?? '', number: c.number, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, status: c.status, statusReason: c.statusReason, valid: c.validFrom <= today && today <= c.validTo })),
      steps: chain.filter((e) => e.operation !== 'palletising').map((e) => ({ operation: e.operation, date: vietnamDate(e.eventTime), organisation: e.organisationName, kg: e.outputKg ?? e.inputKg })),
    };
  }

  return {
    /** The page for a Digital Link path such as /01/08930000000019/10/LOT1 (served under /p). */
    async render(path: string, lang: Lang, base: string): Promise<{ html: string; etag: string; status: number }> {
      const key = `${lang}|${path}`;
      const hit = cache.get(key);
      if (hit) return hit;
      let data: PublicPageData | null = null;
      try {
        const link = parseDigitalLink(`${base}${path}`);
        if (link.primary.ai === '01') {
          data = await load(link.primary.value, valueOf(link, '10'), valueOf(link, '21'));
          if (data && lang === 'en') {
            const names = await db.selectFrom('traceTradeItems').select('nameEn').where('gtin', '=', link.primary.value).executeTakeFirst();
            data.productName = names?.nameEn ?? T.en.productKinds[data.productKind] ?? data.productName;
          }
        }
      } catch {
        data = null; // not a Digital Link of ours: the not-found page
      }
      const html = renderPublicPage(lang, data, `/p${path}`);
      const page = { html, etag: `"${createHash('sha1').update(html).digest('base64url')}"`, status: data ? 200 : 404 };
      if (cache.size >= MAX_CACHED_PAGES) cache.clear(); // bounded: unknown paths cannot grow it without end
      cache.set(key, page);
      return page;
    },
    invalidate() {
      cache.clear();
    },
    get cachedPages() {
      return cache.size;
    },
  };
}
export type PublicPages = ReturnType<typeof createPublicPages>;

const MAX_CACHED_PAGES = 20_000;
const vietnamDate = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
