/**
 * Where a plot-season's emissions come from, behind one small interface so traceability does not
 * depend on how MRV stores its runs:
 *
 * 1. the run pinned in a verified submission (modules of issue 5: `submission_items.run_id`, state
 *    'verified', not superseded) — verified: true;
 * 2. otherwise the season's current stored MRV run (`mrv_runs.is_current`) — verified: false;
 * 3. otherwise computed now from the diary: the season's facts give the calculation contract's season
 *    (`mrvInput`), and packages/methodology `calculate` computes it (real data, the same engine).
 *
 * The baseline, where a run has none (scenario runs) or when computing: the same season continuously
 * flooded, everything else as recorded — "continuation of current practice (e.g. transplanted,
 * continuously flooded)" (methodology.md §6.1, AMS-III.AU; VM0051's QA3 baseline likewise keeps the
 * season's own inputs). It credits only the water management, the one practice whose effect the
 * methodology quantifies per season, so it is conservative for the other practices.
 *
 * The tables of (1) and (2) are read only if they exist (`to_regclass`), so this module works before
 * and after the MRV-runs migration lands.
 */
import type { SeasonFactsResponse } from '@dongxanh/contracts';
import { calculate, METHOD_VERSION, type ScenarioResult, type SeasonInput } from '@dongxanh/methodology';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { DomainError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';

export interface SeasonEmission {
  seasonId: string;
  co2eT: number;
  baselineCo2eT: number;
  verified: boolean;
  method: string;
}

export interface SeasonEmissionSource {
  emissionsFor(seasonIds: readonly string[]): Promise<SeasonEmission[]>;
}

const tableExists = async (db: Executor, table: string) =>
  (await sql<{ oid: string | null }>`select to_regclass(${table})::text as oid`.execute(db)).rows[0]?.oid != null;

/** Project and baseline CO2e (t) of one season from its diary facts, with the methodology engine. */
export function computeFromFacts(facts: SeasonFactsResponse): { co2eT: number; baselineCo2eT: number; method: string } {
  if (!facts.complete) {
    throw new DomainError('rule_violated', message('trace.emissionsIncomplete', { id: facts.seasonId, reasons: facts.missing.map((m) => m.reason).join('; ') }), {
      errors: facts.missing.map((m) => ({ path: `seasons.${facts.seasonId}.${m.fact}`, message: m.reason })),
    });
  }
  const season = facts.mrvInput as SeasonInput;
  const project = calculate({ area_ha: facts.areaHa, seasons: [season] }) as ScenarioResult;
  const baselineSeason: SeasonInput = season.crop === 'rice' ? { ...season, water_regime: 'continuously_flooded' } : season;
  const baseline = calculate({ area_ha: facts.areaHa, seasons: [baselineSeason] }) as ScenarioResult;
  return { co2eT: project.co2e_total_t, baselineCo2eT: baseline.co2e_total_t, method: `diary facts, ${METHOD_VERSION} (${project.factor_table_version}); baseline continuously flooded` };
}

/** Emissions of the seasons that have stored MRV runs (verified ones first); absent seasons have none. */
export async function storedRunEmissions(db: Executor, seasonIds: readonly string[]): Promise<Map<string, SeasonEmission>> {
  const found = new Map<string, SeasonEmission>();
  if (seasonIds.length === 0 || !(await tableExists(db, 'mrv_runs'))) return found;
  const ids = sql.join(seasonIds.map((id) => sql`${id}::uuid`));
  if (await tableExists(db, 'submission_items')) {
    const verified = await sql<{ seasonId: string; co2eTotalT: number; baselineCo2eT: number | null; methodVersion: string }>`
      select distinct on (si.season_id) si.season_id, r.co2e_total_t, r.baseline_co2e_t, r.method_version
      from submission_items si
      join submissions s on s.id = si.submission_id and s.state = 'verified' and s.superseded_by is null
      join mrv_runs r on r.id = si.run_id and r.province_code = si.province_code
      where si.season_id in (${ids})
      order by si.season_id, s.verified_at desc`.execute(db);
    for (const r of verified.rows) {
      if (r.baselineCo2eT === null) continue;
      found.set(r.seasonId, { seasonId: r.seasonId, co2eT: r.co2eTotalT, baselineCo2eT: r.baselineCo2eT, verified: true, method: `verified MRV run, ${r.methodVersion}` });
    }
  }
  const current = await sql<{ seasonId: string; co2eTotalT: number; baselineCo2eT: number | null; methodVersion: string }>`
    select distinct on (season_id) season_id, co2e_total_t, baseline_co2e_t, method_version
    from mrv_runs where season_id in (${ids}) and is_current
    order by season_id, created_at desc`.execute(db);
  for (const r of current.rows) {
    if (found.has(r.seasonId) || r.baselineCo2eT === null) continue;
    found.set(r.seasonId, { seasonId: r.seasonId, co2eT: r.co2eTotalT, baselineCo2eT: r.baselineCo2eT, verified: false, method: `MRV run (not yet verified), ${r.methodVersion}` });
  }
  return found;
}

export function createSeasonEmissionSource(deps: { db: Executor; factsOf: (seasonId: string) => Promise<SeasonFactsResponse> }): SeasonEmissionSource {
  const { db, factsOf } = deps;
  return {
    async emissionsFor(seasonIds) {
      const found = await storedRunEmissions(db, seasonIds);
      const result: SeasonEmission[] = [];
      for (const id of seasonIds) {
        const stored = found.get(id);
        if (stored) result.push(stored);
        else result.push({ seasonId: id, verified: false, ...computeFromFacts(await factsOf(id)) });
      }
      return result;
    },
  };
}
