/**
 * The audit log's hash chain, as pure functions. Each entry's hash is
 *
 *   hash = sha256(prev_hash + "\n" + canonicalJson({ seq, at, actor, action, entity, entityId, provinceCode, payload }))
 *
 * with prev_hash the previous entry's hash (64 zeros for the first). Changing, removing or reordering
 * any stored entry breaks the link of that entry or of the next one, which `checkChain` reports.
 * (Removing the newest entries leaves a shorter valid chain: compare `lastSeq`/`lastHash` with a copy
 * kept elsewhere, e.g. in the yearly report, to detect that.)
 */
import { canonicalJson, sha256Hex } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  provinceCode: string | null;
  payload: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export function entryHash(prevHash: string, e: AuditEntryContent): string {
  const content = { seq: e.seq, at: e.at.toISOString(), actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId, provinceCode: e.provinceCode, payload: e.payload };
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export interface BrokenLink {
  seq: number;
  reason: string;
  expected: string;
  found: string;
}

/**
 * Walks entries in seq order, batch after batch: `state` carries the previous hash between batches.
 * Returns the first broken link, or null.
 */
export function checkChain(entries: readonly StoredAuditEntry[], state: { prevHash: string }): BrokenLink | null {
  for (const e of entries) {
    if (e.prevHash !== state.prevHash) {
      return { seq: e.seq, reason: 'prev_hash does not link to the previous entry (an entry before it was changed, removed or inserted)', expected: state.prevHash, found: e.prevHash };
    }
    const expected = entryHash(e.prevHash, e);
    if (expected !== e.hash) {
      return { seq: e.seq, reason: 'hash does not match the entry\'s content (the entry was changed)', expected, found: e.hash };
    }
    state.prevHash = e.hash;
  }
  return null;
}
