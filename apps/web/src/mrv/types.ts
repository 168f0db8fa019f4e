/** The MRV, verification and credits API types, inferred from @dongxanh/contracts (type-only). */
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';

export type SubmissionState = z.infer<typeof C.SubmissionState>;
export type SubmissionSummary = z.infer<typeof C.SubmissionSummary>;
export type SubmissionPage = z.infer<typeof C.SubmissionPage>;
export type SubmissionDetail = z.infer<typeof C.SubmissionDetail>;
export type SubmissionItem = z.infer<typeof C.SubmissionItem>;
export type CreateSubmissionBody = z.input<typeof C.CreateSubmissionBody>;
export type FindingOutcome = z.infer<typeof C.FindingOutcome>;
export type EvidencePack = z.infer<typeof C.EvidencePack>;
export type AuditVerifyResponse = z.infer<typeof C.AuditVerifyResponse>;
export type RunResponse = z.infer<typeof C.RunResponse>;
export type SeasonRunsResponse = z.infer<typeof C.SeasonRunsResponse>;
export type RecomputeResponse = z.infer<typeof C.RecomputeResponse>;
export type ProjectList = z.infer<typeof C.ProjectList>;
export type ProjectResponse = z.infer<typeof C.ProjectResponse>;
export type RecalculationResponse = z.infer<typeof C.RecalculationResponse>;
export type CreditAccountList = z.infer<typeof C.CreditAccountList>;
export type CreditAccount = z.infer<typeof C.CreditAccountResponse>;
export type IssuanceResponse = z.infer<typeof C.IssuanceResponse>;
export type MovementsResponse = z.infer<typeof C.MovementsResponse>;
export type ProjectCreditsResponse = z.infer<typeof C.ProjectCreditsResponse>;
export type HeldSeasonsResponse = z.infer<typeof C.HeldSeasonsResponse>;
export type SeasonPage = z.infer<typeof C.SeasonPage>;
export type SeasonSummary = SeasonPage['items'][number];
