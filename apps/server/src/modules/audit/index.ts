/**
 * The audit module owns the append-only, hash-chained audit log: `appendAudit` (called by other
 * modules inside the transaction of the change it records) and the chain check (HTTP and CLI). It
 * does not decide what is audited: every state change, lock and correction of verification and
 * every credit movement calls it.
 */
export { appendAudit, type AuditEntryInput } from './audit.repository.ts';
export { createAuditService, verifyAuditChain, type AuditService } from './audit.service.ts';
export { canonicalHash, canonicalJson } from './canonical-json.ts';
