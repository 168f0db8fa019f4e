/**
 * An in-process app on a fresh test database, with helpers to call it as a given user. Requests go
 * through Fastify's `inject`, so they exercise routing, validation, auth and the problem handler.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { buildApp } from '../http/app.ts';
import { SESSION_COOKIE } from '../http/context.ts';
import { createServices } from '../services.ts';
import { fixedClock, systemClock, type Clock } from '../shared/clock.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  database: DatabaseHandle;
  services: ReturnType<typeof createServices>;
  /** Logs in and returns the session cookie header for later requests. */
  loginAs(login: string, password: string): Promise<string>;
  request(options: InjectOptions & { cookie?: string; token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...opts.env });
  const services = createServices({ database, clock: opts.clock ?? systemClock(), sessionTtlHours: 24 });
  const app = await buildApp(services, config, { webDist: null, logger: false });
  await app.ready();

  const request: TestApp['request'] = ({ cookie, token, headers, ...options }) =>
    app.inject({
      ...options,
      headers: { ...headers, ...(cookie ? { cookie } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  return {
    app,
    database,
    services,
    request,
    async loginAs(login, password) {
      const res = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login as ${login} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      if (!cookie) throw new Error('no session cookie set');
      return `${SESSION_COOKIE}=${cookie.value}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export { fixedClock };
