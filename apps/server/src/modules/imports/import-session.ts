/**
 * One database session for one import: its temporary staging tables live here, and rows are streamed
 * into them as fast as the database takes them — COPY FROM STDIN (pg-copy-streams) on PostgreSQL, a
 * dedicated connection so the pool keeps serving requests; multi-row INSERTs of unnest()ed arrays on
 * PGlite, which has one connection and no COPY from a client stream.
 */
import { once } from 'node:events';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pgTypes, type DatabaseHandle, type Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

export type Cell = string | number | null;

export interface StagingColumn {
  name: string;
  /** SQL type of the column, used to cast unnest() arrays on PGlite. */
  type: 'integer' | 'text' | 'uuid' | 'geometry';
}

export interface RowWriter {
  write(rows: Cell[][]): Promise<void>;
  finish(): Promise<void>;
}

export interface ImportSession {
  /** Queries on this session (temporary tables are visible here and nowhere else). */
  db: Kysely<DB>;
  openWriter(table: string, columns: StagingColumn[]): RowWriter;
  close(): Promise<void>;
}

/** COPY text format (PostgreSQL docs, "COPY … File Formats / Text Format"): \N is null; \, tab, CR, LF escaped. */
function copyText(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

async function openPostgresSession(url: string): Promise<ImportSession> {
  const client = new pg.Client({ connectionString: url, types: pgTypes() });
  await client.connect();
  // PostGIS functions carry high planner costs, which make PostgreSQL (11+) JIT-compile every import
  // statement: measured at 0.4–1.1 s per statement of 20 000 rows, more than the work itself. The
  // import's set-wise joins and sorts also want more than the default 4 MB of work_mem.
  await client.query(`set jit = off; set work_mem = '64MB'; set maintenance_work_mem = '256MB'`);
  // Kysely over this one client: every query of the import runs in the session that owns the temp tables.
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => Object.assign(client, { release() {} }), end: async () => {} } }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    openWriter(table, columns) {
      const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin`));
      let failure: Error | null = null;
      stream.on('error', (err: Error) => {
        failure = err;
      });
      return {
        async write(rows) {
          if (failure) throw failure;
          let chunk = '';
          for (const row of rows) chunk += `${row.map(copyText).join('\t')}\n`;
          if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
          if (failure) throw failure;
        },
        async finish() {
          if (failure) throw failure;
          const done = Promise.race([once(stream, 'finish'), once(stream, 'error').then(([err]) => Promise.reject(err))]);
          stream.end();
          await done;
        },
      };
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * Rows inserted as one array per column (`insert … select from unnest($1::int[], $2::text[], …)`):
 * a handful of parameters whatever the number of rows, unlike a multi-row VALUES list.
 */
export async function insertByUnnest(db: Executor, table: string, columns: StagingColumn[], rows: readonly (readonly Cell[])[], chunkRows = 20_000) {
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const selected = sql.join(columns.map((c) => (c.type === 'geometry' ? sql`${sql.ref(c.name)}::geometry` : sql.ref(c.name))));
  for (let from = 0; from < rows.length; from += chunkRows) {
    const chunk = rows.slice(from, from + chunkRows);
    const arrays = columns.map((c, i) => sql`${chunk.map((r) => r[i] ?? null)}::${sql.raw(c.type === 'geometry' ? 'text' : c.type)}[]`);
    await sql`insert into ${sql.table(table)} (${names}) select ${selected} from unnest(${sql.join(arrays)}) as u(${names})`.execute(db);
  }
}

/** PGlite: the service's own Kysely (one connection, serialised); batches of unnest()ed arrays. */
function pgliteSession(db: Kysely<DB>): ImportSession {
  return {
    db,
    openWriter(table, columns) {
      return {
        write: (rows) => insertByUnnest(db, table, columns, rows),
        async finish() {},
      };
    },
    async close() {},
  };
}

export async function openImportSession(database: DatabaseHandle): Promise<ImportSession> {
  if (database.kind === 'postgresql') {
    if (!database.url) throw new Error('A PostgreSQL database handle without its URL cannot stream COPY');
    return openPostgresSession(database.url);
  }
  return pgliteSession(database.db);
}
