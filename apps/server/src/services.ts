/**
 * The composition of every module's service from explicit dependencies. main.ts, cli.ts and the
 * tests build services here; there is no container and no global.
 */
import { METHOD_VERSION } from '@dongxanh/methodology';
import type { DatabaseHandle } from './db/database.ts';
import { currentSchemaVersion } from './db/migrator.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createDiaryService } from './modules/diary/diary.service.ts';
import { createAuditService } from './modules/audit/index.ts';
import { createCreditsService } from './modules/credits/index.ts';
import { createRecalculations, createRunsService } from './modules/mrv-runs/index.ts';
import { createVerificationService } from './modules/verification/index.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { createRegistryService } from './modules/registry/registry.service.ts';
import { createTraceabilityServices } from './modules/traceability/index.ts';
import { createPlanningServices } from './modules/plans/index.ts';
import type { Clock } from './shared/clock.ts';
import { APP_VERSION } from './version.ts';

export type ServiceDeps = { database: DatabaseHandle; clock: Clock; sessionTtlHours: number };

export function createServices({ database, clock, sessionTtlHours }: ServiceDeps) {
  const { db } = database;
  const diary = createDiaryService({ db, clock });
  const mrvRuns = createRunsService({ db, clock, diary });
  return {
    auth: createAuthService({ db, clock, sessionTtlHours }),
    registry: createRegistryService({ db, clock }),
    diary,
    mrvRuns,
    recalculations: createRecalculations({ db, clock, runs: mrvRuns, log: (message, err) => console.error(`[mrv] ${message}`, err ?? '') }),
    verification: createVerificationService({ db, clock, runs: mrvRuns, diary }),
    audit: createAuditService({ db, clock }),
    credits: createCreditsService({ db, clock }),
    ...createTraceabilityServices({ db, clock, seasonFacts: (actor, seasonId) => diary.getFacts(actor, seasonId) }),
    imports: createImportsService({ database, log: (message, err) => console.error(`[imports] ${message}`, err ?? '') }),
    ...createPlanningServices({ db, clock }),
    system: {
      async health() {
        return { database: database.kind, schemaVersion: await currentSchemaVersion(db), version: APP_VERSION, methodVersion: METHOD_VERSION };
      },
    },
  };
}
export type Services = ReturnType<typeof createServices>;
