/**
 * The audit log's check: anyone who is logged in may run it (product.md, capability 5: "an append-only,
 * hash-chained audit log that anyone can check"). It reports counts and the first broken link, never
 * the entries' contents, so it reveals nothing outside the caller's scope.
 */
import type { AuditVerifyResponse } from '@dongxanh/contracts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { checkChain, GENESIS_HASH } from './audit-chain.ts';
import { auditEntriesAfter } from './audit.repository.ts';

const BATCH = 5000;

export async function verifyAuditChain(db: Database, clock: Clock): Promise<AuditVerifyResponse> {
  const state = { prevHash: GENESIS_HASH };
  let afterSeq = 0;
  let entries = 0;
  let lastSeq: number | null = null;
  for (;;) {
    const batch = await auditEntriesAfter(db, afterSeq, BATCH);
    if (batch.length === 0) break;
    const broken = checkChain(batch, state);
    if (broken) {
      const before = batch.findIndex((e) => e.seq === broken.seq);
      return { ok: false, entries: entries + before, lastSeq, lastHash: null, firstBroken: broken, checkedAt: clock.now().toISOString() };
    }
    entries += batch.length;
    afterSeq = batch.at(-1)!.seq;
    lastSeq = afterSeq;
  }
  return { ok: true, entries, lastSeq, lastHash: lastSeq === null ? null : state.prevHash, firstBroken: null, checkedAt: clock.now().toISOString() };
}

export function createAuditService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    async verify(actor: Actor) {
      assertCan(actor, 'registry:read');
      return verifyAuditChain(db, clock);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
