/**
 * Traceability and the label, composed from their dependencies (services.ts spreads this in): the
 * public page's cache is dropped by every service that changes what it shows.
 */
import type { SeasonFactsResponse } from '@dongxanh/contracts';
import type { Database } from '../../db/database.ts';
import { defaultReferenceDataDir } from '../../reference-data.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Actor } from '../auth/permissions.ts';
import { createLabelService } from '../label/label.service.ts';
import { epcisValidator } from './epcis-schema.ts';
import { createEpcisService } from './epcis.service.ts';
import { createPublicPages } from './public-page.ts';
import { createTraceabilityService } from './traceability.service.ts';

export function createTraceabilityServices(deps: { db: Database; clock: Clock; seasonFacts: (actor: Actor, seasonId: string) => Promise<SeasonFactsResponse>; referenceDataDir?: string }) {
  const { db, clock, seasonFacts } = deps;
  const publicPages = createPublicPages({ db, clock });
  const onPublicChange = () => publicPages.invalidate();
  return {
    traceability: createTraceabilityService({ db, clock, seasonFacts, onPublicChange }),
    epcis: createEpcisService({ db, clock, validate: epcisValidator(deps.referenceDataDir ?? defaultReferenceDataDir) }),
    label: createLabelService({ db, clock, seasonFacts, onPublicChange }),
    publicPages,
  };
}
