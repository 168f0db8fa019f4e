/**
 * Turning a season's derived facts (modules/diary/season-facts.ts) and its project's baseline into
 * one calculation-contract document (docs/mrv-calculation-contract.md). Pure.
 *
 * - A season inside a project gets a crediting document: the baseline scenario, the project scenario
 *   (the season as recorded) and the crediting request (methodology, GWP set, uncertainty). One
 *   document, one hash, one run: the reduction and the credits are always computed from the same pair.
 * - A season outside any project gets a scenario document (its emissions only).
 * - Fixed-practice baseline: the season's own facts (cultivation days, pre-season, N, urea, lime) with
 *   the practice's water regime and straw management, so the reduction reflects practice alone.
 * - Look-back baseline: the plot's most recent earlier season with complete facts, at this season's
 *   cultivation length and pre-season status (the practice of that season, the length of this one).
 *
 * Missing facts block a run only when the engine would otherwise guess: without water-regime evidence a
 * season cannot be computed as AWD or as anything else. Facts the diary reports as "taken as none"
 * (no fertiliser record, no straw record) do not block; they are kept as notes on the run.
 */
import type { SeasonFactsResponse, ProjectBaseline } from '@dongxanh/contracts';
import type { CreditingInput, GwpSet, ScenarioInput, SeasonInput } from '@dongxanh/methodology';

/** Facts without which the engine cannot compute a rice season honestly. */
export const BLOCKING_FACTS: ReadonlySet<string> = new Set(['cultivationDays', 'waterRegime', 'preSeason', 'strawIncorporationTiming']);

export interface ProjectTerms {
  id: string;
  code: string;
  methodology: string;
  gwpSet: GwpSet;
  uncertainty: number | null;
  baseline: ProjectBaseline;
}

export interface Missing {
  fact: string;
  reason: string;
}

export type RunDocument =
  | { kind: 'crediting'; document: CreditingInput; notes: Missing[] }
  | { kind: 'scenario'; document: ScenarioInput; notes: Missing[] };

export type BuildOutcome = { ok: true; run: RunDocument } | { ok: false; missing: Missing[] };

const recordedStrawDm = (facts: SeasonFactsResponse['facts']) =>
  (facts.strawIncorporatedTPerHa.value ?? 0) + (facts.strawBurntTPerHa.value ?? 0) + (facts.strawRemovedTPerHa.value ?? 0) + (facts.strawLeftOnSurfaceTPerHa.value ?? 0);

function fixedPracticeSeason(project: SeasonInput, facts: SeasonFactsResponse, practice: Extract<ProjectBaseline, { kind: 'fixed_practice' }>['practice']): SeasonInput | Missing {
  const dm = practice.strawDmTPerHa ?? recordedStrawDm(facts.facts);
  const needsStraw = practice.strawManagement !== 'removed';
  if (needsStraw && !(dm > 0)) {
    return { fact: 'baselineStraw', reason: 'The baseline incorporates or burns straw "as recorded", but this season records no straw amount: record the straw (t/ha) or give the project a fixed amount' };
  }
  const { organic_amendments: _ownStraw, residue_burning: _ownBurning, ...rest } = project;
  const season: SeasonInput = { ...rest, name: `${project.name ?? 'season'} (baseline)`, water_regime: practice.waterRegime };
  if (practice.strawManagement === 'incorporated_lt30d') season.organic_amendments = [{ type: 'straw_lt30d', t_per_ha: dm, basis: 'dry' }];
  if (practice.strawManagement === 'incorporated_gt30d') season.organic_amendments = [{ type: 'straw_gt30d', t_per_ha: dm, basis: 'dry' }];
  if (practice.strawManagement === 'burnt') season.residue_burning = { residue_dm_t_per_ha: dm, burned_fraction: 1 };
  return season;
}

function lookBackSeason(project: SeasonInput, earlier: SeasonFactsResponse | null): SeasonInput | Missing {
  if (!earlier || earlier.missing.some((m) => BLOCKING_FACTS.has(m.fact))) {
    return { fact: 'baselineLookBack', reason: 'The look-back baseline needs an earlier season on this plot with complete facts (water regime, cultivation period, pre-season)' };
  }
  const season: SeasonInput = { ...(earlier.mrvInput as SeasonInput), name: `${project.name ?? 'season'} (baseline: ${earlier.mrvInput.name})` };
  if (project.cultivation_days !== undefined) season.cultivation_days = project.cultivation_days;
  if (project.pre_season !== undefined) season.pre_season = project.pre_season;
  return season;
}

export function buildRunDocument(facts: SeasonFactsResponse, project: ProjectTerms | null, earlier: SeasonFactsResponse | null = null): BuildOutcome {
  const blocking = facts.missing.filter((m) => BLOCKING_FACTS.has(m.fact));
  const notes = facts.missing.filter((m) => !BLOCKING_FACTS.has(m.fact));
  const projectSeason = facts.mrvInput as SeasonInput;
  const gwp = project?.gwpSet ?? 'AR5';
  const scenario = (season: SeasonInput): ScenarioInput => ({
    area_ha: facts.areaHa,
    gwp_set: gwp,
    ...(facts.facts.yieldKgPerHa.value ? { yield_kg_per_ha: facts.facts.yieldKgPerHa.value } : {}),
    seasons: [season],
  });
  if (!project) return blocking.length ? { ok: false, missing: blocking } : { ok: true, run: { kind: 'scenario', document: scenario(projectSeason), notes } };

  const baseline = project.baseline.kind === 'fixed_practice' ? fixedPracticeSeason(projectSeason, facts, project.baseline.practice) : lookBackSeason(projectSeason, earlier);
  if ('fact' in baseline) blocking.push(baseline);
  if (blocking.length || 'fact' in baseline) return { ok: false, missing: blocking };
  const document: CreditingInput = {
    baseline: scenario(baseline),
    project: scenario(projectSeason),
    crediting: { methodology: project.methodology, gwp_set: gwp, ...(project.uncertainty !== null ? { uncertainty: project.uncertainty } : {}) },
  };
  return { ok: true, run: { kind: 'crediting', document, notes } };
}
