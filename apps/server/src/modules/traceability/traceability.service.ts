/**
 * Lots and the events that move them (capability 8). Each operation runs in one transaction: it takes
 * mass from its input lots with conditional updates (the database refuses more than is there),
 * creates the output lots with their share of emissions and origins (allocation.ts), and stores the
 * EPCIS 2.0 event (epcis.ts) beside our own record of which lots it touched.
 *
 * Season facts and emissions are read BEFORE the transaction opens: they come from other modules'
 * services on the same database handle, and PGlite has a single connection.
 */
import { randomUUID } from 'node:crypto';
import type {
  AggregateLotsBody, CreateTradeItemBody, HarvestLotBody, LotDetailResponse, LotEventSummary, LotSummary, PackUnitsBody, ReceiveBody, SeasonFactsResponse,
  ShipBody, SplitLotBody, TradeItemResponse, TransformBody,
} from '@dongxanh/contracts';
import { gs1KeyProblem, gtin13From, gtinDigitalLink, ssccFrom, toGtin14 } from '@dongxanh/gs1';
import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { TraceProductKind } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { message, type MessageParam } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { organisationVisibleTo } from '../registry/registry-scope.ts';
import { ALLOCATION_RULE, allocateByMass, combine, harvestBurden, intensityOf, portionOf, type Burden } from './allocation.ts';
import {
  MILLING_BIZ_STEP, harvestEvent, palletUri, palletisingEvent, receivingEvent, shippingEvent, transformationEvent,
  type EpcisEvent, type LotIdentity, type Party,
} from './epcis.ts';
import { practicesOf } from './practices.ts';
import { createSeasonEmissionSource, type SeasonEmissionSource } from './season-emissions.ts';
import {
  burdenOf, drawFromSeason, eventsOfLots, findLot, findLotsUnscoped, findOrganisation, insertEvent, insertLots, linkEventLots, listLots,
  lotLinksOfEvents, originsOf, takeFromLot, upsertSeasonSource, type LotRow, type NewLot,
} from './traceability.repository.ts';

export type TraceabilityDeps = {
  db: Database;
  clock: Clock;
  /** The diary's derived facts of a season the actor may see (404 otherwise). */
  seasonFacts: (actor: Actor, seasonId: string) => Promise<SeasonFactsResponse>;
  /** Told when lots or certificates change what the public page shows (it drops its cache). */
  onPublicChange?: () => void;
};

const ruleViolated = (path: string, text: ErrorText) => new DomainError('rule_violated', text, { errors: [fieldError(path, text)] });
/** A mass in a message: 1,234.5 kg in English, 1.234,5 kg in Vietnamese. */
const kg = (n: number): MessageParam => ({ number: n, maxDigits: 3, unit: 'kg' });

export function presentLot(l: LotRow, linkBase: string | null): LotSummary {
  return {
    id: l.id, kind: l.kind, code: l.code, lotNumber: l.lotNumber, gtin: l.gtin, productKind: l.productKind,
    productName: l.productNameVi ?? null, organisationId: l.organisationId, organisationName: l.organisationName,
    massKg: l.massKg, availableKg: l.availableKg, producedOn: l.producedOn, status: l.status, inTransitTo: l.inTransitTo,
    intensityKgCo2ePerKg: intensityOf({ massKg: l.massKg, co2eKg: l.co2eKg }),
    baselineIntensityKgCo2ePerKg: intensityOf({ massKg: l.massKg, co2eKg: l.baselineCo2eKg }),
    digitalLink: linkBase ? digitalLinkOf(l, linkBase) : null,
    createdAt: l.createdAt.toISOString(),
  };
}

/** The GS1 Digital Link of a lot (GTIN + lot) or a unit (GTIN + lot + serial); null without a GTIN. */
export function digitalLinkOf(l: { kind: 'lot' | 'unit'; gtin: string | null; code: string; lotNumber: string | null }, linkBase: string): string | null {
  if (!l.gtin) return null;
  return l.kind === 'unit' ? gtinDigitalLink(linkBase, { gtin: l.gtin, lot: l.lotNumber ?? undefined, serial: l.code }) : gtinDigitalLink(linkBase, { gtin: l.gtin, lot: l.code });
}

const identity = (l: { id: string; kind: 'lot' | 'unit'; code: string; lotNumber: string | null; gtin: string | null; companyPrefix?: string | null }): LotIdentity => ({
  id: l.id, kind: l.kind, code: l.code, lotNumber: l.lotNumber, gtin: l.gtin, companyPrefix: l.companyPrefix ?? null,
});

export function createTraceabilityService(deps: TraceabilityDeps) {
  const { db, clock } = deps;
  const changed = () => deps.onPublicChange?.();

  async function ownerOf(tx: Executor, actor: Actor, fallbackOrganisationId?: string | null) {
    const id = actor.organisationId ?? fallbackOrganisationId;
    if (!id) throw new DomainError('rule_violated', message('trace.noOrganisation'));
    const org = await findOrganisation(tx, id);
    if (!org) throw notFound('Organisation', id);
    return org;
  }
  const partyOf = (o: { id: string; gln: string | null; companyPrefix: string | null }): Party => ({ id: o.id, gln: o.gln, companyPrefix: o.companyPrefix });

  async function tradeItemFor(tx: Executor, organisationId: string, tradeItemId: string | undefined, path: string) {
    if (!tradeItemId) return null;
    const item = await tx.selectFrom('traceTradeItems').selectAll().where('id', '=', tradeItemId).executeTakeFirst();
    if (!item || item.organisationId !== organisationId) throw ruleViolated(path, message('trace.notYourTradeItem', { id: tradeItemId }));
    return item;
  }

  async function assertCodeFree(tx: Executor, organisationId: string, gtin: string | null, code: string, path: string) {
    const clash = await tx
      .selectFrom('traceLots')
      .select('id')
      .where('kind', '=', 'lot')
      .where((eb) => eb.or([eb('organisationId', '=', organisationId), ...(gtin ? [eb('gtin', '=', gtin)] : [])]))
      .where('code', '=', code)
      .executeTakeFirst();
    if (clash) throw new DomainError('conflict', gtin ? message('trace.lotNumberUsedGtin', { code, gtin }) : message('trace.lotNumberUsed', { code }), { errors: [fieldError(path, message('field.alreadyUsed'))] });
  }

  /** Takes each input's mass from its lot (refusing more than is left) and returns what they bring. */
  async function consume(tx: Executor, actor: Actor, inputs: ReadonlyArray<{ lotId: string; massKg: number }>, ownerId: string, path: string) {
    const parts: Array<{ lot: LotRow; burden: Burden; massKg: number }> = [];
    const seen = new Set<string>();
    for (const [i, input] of inputs.entries()) {
      if (seen.has(input.lotId)) throw ruleViolated(`${path}[${i}].lotId`, message('trace.lotTwice', { id: input.lotId }));
      seen.add(input.lotId);
      const lot = await findLot(tx, actor, input.lotId);
      if (!lot) throw notFound('Lot', input.lotId);
      if (lot.organisationId !== ownerId) throw new DomainError('forbidden', message('trace.lotOwnerOnly', { code: lot.code, owner: lot.organisationName }));
      if (lot.status !== 'active') throw ruleViolated(`${path}[${i}].lotId`, lot.status === 'in_transit' ? message('trace.lotInTransit', { code: lot.code }) : message('trace.lotUsedUp', { code: lot.code }));
      const taken = await takeFromLot(tx, actor, lot.id, input.massKg);
      if (!taken) throw ruleViolated(`${path}[${i}].massKg`, message('trace.lotNotEnough', { code: lot.code, left: kg(lot.availableKg), wanted: kg(input.massKg) }));
      parts.push({ lot, burden: portionOf(await burdenOf(tx, lot), input.massKg), massKg: input.massKg });
    }
    return parts;
  }

  async function record(tx: Executor, actor: Actor, e: {
    id: string; epcis: EpcisEvent; operation: 'harvest' | 'aggregation' | 'transformation' | 'split' | 'packing' | 'palletising' | 'shipping' | 'receiving';
    owner: { id: string; provinceCode: string }; inputKg: number | null; outputKg: number | null;
    links: ReadonlyArray<{ lotId: string; role: 'input' | 'output' | 'by_product' | 'object' | 'parent' | 'child'; massKg: number | null }>;
  }) {
    const ev = e.epcis;
    await insertEvent(tx, actor, {
      id: e.id, operation: e.operation, eventType: ev.type as 'ObjectEvent', action: (ev.action as 'ADD' | undefined) ?? null,
      bizStep: (ev.bizStep as string | undefined) ?? null, disposition: (ev.disposition as string | undefined) ?? null,
      eventTime: new Date(ev.eventTime), organisationId: e.owner.id, provinceCode: e.owner.provinceCode,
      inputKg: e.inputKg, outputKg: e.outputKg, epcis: ev, eventIdUri: ev.eventID,
    });
    await linkEventLots(tx, e.id, e.links);
  }

  const when = (iso: string | undefined) => (iso ? new Date(iso) : clock.now());

  async function lotsOut(tx: Executor, ids: readonly string[], linkBase: string | null) {
    const rows = await findLotsUnscoped(tx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => presentLot(byId.get(id)!, linkBase));
  }

  return {
    emissionSourceFor(actor: Actor): SeasonEmissionSource {
      return createSeasonEmissionSource({ db, factsOf: (id) => deps.seasonFacts(actor, id) });
    },

    // ------------------------------------------------------------------------------ trade items
    async createTradeItem(actor: Actor, body: CreateTradeItemBody): Promise<TradeItemResponse> {
      assertCan(actor, 'trace:write');
      const organisationId = body.organisationId ?? actor.organisationId;
      if (!organisationId) throw ruleViolated('organisationId', message('trace.nameOrganisation'));
      if (actor.role !== 'admin' && organisationId !== actor.organisationId) throw new DomainError('forbidden', message('trace.ownTradeItemsOnly'));
      let gtin: string;
      if (body.gtin) {
        const problem = gs1KeyProblem('gtin', body.gtin);
        if (problem) throw ruleViolated('gtin', problem);
        gtin = toGtin14(body.gtin);
        if (!gtin.slice(1).startsWith(body.companyPrefix)) throw ruleViolated('gtin', message('trace.gtinNotUnderPrefix', { gtin: body.gtin, prefix: body.companyPrefix }));
      } else if (body.itemReference !== undefined) {
        const room = 12 - body.companyPrefix.length;
        if (body.itemReference.length > room) throw ruleViolated('itemReference', message('trace.itemReferenceRoom', { prefix: body.companyPrefix, room: String(room) }));
        gtin = toGtin14(gtin13From(body.companyPrefix, body.itemReference.padStart(room, '0')));
      } else {
        throw ruleViolated('gtin', message('trace.giveGtin'));
      }
      return db.transaction().execute(async (tx) => {
        const org = await tx.selectFrom('organisations as o').select('o.id').where('o.id', '=', organisationId).where(organisationVisibleTo(actor, 'o')).executeTakeFirst();
        if (!org) throw notFound('Organisation', organisationId);
        const existing = await tx.selectFrom('traceTradeItems').select('id').where('gtin', '=', gtin).executeTakeFirst();
        if (existing) throw new DomainError('conflict', message('trace.gtinRegistered', { gtin }), { errors: [fieldError('gtin', message('trace.alreadyRegistered'))] });
        const row = await tx
          .insertInto('traceTradeItems')
          .values({ organisationId, gtin, companyPrefix: body.companyPrefix, nameVi: body.nameVi, nameEn: body.nameEn, productKind: body.productKind, netContentKg: body.netContentKg ?? null, createdBy: actor.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { id: row.id, organisationId: row.organisationId, gtin: row.gtin, companyPrefix: row.companyPrefix, nameVi: row.nameVi, nameEn: row.nameEn, productKind: row.productKind, netContentKg: row.netContentKg };
      });
    },

    async listTradeItems(actor: Actor): Promise<TradeItemResponse[]> {
      assertCan(actor, 'registry:read');
      const rows = await db
        .selectFrom('traceTradeItems as t')
        .innerJoin('organisations as o', 'o.id', 't.organisationId')
        .select(['t.id', 't.organisationId', 't.gtin', 't.companyPrefix', 't.nameVi', 't.nameEn', 't.productKind', 't.netContentKg'])
        .where(organisationVisibleTo(actor, 'o'))
        .orderBy('t.gtin')
        .execute();
      return rows;
    },

    /** Cooperatives and enterprises a lot can be shipped to: their business names and GLNs. */
    async partners(actor: Actor) {
      assertCan(actor, 'registry:read');
      const items = await db.selectFrom('organisations').select(['id', 'name', 'kind', 'gln']).where('kind', 'in', ['cooperative', 'enterprise']).orderBy('name').limit(1000).execute();
      return { items };
    },

    // ------------------------------------------------------------------------------ harvest
    async harvest(actor: Actor, body: HarvestLotBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const ids = body.sources.map((s) => s.seasonId);
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup) throw ruleViolated('sources', message('trace.seasonTwice', { id: dup }));
      // Read first (other modules, same handle): facts, emissions.
      const facts = new Map<string, SeasonFactsResponse>();
      for (const id of ids) facts.set(id, await deps.seasonFacts(actor, id));
      const emissions = new Map((await this.emissionSourceFor(actor).emissionsFor(ids)).map((e) => [e.seasonId, e]));
      const seasons = await db
        .selectFrom('seasons as s')
        .innerJoin('plots as p', 'p.id', 's.plotId')
        .select(['s.id', 's.provinceCode', 's.communeCode', 's.plotId', 's.organisationId', 's.variety', 's.actualEndOn', 'p.code as plotCode'])
        .where('s.id', 'in', ids)
        .execute();
      const seasonById = new Map(seasons.map((s) => [s.id, s]));
      const codes = await db
        .selectFrom('growingAreaPlots as gp')
        .innerJoin('growingAreaCodes as c', 'c.growingAreaId', 'gp.growingAreaId')
        .select(['gp.plotId', 'c.code'])
        .where('gp.plotId', 'in', seasons.map((s) => s.plotId))
        .where('c.status', '=', 'active')
        .execute();

      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor, seasons[0]?.organisationId);
        const item = await tradeItemFor(tx, owner.id, body.tradeItemId, 'tradeItemId');
        await assertCodeFree(tx, owner.id, item?.gtin ?? null, body.code, 'code');
        const shares = [];
        const harvestDates = new Set<string>();
        for (const [i, source] of body.sources.entries()) {
          const f = facts.get(source.seasonId)!;
          const season = seasonById.get(source.seasonId)!;
          const yieldKgPerHa = f.facts.yieldKgPerHa.value;
          if (yieldKgPerHa === null) throw ruleViolated(`sources[${i}].seasonId`, message('trace.noHarvest', { id: source.seasonId, plot: season.plotCode }));
          const e = emissions.get(source.seasonId)!;
          await upsertSeasonSource(tx, actor, {
            seasonId: season.id, provinceCode: season.provinceCode, communeCode: season.communeCode, plotId: season.plotId, organisationId: season.organisationId,
            harvestedKg: yieldKgPerHa * f.areaHa, co2eT: e.co2eT, baselineCo2eT: e.baselineCo2eT, verified: e.verified, method: e.method,
            practices: practicesOf(f, season.variety), now: clock.now(),
          });
          const drawn = await drawFromSeason(tx, season.id, source.massKg);
          if (!drawn) {
            const s = await tx.selectFrom('traceSeasonSources').select(['harvestedKg', 'drawnKg']).where('seasonId', '=', season.id).executeTakeFirstOrThrow();
            throw ruleViolated(`sources[${i}].massKg`, message('trace.exceedsHarvest', { plot: season.plotCode, harvested: kg(s.harvestedKg), drawn: kg(s.drawnKg), more: kg(source.massKg) }));
          }
          shares.push({ seasonId: season.id, massKg: source.massKg, seasonHarvestedKg: drawn.harvestedKg, seasonCo2eT: e.co2eT, seasonBaselineCo2eT: e.baselineCo2eT });
          for (const h of f.facts.yieldKgPerHa.sources) harvestDates.add(h.occurredOn);
        }
        const burden = harvestBurden(shares);
        const eventId = randomUUID();
        const [lotId] = await insertLots(tx, actor, [{
          kind: 'lot', code: body.code, lotNumber: null, tradeItemId: item?.id ?? null, gtin: item?.gtin ?? null, productKind: item?.productKind ?? 'paddy',
          owner: { id: owner.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode }, moisturePct: body.moisturePct ?? null,
          producedOn: body.producedOn, parentLotId: null, burden,
        }], eventId);
        const lot = { id: lotId!, kind: 'lot' as const, code: body.code, lotNumber: null, gtin: item?.gtin ?? null, companyPrefix: item?.companyPrefix ?? null };
        const epcis = harvestEvent({
          eventId, at: when(body.eventTime), lot, massKg: burden.massKg, owner: partyOf(owner), harvestDates: [...harvestDates].sort(),
          growingAreaCodes: [...new Set(codes.filter((c) => seasons.some((s) => s.plotId === c.plotId)).map((c) => c.code))].sort(),
          moisturePct: body.moisturePct ?? null, seasons: shares.length,
        });
        await record(tx, actor, { id: eventId, epcis, operation: 'harvest', owner, inputKg: null, outputKg: burden.massKg, links: [{ lotId: lotId!, role: 'output', massKg: burden.massKg }] });
        return { eventIds: [eventId], lots: await lotsOut(tx, [lotId!], linkBase) };
      });
      changed();
      return result;
    },

    // ------------------------------------------------------------------------------ aggregation
    async aggregate(actor: Actor, body: AggregateLotsBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor);
        const item = await tradeItemFor(tx, owner.id, body.tradeItemId, 'tradeItemId');
        await assertCodeFree(tx, owner.id, item?.gtin ?? null, body.code, 'code');
        const parts = await consume(tx, actor, body.inputs, owner.id, 'inputs');
        const kinds = new Set(parts.map((p) => p.lot.productKind));
        if (kinds.size > 1) throw ruleViolated('inputs', message('trace.oneProduct', { kinds: [...kinds].join(', ') }));
        const burden = combine(parts.map((p) => p.burden));
        const eventId = randomUUID();
        const [lotId] = await insertLots(tx, actor, [{
          kind: 'lot', code: body.code, lotNumber: null, tradeItemId: item?.id ?? null, gtin: item?.gtin ?? null, productKind: item?.productKind ?? parts[0]!.lot.productKind,
          owner: { id: owner.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode }, moisturePct: null, producedOn: body.producedOn, parentLotId: null, burden,
        }], eventId);
        const out = { id: lotId!, kind: 'lot' as const, code: body.code, lotNumber: null, gtin: item?.gtin ?? null, companyPrefix: item?.companyPrefix ?? null };
        const epcis = transformationEvent({
          eventId, at: when(body.eventTime), bizStep: 'commissioning', owner: partyOf(owner),
          inputs: parts.map((p) => ({ lot: identity(p.lot), massKg: p.massKg })), outputs: [{ lot: out, massKg: burden.massKg, byProduct: false }],
          extensions: { 'dx:operation': 'aggregation' },
        });
        await record(tx, actor, {
          id: eventId, epcis, operation: 'aggregation', owner, inputKg: burden.massKg, outputKg: burden.massKg,
          links: [...parts.map((p) => ({ lotId: p.lot.id, role: 'input' as const, massKg: p.massKg })), { lotId: lotId!, role: 'output', massKg: burden.massKg }],
        });
        return { eventIds: [eventId], lots: await lotsOut(tx, [lotId!], linkBase) };
      });
      changed();
      return result;
    },

    // ------------------------------------------------------------------------------ transformation
    async transform(actor: Actor, body: TransformBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const inputKg = body.inputs.reduce((s, i) => s + i.massKg, 0);
      const outputKg = body.outputs.reduce((s, o) => s + o.massKg, 0);
      if (outputKg > inputKg + 1e-9) throw ruleViolated('outputs', message('trace.outputsTooHeavy', { out: kg(outputKg), in: kg(inputKg) }));
      if (!body.outputs.some((o) => !o.byProduct)) throw ruleViolated('outputs', message('trace.mainProduct'));
      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor);
        const items: Array<Awaited<ReturnType<typeof tradeItemFor>>> = [];
        for (const [i, o] of body.outputs.entries()) {
          const item = await tradeItemFor(tx, owner.id, o.tradeItemId, `outputs[${i}].tradeItemId`);
          if (item && item.productKind !== o.productKind) throw ruleViolated(`outputs[${i}].productKind`, message('trace.itemKindMismatch', { gtin: item.gtin, kind: item.productKind, other: o.productKind }));
          await assertCodeFree(tx, owner.id, item?.gtin ?? null, o.code, `outputs[${i}].code`);
          items.push(item);
        }
        const codes = body.outputs.map((o) => o.code);
        if (new Set(codes).size !== codes.length) throw ruleViolated('outputs', message('trace.ownLotNumber'));
        const parts = await consume(tx, actor, body.inputs, owner.id, 'inputs');
        const burdens = allocateByMass(combine(parts.map((p) => p.burden)), body.outputs);
        const eventId = randomUUID();
        const newLots: NewLot[] = body.outputs.map((o, i) => ({
          kind: 'lot', code: o.code, lotNumber: null, tradeItemId: items[i]?.id ?? null, gtin: items[i]?.gtin ?? null, productKind: o.productKind,
          owner: { id: owner.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode }, moisturePct: o.moisturePct ?? null,
          producedOn: body.producedOn, parentLotId: null, burden: burdens[i]!,
        }));
        const ids = await insertLots(tx, actor, newLots, eventId);
        const mainKg = body.outputs.filter((o) => !o.byProduct).reduce((s, o) => s + o.massKg, 0);
        const epcis = transformationEvent({
          eventId, at: when(body.eventTime), bizStep: body.process === 'milling' ? MILLING_BIZ_STEP : 'commissioning', owner: partyOf(owner),
          inputs: parts.map((p) => ({ lot: identity(p.lot), massKg: p.massKg })),
          outputs: body.outputs.map((o, i) => ({ lot: identity({ id: ids[i]!, kind: 'lot', code: o.code, lotNumber: null, gtin: items[i]?.gtin ?? null, companyPrefix: items[i]?.companyPrefix ?? null }), massKg: o.massKg, byProduct: o.byProduct })),
          extensions: { 'dx:operation': body.process, 'dx:conversionRatio': Math.round((mainKg / inputKg) * 10000) / 10000 },
        });
        await record(tx, actor, {
          id: eventId, epcis, operation: 'transformation', owner, inputKg, outputKg,
          links: [
            ...parts.map((p) => ({ lotId: p.lot.id, role: 'input' as const, massKg: p.massKg })),
            ...body.outputs.map((o, i) => ({ lotId: ids[i]!, role: o.byProduct ? ('by_product' as const) : ('output' as const), massKg: o.massKg })),
          ],
        });
        return { eventIds: [eventId], lots: await lotsOut(tx, ids, linkBase), conversionRatio: mainKg / inputKg };
      });
      changed();
      return result;
    },

    // ------------------------------------------------------------------------------ split
    async split(actor: Actor, lotId: string, body: SplitLotBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const total = body.parts.reduce((s, p) => s + p.massKg, 0);
      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor);
        const source = await findLot(tx, actor, lotId);
        if (!source) throw notFound('Lot', lotId);
        if (source.kind !== 'lot') throw ruleViolated('lotId', message('trace.unitNotSplit'));
        for (const [i, p] of body.parts.entries()) await assertCodeFree(tx, owner.id, source.gtin, p.code, `parts[${i}].code`);
        const [part] = await consume(tx, actor, [{ lotId, massKg: total }], owner.id, 'parts');
        const burdens = allocateByMass(part!.burden, body.parts);
        const eventId = randomUUID();
        const ids = await insertLots(tx, actor, body.parts.map((p, i) => ({
          kind: 'lot' as const, code: p.code, lotNumber: null, tradeItemId: source.tradeItemId, gtin: source.gtin, productKind: source.productKind,
          owner: { id: owner.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode }, moisturePct: source.moisturePct,
          producedOn: body.producedOn, parentLotId: source.id, burden: burdens[i]!,
        })), eventId);
        const epcis = transformationEvent({
          eventId, at: when(body.eventTime), bizStep: 'commissioning', owner: partyOf(owner),
          inputs: [{ lot: identity(source), massKg: total }],
          outputs: body.parts.map((p, i) => ({ lot: identity({ id: ids[i]!, kind: 'lot', code: p.code, lotNumber: null, gtin: source.gtin, companyPrefix: source.companyPrefix }), massKg: p.massKg, byProduct: false })),
          extensions: { 'dx:operation': 'split' },
        });
        await record(tx, actor, {
          id: eventId, epcis, operation: 'split', owner, inputKg: total, outputKg: total,
          links: [{ lotId: source.id, role: 'input', massKg: total }, ...ids.map((id, i) => ({ lotId: id, role: 'output' as const, massKg: body.parts[i]!.massKg }))],
        });
        return { eventIds: [eventId], lots: await lotsOut(tx, ids, linkBase) };
      });
      changed();
      return result;
    },

    // ------------------------------------------------------------------------------ packing into units
    async pack(actor: Actor, lotId: string, body: PackUnitsBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor);
        const source = await findLot(tx, actor, lotId);
        if (!source) throw notFound('Lot', lotId);
        if (source.kind !== 'lot') throw ruleViolated('lotId', message('trace.packFromLot'));
        const item = (await tradeItemFor(tx, owner.id, body.tradeItemId, 'tradeItemId'))!;
        if (item.productKind !== source.productKind) throw ruleViolated('tradeItemId', message('trace.itemLotKind', { gtin: item.gtin, kind: item.productKind, lot: source.code, lotKind: source.productKind }));
        const unitKg = body.unitMassKg ?? item.netContentKg;
        if (!unitKg) throw ruleViolated('unitMassKg', message('trace.noNetContent', { gtin: item.gtin }));
        const totalKg = unitKg * body.count;
        const last = await tx
          .selectFrom('traceLots')
          .select(sql<number>`coalesce(max(substring(code from ${`^${body.serialPrefix}-([0-9]+)$`})::int), 0)`.as('n'))
          .where('kind', '=', 'unit')
          .where('gtin', '=', item.gtin)
          .executeTakeFirstOrThrow();
        const [part] = await consume(tx, actor, [{ lotId, massKg: totalKg }], owner.id, 'count');
        const each = portionOf(part!.burden, unitKg);
        const width = Math.max(4, String(last.n + body.count).length);
        const serials = Array.from({ length: body.count }, (_, i) => `${body.serialPrefix}-${String(last.n + 1 + i).padStart(width, '0')}`);
        const eventId = randomUUID();
        const ids = await insertLots(tx, actor, serials.map((serial) => ({
          kind: 'unit' as const, code: serial, lotNumber: source.code, tradeItemId: item.id, gtin: item.gtin, productKind: item.productKind,
          owner: { id: owner.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode }, moisturePct: source.moisturePct,
          producedOn: body.producedOn, parentLotId: source.id, burden: each,
        })), eventId);
        const units = ids.map((id, i) => identity({ id, kind: 'unit', code: serials[i]!, lotNumber: source.code, gtin: item.gtin, companyPrefix: item.companyPrefix }));
        const at = when(body.eventTime);
        const epcis = transformationEvent({
          eventId, at, bizStep: 'packing', owner: partyOf(owner), inputs: [{ lot: identity(source), massKg: totalKg }], outputs: [], outputUnits: units,
          extensions: { 'dx:operation': 'packing', 'dx:unitMassKg': unitKg },
        });
        await record(tx, actor, {
          id: eventId, epcis, operation: 'packing', owner, inputKg: totalKg, outputKg: totalKg,
          links: [{ lotId: source.id, role: 'input', massKg: totalKg }, ...ids.map((id) => ({ lotId: id, role: 'output' as const, massKg: unitKg }))],
        });
        // The units on one pallet, identified by an SSCC under the item's company prefix.
        const pallets = await tx.selectFrom('traceEvents').select(sql<number>`count(*)`.as('n')).where('operation', '=', 'palletising').where('organisationId', '=', owner.id).executeTakeFirstOrThrow();
        const sscc = ssccFrom(0, item.companyPrefix, pallets.n + 1);
        const palletEventId = randomUUID();
        const palletEpcis = palletisingEvent({ eventId: palletEventId, at, owner: partyOf(owner), palletUri: palletUri(sscc, item.companyPrefix), units });
        await record(tx, actor, { id: palletEventId, epcis: palletEpcis, operation: 'palletising', owner, inputKg: null, outputKg: null, links: ids.map((id) => ({ lotId: id, role: 'child' as const, massKg: null })) });
        return { eventIds: [eventId, palletEventId], lots: await lotsOut(tx, ids, linkBase), sscc };
      });
      changed();
      return result;
    },

    // ------------------------------------------------------------------------------ shipping and receiving
    async ship(actor: Actor, body: ShipBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor);
        const to = await findOrganisation(tx, body.toOrganisationId);
        if (!to) throw notFound('Organisation', body.toOrganisationId);
        if (to.id === owner.id) throw ruleViolated('toOrganisationId', message('trace.shipElsewhere'));
        const lots = [];
        for (const [i, id] of body.lotIds.entries()) {
          const lot = await findLot(tx, actor, id);
          if (!lot) throw notFound('Lot', id);
          if (lot.organisationId !== owner.id) throw new DomainError('forbidden', message('trace.lotBelongsTo', { code: lot.code, owner: lot.organisationName }));
          if (lot.status !== 'active' || lot.availableKg <= 0) throw ruleViolated(`lotIds[${i}]`, lot.status === 'in_transit' ? message('trace.lotAlreadyInTransit', { code: lot.code }) : message('trace.lotUsedUp', { code: lot.code }));
          const moved = await tx
            .updateTable('traceLots')
            .set({ status: 'in_transit', inTransitTo: to.id, updatedBy: actor.userId, updatedAt: clock.now() })
            .where('id', '=', lot.id)
            .where('status', '=', 'active')
            .returning('id')
            .executeTakeFirst();
          if (!moved) throw new DomainError('conflict', message('trace.lotChangedShipping', { code: lot.code }));
          lots.push(lot);
        }
        const eventId = randomUUID();
        const epcis = shippingEvent({
          eventId, at: when(body.eventTime), from: partyOf(owner), to: partyOf(to), despatchAdvice: body.despatchAdviceNumber,
          lots: lots.map((l) => ({ lot: identity(l), massKg: l.availableKg })),
        });
        const total = lots.reduce((s, l) => s + l.availableKg, 0);
        await record(tx, actor, { id: eventId, epcis, operation: 'shipping', owner, inputKg: null, outputKg: null, links: lots.map((l) => ({ lotId: l.id, role: 'object' as const, massKg: l.availableKg })) });
        return { eventIds: [eventId], lots: await lotsOut(tx, lots.map((l) => l.id), linkBase), totalKg: total };
      });
      changed();
      return result;
    },

    async receive(actor: Actor, body: ReceiveBody, linkBase: string | null) {
      assertCan(actor, 'trace:write');
      const result = await db.transaction().execute(async (tx) => {
        const owner = await ownerOf(tx, actor);
        const lots = [];
        let from: Awaited<ReturnType<typeof findOrganisation>>;
        for (const [i, id] of body.lotIds.entries()) {
          const lot = await findLot(tx, actor, id);
          if (!lot) throw notFound('Lot', id);
          if (lot.status !== 'in_transit' || lot.inTransitTo !== owner.id) throw ruleViolated(`lotIds[${i}]`, message('trace.notInTransitToYou', { code: lot.code }));
          from ??= await findOrganisation(tx, lot.organisationId);
          await tx
            .updateTable('traceLots')
            .set({ status: 'active', inTransitTo: null, organisationId: owner.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode, updatedBy: actor.userId, updatedAt: clock.now() })
            .where('id', '=', lot.id)
            .execute();
          lots.push(lot);
        }
        const shipping = await tx
          .selectFrom('traceEventLots as el')
          .innerJoin('traceEvents as e', 'e.id', 'el.eventId')
          .select(sql<string | null>`e.epcis -> 'bizTransactionList' -> 0 ->> 'bizTransaction'`.as('desadv'))
          .where('el.lotId', '=', lots[0]!.id)
          .where('e.operation', '=', 'shipping')
          .orderBy('e.eventTime', 'desc')
          .executeTakeFirst();
        const eventId = randomUUID();
        const epcis = receivingEvent({
          eventId, at: when(body.eventTime), from: partyOf(from!), to: partyOf(owner), despatchAdvice: shipping?.desadv ?? null,
          lots: lots.map((l) => ({ lot: identity(l), massKg: l.availableKg })),
        });
        await record(tx, actor, { id: eventId, epcis, operation: 'receiving', owner, inputKg: null, outputKg: null, links: lots.map((l) => ({ lotId: l.id, role: 'object' as const, massKg: l.availableKg })) });
        return { eventIds: [eventId], lots: await lotsOut(tx, lots.map((l) => l.id), linkBase) };
      });
      changed();
      return result;
    },

    // ------------------------------------------------------------------------------ reading
    async list(actor: Actor, filter: { kind?: 'lot' | 'unit' | undefined; status?: string | undefined; q?: string | undefined; parentLotId?: string | undefined }, page: number, pageSize: number, linkBase: string | null) {
      assertCan(actor, 'registry:read');
      const { items, total } = await listLots(db, actor, filter, page, pageSize);
      return { items: items.map((l) => presentLot(l, linkBase)), total, page, pageSize };
    },

    async detail(actor: Actor, id: string, linkBase: string | null): Promise<LotDetailResponse> {
      assertCan(actor, 'registry:read');
      const lot = await findLot(db, actor, id);
      if (!lot) throw notFound('Lot', id);
      const [origins, chain, units] = await Promise.all([lotOrigins(db, [lot.id]), chainOf(db, lot.id), db.selectFrom('traceLots').select(sql<number>`count(*)`.as('n')).where('parentLotId', '=', lot.id).where('kind', '=', 'unit').executeTakeFirstOrThrow()]);
      const totalKg = origins.reduce((s, o) => s + o.harvestedKg, 0);
      const verifiedKg = origins.filter((o) => o.verified).reduce((s, o) => s + o.harvestedKg, 0);
      return {
        lot: presentLot(lot, linkBase),
        origins,
        verification: { verifiedKg, totalKg, verifiedPct: totalKg > 0 ? (100 * verifiedKg) / totalKg : 0 },
        massBalance: { producedKg: lot.massKg, consumedKg: Math.round((lot.massKg - lot.availableKg) * 1000) / 1000, availableKg: lot.availableKg },
        chain,
        unitCount: units.n,
        allocationRule: ALLOCATION_RULE,
      };
    },

    /** Lots for the QR sheet: the given ones, or the units packed from a lot (scoped). */
    async lotsForSheet(actor: Actor, q: { lotIds?: string[]; parentLotId?: string }) {
      assertCan(actor, 'registry:read');
      if (q.parentLotId) {
        const parent = await findLot(db, actor, q.parentLotId);
        if (!parent) throw notFound('Lot', q.parentLotId);
        const units = await listLots(db, actor, { parentLotId: parent.id, kind: 'unit' }, 1, 500);
        return [parent, ...units.items.sort((a, b) => (a.code < b.code ? -1 : 1))];
      }
      const out: LotRow[] = [];
      for (const id of q.lotIds ?? []) {
        const lot = await findLot(db, actor, id);
        if (!lot) throw notFound('Lot', id);
        out.push(lot);
      }
      return out;
    },

    async findLotForQr(actor: Actor, id: string) {
      assertCan(actor, 'registry:read');
      const lot = await findLot(db, actor, id);
      if (!lot) throw notFound('Lot', id);
      return lot;
    },
  };
}
export type TraceabilityService = ReturnType<typeof createTraceabilityService>;

/** The source seasons of lots, with what the public page and the lot detail show (no personal data). */
export async function lotOrigins(db: Executor, lotIds: readonly string[]) {
  const origins = await originsOf(db, lotIds);
  if (!origins.length) return [];
  const bySeason = new Map<string, number>();
  for (const o of origins) bySeason.set(o.seasonId, (bySeason.get(o.seasonId) ?? 0) + o.harvestedKg);
  const rows = await db
    .selectFrom('traceSeasonSources as ss')
    .innerJoin('seasons as s', (j) => j.onRef('s.id', '=', 'ss.seasonId').onRef('s.provinceCode', '=', 'ss.provinceCode'))
    .innerJoin('plots as p', 'p.id', 'ss.plotId')
    .leftJoin('adminUnits as cu', 'cu.code', 'ss.communeCode')
    .select(['ss.seasonId', 'ss.verified', 'ss.communeCode', 'ss.plotId', 'p.code as plotCode', 'cu.name as communeName', 's.variety', 's.seasonName', 's.year'])
    .where('ss.seasonId', 'in', [...bySeason.keys()])
    .execute();
  const codes = await db
    .selectFrom('growingAreaPlots as gp')
    .innerJoin('growingAreaCodes as c', 'c.growingAreaId', 'gp.growingAreaId')
    .select(['gp.plotId', 'c.code'])
    .where('gp.plotId', 'in', rows.map((r) => r.plotId))
    .where('c.status', '=', 'active')
    .execute();
  return rows
    .map((r) => ({
      seasonId: r.seasonId, plotCode: r.plotCode, communeCode: r.communeCode, communeName: r.communeName ?? null, variety: r.variety,
      seasonLabel: `${r.seasonName} ${r.year}`, harvestedKg: bySeason.get(r.seasonId) ?? 0, verified: r.verified,
      growingAreaCodes: [...new Set(codes.filter((c) => c.plotId === r.plotId).map((c) => c.code))],
    }))
    .sort((a, b) => (a.plotCode < b.plotCode ? -1 : 1));
}

/**
 * Every event upstream of a lot (what it was made from, back to the harvests) and downstream (what was
 * made of it, shipped, received), oldest first. Units packed from one lot are followed as a group.
 */
export async function chainOf(db: Executor, lotId: string): Promise<LotEventSummary[]> {
  const events = new Map<string, Awaited<ReturnType<typeof eventsOfLots>>[number]>();
  const links = new Map<string, Awaited<ReturnType<typeof lotLinksOfEvents>>>();
  const visit = async (start: string, direction: 'up' | 'down') => {
    let frontier = [start];
    const seen = new Set(frontier);
    for (let depth = 0; frontier.length && depth < 50; depth++) {
      const found = await eventsOfLots(db, frontier);
      const fresh = found.filter((e) => !links.has(e.id));
      const linkRows = await lotLinksOfEvents(db, fresh.map((e) => e.id));
      for (const e of fresh) links.set(e.id, linkRows.filter((l) => l.eventId === e.id));
      const next: string[] = [];
      for (const e of found) {
        const own = links.get(e.id)!;
        const mine = own.filter((l) => frontier.includes(l.lotId));
        const creates = mine.some((l) => l.role === 'output' || l.role === 'by_product');
        const consumes = mine.some((l) => l.role === 'input');
        if (direction === 'up' && (creates || mine.some((l) => l.role === 'object' || l.role === 'child'))) {
          events.set(e.id, e);
          if (creates) for (const l of own) if (l.role === 'input' && !seen.has(l.lotId)) { seen.add(l.lotId); next.push(l.lotId); }
        }
        if (direction === 'down' && (consumes || mine.some((l) => l.role === 'object' || l.role === 'child'))) {
          events.set(e.id, e);
          if (consumes) for (const l of own) if ((l.role === 'output' || l.role === 'by_product') && !seen.has(l.lotId)) { seen.add(l.lotId); next.push(l.lotId); }
        }
      }
      frontier = next;
    }
  };
  await visit(lotId, 'up');
  await visit(lotId, 'down');
  const orgIds = [...new Set([...events.values()].map((e) => e.organisationId).filter((id): id is string => id !== null))];
  const orgs = new Map(orgIds.length ? (await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]) : []);
  return [...events.values()]
    .sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || (a.operation === 'palletising' ? 1 : 0) - (b.operation === 'palletising' ? 1 : 0))
    .map((e) => {
      const own = links.get(e.id) ?? [];
      // Many units in one event: list the first few; the count is in the masses.
      const shown = own.filter((l) => l.kind === 'lot').concat(own.filter((l) => l.kind === 'unit').slice(0, 3));
      return {
        id: e.id, eventId: e.eventId, operation: e.operation, eventType: e.eventType, bizStep: e.bizStep, disposition: e.disposition,
        eventTime: e.eventTime.toISOString(), organisationName: e.organisationId ? orgs.get(e.organisationId) ?? null : null,
        inputKg: e.inputKg, outputKg: e.outputKg,
        lots: shown.map((l) => ({ lotId: l.lotId, code: l.code, role: l.role, massKg: l.massKg, productKind: l.productKind as TraceProductKind })),
      };
    });
}
