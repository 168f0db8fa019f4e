/**
 * The real server for browser journeys (apps/web/e2e): a fresh test database (PGlite, or a new
 * database on TEST_DATABASE_URL's PostgreSQL) with the 2025 administrative units and the Cần Thơ
 * demo, the full HTTP app serving the built web app (apps/web/dist), listening on an ephemeral port
 * of 127.0.0.1. Nothing is mocked: the browser talks to the same routes, services and SQL as in
 * production. Build the web app first (`npm run build -w @dongxanh/web`).
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { buildApp } from '../http/app.ts';
import { createServices } from '../services.ts';
import { systemClock } from '../shared/clock.ts';
import { openTestDatabase } from './test-database.ts';

export interface E2eServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export async function startE2eServer(): Promise<E2eServer> {
  const database = await openTestDatabase();
  try {
    await seedDemo(database.db);
    // A browser journey logs in a few times within a minute; the production limit stays in force otherwise.
    const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
    const services = createServices({ database, clock: systemClock(), sessionTtlHours: 24 });
    const app = await buildApp(services, config, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      async close() {
        await app.close();
        // Let a running import finish its transaction before the database goes away.
        await services.imports.stop();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
