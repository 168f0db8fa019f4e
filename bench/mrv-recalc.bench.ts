/**
 * Recalculating stored MRV runs in PostgreSQL, in plot-seasons per second, against two limits:
 * the engine's in-process speed on the same documents, and raw COPY of the same result rows.
 *
 *   node --import tsx bench/mrv-recalc.bench.ts [N] [--batch=B] [--keep]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/mrv-recalc.bench.ts 1000000
 *
 * Setup (untimed apart from the COPY): a fresh database on the server (migrated, 2025 units), N plots
 * and N seasons (one Đông Xuân 2026 rice season per plot, province 92, commune 31258) made in SQL,
 * and N current runs whose input snapshots are crediting documents of the calculation contract
 * generated from a seeded PRNG (baseline: continuous flooding + straw incorporated < 30 d; project:
 * AWD, single drainage or continuous flooding with varied straw, N, areas and season lengths).
 * Snapshots are stored directly: generating diaries for a million seasons (≈ 36 million activities)
 * would measure the diary, not the recalculation. What is timed:
 *
 *   (a) engine   — computeRun() (validation + crediting calculation + input hash) on the N documents
 *                  in memory, one core: the in-process ceiling;
 *   (b) COPY     — COPY of the N result rows (snapshot, result, headline numbers) into mrv_runs:
 *                  the server's floor for writing exactly what a recalculation writes (this load
 *                  is also the "before" state);
 *   (c) recalc   — the production job (modules/mrv-runs/recalculation.ts, source 'snapshots', the
 *                  factor-update path): read each current run's snapshot in season-id batches,
 *                  compute, insert the new runs with the job's checkpoint in one transaction per
 *                  batch, then flip the whole province's current runs in one transaction.
 *
 * Reported: plot-seasons/s of each, recalc/engine and recalc/COPY ratios, and how the recalc's time
 * splits into reading, computing, writing and the final flip. A benchmark, not a test.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CreditingInput, SeasonInput } from '@dongxanh/methodology';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrator.ts';
import { computeRun, createRecalculations, type RunsService } from '../apps/server/src/modules/mrv-runs/index.ts';
import { loadAdminUnits } from '../apps/server/src/modules/registry/admin-units.loader.ts';
import { defaultReferenceDataDir } from '../apps/server/src/reference-data.ts';
import { systemClock } from '../apps/server/src/shared/clock.ts';

// ---------------------------------------------------------------- arguments

const argv = process.argv.slice(2);
const N = Number((argv.find((a) => /^\d[\d_]*$/.test(a)) ?? '1000000').replaceAll('_', ''));
const BATCH = Number(/^--batch=(\d+)$/.exec(argv.find((a) => a.startsWith('--batch=')) ?? '')?.[1] ?? 2000);
const KEEP = argv.includes('--keep');
const SERVER = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'dx_bench_mrv_recalc';
const PROVINCE = '92';
const COMMUNE = '31258';

const log = (m: string) => console.log(m);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (count: number, ms: number) => `${fmt(count / (ms / 1000))} plot-seasons/s`;
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

// ---------------------------------------------------------------- inputs

/** mulberry32: the same seed gives the same documents on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The id a plot or season number i gets, the same in SQL (md5(text)::uuid) and here. */
function md5Uuid(text: string) {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function documentFor(i: number, random: () => number): CreditingInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const area = Math.round((0.2 + random() * 2.8) * 10_000) / 10_000;
  const days = 90 + Math.floor(random() * 31);
  const straw = Math.round((4 + random() * 3) * 10) / 10;
  const urea = 80 + Math.floor(random() * 120);
  const n = [
    { source: 'synthetic' as const, product: 'urea', product_kg_per_ha: urea, n_fraction: 0.46 },
    { source: 'synthetic' as const, product: 'npk_20_20_15', product_kg_per_ha: 50 + Math.floor(random() * 150), n_fraction: 0.2 },
  ];
  const common: SeasonInput = { crop: 'rice', efc_region: 'southeast_asia', cultivation_days: days, pre_season: pick(['non_flooded_lt_180d', 'non_flooded_lt_180d', 'flooded_gt_30d'] as const), n_inputs: n, urea_kg_per_ha: urea };
  const projectStraw = pick(['incorporated', 'removed', 'removed', 'burnt'] as const);
  const project: SeasonInput = { ...common, name: `dong_xuan 2026 #${i}`, water_regime: pick(['multiple_drainage', 'multiple_drainage', 'single_drainage', 'continuously_flooded'] as const) };
  if (projectStraw === 'incorporated') project.organic_amendments = [{ type: 'straw_lt30d', t_per_ha: straw, basis: 'dry' }];
  if (projectStraw === 'burnt') project.residue_burning = { residue_dm_t_per_ha: straw, burned_fraction: 0.8 };
  const baseline: SeasonInput = { ...common, name: `dong_xuan 2026 #${i} (baseline)`, water_regime: 'continuously_flooded', organic_amendments: [{ type: 'straw_lt30d', t_per_ha: straw, basis: 'dry' }] };
  const scenario = (s: SeasonInput) => ({ area_ha: area, gwp_set: 'AR5' as const, yield_kg_per_ha: 5500 + Math.floor(random() * 2000), seasons: [s] });
  return { baseline: scenario(baseline), project: scenario(project), crediting: { methodology: 'VM0051 v1.1 QA3 (simplified subset)', gwp_set: 'AR5' } };
}

// ---------------------------------------------------------------- COPY (CSV: JSON text needs only its quotes doubled)

const csv = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
const RUN_COLUMNS = [
  'season_id', 'plot_id', 'province_code', 'commune_code', 'organisation_id', 'household_id', 'project_id', 'kind', 'input_snapshot', 'input_hash', 'method_version',
  'factor_table_version', 'result', 'area_ha', 'co2e_total_t', 'baseline_co2e_t', 'reduction_tco2e', 'reduction_tco2e_per_ha', 'net_er_tco2e', 'job_id', 'is_current', 'created_by',
];

async function main() {
  log(`mrv-recalc bench: N = ${fmt(N)} plot-seasons, batch ${fmt(BATCH)}, PostgreSQL ${SERVER.replace(/\/\/[^@]*@/, '//…@')}`);
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  const url = (() => { const u = new URL(SERVER); u.pathname = `/${DB_NAME}`; return u.toString(); })();
  const handle = await openPostgres(url, 4);
  const { db } = handle;
  try {
    await migrateToLatest(db);
    await loadAdminUnits(db, defaultReferenceDataDir);
    const server = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v;

    // ------------------------------------------------------------ plots and seasons (SQL, untimed)
    let t = performance.now();
    await sql`
      insert into plots (id, code, name, province_code, commune_code, land_use, boundary, area_ha)
      select md5('bench-plot-' || i)::uuid, 'BENCH-' || i, 'Thửa bench ' || i, ${PROVINCE}, ${COMMUNE}, 'rice',
             ST_Multi(ST_MakeEnvelope(105.0 + (i % 2000) * 0.0005, 9.5 + (i / 2000) * 0.0005, 105.0 + (i % 2000) * 0.0005 + 0.0004, 9.5 + (i / 2000) * 0.0005 + 0.0004, 4326)), 1
      from generate_series(1, ${N}) as i`.execute(db);
    await sql`
      insert into seasons (id, plot_id, province_code, commune_code, crop_code, season_name, year, planned_start_on, planned_end_on, area_ha, status, created_by)
      select md5('bench-season-' || i)::uuid, md5('bench-plot-' || i)::uuid, ${PROVINCE}, ${COMMUNE}, 'rice', 'dong_xuan', 2026, date '2025-11-20', date '2026-03-01', 1, 'harvested', md5('bench-user')::uuid
      from generate_series(1, ${N}) as i`.execute(db);
    log(`setup: ${fmt(N)} plots and seasons in ${fmt((performance.now() - t) / 1000, 1)} s`);

    // ------------------------------------------------------------ (a) engine and (b) COPY, chunk by chunk
    // A million results do not fit in memory at once (≈ 6 KB of JSON each), so documents are made,
    // computed (timed: a) and written to one COPY stream (timed: b, until the server has taken the
    // chunk) CHUNK at a time; neither timer includes making the documents or the CSV text.
    const CHUNK = 10_000;
    const random = prng(20261123);
    for (let i = 0; i < Math.min(N, 5_000); i++) computeRun('crediting', documentFor(i, prng(i))); // warm-up
    const copyClient = new pg.Client({ connectionString: url });
    await copyClient.connect();
    const stream = copyClient.query(copyFrom(`copy mrv_runs (${RUN_COLUMNS.join(', ')}) from stdin with (format csv)`));
    let engineMs = 0;
    let copyMs = 0;
    let bytes = 0;
    let checksum = 0;
    for (let from = 0; from < N; from += CHUNK) {
      const count = Math.min(CHUNK, N - from);
      const documents = Array.from({ length: count }, (_, k) => documentFor(from + k + 1, random));
      t = performance.now();
      const computed = documents.map((d) => computeRun('crediting', d));
      engineMs += performance.now() - t;
      const lines = computed.map((c, k) => {
        const i = from + k;
        const area = documents[k]!.project.area_ha;
        checksum += c.netErTco2e ?? 0;
        return [
          md5Uuid(`bench-season-${i + 1}`), md5Uuid(`bench-plot-${i + 1}`), PROVINCE, COMMUNE, null, null, null, 'crediting', JSON.stringify(c.snapshot), c.inputHash, c.methodVersion,
          c.factorTableVersion, JSON.stringify(c.result), area, c.co2eTotalT, c.baselineCo2eT, c.reductionTco2e, c.reductionTco2e === null ? null : c.reductionTco2e / area, c.netErTco2e, null, 'true', null,
        ].map(csv).join(',') + '\n';
      });
      t = performance.now();
      for (const line of lines) {
        bytes += line.length;
        if (!stream.write(line)) await once(stream, 'drain');
      }
      copyMs += performance.now() - t;
    }
    t = performance.now();
    stream.end();
    await once(stream, 'finish');
    copyMs += performance.now() - t;
    await copyClient.end();
    log(`(a) engine  : ${rate(N, engineMs)}  (${fmt(engineMs / 1000, 1)} s on one core; computeRun = validation + crediting calculation + sha256 of the canonical input; Σ net ER ${fmt(checksum, 1)} t)`);
    log(`(b) COPY    : ${rate(N, copyMs)}  (${fmt(copyMs / 1000, 1)} s, ${mb(bytes)} of CSV: snapshot + result JSON ≈ ${fmt(bytes / N)} B per run)`);
    await sql`analyze mrv_runs`.execute(db);

    // ------------------------------------------------------------ (c) the production recalculation job
    const unusedRuns: Pick<RunsService, 'prepare'> = { prepare: () => Promise.reject(new Error('the snapshots source reads no diary')) };
    const recalc = createRecalculations({ db, clock: systemClock(), runs: unusedRuns, batchSize: BATCH, log: (m, e) => console.error(m, e) });
    const job = await recalc.createJob(null, 'cli', { provinceCode: PROVINCE, source: 'snapshots' });
    let lastBatchAt = 0;
    let reported = 0;
    t = performance.now();
    const done = await recalc.runJob(job.id, {
      onProgress: (p) => {
        if (p.status === 'running') lastBatchAt = performance.now();
        if (p.processed - reported >= N / 10) {
          reported = p.processed;
          log(`    … ${fmt(p.processed)} / ${fmt(p.total ?? 0)} (${p.percent} %), ${rate(p.processed, performance.now() - t)}`);
        }
      },
    });
    const recalcMs = performance.now() - t;
    const flipMs = performance.now() - (lastBatchAt || t);
    if (done.status !== 'succeeded' || done.computed !== N) throw new Error(`recalculation ended ${done.status} with ${done.computed} runs`);
    const current = Number((await sql<{ n: number }>`select count(*) as n from mrv_runs where province_code = ${PROVINCE} and is_current and job_id = ${job.id}`.execute(db)).rows[0]!.n);
    if (current !== N) throw new Error(`expected ${N} current runs from the job, found ${current}`);
    log(`(c) recalc  : ${rate(N, recalcMs)}  (${fmt(recalcMs / 1000, 1)} s, of which the final all-at-once flip ${fmt(flipMs / 1000, 1)} s; ${fmt(N / BATCH)} batches of ${fmt(BATCH)})`);

    // ------------------------------------------------------------ summary
    const size = (await sql<{ s: string }>`select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as s from pg_class c where c.relname like 'mrv_runs_p%'`.execute(db)).rows[0]!.s;
    log('');
    log(`PostgreSQL ${server}, ${fmt(N)} plot-seasons, mrv_runs now ${size} (two runs per season)`);
    log(`recalc / engine : ${fmt(engineMs / recalcMs, 3)}  (the job reaches ${fmt((100 * engineMs) / recalcMs, 1)} % of the in-process engine's speed)`);
    log(`recalc / COPY   : ${fmt(copyMs / recalcMs, 3)}  (writing the same rows by raw COPY alone is ${fmt(recalcMs / copyMs, 2)} × faster than the whole job)`);
  } finally {
    await handle.close();
    if (!KEEP) await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
