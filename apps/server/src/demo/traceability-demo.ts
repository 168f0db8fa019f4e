/**
 * The demo's traced lot, through the same services as the API: three verified AWD plot-seasons on
 * the Đòn Dong canal (CT-TL-041, -043, -045, verified by the MRV demo) are harvested into lots by the
 * cooperative, collected into one lot, shipped to the Cờ Đỏ rice mill, milled (paddy → milled rice
 * at 0.65 with husk and bran by-products, 5 % milling loss), part packed into 5 kg bags under a
 * GTIN with the Vietnamese prefix 893, and the bags shipped to a distributor. The verifier evaluates
 * the milled rice against the "Gạo Việt xanh phát thải thấp" scheme and issues a label certificate
 * for part of it. Deterministic: fixed times, fixed numbers.
 *
 * The Đòn Dong plots get their own growing area with a domestic code (the label requires one), as
 * the cooperative would register the area it farms under the programme.
 */
import type { Database } from '../db/database.ts';
import { findUserByLogin } from '../modules/auth/auth.repository.ts';
import { actorFor } from '../modules/auth/auth.service.ts';
import { addDays } from '../modules/diary/calendar.ts';
import { createDiaryService } from '../modules/diary/diary.service.ts';
import { createTraceabilityServices } from '../modules/traceability/index.ts';
import type { Clock } from '../shared/clock.ts';

export const DEMO_TRACE_PLOTS = ['CT-TL-041', 'CT-TL-043', 'CT-TL-045'];
export const DEMO_RICE_LOT = 'CD-GAO-2603-01';
export const DEMO_BAG_GTIN = '08930000200051';
export const DEMO_LABEL_NUMBER = 'GVX-PTT-2026-0001';

function steppingClock(startIso: string): Clock {
  let t = new Date(startIso).getTime();
  return { now: () => new Date((t += 60_000)) };
}

export async function seedDemoTraceability(db: Database, log: (m: string) => void = () => {}) {
  const clock = steppingClock('2026-03-26T01:00:00Z');
  const diary = createDiaryService({ db, clock });
  const { traceability, label } = createTraceabilityServices({ db, clock, seasonFacts: (actor, id) => diary.getFacts(actor, id) });
  const as = async (login: string) => {
    const user = await findUserByLogin(db, login);
    if (!user) throw new Error(`demo user ${login} missing`);
    return actorFor(user, 'session');
  };
  const [manager, mill, verifier] = await Promise.all([as('0901000003'), as('0901000007'), as('0901000006')]);
  const coopId = manager.organisationId!;
  const millId = mill.organisationId!;

  // The Đòn Dong growing area (plots CT-TL-041 … -060) with its domestic code.
  const plots = await db.selectFrom('plots').select(['id', 'code']).where('code', 'like', 'CT-TL-0%').where('code', '>=', 'CT-TL-041').where('code', '<=', 'CT-TL-060').execute();
  const area = await db
    .insertInto('growingAreas')
    .values({ name: 'Vùng lúa phát thải thấp kênh Đòn Dong', crop: 'Lúa', standard: 'basic', status: 'approved', organisationId: coopId, provinceCode: '92', communeCode: '31258', createdBy: null, createdAt: new Date('2025-12-01T02:00:00Z'), updatedBy: null, updatedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('growingAreaPlots').values(plots.map((p) => ({ growingAreaId: area.id, plotId: p.id }))).execute();
  await db.insertInto('growingAreaStatusHistory').values({ growingAreaId: area.id, status: 'approved', reason: 'Đạt yêu cầu kiểm tra thực địa', changedBy: null, changedAt: new Date('2026-02-10T02:00:00Z') }).execute();
  const code = await db
    .insertInto('growingAreaCodes')
    .values({ growingAreaId: area.id, kind: 'domestic', code: 'VN-92-31258-02-26', scheme: 'QĐ 3156/QĐ-BNN-TT', market: null, issuer: 'Chi cục Trồng trọt và Bảo vệ thực vật thành phố Cần Thơ', issuedOn: '2026-02-10', createdBy: null, createdAt: new Date('2026-02-10T02:00:00Z'), updatedBy: null, updatedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('growingAreaCodeHistory').values({ codeId: code.id, status: 'active', reason: null, changedBy: null, changedAt: new Date('2026-02-10T02:00:00Z') }).execute();

  // A distributor that buys the bags.
  const distributor = await db
    .insertInto('organisations')
    .values({ name: 'Công ty TNHH Phân phối Nông sản Sạch Tây Đô', kind: 'enterprise', provinceCode: '92', communeCode: '31120', taxCode: null, gln: '8930000300010', createdBy: null })
    .returning('id')
    .executeTakeFirstOrThrow();

  // GS1 trade items: GS1 Vietnam company prefixes 89300001 (co-op) and 89300002 (mill).
  const paddy = await traceability.createTradeItem(manager, { companyPrefix: '89300001', itemReference: '0101', nameVi: 'Lúa tươi ST (phát thải thấp)', nameEn: 'Fresh paddy (low emission)', productKind: 'paddy' });
  const rice = await traceability.createTradeItem(mill, { companyPrefix: '89300002', itemReference: '0011', nameVi: 'Gạo trắng Thới Lai', nameEn: 'Thới Lai milled rice', productKind: 'milled_rice' });
  const bag = await traceability.createTradeItem(mill, { companyPrefix: '89300002', itemReference: '0005', nameVi: 'Gạo Thới Lai Xanh túi 5 kg', nameEn: 'Thới Lai Green rice, 5 kg bag', productKind: 'milled_rice', netContentKg: 5 });
  const husk = await traceability.createTradeItem(mill, { companyPrefix: '89300002', itemReference: '0013', nameVi: 'Trấu', nameEn: 'Rice husk', productKind: 'husk' });
  const bran = await traceability.createTradeItem(mill, { companyPrefix: '89300002', itemReference: '0012', nameVi: 'Cám gạo', nameEn: 'Rice bran', productKind: 'bran' });

  const seasons = await db.selectFrom('seasons as s').innerJoin('plots as p', 'p.id', 's.plotId').select(['s.id', 'p.code']).where('p.code', 'in', DEMO_TRACE_PLOTS).orderBy('p.code').execute();
  const harvestLots = [];
  let lastHarvestOn = '2026-01-01';
  for (const [i, s] of seasons.entries()) {
    const facts = await diary.getFacts(manager, s.id);
    const harvestedKg = Math.floor(facts.facts.yieldKgPerHa.value! * facts.areaHa);
    const harvestOn = facts.facts.yieldKgPerHa.sources[0]?.occurredOn ?? '2026-03-01';
    if (harvestOn > lastHarvestOn) lastHarvestOn = harvestOn;
    const { lots } = await traceability.harvest(manager, {
      code: `TL-DX26-${s.code.slice(-3)}`, tradeItemId: paddy.id, producedOn: harvestOn, moisturePct: 24, sources: [{ seasonId: s.id, massKg: harvestedKg }],
      eventTime: `${harvestOn}T08:${String(10 + i).padStart(2, '0')}:00+07:00`,
    }, null);
    harvestLots.push(lots[0]!);
  }
  // Each step a few days after the last harvest, whatever the diaries' dates.
  const day = (n: number) => addDays(lastHarvestOn, n);
  const collectedOn = day(1);
  const { lots: [collected] } = await traceability.aggregate(manager, {
    code: 'TL-DX26-GOM01', tradeItemId: paddy.id, producedOn: collectedOn, inputs: harvestLots.map((l) => ({ lotId: l.id, massKg: l.massKg })), eventTime: `${collectedOn}T15:00:00+07:00`,
  }, null);
  await traceability.ship(manager, { toOrganisationId: millId, lotIds: [collected!.id], despatchAdviceNumber: 'PXK-HTX-2026-031', eventTime: `${day(2)}T07:30:00+07:00` }, null);
  await traceability.receive(mill, { lotIds: [collected!.id], eventTime: `${day(2)}T13:00:00+07:00` }, null);

  // Milling: 0.65 milled rice, 0.20 husk, 0.10 bran; the remaining 5 % is loss (dust, moisture).
  const input = collected!.massKg;
  const r = (x: number) => Math.floor(x);
  const milled = await traceability.transform(mill, {
    producedOn: day(4), process: 'milling', inputs: [{ lotId: collected!.id, massKg: input }],
    outputs: [
      { code: DEMO_RICE_LOT, tradeItemId: rice.id, productKind: 'milled_rice', massKg: r(input * 0.65), byProduct: false, moisturePct: 14 },
      { code: 'CD-TRAU-2603-01', tradeItemId: husk.id, productKind: 'husk', massKg: r(input * 0.2), byProduct: true },
      { code: 'CD-CAM-2603-01', tradeItemId: bran.id, productKind: 'bran', massKg: r(input * 0.1), byProduct: true },
    ],
    eventTime: `${day(4)}T09:00:00+07:00`,
  }, null);
  const riceLot = milled.lots[0]!;
  const { lots: bags } = await traceability.pack(mill, riceLot.id, { tradeItemId: bag.id, producedOn: day(6), count: 24, serialPrefix: 'U', eventTime: `${day(6)}T10:00:00+07:00` }, null);
  await traceability.ship(mill, { toOrganisationId: distributor.id, lotIds: bags.slice(0, 12).map((b) => b.id), despatchAdviceNumber: 'PXK-CD-2026-0412', eventTime: `${day(8)}T08:00:00+07:00` }, null);

  const scheme = (await label.listSchemes(verifier)).find((s) => s.code === 'gao-viet-xanh-ptt')!;
  await label.evaluate(verifier, { schemeId: scheme.id, lotId: riceLot.id });
  await label.issueCertificate(verifier, {
    kind: 'low_emission', number: DEMO_LABEL_NUMBER, schemeId: scheme.id, holderOrganisationId: millId, lotId: riceLot.id,
    scope: `Gạo trắng lô ${DEMO_RICE_LOT}, vụ Đông Xuân 2025–2026, vùng trồng VN-92-31258-02-26`, issuer: 'Trung tâm Thẩm định Phát thải Mê Kông',
    quantityKg: Math.floor(riceLot.massKg / 2), validFrom: day(7), validTo: addDays(day(7), 364),
  });
  log(`demo traceability: ${harvestLots.length} harvest lots → ${collected!.code} (${input} kg paddy) → ${DEMO_RICE_LOT} (${riceLot.massKg} kg milled rice) → ${bags.length} bags of 5 kg (GTIN ${DEMO_BAG_GTIN}), 12 shipped; label ${DEMO_LABEL_NUMBER}`);
  return { riceLotId: riceLot.id, bagIds: bags.map((b) => b.id) };
}
