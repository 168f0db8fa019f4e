/**
 * Whether a season's diary may still change. A season is locked while the latest revision of a
 * submission holding it is under review (submitted, reviewed) or verified: reviewers and the verifier
 * sign the numbers they saw, so those numbers must not move under them. A return (with reasons) or a
 * correction (a new draft revision) unlocks it; the verified revision keeps its pinned runs and stays
 * readable. The diary service calls `assertSeasonUnlocked` before every write to a season.
 */
import type { Executor } from '../../db/database.ts';
import { DomainError } from '../../shared/errors.ts';

export async function lockingSubmission(db: Executor, seasonId: string) {
  const row = await db
    .selectFrom('submissionItems as i')
    .innerJoin('submissions as s', 's.id', 'i.submissionId')
    .select(['s.id', 's.state', 's.title'])
    .where('i.seasonId', '=', seasonId)
    .where('s.supersededBy', 'is', null)
    .where('s.state', 'in', ['submitted', 'reviewed', 'verified'])
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function isSeasonLocked(db: Executor, seasonId: string): Promise<boolean> {
  return (await lockingSubmission(db, seasonId)) !== null;
}

export async function assertSeasonUnlocked(db: Executor, seasonId: string): Promise<void> {
  const lock = await lockingSubmission(db, seasonId);
  if (!lock) return;
  throw new DomainError(
    'conflict',
    lock.state === 'verified'
      ? `Season ${seasonId} is locked: it was verified in "${lock.title}". Open a correction of that submission to change it`
      : `Season ${seasonId} is locked while "${lock.title}" is under review (${lock.state}); it can change again if it is returned`,
    { lockedBy: { submissionId: lock.id, state: lock.state } },
  );
}
