/**
 * Keeps the dashboard rollups up to date incrementally. Triggers queue every season whose season
 * row, activities or MRV run changed and every commune whose plots changed (migration
 * 2026-11-23T2200); a refresh takes a batch off the queue, recomputes those seasons' summaries (their
 * derived facts and emissions) and the seasons that follow them on the same plot (whose facts read
 * the previous season's straw and harvest), then rebuilds the rollups of the commune-years touched.
 * Nothing is ever recomputed from all raw rows.
 *
 * Claiming deletes the queue rows inside the refresh's transaction, so a write committed while the
 * refresh runs queues its season again (its queue insert waits for this transaction and then finds
 * no row) and is picked up by the next refresh; nothing is lost and nothing is half-applied.
 */
import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { fertiliserProductMap } from '../diary/catalogues.repository.ts';
import { deriveSeasonFacts, type FactActivity } from '../diary/season-facts.ts';
import { mrvRunsThenDiarySource, type EmissionRequest, type SeasonEmissionSource } from './emission-sources.ts';
import {
  claimQueuedSeasons, codedPlots, communeYearsOfSummaries, deleteSummaries, factorSetKey, insertSummaries, liveActivities, pendingSeasonCount,
  rebuildRollups, refreshPlotRollups, seasonsByRefs, seasonsOfPlots, type CommuneYear, type LoadedActivity, type LoadedSeason, type SeasonRef, type SummaryRow,
} from './rollups.repository.ts';
import { summariseSeason } from './season-summary.ts';

export interface RefreshOptions {
  /** Only this province's queue (a dashboard refreshes what it is about to show). */
  provinceCode?: string | null;
  maxSeasons?: number;
  emissionSource?: SeasonEmissionSource;
  now: Date;
}

export interface RefreshOutcome {
  seasons: number;
  communeYears: number;
  plotCommunes: number;
  /** Seasons still queued in the scope after this batch. */
  remaining: number;
}

const startOf = (s: LoadedSeason) => s.actualStartOn ?? s.plannedStartOn;
const key = (r: SeasonRef) => `${r.provinceCode}|${r.id}`;
const asFact = (a: LoadedActivity) => ({ id: a.id, type: a.type, occurredOn: a.occurredOn, details: a.details }) as FactActivity;

/** The summaries of these seasons, computed now. Seasons that no longer exist are absent. */
export async function computeSummaries(tx: Executor, refs: readonly SeasonRef[], emissionSource: SeasonEmissionSource, now: Date): Promise<{ rows: SummaryRow[]; seasons: LoadedSeason[] }> {
  const claimed = await seasonsByRefs(tx, refs);
  if (!claimed.length) return { rows: [], seasons: [] };
  const plotSeasons = await seasonsOfPlots(tx, claimed);
  const byPlot = new Map<string, LoadedSeason[]>();
  for (const s of plotSeasons) byPlot.set(s.plotId, [...(byPlot.get(s.plotId) ?? []), s]);
  for (const list of byPlot.values()) list.sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));

  // The claimed seasons and every later season of the same plots.
  const wanted = new Map<string, LoadedSeason>();
  for (const s of claimed) {
    for (const other of byPlot.get(s.plotId) ?? []) if (other.id === s.id || startOf(other) > startOf(s)) wanted.set(key(other), other);
  }
  const seasons = [...wanted.values()];

  // Each season's neighbours: the latest earlier season, and the latest earlier rice season.
  const neighbours = new Map<string, { previous?: LoadedSeason; previousRice?: LoadedSeason }>();
  const neighbourRefs = new Map<string, LoadedSeason>();
  for (const s of seasons) {
    const earlier = (byPlot.get(s.plotId) ?? []).filter((o) => o.id !== s.id && startOf(o) < startOf(s)).reverse();
    const previous = earlier[0];
    const previousRice = earlier.find((o) => o.cropKind === 'rice');
    neighbours.set(s.id, { ...(previous ? { previous } : {}), ...(previousRice ? { previousRice } : {}) });
    for (const n of [previous, previousRice]) if (n) neighbourRefs.set(key(n), n);
  }
  const [own, earlierActs, products, coded] = await Promise.all([
    liveActivities(tx, seasons),
    liveActivities(tx, [...neighbourRefs.values()], ['harvest', 'straw']),
    fertiliserProductMap(tx),
    codedPlots(tx, [...new Set(seasons.map((s) => s.plotId))]),
  ]);
  const activitiesOf = new Map<string, LoadedActivity[]>();
  for (const a of [...own, ...earlierActs]) activitiesOf.set(a.seasonId, [...(activitiesOf.get(a.seasonId) ?? []), a]);

  const derived = seasons.map((s) => {
    const n = neighbours.get(s.id)!;
    const acts = (activitiesOf.get(s.id) ?? []).map(asFact);
    const result = deriveSeasonFacts({
      season: {
        id: s.id, label: `${s.seasonName} ${s.year}`, cropCode: s.cropCode, cropKind: s.cropKind, areaHa: s.areaHa,
        actualStartOn: s.actualStartOn, actualEndOn: s.actualEndOn, plannedEndOn: s.plannedEndOn, previousHarvestOn: s.previousHarvestOn,
      },
      activities: acts,
      previousRiceHarvests: n.previousRice ? (activitiesOf.get(n.previousRice.id) ?? []).filter((a) => a.type === 'harvest').map(asFact) : [],
      previousSeasonStraw: n.previous ? (activitiesOf.get(n.previous.id) ?? []).filter((a) => a.type === 'straw' && a.details.residueOf === 'this_crop').map(asFact) : [],
      fertiliserProducts: products,
    });
    return { season: s, acts, result };
  });

  const requests: EmissionRequest[] = derived.map(({ season, result }) => ({
    seasonId: season.id, provinceCode: season.provinceCode, areaHa: season.areaHa, isRice: season.cropKind === 'rice', mrvInput: result.mrvInput, missing: result.missing,
  }));
  const emissions = await emissionSource.emissionsOf(tx, requests);
  const knownSets = new Set<string>();
  const rows: SummaryRow[] = [];
  for (const { season, acts, result } of derived) {
    const values = summariseSeason({ ...season, id: season.id }, result.facts, acts);
    const outcome = emissions.get(season.id);
    const e = outcome?.ok ? outcome.emissions : null;
    rows.push({
      seasonId: season.id, provinceCode: season.provinceCode, communeCode: season.communeCode, plotId: season.plotId, organisationId: season.organisationId,
      householdId: season.householdId, cropCode: season.cropCode, cropKind: season.cropKind, seasonName: season.seasonName, year: season.year,
      areaHa: season.areaHa, status: season.status, standard: season.standard, codedArea: coded.has(season.plotId), ...values,
      emissionSource: e?.source ?? null,
      emissionMissing: outcome && !outcome.ok ? outcome.missing : null,
      projectCo2eT: e?.projectCo2eT ?? null, baselineCo2eT: e?.baselineCo2eT ?? null, ch4RiceKg: e?.ch4RiceKg ?? null, ch4BurningKg: e?.ch4BurningKg ?? null,
      n2oDirectKg: e?.n2oDirectKg ?? null, n2oIndirectKg: e?.n2oIndirectKg ?? null, n2oBurningKg: e?.n2oBurningKg ?? null, co2UreaKg: e?.co2UreaKg ?? null,
      co2LimeKg: e?.co2LimeKg ?? null,
      factorSetKey: e ? await factorSetKey(tx, e.methodVersion, e.factorTableVersion, e.factorsUsed, knownSets) : null,
      methodVersion: e?.methodVersion ?? null, mrvRunId: e?.mrvRunId ?? null, refreshedAt: now,
    });
  }
  return { rows, seasons };
}

/** One batch: queued seasons → summaries → rollups of the commune-years touched; queued communes → plot rollups. */
export async function refreshDashboards(db: Database, options: RefreshOptions): Promise<RefreshOutcome> {
  const provinceCode = options.provinceCode ?? null;
  const source = options.emissionSource ?? mrvRunsThenDiarySource;
  return db.transaction().execute(async (tx) => {
    // One refresher at a time: two rebuilding the same commune-year would collide on its keys.
    const { rows: lock } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(72001) as locked`.execute(tx);
    if (!lock[0]?.locked) return { seasons: 0, communeYears: 0, plotCommunes: 0, remaining: await pendingSeasonCount(tx, provinceCode) };
    const claimed = await claimQueuedSeasons(tx, provinceCode, options.maxSeasons ?? 2000);
    const { rows, seasons } = await computeSummaries(tx, claimed, source, options.now);
    const touched = [...claimed, ...seasons.map((s) => ({ id: s.id, provinceCode: s.provinceCode }))];
    const before = await communeYearsOfSummaries(tx, touched);
    await deleteSummaries(tx, touched);
    await insertSummaries(tx, rows);
    const keys = new Map<string, CommuneYear>();
    for (const k of [...before, ...rows.map((r) => ({ provinceCode: r.provinceCode, communeCode: r.communeCode, year: r.year }))]) {
      keys.set(`${k.provinceCode}|${k.communeCode}|${k.year}`, { provinceCode: k.provinceCode, communeCode: k.communeCode, year: k.year });
    }
    await rebuildRollups(tx, [...keys.values()], options.now);
    const plotCommunes = await refreshPlotRollups(tx, provinceCode, 500, options.now);
    return { seasons: rows.length, communeYears: keys.size, plotCommunes, remaining: await pendingSeasonCount(tx, provinceCode) };
  });
}

/** Refreshes until the scope's queue is empty (reports must be exact), in batches. */
export async function refreshAll(db: Database, options: RefreshOptions): Promise<RefreshOutcome> {
  const total: RefreshOutcome = { seasons: 0, communeYears: 0, plotCommunes: 0, remaining: 0 };
  for (let i = 0; i < 10_000; i++) {
    const r = await refreshDashboards(db, options);
    total.seasons += r.seasons;
    total.communeYears += r.communeYears;
    total.plotCommunes += r.plotCommunes;
    total.remaining = r.remaining;
    if (r.remaining === 0 && r.plotCommunes === 0) break;
    if (r.seasons === 0 && r.plotCommunes === 0) break; // another refresher holds the lock
  }
  return total;
}
