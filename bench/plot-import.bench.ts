/**
 * Bulk import of plots with polygons into PostgreSQL + PostGIS, against the physical limit of the
 * same machine: a raw COPY of the same rows into a bare table.
 *
 *   node --import tsx bench/plot-import.bench.ts [N] [--runs=R]
 *   DATABASE_URL=postgres://user@host:5432/postgres node --import tsx bench/plot-import.bench.ts 100000
 *
 * It creates its own database on the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * migrates it, loads the 2025 administrative units and a cooperative with its manager, generates N
 * non-overlapping rectangular plots (5 vertices each, 60 m × 40 m with 5 m bunds between them) on a
 * grid in Thới Lai, Cần Thơ, and times:
 *
 *   (a) raw COPY   — the rows (code, name, commune, land use, geometry as hex EWKB) streamed with COPY
 *                    FROM STDIN into a table with those columns and nothing else: no index, no
 *                    constraint, no check, no area. The floor for getting the rows into the database.
 *   (b) import     — the same rows as the CSV a cooperative would upload (geometry as WKT), through the
 *                    whole import pipeline as the CLI runs it: read and check every row, convert to
 *                    EWKB, COPY into staging, index, resolve communes and scope, PostGIS validity,
 *                    duplicate codes in the file and in the province, overlaps within the file and with
 *                    existing plots, then INSERT … SELECT into plots with the area from
 *                    ST_Area(geography), the GiST and B-tree indexes, foreign keys and checks.
 *
 *   (c) insert floor — the same rows, already in the database, INSERT … SELECT into plots with the area
 *                    from ST_Area(geography) and nothing else checked (rolled back): what writing into
 *                    the real table costs by itself — its four foreign keys, six indexes (one GiST)
 *                    and ST_IsValid check — whatever a pipeline does before.
 *
 * (a) and (c) are run R times (median reported); (b) once on an empty plots
 * table and once more next to the first N plots (a second cooperative importing the next grid), since
 * the checks against existing plots then have something to look at. The database is dropped at the
 * end. This is a benchmark, not a test; see bench/README.md for the figures.
 */
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { openPostgres } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrator.ts';
import { permissionsFor, type Actor } from '../apps/server/src/modules/auth/permissions.ts';
import { createImportsService } from '../apps/server/src/modules/imports/imports.service.ts';
import { toHexEwkb, type Ring } from '../apps/server/src/modules/imports/geometry.ts';
import { plotsCsv, rectangleRing, type FixturePlot } from '../apps/server/src/modules/imports/import-fixtures.ts';
import { loadAdminUnits } from '../apps/server/src/modules/registry/admin-units.loader.ts';
import { defaultReferenceDataDir } from '../apps/server/src/reference-data.ts';

const THOI_LAI = '31258';

function parseArgs(argv: readonly string[]) {
  const args = { n: 100_000, runs: 3 };
  for (const arg of argv) {
    const flag = /^--runs=(\d+)$/.exec(arg);
    const value = Number((flag?.[1] ?? arg).replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`bad argument ${arg}: expected N or --runs=R`);
    if (flag) args.runs = value;
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

/** N plots on a grid: columns east from `lon0`, rows north from `lat0`; 60 m × 40 m, 5 m bunds. */
function gridPlots(n: number, prefix: string, lon0: number, lat0: number): FixturePlot[] {
  const columns = Math.ceil(Math.sqrt(n * 1.5));
  const dLon = 65 / (111_320 * Math.cos((lat0 * Math.PI) / 180));
  const dLat = 45 / 110_574;
  return Array.from({ length: n }, (_, i) => {
    const lon = lon0 + (i % columns) * dLon;
    const lat = lat0 + Math.floor(i / columns) * dLat;
    return { code: `${prefix}-${String(i + 1).padStart(7, '0')}`, name: `Thửa ${i + 1}`, commune_code: THOI_LAI, land_use: 'rice', rings: [toCentimetres(rectangleRing(lon, lat, 60, 40))] };
  });
}
/** 7 decimals of a degree ≈ 1 cm: what a GPS or a cadastral export writes. */
const toCentimetres = (ring: Ring): Ring => ring.map(([x, y]) => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-GB').replace(/,/g, ' ');

async function rawCopy(url: string, lines: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop table if exists bench_raw_plots');
    await client.query('create table bench_raw_plots (code text, name text, commune_code text, land_use text, geom geometry)');
    const started = performance.now();
    const stream = client.query(copyFrom('copy bench_raw_plots (code, name, commune_code, land_use, geom) from stdin'));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    for (let i = 0; i < lines.length; i += 2000) {
      if (!stream.write(lines.slice(i, i + 2000).join(''))) await once(stream, 'drain');
    }
    stream.end();
    await finished;
    const elapsed = performance.now() - started;
    const { rows } = await client.query<{ n: string }>('select count(*) as n from bench_raw_plots');
    if (Number(rows[0]!.n) !== lines.length) throw new Error(`raw COPY stored ${rows[0]!.n} rows, expected ${lines.length}`);
    return elapsed;
  } finally {
    await client.query('drop table if exists bench_raw_plots');
    await client.end();
  }
}

/**
 * (a2): the same rows COPYed straight into the real `plots` table, with its foreign keys, its six
 * indexes (one GiST) and its validity check, inside a transaction that is rolled back. This is the
 * physical limit of storing these rows where an import must store them; the area is the generator's
 * known 0.24 ha instead of PostGIS's, since a raw COPY computes nothing.
 */
async function rawCopyIntoPlots(url: string, lines: string[], organisationId: string, userId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = lines.map((line) => {
      const [code, name, commune, landUse, geom] = line.replace(/\n$/, '').split('\t');
      return `${code}\t${name}\t${organisationId}\t92\t${commune}\t${landUse}\t${geom}\t0.24\t${userId}\n`;
    });
    await client.query('begin');
    const started = performance.now();
    const stream = client.query(copyFrom('copy plots (code, name, organisation_id, province_code, commune_code, land_use, boundary, area_ha, created_by) from stdin'));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    for (let i = 0; i < rows.length; i += 2000) {
      if (!stream.write(rows.slice(i, i + 2000).join(''))) await once(stream, 'drain');
    }
    stream.end();
    await finished;
    const elapsed = performance.now() - started;
    await client.query('rollback');
    return elapsed;
  } finally {
    await client.end();
  }
}

/** (c): the rows COPYed into a temporary table (untimed), then timed INSERT … SELECT into plots, rolled back. */
async function insertFloor(url: string, lines: string[], organisationId: string, userId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set jit = off; set work_mem = '64MB'`);
    await client.query('create temporary table prepared (code text, name text, commune_code text, land_use text, geom geometry)');
    const stream = client.query(copyFrom('copy prepared (code, name, commune_code, land_use, geom) from stdin'));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    stream.end(lines.join(''));
    await finished;
    await client.query('analyze prepared');
    await client.query('begin');
    const started = performance.now();
    await client.query(
      `insert into plots (code, name, organisation_id, province_code, commune_code, land_use, boundary, area_ha, created_by)
       select code, name, $1, '92', commune_code, land_use, geom, ST_Area(geom::geography) / 10000, $2 from prepared`,
      [organisationId, userId],
    );
    const elapsed = performance.now() - started;
    await client.query('rollback');
    return elapsed;
  } finally {
    await client.end();
  }
}

async function main() {
  const { n, runs } = parseArgs(process.argv.slice(2));
  const name = `dx_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = databaseUrl(name);
  const database = await openPostgres(url, 4);
  try {
    const { rows: version } = await admin.query<{ v: string }>('select version() as v');
    console.log(`PostgreSQL: ${version[0]!.v.split(',')[0]}; Node ${process.version}; N = ${fmt(n)}`);
    await migrateToLatest(database.db);
    await loadAdminUnits(database.db, defaultReferenceDataDir);
    const db = database.db;
    const coops = await db
      .insertInto('organisations')
      .values([1, 2].map((i) => ({ name: `HTX Bench ${i}`, kind: 'cooperative' as const, provinceCode: '92', communeCode: THOI_LAI, taxCode: null, gln: null, createdBy: null })))
      .returning('id')
      .execute();
    const managers = await db
      .insertInto('users')
      .values(coops.map((c, i) => ({ displayName: `Quản lý ${i + 1}`, email: `bench${i + 1}@dongxanh.vn`, phone: null, passwordHash: 'x', role: 'coop_manager' as const, organisationId: c.id, householdId: null, adminUnitCode: null, createdBy: null })))
      .returning(['id', 'organisationId'])
      .execute();
    const actors: Actor[] = managers.map((m) => ({ userId: m.id, displayName: 'bench', role: 'coop_manager', organisationId: m.organisationId, householdId: null, adminUnitCode: null, permissions: permissionsFor('coop_manager'), via: 'session' }));
    const imports = createImportsService({ database });
    const postgisVersion = await sql<{ v: string }>`select postgis_lib_version() as v`.execute(db);
    console.log(`PostGIS ${postgisVersion.rows[0]!.v}`);

    // ---- inputs (untimed)
    const first = gridPlots(n, 'BA', 105.45, 10.0);
    const rowsNorth = Math.ceil(n / Math.ceil(Math.sqrt(n * 1.5)));
    const second = gridPlots(n, 'BB', 105.45, 10.0 + (rowsNorth * 45 + 100) / 110_574);
    const copyLines = first.map((p) => `${p.code}\t${p.name}\t${p.commune_code}\t${p.land_use}\t${toHexEwkb([p.rings])}\n`);
    const csvFirst = plotsCsv(first, 'wkt');
    const csvSecond = plotsCsv(second, 'wkt');
    console.log(`inputs: ${fmt(copyLines.reduce((s, l) => s + l.length, 0))} bytes of COPY text; CSV ${fmt(csvFirst.length)} bytes`);

    // ---- warm-up: a small import elsewhere (JIT, plans, caches), then delete it
    const warm = gridPlots(1000, 'BW', 105.3, 9.9);
    const warmed = await imports.runNow(actors[0]!, { kind: 'plots', format: 'csv', crs: 'wgs84' }, plotsCsv(warm, 'wkt'));
    if (warmed.status !== 'succeeded') throw new Error(`warm-up failed: ${warmed.error}`);
    await db.deleteFrom('plots').execute();
    await sql`vacuum analyze plots`.execute(db);

    // ---- (a) raw COPY
    const copyTimes: number[] = [];
    for (let r = 0; r < runs; r++) copyTimes.push(await rawCopy(url, copyLines));
    const copyMs = median(copyTimes);
    console.log(`\n(a) raw COPY into a bare table: ${fmt(rate(n, copyMs))} plots/s  (median of ${runs}: ${copyTimes.map((t) => `${Math.round(t)} ms`).join(', ')})`);

    // ---- (a2) raw COPY into the real plots table
    const copyPlotsTimes: number[] = [];
    for (let r = 0; r < runs; r++) copyPlotsTimes.push(await rawCopyIntoPlots(url, copyLines, coops[0]!.id, managers[0]!.id));
    const copyPlotsMs = median(copyPlotsTimes);
    console.log(`(a2) raw COPY into the plots table itself: ${fmt(rate(n, copyPlotsMs))} plots/s  (median of ${runs}: ${copyPlotsTimes.map((t) => `${Math.round(t)} ms`).join(', ')})`);

    // ---- (c) the insert into plots by itself
    const floorTimes: number[] = [];
    for (let r = 0; r < runs; r++) floorTimes.push(await insertFloor(url, copyLines, coops[0]!.id, managers[0]!.id));
    const floorMs = median(floorTimes);
    console.log(`(c) INSERT … SELECT into plots alone: ${fmt(rate(n, floorMs))} plots/s  (median of ${runs}: ${floorTimes.map((t) => `${Math.round(t)} ms`).join(', ')}; ratio to raw COPY ${(copyMs / floorMs).toFixed(2)})`);

    // ---- (b) the import pipeline
    const results: { label: string; ms: number; steps: [string, number][] }[] = [];
    for (const [label, actor, csv] of [['(b) import, empty plots table', actors[0]!, csvFirst], ['(b) import, next to N existing plots', actors[1]!, csvSecond]] as const) {
      const steps: [string, number][] = [];
      const started = performance.now();
      const outcome = await imports.runNow(actor, { kind: 'plots', format: 'csv', crs: 'wgs84' }, csv, () => {}, (step, ms) => steps.push([step, ms]));
      const ms = performance.now() - started;
      if (outcome.status !== 'succeeded') throw new Error(`${label} failed: ${outcome.error}; ${JSON.stringify(outcome.refusals.slice(0, 5))}`);
      if (outcome.importedRows !== n) throw new Error(`${label} imported ${outcome.importedRows} of ${n}`);
      results.push({ label, ms, steps });
      console.log(`${label}: ${fmt(rate(n, ms))} plots/s  (${Math.round(ms)} ms; ratio to raw COPY ${(copyMs / ms).toFixed(2)}, to raw COPY into plots (a2) ${(copyPlotsMs / ms).toFixed(2)}, to the insert floor (c) ${(floorMs / ms).toFixed(2)})`);
      for (const [step, stepMs] of steps) console.log(`      ${step.padEnd(48)} ${String(Math.round(stepMs)).padStart(6)} ms`);
    }

    const area = await sql<{ total: number; min: number; max: number }>`select sum(area_ha) as total, min(area_ha) as min, max(area_ha) as max from plots`.execute(db);
    const a = area.rows[0]!;
    console.log(`\nstored: ${fmt(2 * n)} plots, ${a.total.toFixed(1)} ha (each ${a.min}–${a.max} ha; 60 m × 40 m = 0.24 ha)`);
    const ratio = copyMs / results[0]!.ms;
    const ratioPlots = copyPlotsMs / results[0]!.ms;
    console.log(`import / raw COPY into a bare table = ${ratio.toFixed(2)}; import / raw COPY into the plots table = ${ratioPlots.toFixed(2)} (target ≥ 0.50: ${ratioPlots >= 0.5 ? 'met' : 'not met'} against the same destination)`);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
