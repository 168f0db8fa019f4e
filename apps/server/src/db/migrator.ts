/**
 * Forward-only migrations, listed here in order so that they work the same from source, in a bundle
 * and in tests. A migration is frozen once it has landed: fixes come as new migrations.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.ts';
import * as createFoundation from './migrations/2026-11-23T1800-create-foundation.ts';
import * as extendRegistry from './migrations/2026-11-23T1900-extend-registry.ts';
import * as createImportJobs from './migrations/2026-11-23T1930-create-import-jobs.ts';
import * as createDiary from './migrations/2026-11-23T2000-create-diary.ts';
import * as createMrvVerificationCredits from './migrations/2026-11-23T2100-create-mrv-verification-credits.ts';
import * as createTraceabilityLabel from './migrations/2026-11-23T2130-create-traceability-label.ts';
import * as createPlansReportsProgramme from './migrations/2026-11-23T2200-create-plans-reports-programme.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-23T1800-create-foundation': createFoundation,
  '2026-11-23T1900-extend-registry': extendRegistry,
  '2026-11-23T1930-create-import-jobs': createImportJobs,
  '2026-11-23T2000-create-diary': createDiary,
  '2026-11-23T2100-create-mrv-verification-credits': createMrvVerificationCredits,
  '2026-11-23T2130-create-traceability-label': createTraceabilityLabel,
  '2026-11-23T2200-create-plans-reports-programme': createPlansReportsProgramme,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const LATEST_SCHEMA_VERSION = Object.keys(migrations).sort().at(-1)!;

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest applied migration, or null on an empty database. */
export async function currentSchemaVersion(db: Database): Promise<string | null> {
  const migrator = new Migrator({ db, provider });
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt);
  return applied.at(-1)?.name ?? null;
}
