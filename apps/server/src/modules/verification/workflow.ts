/**
 * The review and verification workflow as a pure transition table (architecture.md §3.10 example 12),
 * with separation of duties (product.md, capability 5: "the recorder cannot review, the reviewer cannot
 * verify"):
 *
 *   draft ──submit──► submitted ──review──► reviewed ──verify──► verified
 *                         │                     │
 *                       return               return (the verifier rejects, with reasons)
 *                         ▼                     ▼
 *                      returned ──submit──► submitted   (fixed and sent again)
 *
 * A verified revision never changes state again: a correction opens a new revision (draft) of the same
 * submission, and the verified one stays readable, superseded by it.
 */
import type { SubmissionState } from '../../db/schema.ts';
import { DomainError } from '../../shared/errors.ts';
import type { Permission } from '../auth/permissions.ts';

export type WorkflowAction = 'submit' | 'review' | 'verify' | 'return';

const transitions: Record<SubmissionState, Partial<Record<WorkflowAction, SubmissionState>>> = {
  draft: { submit: 'submitted' },
  submitted: { review: 'reviewed', return: 'returned' },
  reviewed: { verify: 'verified', return: 'returned' },
  returned: { submit: 'submitted' },
  verified: {},
};

export function nextState(current: SubmissionState, action: WorkflowAction): SubmissionState {
  const next = transitions[current][action];
  if (!next) throw new DomainError('conflict', `A ${current} submission cannot be ${pastTense[action]}`, { state: current });
  return next;
}

export const canTransition = (current: SubmissionState, action: WorkflowAction) => transitions[current][action] !== undefined;

const pastTense: Record<WorkflowAction, string> = { submit: 'submitted', review: 'reviewed', verify: 'verified', return: 'returned' };

/** Who may take an action: returning belongs to whoever holds the submission at that step. */
export function permissionFor(action: WorkflowAction, current: SubmissionState): Permission {
  switch (action) {
    case 'submit':
      return 'submissions:submit';
    case 'review':
      return 'submissions:review';
    case 'verify':
      return 'submissions:verify';
    case 'return':
      return current === 'reviewed' ? 'submissions:verify' : 'submissions:review';
  }
}

export interface Duties {
  submittedBy: string | null;
  reviewedBy: string | null;
  /** Everyone who recorded diary entries of the submitted seasons. */
  recorders: ReadonlySet<string>;
}

/** Why this person may not take this action on this submission, or null. */
export function dutyConflict(actorId: string, action: WorkflowAction, current: SubmissionState, duties: Duties): string | null {
  const reviewing = action === 'review' || (action === 'return' && current === 'submitted');
  const verifying = action === 'verify' || (action === 'return' && current === 'reviewed');
  if (!reviewing && !verifying) return null;
  if (duties.submittedBy === actorId) return 'You submitted this data: someone else must review and verify it';
  if (duties.recorders.has(actorId)) return 'You recorded diary entries of these seasons: someone else must review and verify them';
  if (verifying && duties.reviewedBy === actorId) return 'You reviewed this submission: an independent verifier must verify it';
  return null;
}
