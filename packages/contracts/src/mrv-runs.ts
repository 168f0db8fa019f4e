/**
 * Stored MRV calculation runs per plot-season, crediting projects with their baselines, and background
 * recalculation of a commune or province. A run keeps the exact calculation-contract document it was
 * computed from (`inputSnapshot`), so anyone can recompute it (docs/mrv-calculation-contract.md).
 */
import { z } from 'zod';

export const GwpSetName = z.enum(['AR5', 'AR6']);
export const BaselineWaterRegime = z.enum(['continuously_flooded', 'single_drainage', 'multiple_drainage']);
/** How the baseline handles the previous crop's straw (IPCC 2019 Table 5.14 categories, or none in the soil). */
export const BaselineStrawManagement = z.enum(['incorporated_lt30d', 'incorporated_gt30d', 'removed', 'burnt']);

/** A fixed baseline practice applied to each season's own facts (same days, N and pre-season). */
export const BaselinePractice = z.object({
  waterRegime: BaselineWaterRegime,
  strawManagement: BaselineStrawManagement,
  /** t dry matter/ha of straw the baseline incorporates or burns; null: the season's own recorded straw. */
  strawDmTPerHa: z.number().positive().max(20).nullable(),
});
export type BaselinePractice = z.infer<typeof BaselinePractice>;

export const ProjectBaseline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed_practice'), practice: BaselinePractice }),
  /** The plot's own most recent earlier season with complete facts, at this season's length and pre-season. */
  z.object({ kind: z.literal('look_back') }),
]);
export type ProjectBaseline = z.infer<typeof ProjectBaseline>;

export const CreateProjectBody = z.object({
  code: z.string().regex(/^[A-Z0-9]{2,16}$/, 'Use 2–16 capital letters or digits, e.g. CTTL01'),
  name: z.string().trim().min(1).max(200),
  provinceCode: z.string().regex(/^\d{2}$/, 'A 2-digit province code'),
  organisationIds: z.array(z.uuid()).min(1).max(500),
  methodology: z.string().trim().min(1).max(120).optional(),
  gwpSet: GwpSetName.default('AR5'),
  /** Fraction withheld for uncertainty (VM0051 UNC); absent: the methodology's default. */
  uncertainty: z.number().min(0).max(0.5).optional(),
  baseline: ProjectBaseline,
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const ProjectResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  methodology: z.string(),
  gwpSet: GwpSetName,
  uncertainty: z.number().nullable(),
  baseline: ProjectBaseline,
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  createdBy: z.uuid(),
  createdAt: z.string(),
});
export type ProjectResponse = z.infer<typeof ProjectResponse>;
export const ProjectList = z.object({ items: z.array(ProjectResponse) });

export const RunKind = z.enum(['crediting', 'scenario']);
export const RunResponse = z.object({
  id: z.uuid(),
  seasonId: z.uuid(),
  plotId: z.uuid(),
  plotCode: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  projectId: z.uuid().nullable(),
  projectCode: z.string().nullable(),
  kind: RunKind,
  isCurrent: z.boolean(),
  methodVersion: z.string(),
  factorTableVersion: z.string(),
  /** sha256 of the canonical JSON (sorted keys) of inputSnapshot. */
  inputHash: z.string(),
  /** The exact calculation-contract document the engine computed. */
  inputSnapshot: z.unknown(),
  /** The engine's result document (CreditingResult or ScenarioResult) with its breakdown and factors. */
  result: z.unknown(),
  areaHa: z.number(),
  co2eTotalT: z.number(),
  baselineCo2eT: z.number().nullable(),
  reductionTCo2e: z.number().nullable(),
  reductionTCo2ePerHa: z.number().nullable(),
  netErTCo2e: z.number().nullable(),
  jobId: z.uuid().nullable(),
  supersededBy: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type RunResponse = z.infer<typeof RunResponse>;
export const RunSummary = RunResponse.omit({ inputSnapshot: true, result: true });
export type RunSummary = z.infer<typeof RunSummary>;
export const SeasonRunsResponse = z.object({ seasonId: z.uuid(), current: RunResponse.nullable(), runs: z.array(RunSummary) });
export type SeasonRunsResponse = z.infer<typeof SeasonRunsResponse>;

export const RecomputeResponse = z.object({
  runId: z.uuid(),
  /** True when the engine gives the stored result again, value for value. */
  identical: z.boolean(),
  inputHashMatches: z.boolean(),
  storedInputHash: z.string(),
  recomputedInputHash: z.string(),
  storedCo2eTotalT: z.number(),
  recomputedCo2eTotalT: z.number(),
  methodVersion: z.string(),
  engineMethodVersion: z.string(),
  /** JSON paths whose values differ (empty when identical). */
  differences: z.array(z.string()),
});
export type RecomputeResponse = z.infer<typeof RecomputeResponse>;

export const CreateRecalculationBody = z
  .object({
    provinceCode: z.string().regex(/^\d{2}$/, 'A 2-digit province code').optional(),
    communeCode: z.string().regex(/^\d{5}$/, 'A 5-digit commune code').optional(),
    /** 'diary': rebuild inputs from the diaries' facts; 'snapshots': recompute the current runs' stored inputs (after a factor-table update). */
    source: z.enum(['diary', 'snapshots']).default('diary'),
  })
  .refine((b) => (b.provinceCode === undefined) !== (b.communeCode === undefined), { message: 'Give exactly one of provinceCode or communeCode', path: ['provinceCode'] });
export type CreateRecalculationBody = z.infer<typeof CreateRecalculationBody>;

export const RecalculationResponse = z.object({
  id: z.uuid(),
  scopeKind: z.enum(['province', 'commune']),
  scopeCode: z.string(),
  source: z.enum(['diary', 'snapshots']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  total: z.number().int().nullable(),
  processed: z.number().int(),
  computed: z.number().int(),
  /** Seasons whose facts are incomplete: no run, their current run (if any) stays. */
  skipped: z.number().int(),
  percent: z.number(),
  error: z.string().nullable(),
  methodVersion: z.string(),
  factorTableVersion: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RecalculationResponse = z.infer<typeof RecalculationResponse>;
