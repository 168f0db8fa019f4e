/**
 * The factor table against the values printed in docs/methodology.md (§2–§6, §9). Every expected
 * value, range and confidence label below is a literal copied from that document, never from
 * factors.ts, so a change to the table that the methodology does not also make fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CFOA_BY_AMENDMENT,
  CO2_PER_CO2_C,
  CREDITING,
  CREDITING_METHODOLOGY,
  DEFAULT_CULTIVATION_DAYS,
  EF1,
  EF1FR,
  EF4,
  EFC_BY_REGION,
  GWP_SETS,
  N2O_PER_N2O_N,
  SFP_BY_PRE_SEASON,
  SFW_BY_REGIME,
  WATER_REGIME_ALIASES,
  listFactors,
  type Confidence,
  type Factor,
} from './factors.ts';

interface DocRow {
  /** Row id as `listFactors()` names it. */
  id: string;
  /** Value as printed in methodology.md. */
  value: number;
  /** Range as printed in methodology.md; null where the document prints none. */
  range: readonly [number, number] | null;
  confidence: Confidence;
  /** Where in methodology.md the value is printed. */
  doc: string;
}

const DOC_ROWS: readonly DocRow[] = [
  // §2.2 Table 5.11 (Updated): baseline EFc, kg CH4/ha/day.
  { id: 'efc.world', value: 1.19, range: [0.8, 1.76], confidence: 'C2', doc: '§2.2 Table 5.11 World' },
  { id: 'efc.southeast_asia', value: 1.22, range: [0.83, 1.81], confidence: 'C2', doc: '§2.2 Table 5.11 South-East Asia' },
  { id: 'efc.east_asia', value: 1.32, range: [0.89, 1.96], confidence: 'C1', doc: '§2.2 Table 5.11 East Asia' },
  { id: 'efc.south_asia', value: 0.85, range: [0.58, 1.26], confidence: 'C1', doc: '§2.2 Table 5.11 South Asia' },
  { id: 'efc.europe', value: 1.56, range: [1.06, 2.31], confidence: 'C1', doc: '§2.2 Table 5.11 Europe' },
  { id: 'efc.north_america', value: 0.65, range: [0.44, 0.96], confidence: 'C1', doc: '§2.2 Table 5.11 North America' },
  { id: 'efc.south_america', value: 1.27, range: [0.86, 1.88], confidence: 'C1', doc: '§2.2 Table 5.11 South America' },
  { id: 'efc.africa', value: 1.19, range: [0.8, 1.76], confidence: 'C1', doc: '§2.2 Table 5.11 Africa (global value)' },
  // §2.2 Table 5.11A (New): default cultivation period, days.
  { id: 'cultivation_days_default.world', value: 113, range: null, confidence: 'C2', doc: '§2.2 Table 5.11A World' },
  { id: 'cultivation_days_default.southeast_asia', value: 102, range: [78, 150], confidence: 'C2', doc: '§2.2 Table 5.11A South-East Asia' },
  // §2.3 Table 5.12 (Updated): SFw.
  { id: 'sfw.upland', value: 0, range: null, confidence: 'C2', doc: '§2.3 Table 5.12 upland' },
  { id: 'sfw.continuously_flooded', value: 1.0, range: [0.73, 1.27], confidence: 'C2', doc: '§2.3 Table 5.12 continuously flooded' },
  { id: 'sfw.single_drainage', value: 0.71, range: [0.53, 0.94], confidence: 'C2', doc: '§2.3 Table 5.12 single drainage' },
  { id: 'sfw.multiple_drainage', value: 0.55, range: [0.41, 0.72], confidence: 'C2', doc: '§2.3 Table 5.12 multiple drainage incl. AWD' },
  { id: 'sfw.regular_rainfed', value: 0.54, range: [0.39, 0.74], confidence: 'C2', doc: '§2.3 Table 5.12 regular rainfed' },
  { id: 'sfw.drought_prone', value: 0.16, range: [0.11, 0.24], confidence: 'C2', doc: '§2.3 Table 5.12 drought prone' },
  { id: 'sfw.deep_water', value: 0.06, range: [0.03, 0.12], confidence: 'C2', doc: '§2.3 Table 5.12 deep water' },
  // §2.4 Table 5.13 (Updated): SFp.
  { id: 'sfp.non_flooded_lt_180d', value: 1.0, range: [0.88, 1.12], confidence: 'C2', doc: '§2.4 Table 5.13 non-flooded < 180 d' },
  { id: 'sfp.non_flooded_gt_180d', value: 0.89, range: [0.8, 0.99], confidence: 'C2', doc: '§2.4 Table 5.13 non-flooded > 180 d' },
  { id: 'sfp.flooded_gt_30d', value: 2.41, range: [2.13, 2.73], confidence: 'C2', doc: '§2.4 Table 5.13 flooded > 30 d' },
  { id: 'sfp.non_flooded_gt_365d', value: 0.59, range: [0.41, 0.84], confidence: 'C2', doc: '§2.4 Table 5.13 non-flooded > 365 d' },
  // §2.5 Table 5.14 (Updated): CFOA.
  { id: 'cfoa.straw_lt30d', value: 1.0, range: [0.85, 1.17], confidence: 'C2', doc: '§2.5 Table 5.14 straw < 30 d' },
  { id: 'cfoa.straw_gt30d', value: 0.19, range: [0.11, 0.28], confidence: 'C2', doc: '§2.5 Table 5.14 straw > 30 d' },
  { id: 'cfoa.compost', value: 0.17, range: [0.09, 0.29], confidence: 'C2', doc: '§2.5 Table 5.14 compost' },
  { id: 'cfoa.farmyard_manure', value: 0.21, range: [0.15, 0.28], confidence: 'C2', doc: '§2.5 Table 5.14 farmyard manure' },
  { id: 'cfoa.green_manure', value: 0.45, range: [0.36, 0.57], confidence: 'C2', doc: '§2.5 Table 5.14 green manure' },
  // §2.1 Eq 5.3: SFo exponent.
  { id: 'sfo_exponent', value: 0.59, range: [0.54, 0.64], confidence: 'C2', doc: '§2.1 Eq 5.3 exponent' },
  // §3.1 Table 11.1 (Updated): EF1 and EF1FR, kg N2O-N/kg N.
  { id: 'ef1.aggregated', value: 0.01, range: [0.001, 0.018], confidence: 'C2', doc: '§3.1 Table 11.1 EF1 aggregated' },
  { id: 'ef1.wet_synthetic', value: 0.016, range: [0.013, 0.019], confidence: 'C2', doc: '§3.1 Table 11.1 EF1 wet synthetic' },
  { id: 'ef1.wet_other', value: 0.006, range: [0.001, 0.011], confidence: 'C2', doc: '§3.1 Table 11.1 EF1 wet other N' },
  { id: 'ef1.dry', value: 0.005, range: [0.0, 0.011], confidence: 'C2', doc: '§3.1 Table 11.1 EF1 dry' },
  { id: 'ef1fr.aggregated', value: 0.004, range: [0.0, 0.029], confidence: 'C2', doc: '§3.1 Table 11.1 EF1FR aggregated' },
  { id: 'ef1fr.continuously_flooded', value: 0.003, range: [0.0, 0.01], confidence: 'C2', doc: '§3.1 Table 11.1 EF1FR continuous flooding' },
  { id: 'ef1fr.drained', value: 0.005, range: [0.0, 0.016], confidence: 'C2', doc: '§3.1 Table 11.1 EF1FR single and multiple drainage' },
  // §3.2 Table 11.3: indirect N2O.
  { id: 'ef4.wet', value: 0.014, range: [0.011, 0.017], confidence: 'C1', doc: '§3.2 EF4 wet climate' },
  { id: 'ef4.dry', value: 0.005, range: [0.0, 0.011], confidence: 'C1', doc: '§3.2 EF4 dry climate' },
  { id: 'ef4.aggregated', value: 0.01, range: null, confidence: 'C1', doc: '§3.2 EF4 aggregated (range UNCONFIRMED)' },
  { id: 'ef5', value: 0.011, range: [0.0, 0.02], confidence: 'C2', doc: '§3.2 EF5' },
  { id: 'frac_gasf', value: 0.11, range: [0.02, 0.33], confidence: 'C1', doc: '§3.2 Frac_GASF aggregated' },
  { id: 'frac_gasm', value: 0.21, range: [0.0, 0.31], confidence: 'C1', doc: '§3.2 Frac_GASM' },
  { id: 'frac_leach', value: 0.24, range: [0.01, 0.73], confidence: 'C1', doc: '§3.2 Frac_LEACH-(H)' },
  // §3.4 Eq 11.13 and §3.5 Eq 11.12: t C per t product.
  { id: 'urea_ef', value: 0.2, range: null, confidence: 'C2', doc: '§3.4 urea 0.20 t C/t' },
  { id: 'limestone_ef', value: 0.12, range: null, confidence: 'C2', doc: '§3.5 limestone 0.12 t C/t' },
  { id: 'dolomite_ef', value: 0.13, range: null, confidence: 'C2', doc: '§3.5 dolomite 0.13 t C/t' },
  // §4 Eq 2.27 with Tables 2.5 and 2.6.
  { id: 'combustion_factor_rice', value: 0.8, range: null, confidence: 'C2', doc: '§4 Table 2.6 C_f rice residues' },
  { id: 'gef_ch4_residue', value: 2.7, range: [1.7, 3.7], confidence: 'C2', doc: '§4 Table 2.5 G_ef CH4 2.7 (± 1.0)' },
  { id: 'gef_n2o_residue', value: 0.07, range: null, confidence: 'C2', doc: '§4 Table 2.5 G_ef N2O' },
  // §5 GWP-100.
  { id: 'gwp_ar5.ch4', value: 28, range: null, confidence: 'C2', doc: '§5 AR5 CH4' },
  { id: 'gwp_ar5.n2o', value: 265, range: null, confidence: 'C2', doc: '§5 AR5 N2O' },
  { id: 'gwp_ar6.ch4', value: 27.0, range: null, confidence: 'C2', doc: '§5 AR6 CH4 non-fossil' },
  { id: 'gwp_ar6.n2o', value: 273, range: null, confidence: 'C2', doc: '§5 AR6 N2O' },
  // §6.3 and §9 choice 10: VM0051 QA3 crediting constants.
  { id: 'crediting.ef_n_soil', value: 0.004, range: [0.0, 0.029], confidence: 'C1', doc: '§9 choice 10 one EF (aggregated 0.004)' },
  { id: 'crediting.cf_n2o_red_irri', value: 0.00314, range: null, confidence: 'C1', doc: '§6.3 Eq 25 CF_N2O = 0.00314' },
  { id: 'crediting.default_uncertainty', value: 0.15, range: null, confidence: 'C1', doc: '§6.3 Eq 29 UNC = 15 %' },
];

const factorsById = new Map(listFactors().map((row) => [row.id, row]));

function factorRow(id: string): { id: string } & Factor {
  const row = factorsById.get(id);
  assert.ok(row, `the factor table has no row ${id}`);
  return row;
}

/** A source is citable when it names a table, an equation or a section with its number. */
const CITES_TABLE_OR_EQUATION = /(Table|Eq|§)\s*\d/;

describe('factor table values match methodology.md', () => {
  for (const row of DOC_ROWS) {
    it(`${row.id} is ${row.value} (${row.doc})`, () => {
      assert.equal(factorRow(row.id).value, row.value);
    });
  }
});

describe('factor table ranges and confidence labels match methodology.md', () => {
  for (const row of DOC_ROWS) {
    const printed = row.range ? `${row.range[0]}–${row.range[1]}` : 'no range';
    it(`${row.id} has ${printed} and confidence ${row.confidence}`, () => {
      const f = factorRow(row.id);
      assert.deepEqual(f.range, row.range);
      assert.equal(f.confidence, row.confidence);
    });
  }
});

describe('every factor row is cited and self-consistent', () => {
  const rows = listFactors();

  it('lists every row exactly once, and every row is checked against the document above', () => {
    const ids = rows.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids in listFactors()');
    assert.deepEqual([...ids].sort(), DOC_ROWS.map((r) => r.id).sort());
  });

  for (const row of rows) {
    it(`${row.id} has a non-empty source citing a table or equation, a unit, and a range bracketing its value`, () => {
      assert.ok(row.source.trim().length > 0, 'empty source');
      assert.match(row.source, CITES_TABLE_OR_EQUATION);
      assert.ok(row.unit.trim().length > 0, 'empty unit');
      assert.ok(Number.isFinite(row.value), 'value is not a finite number');
      if (row.range !== null) {
        const [low, high] = row.range;
        assert.ok(low <= high, `range ${low}–${high} is reversed`);
        assert.ok(low <= row.value && row.value <= high, `value ${row.value} lies outside ${low}–${high}`);
      }
    });
  }
});

describe('factor aliases, constants and lookups', () => {
  it('awd is an alias of multiple_drainage, so its SFw is 0.55 (§9 choice 3)', () => {
    assert.equal(WATER_REGIME_ALIASES.awd, 'multiple_drainage');
    assert.equal(SFW_BY_REGIME[WATER_REGIME_ALIASES.awd].value, 0.55);
  });

  it('the exported tables hold the same objects that listFactors() reports', () => {
    const tables: Array<[string, Record<string, Factor>]> = [
      ['efc', EFC_BY_REGION],
      ['cultivation_days_default', DEFAULT_CULTIVATION_DAYS],
      ['sfw', SFW_BY_REGIME],
      ['sfp', SFP_BY_PRE_SEASON],
      ['cfoa', CFOA_BY_AMENDMENT],
      ['ef1', EF1],
      ['ef1fr', EF1FR],
      ['ef4', EF4],
      ['gwp_ar5', GWP_SETS.AR5],
      ['gwp_ar6', GWP_SETS.AR6],
      ['crediting', CREDITING],
    ];
    for (const [group, table] of tables) {
      for (const [key, f] of Object.entries(table)) assert.equal(factorRow(`${group}.${key}`).value, f.value, `${group}.${key}`);
    }
  });

  it('N2O-N to N2O is 44/28 and CO2-C to CO2 is 44/12 (§3.1, §3.4)', () => {
    assert.equal(N2O_PER_N2O_N, 44 / 28);
    assert.equal(CO2_PER_CO2_C, 44 / 12);
  });

  it('urea gives 0.7333 t CO2/t, limestone 0.44 and dolomite 0.4767 t CO2/t (§3.4, §3.5)', () => {
    assert.ok(Math.abs(factorRow('urea_ef').value * CO2_PER_CO2_C - 0.7333) < 5e-5);
    assert.ok(Math.abs(factorRow('limestone_ef').value * CO2_PER_CO2_C - 0.44) < 5e-5);
    assert.ok(Math.abs(factorRow('dolomite_ef').value * CO2_PER_CO2_C - 0.4767) < 5e-5);
  });

  it('CF_N2O 0.00314 is (0.005 − 0.003) × 44/28 rounded as VM0051 prints it (§3.1, §6.3)', () => {
    const derived = (0.005 - 0.003) * (44 / 28);
    assert.equal(Number(derived.toFixed(5)), 0.00314);
    assert.equal(CREDITING.cf_n2o_red_irri.value, 0.00314);
  });

  it('the crediting methodology is named as the contract names it', () => {
    assert.equal(CREDITING_METHODOLOGY, 'VM0051 v1.1 QA3 (simplified subset)');
  });
});
