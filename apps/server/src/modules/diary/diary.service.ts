/**
 * The farming diary's use cases: catalogues, seasons, activities (one, in bulk, or replayed from the
 * offline queue), photo evidence, derived facts and the growing-area record checklist. Every write
 * runs in one transaction, checks who may do it (404 outside scope, 403 for a role that may not write),
 * records who and when, and refreshes the compliance flags of the seasons it touched.
 *
 * Idempotency and conflicts (capability 3): creates carry a clientId; a replay with the same payload
 * returns the stored record ('duplicate'), a different payload under the same clientId is a conflict.
 * Updates and deletes carry the baseVersion the client saw; a stale one is a conflict whose details
 * hold the server's current record. Nothing is overwritten silently: every superseded version is kept
 * in activity_revisions.
 */
import { z } from 'zod';
import {
  ActivityDetailsByType,
  CreateSeasonBody,
  TypedActivityDetails,
  type ActivityResponse,
  type ActivityType,
  type BulkActivityBody,
  type CreateActivityBody,
  type CreateCropBody,
  type CreateFertiliserProductBody,
  type CreatePesticideProductBody,
  type SyncMutation,
  type SyncResult,
  type UpdateSeasonBody,
} from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { defaultReferenceDataDir } from '../../reference-data.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { importActivities } from './activity-import.ts';
import { createActivityRules, ruleViolated, type Catalogues } from './activity-rules.ts';
import { vietnamDateOf } from './calendar.ts';
import {
  catalogueCodeExists, fertiliserProductMap, findCrop, insertCrop, insertFertiliserProduct, insertPesticideProduct, listCrops, listFertiliserProducts,
  listPesticideProducts, pesticideProductMap,
} from './catalogues.repository.ts';
import { assessPhoto, assessSeasonRecords } from './compliance.ts';
import { loadRestrictedList, type RestrictedIngredient } from './compliance-pesticides.ts';
import { growingAreaSeasons, openFlagsOfSeason, refreshComplianceFlags, type SeasonRef } from './compliance.repository.ts';
import {
  activitiesByIds, activitiesOfBatch, advanceSeasonStatus, distanceToPlotM, findActivitiesByClientIds, findActivity, findBatch, findPhotoByContent,
  findPhotoContent, findPlotForSeason, findRevisionByMutation, findSameNamedSeason, findSeason, findSeasonByClientId, findSeasonForWrite, findSeasonsForWrite,
  insertActivities, insertBatch, insertPhoto, insertSeason, liveActivitiesOfSeasons, listSeasons, photosOfActivities, reviseActivity, savepoint, seasonsOfPlot,
  updateSeasonAtVersion, type ActivityRow, type NewActivity, type SeasonChanges, type SeasonFilter, type SeasonRow, type WriteSeason,
} from './diary.repository.ts';
import { presentActivity, presentFlag, presentPhoto, presentSeason } from './diary.presenter.ts';
import { payloadHash, sha256Hex, uuidV5 } from './ids.ts';
import { deriveSeasonFacts, type FactActivity } from './season-facts.ts';
import { assertSeasonUnlocked } from '../verification/season-lock.ts';
import { createRun, failure, need, parsePayload, SyncActivityPayload, SyncSeasonPayload, SyncUpdatePayload, zodErrors } from './sync-mutations.ts';

export type DiaryDeps = { db: Database; clock: Clock; restrictedPesticides?: readonly RestrictedIngredient[] };

/** Activity types whose changes can alter PHI flags; any change can alter the record checklist of an ended season. */
const FLAG_TYPES: ReadonlySet<ActivityType> = new Set(['pesticide', 'harvest']);

const conflict = (text: ErrorText, current?: unknown) => new DomainError('conflict', text, current === undefined ? {} : { current });

type Outcome<T> = { status: 'applied' | 'duplicate'; record: T };

/**
 * State of one request: the seasons it touched (flags are refreshed once, at the end), the seasons it
 * already looked up, and — for a sync flush — the activities already stored under its clientIds,
 * fetched with one query for the whole flush.
 */
class Touched {
  readonly seasons = new Map<string, SeasonRef>();
  readonly seasonCache = new Map<string, WriteSeason>();
  knownActivities: Map<string, ActivityRow> | null = null;
  add(season: SeasonRef) {
    this.seasons.set(season.id, { id: season.id, provinceCode: season.provinceCode });
  }
  get list() {
    return [...this.seasons.values()];
  }
}

/** Catalogue lookups, loaded once per request (catalogues change rarely and are append-only). */
function catalogueCache(db: Executor) {
  let loaded: Promise<Catalogues> | undefined;
  return () => (loaded ??= Promise.all([fertiliserProductMap(db), pesticideProductMap(db)]).then(([fertilisers, pesticides]) => ({ fertilisers, pesticides })));
}

export function createDiaryService({ db, clock, restrictedPesticides = loadRestrictedList(defaultReferenceDataDir) }: DiaryDeps) {
  const today = () => vietnamDateOf(clock.now());
  const rules = createActivityRules({ restricted: restrictedPesticides, today });
  const prepareDetails = async (season: { plannedStartOn: string }, input: TypedActivityDetails & { occurredOn: string }, cache: ReturnType<typeof catalogueCache>) =>
    rules.prepareDetails(season, input, await cache());

  async function presentActivities(tx: Executor, rows: readonly ActivityRow[]) {
    const photos = await photosOfActivities(tx, rows.map((r) => r.id));
    return rows.map((r) => presentActivity(r, photos));
  }

  async function presentOne(tx: Executor, row: ActivityRow) {
    return (await presentActivities(tx, [row]))[0]!;
  }

  /** The answer to a create whose clientId is already stored: the same request, or a clash. */
  async function replayOf(tx: Executor, actor: Actor, existing: ActivityRow, hash: string): Promise<Outcome<ActivityResponse>> {
    const visible = await findActivity(tx, actor, existing.id);
    if (existing.payloadHash === hash && visible) return { status: 'duplicate', record: await presentOne(tx, existing) };
    throw conflict(message('diary.clientIdActivity', { clientId: existing.clientId }), visible ? await presentOne(tx, existing) : undefined);
  }

  const recordedOnBehalf = (actor: Actor, season: { householdId: string | null }) => actor.householdId === null || actor.householdId !== season.householdId;

  // ---------------------------------------------------------------- core operations (inside a transaction)

  async function createActivityIn(tx: Executor, actor: Actor, seasonRef: string, body: CreateActivityBody, touched: Touched, cache: ReturnType<typeof catalogueCache>): Promise<Outcome<ActivityResponse>> {
    // Only found seasons are cached: one created later in the same flush must still be found.
    const season = touched.seasonCache.get(seasonRef) ?? (await findSeasonForWrite(tx, actor, seasonRef));
    if (!season) throw notFound('Season', seasonRef);
    touched.seasonCache.set(seasonRef, season);
    assertCan(actor, 'diary:write');
    const hash = payloadHash({ seasonId: season.id, type: body.type, occurredOn: body.occurredOn, details: body.details });
    const existing = touched.knownActivities ? touched.knownActivities.get(body.clientId) : (await findActivitiesByClientIds(tx, [body.clientId]))[0];
    if (existing) return replayOf(tx, actor, existing, hash);
    if (season.status === 'closed') throw conflict(message('diary.seasonClosed', { id: season.id }));
    await assertSeasonUnlocked(tx, season.id); // under review or verified (modules/verification)
    const details = await prepareDetails(season, body, cache);
    const [row] = await insertActivities(tx, actor, [{
      clientId: body.clientId, payloadHash: hash, seasonId: season.id, provinceCode: season.provinceCode, type: body.type, occurredOn: body.occurredOn,
      details, recordedOnBehalf: recordedOnBehalf(actor, season), batchId: null,
    }]);
    if (!row) {
      // A concurrent request with the same clientId committed first (the unique constraint held).
      const [raced] = await findActivitiesByClientIds(tx, [body.clientId]);
      return replayOf(tx, actor, raced!, hash);
    }
    const harvest = body.type === 'harvest';
    if (season.status === 'planned' || (harvest && season.status === 'in_progress')) {
      await advanceSeasonStatus(tx, [season], harvest);
      season.status = harvest ? 'harvested' : 'in_progress';
    }
    if (FLAG_TYPES.has(body.type) || season.status === 'harvested') touched.add(season);
    touched.knownActivities?.set(body.clientId, row);
    return { status: 'applied', record: presentActivity(row) };
  }

  async function reviseActivityIn(
    tx: Executor, actor: Actor, idOrClientId: string,
    change: { baseVersion: number; clientId?: string | undefined; occurredOn?: string | undefined; details?: Record<string, unknown> | undefined; delete: boolean },
    touched: Touched, cache: ReturnType<typeof catalogueCache>,
  ): Promise<Outcome<ActivityResponse>> {
    if (change.clientId) {
      const revision = await findRevisionByMutation(tx, change.clientId);
      if (revision) {
        const current = await findActivity(tx, actor, revision.activityId);
        if (!current) throw notFound('Activity', revision.activityId);
        return { status: 'duplicate', record: await presentOne(tx, current) };
      }
    }
    const current = await findActivity(tx, actor, idOrClientId, true);
    if (!current) throw notFound('Activity', idOrClientId);
    assertCan(actor, 'diary:write');
    if (current.deletedAt) throw conflict(message('diary.activityDeleted', { id: current.id }), await presentOne(tx, current));
    if (current.version !== change.baseVersion) {
      throw conflict(message('diary.activityStale', { id: current.id, version: String(current.version), base: String(change.baseVersion) }), await presentOne(tx, current));
    }
    if (current.seasonStatus === 'closed') throw conflict(message('diary.activitySeasonClosed', { id: current.id }));
    await assertSeasonUnlocked(tx, current.seasonId);
    let details = current.details;
    let occurredOn = current.occurredOn;
    if (!change.delete) {
      occurredOn = change.occurredOn ?? current.occurredOn;
      const schema = ActivityDetailsByType[current.type];
      const parsed = schema.safeParse(change.details ?? current.details);
      if (!parsed.success) throw new DomainError('invalid_input', message('diary.invalidDetails', { type: current.type }), { errors: zodErrors(parsed.error, 'details') });
      details = await prepareDetails({ plannedStartOn: current.seasonPlannedStartOn }, { type: current.type, details: parsed.data, occurredOn } as TypedActivityDetails & { occurredOn: string }, cache);
    }
    const done = await reviseActivity(tx, actor, current, change.baseVersion, { occurredOn, details, delete: change.delete }, change.clientId ?? null, clock.now());
    const [fresh] = await activitiesByIds(tx, [{ id: current.id, provinceCode: current.provinceCode }]);
    if (!done) throw conflict(message('diary.activityChangedMeanwhile', { id: current.id }), await presentOne(tx, fresh!));
    if (!change.delete) await advanceSeasonStatus(tx, [{ id: current.seasonId, provinceCode: current.provinceCode }], current.type === 'harvest');
    if (FLAG_TYPES.has(current.type) || current.seasonStatus === 'harvested' || change.delete) touched.add({ id: current.seasonId, provinceCode: current.provinceCode });
    return { status: 'applied', record: await presentOne(tx, fresh!) };
  }

  async function createSeasonIn(tx: Executor, actor: Actor, plotId: string, body: CreateSeasonBody, touched: Touched): Promise<Outcome<ReturnType<typeof presentSeason>>> {
    const plot = await findPlotForSeason(tx, actor, plotId);
    if (!plot) throw notFound('Plot', plotId);
    assertCan(actor, 'diary:write');
    if (body.clientId) {
      const existing = await findSeasonByClientId(tx, body.clientId);
      if (existing) {
        const stored = await findSeason(tx, actor, existing.id);
        const same = stored && stored.plotId === plotId && stored.cropCode === body.cropCode && stored.seasonName === body.seasonName && stored.year === body.year;
        if (same) return { status: 'duplicate', record: presentSeason(stored) };
        throw conflict(message('diary.clientIdSeason', { clientId: body.clientId }), stored ? presentSeason(stored) : undefined);
      }
    }
    if (!(await findCrop(tx, body.cropCode))) throw ruleViolated('cropCode', message('diary.unknownCrop', { code: body.cropCode }));
    const startYear = Number(body.plannedStartOn.slice(0, 4));
    if (startYear < body.year - 1 || startYear > body.year) {
      throw ruleViolated('plannedStartOn', message('diary.seasonYear', { year: String(body.year), previous: String(body.year - 1), date: { date: body.plannedStartOn } }));
    }
    const twin = await findSameNamedSeason(tx, plot.id, body.year, body.seasonName);
    if (twin) {
      const stored = await findSeason(tx, actor, twin.id);
      throw conflict(message('diary.seasonExists', { plot: plot.code, season: body.seasonName, year: String(body.year) }), stored ? presentSeason(stored) : undefined);
    }
    const created = await insertSeason(tx, actor, {
      clientId: body.clientId ?? null, plot, cropCode: body.cropCode, variety: body.variety ?? null, seasonName: body.seasonName, year: body.year,
      plannedStartOn: body.plannedStartOn, plannedEndOn: body.plannedEndOn ?? null, actualStartOn: body.actualStartOn ?? null, actualEndOn: body.actualEndOn ?? null,
      previousHarvestOn: body.previousHarvestOn ?? null, standard: body.standard ?? null, expectedYieldKgPerHa: body.expectedYieldKgPerHa ?? null,
      expectedMarket: body.expectedMarket ?? null, notes: body.notes ?? null,
    });
    if (!created) return createSeasonIn(tx, actor, plotId, body, touched); // a concurrent replay committed first
    // Rotation compares consecutive seasons of the plot: this one and the ones after it may change.
    for (const s of await seasonsOfPlot(tx, plot.id, plot.provinceCode)) touched.add(s);
    return { status: 'applied', record: presentSeason((await findSeason(tx, actor, created.id))!) };
  }

  async function seasonForRead(tx: Executor, actor: Actor, id: string) {
    assertCan(actor, 'registry:read');
    const season = await findSeason(tx, actor, id);
    if (!season) throw notFound('Season', id);
    return season;
  }

  async function factsOf(tx: Executor, season: SeasonRow, activities: readonly ActivityRow[]) {
    const plotSeasons = (await seasonsOfPlot(tx, season.plotId, season.provinceCode)).filter((s) => s.id !== season.id);
    const myStart = season.actualStartOn ?? season.plannedStartOn;
    const earlier = plotSeasons.filter((s) => s.startOn < myStart).sort((a, b) => (a.startOn < b.startOn ? 1 : -1));
    const previous = earlier[0];
    const previousRice = earlier.find((s) => s.kind === 'rice');
    const neighbours = [previous, previousRice].filter((s): s is NonNullable<typeof s> => s !== undefined);
    const earlierActs = await liveActivitiesOfSeasons(tx, neighbours, ['harvest', 'straw']);
    const asFact = (a: ActivityRow) => ({ id: a.id, type: a.type, occurredOn: a.occurredOn, details: a.details }) as FactActivity;
    const derived = deriveSeasonFacts({
      season: {
        id: season.id, label: `${season.seasonName} ${season.year}`, cropCode: season.cropCode, cropKind: season.cropKind, areaHa: season.areaHa,
        actualStartOn: season.actualStartOn, actualEndOn: season.actualEndOn, plannedEndOn: season.plannedEndOn, previousHarvestOn: season.previousHarvestOn,
      },
      activities: activities.map(asFact),
      previousRiceHarvests: previousRice ? earlierActs.filter((a) => a.seasonId === previousRice.id && a.type === 'harvest').map(asFact) : [],
      previousSeasonStraw: previous ? earlierActs.filter((a) => a.seasonId === previous.id && a.type === 'straw' && a.details.residueOf === 'this_crop').map(asFact) : [],
      fertiliserProducts: await fertiliserProductMap(tx),
    });
    return { seasonId: season.id, cropCode: season.cropCode, areaHa: season.areaHa, ...derived };
  }

  return {
    // ------------------------------------------------------------ catalogues
    async listCrops(actor: Actor) {
      assertCan(actor, 'registry:read');
      return { items: await listCrops(db) };
    },
    async listFertilisers(actor: Actor) {
      assertCan(actor, 'registry:read');
      return { items: await listFertiliserProducts(db) };
    },
    async listPesticides(actor: Actor) {
      assertCan(actor, 'registry:read');
      return { items: await listPesticideProducts(db) };
    },
    async createCrop(actor: Actor, body: CreateCropBody) {
      assertCan(actor, 'catalogues:edit');
      return db.transaction().execute(async (tx) => {
        if (await catalogueCodeExists(tx, 'crops', body.code)) throw conflict(message('diary.cropExists', { code: body.code }));
        await insertCrop(tx, actor, body);
        return (await listCrops(tx)).find((c) => c.code === body.code)!;
      });
    },
    async createFertiliser(actor: Actor, body: CreateFertiliserProductBody) {
      assertCan(actor, 'catalogues:edit');
      return db.transaction().execute(async (tx) => {
        if (await catalogueCodeExists(tx, 'fertiliserProducts', body.code)) throw conflict(message('diary.fertiliserExists', { code: body.code }));
        await insertFertiliserProduct(tx, actor, { ...body, limeKind: body.limeKind ?? null });
        return (await listFertiliserProducts(tx)).find((p) => p.code === body.code)!;
      });
    },
    async createPesticide(actor: Actor, body: CreatePesticideProductBody) {
      assertCan(actor, 'catalogues:edit');
      // A banned or withdrawn ingredient never enters the catalogue (checked as of today).
      rules.assertPesticideAllowed(body.activeIngredients.map((i) => i.name), body.name, today(), '');
      return db.transaction().execute(async (tx) => {
        if (await catalogueCodeExists(tx, 'pesticideProducts', body.code)) throw conflict(message('diary.pesticideExists', { code: body.code }));
        await insertPesticideProduct(tx, actor, body);
        return (await listPesticideProducts(tx)).find((p) => p.code === body.code)!;
      });
    },

    // ------------------------------------------------------------ seasons
    async createSeason(actor: Actor, plotId: string, body: CreateSeasonBody) {
      return db.transaction().execute(async (tx) => {
        const touched = new Touched();
        const outcome = await createSeasonIn(tx, actor, plotId, body, touched);
        await refreshComplianceFlags(tx, touched.list, clock.now());
        return outcome;
      });
    },

    async listSeasons(actor: Actor, filter: SeasonFilter, page: number, pageSize: number) {
      assertCan(actor, 'registry:read');
      const { rows, total } = await listSeasons(db, actor, filter, page, pageSize);
      return { items: rows.map(presentSeason), total, page, pageSize };
    },

    async getSeason(actor: Actor, id: string) {
      const season = await seasonForRead(db, actor, id);
      const activities = await liveActivitiesOfSeasons(db, [season]);
      const [presented, facts, flags] = await Promise.all([presentActivities(db, activities), factsOf(db, season, activities), openFlagsOfSeason(db, season)]);
      return { season: presentSeason(season), activities: presented, facts, complianceFlags: flags.map(presentFlag) };
    },

    async getFacts(actor: Actor, id: string) {
      const season = await seasonForRead(db, actor, id);
      return factsOf(db, season, await liveActivitiesOfSeasons(db, [season]));
    },

    async updateSeason(actor: Actor, id: string, body: UpdateSeasonBody) {
      return db.transaction().execute(async (tx) => {
        const season = await findSeason(tx, actor, id);
        if (!season) throw notFound('Season', id);
        assertCan(actor, 'diary:write');
        if (season.version !== body.baseVersion) {
          throw conflict(message('diary.seasonStale', { id, version: String(season.version), base: String(body.baseVersion) }), presentSeason(season));
        }
        if (season.status === 'closed') throw conflict(message('diary.seasonClosedNoChange', { id }), presentSeason(season));
        await assertSeasonUnlocked(tx, season.id);
        const { baseVersion, ...changes } = body;
        if (changes.cropCode && !(await findCrop(tx, changes.cropCode))) throw ruleViolated('cropCode', message('diary.unknownCropShort', { code: changes.cropCode }));
        const year = changes.year ?? season.year;
        const seasonName = changes.seasonName ?? season.seasonName;
        if (await findSameNamedSeason(tx, season.plotId, year, seasonName, season.id)) throw conflict(message('diary.seasonExists', { plot: season.plotCode, season: seasonName, year: String(year) }));
        const plannedStartOn = changes.plannedStartOn ?? season.plannedStartOn;
        const plannedEndOn = changes.plannedEndOn === undefined ? season.plannedEndOn : changes.plannedEndOn;
        if (plannedEndOn && plannedEndOn < plannedStartOn) throw ruleViolated('plannedEndOn', message('diary.endBeforeStart', { end: { date: plannedEndOn }, start: { date: plannedStartOn } }));
        const updated = await updateSeasonAtVersion(tx, actor, season, baseVersion, changes as SeasonChanges, clock.now());
        if (!updated) throw conflict(message('diary.seasonChangedMeanwhile', { id }), presentSeason((await findSeason(tx, actor, id))!));
        await refreshComplianceFlags(tx, await seasonsOfPlot(tx, season.plotId, season.provinceCode), clock.now());
        return presentSeason((await findSeason(tx, actor, id))!);
      });
    },

    // ------------------------------------------------------------ activities
    async recordActivity(actor: Actor, seasonId: string, body: CreateActivityBody) {
      return db.transaction().execute(async (tx) => {
        const touched = new Touched();
        const outcome = await createActivityIn(tx, actor, seasonId, body, touched, catalogueCache(tx));
        await refreshComplianceFlags(tx, touched.list, clock.now());
        return outcome;
      });
    },

    async updateActivity(actor: Actor, id: string, body: { baseVersion: number; clientId?: string | undefined; occurredOn?: string | undefined; details?: Record<string, unknown> | undefined }) {
      return db.transaction().execute(async (tx) => {
        const touched = new Touched();
        const outcome = await reviseActivityIn(tx, actor, id, { ...body, delete: false }, touched, catalogueCache(tx));
        await refreshComplianceFlags(tx, touched.list, clock.now());
        return outcome;
      });
    },

    async deleteActivity(actor: Actor, id: string, baseVersion: number, clientId?: string) {
      return db.transaction().execute(async (tx) => {
        const touched = new Touched();
        const outcome = await reviseActivityIn(tx, actor, id, { baseVersion, clientId, delete: true }, touched, catalogueCache(tx));
        await refreshComplianceFlags(tx, touched.list, clock.now());
        return outcome;
      });
    },

    /** One activity on each of many seasons, all or nothing ("one fertiliser round across 40 plots"). */
    async recordBulk(actor: Actor, body: BulkActivityBody) {
      assertCan(actor, 'diary:write');
      const seasonIds = [...new Set(body.seasonIds)];
      const typed = { type: body.type, details: body.details } as TypedActivityDetails;
      const hash = payloadHash({ seasonIds: [...seasonIds].sort(), type: body.type, occurredOn: body.occurredOn, details: body.details });
      return db.transaction().execute(async (tx) => {
        const batch = await insertBatch(tx, actor, { id: body.clientId, payloadHash: hash, seasonCount: seasonIds.length });
        if (!batch) {
          const existing = await findBatch(tx, body.clientId);
          if (existing?.payloadHash !== hash) throw conflict(message('diary.clientIdBulk', { clientId: body.clientId }));
          const rows = await activitiesOfBatch(tx, body.clientId);
          return { status: 'duplicate' as const, record: { batchId: body.clientId, activities: await presentActivities(tx, rows) } };
        }
        const seasons: SeasonRow[] = [];
        const missing: string[] = [];
        for (const id of seasonIds) {
          const season = await findSeason(tx, actor, id);
          if (season) seasons.push(season);
          else missing.push(id);
        }
        if (missing.length) {
          throw new DomainError('not_found', message('diary.seasonsNotFound', { count: missing.length }), { errors: missing.map((id) => fieldError(`seasonIds[${body.seasonIds.indexOf(id)}]`, message('diary.seasonIdNotFound', { id }))) });
        }
        const closed = seasons.filter((s) => s.status === 'closed');
        if (closed.length) throw conflict(message('diary.seasonsClosed', { plots: { list: closed.map((s) => s.plotCode), separator: ', ' } }));
        for (const s of seasons) await assertSeasonUnlocked(tx, s.id);
        const cache = catalogueCache(tx);
        const rows = [];
        for (const season of seasons) {
          const details = await prepareDetails(season, { ...typed, occurredOn: body.occurredOn }, cache);
          rows.push({
            clientId: uuidV5(body.clientId, season.id), payloadHash: payloadHash({ seasonId: season.id, type: body.type, occurredOn: body.occurredOn, details: body.details }),
            seasonId: season.id, provinceCode: season.provinceCode, type: body.type, occurredOn: body.occurredOn, details, recordedOnBehalf: recordedOnBehalf(actor, season), batchId: body.clientId,
          });
        }
        const inserted = await insertActivities(tx, actor, rows);
        if (inserted.length !== rows.length) throw conflict(message('diary.bulkIdsExist'));
        await advanceSeasonStatus(tx, seasons, body.type === 'harvest');
        await refreshComplianceFlags(tx, seasons.filter((s) => FLAG_TYPES.has(body.type) || s.status === 'harvested'), clock.now());
        return { status: 'applied' as const, record: { batchId: body.clientId, activities: inserted.map((r) => presentActivity(r)) } };
      });
    },

    /**
     * The offline queue, flushed in order. Each mutation is applied on its own (a savepoint each), so
     * one refused mutation does not block the others; the whole flush is one transaction, so a crash
     * loses nothing the phone believes was stored (it replays, and replays are idempotent).
     */
    async sync(actor: Actor, mutations: readonly SyncMutation[]): Promise<{ results: SyncResult[] }> {
      return db.transaction().execute(async (tx) => {
        const touched = new Touched();
        const cache = catalogueCache(tx);
        const results: SyncResult[] = [];
        const creates = mutations.filter((m) => m.kind === 'createActivity').map((m) => m.clientId);
        touched.knownActivities = new Map((await findActivitiesByClientIds(tx, creates)).map((a) => [a.clientId, a]));
        /** One mutation on its own, in a savepoint, so its failure undoes only itself. */
        const applyOne = async (m: SyncMutation, index: number) => {
          await savepoint(tx, 'savepoint', `sync_${index}`);
          try {
            const outcome = await applyMutation(tx, actor, m, touched, cache);
            await savepoint(tx, 'release savepoint', `sync_${index}`);
            results.push({ clientId: m.clientId, status: outcome.status, record: outcome.record });
          } catch (err) {
            await savepoint(tx, 'rollback to savepoint', `sync_${index}`);
            results.push(failure(m, err));
          }
        };
        for (let index = 0; index < mutations.length;) {
          // A run of creates (the usual flush: readings and inputs recorded offline) is checked one by
          // one and stored with one INSERT; anything else, or a run the database refuses, goes one by one.
          const run = createRun(mutations, index);
          const stored = run.length > 1 ? await createActivityRun(tx, actor, run, touched, cache, `run_${index}`) : null;
          if (stored) results.push(...stored);
          else for (const [k, m] of run.entries()) await applyOne(m, index + k);
          index += run.length;
        }
        await refreshComplianceFlags(tx, touched.list, clock.now());
        return { results };
      });
    },

    /** The CLI's `import activities`: a CSV stream, every row or none (activity-import.ts). */
    importActivities: (actor: Actor, lines: AsyncIterable<string> | Iterable<string>, onProgress?: (rowsRead: number) => void) =>
      importActivities({ db, clock, rules }, actor, lines, onProgress),

    // ------------------------------------------------------------ photos
    async addPhoto(actor: Actor, activityId: string, photo: { bytes: Buffer; mimeType: 'image/jpeg' | 'image/png' | 'image/webp'; capturedAt: string; lat?: number | undefined; lon?: number | undefined }) {
      if ((photo.lat === undefined) !== (photo.lon === undefined)) throw ruleViolated(photo.lat === undefined ? 'lat' : 'lon', message('diary.latLonBoth'));
      return db.transaction().execute(async (tx) => {
        const activity = await findActivity(tx, actor, activityId);
        if (!activity) throw notFound('Activity', activityId);
        assertCan(actor, 'diary:write');
        if (activity.deletedAt) throw conflict(message('diary.activityDeleted', { id: activityId }));
        if (activity.seasonStatus === 'closed') throw conflict(message('diary.activityEvidenceClosed', { id: activityId }));
        await assertSeasonUnlocked(tx, activity.seasonId);
        const sha256 = sha256Hex(photo.bytes);
        const existing = await findPhotoByContent(tx, activity.id, sha256);
        if (existing) return { status: 'duplicate' as const, record: presentPhoto(existing) };
        const distance = photo.lat !== undefined && photo.lon !== undefined ? await distanceToPlotM(tx, activity.plotId, photo.lon, photo.lat) : null;
        const capturedAt = new Date(photo.capturedAt);
        const { flags } = assessPhoto({ capturedAt, distanceToPlotM: distance, activityOn: activity.occurredOn });
        const stored = await insertPhoto(tx, actor, {
          activityId: activity.id, provinceCode: activity.provinceCode, seasonId: activity.seasonId, sha256, mimeType: photo.mimeType, content: photo.bytes, capturedAt,
          lat: photo.lat ?? null, lon: photo.lon ?? null, distanceToPlotM: distance, flags,
        });
        await refreshComplianceFlags(tx, [{ id: activity.seasonId, provinceCode: activity.provinceCode }], clock.now());
        return { status: 'applied' as const, record: presentPhoto(stored!) };
      });
    },

    async getPhoto(actor: Actor, id: string) {
      assertCan(actor, 'registry:read');
      const photo = await findPhotoContent(db, actor, id);
      if (!photo) throw notFound('Photo', id);
      return { mimeType: photo.mimeType, sha256: photo.contentSha256, bytes: Buffer.from(photo.content) };
    },

    // ------------------------------------------------------------ growing areas
    async recordCompleteness(actor: Actor, growingAreaId: string, q: { year?: number | undefined; page: number; pageSize: number }) {
      assertCan(actor, 'registry:read');
      const found = await growingAreaSeasons(db, actor, growingAreaId, q.year, q.page, q.pageSize);
      if (!found) throw notFound('Growing area', growingAreaId);
      const seasons = found.rows.map((s) => {
        const counts = Object.fromEntries(found.counts.filter((c) => c.seasonId === s.id).map((c) => [c.type, c.n]));
        const withOutput = found.counts.filter((c) => c.seasonId === s.id).reduce((n, c) => n + c.withOutput, 0);
        const records = assessSeasonRecords({
          cropCode: s.cropCode, variety: s.variety, areaHa: s.areaHa, standard: s.standard, expectedYieldKgPerHa: s.expectedYieldKgPerHa, plannedEndOn: s.plannedEndOn,
          expectedMarket: s.expectedMarket, status: s.status, activityCounts: counts, harvestsWithOutput: withOutput,
          openPhiViolations: found.phi.find((p) => p.seasonId === s.id)?.n ?? 0,
        });
        // Records due only at harvest are not yet missing while the season runs.
        const due = records.filter((r) => r.present || r.detail !== 'due at harvest');
        return { seasonId: s.id, plotId: s.plotId, plotCode: s.plotCode, cropCode: s.cropCode, seasonName: s.seasonName, year: s.year, status: s.status, complete: due.every((r) => r.present), records };
      });
      return { growingAreaId, seasons, total: found.total, page: q.page, pageSize: q.pageSize };
    },
  };

  /**
   * Consecutive createActivity mutations: each is checked on its own (season in scope, permission,
   * replay, date, catalogue, banned pesticides) without writing; the new ones are then stored with one
   * multi-row INSERT in a savepoint. Null when the database refuses that INSERT: the caller then
   * applies the run one mutation at a time, so a bad row cannot take the others down with it.
   */
  async function createActivityRun(tx: Executor, actor: Actor, run: readonly SyncMutation[], touched: Touched, cache: ReturnType<typeof catalogueCache>, name: string): Promise<SyncResult[] | null> {
    const refs = [...new Set(run.flatMap((m) => (m.seasonId && !touched.seasonCache.has(m.seasonId) ? [m.seasonId] : [])))];
    for (const season of await findSeasonsForWrite(tx, actor, refs)) {
      touched.seasonCache.set(season.id, season);
      if (season.clientId) touched.seasonCache.set(season.clientId, season);
    }
    const results: Array<SyncResult | null> = [];
    const pending: Array<{ index: number; season: WriteSeason; row: NewActivity }> = [];
    for (const [index, m] of run.entries()) {
      try {
        const body = parsePayload(m, SyncActivityPayload);
        const season = touched.seasonCache.get(need(m, m.seasonId, 'seasonId'));
        if (!season) throw notFound('Season', m.seasonId!);
        assertCan(actor, 'diary:write');
        const hash = payloadHash({ seasonId: season.id, type: body.type, occurredOn: body.occurredOn, details: body.details });
        const existing = touched.knownActivities?.get(m.clientId);
        if (existing) {
          const outcome = await replayOf(tx, actor, existing, hash);
          results.push({ clientId: m.clientId, status: outcome.status, record: outcome.record });
          continue;
        }
        if (season.status === 'closed') throw conflict(message('diary.seasonClosed', { id: season.id }));
        await assertSeasonUnlocked(tx, season.id);
        const details = await prepareDetails(season, body, cache);
        pending.push({ index, season, row: { clientId: m.clientId, payloadHash: hash, seasonId: season.id, provinceCode: season.provinceCode, type: body.type, occurredOn: body.occurredOn, details, recordedOnBehalf: recordedOnBehalf(actor, season), batchId: null } });
        results.push(null);
      } catch (err) {
        results.push(failure(m, err));
      }
    }
    let inserted: ActivityRow[];
    await savepoint(tx, 'savepoint', name);
    try {
      inserted = await insertActivities(tx, actor, pending.map((p) => p.row));
      await savepoint(tx, 'release savepoint', name);
    } catch {
      await savepoint(tx, 'rollback to savepoint', name);
      return null;
    }
    const byClientId = new Map(inserted.map((r) => [r.clientId, r]));
    for (const p of pending) {
      const m = run[p.index]!;
      const row = byClientId.get(m.clientId);
      if (row) {
        touched.knownActivities?.set(m.clientId, row);
        results[p.index] = { clientId: m.clientId, status: 'applied', record: presentActivity(row) };
        continue;
      }
      // A concurrent request stored this clientId first: answer as for a replay.
      try {
        const [raced] = await findActivitiesByClientIds(tx, [m.clientId]);
        const outcome = await replayOf(tx, actor, raced!, p.row.payloadHash);
        results[p.index] = { clientId: m.clientId, status: outcome.status, record: outcome.record };
      } catch (err) {
        results[p.index] = failure(m, err);
      }
    }
    const stored = pending.filter((p) => byClientId.has(run[p.index]!.clientId));
    const started = [...new Map(stored.filter((p) => p.season.status === 'planned').map((p) => [p.season.id, p.season])).values()];
    const harvested = [...new Map(stored.filter((p) => p.row.type === 'harvest' && p.season.status !== 'harvested').map((p) => [p.season.id, p.season])).values()];
    await advanceSeasonStatus(tx, started, false);
    await advanceSeasonStatus(tx, harvested, true);
    for (const s of started) s.status = 'in_progress';
    for (const s of harvested) s.status = 'harvested';
    for (const p of stored) if (FLAG_TYPES.has(p.row.type) || p.season.status === 'harvested') touched.add(p.season);
    return results.map((r) => r!);
  }

  async function applyMutation(tx: Executor, actor: Actor, m: SyncMutation, touched: Touched, cache: ReturnType<typeof catalogueCache>): Promise<Outcome<unknown>> {
    const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => parsePayload({ ...m, payload: value as Record<string, unknown> }, schema);
    const needed = <T>(value: T | undefined, field: string) => need(m, value, field);
    switch (m.kind) {
      case 'createSeason': {
        const body = parse(SyncSeasonPayload, m.payload);
        const { plotId, ...season } = body;
        return createSeasonIn(tx, actor, plotId, { ...season, clientId: m.clientId }, touched);
      }
      case 'createActivity': {
        const body = parse(SyncActivityPayload, m.payload);
        return createActivityIn(tx, actor, needed(m.seasonId, 'seasonId'), { ...body, clientId: m.clientId } as CreateActivityBody, touched, cache);
      }
      case 'updateActivity': {
        const body = parse(SyncUpdatePayload, m.payload);
        return reviseActivityIn(tx, actor, needed(m.activityId, 'activityId'), { baseVersion: needed(m.baseVersion, 'baseVersion'), clientId: m.clientId, ...body, delete: false }, touched, cache);
      }
      case 'deleteActivity':
        return reviseActivityIn(tx, actor, needed(m.activityId, 'activityId'), { baseVersion: needed(m.baseVersion, 'baseVersion'), clientId: m.clientId, delete: true }, touched, cache);
    }
  }
}
export type DiaryService = ReturnType<typeof createDiaryService>;
