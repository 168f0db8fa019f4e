/**
 * The "Phát thải thấp" (low-emission) label (capability 7): schemes as data, evaluations per season
 * and per lot with each criterion's result, certificates with suspension and revocation.
 */
import { z } from 'zod';
import { IsoDate } from './diary.ts';

export const LabelPractice = z.enum(['awd', 'no_straw_burning', 'reduced_fertiliser']);
export type LabelPractice = z.infer<typeof LabelPractice>;

export const LabelCriterion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('min_reduction_pct'), value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('required_practice'), practice: LabelPractice }),
  z.object({ kind: z.literal('verified_mrv') }),
  z.object({ kind: z.literal('growing_area_code') }),
  z.object({ kind: z.literal('no_compliance_flags') }),
  z.object({ kind: z.literal('variety_recorded') }),
  z.object({ kind: z.literal('crop_kind'), value: z.enum(['rice', 'vegetable', 'field_crop', 'fruit', 'perennial', 'other']) }),
]);
export type LabelCriterion = z.infer<typeof LabelCriterion>;

export const LabelSchemeResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  owner: z.string(),
  cropKind: z.string().nullable(),
  criteria: z.array(LabelCriterion),
  basis: z.string(),
  version: z.number().int(),
});
export type LabelSchemeResponse = z.infer<typeof LabelSchemeResponse>;

export const CriterionResult = z.object({
  criterion: LabelCriterion,
  passed: z.boolean(),
  /** What was found, e.g. "reduction 31,2 % ≥ 10 %". English; the web app labels by criterion kind. */
  detail: z.string(),
  actual: z.union([z.number(), z.string(), z.boolean()]).nullable(),
});
export type CriterionResult = z.infer<typeof CriterionResult>;

export const EvaluateBody = z.object({
  schemeId: z.uuid(),
  seasonId: z.uuid().optional(),
  lotId: z.uuid().optional(),
}).refine((b) => (b.seasonId ? 1 : 0) + (b.lotId ? 1 : 0) === 1, { message: 'Give exactly one of seasonId or lotId', path: ['seasonId'] });
export type EvaluateBody = z.infer<typeof EvaluateBody>;

export const SeasonEvaluation = z.object({
  seasonId: z.uuid(),
  eligible: z.boolean(),
  harvestedKg: z.number(),
  results: z.array(CriterionResult),
});
export const EvaluationResponse = z.object({
  id: z.uuid(),
  schemeId: z.uuid(),
  subject: z.enum(['season', 'lot']),
  seasonId: z.uuid().nullable(),
  lotId: z.uuid().nullable(),
  eligible: z.boolean(),
  /** Lot evaluations: each source season's evaluation, and the lot's eligible mass. */
  seasons: z.array(SeasonEvaluation),
  results: z.array(CriterionResult),
  eligibleKg: z.number().nullable(),
  evaluatedAt: z.string(),
});
export type EvaluationResponse = z.infer<typeof EvaluationResponse>;

export const CertificateKind = z.enum(['low_emission', 'vietgap', 'organic']);
export const CertificateStatus = z.enum(['active', 'suspended', 'revoked']);
export const IssueCertificateBody = z.object({
  kind: CertificateKind,
  number: z.string().trim().min(3).max(60),
  schemeId: z.uuid().optional(),
  holderOrganisationId: z.uuid(),
  lotId: z.uuid().optional(),
  growingAreaId: z.uuid().optional(),
  scope: z.string().trim().min(1).max(500),
  issuer: z.string().trim().min(1).max(200),
  quantityKg: z.number().positive().max(1e9).optional(),
  validFrom: IsoDate,
  validTo: IsoDate,
});
export type IssueCertificateBody = z.infer<typeof IssueCertificateBody>;
export const CertificateStatusBody = z.object({
  status: CertificateStatus,
  reason: z.string().trim().min(5, 'Give the reason (at least 5 characters)').max(1000),
});
export const CertificateResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: CertificateKind,
  schemeId: z.uuid().nullable(),
  schemeName: z.string().nullable(),
  holderOrganisationId: z.uuid(),
  holderName: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  growingAreaId: z.uuid().nullable(),
  scope: z.string(),
  issuer: z.string(),
  quantityKg: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  status: CertificateStatus,
  statusReason: z.string().nullable(),
  history: z.array(z.object({ status: CertificateStatus, reason: z.string().nullable(), changedAt: z.string() })),
});
export type CertificateResponse = z.infer<typeof CertificateResponse>;
export const CertificateListResponse = z.object({ items: z.array(CertificateResponse) });
