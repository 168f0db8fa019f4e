/**
 * Starting the platform: open the database (PostgreSQL or embedded PGlite), migrate, load the
 * reference data and, on request, the demo, then listen. The composition root of the server.
 */
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { seedDemo } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { loadAdminUnits } from './modules/registry/admin-units.loader.ts';
import { createServices } from './services.ts';
import { systemClock } from './shared/clock.ts';

/** Migrations, reference data and (optionally) the demo: everything a fresh database needs. */
export async function prepareDatabase(database: DatabaseHandle, opts: { demo: boolean; referenceDataDir: string; log: (m: string) => void }) {
  const applied = await migrateToLatest(database.db);
  if (applied.length) opts.log(`migrations applied: ${applied.join(', ')}`);
  const units = await loadAdminUnits(database.db, opts.referenceDataDir, opts.log);
  if (!units.skipped) opts.log(`loaded ${units.provinces} provinces, ${units.communes} communes, ${units.predecessors} pre-2025 commune codes`);
  if (opts.demo) {
    const demo = await seedDemo(database.db, opts.log);
    if (demo.created) opts.log('demo data loaded (Cần Thơ cooperative, households, plots, users)');
  }
}

export async function startServer(config: Config, opts: { demo: boolean }) {
  const log = (m: string) => console.log(`[dongxanh] ${m}`);
  log(config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL database (DATABASE_URL)');
  const database = await openDatabase(config.database);
  await prepareDatabase(database, { demo: opts.demo, referenceDataDir: config.referenceDataDir, log });
  const services = createServices({ database, clock: systemClock(), sessionTtlHours: config.auth.sessionTtlHours });
  const app = await buildApp(services, config);
  await app.listen({ host: config.http.host, port: config.http.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  log(`Đồng Xanh is running at http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${port}/  (API docs: /api/docs)`);
  // Recalculations a stop interrupted continue from their checkpoints, in the background so that
  // start-up does not wait. Embedded PGlite is locked to this process, so every job left running is
  // ours to take; on PostgreSQL other servers may be running them, and a job is taken only once its
  // heartbeat has gone stale (the claim is atomic, so two servers never both resume one job).
  services.recalculations
    .resumeInterrupted({ exclusive: database.kind === 'pglite' }) // logs each job it resumes
    .catch((err: unknown) => log(`could not look for interrupted recalculations: ${(err as Error).message}`));

  const shutdown = async () => {
    log('stopping…');
    services.recalculations.stopWatching();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, database };
}

export { loadConfig };
