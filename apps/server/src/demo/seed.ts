/**
 * The demo: a rice cooperative in Thới Lai commune, Cần Thơ (commune code 31258, province 92), with
 * 30 member households and 60 paddy plots laid out as field strips along canals near 10.07 N,
 * 105.56 E, a rice mill enterprise, a verification body, and one user for each role. Deterministic:
 * the same data on every machine. Loaded only into a database that has no organisations yet.
 */
import { sql } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { seedDemoDiary } from './diary-demo.ts';
import { seedDemoMrv } from './mrv-demo.ts';
import { seedDemoTraceability } from './traceability-demo.ts';
import { seedDemoPlanning } from './plans-demo.ts';
import { refreshAll } from '../modules/dashboards/refresh.ts';

export const DEMO_PASSWORD = 'dongxanh2026';
export const DEMO_PROVINCE = '92'; // Thành phố Cần Thơ
export const DEMO_COMMUNE = '31258'; // Xã Thới Lai
const NEIGHBOUR_COMMUNE = '31261'; // Xã Cờ Đỏ

/** Who logs in to the demo, with which phone or e-mail (all with DEMO_PASSWORD). */
export const DEMO_USERS: Array<{ login: string; role: Role; name: string }> = [
  { login: 'admin@dongxanh.vn', role: 'admin', name: 'Quản trị hệ thống' },
  { login: '0901000001', role: 'province_officer', name: 'Trần Minh Khoa (Sở NN&MT Cần Thơ)' },
  { login: '0901000002', role: 'commune_officer', name: 'Lê Thị Thu Hà (UBND xã Thới Lai)' },
  { login: '0901000003', role: 'coop_manager', name: 'Nguyễn Văn Phúc (Giám đốc HTX)' },
  { login: '0901000004', role: 'coop_recorder', name: 'Phạm Thị Ngọc Ánh (Cán bộ ghi chép HTX)' },
  { login: '0901000005', role: 'farmer', name: 'Nguyễn Văn An' },
  { login: '0901000006', role: 'verifier', name: 'Đỗ Quang Huy (Tổ chức thẩm định)' },
  { login: '0901000007', role: 'enterprise', name: 'Võ Thanh Tâm (Nhà máy xay xát)' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MALE = ['Văn An', 'Văn Bình', 'Hữu Cường', 'Minh Đức', 'Văn Hải', 'Thanh Hùng', 'Quốc Khánh', 'Văn Lợi', 'Công Minh', 'Văn Nghĩa', 'Hoàng Phúc', 'Văn Quang', 'Tấn Sang', 'Văn Tài', 'Chí Thanh'];
const FEMALE = ['Thị Bích', 'Thị Cúc', 'Thị Dung', 'Ngọc Hân', 'Thị Hoa', 'Thị Kim', 'Thị Lan', 'Thị Mai', 'Thị Nga', 'Thị Oanh', 'Thị Phương', 'Thị Sương', 'Thị Thảo', 'Thị Uyên', 'Thị Xuân'];

/** A small deterministic PRNG (mulberry32) so the demo is identical everywhere. */
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

const METRES_PER_DEG_LAT = 110_574;
const metresPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/**
 * A field strip: Mekong paddies are long rectangles running back from a canal. The strip is rotated
 * with the canal's bearing; widths 40–80 m, lengths 120–260 m (0.5–2 ha).
 */
export function fieldStrip(originLon: number, originLat: number, alongM: number, acrossM: number, widthM: number, lengthM: number, bearingDeg: number) {
  const theta = (bearingDeg * Math.PI) / 180;
  const ux = Math.cos(theta), uy = Math.sin(theta); // along the canal
  const vx = -uy, vy = ux; // away from the canal
  const corner = (a: number, b: number): [number, number] => {
    const x = ux * a + vx * b;
    const y = uy * a + vy * b;
    return [
      Number((originLon + x / metresPerDegLon(originLat)).toFixed(7)),
      Number((originLat + y / METRES_PER_DEG_LAT).toFixed(7)),
    ];
  };
  const ring = [
    corner(alongM, acrossM),
    corner(alongM + widthM, acrossM),
    corner(alongM + widthM, acrossM + lengthM),
    corner(alongM, acrossM + lengthM),
  ];
  return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
}

export async function seedDemo(db: Database, log: (m: string) => void = () => {}) {
  const has = await db.selectFrom('organisations').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (has.n > 0) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = prng(20260123);

  await db.transaction().execute(async (tx) => {
    const org = (name: string, kind: 'cooperative' | 'enterprise' | 'verifier' | 'agency', communeCode: string, gln: string | null) =>
      tx.insertInto('organisations').values({ name, kind, provinceCode: DEMO_PROVINCE, communeCode, taxCode: null, gln, createdBy: null }).returning('id').executeTakeFirstOrThrow();
    const coop = await org('Hợp tác xã Nông nghiệp Thới Lai Xanh', 'cooperative', DEMO_COMMUNE, '8930000100016');
    const mill = await org('Công ty TNHH Xay xát Gạo Cờ Đỏ', 'enterprise', NEIGHBOUR_COMMUNE, '8930000200013');
    const verifierOrg = await org('Trung tâm Thẩm định Phát thải Mê Kông', 'verifier', '31135', null);
    await org('Sở Nông nghiệp và Môi trường thành phố Cần Thơ', 'agency', '31120', null);

    // 30 households, 2 plots each, along three canals of Thới Lai.
    const canals = [
      { lon: 105.5512, lat: 10.0648, bearing: 28 },
      { lon: 105.5631, lat: 10.0725, bearing: 31 },
      { lon: 105.5447, lat: 10.0793, bearing: 25 },
    ];
    const households: string[] = [];
    let plotNumber = 0;
    for (let i = 0; i < 30; i++) {
      const female = i % 3 === 1;
      const headName = `${FAMILY[i % FAMILY.length]} ${(female ? FEMALE : MALE)[(i * 7) % 15]}`;
      const { id } = await tx
        .insertInto('households')
        .values({
          headName: i === 0 ? 'Nguyễn Văn An' : headName,
          phone: `09${String(12000000 + i * 7919).padStart(8, '0')}`,
          address: `Ấp Thới Thuận ${1 + (i % 4)}, xã Thới Lai, TP. Cần Thơ`,
          organisationId: coop.id,
          provinceCode: DEMO_PROVINCE,
          communeCode: DEMO_COMMUNE,
          createdBy: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      households.push(id);
    }
    const canalOffset = [0, 0, 0];
    for (let p = 0; p < 60; p++) {
      const canalIndex = p % 3;
      const canal = canals[canalIndex]!;
      const width = 40 + Math.round(random() * 40);
      const length = 120 + Math.round(random() * 140);
      const boundary = fieldStrip(canal.lon, canal.lat, canalOffset[canalIndex]!, 12, width, length, canal.bearing);
      canalOffset[canalIndex]! += width + 4; // a 4 m bund between neighbouring strips
      plotNumber++;
      const code = `CT-TL-${String(plotNumber).padStart(3, '0')}`;
      const geoJson = JSON.stringify(boundary);
      const geom = sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geoJson}), 4326))`;
      await tx
        .insertInto('plots')
        .values({
          code,
          name: `Thửa ${plotNumber} – kênh ${['Thầy Ký', 'Ba Bọng', 'Đòn Dong'][canalIndex]}`,
          householdId: households[Math.floor(p / 2)]!,
          organisationId: coop.id,
          provinceCode: DEMO_PROVINCE,
          communeCode: DEMO_COMMUNE,
          landUse: 'rice',
          boundary: geom,
          areaHa: sql<number>`ST_Area(${geom}::geography) / 10000`,
          createdBy: null,
        })
        .execute();
    }
    await seedRegistryDetails(tx, coop.id, households);

    const user = (login: string, role: Role, name: string, scope: { organisationId?: string; householdId?: string; adminUnitCode?: string }) =>
      tx
        .insertInto('users')
        .values({
          displayName: name,
          phone: login.includes('@') ? null : login,
          email: login.includes('@') ? login : null,
          passwordHash,
          role,
          organisationId: scope.organisationId ?? null,
          householdId: scope.householdId ?? null,
          adminUnitCode: scope.adminUnitCode ?? null,
          createdBy: null,
        })
        .execute();
    const scopes: Record<Role, { organisationId?: string; householdId?: string; adminUnitCode?: string }> = {
      admin: {},
      province_officer: { adminUnitCode: DEMO_PROVINCE },
      commune_officer: { adminUnitCode: DEMO_COMMUNE },
      coop_manager: { organisationId: coop.id },
      coop_recorder: { organisationId: coop.id },
      farmer: { organisationId: coop.id, householdId: households[0]! },
      verifier: { organisationId: verifierOrg.id, adminUnitCode: DEMO_PROVINCE },
      enterprise: { organisationId: mill.id },
    };
    for (const u of DEMO_USERS) await user(u.login, u.role, u.name, scopes[u.role]);
    await seedDemoDiary(tx); // one Đông Xuân 2025–2026 season per plot (diary-demo.ts)
  });
  await seedDemoMrv(db, log); // project, runs, a verified submission, credits and a retirement (mrv-demo.ts)
  await seedDemoTraceability(db, log); // harvest → co-op lot → mill → milled rice, 5 kg bags, shipment, label (traceability-demo.ts)
  await db.transaction().execute((tx) => seedDemoPlanning(tx, passwordHash)); // the seeds' plans, zones, Lào Cai's diary, programme (plans-demo.ts)
  await refreshAll(db, { now: new Date() }); // the dashboards' rollups of everything above, so the first view is immediate
  log(`demo users (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.login} ${u.role}`).join(', ')}`);
  return { created: true };
}

/**
 * The members of the first three households, and a VietGAP growing area of the ten plots along the
 * Thầy Ký canal (CT-TL-001, -004, … -028; about 10 ha, well above the 0.1 ha minimum for annual
 * crops), approved by the province with its domestic code. The code follows the pattern of
 * Decision 3156/QĐ-BNN-TT without a district part; how that pattern applies after the 2025 reform
 * is unconfirmed (vn-standards.md §1.2), and codes are stored as issued anyway.
 */
async function seedRegistryDetails(tx: Executor, coopId: string, households: string[]) {
  const families = [
    { headBorn: 1968, headGender: 'male', spouse: ['Võ Thị Lan', 1971, 'female'], child: ['Nguyễn Minh Đức', 1995, 'male'] },
    { headBorn: 1975, headGender: 'female', spouse: ['Phạm Văn Hải', 1972, 'male'], child: ['Phạm Ngọc Hân', 1999, 'female'] },
    { headBorn: 1980, headGender: 'male', spouse: ['Huỳnh Thị Kim', 1983, 'female'], child: ['Lê Tấn Sang', 2006, 'male'] },
  ] as const;
  for (const [i, family] of families.entries()) {
    const household = await tx.selectFrom('households').select(['id', 'headName', 'phone']).where('id', '=', households[i]!).executeTakeFirstOrThrow();
    const member = (fullName: string, relation: 'head' | 'spouse' | 'child', birthYear: number, gender: 'male' | 'female', phone: string | null) =>
      ({ householdId: household.id, provinceCode: DEMO_PROVINCE, fullName, relation, birthYear, gender, phone, createdBy: null });
    await tx
      .insertInto('householdMembers')
      .values([
        member(household.headName, 'head', family.headBorn, family.headGender, household.phone),
        member(family.spouse[0], 'spouse', family.spouse[1], family.spouse[2], null),
        member(family.child[0], 'child', family.child[1], family.child[2], null),
      ])
      .execute();
  }

  const plotCodes = Array.from({ length: 10 }, (_, k) => `CT-TL-${String(1 + 3 * k).padStart(3, '0')}`);
  const plots = await tx.selectFrom('plots').select('id').where('code', 'in', plotCodes).where('provinceCode', '=', DEMO_PROVINCE).orderBy('code').execute();
  const area = await tx
    .insertInto('growingAreas')
    .values({ name: 'Vùng lúa VietGAP kênh Thầy Ký', crop: 'Lúa ST25', standard: 'vietgap', status: 'approved', organisationId: coopId, provinceCode: DEMO_PROVINCE, communeCode: DEMO_COMMUNE, createdBy: null, createdAt: new Date('2025-12-01T02:00:00Z'), updatedBy: null, updatedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('growingAreaPlots').values(plots.map((p) => ({ growingAreaId: area.id, plotId: p.id }))).execute();
  await tx
    .insertInto('growingAreaStatusHistory')
    .values([
      { growingAreaId: area.id, status: 'draft', reason: null, changedBy: null, changedAt: new Date('2025-12-01T02:00:00Z') },
      { growingAreaId: area.id, status: 'submitted', reason: null, changedBy: null, changedAt: new Date('2025-12-15T02:00:00Z') },
      { growingAreaId: area.id, status: 'approved', reason: 'Đạt yêu cầu kiểm tra thực địa', changedBy: null, changedAt: new Date('2026-02-10T02:00:00Z') },
    ])
    .execute();
  const code = await tx
    .insertInto('growingAreaCodes')
    .values({
      growingAreaId: area.id,
      kind: 'domestic',
      code: 'VN-92-31258-01-26',
      scheme: 'QĐ 3156/QĐ-BNN-TT',
      market: null,
      issuer: 'Chi cục Trồng trọt và Bảo vệ thực vật thành phố Cần Thơ',
      issuedOn: '2026-02-10',
      createdBy: null,
      createdAt: new Date('2026-02-10T02:00:00Z'),
      updatedBy: null,
      updatedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('growingAreaCodeHistory').values({ codeId: code.id, status: 'active', reason: null, changedBy: null, changedAt: new Date('2026-02-10T02:00:00Z') }).execute();
}
