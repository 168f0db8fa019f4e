/**
 * Throughput of the MRV methodology engine on one core, in plot-seasons per second.
 *
 *   node --import tsx bench/mrv-engine.bench.ts [N] [--runs=R] [--seed=S]
 *   npm run bench:mrv -- 200000
 *
 * N (default 1 000 000) varied, realistic single-season plot scenarios are generated from a seeded
 * PRNG (the same N and seed always give the same inputs), then four passes over them are timed:
 *
 *   (a) JSON.parse of all inputs serialised as one JSON array   — the cost of merely reading them;
 *   (b) a plain loop that reads every numeric field and sums it — the cost of touching them;
 *   (c) calculateScenario() on inputs validated beforehand      — the in-process engine;
 *   (d) calculate() on the raw documents                        — validation + engine, as the CLI/API call it.
 *
 * Each pass runs once untimed (warm-up: JIT tiers, inline caches), then R timed runs; the median is
 * reported. See bench/README.md for how to read the figures. This is a benchmark, not a test.
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  calculate,
  calculateScenario,
  readScenario,
  type AmendmentType,
  type NInput,
  type OrganicAmendment,
  type PreSeason,
  type ScenarioInput,
  type ScenarioOptions,
  type SeasonInput,
  type WaterRegime,
} from '@dongxanh/methodology';

// ---------------------------------------------------------------- arguments

interface Args {
  n: number;
  runs: number;
  seed: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { n: 1_000_000, runs: 3, seed: 20251123 };
  for (const arg of argv) {
    const flag = /^--(runs|seed)=(.+)$/.exec(arg);
    const value = Number((flag ? flag[2] : arg)?.replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`bad argument ${arg}: expected a positive integer (N, --runs=R or --seed=S)`);
    if (flag?.[1] === 'runs') args.runs = value;
    else if (flag?.[1] === 'seed') args.seed = value;
    else args.n = value;
  }
  return args;
}

// ---------------------------------------------------------------- deterministic inputs

/** mulberry32: a small, fast, seedable PRNG; uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const between = (rng: Rng, low: number, high: number, digits = 0) => round(low + rng() * (high - low), digits);

function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  let r = rng() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  const last = table[table.length - 1];
  if (!last) throw new Error('empty table');
  return last[0];
}

/** Mekong-like shares: continuous flooding still common, AWD and single drainage spreading. */
const WATER_REGIMES: ReadonlyArray<readonly [WaterRegime, number]> = [
  ['continuously_flooded', 35],
  ['awd', 22],
  ['single_drainage', 15],
  ['multiple_drainage', 5],
  ['regular_rainfed', 12],
  ['drought_prone', 4],
  ['deep_water', 2],
  ['upland', 5],
];
const PRE_SEASONS: ReadonlyArray<readonly [PreSeason, number]> = [
  ['non_flooded_lt_180d', 85],
  ['non_flooded_gt_180d', 8],
  ['flooded_gt_30d', 5],
  ['non_flooded_gt_365d', 2],
];
const OTHER_AMENDMENTS: ReadonlyArray<readonly [AmendmentType, number]> = [
  ['farmyard_manure', 5],
  ['compost', 3],
  ['green_manure', 2],
];
const SEASON_NAMES = ['winter_spring', 'summer_autumn', 'autumn_winter'] as const;
const OTHER_CROPS = ['coffee', 'vegetables', 'sugarcane', 'cassava', 'tea'] as const;
/** Vo et al. 2020 South Vietnam seasonal EFc (methodology.md §7.2), used as user-supplied EFc. */
const VO_2020_EFC = [1.72, 2.8, 3.58] as const;

function nInputs(rng: Rng, ureaKg: number): NInput[] {
  const inputs: NInput[] = [{ source: 'synthetic', product: 'urea', product_kg_per_ha: ureaKg, n_fraction: 0.46 }];
  if (rng() < 0.5) inputs.push({ source: 'synthetic', product: 'NPK 20-20-15', product_kg_per_ha: between(rng, 100, 200), n_fraction: 0.2 });
  if (rng() < 0.2) inputs.push({ source: 'synthetic', product: 'DAP', product_kg_per_ha: between(rng, 50, 100), n_fraction: 0.18 });
  if (rng() < 0.15) inputs.push({ source: 'organic', product: 'manure', kg_n_per_ha: between(rng, 10, 40, 1) });
  return inputs;
}

function riceSeason(rng: Rng): SeasonInput {
  const regime = weighted(rng, WATER_REGIMES);
  const ureaKg = between(rng, 150, 280);
  const season: SeasonInput = {
    name: SEASON_NAMES[Math.floor(rng() * SEASON_NAMES.length)] ?? 'season',
    crop: 'rice',
    cultivation_days: between(rng, 85, 125),
    water_regime: regime,
  };
  if (regime !== 'upland') season.pre_season = weighted(rng, PRE_SEASONS);
  const efc = rng();
  if (efc < 0.03) season.efc_kg_ch4_ha_day = VO_2020_EFC[Math.floor(rng() * VO_2020_EFC.length)] ?? 1.72;
  else if (efc < 0.33) season.efc_region = 'southeast_asia';
  const amendments: OrganicAmendment[] = [];
  if (rng() < 0.45) amendments.push({ type: rng() < 0.3 ? 'straw_lt30d' : 'straw_gt30d', t_per_ha: between(rng, 3, 6, 1), basis: 'dry' });
  if (rng() < 0.1) amendments.push({ type: weighted(rng, OTHER_AMENDMENTS), t_per_ha: between(rng, 2, 10, 1), basis: 'fresh' });
  if (amendments.length > 0) season.organic_amendments = amendments;
  season.n_inputs = nInputs(rng, ureaKg);
  season.urea_kg_per_ha = ureaKg;
  if (rng() < 0.25) season.residue_burning = { residue_dm_t_per_ha: between(rng, 4, 7, 1), burned_fraction: between(rng, 0.5, 1, 2) };
  if (rng() < 0.05) season.lime = { limestone_kg_per_ha: between(rng, 200, 500) };
  return season;
}

function otherCropSeason(rng: Rng): SeasonInput {
  const crop = OTHER_CROPS[Math.floor(rng() * OTHER_CROPS.length)] ?? 'coffee';
  const ureaKg = between(rng, 100, 400);
  const season: SeasonInput = { name: 'year', crop, n_inputs: nInputs(rng, ureaKg), urea_kg_per_ha: ureaKg };
  if (rng() < 0.3) season.lime = { limestone_kg_per_ha: between(rng, 200, 600), dolomite_kg_per_ha: between(rng, 0, 300) };
  if (crop === 'sugarcane' && rng() < 0.5) {
    season.residue_burning = { residue_dm_t_per_ha: between(rng, 6, 12, 1), burned_fraction: between(rng, 0.3, 1, 2), combustion_factor: 0.68 };
  }
  return season;
}

/** One plot-season: a single-season scenario document of the calculation contract. */
function plotSeason(rng: Rng): ScenarioInput {
  const isRice = rng() < 0.9;
  const input: ScenarioInput = { area_ha: round(0.2 + rng() ** 2 * 4.8, 2), seasons: [isRice ? riceSeason(rng) : otherCropSeason(rng)] };
  const gwp = rng();
  if (gwp < 0.2) input.gwp_set = 'AR6';
  else if (gwp < 0.6) input.gwp_set = 'AR5';
  if (isRice && rng() < 0.6) input.yield_kg_per_ha = between(rng, 5000, 7500, -1);
  const options: ScenarioOptions = {};
  if (rng() < 0.3) Object.assign(options, { include_indirect: true, ef4_mode: 'wet' });
  if (rng() < 0.05) options.ef1fr_mode = 'aggregated';
  if (!isRice) options.ef1_mode = 'wet';
  if (Object.keys(options).length > 0) input.options = options;
  return input;
}

// ---------------------------------------------------------------- the passes

/** (b) Every numeric field of the input read once, by plain property access. */
function sumNumericFields(input: ScenarioInput): number {
  let s = input.area_ha + (input.yield_kg_per_ha ?? 0);
  for (const season of input.seasons) {
    s += (season.cultivation_days ?? 0) + (season.efc_kg_ch4_ha_day ?? 0) + (season.sf_s_r ?? 0) + (season.urea_kg_per_ha ?? 0);
    if (season.organic_amendments) for (const a of season.organic_amendments) s += a.t_per_ha;
    if (season.n_inputs) for (const n of season.n_inputs) s += 'kg_n_per_ha' in n ? n.kg_n_per_ha : n.product_kg_per_ha + n.n_fraction;
    if (season.lime) s += (season.lime.limestone_kg_per_ha ?? 0) + (season.lime.dolomite_kg_per_ha ?? 0);
    const rb = season.residue_burning;
    if (rb) s += rb.residue_dm_t_per_ha + rb.burned_fraction + (rb.combustion_factor ?? 0);
  }
  return s;
}

const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') return () => void gc();
  } catch {
    // Not available: the passes are then measured with whatever garbage the previous pass left.
  }
  return () => undefined;
})();

interface Pass {
  label: string;
  /** Runs the whole pass once; returns a checksum so that the work cannot be optimised away. */
  run: () => number;
}

interface Measured {
  label: string;
  seconds: number[];
  rate: number;
}

let checksum = 0;

function measure(pass: Pass, n: number, runs: number): Measured {
  collectGarbage();
  checksum += pass.run(); // warm-up pass, untimed
  const seconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const t0 = performance.now();
    checksum += pass.run();
    seconds.push((performance.now() - t0) / 1000);
  }
  const sorted = [...seconds].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const measured = { label: pass.label, seconds, rate: n / median };
  report(measured, n);
  return measured;
}

// ---------------------------------------------------------------- output

const fmtRate = (r: number) => Math.round(r).toLocaleString('en-US');
const fmtNs = (perSecond: number) => `${(1e9 / perSecond).toFixed(0)} ns`;

function report(m: Measured, n: number): void {
  const runs = m.seconds.map((s) => s.toFixed(3)).join(' / ');
  console.log(`${m.label.padEnd(46)} ${fmtRate(m.rate).padStart(13)} plot-seasons/s  ${fmtNs(m.rate).padStart(8)} each  (runs ${runs} s for ${n.toLocaleString('en-US')})`);
}

function main(): void {
  const { n, runs, seed } = parseArgs(process.argv.slice(2));
  console.log(`MRV engine benchmark: ${n.toLocaleString('en-US')} plot-seasons, seed ${seed}, ${runs} timed run(s) after one warm-up, node ${process.version}`);

  let t0 = performance.now();
  const rng = mulberry32(seed);
  const inputs: ScenarioInput[] = new Array<ScenarioInput>(n);
  for (let i = 0; i < n; i++) inputs[i] = plotSeason(rng);
  let text: string | undefined = JSON.stringify(inputs);
  const regimes = new Map<string, number>();
  for (const input of inputs) {
    const key = input.seasons[0]?.water_regime ?? input.seasons[0]?.crop ?? '?';
    regimes.set(key, (regimes.get(key) ?? 0) + 1);
  }
  const mix = [...regimes].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k} ${((100 * c) / n).toFixed(1)} %`);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; JSON ${(text.length / 1e6).toFixed(0)} MB (${(text.length / n).toFixed(0)} B per plot-season)`);
  console.log(`mix: ${mix.join(', ')}\n`);

  const json = measure(
    {
      label: '(a) JSON.parse of one JSON array',
      run: () => {
        const parsed: unknown = JSON.parse(text ?? '[]');
        return Array.isArray(parsed) ? parsed.length : 0;
      },
    },
    n,
    runs,
  );
  text = undefined;

  const plain = measure(
    {
      label: '(b) plain loop summing every numeric field',
      run: () => {
        let s = 0;
        for (const input of inputs) s += sumNumericFields(input);
        return s;
      },
    },
    n,
    runs,
  );

  // (d) before (c): the raw documents can then be dropped, so that (c) runs with only its own inputs
  // on the heap instead of two copies of a million documents (major GCs walk everything live).
  const full = measure(
    {
      label: '(d) calculate (validation + engine)',
      run: () => {
        let s = 0;
        for (const input of inputs) {
          const result = calculate(input);
          if (result.kind === 'scenario') s += result.co2e_total_t;
        }
        return s;
      },
    },
    n,
    runs,
  );

  t0 = performance.now();
  const validated = inputs.map((input) => readScenario(input));
  console.log(`    (preparing (c): validated all inputs once with readScenario in ${((performance.now() - t0) / 1000).toFixed(2)} s, untimed)`);
  inputs.length = 0;
  const engine = measure(
    {
      label: '(c) calculateScenario on validated inputs',
      run: () => {
        let s = 0;
        for (const input of validated) s += calculateScenario(input).co2e_total_t;
        return s;
      },
    },
    n,
    runs,
  );

  console.log('');
  console.log(`engine (c) / JSON.parse (a):   ${(engine.rate / json.rate).toFixed(2)} × (above 1: the engine is faster than parsing its input)`);
  console.log(`engine (c) / plain loop (b):   ${(engine.rate / plain.rate).toFixed(3)} × (the engine's cost over merely touching the fields: ${(plain.rate / engine.rate).toFixed(0)} ×)`);
  console.log(`full (d) / engine (c):         ${(full.rate / engine.rate).toFixed(2)} × (share of time in the engine when validation is included)`);
  console.log(`engine target 1,000,000 plot-seasons/s: ${engine.rate >= 1e6 ? 'met' : 'NOT met'} (${fmtRate(engine.rate)})`);
  console.log(`checksum ${checksum.toExponential(6)}`);
}

main();
