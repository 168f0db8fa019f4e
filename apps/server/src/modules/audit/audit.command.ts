/** `dongxanh audit verify`: walks the audit log's hash chain; exit 0 intact, 1 with the first broken link. */
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { verifyAuditChain } from './audit.service.ts';

export async function auditVerifyCommand(db: Database, clock: Clock): Promise<number> {
  const check = await verifyAuditChain(db, clock);
  if (check.ok) {
    console.log(`audit log intact: ${check.entries} entries, last seq ${check.lastSeq ?? '-'}, last hash ${check.lastHash ?? '-'}`);
    return 0;
  }
  const b = check.firstBroken!;
  console.log(`audit log BROKEN at seq ${b.seq}: ${b.reason}\n  expected ${b.expected}\n  found    ${b.found}\n  (${check.entries} entries before it are intact)`);
  return 1;
}
