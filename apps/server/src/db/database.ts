/**
 * The database: PostgreSQL + PostGIS when DATABASE_URL is set, otherwise embedded PGlite + PostGIS in
 * DATA_DIR. Both run the same migrations and the same Kysely queries. Type parsers are aligned so
 * that int8 and numeric come back as numbers and date as 'YYYY-MM-DD' strings on both drivers.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type Executor = Kysely<DB> | Transaction<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgresql' | 'pglite';
  /** PostgreSQL only: bulk imports open their own connection to stream COPY (modules/imports). */
  url?: string;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keepText = (v: string) => v;

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: string) {
    super(`The data folder ${dataDir} is already open in another process (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`);
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two processes opening one folder silently lose writes. An exclusive lock
 * file holding our pid guards it; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, '.dongxanh.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readFileSync(lockPath, 'utf8').trim();
      if (holder && Number(holder) !== process.pid && isAlive(Number(holder))) throw new DataDirInUseError(dataDir, holder);
      unlinkSync(lockPath); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** An embedded database; `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const pgliteDir = dataDir ? join(dataDir, 'pglite') : undefined;
    const client = await PGlite.create({
      ...(pgliteDir ? { dataDir: pgliteDir } : {}),
      extensions: { postgis },
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText },
    });
    await client.exec('create extension if not exists postgis');
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin()] });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        if (!client.closed) await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export function pgTypes() {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
}

export async function openPostgres(url: string, maxConnections = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types: pgTypes() });
  // An idle connection can be ended by the server (restart, failover, DROP DATABASE … WITH (FORCE));
  // pg emits that on the pool, and an unhandled 'error' event would crash the process.
  pool.on('error', (err) => console.error(`[db] idle connection lost: ${err.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    kind: 'postgresql',
    url,
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'postgresql') return openPostgres(config.url);
  return openPglite(config.dataDir);
}

export const dataDirHasDatabase = (dataDir: string) => existsSync(join(dataDir, 'pglite', 'PG_VERSION'));
