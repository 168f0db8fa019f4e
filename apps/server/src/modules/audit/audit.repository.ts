/**
 * Appending to and reading the audit log. Appends take a transaction-scoped advisory lock so that the
 * chain stays one line under concurrent writers: the next entry reads the last hash only after the
 * previous writer committed (or rolled back). The lock is held to the end of the caller's transaction,
 * so the entry commits or disappears together with the change it records.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { entryHash, GENESIS_HASH, type StoredAuditEntry } from './audit-chain.ts';

/** An arbitrary constant naming the audit log's advisory lock (pg_advisory_xact_lock takes a bigint). */
const AUDIT_CHAIN_LOCK = 7_150_205_001;

export interface AuditEntryInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  provinceCode: string | null;
  payload: Record<string, unknown>;
}

export async function appendAudit(tx: Executor, at: Date, entry: AuditEntryInput) {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx.selectFrom('auditLog').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ seq: number }>`select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq`.execute(tx);
  const seq = Number(rows[0]!.seq);
  // The payload is hashed as it will read back from jsonb: plain JSON values only.
  const payload = JSON.parse(JSON.stringify(entry.payload)) as Record<string, unknown>;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // timestamptz keeps microseconds; a JS Date has milliseconds, so the stored instant reads back equal.
  const content = { seq, at, actor: entry.actor, action: entry.action, entity: entry.entity, entityId: entry.entityId, provinceCode: entry.provinceCode, payload };
  const hash = entryHash(prevHash, content);
  await tx.insertInto('auditLog').values({ ...content, payload: JSON.stringify(payload), prevHash, hash }).execute();
  return { seq, hash };
}

export async function auditEntriesAfter(db: Executor, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('auditLog')
    // payload as text: the CamelCasePlugin would rename its keys on the way out, and the hash covers them as written.
    .select(['seq', 'at', 'actor', 'action', 'entity', 'entityId', 'provinceCode', sql<string>`payload::text`.as('payloadText'), 'prevHash', 'hash'])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(({ payloadText, ...r }) => ({ ...r, payload: JSON.parse(payloadText) as Record<string, unknown>, seq: Number(r.seq), at: new Date(r.at) }));
}
