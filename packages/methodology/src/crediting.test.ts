/**
 * Crediting with the VM0051 v1.1 QA3 subset (methodology.md §6.3 and §9 choice 10; the formula at
 * the top of crediting.ts):
 *
 *   ER = ΔCO2_lime + ΔCH4_bb + ΔN2O_bb + (ΔCH4_soil + ΔN2O_soil) × (1 − UNC) − PE_Red-Irri
 *
 * with ΔN2O_soil on one EF 0.004 for both scenarios, PE_Red-Irri = Σ N × A × 0.00314 × GWP_N2O / 1000
 * for seasons going from continuous flooding to single or multiple drainage, urea CO2 excluded, and
 * VCUs = max(0, floor(ER)). Every expected value is worked out by hand from the document's factors.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculate } from './calculate.ts';
import { assertClose, riceSeason as referenceRiceSeason } from '../testing/fixtures.ts';
import type { CreditingInput, CreditingResult, CreditingRequest, ScenarioInput, SeasonInput } from './types.ts';
import type { WaterRegime } from './factors.ts';

const N2O_N = 44 / 28;
const CO2_C = 44 / 12;

type CreditingBlock = CreditingResult['crediting'];
type NumericKey = { [K in keyof CreditingBlock]: CreditingBlock[K] extends number ? K : never }[keyof CreditingBlock];


function credit(input: CreditingInput): CreditingResult {
  const result = calculate(input);
  assert.ok(result.kind === 'crediting', `expected a crediting result, got ${result.kind}`);
  return result;
}

const riceSeason = (over: Partial<SeasonInput> = {}): SeasonInput => referenceRiceSeason({ efc_region: 'southeast_asia', ...over });

const urea46 = (kgProduct: number) => [{ source: 'synthetic' as const, product: 'urea', product_kg_per_ha: kgProduct, n_fraction: 0.46 }];

/**
 * 10 ha, one 100-day season. Baseline: continuous flooding, 100 kg urea (46 % N), 5 t DM straw burnt
 * 100 %, 200 kg/ha limestone. Project: AWD, the same urea, straw not burnt, 100 kg/ha limestone.
 */
const REFERENCE: CreditingInput = {
  baseline: {
    area_ha: 10,
    seasons: [
      riceSeason({
        n_inputs: urea46(100),
        urea_kg_per_ha: 100,
        residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 1 },
        lime: { limestone_kg_per_ha: 200 },
      }),
    ],
  },
  project: {
    area_ha: 10,
    seasons: [
      riceSeason({
        water_regime: 'awd',
        n_inputs: urea46(100),
        urea_kg_per_ha: 100,
        residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 0 },
        lime: { limestone_kg_per_ha: 100 },
      }),
    ],
  },
  crediting: {},
};

function assertCreditingBlock(actual: CreditingBlock, expected: Record<NumericKey, number>): void {
  for (const key of Object.keys(expected) as NumericKey[]) assertClose(actual[key], expected[key], key);
}

describe('crediting: continuous flooding → AWD with straw burning stopped and less lime (hand-computed)', () => {
  const deltaCh4Soil = ((1.22 * 1.0 * 100 * 10 - 1.22 * 0.55 * 100 * 10) * 28) / 1000;
  const deltaN2oSoil = ((100 * 0.46 * 10 * 0.004 * N2O_N - 100 * 0.46 * 10 * 0.004 * N2O_N) * 265) / 1000;
  const deltaCh4Bb = ((5 * 1 * 0.8 * 2.7 * 10 - 5 * 0 * 0.8 * 2.7 * 10) * 28) / 1000;
  const deltaN2oBb = ((5 * 1 * 0.8 * 0.07 * 10 - 5 * 0 * 0.8 * 0.07 * 10) * 265) / 1000;
  const deltaCo2Lime = (200 * 0.12 * CO2_C * 10 - 100 * 0.12 * CO2_C * 10) / 1000;
  const uncertaintyDeduction = 0.15 * (deltaCh4Soil + deltaN2oSoil);
  const peRedIrri = (100 * 0.46 * 10 * 0.00314 * 265) / 1000;
  const netEr = deltaCo2Lime + deltaCh4Bb + deltaN2oBb + (deltaCh4Soil + deltaN2oSoil) - uncertaintyDeduction - peRedIrri;

  it('every key of the crediting block follows the formula', () => {
    const { crediting } = credit(REFERENCE);
    assertCreditingBlock(crediting, {
      uncertainty: 0.15,
      delta_ch4_soil_t_co2e: deltaCh4Soil,
      delta_n2o_soil_t_co2e: deltaN2oSoil,
      delta_ch4_bb_t_co2e: deltaCh4Bb,
      delta_n2o_bb_t_co2e: deltaN2oBb,
      delta_co2_lime_t_co2e: deltaCo2Lime,
      uncertainty_deduction: uncertaintyDeduction,
      pe_red_irri_t_co2e: peRedIrri,
      net_er_t_co2e: netEr,
      vcus_rounded_down: Math.max(0, Math.floor(netEr)),
    });
  });

  it('the figures are the ones worked out on paper: ΔCH4_soil 15.372, net 16.889434, 16 VCUs', () => {
    const { crediting } = credit(REFERENCE);
    assertClose(crediting.delta_ch4_soil_t_co2e, 15.372, 'delta_ch4_soil_t_co2e');
    assertClose(crediting.delta_ch4_bb_t_co2e, 3.024, 'delta_ch4_bb_t_co2e');
    assertClose(crediting.delta_n2o_bb_t_co2e, 0.742, 'delta_n2o_bb_t_co2e');
    assertClose(crediting.delta_co2_lime_t_co2e, 0.44, 'delta_co2_lime_t_co2e');
    assertClose(crediting.uncertainty_deduction, 2.3058, 'uncertainty_deduction');
    assertClose(crediting.pe_red_irri_t_co2e, 0.382766, 'pe_red_irri_t_co2e');
    assertClose(crediting.net_er_t_co2e, 16.889434, 'net_er_t_co2e');
    assert.equal(crediting.vcus_rounded_down, 16);
  });

  it('names the methodology and the defaults it used (AR5, UNC 0.15)', () => {
    const result = credit(REFERENCE);
    assert.equal(result.kind, 'crediting');
    assert.equal(result.crediting.methodology, 'VM0051 v1.1 QA3 (simplified subset)');
    assert.equal(result.crediting.gwp_set, 'AR5');
    assert.equal(result.crediting.uncertainty, 0.15);
    assert.ok(result.method_version.length > 0 && result.factor_table_version.length > 0);
  });

  it('echoes a methodology name given in the request', () => {
    const result = credit({ ...REFERENCE, crediting: { methodology: 'VM0051 v1.1 QA3 (simplified subset)' } });
    assert.equal(result.crediting.methodology, 'VM0051 v1.1 QA3 (simplified subset)');
  });

  it('carries the comparison: CH4 reduction and N2O change in kg, reductions = baseline − project', () => {
    const { comparison } = credit(REFERENCE);
    assert.equal(comparison.kind, 'comparison');
    assertClose(comparison.reduction_ch4_kg, 1.22 * 100 * 10 - 1.22 * 0.55 * 100 * 10 + 5 * 0.8 * 2.7 * 10, 'reduction_ch4_kg');
    // The scenarios keep the disaggregated EF1FR (0.003 → 0.005) and burning N2O; crediting does not.
    assertClose(comparison.change_n2o_kg, 46 * 10 * (0.005 - 0.003) * N2O_N - 5 * 0.8 * 0.07 * 10, 'change_n2o_kg');
    assertClose(comparison.reduction_t_co2e, comparison.baseline.co2e_total_t - comparison.project.co2e_total_t, 'reduction_t_co2e');
    assertClose(comparison.reduction_pct, (100 * comparison.reduction_t_co2e) / comparison.baseline.co2e_total_t, 'reduction_pct');
  });

  it('a baseline with zero emissions gives a null reduction_pct', () => {
    const empty: ScenarioInput = { area_ha: 0, seasons: [riceSeason()] };
    const { comparison, crediting } = credit({ baseline: empty, project: empty, crediting: {} });
    assert.equal(comparison.reduction_pct, null);
    assert.equal(crediting.vcus_rounded_down, 0);
  });
});

describe('crediting: ΔN2O_soil uses one EF 0.004 for both scenarios and PE_Red-Irri pairs seasons by position', () => {
  // 3 ha, two seasons. Season 1: continuous flooding → AWD, N 46 → 40 kg/ha (PE applies on 40).
  // Season 2: single drainage → AWD, 95 d, N 60 → 50 kg/ha (already drained: no PE).
  const input: CreditingInput = {
    baseline: {
      area_ha: 3,
      seasons: [
        riceSeason({ name: 'ws', n_inputs: [{ source: 'synthetic', kg_n_per_ha: 46 }] }),
        riceSeason({ name: 'sa', cultivation_days: 95, water_regime: 'single_drainage', n_inputs: [{ source: 'synthetic', kg_n_per_ha: 60 }] }),
      ],
    },
    project: {
      area_ha: 3,
      seasons: [
        riceSeason({ name: 'ws', water_regime: 'awd', n_inputs: [{ source: 'synthetic', kg_n_per_ha: 40 }] }),
        riceSeason({
          name: 'sa',
          cultivation_days: 95,
          water_regime: 'awd',
          n_inputs: [
            { source: 'synthetic', kg_n_per_ha: 30 },
            { source: 'organic', kg_n_per_ha: 20 },
          ],
        }),
      ],
    },
    crediting: {},
  };

  it('every key of the crediting block follows the formula', () => {
    const deltaCh4Soil = ((1.22 * (1.0 - 0.55) * 100 * 3 + 1.22 * (0.71 - 0.55) * 95 * 3) * 28) / 1000;
    const deltaN2oSoil = ((((46 + 60) - (40 + 30 + 20)) * 3 * 0.004 * N2O_N) * 265) / 1000;
    const peRedIrri = (40 * 3 * 0.00314 * 265) / 1000;
    const deduction = 0.15 * (deltaCh4Soil + deltaN2oSoil);
    const netEr = deltaCh4Soil + deltaN2oSoil - deduction - peRedIrri;
    assertCreditingBlock(credit(input).crediting, {
      uncertainty: 0.15,
      delta_ch4_soil_t_co2e: deltaCh4Soil,
      delta_n2o_soil_t_co2e: deltaN2oSoil,
      delta_ch4_bb_t_co2e: 0,
      delta_n2o_bb_t_co2e: 0,
      delta_co2_lime_t_co2e: 0,
      uncertainty_deduction: deduction,
      pe_red_irri_t_co2e: peRedIrri,
      net_er_t_co2e: netEr,
      vcus_rounded_down: Math.max(0, Math.floor(netEr)),
    });
  });
});

describe('crediting: PE_Red-Irri applies only from continuous flooding to single or multiple drainage', () => {
  const cases: Array<{ baseline: WaterRegime; project: WaterRegime | 'coffee'; applies: boolean }> = [
    { baseline: 'continuously_flooded', project: 'awd', applies: true },
    { baseline: 'continuously_flooded', project: 'multiple_drainage', applies: true },
    { baseline: 'continuously_flooded', project: 'single_drainage', applies: true },
    { baseline: 'continuously_flooded', project: 'continuously_flooded', applies: false },
    { baseline: 'continuously_flooded', project: 'regular_rainfed', applies: false },
    { baseline: 'continuously_flooded', project: 'upland', applies: false },
    { baseline: 'continuously_flooded', project: 'coffee', applies: false },
    { baseline: 'single_drainage', project: 'awd', applies: false },
    { baseline: 'multiple_drainage', project: 'single_drainage', applies: false },
    { baseline: 'awd', project: 'continuously_flooded', applies: false },
  ];
  const n = [{ source: 'synthetic' as const, kg_n_per_ha: 50 }];
  for (const c of cases) {
    const expected = c.applies ? (50 * 2 * 0.00314 * 265) / 1000 : 0;
    it(`${c.baseline} → ${c.project}: PE_Red-Irri ${c.applies ? '50 kg N × 2 ha × 0.00314 × 265 / 1000' : '0'}`, () => {
      const projectSeason: SeasonInput =
        c.project === 'coffee' ? { name: 'season', crop: 'coffee', n_inputs: n } : riceSeason({ water_regime: c.project, n_inputs: n });
      const input: CreditingInput = {
        baseline: { area_ha: 2, seasons: [riceSeason({ water_regime: c.baseline, n_inputs: n })] },
        project: { area_ha: 2, seasons: [projectSeason] },
        crediting: {},
      };
      assertClose(credit(input).crediting.pe_red_irri_t_co2e, expected, 'pe_red_irri_t_co2e');
    });
  }
});

describe('crediting: a project that emits more issues no VCUs', () => {
  // Baseline AWD without burning; project goes back to continuous flooding and burns 5 t DM at 80 %.
  const input: CreditingInput = {
    baseline: { area_ha: 4, seasons: [riceSeason({ water_regime: 'awd', n_inputs: urea46(100) })] },
    project: {
      area_ha: 4,
      seasons: [riceSeason({ n_inputs: urea46(100), residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 0.8 } })],
    },
    crediting: {},
  };

  it('net ER is negative by the formula and vcus_rounded_down is 0', () => {
    const deltaCh4Soil = ((1.22 * 0.55 * 100 * 4 - 1.22 * 1.0 * 100 * 4) * 28) / 1000;
    const deltaCh4Bb = ((0 - 5 * 0.8 * 0.8 * 2.7 * 4) * 28) / 1000;
    const deltaN2oBb = ((0 - 5 * 0.8 * 0.8 * 0.07 * 4) * 265) / 1000;
    const deduction = 0.15 * (deltaCh4Soil + 0);
    const netEr = deltaCh4Bb + deltaN2oBb + deltaCh4Soil - deduction - 0;
    const { crediting } = credit(input);
    assertCreditingBlock(crediting, {
      uncertainty: 0.15,
      delta_ch4_soil_t_co2e: deltaCh4Soil,
      delta_n2o_soil_t_co2e: 0,
      delta_ch4_bb_t_co2e: deltaCh4Bb,
      delta_n2o_bb_t_co2e: deltaN2oBb,
      delta_co2_lime_t_co2e: 0,
      uncertainty_deduction: deduction,
      pe_red_irri_t_co2e: 0,
      net_er_t_co2e: netEr,
      vcus_rounded_down: 0,
    });
    assert.ok(crediting.net_er_t_co2e < 0);
  });

  it('identical scenarios give a net ER of 0 and 0 VCUs', () => {
    const { crediting } = credit({ baseline: REFERENCE.baseline, project: REFERENCE.baseline, crediting: {} });
    assertClose(crediting.net_er_t_co2e, 0, 'net_er_t_co2e');
    assert.equal(crediting.vcus_rounded_down, 0);
  });
});

describe('crediting: GWP set and uncertainty', () => {
  const asAr6 = (s: ScenarioInput): ScenarioInput => ({ ...s, gwp_set: 'AR6' });
  const ar6Scenarios: CreditingInput = { baseline: asAr6(REFERENCE.baseline), project: asAr6(REFERENCE.project), crediting: {} };

  it('scenarios that say AR6 are compared with the crediting set, AR5 by default', () => {
    const result = credit(ar6Scenarios);
    assert.equal(result.crediting.gwp_set, 'AR5');
    assert.equal(result.comparison.baseline.gwp_set, 'AR5');
    assert.equal(result.comparison.project.gwp_set, 'AR5');
    assertClose(result.comparison.baseline.co2e_ch4_t, ((1.22 * 100 * 10 + 5 * 0.8 * 2.7 * 10) * 28) / 1000, 'baseline co2e_ch4_t');
    assertClose(result.comparison.project.co2e_n2o_t, (46 * 10 * 0.005 * N2O_N * 265) / 1000, 'project co2e_n2o_t');
    assertClose(result.crediting.delta_ch4_soil_t_co2e, 15.372, 'delta_ch4_soil_t_co2e');
  });

  it('crediting gwp_set AR6 uses CH4 27.0 and N2O 273 for the deltas, PE and the comparison', () => {
    const result = credit({ ...REFERENCE, crediting: { gwp_set: 'AR6' } });
    assert.equal(result.crediting.gwp_set, 'AR6');
    assert.equal(result.comparison.baseline.gwp_set, 'AR6');
    assertClose(result.crediting.delta_ch4_soil_t_co2e, ((1220 - 671) * 27.0) / 1000, 'delta_ch4_soil_t_co2e');
    assertClose(result.crediting.delta_ch4_bb_t_co2e, (5 * 0.8 * 2.7 * 10 * 27.0) / 1000, 'delta_ch4_bb_t_co2e');
    assertClose(result.crediting.delta_n2o_bb_t_co2e, (5 * 0.8 * 0.07 * 10 * 273) / 1000, 'delta_n2o_bb_t_co2e');
    assertClose(result.crediting.pe_red_irri_t_co2e, (46 * 10 * 0.00314 * 273) / 1000, 'pe_red_irri_t_co2e');
    assertClose(result.comparison.baseline.co2e_ch4_t, ((1220 + 108) * 27.0) / 1000, 'baseline co2e_ch4_t');
  });

  const uncertainties: Array<{ request: CreditingRequest; unc: number }> = [
    { request: { uncertainty: 0.3 }, unc: 0.3 },
    { request: { uncertainty: 0 }, unc: 0 },
    { request: { uncertainty: 0.075, gwp_set: 'AR5' }, unc: 0.075 },
  ];
  for (const { request, unc } of uncertainties) {
    it(`a custom uncertainty of ${unc} withholds ${unc} × (ΔCH4_soil + ΔN2O_soil)`, () => {
      const { crediting } = credit({ ...REFERENCE, crediting: request });
      const soil = 15.372 + 0;
      const netEr = 0.44 + 3.024 + 0.742 + soil * (1 - unc) - 0.382766;
      assert.equal(crediting.uncertainty, unc);
      assertClose(crediting.uncertainty_deduction, unc * soil, 'uncertainty_deduction');
      assertClose(crediting.net_er_t_co2e, netEr, 'net_er_t_co2e');
      assert.equal(crediting.vcus_rounded_down, Math.floor(netEr));
    });
  }
});

describe('crediting: what VM0051 QA3 leaves out', () => {
  it('urea CO2 is excluded: dropping the project urea changes the comparison, not the credits', () => {
    const noUrea: ScenarioInput = {
      ...REFERENCE.project,
      seasons: REFERENCE.project.seasons.map((s) => ({ ...s, urea_kg_per_ha: 0 })),
    };
    const withUrea = credit(REFERENCE);
    const withoutUrea = credit({ ...REFERENCE, project: noUrea });
    assertClose(
      withoutUrea.comparison.reduction_t_co2e - withUrea.comparison.reduction_t_co2e,
      (100 * 0.2 * CO2_C * 10) / 1000,
      'comparison reduction gains the urea CO2',
    );
    assert.deepEqual(withoutUrea.crediting, withUrea.crediting);
  });

  it('indirect N2O and the disaggregated EF1FR of the scenarios do not enter ΔN2O_soil', () => {
    const options = { include_indirect: true, ef1fr_mode: 'disaggregated' as const };
    const input: CreditingInput = {
      baseline: { ...REFERENCE.baseline, options },
      project: { ...REFERENCE.project, options },
      crediting: {},
    };
    assertClose(credit(input).crediting.delta_n2o_soil_t_co2e, 0, 'delta_n2o_soil_t_co2e');
    assertClose(credit(input).crediting.net_er_t_co2e, 16.889434, 'net_er_t_co2e');
  });
});
