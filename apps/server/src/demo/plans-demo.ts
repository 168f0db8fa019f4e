/**
 * The demo's plans, dashboards and programme (issue 7), loaded after the Cần Thơ demo:
 * - the five plans of ../shared/seeds/ as data (modules/plans/seed-plans);
 * - ecological zones for the emission database: the socio-economic regions of the national master
 *   plan (Resolution 81/2023/QH15) for the provinces whose region is unambiguous after the 2025
 *   mergers; an admin assigns the others (PUT /api/v1/ecological-zones/:code);
 * - Thới Lai's boundary: Cần Thơ's official commune boundaries are not available, so the demo draws
 *   the convex hull of its plots, stored as "illustrative" and labelled so on every map;
 * - Lào Cai: a province officer (0901000008) for its two plans, and a small real-looking diary so
 *   their computed indicators have data — terraced rice in Tú Lệ (Vụ Mùa 2026, half with a mid-season
 *   drainage, the "rút nước giữa vụ" of the plan's appendix) and cabbage in Bắc Hà (2026);
 * - programme records: progress notes on Cần Thơ's phase-1 tasks (one left unfinished, so overdue),
 *   training events in Thới Lai and Tú Lệ, the training population Lào Cai must cover, and a lease of
 *   one family's two Thới Lai plots to the cooperative.
 * Deterministic: fixed ids, dates and a seeded PRNG; the same on every machine.
 */
import { sql } from 'kysely';
import type { TypedActivityDetails } from '@dongxanh/contracts';
import type { Executor } from '../db/database.ts';
import type { Actor } from '../modules/auth/permissions.ts';
import { illustrativeBoundaryFromPlots } from '../modules/dashboards/dashboards.service.ts';
import { addDays } from '../modules/diary/calendar.ts';
import { advanceSeasonStatus, insertActivities, insertSeason, type NewActivity } from '../modules/diary/diary.repository.ts';
import { payloadHash, uuidV5 } from '../modules/diary/ids.ts';
import { loadSeedPlans } from '../modules/plans/seed-plans/index.ts';
import { fieldStrip } from './seed.ts';

const NAMESPACE = '2b8f0c1e-7d4a-4f5b-9c3e-1a2b3c4d5e6f';
const LAO_CAI = '15';
const TU_LE = '04630';
const BAC_HA = '02839';
const THOI_LAI = '31258';
const SEEDED_AT = new Date('2026-10-20T03:00:00Z');

export const LAO_CAI_DEMO_USERS = [
  { login: '0901000008', role: 'province_officer' as const, name: 'Hoàng Thị Mai (Sở NN&MT Lào Cai)' },
  { login: '0901000009', role: 'coop_recorder' as const, name: 'Giàng A Dế (HTX Nông nghiệp Tú Lệ)' },
];

/** Socio-economic regions (Resolution 81/2023/QH15) for provinces wholly inside one after the 2025 mergers. */
const ZONES = [
  { code: 'northern_midlands_mountains', nameVi: 'Trung du và miền núi phía Bắc', nameEn: 'Northern Midlands and Mountains', provinces: ['04', '08', '11', '12', '14', '15', '19', '20', '25'] },
  { code: 'red_river_delta', nameVi: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta', provinces: ['01', '22', '24', '31', '33', '37'] },
  { code: 'north_central', nameVi: 'Bắc Trung Bộ', nameEn: 'North Central Coast', provinces: ['38', '40', '42', '44', '46'] },
  { code: 'mekong_delta', nameVi: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong River Delta', provinces: ['82', '86', '91', '92', '96'] },
] as const;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Planned = { day: number } & TypedActivityDetails;

/** A terraced Vụ Mùa 2026 rice season in Tú Lệ, as days after transplanting (mid-June). */
function terraceRice(index: number, random: () => number): Planned[] {
  const between = (lo: number, hi: number, step = 1) => lo + Math.round((random() * (hi - lo)) / step) * step;
  const harvest = 105 + between(0, 6);
  const a: Planned[] = [
    { day: -10, type: 'straw', details: { residueOf: 'previous_crop', dryMatterTPerHa: between(30, 40) / 10, burntFraction: index % 4 === 3 ? 0.5 : 0, incorporatedFraction: index % 4 === 3 ? 0.5 : 0.6, removedFraction: index % 4 === 3 ? 0 : 0.4, leftOnSurfaceFraction: 0 } },
    { day: -6, type: 'land_preparation', details: { operation: 'puddling', mechanised: index % 3 === 0 } },
    { day: 0, type: 'sowing', details: { method: 'transplanting_manual', seedRateKgPerHa: between(40, 50, 5), variety: 'Nếp Tú Lệ', seedSource: 'saved' } },
    { day: 12, type: 'fertiliser', details: { productCode: 'npk_16_16_8', amount: between(200, 250, 10), amountUnit: 'kg_per_ha', method: 'broadcast', growthStage: 'Bén rễ hồi xanh' } },
    { day: 30, type: 'fertiliser', details: { productCode: 'urea', amount: between(60, 80, 5), amountUnit: 'kg_per_ha', method: 'broadcast', growthStage: 'Đẻ nhánh' } },
  ];
  const finalDrain = harvest - 12;
  if (index % 2 === 0) {
    // A mid-season drainage (rút nước giữa vụ): 8 days without standing water at the end of tillering.
    for (const d of [6, 12, 18, 24, 30]) a.push({ day: d, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: between(3, 6) } });
    a.push({ day: 34, type: 'drainage', details: { purpose: 'mid_season' } });
    a.push({ day: 37, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: -between(5, 8) } });
    a.push({ day: 41, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: -between(9, 12) } });
    a.push({ day: 42, type: 'irrigation', details: { waterDepthCm: 5, source: 'canal' } });
    for (let d = 48; d < finalDrain; d += 6) a.push({ day: d, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: between(3, 6) } });
  } else {
    for (let d = 6; d < finalDrain; d += 6) a.push({ day: d, type: 'water_level', details: { tubeId: 'ONG-1', levelCm: between(3, 7) } });
  }
  a.push({ day: finalDrain, type: 'drainage', details: { purpose: 'end_of_season' } });
  a.push({ day: harvest, type: 'harvest', details: { yieldKgPerHa: between(4200, 5000, 50), moisturePct: between(20, 24), method: 'manual' } });
  a.push({ day: harvest + 2, type: 'post_harvest_loss', details: { stage: 'threshing', lossPct: between(4, 7) } });
  return a;
}

/** A Bắc Hà cabbage cycle (vụ rau 2026), as days after planting in early March. */
function cabbage(index: number, random: () => number): Planned[] {
  const between = (lo: number, hi: number, step = 1) => lo + Math.round((random() * (hi - lo)) / step) * step;
  return [
    { day: -3, type: 'land_preparation', details: { operation: 'ploughing', mechanised: false } },
    { day: 0, type: 'sowing', details: { method: 'transplanting_manual', seedRateKgPerHa: 0.3, variety: 'Bắp cải KK Cross' } },
    { day: 10, type: 'fertiliser', details: { productCode: 'npk_16_16_8', amount: between(300, 350, 10), amountUnit: 'kg_per_ha', method: 'band' } },
    { day: 28, type: 'fertiliser', details: { productCode: 'urea', amount: between(80, 100, 5), amountUnit: 'kg_per_ha', method: 'band' } },
    ...(index % 2 === 0 ? [{ day: 40, type: 'pesticide' as const, details: { productCode: 'bt_wp', productName: 'Bacillus thuringiensis (Bt) WP', activeIngredients: [{ name: 'Bacillus thuringiensis var. kurstaki' }], phiDays: 5, dose: 0.5, doseUnit: 'kg_per_ha' as const, target: 'Sâu tơ' } }] : []),
    { day: 85, type: 'harvest', details: { yieldKgPerHa: between(28000, 34000, 500), method: 'manual' } },
  ];
}

async function user(tx: Executor, passwordHash: string, login: string, role: 'province_officer' | 'coop_recorder', name: string, scope: { adminUnitCode?: string; organisationId?: string }) {
  return tx
    .insertInto('users')
    .values({ displayName: name, phone: login, email: null, passwordHash, role, organisationId: scope.organisationId ?? null, householdId: null, adminUnitCode: scope.adminUnitCode ?? null, createdBy: null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function laoCaiDiary(tx: Executor, passwordHash: string) {
  const org = (name: string, communeCode: string) =>
    tx.insertInto('organisations').values({ name, kind: 'cooperative', provinceCode: LAO_CAI, communeCode, taxCode: null, gln: null, createdBy: null }).returning('id').executeTakeFirstOrThrow();
  const tuLe = await org('Hợp tác xã Nông nghiệp Tú Lệ', TU_LE);
  const bacHa = await org('Hợp tác xã Rau an toàn Bắc Hà', BAC_HA);
  await user(tx, passwordHash, LAO_CAI_DEMO_USERS[0]!.login, 'province_officer', LAO_CAI_DEMO_USERS[0]!.name, { adminUnitCode: LAO_CAI });
  const recorderRow = await user(tx, passwordHash, LAO_CAI_DEMO_USERS[1]!.login, 'coop_recorder', LAO_CAI_DEMO_USERS[1]!.name, { organisationId: tuLe.id });
  const recorder: Actor = { userId: recorderRow.id, displayName: LAO_CAI_DEMO_USERS[1]!.name, role: 'coop_recorder', organisationId: tuLe.id, householdId: null, adminUnitCode: null, permissions: new Set(), via: 'session' };

  const families = ['Giàng A Páo', 'Sùng Thị Mỷ', 'Lò Văn Tuấn', 'Hà Thị Lan', 'Mùa A Chứ', 'Vàng Thị Dua'];
  const plots: Array<{ id: string; code: string; provinceCode: string; communeCode: string; organisationId: string | null; householdId: string | null; areaHa: number; crop: 'rice' | 'cabbage' }> = [];
  const place = async (communeCode: string, orgId: string, prefix: string, crop: 'rice' | 'cabbage', count: number, lon: number, lat: number, bearing: number, width: number, length: number) => {
    let offset = 0;
    for (let i = 0; i < count; i++) {
      const { id: householdId } = await tx
        .insertInto('households')
        .values({ headName: families[i % families.length]!, phone: null, address: null, organisationId: orgId, provinceCode: LAO_CAI, communeCode, createdBy: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Terraces are narrow strips stepping up the hillside; cabbage beds are small rectangles.
      const boundary = fieldStrip(lon, lat, offset, (i % 3) * (length + 6), width, length, bearing);
      offset += i % 3 === 2 ? width + 5 : 0;
      const geom = sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(boundary)}), 4326))`;
      const code = `${prefix}-${String(i + 1).padStart(3, '0')}`;
      const row = await tx
        .insertInto('plots')
        .values({ code, name: `${crop === 'rice' ? 'Ruộng bậc thang' : 'Vườn rau'} ${i + 1}`, householdId, organisationId: orgId, provinceCode: LAO_CAI, communeCode, landUse: crop === 'rice' ? 'rice' : 'vegetables', boundary: geom, areaHa: sql<number>`ST_Area(${geom}::geography) / 10000`, createdBy: null })
        .returning(['id', 'code', 'provinceCode', 'communeCode', 'organisationId', 'householdId', 'areaHa'])
        .executeTakeFirstOrThrow();
      plots.push({ ...row, areaHa: Number(row.areaHa), crop });
    }
  };
  await place(TU_LE, tuLe.id, 'LC-TL', 'rice', 12, 104.3418, 21.8052, 62, 18, 70);
  await place(BAC_HA, bacHa.id, 'LC-BH', 'cabbage', 8, 104.2905, 22.5352, 15, 30, 45);

  const random = prng(20260615);
  const seasons: Array<{ id: string; provinceCode: string }> = [];
  for (const [index, plot] of plots.entries()) {
    const rice = plot.crop === 'rice';
    const start = rice ? addDays('2026-06-12', index % 6) : addDays('2026-03-02', index % 4);
    const season = await insertSeason(tx, recorder, {
      clientId: uuidV5(NAMESPACE, `${plot.code}:season`), plot,
      cropCode: rice ? 'rice' : 'cabbage', variety: rice ? 'Nếp Tú Lệ' : 'KK Cross', seasonName: rice ? 'mua' : 'xuan_he', year: 2026,
      plannedStartOn: addDays(start, -10), plannedEndOn: addDays(start, rice ? 115 : 90), actualStartOn: null, actualEndOn: null,
      previousHarvestOn: rice ? '2025-10-02' : null, standard: rice ? (index % 2 === 0 ? 'low_emission_rice' : 'basic') : index % 2 === 0 ? 'vietgap' : 'basic',
      expectedYieldKgPerHa: rice ? 4600 : 30000, expectedMarket: rice ? 'Gạo nếp Tú Lệ' : 'Chợ Bắc Hà, siêu thị Lào Cai', notes: null,
    });
    const ref = { id: season!.id, provinceCode: LAO_CAI };
    seasons.push(ref);
    const planned = rice ? terraceRice(index, random) : cabbage(index, random);
    const rows: NewActivity[] = planned.map(({ day, ...typed }, n) => {
      const occurredOn = addDays(start, day);
      return {
        clientId: uuidV5(NAMESPACE, `${plot.code}:${n}`), payloadHash: payloadHash({ seasonId: ref.id, type: typed.type, occurredOn, details: typed.details }),
        seasonId: ref.id, provinceCode: LAO_CAI, type: typed.type, occurredOn, details: typed.details, recordedOnBehalf: true, batchId: null,
      };
    });
    await insertActivities(tx, recorder, rows);
  }
  await advanceSeasonStatus(tx, seasons, true);
  return { tuLeOrganisationId: tuLe.id };
}

export async function seedDemoPlanning(tx: Executor, passwordHash: string) {
  await loadSeedPlans(tx);

  for (const z of ZONES) {
    await tx.insertInto('ecologicalZones').values({ code: z.code, nameVi: z.nameVi, nameEn: z.nameEn, source: 'Vùng kinh tế - xã hội theo Nghị quyết 81/2023/QH15 (Quy hoạch tổng thể quốc gia); gán theo tỉnh', createdBy: null }).execute();
    await tx.insertInto('ecologicalZoneUnits').values(z.provinces.map((code) => ({ adminUnitCode: code, zoneCode: z.code, assignedBy: null }))).execute();
  }

  await illustrativeBoundaryFromPlots(tx, THOI_LAI, 'Ranh giới minh hoạ: bao lồi các thửa demo của xã Thới Lai, không phải ranh giới hành chính chính thức', SEEDED_AT);
  await laoCaiDiary(tx, passwordHash);

  const plan = async (code: string) => (await tx.selectFrom('plans').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const canTho = await plan('can-tho-1490-one-million-ha-rice');
  const laoCai = await plan('lao-cai-4024-low-emission-crops');
  const officer = await tx.selectFrom('users').select('id').where('phone', '=', '0901000001').executeTakeFirstOrThrow();
  const laoCaiOfficer = await tx.selectFrom('users').select('id').where('phone', '=', LAO_CAI_DEMO_USERS[0]!.login).executeTakeFirstOrThrow();

  // Phase-1 tasks of Cần Thơ's plan (due 31/12/2025): four done, the VnSAT maintenance still open.
  const notes: Array<[string, string, 'done' | 'in_progress', number, string]> = [
    ['1.1', 'Đã thành lập Tổ công tác theo quyết định của UBND thành phố.', 'done', 100, '2025-03-14T02:00:00Z'],
    ['1.2', 'Đã tập huấn 12 lớp và xây dựng 3 mô hình thí điểm vụ Đông Xuân 2024–2025.', 'done', 100, '2025-06-20T02:00:00Z'],
    ['1.3', 'Củng cố 18 HTX, thành lập mới 4 HTX trong vùng đề án.', 'done', 100, '2025-11-28T02:00:00Z'],
    ['1.4', 'Đã duy tu 6/11 công trình VnSAT; còn 5 công trình chờ bố trí vốn.', 'in_progress', 55, '2025-12-18T02:00:00Z'],
    ['1.5', 'Kế hoạch giai đoạn 2026–2030 đã trình UBND thành phố.', 'done', 100, '2025-12-26T02:00:00Z'],
  ];
  for (const [code, note, status, pct, at] of notes) {
    const task = await tx.selectFrom('programmeTasks').select('id').where('planId', '=', canTho).where('code', '=', code).executeTakeFirstOrThrow();
    await tx.insertInto('programmeTaskNotes').values({ taskId: task.id, note, status, progressPct: pct, notedBy: officer.id, notedAt: new Date(at) }).execute();
    await tx.updateTable('programmeTasks').set({ status, updatedBy: officer.id, updatedAt: new Date(at) }).where('id', '=', task.id).execute();
  }

  const event = async (planId: string, provinceCode: string, communeCode: string, by: string, e: { topic: string; heldOn: string; place: string; trainer: string }, attendance: Array<[string, number]>) => {
    const { id } = await tx.insertInto('trainingEvents').values({ planId, provinceCode, communeCode, ...e, notes: null, createdBy: by, createdAt: SEEDED_AT }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('trainingAttendance').values(attendance.map(([role, attendeeCount]) => ({ eventId: id, role: role as 'farmer', attendeeCount }))).execute();
  };
  await event(canTho, '92', THOI_LAI, officer.id, { topic: 'Quy trình canh tác lúa chất lượng cao, phát thải thấp; tưới ướt khô xen kẽ và ghi nhật ký MRV', heldOn: '2025-11-12', place: 'Hội trường HTX Nông nghiệp Thới Lai Xanh', trainer: 'Trung tâm Khuyến nông thành phố Cần Thơ' }, [['extension_officer', 4], ['core_farmer', 26], ['cooperative', 3]]);
  await event(laoCai, LAO_CAI, TU_LE, laoCaiOfficer.id, { topic: 'Kỹ thuật canh tác lúa giảm phát thải trên ruộng bậc thang; rút nước giữa vụ; xử lý rơm rạ', heldOn: '2026-05-28', place: 'Nhà văn hoá xã Tú Lệ', trainer: 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Lào Cai' }, [['technical_staff', 6], ['extension_officer', 9], ['core_farmer', 40]]);
  // How many people Lào Cai's target (II.1 (7): 100 %) covers: head counts entered by the province.
  for (const [role, population] of [['extension_officer', 180], ['technical_staff', 120], ['core_farmer', 1500]] as const) {
    await tx.insertInto('trainingTargets').values({ planId: laoCai, role, population, targetPct: 100, targetYear: 2035, source: 'Số liệu minh hoạ của bản demo (Sở NN&MT Lào Cai cần nhập số thực tế)', createdBy: laoCaiOfficer.id, createdAt: SEEDED_AT, updatedBy: null, updatedAt: null }).execute();
  }

  // Three Thới Lai plots of one family leased to the cooperative for five years (thuê quyền sử dụng đất).
  const leased = await tx.selectFrom('plots').select(['id', 'areaHa', 'householdId']).where('code', 'in', ['CT-TL-041', 'CT-TL-042']).where('provinceCode', '=', '92').execute();
  const lessor = await tx.selectFrom('households').select('headName').where('id', '=', leased[0]!.householdId!).executeTakeFirstOrThrow();
  const coop = await tx.selectFrom('organisations').select('id').where('name', '=', 'Hợp tác xã Nông nghiệp Thới Lai Xanh').executeTakeFirstOrThrow();
  const { id: leaseId } = await tx
    .insertInto('landConsolidations')
    .values({ provinceCode: '92', communeCode: THOI_LAI, kind: 'lease', fromParty: `Hộ ${lessor.headName}`, toParty: 'Hợp tác xã Nông nghiệp Thới Lai Xanh', toOrganisationId: coop.id, areaHa: leased.reduce((s, p) => s + Number(p.areaHa), 0), agreedOn: '2026-04-15', termYears: 5, notes: 'Hợp đồng thuê để sản xuất lúa chất lượng cao tập trung', createdBy: officer.id, createdAt: SEEDED_AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('landConsolidationPlots').values(leased.map((p) => ({ consolidationId: leaseId, plotId: p.id }))).execute();
}
