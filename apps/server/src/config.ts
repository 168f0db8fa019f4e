/**
 * Configuration, parsed once from the environment. This is the only file that reads process.env;
 * every problem is reported at once and the process exits before it listens.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultReferenceDataDir } from './reference-data.ts';

const Env = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  PUBLIC_BASE_URL: z.string().url().optional(),
  NODE_ENV: z.string().default('development'),
  REFERENCE_DATA_DIR: z.string().min(1).optional(),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? ({ kind: 'postgresql', url: e.DATABASE_URL } as const)
      : ({ kind: 'pglite', dataDir: resolve(e.DATA_DIR) } as const),
    http: { host: e.HOST, port: e.PORT, publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}` },
    log: { level: e.LOG_LEVEL },
    auth: { sessionTtlHours: e.SESSION_TTL_HOURS, loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE },
    production: e.NODE_ENV === 'production',
    referenceDataDir: e.REFERENCE_DATA_DIR ? resolve(e.REFERENCE_DATA_DIR) : defaultReferenceDataDir,
  };
}
export type Config = ReturnType<typeof loadConfig>;
export type DatabaseConfig = Config['database'];
