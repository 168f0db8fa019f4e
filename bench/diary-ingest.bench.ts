/**
 * Bulk ingestion of farming-diary activities into PostgreSQL, against the physical limit of the same
 * machine (a raw COPY of the same rows).
 *
 *   node --import tsx bench/diary-ingest.bench.ts [N] [--api=M] [--batch=B] [--concurrency=C] [--keep]
 *   DATABASE_URL=postgres://user@host:5432/postgres node --import tsx bench/diary-ingest.bench.ts 1000000
 *
 * It creates its own database on the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * migrates it, loads the 2025 administrative units, and a demo-like set: four Mekong provinces (Cần Thơ,
 * An Giang, Đồng Tháp, Vĩnh Long) with one cooperative each, N/25 rice plots and one Đông Xuân
 * 2025–2026 season per plot. It generates N activities, 25 per season, as a cooperative's diary has
 * them (straw, land preparation, sowing, five fertiliser applications, eleven AWD tube readings, three
 * irrigations, the final drainage, harvest, a combine operation), and times:
 *
 *   (a)  raw COPY      — the final rows (ids, hashes and resolved seasons included) streamed with COPY
 *                        FROM STDIN into a bare table with the activities' columns: no partition, no
 *                        index, no constraint. The floor for getting these rows into the database.
 *   (a2) COPY to table — the same COPY into the real, partitioned activities table with its primary
 *                        key, idempotency key, season index and foreign key: what the table itself costs.
 *   (b)  CLI import    — `dongxanh import activities --file F.csv --as LOGIN` in a child process, on the
 *                        CSV a cooperative would hand in: every row parsed, validated by type, its season
 *                        resolved in the operator's scope, checked (dates, catalogue, banned pesticides),
 *                        hashed for idempotency and written, all in one transaction, then the seasons'
 *                        status and compliance flags refreshed. Reported by wall clock (process start to
 *                        exit) and by the import's own time.
 *   (c)  HTTP API      — `dongxanh serve` in a child process; this process is the client on loopback,
 *                        sending POST /api/v1/sync flushes of B createActivity mutations (C requests in
 *                        flight) as a cooperative recorder: M activities (default 200 000), extrapolated
 *                        to N and stated as such. Also the server's raw request rate (a 404 answer).
 *
 * The database and the CSV are removed at the end unless --keep. This is a benchmark, not a test; see
 * bench/README.md for how to read it and the figures measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrator.ts';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';
import { addDays } from '../apps/server/src/modules/diary/calendar.ts';
import { payloadHash } from '../apps/server/src/modules/diary/ids.ts';
import { loadAdminUnits } from '../apps/server/src/modules/registry/admin-units.loader.ts';
import { defaultReferenceDataDir } from '../apps/server/src/reference-data.ts';

const PER_SEASON = 25;
const PASSWORD = 'bench-password-2026';
const PROVINCES = [
  { code: '92', name: 'Cần Thơ', lon: 105.56, lat: 10.06 },
  { code: '91', name: 'An Giang', lon: 105.12, lat: 10.38 },
  { code: '82', name: 'Đồng Tháp', lon: 105.64, lat: 10.46 },
  { code: '86', name: 'Vĩnh Long', lon: 105.97, lat: 10.25 },
];
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'apps/server/bin/dongxanh.js');

function parseArgs(argv: readonly string[]) {
  const args = { n: 1_000_000, api: 200_000, batch: 500, concurrency: 2, keep: false };
  for (const arg of argv) {
    if (arg === '--keep') { args.keep = true; continue; }
    const flag = /^--(api|batch|concurrency)=(\d[\d_]*)$/.exec(arg);
    const value = Number((flag?.[2] ?? arg).replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`bad argument ${arg}: expected N, --api=M, --batch=B, --concurrency=C or --keep`);
    if (flag) args[flag[1] as 'api' | 'batch' | 'concurrency'] = value;
    else args.n = value;
  }
  return args;
}

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = (name: string) => {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
const log = (m: string) => console.error(`[bench] ${m}`);

/** A deterministic, valid (version-4-shaped) UUID for the i-th generated record of a series. */
const seqUuid = (series: number, i: number) => `${series.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

interface Season { id: string; plotCode: string; provinceCode: string; sowingOn: string }
interface Activity { clientId: string; type: string; occurredOn: string; details: Record<string, unknown> }

/** The 25 activities of one season (days after sowing), varied a little by the season's index. */
function seasonDiary(season: Season, index: number, series: number, first: number): Activity[] {
  const v = index % 7;
  const on = (day: number) => addDays(season.sowingOn, day);
  const plan: Array<[number, string, Record<string, unknown>]> = [
    [-12, 'straw', { residueOf: 'previous_crop', dryMatterTPerHa: 4.5 + v * 0.2, burntFraction: 0, incorporatedFraction: v % 2 ? 1 : 0.3, removedFraction: v % 2 ? 0 : 0.7, leftOnSurfaceFraction: 0 }],
    [-8, 'land_preparation', { operation: 'rotavating', mechanised: true }],
    [0, 'sowing', { method: 'direct_seeding_drum', seedRateKgPerHa: 80 + v * 3, variety: 'OM5451', seedSource: 'certified' }],
    [7, 'irrigation', { waterDepthCm: 3, source: 'canal' }],
    [9, 'fertiliser', { productCode: 'dap', amount: 90 + v, amountUnit: 'kg_per_ha' }],
    [9, 'fertiliser', { productCode: 'urea', amount: 45, amountUnit: 'kg_per_ha' }],
    [20, 'fertiliser', { productCode: 'npk_20_20_15', amount: 100, amountUnit: 'kg_per_ha' }],
    [20, 'fertiliser', { productCode: 'urea', amount: 50 + v, amountUnit: 'kg_per_ha' }],
    [42, 'fertiliser', { productCode: 'npk_16_16_8', amount: 130, amountUnit: 'kg_per_ha' }],
    [16, 'water_level', { tubeId: 'ONG-1', levelCm: 4 }],
    [19, 'water_level', { tubeId: 'ONG-1', levelCm: -5 }],
    [22, 'water_level', { tubeId: 'ONG-1', levelCm: -11 }],
    [24, 'water_level', { tubeId: 'ONG-1', levelCm: -16 - (v % 3) }],
    [24, 'irrigation', { waterDepthCm: 5, source: 'pump' }],
    [29, 'water_level', { tubeId: 'ONG-1', levelCm: 5 }],
    [32, 'water_level', { tubeId: 'ONG-1', levelCm: -6 }],
    [35, 'water_level', { tubeId: 'ONG-1', levelCm: -12 }],
    [37, 'water_level', { tubeId: 'ONG-1', levelCm: -17 }],
    [37, 'irrigation', { waterDepthCm: 5, source: 'pump' }],
    [50, 'water_level', { tubeId: 'ONG-1', levelCm: 5 }],
    [60, 'water_level', { tubeId: 'ONG-1', levelCm: 4 }],
    [88, 'drainage', { purpose: 'end_of_season' }],
    [92, 'water_level', { tubeId: 'ONG-1', levelCm: -10 }],
    [100, 'harvest', { yieldKgPerHa: 6200 + v * 100, moisturePct: 23, method: 'combine', lotCode: `L-${season.plotCode}` }],
    [100, 'mechanised_operation', { operation: 'harvesting', machine: 'Kubota DC-70', fuelLitres: 24 }],
  ];
  return plan.map(([day, type, details], k) => ({ clientId: seqUuid(series, first + k), type, occurredOn: on(day), details }));
}

const csvQuote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** COPY text format: backslash, tab and newline escaped; JSON never holds raw tabs or newlines. */
const copyText = (s: string) => s.replace(/\\/g, '\\\\');

async function copyRows(client: pg.Client, table: string, chunks: readonly string[]) {
  const stream = client.query(copyFrom(`copy ${table} (client_id, payload_hash, season_id, province_code, type, occurred_on, details, recorded_by, recorded_on_behalf) from stdin`));
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
  stream.end();
  await once(stream, 'finish');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [cli, 'serve'], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      const m = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (m) {
        child.stdout!.off('data', onData);
        resolve({ child, base: m[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (output += d));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const seasonCount = Math.ceil(args.n / PER_SEASON);
  const name = `dx_bench_diary_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = databaseUrl(name);
  const csvPath = join(tmpdir(), `dx-bench-diary-${process.pid}.csv`);
  const handle = await openPostgres(url, 4);
  const db = handle.db;
  let server: ChildProcess | null = null;
  try {
    log(`database ${name}: migrating, loading administrative units`);
    await migrateToLatest(db);
    await loadAdminUnits(db, defaultReferenceDataDir);
    const passwordHash = await hashPassword(PASSWORD);
    const adminUser = await db.insertInto('users').values({ displayName: 'Bench admin', email: 'bench-admin@dongxanh.vn', phone: null, passwordHash, role: 'admin', organisationId: null, householdId: null, adminUnitCode: null, createdBy: null }).returning('id').executeTakeFirstOrThrow();

    // ------------------------------------------------------------ plots and seasons, set-wise
    log(`${fmt(seasonCount)} plots and seasons in ${PROVINCES.length} provinces`);
    const perProvince = Math.ceil(seasonCount / PROVINCES.length);
    let recorderId = '';
    for (const [p, province] of PROVINCES.entries()) {
      const count = Math.min(perProvince, seasonCount - p * perProvince);
      if (count <= 0) break;
      const commune = await db.selectFrom('adminUnits').select('code').where('parentCode', '=', province.code).orderBy('code').executeTakeFirstOrThrow();
      const org = await db.insertInto('organisations').values({ name: `HTX bench ${province.name}`, kind: 'cooperative', provinceCode: province.code, communeCode: commune.code, taxCode: null, gln: null, createdBy: null }).returning('id').executeTakeFirstOrThrow();
      if (p === 0) {
        recorderId = (await db.insertInto('users').values({ displayName: 'Bench recorder', email: 'bench-recorder@dongxanh.vn', phone: null, passwordHash, role: 'coop_recorder', organisationId: org.id, householdId: null, adminUnitCode: null, createdBy: null }).returning('id').executeTakeFirstOrThrow()).id;
      }
      // 50 m × 40 m rectangles on a grid of 200 columns, 5 m apart.
      await sql`
        insert into plots (code, name, organisation_id, province_code, commune_code, land_use, boundary, area_ha, created_by)
        select 'B' || ${province.code} || '-' || lpad(g::text, 7, '0'), 'Thửa ' || g, ${org.id}, ${province.code}, ${commune.code}, 'rice', env, ST_Area(env::geography) / 10000, ${adminUser.id}
        from (
          select g, ST_Multi(ST_MakeEnvelope(x, y, x + 0.00046, y + 0.00036, 4326)) as env
          from (select g, ${province.lon}::float8 + (g % 200) * 0.00051 as x, ${province.lat}::float8 + (g / 200) * 0.00041 as y from generate_series(1, ${count}::int) g) s
        ) e`.execute(db);
      await sql`
        insert into seasons (plot_id, province_code, commune_code, organisation_id, crop_code, variety, season_name, year, planned_start_on, planned_end_on, area_ha, standard, expected_yield_kg_per_ha, expected_market, created_by)
        select id, province_code, commune_code, organisation_id, 'rice', 'OM5451', 'dong_xuan', 2026, date '2025-11-10' + (substr(code, 5)::int % 15), date '2025-11-10' + (substr(code, 5)::int % 15) + 110,
               area_ha, 'low_emission_rice', 6500, 'Nhà máy xay xát', ${adminUser.id}
        from plots where province_code = ${province.code}`.execute(db);
    }
    await sql`analyze`.execute(db);
    const seasons: Season[] = (await sql<{ id: string; code: string; provinceCode: string; plannedStartOn: string }>`
      select s.id, p.code, s.province_code, s.planned_start_on from seasons s join plots p on p.id = s.plot_id order by p.province_code, p.code`.execute(db)).rows
      .map((r) => ({ id: r.id, plotCode: r.code, provinceCode: r.provinceCode, sowingOn: addDays(r.plannedStartOn, 10) }));

    // ------------------------------------------------------------ the N activities: CSV file and COPY rows
    log(`generating ${fmt(args.n)} activities (CSV for the import, COPY rows for the floor)`);
    const csv = createWriteStream(csvPath);
    csv.write('client_id,plot_code,season_year,season_name,type,occurred_on,details_json\n');
    const copyChunks: string[] = [];
    let copyChunk = '';
    let generated = 0;
    for (const [index, season] of seasons.entries()) {
      if (generated >= args.n) break;
      let lines = '';
      for (const a of seasonDiary(season, index, 1, generated)) {
        if (generated >= args.n) break;
        const json = JSON.stringify(a.details);
        lines += `${a.clientId},${season.plotCode},2026,dong_xuan,${a.type},${a.occurredOn},${csvQuote(json)}\n`;
        const hash = payloadHash({ seasonId: season.id, type: a.type, occurredOn: a.occurredOn, details: a.details });
        copyChunk += `${a.clientId}\t${hash}\t${season.id}\t${season.provinceCode}\t${a.type}\t${a.occurredOn}\t${copyText(json)}\t${adminUser.id}\tt\n`;
        generated++;
      }
      if (!csv.write(lines)) await once(csv, 'drain');
      if (copyChunk.length > 1 << 20) { copyChunks.push(copyChunk); copyChunk = ''; }
    }
    if (copyChunk) copyChunks.push(copyChunk);
    csv.end();
    await once(csv, 'finish');

    const copyClient = new pg.Client({ connectionString: url });
    await copyClient.connect();
    // ------------------------------------------------------------ (a) raw COPY into a bare table
    await copyClient.query('create table bench_activities_bare (like activities including defaults)');
    log('(a) raw COPY into a bare table');
    let t0 = performance.now();
    await copyRows(copyClient, 'bench_activities_bare', copyChunks);
    const copySeconds = (performance.now() - t0) / 1000;
    // ------------------------------------------------------------ (a2) COPY into the real table
    log('(a2) COPY into the partitioned activities table with its keys and indexes');
    t0 = performance.now();
    await copyRows(copyClient, 'activities', copyChunks);
    const copyTableSeconds = (performance.now() - t0) / 1000;
    await copyClient.query('truncate activities cascade');
    await copyClient.query('drop table bench_activities_bare');
    await copyClient.query('checkpoint');
    await copyClient.end();
    copyChunks.length = 0;

    // ------------------------------------------------------------ (b) the CLI import in its own process
    log('(b) dongxanh import activities (child process)');
    const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    t0 = performance.now();
    const imported = await run(process.execPath, [cli, 'import', 'activities', '--file', csvPath, '--as', 'bench-admin@dongxanh.vn'], env);
    const cliWallSeconds = (performance.now() - t0) / 1000;
    if (imported.code !== 0) throw new Error(`import failed (${imported.code}):\n${imported.stderr}\n${imported.stdout}`);
    const cliOwn = /imported (\d+) activities .* in ([\d.]+) s/.exec(imported.stdout);
    const cliImported = Number(cliOwn?.[1] ?? 0);
    const cliOwnSeconds = Number(cliOwn?.[2] ?? cliWallSeconds);
    log(imported.stdout.trim());
    const stored = (await sql<{ n: number }>`select count(*)::int as n from activities`.execute(db)).rows[0]!.n;
    if (stored !== args.n || cliImported !== args.n) throw new Error(`expected ${args.n} stored activities, found ${stored} (import said ${cliImported})`);

    // ------------------------------------------------------------ (c) the HTTP API from this process
    log('(c) dongxanh serve (child process); this process posts /sync batches on loopback');
    const started = await startServer({ ...env, HOST: '127.0.0.1', PORT: '0' });
    server = started.child;
    const base = started.base;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench-recorder@dongxanh.vn', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);
    const own = seasons.filter((s) => s.provinceCode === PROVINCES[0]!.code);
    const bodies: string[] = [];
    let mutations: object[] = [];
    let apiCount = 0;
    for (const [index, season] of own.entries()) {
      if (apiCount >= args.api) break;
      for (const a of seasonDiary(season, index, 2, apiCount)) {
        if (apiCount >= args.api) break;
        mutations.push({ clientId: a.clientId, kind: 'createActivity', seasonId: season.id, payload: { type: a.type, occurredOn: a.occurredOn, details: a.details } });
        apiCount++;
        if (mutations.length === args.batch) { bodies.push(JSON.stringify({ mutations })); mutations = []; }
      }
    }
    if (mutations.length) bodies.push(JSON.stringify({ mutations }));
    const post = async (body: string) => {
      const res = await fetch(`${base}/api/v1/sync`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      const json = (await res.json()) as { results?: Array<{ status: string; error?: unknown }> };
      const bad = json.results?.find((r) => r.status !== 'applied');
      if (res.status !== 200 || bad) throw new Error(`sync failed: ${res.status} ${JSON.stringify(bad ?? json).slice(0, 500)}`);
    };
    await post(bodies.shift()!); // warm-up (JIT, connections), not timed
    const warmed = Math.min(args.batch, apiCount);
    let next = 0;
    t0 = performance.now();
    await Promise.all(Array.from({ length: args.concurrency }, async () => {
      while (next < bodies.length) await post(bodies[next++]!);
    }));
    const apiSeconds = (performance.now() - t0) / 1000;
    const apiTimed = apiCount - warmed;
    // Raw request rate of the same server, no database involved: an unknown API route answered with
    // a problem+json 404 by Fastify, for 3 s at the same concurrency.
    let healthCount = 0;
    const healthStart = performance.now();
    await Promise.all(Array.from({ length: args.concurrency }, async () => {
      while (performance.now() - healthStart < 3000) {
        const r = await fetch(`${base}/api/v1/no-such-route`);
        await r.arrayBuffer();
        healthCount++;
      }
    }));
    const healthRate = healthCount / ((performance.now() - healthStart) / 1000);

    // ------------------------------------------------------------ report
    const copyRate = args.n / copySeconds;
    const rows: Array<[string, number, number, string]> = [
      ['(a)  raw COPY into a bare table', args.n, copySeconds, 'measured'],
      ['(a2) COPY into the activities table', args.n, copyTableSeconds, 'measured'],
      ['(b)  CLI import, process wall clock', args.n, cliWallSeconds, 'measured'],
      ['(b′) CLI import, the import itself', args.n, cliOwnSeconds, 'measured'],
      [`(c)  HTTP /sync, ${args.batch}/request, ${args.concurrency} in flight`, apiTimed, apiSeconds, `measured on ${fmt(apiTimed)}; ${fmt(args.n)} extrapolated: ${fmt(args.n / (apiTimed / apiSeconds))} s`],
    ];
    console.log(`\nDiary ingestion into PostgreSQL, N = ${fmt(args.n)} activities on ${fmt(seasons.length)} seasons (${PER_SEASON} per season), Node ${process.version}`);
    console.log('| path | activities | seconds | activities/s | ratio to raw COPY | note |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const [label, count, seconds, note] of rows) {
      const rate = count / seconds;
      console.log(`| ${label} | ${fmt(count)} | ${seconds.toFixed(1)} | ${fmt(rate)} | ${(rate / copyRate).toFixed(3)} | ${note} |`);
    }
    console.log(`\nraw HTTP on the same server (a 404 problem answer, no database; ${args.concurrency} in flight): ${fmt(healthRate)} requests/s; /sync moved ${fmt(apiTimed / apiSeconds / args.batch)} requests/s of ${args.batch} mutations`);
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await once(server, 'exit').catch(() => {});
    }
    await handle.close();
    if (!args.keep) {
      await admin.query(`drop database if exists ${name} with (force)`);
      rmSync(csvPath, { force: true });
    } else log(`kept database ${name} and ${csvPath}`);
    await admin.end();
  }
}

await main();
