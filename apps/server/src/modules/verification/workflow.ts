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
import { message, renderMessage, word, type LocalisedMessage } from '../../shared/messages.ts';
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
  if (!next) throw new DomainError('conflict', message('verification.cannotTransition', { state: word(current), action: word(pastTense[action]) }), { state: current });
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
  const conflict = dutyConflictMessage(actorId, action, current, duties);
  return conflict ? renderMessage('en', conflict) : null;
}

/** The same refusal as a message key, for the user's language. */
export function dutyConflictMessage(actorId: string, action: WorkflowAction, current: SubmissionState, duties: Duties): LocalisedMessage | null {
  const reviewing = action === 'review' || (action === 'return' && current === 'submitted');
  const verifying = action === 'verify' || (action === 'return' && current === 'reviewed');
  if (!reviewing && !verifying) return null;
  if (duties.submittedBy === actorId) return message('verification.dutySubmitted');
  if (duties.recorders.has(actorId)) return message('verification.dutyRecorded');
  if (verifying && duties.reviewedBy === actorId) return message('verification.dutyReviewed');
  return null;
}
