/**
 * Lots, their origins and events in the database. Reads that answer a caller are filtered by scope:
 * a lot is visible to whoever sees its owner organisation (auth/scope.ts) and to the organisation it
 * is in transit to. Mass is only ever taken from a lot by `takeFromLot`, one conditional UPDATE that
 * the CHECK constraints back up (migration 2026-11-23T2130).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { EpcisEventType, StoredSeasonPractices, TraceOperation, TraceProductKind } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import type { Burden } from './allocation.ts';

export function lotVisibleTo(actor: Actor, alias: string): Expression<SqlBool> {
  const inTransit = actor.organisationId ? sql<SqlBool>`${sql.ref(`${alias}.in_transit_to`)} = ${actor.organisationId}` : sql<SqlBool>`false`;
  return sql<SqlBool>`(${visibleTo(actor, alias, null)} or ${inTransit})`;
}

export const lotColumns = [
  'l.id', 'l.kind', 'l.code', 'l.lotNumber', 'l.tradeItemId', 'l.gtin', 'l.productKind', 'l.organisationId', 'l.provinceCode', 'l.communeCode',
  'l.massKg', 'l.availableKg', 'l.moisturePct', 'l.producedOn', 'l.status', 'l.inTransitTo', 'l.parentLotId', 'l.co2eKg', 'l.baselineCo2eKg',
  'l.createdAt', 'o.name as organisationName', 't.nameVi as productNameVi', 't.nameEn as productNameEn', 't.companyPrefix',
] as const;

const lotBase = (db: Executor) =>
  db.selectFrom('traceLots as l').innerJoin('organisations as o', 'o.id', 'l.organisationId').leftJoin('traceTradeItems as t', 't.id', 'l.tradeItemId');

export type LotRow = NonNullable<Awaited<ReturnType<typeof findLot>>>;

export const findLot = (db: Executor, actor: Actor, id: string) => lotBase(db).select(lotColumns).where('l.id', '=', id).where(lotVisibleTo(actor, 'l')).executeTakeFirst();
export const findLotsUnscoped = (db: Executor, ids: readonly string[]) =>
  ids.length ? lotBase(db).select(lotColumns).where('l.id', 'in', ids).execute() : Promise.resolve([]);

export async function listLots(db: Executor, actor: Actor, f: { kind?: 'lot' | 'unit' | undefined; status?: string | undefined; q?: string | undefined; parentLotId?: string | undefined }, page: number, pageSize: number) {
  let q = lotBase(db).where(lotVisibleTo(actor, 'l'));
  if (f.kind) q = q.where('l.kind', '=', f.kind);
  if (f.status) q = q.where('l.status', '=', f.status as 'active');
  if (f.parentLotId) q = q.where('l.parentLotId', '=', f.parentLotId);
  if (f.q) q = q.where((eb) => eb.or([eb('l.code', 'ilike', `%${f.q}%`), eb('l.lotNumber', 'ilike', `%${f.q}%`), eb('l.gtin', 'like', `%${f.q}%`)]));
  const [items, total] = await Promise.all([
    q.select(lotColumns).orderBy('l.createdAt', 'desc').orderBy('l.code').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function originsOf(db: Executor, lotIds: readonly string[]) {
  if (!lotIds.length) return [];
  return db.selectFrom('traceLotOrigins').select(['lotId', 'seasonId', 'provinceCode', 'harvestedKg', 'labelKg']).where('lotId', 'in', lotIds).execute();
}

export async function burdenOf(db: Executor, lot: { id: string; massKg: number; co2eKg: number; baselineCo2eKg: number }): Promise<Burden> {
  const origins = await originsOf(db, [lot.id]);
  return { massKg: lot.massKg, co2eKg: lot.co2eKg, baselineCo2eKg: lot.baselineCo2eKg, origins: new Map(origins.map((o) => [o.seasonId, o.harvestedKg])), labelOrigins: new Map(origins.map((o) => [o.seasonId, o.labelKg])) };
}

/**
 * Takes `kg` from an active lot the caller's organisation owns; null when the lot has less than that
 * available (or is not active) — the caller reports what is left. A lot taken to 0 is 'consumed'.
 */
export async function takeFromLot(db: Executor, actor: Actor, lotId: string, kg: number) {
  return db
    .updateTable('traceLots')
    .set({
      availableKg: sql`available_kg - ${kg}`,
      status: sql`case when available_kg - ${kg} <= 0 then 'consumed' else status end`,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    })
    .where('id', '=', lotId)
    .where('status', '=', 'active')
    .where(sql<SqlBool>`available_kg >= ${kg}`)
    .returning(['id', 'availableKg'])
    .executeTakeFirst();
}

export interface NewLot {
  kind: 'lot' | 'unit';
  code: string;
  lotNumber: string | null;
  tradeItemId: string | null;
  gtin: string | null;
  productKind: TraceProductKind;
  owner: { id: string; provinceCode: string; communeCode: string | null };
  moisturePct: number | null;
  producedOn: string;
  parentLotId: string | null;
  burden: Burden;
}

/** Inserts lots with their origins; returns their ids in order. */
export async function insertLots(db: Executor, actor: Actor, lots: readonly NewLot[], eventId: string): Promise<string[]> {
  if (!lots.length) return [];
  const ids: string[] = [];
  for (let i = 0; i < lots.length; i += 1000) {
    const chunk = lots.slice(i, i + 1000);
    const rows = await db
      .insertInto('traceLots')
      .values(chunk.map((l) => ({
        kind: l.kind, code: l.code, lotNumber: l.lotNumber, tradeItemId: l.tradeItemId, gtin: l.gtin, productKind: l.productKind,
        organisationId: l.owner.id, provinceCode: l.owner.provinceCode, communeCode: l.owner.communeCode,
        massKg: round3(l.burden.massKg), availableKg: round3(l.burden.massKg), moisturePct: l.moisturePct, producedOn: l.producedOn,
        inTransitTo: null, parentLotId: l.parentLotId, co2eKg: l.burden.co2eKg, baselineCo2eKg: l.burden.baselineCo2eKg,
        createdEventId: eventId, createdBy: actor.userId, updatedBy: null, updatedAt: null,
      })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  const origins = lots.flatMap((l, i) => [...l.burden.origins].map(([seasonId, kg]) => ({ lotId: ids[i]!, seasonId, kg, labelKg: l.burden.labelOrigins.get(seasonId) ?? 0 })));
  const provinces = new Map((await db.selectFrom('traceSeasonSources').select(['seasonId', 'provinceCode']).where('seasonId', 'in', [...new Set(origins.map((o) => o.seasonId))].concat(['00000000-0000-0000-0000-000000000000'])).execute()).map((r) => [r.seasonId, r.provinceCode]));
  for (let i = 0; i < origins.length; i += 2000) {
    await db
      .insertInto('traceLotOrigins')
      .values(origins.slice(i, i + 2000).map((o) => ({ lotId: o.lotId, seasonId: o.seasonId, provinceCode: provinces.get(o.seasonId)!, harvestedKg: o.kg, labelKg: o.labelKg })))
      .execute();
  }
  return ids;
}

const round3 = (kg: number) => Math.round(kg * 1000) / 1000;

export interface NewEvent {
  id: string;
  operation: TraceOperation;
  eventType: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: Date;
  organisationId: string | null;
  provinceCode: string | null;
  inputKg: number | null;
  outputKg: number | null;
  epcis: Record<string, unknown>;
  eventIdUri: string;
  importId?: string | null;
}

export async function insertEvent(db: Executor, actor: Actor, e: NewEvent) {
  await db
    .insertInto('traceEvents')
    .values({
      id: e.id, eventId: e.eventIdUri, operation: e.operation, eventType: e.eventType, action: e.action, bizStep: e.bizStep, disposition: e.disposition,
      eventTime: e.eventTime, eventTimeZoneOffset: String(e.epcis.eventTimeZoneOffset ?? '+07:00'), organisationId: e.organisationId, provinceCode: e.provinceCode,
      inputKg: e.inputKg === null ? null : round3(e.inputKg), outputKg: e.outputKg === null ? null : round3(e.outputKg), epcis: JSON.stringify(e.epcis),
      importId: e.importId ?? null, createdBy: actor.userId,
    })
    .execute();
}

export async function linkEventLots(db: Executor, eventId: string, links: ReadonlyArray<{ lotId: string; role: 'input' | 'output' | 'by_product' | 'object' | 'parent' | 'child'; massKg: number | null }>) {
  for (let i = 0; i < links.length; i += 2000) {
    await db.insertInto('traceEventLots').values(links.slice(i, i + 2000).map((l) => ({ eventId, lotId: l.lotId, role: l.role, massKg: l.massKg === null ? null : round3(l.massKg) }))).execute();
  }
}

export async function findOrganisation(db: Executor, id: string) {
  const org = await db.selectFrom('organisations').select(['id', 'name', 'gln', 'provinceCode', 'communeCode', 'kind']).where('id', '=', id).executeTakeFirst();
  if (!org) return undefined;
  const prefixes = await db.selectFrom('traceTradeItems').select('companyPrefix').where('organisationId', '=', id).execute();
  const companyPrefix = org.gln ? prefixes.map((p) => p.companyPrefix).find((p) => org.gln!.startsWith(p)) ?? null : null;
  return { ...org, companyPrefix };
}

export async function upsertSeasonSource(db: Executor, actor: Actor, s: {
  seasonId: string; provinceCode: string; communeCode: string; plotId: string; organisationId: string | null; harvestedKg: number;
  co2eT: number; baselineCo2eT: number; verified: boolean; method: string; practices: StoredSeasonPractices; now: Date;
}) {
  await db
    .insertInto('traceSeasonSources')
    .values({
      seasonId: s.seasonId, provinceCode: s.provinceCode, communeCode: s.communeCode, plotId: s.plotId, organisationId: s.organisationId,
      harvestedKg: round3(s.harvestedKg), co2eT: s.co2eT, baselineCo2eT: s.baselineCo2eT, verified: s.verified, method: s.method,
      practices: JSON.stringify(s.practices), refreshedAt: s.now, createdBy: actor.userId,
    })
    .onConflict((oc) => oc.columns(['seasonId', 'provinceCode']).doUpdateSet((eb) => ({
      harvestedKg: eb.ref('excluded.harvestedKg'), co2eT: eb.ref('excluded.co2eT'), baselineCo2eT: eb.ref('excluded.baselineCo2eT'),
      verified: eb.ref('excluded.verified'), method: eb.ref('excluded.method'), practices: eb.ref('excluded.practices'), refreshedAt: eb.ref('excluded.refreshedAt'),
    })))
    .execute();
}

/** Draws kg from a season's harvest; null when that would exceed what the diary says was harvested. */
export const drawFromSeason = (db: Executor, seasonId: string, kg: number) =>
  db
    .updateTable('traceSeasonSources')
    .set({ drawnKg: sql`drawn_kg + ${round3(kg)}` })
    .where('seasonId', '=', seasonId)
    .where(sql<SqlBool>`drawn_kg + ${round3(kg)} <= harvested_kg`)
    .returning(['seasonId', 'drawnKg', 'harvestedKg'])
    .executeTakeFirst();

export const seasonSource = (db: Executor, seasonId: string) =>
  db.selectFrom('traceSeasonSources').selectAll().where('seasonId', '=', seasonId).executeTakeFirst();

/** Every event linked to any of the lots, with their lot links. */
export async function eventsOfLots(db: Executor, lotIds: readonly string[]) {
  if (!lotIds.length) return [];
  return db
    .selectFrom('traceEventLots as el')
    .innerJoin('traceEvents as e', 'e.id', 'el.eventId')
    .select(['e.id', 'e.eventId', 'e.operation', 'e.eventType', 'e.bizStep', 'e.disposition', 'e.eventTime', 'e.organisationId', 'e.inputKg', 'e.outputKg'])
    .where('el.lotId', 'in', lotIds)
    .groupBy('e.id')
    .execute();
}

export async function lotLinksOfEvents(db: Executor, eventIds: readonly string[]) {
  if (!eventIds.length) return [];
  return db
    .selectFrom('traceEventLots as el')
    .innerJoin('traceLots as l', 'l.id', 'el.lotId')
    .select(['el.eventId', 'el.lotId', 'el.role', 'el.massKg', 'l.code', 'l.kind', 'l.productKind', 'l.parentLotId'])
    .where('el.eventId', 'in', eventIds)
    .execute();
}
