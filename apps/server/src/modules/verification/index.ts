/**
 * Review and independent verification (capability 5): submissions of a cooperative's plot-seasons for a
 * monitoring period, the pure workflow with separation of duties, the verifier's reproducible
 * field-check sample and findings, evidence packs, season locks and corrections as new revisions.
 * Every state change, lock and correction is written to the audit log (modules/audit).
 */
export { createVerificationService, type VerificationService } from './verification.service.ts';
export { assertSeasonUnlocked, isSeasonLocked } from './season-lock.ts';
export { itemsOf, findSubmission } from './verification.repository.ts';
