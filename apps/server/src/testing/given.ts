/**
 * Test factories: each call creates fresh records with unique names, so tests never share mutable
 * fixtures. Plots default to a square of `sideM` metres near Thới Lai, Cần Thơ.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LandUse, OrganisationKind, Role } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/passwords.ts';

export const TEST_PASSWORD = 'mật-khẩu-thử-nghiệm';
export const CAN_THO = '92';
export const THOI_LAI = '31258';
export const CO_DO = '31261';
export const BA_DINH_HANOI = '00004';

let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A square of `sideM` metres whose south-west corner is at lon/lat (small-area approximation). */
export function squarePolygon(lon: number, lat: number, sideM: number) {
  const dLat = sideM / 110_574;
  const dLon = sideM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon' as const,
    coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]],
  };
}

export function given(db: Database) {
  return {
    async organisation(o: { kind?: OrganisationKind; communeCode?: string; provinceCode?: string; name?: string } = {}) {
      const communeCode = o.communeCode ?? THOI_LAI;
      const unit = await db.selectFrom('adminUnits').select('parentCode').where('code', '=', communeCode).executeTakeFirstOrThrow();
      return db
        .insertInto('organisations')
        .values({ name: o.name ?? `HTX thử ${unique()}`, kind: o.kind ?? 'cooperative', provinceCode: unit.parentCode!, communeCode, taxCode: null, gln: null, createdBy: null })
        .returning(['id', 'name', 'communeCode', 'provinceCode'])
        .executeTakeFirstOrThrow();
    },

    async household(h: { organisationId?: string | null; communeCode?: string; headName?: string } = {}) {
      const communeCode = h.communeCode ?? THOI_LAI;
      const unit = await db.selectFrom('adminUnits').select('parentCode').where('code', '=', communeCode).executeTakeFirstOrThrow();
      return db
        .insertInto('households')
        .values({ headName: h.headName ?? `Hộ ${unique()}`, phone: null, address: null, organisationId: h.organisationId ?? null, provinceCode: unit.parentCode!, communeCode, createdBy: null })
        .returning(['id', 'organisationId', 'communeCode'])
        .executeTakeFirstOrThrow();
    },

    async user(u: { role: Role; organisationId?: string | null; householdId?: string | null; adminUnitCode?: string | null }) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const login = `${u.role}.${unique()}@test.dongxanh.vn`;
      const row = await db
        .insertInto('users')
        .values({
          displayName: `Người dùng ${u.role}`,
          email: login,
          phone: null,
          passwordHash: await passwordHash,
          role: u.role,
          organisationId: u.organisationId ?? null,
          householdId: u.householdId ?? null,
          adminUnitCode: u.adminUnitCode ?? null,
          createdBy: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, login, password: TEST_PASSWORD };
    },

    async plot(p: { organisationId?: string | null; householdId?: string | null; communeCode?: string; code?: string; landUse?: LandUse; boundary?: object; lon?: number; lat?: number; sideM?: number }) {
      const communeCode = p.communeCode ?? THOI_LAI;
      const unit = await db.selectFrom('adminUnits').select('parentCode').where('code', '=', communeCode).executeTakeFirstOrThrow();
      const geoJson = JSON.stringify(p.boundary ?? squarePolygon(p.lon ?? 105.55, p.lat ?? 10.06, p.sideM ?? 100));
      const geom = sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geoJson}), 4326))`;
      return db
        .insertInto('plots')
        .values({
          code: p.code ?? `T-${unique()}`,
          name: `Thửa ${unique()}`,
          householdId: p.householdId ?? null,
          organisationId: p.organisationId ?? null,
          provinceCode: unit.parentCode!,
          communeCode,
          landUse: p.landUse ?? 'rice',
          boundary: geom,
          areaHa: sql<number>`ST_Area(${geom}::geography) / 10000`,
          createdBy: null,
        })
        .returning(['id', 'code', 'areaHa'])
        .executeTakeFirstOrThrow();
    },

    /** A cooperative with one household, a plot, and users for its roles. */
    async cooperativeWithMembers(communeCode = THOI_LAI) {
      const coop = await this.organisation({ communeCode });
      const household = await this.household({ organisationId: coop.id, communeCode });
      const plot = await this.plot({ organisationId: coop.id, householdId: household.id, communeCode });
      const manager = await this.user({ role: 'coop_manager', organisationId: coop.id });
      const recorder = await this.user({ role: 'coop_recorder', organisationId: coop.id });
      const farmer = await this.user({ role: 'farmer', organisationId: coop.id, householdId: household.id });
      return { coop, household, plot, manager, recorder, farmer };
    },

    uuid: () => randomUUID(),
  };
}
