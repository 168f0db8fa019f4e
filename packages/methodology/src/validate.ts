/**
 * Input validation for the calculation contract. Invalid input is rejected, never computed
 * (methodology.md §9 choice 11): every check names the offending key as a path so that a person can
 * find it in the document they sent.
 */
import {
  CFOA_BY_AMENDMENT,
  EFC_BY_REGION,
  GWP_SETS,
  SFP_BY_PRE_SEASON,
  SFW_BY_REGIME,
  WATER_REGIME_ALIASES,
} from './factors.ts';
import type {
  ComparisonInput,
  CreditingInput,
  CreditingRequest,
  InvalidInputDocument,
  NInput,
  OrganicAmendment,
  ScenarioInput,
  ScenarioOptions,
  SeasonInput,
} from './types.ts';

export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }

  toDocument(): InvalidInputDocument {
    return { error: 'INVALID_INPUT', message: this.message, field: this.field };
  }
}

/** Numbers are shown as the contract's examples show them (`-1.0`), strings quoted. */
function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

const fail = (field: string, rule: string, value: unknown): never => {
  throw new InvalidInputError(field, `${field} ${rule} (got ${show(value)})`);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// A key given as null is given: null is not a number, a code or an object, so it is rejected like any other wrong value.
const has = (o: Record<string, unknown>, key: string) => o[key] !== undefined;

function readObject(v: unknown, field: string): Record<string, unknown> {
  if (!isObject(v)) fail(field, 'must be an object', v);
  return v as Record<string, unknown>;
}

function readNumber(v: unknown, field: string, min: number, max = Infinity, minExclusive = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(field, 'must be a number', v);
  if (minExclusive ? v <= min : v < min) return fail(field, `must be ${minExclusive ? '>' : '>='} ${min}`, v);
  if (v > max) return fail(field, `must be <= ${max}`, v);
  return v;
}

function readOptionalNumber(o: Record<string, unknown>, key: string, path: string, min: number, max = Infinity) {
  return has(o, key) ? readNumber(o[key], `${path}${key}`, min, max) : undefined;
}

function readEnum<T extends string>(v: unknown, field: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    return fail(field, `must be one of ${allowed.join(', ')}`, v);
  }
  return v as T;
}

function readBoolean(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') return fail(field, 'must be true or false', v);
  return v;
}

function readArray(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) return fail(field, 'must be an array', v);
  return v;
}

const WATER_REGIMES: string[] = [...Object.keys(SFW_BY_REGIME), ...Object.keys(WATER_REGIME_ALIASES)];
const PRE_SEASONS = Object.keys(SFP_BY_PRE_SEASON);
const EFC_REGIONS = Object.keys(EFC_BY_REGION);
const AMENDMENTS = Object.keys(CFOA_BY_AMENDMENT);
const GWP_SET_NAMES = Object.keys(GWP_SETS);
const N_SOURCES = ['synthetic', 'organic', 'crop_residue'] as const;

function readAmendment(v: unknown, path: string): OrganicAmendment {
  const o = readObject(v, path);
  const amendment: OrganicAmendment = {
    type: readEnum(o.type, `${path}.type`, AMENDMENTS) as OrganicAmendment['type'],
    t_per_ha: readNumber(o.t_per_ha, `${path}.t_per_ha`, 0),
  };
  if (has(o, 'basis')) amendment.basis = readEnum(o.basis, `${path}.basis`, ['dry', 'fresh'] as const);
  return amendment;
}

function readNInput(v: unknown, path: string): NInput {
  const o = readObject(v, path);
  const source = readEnum(o.source, `${path}.source`, N_SOURCES);
  const product = has(o, 'product') ? String(o.product) : undefined;
  const direct = has(o, 'kg_n_per_ha');
  const byProduct = has(o, 'product_kg_per_ha') || has(o, 'n_fraction');
  if (direct && byProduct) {
    throw new InvalidInputError(path, `${path} must give either kg_n_per_ha or product_kg_per_ha with n_fraction, not both`);
  }
  if (direct) {
    return { source, ...(product !== undefined && { product }), kg_n_per_ha: readNumber(o.kg_n_per_ha, `${path}.kg_n_per_ha`, 0) };
  }
  return {
    source,
    ...(product !== undefined && { product }),
    product_kg_per_ha: readNumber(o.product_kg_per_ha, `${path}.product_kg_per_ha`, 0),
    n_fraction: readNumber(o.n_fraction, `${path}.n_fraction`, 0, 1),
  };
}

function readSeason(v: unknown, path: string, index: number): SeasonInput {
  const o = readObject(v, path);
  const crop = has(o, 'crop') ? o.crop : 'rice';
  if (typeof crop !== 'string' || crop.trim() === '') fail(`${path}.crop`, 'must be a non-empty string', crop);
  const isRice = crop === 'rice';
  const season: SeasonInput = { name: has(o, 'name') ? String(o.name) : `season_${index + 1}`, crop: crop as string };

  // Rice keys are required for rice; for other crops they are checked only when given.
  if (isRice || has(o, 'cultivation_days')) season.cultivation_days = readNumber(o.cultivation_days, `${path}.cultivation_days`, 0);
  if (isRice || has(o, 'water_regime')) {
    season.water_regime = readEnum(o.water_regime, `${path}.water_regime`, WATER_REGIMES) as SeasonInput['water_regime'];
  }
  const needsPreSeason = isRice && season.water_regime !== 'upland';
  if (needsPreSeason || has(o, 'pre_season')) {
    season.pre_season = readEnum(o.pre_season, `${path}.pre_season`, PRE_SEASONS) as SeasonInput['pre_season'];
  }
  if (has(o, 'efc_region')) season.efc_region = readEnum(o.efc_region, `${path}.efc_region`, EFC_REGIONS) as SeasonInput['efc_region'];
  const efc = readOptionalNumber(o, 'efc_kg_ch4_ha_day', `${path}.`, 0);
  if (efc !== undefined) season.efc_kg_ch4_ha_day = efc;
  const sfsr = readOptionalNumber(o, 'sf_s_r', `${path}.`, 0);
  if (sfsr !== undefined) season.sf_s_r = sfsr;

  if (has(o, 'organic_amendments')) {
    season.organic_amendments = readArray(o.organic_amendments, `${path}.organic_amendments`).map((a, i) =>
      readAmendment(a, `${path}.organic_amendments[${i}]`),
    );
  }
  if (has(o, 'n_inputs')) {
    season.n_inputs = readArray(o.n_inputs, `${path}.n_inputs`).map((n, i) => readNInput(n, `${path}.n_inputs[${i}]`));
  }
  const urea = readOptionalNumber(o, 'urea_kg_per_ha', `${path}.`, 0);
  if (urea !== undefined) season.urea_kg_per_ha = urea;
  if (has(o, 'lime')) {
    const lime = readObject(o.lime, `${path}.lime`);
    season.lime = {
      limestone_kg_per_ha: readOptionalNumber(lime, 'limestone_kg_per_ha', `${path}.lime.`, 0) ?? 0,
      dolomite_kg_per_ha: readOptionalNumber(lime, 'dolomite_kg_per_ha', `${path}.lime.`, 0) ?? 0,
    };
  }
  if (has(o, 'residue_burning')) {
    const rb = readObject(o.residue_burning, `${path}.residue_burning`);
    const burning: NonNullable<SeasonInput['residue_burning']> = {
      residue_dm_t_per_ha: readNumber(rb.residue_dm_t_per_ha, `${path}.residue_burning.residue_dm_t_per_ha`, 0),
      burned_fraction: readNumber(rb.burned_fraction, `${path}.residue_burning.burned_fraction`, 0, 1),
    };
    const cf = readOptionalNumber(rb, 'combustion_factor', `${path}.residue_burning.`, 0, 1);
    if (cf !== undefined) burning.combustion_factor = cf;
    season.residue_burning = burning;
  }
  return season;
}

function readOptions(v: unknown, path: string): ScenarioOptions {
  const o = readObject(v, path);
  const options: ScenarioOptions = {};
  if (has(o, 'ef1fr_mode')) options.ef1fr_mode = readEnum(o.ef1fr_mode, `${path}.ef1fr_mode`, ['disaggregated', 'aggregated'] as const);
  if (has(o, 'ef1_mode')) options.ef1_mode = readEnum(o.ef1_mode, `${path}.ef1_mode`, ['aggregated', 'wet', 'dry'] as const);
  if (has(o, 'include_indirect')) options.include_indirect = readBoolean(o.include_indirect, `${path}.include_indirect`);
  if (has(o, 'ef4_mode')) options.ef4_mode = readEnum(o.ef4_mode, `${path}.ef4_mode`, ['wet', 'dry', 'aggregated'] as const);
  if (has(o, 'leaching_applies')) options.leaching_applies = readBoolean(o.leaching_applies, `${path}.leaching_applies`);
  return options;
}

/** `prefix` is '' for a top-level scenario, 'baseline.' or 'project.' inside a comparison. */
export function readScenario(v: unknown, prefix = ''): ScenarioInput {
  const o = readObject(v, prefix === '' ? 'input' : prefix.slice(0, -1));
  const scenario: ScenarioInput = {
    area_ha: readNumber(o.area_ha, `${prefix}area_ha`, 0),
    seasons: [],
  };
  if (has(o, 'gwp_set')) scenario.gwp_set = readEnum(o.gwp_set, `${prefix}gwp_set`, GWP_SET_NAMES) as ScenarioInput['gwp_set'];
  if (has(o, 'yield_kg_per_ha')) scenario.yield_kg_per_ha = readNumber(o.yield_kg_per_ha, `${prefix}yield_kg_per_ha`, 0, Infinity, true);
  if (has(o, 'options')) scenario.options = readOptions(o.options, `${prefix}options`);
  const seasons = readArray(o.seasons, `${prefix}seasons`);
  if (seasons.length === 0) throw new InvalidInputError(`${prefix}seasons`, `${prefix}seasons must contain at least one season`);
  scenario.seasons = seasons.map((s, i) => readSeason(s, `${prefix}seasons[${i}]`, i));
  return scenario;
}

function readCrediting(v: unknown): CreditingRequest {
  const o = readObject(v, 'crediting');
  const request: CreditingRequest = {};
  if (has(o, 'methodology')) {
    if (typeof o.methodology !== 'string') fail('crediting.methodology', 'must be a string', o.methodology);
    request.methodology = o.methodology as string;
  }
  if (has(o, 'uncertainty')) request.uncertainty = readNumber(o.uncertainty, 'crediting.uncertainty', 0, 1);
  if (has(o, 'gwp_set')) request.gwp_set = readEnum(o.gwp_set, 'crediting.gwp_set', GWP_SET_NAMES) as CreditingRequest['gwp_set'];
  return request;
}

export type ParsedInput =
  | { kind: 'scenario'; input: ScenarioInput }
  | { kind: 'comparison'; input: ComparisonInput }
  | { kind: 'crediting'; input: CreditingInput };

/** Tells the three documents apart by their keys (contract, "Input documents") and checks them whole. */
export function parseCalculationInput(raw: unknown): ParsedInput {
  const o = readObject(raw, 'input');
  const isComparison = has(o, 'baseline') || has(o, 'project') || has(o, 'crediting');
  if (!isComparison) return { kind: 'scenario', input: readScenario(o) };
  if (!has(o, 'baseline')) fail('baseline', 'is required in a comparison', undefined);
  if (!has(o, 'project')) fail('project', 'is required in a comparison', undefined);
  const baseline = readScenario(o.baseline, 'baseline.');
  const project = readScenario(o.project, 'project.');
  if (!has(o, 'crediting')) return { kind: 'comparison', input: { baseline, project } };
  if (baseline.seasons.length !== project.seasons.length) {
    throw new InvalidInputError(
      'project.seasons',
      `project.seasons must have as many seasons as baseline.seasons for crediting (got ${project.seasons.length}, baseline has ${baseline.seasons.length})`,
    );
  }
  return { kind: 'crediting', input: { baseline, project, crediting: readCrediting(o.crediting) } };
}
