/**
 * Targets and dashboards (capability 10): plans with their indicators, targets per year and
 * entered values; each indicator's progress for a year; dashboard aggregates and map layers.
 */
import { z } from 'zod';

const Code = z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,79}$/, 'lower-case letters, digits, ".", "_" or "-", 2 to 80 characters');
const AdminCode = z.string().regex(/^[0-9]{2}$|^[0-9]{5}$/, 'a 2-digit province or 5-digit commune code');
const Year = z.number().int().min(2000).max(2100);
const Citation = z.string().trim().min(3, 'say where the figure comes from (document, section, survey…)').max(1000);

export const PlanScopeLevel = z.enum(['province', 'commune']);
export const IndicatorDirection = z.enum(['increase', 'decrease']);
export const TargetComparator = z.enum(['gte', 'gt', 'lte', 'lt', 'eq']);
export const ProgressStatus = z.enum(['met', 'not_met', 'no_data', 'no_target']);
export const ComputationNameSchema = z.enum([
  'cultivated_area_ha', 'low_emission_cultivated_area_ha', 'season_area_ha', 'low_emission_share_pct', 'sustainable_share_pct', 'coded_area_share_pct',
  'awd_share_pct', 'seed_rate_kg_per_ha', 'chemical_n_kg_per_ha', 'chemical_n_reduction_pct', 'pesticide_reduction_pct', 'straw_collected_pct',
  'post_harvest_loss_pct', 'mechanisation_pct', 'ghg_reduction_pct', 'ghg_total_t', 'ghg_reduction_vs_base_year_pct', 'digital_diary_share_pct',
  'crop_yield_ta_per_ha', 'crop_output_t', 'consolidated_area_ha', 'consolidated_added_ha', 'training_coverage_pct',
]);
/** 'entered', or 'computed:<name>' with a name of ComputationNameSchema. */
export const Computation = z.union([z.literal('entered'), z.templateLiteral(['computed:', ComputationNameSchema])]);

export const PlanSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  issuingBody: z.string(),
  decisionNumber: z.string().nullable(),
  legalBasis: z.string().nullable(),
  scopeLevel: PlanScopeLevel,
  provinceCode: z.string(),
  provinceName: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  reportDueMonth: z.number().int(),
  reportDueDay: z.number().int(),
  indicatorCount: z.number().int(),
  taskCount: z.number().int(),
  overdueTaskCount: z.number().int(),
});
export const PlanList = z.object({ items: z.array(PlanSummary) });
export const PlanListQuery = z.object({ provinceCode: z.string().regex(/^[0-9]{2}$/).optional() });

export const TargetResponse = z.object({
  year: z.number().int(),
  breakdown: z.string(),
  comparator: TargetComparator,
  value: z.number(),
  asWritten: z.string().nullable(),
  source: z.string(),
});

/**
 * The target that applies to a year: the plan's own for that year ('explicit'); a straight line
 * between the plan's targets around it ('interpolated'); before the first, the first ('next'); after
 * the last, the last ('carried').
 */
export const YearTarget = z.object({
  year: z.number().int(),
  comparator: TargetComparator,
  value: z.number(),
  asWritten: z.string().nullable(),
  kind: z.enum(['explicit', 'interpolated', 'next', 'carried']),
  /** For interpolated, next and carried: the plan's target it comes from. */
  towards: z.object({ year: z.number().int(), value: z.number() }).nullable(),
});

export const EnteredValueResponse = z.object({
  id: z.uuid(),
  year: z.number().int(),
  breakdown: z.string(),
  adminUnitCode: z.string(),
  value: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
});

/** What a computed figure stands on, and where to see it. */
export const Evidence = z.object({
  computation: ComputationNameSchema,
  scope: z.object({ provinceCode: z.string(), communeCode: z.string().nullable(), year: z.number().int(), crop: z.string().nullable(), cropKind: z.string().nullable() }),
  basis: z.object({ seasons: z.number().int(), areaHa: z.number(), records: z.number().int() }),
  measure: z.object({ value: z.number(), unit: z.string() }).nullable(),
  missing: z.string().nullable(),
  /** The API listing of the records behind the figure. */
  recordsUrl: z.string(),
  /** The dashboard page showing the same scope. */
  dashboardPath: z.string(),
  refreshedAt: z.string().nullable(),
});

export const IndicatorProgress = z.object({
  breakdown: z.string(),
  actual: z.number().nullable(),
  actualKind: z.enum(['computed', 'entered']).nullable(),
  computed: Evidence.nullable(),
  entered: EnteredValueResponse.nullable(),
  target: YearTarget.nullable(),
  status: ProgressStatus,
  /** Share of the way from the baseline (or zero) to the target, %, when it can be said. */
  progressPct: z.number().nullable(),
});

export const IndicatorResponse = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  code: z.string(),
  position: z.number().int(),
  section: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: IndicatorDirection,
  computation: z.string(),
  computationParams: z.record(z.string(), z.unknown()),
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable(),
  baselineUnit: z.string().nullable(),
  baselineSource: z.string().nullable(),
  breakdownLabelVi: z.string().nullable(),
  breakdownLabelEn: z.string().nullable(),
  source: z.string(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  targets: z.array(TargetResponse),
  /** The whole scope ('' breakdown) first, then the rows of the plan's own table, for the asked year. */
  progress: z.array(IndicatorProgress),
});

export const PlanDetail = PlanSummary.extend({
  reportDueSource: z.string().nullable(),
  sourceDocument: z.string().nullable(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  year: z.number().int(),
  indicators: z.array(IndicatorResponse),
  /** Seasons queued for the dashboards and not yet in the figures (0 when up to date). */
  pendingSeasons: z.number().int(),
});
export const PlanDetailQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const CreatePlanBody = z.object({
  code: Code,
  nameVi: z.string().trim().min(1).max(500),
  nameEn: z.string().trim().min(1).max(500),
  issuingBody: z.string().trim().min(1).max(200),
  decisionNumber: z.string().trim().min(1).max(80).optional(),
  legalBasis: z.string().trim().min(1).max(500).optional(),
  unitCode: AdminCode,
  periodStartYear: Year,
  periodEndYear: Year,
  reportDueMonth: z.number().int().min(1).max(12).default(12),
  reportDueDay: z.number().int().min(1).max(31).default(10),
  reportDueSource: z.string().trim().max(500).optional(),
}).refine((b) => b.periodEndYear >= b.periodStartYear, { path: ['periodEndYear'], message: 'The period cannot end before it starts' });

export const UpdatePlanBody = z.object({
  nameVi: z.string().trim().min(1).max(500).optional(),
  nameEn: z.string().trim().min(1).max(500).optional(),
  decisionNumber: z.string().trim().min(1).max(80).nullable().optional(),
  reportDueMonth: z.number().int().min(1).max(12).optional(),
  reportDueDay: z.number().int().min(1).max(31).optional(),
  reportDueSource: z.string().trim().max(500).nullable().optional(),
});

export const CreateIndicatorBody = z.object({
  code: Code,
  section: z.string().trim().max(200).optional(),
  nameVi: z.string().trim().min(1).max(500),
  nameEn: z.string().trim().min(1).max(500),
  unit: z.string().trim().min(1).max(40),
  direction: IndicatorDirection,
  computation: Computation,
  computationParams: z.object({ crop: z.string().max(200).optional(), cropKind: z.string().max(40).optional(), roles: z.array(z.string()).max(10).optional() }).default({}),
  source: Citation,
  noteVi: z.string().trim().max(2000).optional(),
  noteEn: z.string().trim().max(2000).optional(),
});

export const UpdateIndicatorBaselineBody = z.object({
  baselineYear: Year.nullable(),
  baselineValue: z.number().finite(),
  baselineUnit: z.string().trim().min(1).max(40).optional(),
  baselineSource: Citation,
});

export const SetTargetBody = z.object({
  comparator: TargetComparator,
  value: z.number().finite(),
  asWritten: z.string().trim().max(200).optional(),
  breakdown: z.string().trim().max(120).default(''),
  source: Citation,
});
export const TargetParams = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });

export const EnterValueBody = z.object({
  year: Year,
  value: z.number().finite(),
  breakdown: z.string().trim().max(120).default(''),
  /** The unit the value describes; defaults to the plan's unit. */
  unitCode: AdminCode.optional(),
  source: Citation,
  note: z.string().trim().max(2000).optional(),
});

export const EvidenceQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  communeCode: z.string().regex(/^[0-9]{5}$/).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const EvidenceRecord = z.object({
  seasonId: z.uuid(),
  plotId: z.uuid(),
  plotCode: z.string(),
  communeCode: z.string(),
  cropCode: z.string(),
  seasonName: z.string(),
  year: z.number().int(),
  areaHa: z.number(),
  /** The season's own figure for this computation (e.g. its seed rate), when it has one. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
});
export const EvidencePage = z.object({
  indicatorId: z.uuid(),
  computation: ComputationNameSchema,
  scope: Evidence.shape.scope,
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(EvidenceRecord),
  /** For computations that read other records than seasons (consolidation, training). */
  note: z.string().nullable(),
});

// ---------------------------------------------------------------------------------- dashboards

export const DashboardQuery = z.object({
  provinceCode: z.string().regex(/^[0-9]{2}$/),
  communeCode: z.string().regex(/^[0-9]{5}$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  cropCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/).optional(),
  seasonName: z.enum(['dong_xuan', 'he_thu', 'thu_dong', 'xuan_he', 'mua', 'other']).optional(),
});

export const DashboardFigures = z.object({
  seasonCount: z.number().int(),
  areaHa: z.number(),
  diaryAreaHa: z.number(),
  lowEmissionSharePct: z.number().nullable(),
  awdSharePct: z.number().nullable(),
  seedRateKgPerHa: z.number().nullable(),
  chemicalNKgPerHa: z.number().nullable(),
  strawCollectedPct: z.number().nullable(),
  strawBurntPct: z.number().nullable(),
  postHarvestLossPct: z.number().nullable(),
  mechanisationPct: z.number().nullable(),
  yieldKgPerHa: z.number().nullable(),
  emissionSeasonCount: z.number().int(),
  projectCo2eT: z.number(),
  baselineCo2eT: z.number(),
  ghgReductionPct: z.number().nullable(),
  intensityTCo2ePerHa: z.number().nullable(),
});

export const DashboardUnitRow = DashboardFigures.extend({
  communeCode: z.string(),
  communeName: z.string(),
  plotCount: z.number().int(),
  plotAreaHa: z.number(),
  hasBoundary: z.boolean(),
});

export const DashboardSummary = z.object({
  scope: z.object({ provinceCode: z.string(), provinceName: z.string(), communeCode: z.string().nullable(), communeName: z.string().nullable(), year: z.number().int(), cropCode: z.string().nullable(), seasonName: z.string().nullable() }),
  totals: DashboardFigures,
  registeredPlots: z.object({ plotCount: z.number().int(), areaHa: z.number() }),
  byCommune: z.array(DashboardUnitRow),
  /** By year and season across every year on record (the trend), for the same filters except the year. */
  trend: z.array(DashboardFigures.extend({ year: z.number().int(), seasonName: z.string() })),
  byPractice: z.array(z.object({ waterRegime: z.string(), strawPractice: z.string(), seasonCount: z.number().int(), areaHa: z.number(), projectCo2eT: z.number() })),
  crops: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  years: z.array(z.number().int()),
  plans: z.array(z.object({ id: z.uuid(), code: z.string(), nameVi: z.string(), nameEn: z.string(), scopeLevel: PlanScopeLevel })),
  refreshedAt: z.string().nullable(),
  pendingSeasons: z.number().int(),
});

export const MapColourBy = z.enum(['practice', 'intensity']);
export const DashboardPlotsQuery = DashboardQuery.extend({ communeCode: z.string().regex(/^[0-9]{5}$/), colourBy: MapColourBy.default('practice') });
export const UnitMapQuery = DashboardQuery.omit({ communeCode: true }).extend({ indicator: z.enum(['ghgReductionPct', 'lowEmissionSharePct', 'awdSharePct', 'strawCollectedPct', 'intensityTCo2ePerHa']).default('lowEmissionSharePct') });

export const UploadBoundaryBody = z.object({
  /** A GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection of polygons (WGS 84). */
  geojson: z.record(z.string(), z.unknown()),
  source: z.string().trim().min(3).max(500),
  illustrative: z.boolean().default(false),
});
export const BoundaryResponse = z.object({
  adminUnitCode: z.string(),
  source: z.string(),
  illustrative: z.boolean(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  areaHa: z.number(),
});

export type CreatePlanBody = z.infer<typeof CreatePlanBody>;
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBody>;
export type UpdateIndicatorBaselineBody = z.infer<typeof UpdateIndicatorBaselineBody>;
export type SetTargetBody = z.infer<typeof SetTargetBody>;
export type EnterValueBody = z.infer<typeof EnterValueBody>;
export type DashboardQuery = z.infer<typeof DashboardQuery>;
export type UploadBoundaryBody = z.infer<typeof UploadBoundaryBody>;
