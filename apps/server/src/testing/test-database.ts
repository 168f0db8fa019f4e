/**
 * Fresh, migrated databases for integration tests, with the 2025 administrative units loaded:
 * - with TEST_DATABASE_URL (or DATABASE_URL) a new database on that PostgreSQL server, cloned from a
 *   template database that is built once per schema version;
 * - otherwise embedded PGlite in a temporary folder copied from a template folder built once per
 *   schema version (a fresh PGlite with PostGIS costs ~10 s; a copy opens in ~3 s).
 * Each call gets its own database, dropped or deleted on close.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/database.ts';
import { LATEST_SCHEMA_VERSION, migrateToLatest } from '../db/migrator.ts';
import { loadAdminUnits } from '../modules/registry/admin-units.loader.ts';
import { defaultReferenceDataDir } from '../reference-data.ts';

/**
 * Templates are keyed by the content of every migration and of the reference-data loader, so an
 * edited migration (allowed before it lands) never reuses a stale template.
 */
function templateKey() {
  const hash = createHash('sha256');
  const migrationsDir = new URL('../db/migrations/', import.meta.url);
  for (const name of readdirSync(migrationsDir).sort()) hash.update(name).update(readFileSync(new URL(name, migrationsDir)));
  hash.update(readFileSync(new URL('../modules/registry/admin-units.loader.ts', import.meta.url)));
  return `dx_tpl_${LATEST_SCHEMA_VERSION.slice(0, 10).replace(/-/g, '')}_${hash.digest('hex').slice(0, 12)}`;
}
const TEMPLATE_KEY = templateKey();

async function prepare(handle: DatabaseHandle) {
  await migrateToLatest(handle.db);
  await loadAdminUnits(handle.db, defaultReferenceDataDir);
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function openTestPostgres(serverUrl: string): Promise<DatabaseHandle> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE_KEY]);
    if (exists.rowCount === 0) {
      const building = `${TEMPLATE_KEY}_${process.pid}`;
      await admin.query(`create database ${building}`);
      const handle = await openPostgres(withDatabase(serverUrl, building), 2);
      await prepare(handle);
      await handle.close();
      try {
        await admin.query(`alter database ${building} rename to ${TEMPLATE_KEY}`);
      } catch {
        await admin.query(`drop database if exists ${building}`); // another process won the race
      }
    }
    const name = `dx_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`create database ${name} template ${TEMPLATE_KEY}`);
    const handle = await openPostgres(withDatabase(serverUrl, name), 4);
    return {
      ...handle,
      async close() {
        await handle.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  } finally {
    await admin.end();
  }
}

async function openTestPglite(): Promise<DatabaseHandle> {
  const templateDir = join(tmpdir(), TEMPLATE_KEY);
  if (!existsSync(join(templateDir, 'pglite', 'PG_VERSION'))) {
    const building = mkdtempSync(join(tmpdir(), `${TEMPLATE_KEY}-building-`));
    const handle = await openPglite(building);
    await prepare(handle);
    await handle.close();
    rmSync(templateDir, { recursive: true, force: true });
    renameSync(building, templateDir);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dx-test-'));
  cpSync(join(templateDir, 'pglite'), join(dir, 'pglite'), { recursive: true });
  const handle = await openPglite(dir);
  return {
    ...handle,
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = testDatabaseUrl();
  return url ? openTestPostgres(url) : openTestPglite();
}
