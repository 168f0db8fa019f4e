/**
 * The composition of every module's service from explicit dependencies. main.ts, cli.ts and the
 * tests build services here; there is no container and no global.
 */
import { METHOD_VERSION } from '@dongxanh/methodology';
import type { DatabaseHandle } from './db/database.ts';
import { currentSchemaVersion } from './db/migrator.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createDiaryService } from './modules/diary/diary.service.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { createRegistryService } from './modules/registry/registry.service.ts';
import type { Clock } from './shared/clock.ts';
import { APP_VERSION } from './version.ts';

export type ServiceDeps = { database: DatabaseHandle; clock: Clock; sessionTtlHours: number };

export function createServices({ database, clock, sessionTtlHours }: ServiceDeps) {
  const { db } = database;
  return {
    auth: createAuthService({ db, clock, sessionTtlHours }),
    registry: createRegistryService({ db, clock }),
    diary: createDiaryService({ db, clock }),
    imports: createImportsService({ database, log: (message, err) => console.error(`[imports] ${message}`, err ?? '') }),
    system: {
      async health() {
        return { database: database.kind, schemaVersion: await currentSchemaVersion(db), version: APP_VERSION, methodVersion: METHOD_VERSION };
      },
    },
  };
}
export type Services = ReturnType<typeof createServices>;
