/**
 * Whether a season's diary may still change. A season is locked while the latest revision of a
 * submission holding it is under review (submitted, reviewed) or verified: reviewers and the verifier
 * sign the numbers they saw, so those numbers must not move under them. A return (with reasons) or a
 * correction (a new draft revision) unlocks it; the verified revision keeps its pinned runs and stays
 * readable. The diary service calls `assertSeasonUnlocked` before every write to a season.
 */
import type { Executor } from '../../db/database.ts';
import { DomainError } from '../../shared/errors.ts';
import { message, word } from '../../shared/messages.ts';

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
      ? message('verification.seasonLockedVerified', { id: seasonId, title: lock.title })
      : message('verification.seasonLockedReview', { id: seasonId, title: lock.title, state: word(lock.state) }),
    { lockedBy: { submissionId: lock.id, state: lock.state } },
  );
}
