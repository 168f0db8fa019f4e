/**
 * Review and independent verification of a cooperative's plot-seasons for a monitoring period
 * (capability 5): draft → submitted → reviewed → verified, or returned with reasons at any step;
 * corrections after verification as new revisions; the verifier's field-check sample, evidence pack
 * and findings; and the hash-chained audit log's check.
 */
import { z } from 'zod';
import { IsoDate, SeasonDetailResponse } from './diary.ts';
import { RunResponse } from './mrv-runs.ts';

export const SubmissionState = z.enum(['draft', 'submitted', 'reviewed', 'verified', 'returned']);
export type SubmissionState = z.infer<typeof SubmissionState>;
export const SubmissionAction = z.enum(['submit', 'review', 'verify', 'return', 'correct']);
export type SubmissionAction = z.infer<typeof SubmissionAction>;

export const CreateSubmissionBody = z.object({
  /** The cooperative; defaults to the caller's own organisation. */
  organisationId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  seasonIds: z.array(z.uuid()).min(1).max(5000),
});
export type CreateSubmissionBody = z.infer<typeof CreateSubmissionBody>;

export const ReasonBody = z.object({ reason: z.string().trim().min(5, 'Give the reason (at least 5 characters)').max(2000) });
export type ReasonBody = z.infer<typeof ReasonBody>;

export const FindingOutcome = z.enum(['conforms', 'minor_discrepancy', 'major_discrepancy']);
export const FindingBody = z.object({
  seasonId: z.uuid(),
  outcome: FindingOutcome,
  note: z.string().trim().min(1, 'Write what was checked in the field').max(2000),
});
export type FindingBody = z.infer<typeof FindingBody>;

export const FindingResponse = z.object({
  seasonId: z.uuid(),
  outcome: FindingOutcome,
  note: z.string(),
  recordedBy: z.uuid(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type FindingResponse = z.infer<typeof FindingResponse>;

export const SubmissionItem = z.object({
  seasonId: z.uuid(),
  plotId: z.uuid(),
  plotCode: z.string(),
  plotName: z.string(),
  areaHa: z.number(),
  runId: z.uuid().nullable(),
  co2eTotalT: z.number().nullable(),
  baselineCo2eT: z.number().nullable(),
  reductionTCo2e: z.number().nullable(),
  netErTCo2e: z.number().nullable(),
  sampled: z.boolean(),
  finding: FindingResponse.nullable(),
});
export type SubmissionItem = z.infer<typeof SubmissionItem>;

export const SubmissionEvent = z.object({
  action: z.string(),
  fromState: SubmissionState.nullable(),
  toState: SubmissionState,
  reason: z.string().nullable(),
  actorId: z.uuid(),
  actorName: z.string(),
  at: z.string(),
});

export const SubmissionSummary = z.object({
  id: z.uuid(),
  rootId: z.uuid(),
  revision: z.number().int(),
  previousRevisionId: z.uuid().nullable(),
  supersededBy: z.uuid().nullable(),
  title: z.string(),
  state: SubmissionState,
  organisationId: z.uuid(),
  organisationName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  projectId: z.uuid().nullable(),
  projectCode: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  plotCount: z.number().int(),
  areaHa: z.number(),
  reductionTCo2e: z.number(),
  netErTCo2e: z.number(),
  returnReason: z.string().nullable(),
  correctionReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Verified and not superseded: its seasons' diaries are locked. */
  locked: z.boolean(),
  creditsIssued: z.boolean(),
  createdAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;
export const SubmissionPage = z.object({ items: z.array(SubmissionSummary), total: z.number().int() });
export const SubmissionQuery = z.object({
  state: SubmissionState.optional(),
  organisationId: z.uuid().optional(),
  /** Include revisions superseded by a correction. */
  includeSuperseded: z.enum(['true', 'false']).default('false'),
});

export const SampleResponse = z.object({
  /** The stored seed: the same seed and population always draw the same plots. */
  seed: z.number().int(),
  rule: z.string(),
  population: z.number().int(),
  size: z.number().int(),
  seasonIds: z.array(z.uuid()),
  drawnBy: z.uuid(),
  drawnAt: z.string(),
});
export type SampleResponse = z.infer<typeof SampleResponse>;

export const SubmissionDetail = SubmissionSummary.extend({
  items: z.array(SubmissionItem),
  events: z.array(SubmissionEvent),
  sample: SampleResponse.nullable(),
  revisions: z.array(z.object({ id: z.uuid(), revision: z.number().int(), state: SubmissionState, supersededBy: z.uuid().nullable() })),
  /** What the caller may do now (the server checks again when they do it). */
  allowedActions: z.array(z.enum(['submit', 'review', 'verify', 'return', 'correct', 'sample', 'record_finding', 'issue_credits'])),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

export const SubmissionParams = z.object({ id: z.uuid() });

/** Plot-seasons already held by a live submission the caller can see (a season is in one at a time). */
export const HeldSeasonsResponse = z.object({ items: z.array(z.object({ seasonId: z.uuid(), submissionId: z.uuid(), title: z.string(), state: SubmissionState })) });
export type HeldSeasonsResponse = z.infer<typeof HeldSeasonsResponse>;
export const EvidenceParams = z.object({ id: z.uuid(), seasonId: z.uuid() });

/** Everything a verifier checks for one sampled plot-season. */
export const EvidencePack = SeasonDetailResponse.extend({
  run: RunResponse.nullable(),
  finding: FindingResponse.nullable(),
});
export type EvidencePack = z.infer<typeof EvidencePack>;

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  lastSeq: z.number().int().nullable(),
  lastHash: z.string().nullable(),
  /** The first entry whose link or hash does not match, or null. */
  firstBroken: z.object({ seq: z.number().int(), reason: z.string(), expected: z.string(), found: z.string() }).nullable(),
  checkedAt: z.string(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
