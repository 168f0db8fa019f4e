/**
 * Where a season's emissions come from, behind one small interface so the source can be swapped:
 * - the newest current MRV run of the season (modules/mrv-runs, table mrv_runs), when that table
 *   exists and the season has a run: the verified, stored result is what the reports must show;
 * - otherwise the season's diary facts computed now with @dongxanh/methodology `calculate` (the
 *   same engine and factor table the runs use).
 * Either way the baseline is the "traditional practice" of the plans (Cần Thơ plan I.2: "so với
 * canh tác lúa truyền thống"): the same season under continuous flooding, all other inputs equal.
 * For a run it is computed from the run's own input snapshot (its project scenario), so project and
 * baseline rest on the same stored inputs. A crediting project's baseline (its own fixed practice or
 * look-back season, modules/mrv-runs/build-inputs.ts) answers a different question — what the
 * credits are measured against — and is not the plans' baseline, so it is not used here.
 */
import { sql } from 'kysely';
import { calculate, InvalidInputError, type CalculationResult, type ScenarioResult, type SeasonInput } from '@dongxanh/methodology';
import type { Executor } from '../../db/database.ts';

export interface SeasonEmissions {
  source: 'mrv_run' | 'diary_calculation';
  mrvRunId: string | null;
  methodVersion: string;
  factorTableVersion: string;
  projectCo2eT: number;
  baselineCo2eT: number;
  ch4RiceKg: number;
  ch4BurningKg: number;
  n2oDirectKg: number;
  n2oIndirectKg: number;
  n2oBurningKg: number;
  co2UreaKg: number;
  co2LimeKg: number;
  factorsUsed: ReadonlyArray<{ id: string; value: number; source: string }>;
}

export type EmissionOutcome = { ok: true; emissions: SeasonEmissions } | { ok: false; missing: string };

export interface EmissionRequest {
  seasonId: string;
  provinceCode: string;
  areaHa: number;
  isRice: boolean;
  mrvInput: SeasonInput;
  /** Facts the engine needs and the diary lacks (from deriveSeasonFacts). */
  missing: ReadonlyArray<{ fact: string; reason: string }>;
}

export interface SeasonEmissionSource {
  emissionsOf(db: Executor, requests: readonly EmissionRequest[]): Promise<Map<string, EmissionOutcome>>;
}

/** The facts without which a rice season's CH4 cannot be computed (methodology.md §9; validate.ts). */
const RICE_REQUIRED = new Set(['cultivationDays', 'waterRegime', 'preSeason']);

function fromScenario(project: ScenarioResult, baselineCo2eT: number, source: SeasonEmissions['source'], runId: string | null): SeasonEmissions {
  return {
    source,
    mrvRunId: runId,
    methodVersion: project.method_version,
    factorTableVersion: project.factor_table_version,
    projectCo2eT: project.co2e_total_t,
    baselineCo2eT,
    ch4RiceKg: project.ch4_rice_kg,
    ch4BurningKg: project.ch4_burning_kg,
    n2oDirectKg: project.n2o_direct_kg,
    n2oIndirectKg: project.n2o_indirect_kg,
    n2oBurningKg: project.n2o_burning_kg,
    co2UreaKg: project.co2_urea_kg,
    co2LimeKg: project.co2_lime_kg,
    factorsUsed: project.factors_used,
  };
}

/** The season computed now from its diary facts, against the same season continuously flooded. */
export function computeFromDiary(request: EmissionRequest): EmissionOutcome {
  if (request.isRice) {
    const blocking = request.missing.filter((m) => RICE_REQUIRED.has(m.fact));
    if (blocking.length) return { ok: false, missing: blocking.map((m) => m.reason).join('; ') };
  }
  try {
    const project = calculate({ area_ha: request.areaHa, seasons: [request.mrvInput] }) as ScenarioResult;
    const baseline = request.isRice
      ? (calculate({ area_ha: request.areaHa, seasons: [{ ...request.mrvInput, water_regime: 'continuously_flooded' }] }) as ScenarioResult)
      : project;
    return { ok: true, emissions: fromScenario(project, baseline.co2e_total_t, 'diary_calculation', null) };
  } catch (err) {
    if (err instanceof InvalidInputError) return { ok: false, missing: err.toDocument().message };
    throw err;
  }
}

export const diaryCalculationSource: SeasonEmissionSource = {
  async emissionsOf(_db, requests) {
    return new Map(requests.map((r) => [r.seasonId, computeFromDiary(r)]));
  },
};

function projectOf(result: CalculationResult): ScenarioResult {
  switch (result.kind) {
    case 'crediting':
      return result.comparison.project;
    case 'comparison':
      return result.project;
    case 'scenario':
      return result;
  }
}

const isCalculationResult = (value: unknown): value is CalculationResult =>
  typeof value === 'object' && value !== null && ['crediting', 'comparison', 'scenario'].includes(String((value as { kind?: unknown }).kind));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** t CO2e of a run's project scenario with every rice season continuously flooded; null if unreadable. */
export function traditionalBaselineOf(snapshot: unknown): number | null {
  const scenario = isRecord(snapshot) && isRecord(snapshot.project) ? snapshot.project : snapshot;
  if (!isRecord(scenario) || !Array.isArray(scenario.seasons)) return null;
  const seasons = scenario.seasons.map((season: unknown) =>
    isRecord(season) && (season.crop === undefined || season.crop === 'rice') && season.water_regime !== 'upland' ? { ...season, water_regime: 'continuously_flooded' } : season);
  try {
    return (calculate({ ...scenario, seasons }) as ScenarioResult).co2e_total_t;
  } catch (err) {
    if (err instanceof InvalidInputError) return null;
    throw err;
  }
}

/** Is modules/mrv-runs's table in this database? (It is created by another migration.) */
export async function mrvRunsAvailable(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('mrv_runs') is not null as present`.execute(db);
  return rows[0]?.present === true;
}

/** The current run of each season where there is one; the diary calculation for the others. */
export const mrvRunsThenDiarySource: SeasonEmissionSource = {
  async emissionsOf(db, requests) {
    const out = new Map<string, EmissionOutcome>();
    if (requests.length && (await mrvRunsAvailable(db))) {
      const ids = requests.map((r) => r.seasonId);
      const provinces = [...new Set(requests.map((r) => r.provinceCode))];
      // As text: the CamelCasePlugin would rename the engine documents' snake_case keys.
      const { rows } = await sql<{ id: string; seasonId: string; resultJson: string; snapshotJson: string }>`
        select id, season_id, result::text as result_json, input_snapshot::text as snapshot_json from mrv_runs
        where is_current and season_id = any(${ids}::uuid[]) and province_code = any(${provinces}::text[])`.execute(db);
      for (const run of rows) {
        const result: unknown = JSON.parse(run.resultJson);
        const baseline = traditionalBaselineOf(JSON.parse(run.snapshotJson));
        if (!isCalculationResult(result) || baseline === null) continue;
        out.set(run.seasonId, { ok: true, emissions: fromScenario(projectOf(result), baseline, 'mrv_run', run.id) });
      }
    }
    for (const r of requests) if (!out.has(r.seasonId)) out.set(r.seasonId, computeFromDiary(r));
    return out;
  },
};
