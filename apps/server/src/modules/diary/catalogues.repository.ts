/**
 * Catalogues: crops with their varieties, fertiliser products with their N–P2O5–K2O fractions and
 * pesticide products with their active ingredients and default PHI. Readable by everyone logged in;
 * admins add entries. Entries are never edited or removed: facts computed later must read the same
 * fractions as when the record was made.
 */
import { sql } from 'kysely';
import type { CreateCropBody, CreatePesticideProductBody } from '@dongxanh/contracts';
import type { Executor } from '../../db/database.ts';
import type { StoredActiveIngredient } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import type { FertiliserProductFacts } from './season-facts.ts';

export async function listCrops(db: Executor) {
  const [crops, varieties] = await Promise.all([
    db.selectFrom('crops').select(['code', 'nameVi', 'nameEn', 'kind', 'family']).orderBy('kind').orderBy('code').execute(),
    db.selectFrom('cropVarieties').select(['cropCode', 'code', 'nameVi', 'nameEn']).orderBy('cropCode').orderBy('code').execute(),
  ]);
  return crops.map((c) => ({ ...c, varieties: varieties.filter((v) => v.cropCode === c.code).map(({ cropCode: _, ...v }) => v) }));
}

export const findCrop = (db: Executor, code: string) =>
  db.selectFrom('crops').select(['code', 'nameVi', 'nameEn', 'kind', 'family']).where('code', '=', code).executeTakeFirst();

export async function insertCrop(db: Executor, actor: Actor, body: CreateCropBody) {
  await db.insertInto('crops').values({ code: body.code, nameVi: body.nameVi, nameEn: body.nameEn, kind: body.kind, family: body.family, createdBy: actor.userId }).execute();
  if (body.varieties.length) {
    await db.insertInto('cropVarieties').values(body.varieties.map((v) => ({ cropCode: body.code, code: v.code, nameVi: v.nameVi, nameEn: v.nameEn, createdBy: actor.userId }))).execute();
  }
}

const fertiliserColumns = ['code', 'nameVi', 'nameEn', 'nFraction', 'p2o5Fraction', 'k2oFraction', 'isUrea', 'nSource', 'limeKind'] as const;

export const listFertiliserProducts = (db: Executor) => db.selectFrom('fertiliserProducts').select(fertiliserColumns).orderBy('code').execute();

export async function fertiliserProductMap(db: Executor): Promise<Map<string, FertiliserProductFacts>> {
  const rows = await listFertiliserProducts(db);
  return new Map(rows.map((r) => [r.code, r]));
}

export async function insertFertiliserProduct(db: Executor, actor: Actor, p: FertiliserProductFacts & { nameVi: string; nameEn: string }) {
  await db
    .insertInto('fertiliserProducts')
    .values({
      code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, nFraction: p.nFraction, p2o5Fraction: p.p2o5Fraction, k2oFraction: p.k2oFraction,
      isUrea: p.isUrea, nSource: p.nSource, limeKind: p.limeKind, createdBy: actor.userId,
    })
    .execute();
}

export interface PesticideProduct {
  code: string;
  name: string;
  activeIngredients: StoredActiveIngredient[];
  defaultPhiDays: number;
  phiSource: string | null;
}

export const listPesticideProducts = (db: Executor): Promise<PesticideProduct[]> =>
  db.selectFrom('pesticideProducts').select(['code', 'name', 'activeIngredients', 'defaultPhiDays', 'phiSource']).orderBy('code').execute();

export async function pesticideProductMap(db: Executor): Promise<Map<string, PesticideProduct>> {
  return new Map((await listPesticideProducts(db)).map((p) => [p.code, p]));
}

export async function insertPesticideProduct(db: Executor, actor: Actor, body: CreatePesticideProductBody) {
  await db
    .insertInto('pesticideProducts')
    .values({ code: body.code, name: body.name, activeIngredients: JSON.stringify(body.activeIngredients), defaultPhiDays: body.defaultPhiDays, phiSource: body.phiSource ?? null, createdBy: actor.userId })
    .execute();
}

/** Does any catalogue already use this code? (one code space per catalogue) */
export async function catalogueCodeExists(db: Executor, table: 'crops' | 'fertiliserProducts' | 'pesticideProducts', code: string) {
  const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}
