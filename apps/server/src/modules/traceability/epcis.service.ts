/**
 * EPCIS 2.0 export (a lot's whole chain, or a time window of the caller's events) and import of
 * EPCIS documents from other systems. Imports are validated against GS1's JSON Schema first and
 * refused whole, naming the offending paths, when they do not conform; events already stored (same
 * eventID) are counted as duplicates, not stored twice.
 */
import { randomUUID } from 'node:crypto';
import type { EpcisImportSummary } from '@dongxanh/contracts';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { EpcisEventType } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { organisationVisibleTo } from '../registry/registry-scope.ts';
import { bizStepName, epcisDocument, eventsOf, summarise, type EpcisEvent } from './epcis.ts';
import type { EpcisValidator } from './epcis-schema.ts';
import { chainOf } from './traceability.service.ts';
import { findLot, insertEvent } from './traceability.repository.ts';

const EVENT_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent']);

export function createEpcisService(deps: { db: Database; clock: Clock; validate: EpcisValidator }) {
  const { db, clock, validate } = deps;
  return {
    async exportDocument(actor: Actor, q: { lotId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
      assertCan(actor, 'registry:read');
      let ids: string[];
      if (q.lotId) {
        const lot = await findLot(db, actor, q.lotId);
        if (!lot) throw notFound('Lot', q.lotId);
        ids = (await chainOf(db, lot.id)).map((e) => e.id);
      } else {
        let query = db.selectFrom('traceEvents as e').innerJoin('organisations as o', 'o.id', 'e.organisationId').select('e.id').where(organisationVisibleTo(actor, 'o')).where('e.importId', 'is', null);
        if (q.from) query = query.where('e.eventTime', '>=', new Date(q.from));
        if (q.to) query = query.where('e.eventTime', '<', new Date(q.to));
        ids = (await query.orderBy('e.eventTime').limit(10000).execute()).map((r) => r.id);
      }
      const rows = ids.length ? await db.selectFrom('traceEvents').select(['id', 'epcis', 'eventTime']).where('id', 'in', ids).orderBy('eventTime').execute() : [];
      return epcisDocument(rows.map((r) => r.epcis as EpcisEvent), clock.now(), `urn:uuid:${randomUUID()}`);
    },

    async importDocument(actor: Actor, document: unknown, fileName: string | null): Promise<EpcisImportSummary> {
      assertCan(actor, 'trace:write');
      if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new DomainError('invalid_input', message('epcis.notObject'), { errors: [fieldError('(document)', message('epcis.notObjectField'))] });
      }
      const problems = validate(document);
      if (problems.length) {
        throw new DomainError('invalid_input', message('epcis.invalid', { problems: problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ') }), { errors: problems.slice(0, 50) });
      }
      const doc = document as Record<string, unknown>;
      const type = String(doc.type);
      if (type !== 'EPCISDocument' && type !== 'EPCISQueryDocument' && !EVENT_TYPES.has(type)) {
        throw new DomainError('invalid_input', message('epcis.unsupportedType', { type }), { errors: [fieldError('type', message('epcis.unsupportedTypeField'))] });
      }
      const summary = summarise(doc);
      const organisationId = actor.organisationId;
      const provinceCode = organisationId ? (await db.selectFrom('organisations').select('provinceCode').where('id', '=', organisationId).executeTakeFirst())?.provinceCode ?? null : null;
      return db.transaction().execute(async (tx) => {
        const importId = randomUUID();
        await tx.insertInto('traceEpcisImports').values({ id: importId, organisationId, provinceCode, fileName, documentType: type, summary: JSON.stringify(summary), createdBy: actor.userId }).execute();
        let duplicates = 0;
        for (const event of eventsOf(doc)) {
          const eventIdUri = typeof event.eventID === 'string' ? event.eventID : `urn:uuid:${randomUUID()}`;
          const exists = await tx.selectFrom('traceEvents').select('id').where('eventId', '=', eventIdUri).executeTakeFirst();
          if (exists) {
            duplicates++;
            continue;
          }
          await insertEvent(tx, actor, {
            id: randomUUID(), operation: 'imported', eventType: String(event.type) as EpcisEventType,
            action: (event.action as 'ADD' | undefined) ?? null, bizStep: bizStepName(event.bizStep), disposition: typeof event.disposition === 'string' ? event.disposition : null,
            eventTime: new Date(String(event.eventTime)), organisationId, provinceCode, inputKg: null, outputKg: null,
            epcis: { ...event, eventID: eventIdUri }, eventIdUri, importId,
          });
        }
        await tx.updateTable('traceEpcisImports').set({ summary: sql`summary || ${JSON.stringify({ duplicates })}::jsonb` }).where('id', '=', importId).execute();
        return { id: importId, documentType: summary.documentType, eventCount: summary.eventCount, eventsByType: summary.eventsByType, bizSteps: summary.bizSteps, epcs: summary.epcs, epcClasses: summary.epcClasses, duplicates };
      });
    },
  };
}
export type EpcisService = ReturnType<typeof createEpcisService>;
