/**
 * The calculator form and how it becomes the MRV contract document
 * (docs/mrv-calculation-contract.md, comparison kind). Inputs are kept as typed text so that a
 * person can type "2,5" or leave a field empty; the engine validates the document and its error
 * names a key path, which `fieldForPath` maps back to the field that produced it.
 */
import type { ComparisonInput, GwpSet, NInput, OrganicAmendment, PreSeason, ScenarioInput, SeasonInput, WaterRegime } from '@dongxanh/methodology';

export type Side = 'baseline' | 'project';
export const SIDES: readonly Side[] = ['baseline', 'project'];

export const CROPS = ['rice', 'vegetables', 'maize', 'cassava', 'sugarcane', 'coffee', 'tea'] as const;
export type Crop = (typeof CROPS)[number];

/** The contract's water regimes in the order a Mekong officer thinks of them. */
export const WATER_REGIMES: readonly WaterRegime[] = [
  'continuously_flooded',
  'single_drainage',
  'multiple_drainage',
  'awd',
  'regular_rainfed',
  'drought_prone',
  'deep_water',
  'upland',
];

export const PRE_SEASONS: readonly PreSeason[] = ['non_flooded_lt_180d', 'non_flooded_gt_180d', 'flooded_gt_30d', 'non_flooded_gt_365d'];

/** Straw of the previous crop: incorporated (CH4 via SFo), burnt in the field, or taken away. */
export const STRAW_HANDLINGS = ['removed', 'lt30', 'gt30', 'burnt'] as const;
export type StrawHandling = (typeof STRAW_HANDLINGS)[number];

export const FERTILISER_PRODUCTS = ['urea', 'dap', 'npk161608', 'npk202015', 'custom'] as const;
export type FertiliserProduct = (typeof FERTILISER_PRODUCTS)[number];

/** N mass fraction printed on the bag (urea 46 % N; DAP 18-46-0; NPK grades N-P2O5-K2O). */
export const FERTILISER_N_FRACTION: Record<Exclude<FertiliserProduct, 'custom'>, number> = {
  urea: 0.46,
  dap: 0.18,
  npk161608: 0.16,
  npk202015: 0.2,
};

/** Product names as sent in `n_inputs[].product` (informative to the engine). */
const PRODUCT_NAME: Record<FertiliserProduct, string> = {
  urea: 'Urê 46% N',
  dap: 'DAP 18-46-0',
  npk161608: 'NPK 16-16-8',
  npk202015: 'NPK 20-20-15',
  custom: 'custom',
};

export interface FertiliserRow {
  /** Stable identity for React and field ids; not its position. */
  key: number;
  product: FertiliserProduct;
  kgPerHa: string;
  /** Only for `custom`: % N by mass. */
  nPercent: string;
}

export interface SideForm {
  crop: Crop;
  cultivationDays: string;
  waterRegime: WaterRegime;
  preSeason: PreSeason;
  straw: StrawHandling;
  strawTPerHa: string;
  burnedPercent: string;
  fertilisers: FertiliserRow[];
  limestoneKgPerHa: string;
  dolomiteKgPerHa: string;
  yieldKgPerHa: string;
}

export interface CalculatorForm {
  areaHa: string;
  gwpSet: GwpSet;
  includeIndirect: boolean;
  baseline: SideForm;
  project: SideForm;
}

/**
 * First-load values: conventional practice (continuous flooding, 5 t DM/ha straw incorporated
 * less than 30 days before, 100 kg urea) against AWD with the straw taken off the field, so the
 * page opens on a meaningful reduction.
 */
export function defaultForm(): CalculatorForm {
  const common = {
    crop: 'rice' as const,
    cultivationDays: '100',
    preSeason: 'non_flooded_lt_180d' as const,
    limestoneKgPerHa: '',
    dolomiteKgPerHa: '',
    yieldKgPerHa: '6000',
  };
  return {
    areaHa: '1',
    gwpSet: 'AR5',
    includeIndirect: false,
    baseline: {
      ...common,
      waterRegime: 'continuously_flooded',
      straw: 'lt30',
      strawTPerHa: '5',
      burnedPercent: '80',
      fertilisers: [{ key: 1, product: 'urea', kgPerHa: '100', nPercent: '' }],
    },
    project: {
      ...common,
      waterRegime: 'awd',
      straw: 'removed',
      strawTPerHa: '5',
      burnedPercent: '80',
      fertilisers: [{ key: 2, product: 'urea', kgPerHa: '100', nPercent: '' }],
    },
  };
}

export type ParseNumber = (text: string) => number | undefined;

/** Field ids: shared fields by name, side fields as `${side}.${name}`, fertiliser rows by key. */
export type FieldId = string;
export const sideField = (side: Side, name: string): FieldId => `${side}.${name}`;
/** The DOM id of a field's input, so an error can link to it. */
export const domIdFor = (field: FieldId): string => `calc-${field.replace(/\./g, '-')}`;
export const fertField = (side: Side, key: number, name: 'kgPerHa' | 'nPercent'): FieldId => `${side}.fert.${key}.${name}`;

/** Fields entered as percentages (0–100) that the contract takes as fractions (0–1). */
export const isPercentField = (id: FieldId) => id.endsWith('.burnedPercent') || id.endsWith('.nPercent');

export const isRice = (side: SideForm) => side.crop === 'rice';
export const strawOptionsFor = (side: SideForm): readonly StrawHandling[] =>
  isRice(side) ? STRAW_HANDLINGS : STRAW_HANDLINGS.filter((s) => s !== 'lt30' && s !== 'gt30');

// A required number that is empty or not a number goes to the engine as NaN, which it refuses with
// "must be a number" naming the key; the message is then shown next to the field.
const required = (parse: ParseNumber, text: string) => parse(text) ?? Number.NaN;

function fertiliserInput(row: FertiliserRow, parse: ParseNumber): NInput {
  const nFraction = row.product === 'custom' ? required(parse, row.nPercent) / 100 : FERTILISER_N_FRACTION[row.product];
  return { source: 'synthetic', product: PRODUCT_NAME[row.product], product_kg_per_ha: required(parse, row.kgPerHa), n_fraction: nFraction };
}

function buildSeason(side: Side, form: SideForm, parse: ParseNumber): SeasonInput {
  const season: SeasonInput = { name: side, crop: form.crop };
  if (isRice(form)) {
    season.cultivation_days = required(parse, form.cultivationDays);
    season.water_regime = form.waterRegime;
    if (form.waterRegime !== 'upland') season.pre_season = form.preSeason;
  }
  const straw = strawOptionsFor(form).includes(form.straw) ? form.straw : 'removed';
  if (straw === 'lt30' || straw === 'gt30') {
    const amendment: OrganicAmendment = { type: straw === 'lt30' ? 'straw_lt30d' : 'straw_gt30d', t_per_ha: required(parse, form.strawTPerHa), basis: 'dry' };
    season.organic_amendments = [amendment];
  } else if (straw === 'burnt') {
    season.residue_burning = {
      residue_dm_t_per_ha: required(parse, form.strawTPerHa),
      burned_fraction: required(parse, form.burnedPercent) / 100,
    };
  }
  if (form.fertilisers.length > 0) season.n_inputs = form.fertilisers.map((row) => fertiliserInput(row, parse));
  // Urea product mass feeds CO2 from urea (Eq 11.13); the contract does not derive it from n_inputs.
  const ureaRows = form.fertilisers.filter((r) => r.product === 'urea');
  if (ureaRows.length > 0) season.urea_kg_per_ha = ureaRows.reduce((sum, r) => sum + required(parse, r.kgPerHa), 0);
  const limestone = parse(form.limestoneKgPerHa);
  const dolomite = parse(form.dolomiteKgPerHa);
  if (limestone !== undefined || dolomite !== undefined) {
    season.lime = {};
    if (limestone !== undefined) season.lime.limestone_kg_per_ha = limestone;
    if (dolomite !== undefined) season.lime.dolomite_kg_per_ha = dolomite;
  }
  return season;
}

function buildScenario(side: Side, form: CalculatorForm, parse: ParseNumber): ScenarioInput {
  const sideForm = form[side];
  const scenario: ScenarioInput = {
    area_ha: required(parse, form.areaHa),
    gwp_set: form.gwpSet,
    options: { include_indirect: form.includeIndirect },
    seasons: [buildSeason(side, sideForm, parse)],
  };
  const yieldKg = parse(sideForm.yieldKgPerHa);
  if (yieldKg !== undefined) scenario.yield_kg_per_ha = yieldKg;
  return scenario;
}

/** The comparison document: one season each, on the same area, with the same GWP set and options. */
export function buildDocument(form: CalculatorForm, parse: ParseNumber): ComparisonInput {
  return { baseline: buildScenario('baseline', form, parse), project: buildScenario('project', form, parse) };
}

/** Maps an engine error path (e.g. `project.seasons[0].n_inputs[1].n_fraction`) to the form field. */
export function fieldForPath(path: string, form: CalculatorForm): FieldId | null {
  const m = /^(baseline|project)\.(.+)$/.exec(path);
  if (!m) return null;
  const side = m[1] as Side;
  const rest = m[2]!;
  if (rest === 'area_ha') return 'areaHa';
  if (rest === 'gwp_set') return 'gwpSet';
  if (rest === 'options.include_indirect') return 'includeIndirect';
  if (rest === 'yield_kg_per_ha') return sideField(side, 'yieldKgPerHa');
  const s = /^seasons\[0\]\.(.+)$/.exec(rest);
  if (!s) return null;
  const key = s[1]!;
  const direct: Record<string, string> = {
    crop: 'crop',
    cultivation_days: 'cultivationDays',
    water_regime: 'waterRegime',
    pre_season: 'preSeason',
    'residue_burning.residue_dm_t_per_ha': 'strawTPerHa',
    'residue_burning.burned_fraction': 'burnedPercent',
    'lime.limestone_kg_per_ha': 'limestoneKgPerHa',
    'lime.dolomite_kg_per_ha': 'dolomiteKgPerHa',
  };
  const name = direct[key];
  if (name) return sideField(side, name);
  if (/^organic_amendments\[\d+\]\.t_per_ha$/.test(key)) return sideField(side, 'strawTPerHa');
  const n = /^n_inputs\[(\d+)\]\.(product_kg_per_ha|n_fraction)$/.exec(key);
  if (n) {
    const row = form[side].fertilisers[Number(n[1])];
    if (!row) return null;
    return fertField(side, row.key, n[2] === 'n_fraction' ? 'nPercent' : 'kgPerHa');
  }
  if (key === 'urea_kg_per_ha') {
    const row = form[side].fertilisers.find((r) => r.product === 'urea');
    return row ? fertField(side, row.key, 'kgPerHa') : null;
  }
  return null;
}

export type EngineRule =
  | { kind: 'gte' | 'gt' | 'lte'; bound: number }
  | { kind: 'number' }
  | { kind: 'oneOf' }
  | { kind: 'other'; text: string };

/** Reads the rule out of an engine message "<path> must be >= 0 (got -1.0)". */
export function parseEngineRule(path: string, message: string): EngineRule {
  const text = (message.startsWith(`${path} `) ? message.slice(path.length + 1) : message).replace(/\s*\(got .*\)$/, '');
  const bound = /^must be (>=|>|<=) (-?\d+(?:\.\d+)?)$/.exec(text);
  if (bound) {
    const kind = bound[1] === '>=' ? 'gte' : bound[1] === '>' ? 'gt' : 'lte';
    return { kind, bound: Number(bound[2]) };
  }
  if (text === 'must be a number') return { kind: 'number' };
  if (text.startsWith('must be one of')) return { kind: 'oneOf' };
  return { kind: 'other', text: message };
}
