/**
 * Scenario calculations against expected values worked out by hand from the equations of
 * docs/methodology.md (§2 rice CH4, §3 soil N2O and CO2, §4 burning, §5 GWP, §9 choices). Every
 * expected value is written out as the arithmetic of the document with its printed factors, never
 * read from factors.ts, and compared with a tolerance of max(1e-9, 1e-9 × |expected|).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculate } from './calculate.ts';
import { assertClose, riceSeason } from '../testing/fixtures.ts';
import type { NInput, ScenarioInput, ScenarioOptions, ScenarioResult, SeasonInput } from './types.ts';
import type { AmendmentType, EfcRegion, PreSeason, WaterRegime } from './factors.ts';

/** N2O-N → N2O and CO2-C → CO2 (methodology.md §3.1, §3.4). */
const N2O_N = 44 / 28;
const CO2_C = 44 / 12;


/** Validates and computes through the library entry, as the CLI and the API do. */
function run(input: ScenarioInput): ScenarioResult {
  const result = calculate(input);
  assert.ok(result.kind === 'scenario', `expected a scenario result, got ${result.kind}`);
  return result;
}

const onePlot = (season: SeasonInput, over: Partial<ScenarioInput> = {}): ScenarioInput => ({ area_ha: 2, seasons: [season], ...over });

const firstSeason = (r: ScenarioResult) => {
  const s = r.per_season[0];
  assert.ok(s, 'per_season is empty');
  return s;
};

/** Per ha: 100 kg synthetic N given as kg N, 20 kg organic N as 1 000 kg compost × 2 % N, 10 kg crop-residue N. */
const MIXED_N: NInput[] = [
  { source: 'synthetic', product: 'urea', kg_n_per_ha: 100 },
  { source: 'organic', product: 'compost', product_kg_per_ha: 1000, n_fraction: 0.02 },
  { source: 'crop_residue', kg_n_per_ha: 10 },
];

describe('rice CH4: Eq 5.1–5.3 with Table 5.12 SFw for each water regime', () => {
  const cases: Array<{ regime: WaterRegime; ch4: number }> = [
    { regime: 'continuously_flooded', ch4: 1.22 * 1.0 * 100 * 2 },
    { regime: 'single_drainage', ch4: 1.22 * 0.71 * 100 * 2 },
    { regime: 'multiple_drainage', ch4: 1.22 * 0.55 * 100 * 2 },
    { regime: 'awd', ch4: 1.22 * 0.55 * 100 * 2 },
    { regime: 'regular_rainfed', ch4: 1.22 * 0.54 * 100 * 2 },
    { regime: 'drought_prone', ch4: 1.22 * 0.16 * 100 * 2 },
    { regime: 'deep_water', ch4: 1.22 * 0.06 * 100 * 2 },
    { regime: 'upland', ch4: 1.22 * 0 * 100 * 2 },
  ];
  for (const { regime, ch4 } of cases) {
    it(`${regime}: 2 ha × 100 d gives ${ch4.toFixed(3)} kg CH4`, () => {
      const r = run(onePlot(riceSeason({ water_regime: regime })));
      assertClose(r.ch4_rice_kg, ch4, 'ch4_rice_kg');
      assertClose(r.ch4_total_kg, ch4, 'ch4_total_kg');
      assertClose(firstSeason(r).ef_adjusted_kg_ch4_ha_day, ch4 / (100 * 2), 'ef_adjusted_kg_ch4_ha_day');
      assertClose(firstSeason(r).ch4_rice_kg, ch4, 'per_season ch4_rice_kg');
    });
  }

  it('upland rice needs no pre-season and emits no CH4', () => {
    const season = riceSeason({ water_regime: 'upland' });
    delete season.pre_season;
    const r = run(onePlot(season));
    assertClose(r.ch4_rice_kg, 0, 'ch4_rice_kg');
  });
});

describe('rice CH4: Table 5.11 EFc for each efc_region', () => {
  const cases: Array<{ region: EfcRegion; ch4: number }> = [
    { region: 'southeast_asia', ch4: 1.22 * 100 * 2 },
    { region: 'world', ch4: 1.19 * 100 * 2 },
    { region: 'east_asia', ch4: 1.32 * 100 * 2 },
    { region: 'south_asia', ch4: 0.85 * 100 * 2 },
    { region: 'europe', ch4: 1.56 * 100 * 2 },
    { region: 'north_america', ch4: 0.65 * 100 * 2 },
    { region: 'south_america', ch4: 1.27 * 100 * 2 },
    { region: 'africa', ch4: 1.19 * 100 * 2 },
  ];
  for (const { region, ch4 } of cases) {
    it(`${region}: continuous flooding, 2 ha × 100 d gives ${ch4.toFixed(3)} kg CH4`, () => {
      const r = run(onePlot(riceSeason({ efc_region: region })));
      assertClose(r.ch4_rice_kg, ch4, 'ch4_rice_kg');
      assert.ok(r.factors_used.some((f) => f.id === `efc.${region}`), `efc.${region} missing from factors_used`);
    });
  }

  it('no efc_region defaults to South-East Asia 1.22 (§9 choice 1)', () => {
    const r = run(onePlot(riceSeason()));
    assertClose(r.ch4_rice_kg, 1.22 * 100 * 2, 'ch4_rice_kg');
  });

  it('efc_kg_ch4_ha_day overrides efc_region and is flagged in the warnings', () => {
    const r = run(onePlot(riceSeason({ efc_region: 'europe', efc_kg_ch4_ha_day: 2.8, water_regime: 'awd' })));
    assertClose(r.ch4_rice_kg, 2.8 * 0.55 * 100 * 2, 'ch4_rice_kg');
    assertClose(firstSeason(r).ef_adjusted_kg_ch4_ha_day, 2.8 * 0.55, 'ef_adjusted_kg_ch4_ha_day');
    assert.ok(!r.factors_used.some((f) => f.id.startsWith('efc.')), 'a table EFc is listed although the user supplied one');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /EFc 2\.8/);
  });

  it('efc_kg_ch4_ha_day of 0 is used, not replaced by the table value', () => {
    const r = run(onePlot(riceSeason({ efc_kg_ch4_ha_day: 0 })));
    assertClose(r.ch4_rice_kg, 0, 'ch4_rice_kg');
  });
});

describe('rice CH4: Table 5.13 SFp for each pre-season', () => {
  const cases: Array<{ pre: PreSeason; ch4: number }> = [
    { pre: 'non_flooded_lt_180d', ch4: 1.22 * 1.0 * 100 * 2 },
    { pre: 'non_flooded_gt_180d', ch4: 1.22 * 0.89 * 100 * 2 },
    { pre: 'flooded_gt_30d', ch4: 1.22 * 2.41 * 100 * 2 },
    { pre: 'non_flooded_gt_365d', ch4: 1.22 * 0.59 * 100 * 2 },
  ];
  for (const { pre, ch4 } of cases) {
    it(`${pre}: 2 ha × 100 d gives ${ch4.toFixed(3)} kg CH4`, () => {
      const r = run(onePlot(riceSeason({ pre_season: pre })));
      assertClose(r.ch4_rice_kg, ch4, 'ch4_rice_kg');
    });
  }
});

describe('rice CH4: Eq 5.3 SFo with Table 5.14 CFOA for each amendment type', () => {
  const cases: Array<{ label: string; amendments: Array<{ type: AmendmentType; t: number }>; sfo: number }> = [
    { label: 'straw_lt30d 5 t DM', amendments: [{ type: 'straw_lt30d', t: 5 }], sfo: Math.pow(1 + 5 * 1.0, 0.59) },
    { label: 'straw_gt30d 5 t DM', amendments: [{ type: 'straw_gt30d', t: 5 }], sfo: Math.pow(1 + 5 * 0.19, 0.59) },
    { label: 'compost 10 t fresh', amendments: [{ type: 'compost', t: 10 }], sfo: Math.pow(1 + 10 * 0.17, 0.59) },
    { label: 'farmyard_manure 8 t fresh', amendments: [{ type: 'farmyard_manure', t: 8 }], sfo: Math.pow(1 + 8 * 0.21, 0.59) },
    { label: 'green_manure 6 t fresh', amendments: [{ type: 'green_manure', t: 6 }], sfo: Math.pow(1 + 6 * 0.45, 0.59) },
    {
      label: 'straw_gt30d 4 t DM and compost 10 t fresh together',
      amendments: [
        { type: 'straw_gt30d', t: 4 },
        { type: 'compost', t: 10 },
      ],
      sfo: Math.pow(1 + 4 * 0.19 + 10 * 0.17, 0.59),
    },
    { label: 'an empty amendment list', amendments: [], sfo: 1 },
  ];
  for (const { label, amendments, sfo } of cases) {
    it(`${label}: SFo ${sfo.toFixed(6)} and CH4 = 1.22 × SFo × 100 d × 2 ha`, () => {
      const organic_amendments = amendments.map((a) => ({ type: a.type, t_per_ha: a.t }));
      const r = run(onePlot(riceSeason({ organic_amendments })));
      assertClose(firstSeason(r).sf_o, sfo, 'sf_o');
      assertClose(firstSeason(r).ef_adjusted_kg_ch4_ha_day, 1.22 * sfo, 'ef_adjusted_kg_ch4_ha_day');
      assertClose(r.ch4_rice_kg, 1.22 * sfo * 100 * 2, 'ch4_rice_kg');
    });
  }

  it('5 t DM straw gives the SFo printed in §2.5: 2.8781 (< 30 d) and 1.4829 (> 30 d)', () => {
    const lt = firstSeason(run(onePlot(riceSeason({ organic_amendments: [{ type: 'straw_lt30d', t_per_ha: 5 }] })))).sf_o;
    const gt = firstSeason(run(onePlot(riceSeason({ organic_amendments: [{ type: 'straw_gt30d', t_per_ha: 5 }] })))).sf_o;
    assert.ok(Math.abs(lt - 2.8781) < 5e-5, `SFo straw < 30 d = ${lt}`);
    assert.ok(Math.abs(gt - 1.4829) < 5e-5, `SFo straw > 30 d = ${gt}`);
  });
});

describe('rice CH4: Tier 2 SFs,r and the full product of Eq 5.2a', () => {
  it('sf_s_r 0.8 multiplies the daily factor', () => {
    const r = run(onePlot(riceSeason({ water_regime: 'single_drainage', sf_s_r: 0.8 })));
    assertClose(r.ch4_rice_kg, 1.22 * 0.71 * 0.8 * 100 * 2, 'ch4_rice_kg');
  });

  it('no sf_s_r means 1 (§9 choice 1)', () => {
    const r = run(onePlot(riceSeason({ water_regime: 'single_drainage' })));
    assertClose(r.ch4_rice_kg, 1.22 * 0.71 * 100 * 2, 'ch4_rice_kg');
  });

  it('EFc × SFw × SFp × SFo × SFs,r × days × area with every factor away from 1', () => {
    const r = run(
      onePlot(
        riceSeason({
          efc_region: 'east_asia',
          water_regime: 'awd',
          pre_season: 'flooded_gt_30d',
          organic_amendments: [{ type: 'farmyard_manure', t_per_ha: 3 }],
          sf_s_r: 1.1,
          cultivation_days: 95,
        }),
        { area_ha: 3.5 },
      ),
    );
    const sfo = Math.pow(1 + 3 * 0.21, 0.59);
    assertClose(r.ch4_rice_kg, 1.32 * 0.55 * 2.41 * sfo * 1.1 * 95 * 3.5, 'ch4_rice_kg');
  });
});

describe('direct N2O of flooded rice: EF1FR by ef1fr_mode and water regime (§3.1, §9 choice 4)', () => {
  // 100 synthetic + 20 organic + 10 residue = 130 kg N/ha on 2 ha.
  const regimes: Array<{ regime: WaterRegime; disaggregated: number; aggregated: number }> = [
    { regime: 'continuously_flooded', disaggregated: 0.003, aggregated: 0.004 },
    { regime: 'single_drainage', disaggregated: 0.005, aggregated: 0.004 },
    { regime: 'multiple_drainage', disaggregated: 0.005, aggregated: 0.004 },
    { regime: 'awd', disaggregated: 0.005, aggregated: 0.004 },
    { regime: 'regular_rainfed', disaggregated: 0.004, aggregated: 0.004 },
    { regime: 'drought_prone', disaggregated: 0.004, aggregated: 0.004 },
    { regime: 'deep_water', disaggregated: 0.004, aggregated: 0.004 },
  ];
  for (const { regime, disaggregated, aggregated } of regimes) {
    for (const [mode, ef] of [
      ['disaggregated', disaggregated],
      ['aggregated', aggregated],
    ] as const) {
      it(`${regime}, ef1fr_mode ${mode}: 130 kg N/ha × ${ef} × 2 ha × 44/28`, () => {
        const r = run(onePlot(riceSeason({ water_regime: regime, n_inputs: MIXED_N }), { options: { ef1fr_mode: mode } }));
        assertClose(r.n2o_direct_kg, (100 + 20 + 10) * ef * 2 * N2O_N, 'n2o_direct_kg');
        assertClose(r.n2o_indirect_kg, 0, 'n2o_indirect_kg');
      });
    }
  }

  it('no ef1fr_mode means disaggregated: continuous flooding uses 0.003', () => {
    const r = run(onePlot(riceSeason({ n_inputs: MIXED_N })));
    assertClose(r.n2o_direct_kg, 130 * 0.003 * 2 * N2O_N, 'n2o_direct_kg');
  });

  it('ef1_mode does not touch flooded rice: wet EF1 requested, EF1FR 0.005 used for AWD', () => {
    const r = run(onePlot(riceSeason({ water_regime: 'awd', n_inputs: MIXED_N }), { options: { ef1_mode: 'wet' } }));
    assertClose(r.n2o_direct_kg, 130 * 0.005 * 2 * N2O_N, 'n2o_direct_kg');
  });

  it('N by product mass × N fraction and by kg N are summed per source over the area', () => {
    const r = run(
      onePlot(
        riceSeason({
          n_inputs: [
            { source: 'synthetic', product: 'urea', product_kg_per_ha: 200, n_fraction: 0.46 },
            { source: 'synthetic', product: 'DAP', product_kg_per_ha: 100, n_fraction: 0.18 },
            { source: 'organic', kg_n_per_ha: 30 },
            { source: 'crop_residue', product: 'straw', product_kg_per_ha: 5000, n_fraction: 0.007 },
          ],
        }),
      ),
    );
    assertClose(r.n_synthetic_kg, (200 * 0.46 + 100 * 0.18) * 2, 'n_synthetic_kg');
    assertClose(r.n_organic_kg, 30 * 2, 'n_organic_kg');
    assertClose(r.n_residue_kg, 5000 * 0.007 * 2, 'n_residue_kg');
    assertClose(r.n2o_direct_kg, (200 * 0.46 + 100 * 0.18 + 30 + 5000 * 0.007) * 0.003 * 2 * N2O_N, 'n2o_direct_kg');
  });
});

describe('direct N2O of non-flooded crops and upland rice: EF1 by ef1_mode (§3.1, §9 choice 4)', () => {
  const crops: Array<{ label: string; season: SeasonInput }> = [
    { label: 'coffee', season: { name: 'year', crop: 'coffee', n_inputs: MIXED_N } },
    { label: 'upland rice', season: { name: 'season', crop: 'rice', cultivation_days: 110, water_regime: 'upland', n_inputs: MIXED_N } },
  ];
  const modes: Array<{ mode: ScenarioOptions['ef1_mode'] | undefined; label: string; n2oN: number }> = [
    { mode: undefined, label: 'no ef1_mode (aggregated 0.010)', n2oN: (100 + 20 + 10) * 0.01 },
    { mode: 'aggregated', label: 'ef1_mode aggregated (0.010)', n2oN: (100 + 20 + 10) * 0.01 },
    { mode: 'wet', label: 'ef1_mode wet (0.016 synthetic, 0.006 other)', n2oN: 100 * 0.016 + (20 + 10) * 0.006 },
    { mode: 'dry', label: 'ef1_mode dry (0.005)', n2oN: (100 + 20 + 10) * 0.005 },
  ];
  for (const crop of crops) {
    for (const { mode, label, n2oN } of modes) {
      it(`${crop.label}, ${label}`, () => {
        const options: ScenarioOptions = mode === undefined ? {} : { ef1_mode: mode };
        const r = run(onePlot(crop.season, { options }));
        assertClose(r.n2o_direct_kg, n2oN * 2 * N2O_N, 'n2o_direct_kg');
      });
    }
    it(`${crop.label}: ef1fr_mode has no effect (aggregated requested, EF1 0.010 used)`, () => {
      const r = run(onePlot(crop.season, { options: { ef1fr_mode: 'aggregated' } }));
      assertClose(r.n2o_direct_kg, 130 * 0.01 * 2 * N2O_N, 'n2o_direct_kg');
    });
  }
});

describe('indirect N2O: Eq 11.9 volatilisation and Eq 11.10 leaching (§3.2, §9 choice 5)', () => {
  // Volatilised N: F_SN × 0.11 + F_ON × 0.21 (no residue term); leached N: all N × 0.24.
  const volatilised = 100 * 0.11 + 20 * 0.21;
  const leached = (100 + 20 + 10) * 0.24;
  const cases: Array<{ options: ScenarioOptions; label: string; n2oN: number }> = [
    { options: { include_indirect: true, ef4_mode: 'wet', leaching_applies: true }, label: 'EF4 wet, leaching on', n2oN: volatilised * 0.014 + leached * 0.011 },
    { options: { include_indirect: true, ef4_mode: 'wet', leaching_applies: false }, label: 'EF4 wet, leaching off', n2oN: volatilised * 0.014 },
    { options: { include_indirect: true, ef4_mode: 'dry', leaching_applies: true }, label: 'EF4 dry, leaching on', n2oN: volatilised * 0.005 + leached * 0.011 },
    { options: { include_indirect: true, ef4_mode: 'dry', leaching_applies: false }, label: 'EF4 dry, leaching off', n2oN: volatilised * 0.005 },
    { options: { include_indirect: true, ef4_mode: 'aggregated', leaching_applies: true }, label: 'EF4 aggregated, leaching on', n2oN: volatilised * 0.01 + leached * 0.011 },
    { options: { include_indirect: true, ef4_mode: 'aggregated', leaching_applies: false }, label: 'EF4 aggregated, leaching off', n2oN: volatilised * 0.01 },
    { options: { include_indirect: true }, label: 'defaults: EF4 wet, leaching on', n2oN: volatilised * 0.014 + leached * 0.011 },
    { options: { include_indirect: false, ef4_mode: 'dry' }, label: 'include_indirect false: none', n2oN: 0 },
    { options: {}, label: 'no include_indirect: none (off by default)', n2oN: 0 },
  ];
  for (const { options, label, n2oN } of cases) {
    it(`${label}: ${n2oN.toFixed(6)} kg N2O-N/ha on 2 ha × 44/28`, () => {
      const r = run(onePlot(riceSeason({ n_inputs: MIXED_N }), { options }));
      assertClose(r.n2o_indirect_kg, n2oN * 2 * N2O_N, 'n2o_indirect_kg');
      assertClose(r.n2o_direct_kg, 130 * 0.003 * 2 * N2O_N, 'n2o_direct_kg (unchanged by indirect options)');
      assertClose(r.n2o_total_kg, (130 * 0.003 + n2oN) * 2 * N2O_N, 'n2o_total_kg');
    });
  }

  it('indirect N2O applies to non-rice crops as well (coffee, EF4 dry, leaching on)', () => {
    const r = run(onePlot({ crop: 'coffee', n_inputs: MIXED_N }, { options: { include_indirect: true, ef4_mode: 'dry' } }));
    assertClose(r.n2o_indirect_kg, (volatilised * 0.005 + leached * 0.011) * 2 * N2O_N, 'n2o_indirect_kg');
  });

  it('no N inputs means no indirect N2O', () => {
    const r = run(onePlot(riceSeason(), { options: { include_indirect: true } }));
    assertClose(r.n2o_indirect_kg, 0, 'n2o_indirect_kg');
  });
});

describe('residue burning: IPCC 2006 Eq 2.27 (§4, §9 choice 8)', () => {
  it('default C_f 0.80: 5 t DM × 60 % × 0.80 × 2.7 g CH4 and 0.07 g N2O per kg DM, 2 ha', () => {
    const r = run(onePlot(riceSeason({ residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 0.6 } })));
    assertClose(r.ch4_burning_kg, 5 * 0.6 * 0.8 * 2.7 * 2, 'ch4_burning_kg');
    assertClose(r.n2o_burning_kg, 5 * 0.6 * 0.8 * 0.07 * 2, 'n2o_burning_kg');
    assertClose(r.ch4_total_kg, 1.22 * 100 * 2 + 5 * 0.6 * 0.8 * 2.7 * 2, 'ch4_total_kg');
    assert.deepEqual(r.warnings, []);
  });

  it('explicit combustion_factor 0.9 replaces 0.80', () => {
    const r = run(onePlot(riceSeason({ residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 0.6, combustion_factor: 0.9 } })));
    assertClose(r.ch4_burning_kg, 5 * 0.6 * 0.9 * 2.7 * 2, 'ch4_burning_kg');
    assertClose(r.n2o_burning_kg, 5 * 0.6 * 0.9 * 0.07 * 2, 'n2o_burning_kg');
    assert.ok(!r.factors_used.some((f) => f.id === 'combustion_factor_rice'), 'the default C_f is listed although one was given');
  });

  it('burned_fraction 0 burns nothing', () => {
    const r = run(onePlot(riceSeason({ residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 0 } })));
    assertClose(r.ch4_burning_kg, 0, 'ch4_burning_kg');
    assertClose(r.n2o_burning_kg, 0, 'n2o_burning_kg');
  });

  it('burnt straw never enters SFo: rice CH4 is unchanged by burning', () => {
    const r = run(onePlot(riceSeason({ residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 1 } })));
    assertClose(firstSeason(r).sf_o, 1, 'sf_o');
    assertClose(r.ch4_rice_kg, 1.22 * 100 * 2, 'ch4_rice_kg');
  });

  it('a non-rice crop burnt without a combustion factor uses 0.80 and is flagged', () => {
    const r = run(onePlot({ crop: 'sugarcane', residue_burning: { residue_dm_t_per_ha: 8, burned_fraction: 0.5 } }));
    assertClose(r.ch4_burning_kg, 8 * 0.5 * 0.8 * 2.7 * 2, 'ch4_burning_kg');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /sugarcane/);
  });

  it('a non-rice crop burnt with its own combustion factor is not flagged', () => {
    const r = run(onePlot({ crop: 'sugarcane', residue_burning: { residue_dm_t_per_ha: 8, burned_fraction: 0.5, combustion_factor: 0.68 } }));
    assertClose(r.n2o_burning_kg, 8 * 0.5 * 0.68 * 0.07 * 2, 'n2o_burning_kg');
    assert.deepEqual(r.warnings, []);
  });
});

describe('CO2 from urea (Eq 11.13) and liming (Eq 11.12) (§3.4, §3.5, §9 choice 7)', () => {
  it('urea 100 kg product/ha × 0.20 × 44/12 on 2 ha', () => {
    const r = run(onePlot(riceSeason({ urea_kg_per_ha: 100 })));
    assertClose(r.co2_urea_kg, 100 * 0.2 * CO2_C * 2, 'co2_urea_kg');
    assertClose(r.co2_total_kg, 100 * 0.2 * CO2_C * 2, 'co2_total_kg');
  });

  it('urea CO2 is computed from the product mass alone, with no N input and hence no N2O', () => {
    const r = run(onePlot({ crop: 'tea', urea_kg_per_ha: 250 }));
    assertClose(r.co2_urea_kg, 250 * 0.2 * CO2_C * 2, 'co2_urea_kg');
    assertClose(r.n2o_total_kg, 0, 'n2o_total_kg');
  });

  it('limestone 500 kg/ha × 0.12 × 44/12 on 2 ha', () => {
    const r = run(onePlot(riceSeason({ lime: { limestone_kg_per_ha: 500 } })));
    assertClose(r.co2_lime_kg, 500 * 0.12 * CO2_C * 2, 'co2_lime_kg');
  });

  it('dolomite 300 kg/ha × 0.13 × 44/12 on 2 ha', () => {
    const r = run(onePlot(riceSeason({ lime: { dolomite_kg_per_ha: 300 } })));
    assertClose(r.co2_lime_kg, 300 * 0.13 * CO2_C * 2, 'co2_lime_kg');
  });

  it('limestone and dolomite together, plus urea, make co2_total_kg', () => {
    const r = run(onePlot(riceSeason({ urea_kg_per_ha: 100, lime: { limestone_kg_per_ha: 500, dolomite_kg_per_ha: 300 } })));
    assertClose(r.co2_lime_kg, (500 * 0.12 + 300 * 0.13) * CO2_C * 2, 'co2_lime_kg');
    assertClose(r.co2_total_kg, (100 * 0.2 + 500 * 0.12 + 300 * 0.13) * CO2_C * 2, 'co2_total_kg');
    assertClose(r.co2e_co2_t, ((100 * 0.2 + 500 * 0.12 + 300 * 0.13) * CO2_C * 2) / 1000, 'co2e_co2_t');
  });
});

describe('CO2e with the AR5 and AR6 GWP sets (§5, §9 choice 9)', () => {
  // One season with every gas: rice CH4, direct N2O, burning and urea CO2.
  const season = riceSeason({
    n_inputs: [{ source: 'synthetic', product: 'urea', product_kg_per_ha: 100, n_fraction: 0.46 }],
    urea_kg_per_ha: 100,
    residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 1 },
  });
  const ch4 = (1.22 * 100 + 5 * 1 * 0.8 * 2.7) * 2;
  const n2o = (100 * 0.46 * 0.003 * N2O_N + 5 * 1 * 0.8 * 0.07) * 2;
  const co2 = 100 * 0.2 * CO2_C * 2;
  const cases: Array<{ gwp: 'AR5' | 'AR6' | undefined; label: string; ch4Gwp: number; n2oGwp: number; reported: 'AR5' | 'AR6' }> = [
    { gwp: 'AR5', label: 'AR5 (CH4 28, N2O 265)', ch4Gwp: 28, n2oGwp: 265, reported: 'AR5' },
    { gwp: 'AR6', label: 'AR6 (CH4 27.0 non-fossil, N2O 273)', ch4Gwp: 27.0, n2oGwp: 273, reported: 'AR6' },
    { gwp: undefined, label: 'no gwp_set defaults to AR5', ch4Gwp: 28, n2oGwp: 265, reported: 'AR5' },
  ];
  for (const { gwp, label, ch4Gwp, n2oGwp, reported } of cases) {
    it(label, () => {
      const r = run(onePlot(season, gwp === undefined ? {} : { gwp_set: gwp }));
      assert.equal(r.gwp_set, reported);
      assertClose(r.ch4_total_kg, ch4, 'ch4_total_kg');
      assertClose(r.n2o_total_kg, n2o, 'n2o_total_kg');
      assertClose(r.co2e_ch4_t, (ch4 * ch4Gwp) / 1000, 'co2e_ch4_t');
      assertClose(r.co2e_n2o_t, (n2o * n2oGwp) / 1000, 'co2e_n2o_t');
      assertClose(r.co2e_co2_t, co2 / 1000, 'co2e_co2_t');
      assertClose(r.co2e_total_t, (ch4 * ch4Gwp + n2o * n2oGwp + co2) / 1000, 'co2e_total_t');
      const ids = r.factors_used.map((f) => f.id);
      assert.ok(ids.includes(`gwp_${reported.toLowerCase()}.ch4`) && ids.includes(`gwp_${reported.toLowerCase()}.n2o`), ids.join(', '));
    });
  }
});

describe('yield intensity (contract: total kg CO2e / (yield × area × seasons))', () => {
  it('two seasons on 2 ha at 6 000 kg/ha', () => {
    const r = run({ area_ha: 2, yield_kg_per_ha: 6000, seasons: [riceSeason({ name: 'ws' }), riceSeason({ name: 'sa', water_regime: 'awd' })] });
    const co2eT = ((1.22 * 100 + 1.22 * 0.55 * 100) * 2 * 28) / 1000;
    assertClose(r.co2e_total_t, co2eT, 'co2e_total_t');
    assertClose(r.intensity_kg_co2e_per_kg_paddy, (co2eT * 1000) / (6000 * 2 * 2), 'intensity_kg_co2e_per_kg_paddy');
  });

  it('area 0 gives null intensity and zero masses', () => {
    const r = run(onePlot(riceSeason({ urea_kg_per_ha: 100 }), { area_ha: 0, yield_kg_per_ha: 6000 }));
    assert.equal(r.intensity_kg_co2e_per_kg_paddy, null);
    assertClose(r.co2e_total_t, 0, 'co2e_total_t');
  });

  it('no yield_kg_per_ha: the intensity key is absent', () => {
    const r = run(onePlot(riceSeason()));
    assert.ok(!('intensity_kg_co2e_per_kg_paddy' in r));
  });
});

describe('several seasons on one area are computed per season and summed (§9 choice 2)', () => {
  const input: ScenarioInput = {
    area_ha: 1.5,
    options: { include_indirect: true },
    seasons: [
      riceSeason({
        name: 'winter_spring',
        cultivation_days: 105,
        water_regime: 'awd',
        organic_amendments: [{ type: 'straw_gt30d', t_per_ha: 4 }],
        n_inputs: [{ source: 'synthetic', kg_n_per_ha: 90 }],
        urea_kg_per_ha: 195,
      }),
      riceSeason({
        name: 'summer_autumn',
        cultivation_days: 95,
        water_regime: 'single_drainage',
        organic_amendments: [{ type: 'straw_lt30d', t_per_ha: 4 }],
        n_inputs: [{ source: 'synthetic', kg_n_per_ha: 80 }],
        residue_burning: { residue_dm_t_per_ha: 5, burned_fraction: 0.5 },
      }),
      { name: 'dry_season_maize', crop: 'maize', n_inputs: [{ source: 'organic', kg_n_per_ha: 40 }], lime: { limestone_kg_per_ha: 200 } },
    ],
  };
  const sfo1 = Math.pow(1 + 4 * 0.19, 0.59);
  const sfo2 = Math.pow(1 + 4 * 1.0, 0.59);
  const ch4S1 = 1.22 * 0.55 * sfo1 * 105 * 1.5;
  const ch4S2 = 1.22 * 0.71 * sfo2 * 95 * 1.5;
  const directN = (90 * 0.005 + 80 * 0.005 + 40 * 0.01) * 1.5;
  const indirectN = ((90 * 0.11 + 80 * 0.11 + 40 * 0.21) * 0.014 + (90 + 80 + 40) * 0.24 * 0.011) * 1.5;

  it('per_season keeps order, names, crops and each season’s own factors', () => {
    const r = run(input);
    assert.deepEqual(
      r.per_season.map((s) => [s.season, s.crop]),
      [
        ['winter_spring', 'rice'],
        ['summer_autumn', 'rice'],
        ['dry_season_maize', 'maize'],
      ],
    );
    const [s1, s2, s3] = r.per_season;
    assert.ok(s1 && s2 && s3);
    assertClose(s1.sf_o, sfo1, 'season 1 sf_o');
    assertClose(s1.ef_adjusted_kg_ch4_ha_day, 1.22 * 0.55 * sfo1, 'season 1 ef_adjusted');
    assertClose(s1.ch4_rice_kg, ch4S1, 'season 1 ch4_rice_kg');
    assertClose(s2.sf_o, sfo2, 'season 2 sf_o');
    assertClose(s2.ch4_rice_kg, ch4S2, 'season 2 ch4_rice_kg');
    assertClose(s3.ch4_rice_kg, 0, 'season 3 ch4_rice_kg');
  });

  it('totals are the sums over seasons of every gas and source', () => {
    const r = run(input);
    assertClose(r.n_synthetic_kg, (90 + 80) * 1.5, 'n_synthetic_kg');
    assertClose(r.n_organic_kg, 40 * 1.5, 'n_organic_kg');
    assertClose(r.ch4_rice_kg, ch4S1 + ch4S2, 'ch4_rice_kg');
    assertClose(r.ch4_burning_kg, 5 * 0.5 * 0.8 * 2.7 * 1.5, 'ch4_burning_kg');
    assertClose(r.n2o_direct_kg, directN * N2O_N, 'n2o_direct_kg');
    assertClose(r.n2o_indirect_kg, indirectN * N2O_N, 'n2o_indirect_kg');
    assertClose(r.n2o_burning_kg, 5 * 0.5 * 0.8 * 0.07 * 1.5, 'n2o_burning_kg');
    assertClose(r.co2_urea_kg, 195 * 0.2 * CO2_C * 1.5, 'co2_urea_kg');
    assertClose(r.co2_lime_kg, 200 * 0.12 * CO2_C * 1.5, 'co2_lime_kg');
    const ch4 = ch4S1 + ch4S2 + 5 * 0.5 * 0.8 * 2.7 * 1.5;
    const n2o = (directN + indirectN) * N2O_N + 5 * 0.5 * 0.8 * 0.07 * 1.5;
    const co2 = (195 * 0.2 + 200 * 0.12) * CO2_C * 1.5;
    assertClose(r.ch4_total_kg, ch4, 'ch4_total_kg');
    assertClose(r.n2o_total_kg, n2o, 'n2o_total_kg');
    assertClose(r.co2_total_kg, co2, 'co2_total_kg');
    assertClose(r.co2e_total_t, (ch4 * 28 + n2o * 265 + co2) / 1000, 'co2e_total_t');
  });

  it('unnamed seasons are named season_1, season_2, … in per_season', () => {
    const unnamed = riceSeason();
    delete unnamed.name;
    const r = run({ area_ha: 1, seasons: [unnamed, { ...unnamed }] });
    assert.deepEqual(
      r.per_season.map((s) => s.season),
      ['season_1', 'season_2'],
    );
  });
});

describe('non-rice seasons (contract: ef_adjusted 0 and sf_o 1)', () => {
  const crops = ['coffee', 'tea', 'cassava', 'vegetables', 'sugarcane'];
  for (const crop of crops) {
    it(`${crop}: no soil CH4 even with cultivation days, a water regime and organic amendments given`, () => {
      const r = run(
        onePlot({
          name: 'year',
          crop,
          cultivation_days: 365,
          water_regime: 'continuously_flooded',
          organic_amendments: [{ type: 'compost', t_per_ha: 10 }],
        }),
      );
      const s = firstSeason(r);
      assert.equal(s.crop, crop);
      assert.equal(s.ef_adjusted_kg_ch4_ha_day, 0);
      assert.equal(s.sf_o, 1);
      assert.equal(s.ch4_rice_kg, 0);
      assert.equal(r.ch4_rice_kg, 0);
    });
  }

  it('a non-rice crop given a flooded water regime still uses EF1, not EF1FR', () => {
    const r = run(onePlot({ crop: 'vegetables', water_regime: 'continuously_flooded', n_inputs: MIXED_N }));
    assertClose(r.n2o_direct_kg, 130 * 0.01 * 2 * N2O_N, 'n2o_direct_kg');
  });
});

describe('warnings and the factors used', () => {
  it('a season longer than 180 days is computed and flagged', () => {
    const r = run(onePlot(riceSeason({ cultivation_days: 200 })));
    assertClose(r.ch4_rice_kg, 1.22 * 200 * 2, 'ch4_rice_kg');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /200 days/);
  });

  it('a 150-day season is not flagged', () => {
    assert.deepEqual(run(onePlot(riceSeason({ cultivation_days: 150 }))).warnings, []);
  });

  it('factors_used lists each factor used once, with the value of the table', () => {
    const r = run({
      area_ha: 1,
      seasons: [riceSeason({ n_inputs: MIXED_N }), riceSeason({ name: 'second', n_inputs: MIXED_N })],
    });
    const ids = r.factors_used.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length, `duplicates in ${ids.join(', ')}`);
    const expected: Record<string, number> = {
      'efc.southeast_asia': 1.22,
      'sfw.continuously_flooded': 1.0,
      'sfp.non_flooded_lt_180d': 1.0,
      'ef1fr.continuously_flooded': 0.003,
      'gwp_ar5.ch4': 28,
      'gwp_ar5.n2o': 265,
    };
    assert.deepEqual([...ids].sort(), Object.keys(expected).sort());
    for (const f of r.factors_used) {
      assert.equal(f.value, expected[f.id], f.id);
      assert.ok(f.source.length > 0, `${f.id} has no source`);
    }
  });
});
