/**
 * The factor table of the engine, version 2019.1: every default the equations use, with its value,
 * its uncertainty range, the table or equation it comes from and the confidence label of
 * `docs/methodology.md` §0 (C2: two or more independent transcriptions; C1: one).
 *
 * Changing any value here means a new FACTOR_TABLE_VERSION and a new METHOD_VERSION, never an edit
 * in place: stored calculation runs name the version they were computed with and must recompute
 * to the same numbers.
 */

export const METHOD_VERSION = 'dongxanh-ipcc2019-tier1@1.0.0';
export const FACTOR_TABLE_VERSION = 'ipcc2019-2026.1';

export type Confidence = 'C1' | 'C2' | 'OFF';

export interface Factor {
  readonly value: number;
  readonly unit: string;
  /** Low and high ends of the published uncertainty range, where one is published. */
  readonly range: readonly [number, number] | null;
  readonly source: string;
  readonly confidence: Confidence;
}

const factor = (
  value: number,
  unit: string,
  range: readonly [number, number] | null,
  source: string,
  confidence: Confidence,
): Factor => ({ value, unit, range, source, confidence });

const T511 = 'IPCC 2019 Refinement Vol 4 Ch 5 Table 5.11 (Updated)';
const T512 = 'IPCC 2019 Refinement Vol 4 Ch 5 Table 5.12 (Updated)';
const T513 = 'IPCC 2019 Refinement Vol 4 Ch 5 Table 5.13 (Updated)';
const T514 = 'IPCC 2019 Refinement Vol 4 Ch 5 Table 5.14 (Updated)';
const T111 = 'IPCC 2019 Refinement Vol 4 Ch 11 Table 11.1 (Updated)';
const T113 = 'IPCC 2019 Refinement Vol 4 Ch 11 Table 11.3 (Updated)';

/** Baseline EFc for continuously flooded fields without organic amendment, kg CH4/ha/day. */
export const EFC_BY_REGION = {
  world: factor(1.19, 'kg CH4/ha/day', [0.8, 1.76], T511, 'C2'),
  southeast_asia: factor(1.22, 'kg CH4/ha/day', [0.83, 1.81], T511, 'C2'),
  east_asia: factor(1.32, 'kg CH4/ha/day', [0.89, 1.96], T511, 'C1'),
  south_asia: factor(0.85, 'kg CH4/ha/day', [0.58, 1.26], T511, 'C1'),
  europe: factor(1.56, 'kg CH4/ha/day', [1.06, 2.31], T511, 'C1'),
  north_america: factor(0.65, 'kg CH4/ha/day', [0.44, 0.96], T511, 'C1'),
  south_america: factor(1.27, 'kg CH4/ha/day', [0.86, 1.88], T511, 'C1'),
  africa: factor(1.19, 'kg CH4/ha/day', [0.8, 1.76], `${T511} (global value used for Africa)`, 'C1'),
} as const satisfies Record<string, Factor>;
export type EfcRegion = keyof typeof EFC_BY_REGION;

/** Default cultivation period when a season's real dates are missing, days (Table 5.11A). */
export const DEFAULT_CULTIVATION_DAYS = {
  world: factor(113, 'days', null, 'IPCC 2019 Refinement Vol 4 Ch 5 Table 5.11A (New)', 'C2'),
  southeast_asia: factor(102, 'days', [78, 150], 'IPCC 2019 Refinement Vol 4 Ch 5 Table 5.11A (New)', 'C2'),
} as const satisfies Record<string, Factor>;

/** Scaling factor for the water regime during cultivation, SFw. */
export const SFW_BY_REGIME = {
  continuously_flooded: factor(1.0, '1', [0.73, 1.27], T512, 'C2'),
  single_drainage: factor(0.71, '1', [0.53, 0.94], T512, 'C2'),
  multiple_drainage: factor(0.55, '1', [0.41, 0.72], `${T512} (incl. AWD, footnote b)`, 'C2'),
  regular_rainfed: factor(0.54, '1', [0.39, 0.74], T512, 'C2'),
  drought_prone: factor(0.16, '1', [0.11, 0.24], T512, 'C2'),
  deep_water: factor(0.06, '1', [0.03, 0.12], T512, 'C2'),
  upland: factor(0, '1', null, `${T512} (upland rice, never flooded)`, 'C2'),
} as const satisfies Record<string, Factor>;
export type CanonicalWaterRegime = keyof typeof SFW_BY_REGIME;

/** `awd` is an alias of `multiple_drainage` (methodology.md §9 choice 3). */
export const WATER_REGIME_ALIASES = { awd: 'multiple_drainage' } as const satisfies Record<string, CanonicalWaterRegime>;
export type WaterRegime = CanonicalWaterRegime | keyof typeof WATER_REGIME_ALIASES;

/** Scaling factor for the pre-season water regime, SFp. */
export const SFP_BY_PRE_SEASON = {
  non_flooded_lt_180d: factor(1.0, '1', [0.88, 1.12], T513, 'C2'),
  non_flooded_gt_180d: factor(0.89, '1', [0.8, 0.99], T513, 'C2'),
  flooded_gt_30d: factor(2.41, '1', [2.13, 2.73], T513, 'C2'),
  non_flooded_gt_365d: factor(0.59, '1', [0.41, 0.84], T513, 'C2'),
} as const satisfies Record<string, Factor>;
export type PreSeason = keyof typeof SFP_BY_PRE_SEASON;

/** Conversion factor for organic amendments, CFOA; straw per t dry matter, others per t fresh weight. */
export const CFOA_BY_AMENDMENT = {
  straw_lt30d: factor(1.0, 'per t DM/ha', [0.85, 1.17], `${T514} (straw incorporated < 30 d before cultivation)`, 'C2'),
  straw_gt30d: factor(0.19, 'per t DM/ha', [0.11, 0.28], `${T514} (straw incorporated > 30 d before cultivation)`, 'C2'),
  compost: factor(0.17, 'per t fresh/ha', [0.09, 0.29], T514, 'C2'),
  farmyard_manure: factor(0.21, 'per t fresh/ha', [0.15, 0.28], T514, 'C2'),
  green_manure: factor(0.45, 'per t fresh/ha', [0.36, 0.57], T514, 'C2'),
} as const satisfies Record<string, Factor>;
export type AmendmentType = keyof typeof CFOA_BY_AMENDMENT;

/** Exponent of Eq 5.3, SFo = (1 + Σ ROA × CFOA)^0.59. */
export const SFO_EXPONENT = factor(0.59, '1', [0.54, 0.64], 'IPCC 2019 Refinement Vol 4 Ch 5 Eq 5.3', 'C2');

/** Direct N2O emission factors, kg N2O-N per kg N applied (Table 11.1). */
export const EF1 = {
  aggregated: factor(0.01, 'kg N2O-N/kg N', [0.001, 0.018], `${T111} EF1 aggregated`, 'C2'),
  wet_synthetic: factor(0.016, 'kg N2O-N/kg N', [0.013, 0.019], `${T111} EF1 wet climate, synthetic N`, 'C2'),
  wet_other: factor(0.006, 'kg N2O-N/kg N', [0.001, 0.011], `${T111} EF1 wet climate, other N inputs`, 'C2'),
  dry: factor(0.005, 'kg N2O-N/kg N', [0, 0.011], `${T111} EF1 dry climate`, 'C2'),
} as const satisfies Record<string, Factor>;

export const EF1FR = {
  aggregated: factor(0.004, 'kg N2O-N/kg N', [0, 0.029], `${T111} EF1FR flooded rice, aggregated`, 'C2'),
  continuously_flooded: factor(0.003, 'kg N2O-N/kg N', [0, 0.01], `${T111} EF1FR continuous flooding`, 'C2'),
  drained: factor(0.005, 'kg N2O-N/kg N', [0, 0.016], `${T111} EF1FR single and multiple drainage (footnote 7)`, 'C2'),
} as const satisfies Record<string, Factor>;

/** Indirect N2O (Eq 11.9 volatilisation and Eq 11.10 leaching/runoff) with Table 11.3 fractions. */
export const EF4 = {
  wet: factor(0.014, 'kg N2O-N/kg NH3-N+NOx-N', [0.011, 0.017], `${T113} EF4 wet climate`, 'C1'),
  dry: factor(0.005, 'kg N2O-N/kg NH3-N+NOx-N', [0, 0.011], `${T113} EF4 dry climate`, 'C1'),
  aggregated: factor(0.01, 'kg N2O-N/kg NH3-N+NOx-N', null, `${T113} EF4 aggregated (2006 value; 2019 value unconfirmed)`, 'C1'),
} as const satisfies Record<string, Factor>;
export const EF5 = factor(0.011, 'kg N2O-N/kg N leached', [0, 0.02], `${T113} EF5`, 'C2');
export const FRAC_GASF = factor(0.11, 'kg N/kg N', [0.02, 0.33], `${T113} FracGASF aggregated`, 'C1');
export const FRAC_GASM = factor(0.21, 'kg N/kg N', [0, 0.31], `${T113} FracGASM`, 'C1');
export const FRAC_LEACH = factor(0.24, 'kg N/kg N', [0.01, 0.73], `${T113} FracLEACH-(H)`, 'C1');

/** Molecular weight ratios: N2O-N → N2O and CO2-C → CO2. */
export const N2O_PER_N2O_N = 44 / 28;
export const CO2_PER_CO2_C = 44 / 12;

/** CO2 from urea (Eq 11.13) and liming (Eq 11.12), t C per t of product. */
export const UREA_EF = factor(0.2, 't C/t urea', null, 'IPCC 2006/2019 Vol 4 Ch 11 §11.4 Eq 11.13', 'C2');
export const LIMESTONE_EF = factor(0.12, 't C/t CaCO3', null, 'IPCC 2006/2019 Vol 4 Ch 11 §11.3 Eq 11.12', 'C2');
export const DOLOMITE_EF = factor(0.13, 't C/t CaMg(CO3)2', null, 'IPCC 2006/2019 Vol 4 Ch 11 §11.3 Eq 11.12', 'C2');

/** Field burning of crop residues, IPCC 2006 Vol 4 Ch 2 Eq 2.27. */
export const COMBUSTION_FACTOR_RICE = factor(0.8, '1', null, 'IPCC 2006 Vol 4 Ch 2 Table 2.6 (rice residues)', 'C2');
export const GEF_CH4_RESIDUE = factor(2.7, 'g CH4/kg DM', [1.7, 3.7], 'IPCC 2006 Vol 4 Ch 2 Table 2.5 (agricultural residues)', 'C2');
export const GEF_N2O_RESIDUE = factor(0.07, 'g N2O/kg DM', null, 'IPCC 2006 Vol 4 Ch 2 Table 2.5 (agricultural residues)', 'C2');

/** 100-year GWPs. AR6 CH4 is the non-fossil value: rice soil and burning CH4 is biogenic (§5). */
export const GWP_SETS = {
  AR5: {
    ch4: factor(28, 'kg CO2e/kg CH4', null, 'IPCC AR5 WGI Ch 8 Table 8.A.1 (no climate-carbon feedback)', 'C2'),
    n2o: factor(265, 'kg CO2e/kg N2O', null, 'IPCC AR5 WGI Ch 8 Table 8.A.1', 'C2'),
  },
  AR6: {
    ch4: factor(27.0, 'kg CO2e/kg CH4', null, 'IPCC AR6 WGI Ch 7 Table 7.15 (CH4 non-fossil)', 'C2'),
    n2o: factor(273, 'kg CO2e/kg N2O', null, 'IPCC AR6 WGI Ch 7 Table 7.15', 'C2'),
  },
} as const;
export type GwpSet = keyof typeof GWP_SETS;

/**
 * VM0051 v1.1 QA3 (simplified subset, methodology.md §6.3 and §9 choice 10). One N2O factor for both
 * scenarios; the drainage effect on N2O enters only through PE_Red-Irri (Eq 25) with the fixed
 * CF_N2O = (0.005 − 0.003) × 44/28 as VM0051 prints it, 0.00314 kg N2O/kg N.
 */
export const CREDITING = {
  ef_n_soil: factor(0.004, 'kg N2O-N/kg N', [0, 0.029], `VM0051 v1.1 Eq 19-22 with ${T111} EF1FR aggregated`, 'C1'),
  cf_n2o_red_irri: factor(0.00314, 'kg N2O/kg N', null, 'VM0051 v1.1 Eq 25 CF_N2O', 'C1'),
  default_uncertainty: factor(0.15, '1', null, 'VM0051 v1.1 Eq 29, UNC for QA3 projects <= 60 000 t CO2e/yr', 'C1'),
} as const;
export const CREDITING_METHODOLOGY = 'VM0051 v1.1 QA3 (simplified subset)';

/** Every factor of the table with its stable id (`group.key`), in table order. */
function buildFactorIndex(): Array<[string, Factor]> {
  const groups: Record<string, Record<string, Factor>> = {
    efc: EFC_BY_REGION,
    cultivation_days_default: DEFAULT_CULTIVATION_DAYS,
    sfw: SFW_BY_REGIME,
    sfp: SFP_BY_PRE_SEASON,
    cfoa: CFOA_BY_AMENDMENT,
    ef1: EF1,
    ef1fr: EF1FR,
    ef4: EF4,
    gwp_ar5: GWP_SETS.AR5,
    gwp_ar6: GWP_SETS.AR6,
    crediting: CREDITING,
  };
  const index: Array<[string, Factor]> = [];
  for (const [group, table] of Object.entries(groups)) {
    for (const [key, f] of Object.entries(table)) index.push([`${group}.${key}`, f]);
  }
  const singles: Record<string, Factor> = {
    sfo_exponent: SFO_EXPONENT,
    ef5: EF5,
    frac_gasf: FRAC_GASF,
    frac_gasm: FRAC_GASM,
    frac_leach: FRAC_LEACH,
    urea_ef: UREA_EF,
    limestone_ef: LIMESTONE_EF,
    dolomite_ef: DOLOMITE_EF,
    combustion_factor_rice: COMBUSTION_FACTOR_RICE,
    gef_ch4_residue: GEF_CH4_RESIDUE,
    gef_n2o_residue: GEF_N2O_RESIDUE,
  };
  for (const [key, f] of Object.entries(singles)) index.push([key, f]);
  return index;
}

const FACTOR_INDEX = buildFactorIndex();

/** Everything above, flattened with stable ids, for explanation pages and stored runs. */
export function listFactors(): Array<{ id: string } & Factor> {
  return FACTOR_INDEX.map(([id, f]) => ({ id, ...f }));
}

export interface FactorCitation {
  readonly id: string;
  readonly value: number;
  readonly source: string;
}

const CITATION_BY_FACTOR = new Map<Factor, FactorCitation>(
  FACTOR_INDEX.map(([id, f]) => [f, Object.freeze({ id, value: f.value, source: f.source })]),
);

/** The stable id, value and source of a factor of this table, as results cite it. */
export function factorUse(f: Factor): FactorCitation {
  const citation = CITATION_BY_FACTOR.get(f);
  if (!citation) throw new Error(`factor ${f.value} ${f.unit} is not in the factor table`);
  return citation;
}
