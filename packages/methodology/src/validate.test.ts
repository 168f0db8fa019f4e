/**
 * Invalid input is rejected, never computed (docs/mrv-calculation-contract.md "Errors";
 * methodology.md §9 choice 11). Each case checks the contract's error document from `tryCalculate`
 * (error INVALID_INPUT, a message naming the offending key path) and that `calculate` throws
 * InvalidInputError with the same path.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, tryCalculate } from './calculate.ts';
import { InvalidInputError } from './validate.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const riceSeason = (over: JsonObject = {}): JsonObject => ({
  name: 'season',
  crop: 'rice',
  cultivation_days: 100,
  water_regime: 'continuously_flooded',
  pre_season: 'non_flooded_lt_180d',
  ...over,
});

const scenario = (over: JsonObject = {}, season: JsonObject = riceSeason()): JsonObject => ({ area_ha: 1, seasons: [season], ...over });

/** The reference scenario with `key` removed from its only season. */
const seasonWithout = (key: string): JsonObject => {
  const season = riceSeason();
  delete season[key];
  return scenario({}, season);
};

const withOptions = (options: JsonObject): JsonObject => scenario({ options });
const withSeason = (over: JsonObject): JsonObject => scenario({}, riceSeason(over));
const nInput = (input: JsonObject): JsonObject => withSeason({ n_inputs: [input] });
const burning = (rb: JsonObject): JsonObject => withSeason({ residue_burning: rb });

interface InvalidCase {
  name: string;
  input: Json;
  /** The key path the error must name. */
  field: string;
}

function assertRejected({ input, field }: InvalidCase): string {
  const outcome = tryCalculate(input);
  assert.ok(!outcome.ok, 'the input was computed instead of rejected');
  assert.equal(outcome.error.error, 'INVALID_INPUT');
  assert.equal(outcome.error.field, field);
  assert.ok(outcome.error.message.includes(field), `message "${outcome.error.message}" does not name ${field}`);
  assert.throws(
    () => calculate(input),
    (err: unknown) => err instanceof InvalidInputError && err.code === 'INVALID_INPUT' && err.field === field && err.message === outcome.error.message,
  );
  return outcome.error.message;
}

function suite(title: string, cases: InvalidCase[]): void {
  describe(title, () => {
    for (const c of cases) it(`${c.name} is rejected naming ${c.field}`, () => void assertRejected(c));
  });
}

describe('the contract’s reference error: negative area', () => {
  it('area_ha −1 gives exactly "area_ha must be >= 0 (got -1.0)"', () => {
    const message = assertRejected({ name: 'negative area', input: scenario({ area_ha: -1 }), field: 'area_ha' });
    assert.equal(message, 'area_ha must be >= 0 (got -1.0)');
  });

  it('the error document has exactly the keys error, message and field', () => {
    const outcome = tryCalculate(scenario({ area_ha: -1 }));
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.error, { error: 'INVALID_INPUT', message: 'area_ha must be >= 0 (got -1.0)', field: 'area_ha' });
  });
});

suite('the document itself', [
  { name: 'null', input: null, field: 'input' },
  { name: 'an array', input: [scenario()], field: 'input' },
  { name: 'a string', input: 'area_ha=1', field: 'input' },
  { name: 'a number', input: 42, field: 'input' },
]);

suite('negative and non-numeric scenario amounts', [
  { name: 'area_ha −0.5', input: scenario({ area_ha: -0.5 }), field: 'area_ha' },
  { name: 'area_ha as a string', input: scenario({ area_ha: '2' }), field: 'area_ha' },
  { name: 'area_ha as a boolean', input: scenario({ area_ha: true }), field: 'area_ha' },
  { name: 'area_ha null', input: scenario({ area_ha: null }), field: 'area_ha' },
  { name: 'yield_kg_per_ha 0 (must be > 0)', input: scenario({ yield_kg_per_ha: 0 }), field: 'yield_kg_per_ha' },
  { name: 'yield_kg_per_ha negative', input: scenario({ yield_kg_per_ha: -6000 }), field: 'yield_kg_per_ha' },
  { name: 'yield_kg_per_ha as a string', input: scenario({ yield_kg_per_ha: '6 t' }), field: 'yield_kg_per_ha' },
]);

suite('missing required keys', [
  { name: 'missing area_ha', input: { seasons: [riceSeason()] }, field: 'area_ha' },
  { name: 'missing seasons', input: { area_ha: 1 }, field: 'seasons' },
  { name: 'seasons not an array', input: { area_ha: 1, seasons: riceSeason() }, field: 'seasons' },
  { name: 'an empty seasons array', input: { area_ha: 1, seasons: [] }, field: 'seasons' },
  { name: 'a season that is not an object', input: { area_ha: 1, seasons: ['rice'] }, field: 'seasons[0]' },
  { name: 'rice without water_regime', input: seasonWithout('water_regime'), field: 'seasons[0].water_regime' },
  { name: 'rice without cultivation_days', input: seasonWithout('cultivation_days'), field: 'seasons[0].cultivation_days' },
  { name: 'flooded rice without pre_season', input: seasonWithout('pre_season'), field: 'seasons[0].pre_season' },
  { name: 'rice (crop omitted, so rice) without water_regime', input: scenario({}, { cultivation_days: 100, pre_season: 'non_flooded_lt_180d' }), field: 'seasons[0].water_regime' },
  {
    name: 'the second season missing its water_regime',
    input: { area_ha: 1, seasons: [riceSeason(), { name: 'sa', cultivation_days: 90, pre_season: 'non_flooded_lt_180d' }] },
    field: 'seasons[1].water_regime',
  },
  { name: 'an empty crop name', input: withSeason({ crop: '' }), field: 'seasons[0].crop' },
]);

suite('unknown codes', [
  { name: 'water_regime "flooded"', input: withSeason({ water_regime: 'flooded' }), field: 'seasons[0].water_regime' },
  { name: 'water_regime "AWD" (codes are lower case)', input: withSeason({ water_regime: 'AWD' }), field: 'seasons[0].water_regime' },
  { name: 'pre_season "dry_fallow"', input: withSeason({ pre_season: 'dry_fallow' }), field: 'seasons[0].pre_season' },
  { name: 'efc_region "mekong"', input: withSeason({ efc_region: 'mekong' }), field: 'seasons[0].efc_region' },
  {
    name: 'organic amendment type "biochar"',
    input: withSeason({ organic_amendments: [{ type: 'biochar', t_per_ha: 1 }] }),
    field: 'seasons[0].organic_amendments[0].type',
  },
  {
    name: 'organic amendment basis "wet"',
    input: withSeason({ organic_amendments: [{ type: 'compost', t_per_ha: 1, basis: 'wet' }] }),
    field: 'seasons[0].organic_amendments[0].basis',
  },
  { name: 'N source "mineral"', input: nInput({ source: 'mineral', kg_n_per_ha: 50 }), field: 'seasons[0].n_inputs[0].source' },
  { name: 'N input without a source', input: nInput({ kg_n_per_ha: 50 }), field: 'seasons[0].n_inputs[0].source' },
  { name: 'gwp_set "AR4"', input: scenario({ gwp_set: 'AR4' }), field: 'gwp_set' },
  { name: 'gwp_set "ar5" (codes are upper case)', input: scenario({ gwp_set: 'ar5' }), field: 'gwp_set' },
]);

suite('option values', [
  { name: 'options not an object', input: scenario({ options: [] }), field: 'options' },
  { name: 'ef1fr_mode "tier2"', input: withOptions({ ef1fr_mode: 'tier2' }), field: 'options.ef1fr_mode' },
  { name: 'ef1_mode "humid"', input: withOptions({ ef1_mode: 'humid' }), field: 'options.ef1_mode' },
  { name: 'include_indirect "yes"', input: withOptions({ include_indirect: 'yes' }), field: 'options.include_indirect' },
  { name: 'include_indirect 1', input: withOptions({ include_indirect: 1 }), field: 'options.include_indirect' },
  { name: 'ef4_mode "tropical"', input: withOptions({ ef4_mode: 'tropical' }), field: 'options.ef4_mode' },
  { name: 'leaching_applies "false"', input: withOptions({ leaching_applies: 'false' }), field: 'options.leaching_applies' },
]);

suite('negative and non-numeric season amounts', [
  { name: 'cultivation_days −5', input: withSeason({ cultivation_days: -5 }), field: 'seasons[0].cultivation_days' },
  { name: 'cultivation_days "100"', input: withSeason({ cultivation_days: '100' }), field: 'seasons[0].cultivation_days' },
  { name: 'efc_kg_ch4_ha_day −1.2', input: withSeason({ efc_kg_ch4_ha_day: -1.2 }), field: 'seasons[0].efc_kg_ch4_ha_day' },
  { name: 'efc_kg_ch4_ha_day "high"', input: withSeason({ efc_kg_ch4_ha_day: 'high' }), field: 'seasons[0].efc_kg_ch4_ha_day' },
  { name: 'sf_s_r −0.1', input: withSeason({ sf_s_r: -0.1 }), field: 'seasons[0].sf_s_r' },
  { name: 'organic_amendments not an array', input: withSeason({ organic_amendments: { type: 'compost', t_per_ha: 1 } }), field: 'seasons[0].organic_amendments' },
  {
    name: 'organic amendment t_per_ha −2',
    input: withSeason({ organic_amendments: [{ type: 'compost', t_per_ha: -2 }] }),
    field: 'seasons[0].organic_amendments[0].t_per_ha',
  },
  {
    name: 'second organic amendment without t_per_ha',
    input: withSeason({ organic_amendments: [{ type: 'compost', t_per_ha: 2 }, { type: 'straw_lt30d' }] }),
    field: 'seasons[0].organic_amendments[1].t_per_ha',
  },
  { name: 'n_inputs not an array', input: withSeason({ n_inputs: 'urea' }), field: 'seasons[0].n_inputs' },
  { name: 'kg_n_per_ha −10', input: nInput({ source: 'synthetic', kg_n_per_ha: -10 }), field: 'seasons[0].n_inputs[0].kg_n_per_ha' },
  { name: 'kg_n_per_ha "46"', input: nInput({ source: 'synthetic', kg_n_per_ha: '46' }), field: 'seasons[0].n_inputs[0].kg_n_per_ha' },
  {
    name: 'product_kg_per_ha −100',
    input: nInput({ source: 'synthetic', product_kg_per_ha: -100, n_fraction: 0.46 }),
    field: 'seasons[0].n_inputs[0].product_kg_per_ha',
  },
  {
    name: 'product_kg_per_ha missing beside n_fraction',
    input: nInput({ source: 'synthetic', n_fraction: 0.46 }),
    field: 'seasons[0].n_inputs[0].product_kg_per_ha',
  },
  {
    name: 'n_fraction missing beside product_kg_per_ha',
    input: nInput({ source: 'synthetic', product_kg_per_ha: 100 }),
    field: 'seasons[0].n_inputs[0].n_fraction',
  },
  { name: 'n_fraction 1.2 (above 1)', input: nInput({ source: 'synthetic', product_kg_per_ha: 100, n_fraction: 1.2 }), field: 'seasons[0].n_inputs[0].n_fraction' },
  { name: 'n_fraction 46 (a percentage)', input: nInput({ source: 'synthetic', product_kg_per_ha: 100, n_fraction: 46 }), field: 'seasons[0].n_inputs[0].n_fraction' },
  { name: 'n_fraction −0.1', input: nInput({ source: 'synthetic', product_kg_per_ha: 100, n_fraction: -0.1 }), field: 'seasons[0].n_inputs[0].n_fraction' },
  {
    name: 'kg_n_per_ha together with product_kg_per_ha and n_fraction',
    input: nInput({ source: 'synthetic', kg_n_per_ha: 46, product_kg_per_ha: 100, n_fraction: 0.46 }),
    field: 'seasons[0].n_inputs[0]',
  },
  { name: 'urea_kg_per_ha −100', input: withSeason({ urea_kg_per_ha: -100 }), field: 'seasons[0].urea_kg_per_ha' },
  { name: 'urea_kg_per_ha "100 kg"', input: withSeason({ urea_kg_per_ha: '100 kg' }), field: 'seasons[0].urea_kg_per_ha' },
  { name: 'lime not an object', input: withSeason({ lime: 500 }), field: 'seasons[0].lime' },
  { name: 'limestone_kg_per_ha −500', input: withSeason({ lime: { limestone_kg_per_ha: -500 } }), field: 'seasons[0].lime.limestone_kg_per_ha' },
  { name: 'dolomite_kg_per_ha "300"', input: withSeason({ lime: { dolomite_kg_per_ha: '300' } }), field: 'seasons[0].lime.dolomite_kg_per_ha' },
  { name: 'residue_burning not an object', input: withSeason({ residue_burning: true }), field: 'seasons[0].residue_burning' },
  {
    name: 'burned_fraction 1.5 (above 1)',
    input: burning({ residue_dm_t_per_ha: 5, burned_fraction: 1.5 }),
    field: 'seasons[0].residue_burning.burned_fraction',
  },
  {
    name: 'burned_fraction 70 (a percentage)',
    input: burning({ residue_dm_t_per_ha: 5, burned_fraction: 70 }),
    field: 'seasons[0].residue_burning.burned_fraction',
  },
  {
    name: 'burned_fraction −0.2',
    input: burning({ residue_dm_t_per_ha: 5, burned_fraction: -0.2 }),
    field: 'seasons[0].residue_burning.burned_fraction',
  },
  { name: 'burned_fraction missing', input: burning({ residue_dm_t_per_ha: 5 }), field: 'seasons[0].residue_burning.burned_fraction' },
  {
    name: 'residue_dm_t_per_ha −5',
    input: burning({ residue_dm_t_per_ha: -5, burned_fraction: 0.5 }),
    field: 'seasons[0].residue_burning.residue_dm_t_per_ha',
  },
  {
    name: 'combustion_factor 1.2 (above 1)',
    input: burning({ residue_dm_t_per_ha: 5, burned_fraction: 0.5, combustion_factor: 1.2 }),
    field: 'seasons[0].residue_burning.combustion_factor',
  },
]);

suite('comparison documents', [
  { name: 'a comparison missing project', input: { baseline: scenario() }, field: 'project' },
  { name: 'a comparison missing baseline', input: { project: scenario() }, field: 'baseline' },
  { name: 'a crediting request missing baseline and project', input: { crediting: {} }, field: 'baseline' },
  { name: 'baseline not an object', input: { baseline: [scenario()], project: scenario() }, field: 'baseline' },
  { name: 'a negative project area', input: { baseline: scenario(), project: scenario({ area_ha: -2 }) }, field: 'project.area_ha' },
  {
    name: 'an unknown baseline water regime',
    input: { baseline: withSeason({ water_regime: 'paddy' }), project: scenario() },
    field: 'baseline.seasons[0].water_regime',
  },
  {
    name: 'a project N input with n_fraction above 1',
    input: { baseline: scenario(), project: nInput({ source: 'synthetic', product_kg_per_ha: 100, n_fraction: 4.6 }) },
    field: 'project.seasons[0].n_inputs[0].n_fraction',
  },
  { name: 'an unknown project option value', input: { baseline: scenario(), project: withOptions({ ef4_mode: 'humid' }) }, field: 'project.options.ef4_mode' },
]);

suite('crediting documents', [
  {
    name: 'a project with more seasons than the baseline',
    input: { baseline: scenario(), project: { area_ha: 1, seasons: [riceSeason(), riceSeason({ name: 'second' })] }, crediting: {} },
    field: 'project.seasons',
  },
  {
    name: 'a project with fewer seasons than the baseline',
    input: { baseline: { area_ha: 1, seasons: [riceSeason(), riceSeason({ name: 'second' })] }, project: scenario(), crediting: {} },
    field: 'project.seasons',
  },
  { name: 'crediting not an object', input: { baseline: scenario(), project: scenario(), crediting: 'VM0051' }, field: 'crediting' },
  { name: 'an uncertainty of 1.5', input: { baseline: scenario(), project: scenario(), crediting: { uncertainty: 1.5 } }, field: 'crediting.uncertainty' },
  { name: 'a negative uncertainty', input: { baseline: scenario(), project: scenario(), crediting: { uncertainty: -0.15 } }, field: 'crediting.uncertainty' },
  { name: 'an uncertainty of "15 %"', input: { baseline: scenario(), project: scenario(), crediting: { uncertainty: '15 %' } }, field: 'crediting.uncertainty' },
  { name: 'a crediting gwp_set "AR4"', input: { baseline: scenario(), project: scenario(), crediting: { gwp_set: 'AR4' } }, field: 'crediting.gwp_set' },
  { name: 'a methodology that is not a string', input: { baseline: scenario(), project: scenario(), crediting: { methodology: 51 } }, field: 'crediting.methodology' },
]);

describe('messages show the offending value', () => {
  const cases: Array<{ input: Json; message: string }> = [
    { input: withSeason({ water_regime: 'flooded' }), message: "(got 'flooded')" },
    { input: nInput({ source: 'synthetic', product_kg_per_ha: 100, n_fraction: 1.2 }), message: 'seasons[0].n_inputs[0].n_fraction must be <= 1 (got 1.2)' },
    { input: burning({ residue_dm_t_per_ha: 5, burned_fraction: 1.5 }), message: 'seasons[0].residue_burning.burned_fraction must be <= 1 (got 1.5)' },
    { input: { area_ha: 1 }, message: 'seasons must be an array (got nothing)' },
  ];
  for (const { input, message } of cases) {
    it(`message contains "${message}"`, () => {
      const outcome = tryCalculate(input);
      assert.ok(!outcome.ok);
      assert.ok(outcome.error.message.includes(message), outcome.error.message);
    });
  }
});

describe('valid edge values are accepted, not rejected', () => {
  const cases: Array<{ name: string; input: Json }> = [
    { name: 'area_ha 0', input: scenario({ area_ha: 0 }) },
    { name: 'burned_fraction exactly 1', input: burning({ residue_dm_t_per_ha: 5, burned_fraction: 1 }) },
    { name: 'burned_fraction exactly 0', input: burning({ residue_dm_t_per_ha: 5, burned_fraction: 0 }) },
    { name: 'n_fraction exactly 1', input: nInput({ source: 'synthetic', product_kg_per_ha: 46, n_fraction: 1 }) },
    { name: 'cultivation_days 0', input: withSeason({ cultivation_days: 0 }) },
    { name: 'upland rice without pre_season', input: scenario({}, { crop: 'rice', cultivation_days: 110, water_regime: 'upland' }) },
    { name: 'a non-rice crop without any rice key', input: scenario({}, { crop: 'coffee', n_inputs: [{ source: 'organic', kg_n_per_ha: 20 }] }) },
    { name: 'the awd alias', input: withSeason({ water_regime: 'awd' }) },
    { name: 'crediting with equal season counts and an empty request', input: { baseline: scenario(), project: scenario(), crediting: {} } },
    { name: 'uncertainty 0', input: { baseline: scenario(), project: scenario(), crediting: { uncertainty: 0 } } },
    { name: 'uncertainty 1', input: { baseline: scenario(), project: scenario(), crediting: { uncertainty: 1 } } },
  ];
  for (const { name, input } of cases) {
    it(`${name} is computed`, () => {
      const outcome = tryCalculate(input);
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
    });
  }
});

/** A JSON null is a value, not an absent key: null is not a number, a code or an object. */
describe('null for an optional key is rejected, not read as absent', () => {
  const cases: InvalidCase[] = [
    { name: 'urea_kg_per_ha null', input: withSeason({ urea_kg_per_ha: null }), field: 'seasons[0].urea_kg_per_ha' },
    { name: 'crediting null', input: { baseline: scenario(), project: scenario(), crediting: null }, field: 'crediting' },
  ];
  for (const c of cases) {
    it(`${c.name} is rejected naming ${c.field}`, () => void assertRejected(c));
  }
});
