/**
 * Kysely's view of the tables (camelCase; CamelCasePlugin maps to snake_case). Kept beside the
 * migrations; a column added in a migration is added here in the same commit.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Geometry = ColumnType<string, string, string>;

export interface AdminUnitsTable {
  code: string;
  name: string;
  level: 'province' | 'commune';
  unitType: string;
  parentCode: string | null;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: string | null;
  boundary: Geometry | null;
}

export interface AdminUnitPredecessorsTable {
  oldCode: string;
  oldName: string;
  oldDistrictName: string | null;
  oldProvinceCode: string | null;
  oldProvinceName: string | null;
  newCode: string;
}

interface Audited {
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type OrganisationKind = 'cooperative' | 'cooperative_group' | 'enterprise' | 'agency' | 'verifier';
export interface OrganisationsTable extends Audited {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  provinceCode: string;
  communeCode: string | null;
  taxCode: string | null;
  gln: string | null;
}

export interface HouseholdsTable extends Audited {
  id: Generated<string>;
  organisationId: string | null;
  headName: string;
  phone: string | null;
  address: string | null;
  provinceCode: string;
  communeCode: string;
}

export type Role = 'farmer' | 'coop_manager' | 'coop_recorder' | 'commune_officer' | 'province_officer' | 'verifier' | 'enterprise' | 'admin';
export interface UsersTable {
  id: Generated<string>;
  displayName: string;
  phone: string | null;
  email: string | null;
  passwordHash: string;
  role: Role;
  organisationId: string | null;
  householdId: string | null;
  adminUnitCode: string | null;
  locale: Generated<'vi' | 'en'>;
  disabledAt: Date | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface SessionsTable {
  tokenHash: string;
  userId: string;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  revokedAt: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: string[];
  createdAt: Generated<Date>;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type LandUse = 'rice' | 'vegetables' | 'fruit' | 'tea' | 'coffee' | 'other';
export interface PlotsTable extends Audited {
  id: Generated<string>;
  code: string;
  name: string;
  householdId: string | null;
  organisationId: string | null;
  provinceCode: string;
  communeCode: string;
  landUse: Generated<LandUse>;
  boundary: Geometry;
  areaHa: number;
}

export type GrowingAreaStatus = 'draft' | 'submitted' | 'approved' | 'suspended' | 'revoked';
export interface GrowingAreasTable extends Audited {
  id: Generated<string>;
  organisationId: string | null;
  name: string;
  crop: string;
  standard: Generated<GrowingAreaStandard>;
  status: Generated<GrowingAreaStatus>;
  provinceCode: string;
  communeCode: string;
}
export type GrowingAreaStandard = 'vietgap' | 'globalgap' | 'organic' | 'basic';

export type GrowingAreaCodeKind = 'domestic' | 'export';
export type GrowingAreaCodeStatus = 'active' | 'suspended' | 'revoked';
export interface GrowingAreaCodesTable extends Audited {
  id: Generated<string>;
  growingAreaId: string;
  kind: GrowingAreaCodeKind;
  code: string;
  scheme: string;
  market: string | null;
  issuer: string;
  issuedOn: string;
  status: Generated<GrowingAreaCodeStatus>;
}

export interface GrowingAreaCodeHistoryTable {
  id: Generated<number>;
  codeId: string;
  status: GrowingAreaCodeStatus;
  reason: string | null;
  changedBy: string | null;
  changedAt: Generated<Date>;
}

export type HouseholdRelation = 'head' | 'spouse' | 'child' | 'parent' | 'other';
export interface HouseholdMembersTable {
  id: Generated<string>;
  householdId: string;
  provinceCode: string;
  fullName: string;
  relation: HouseholdRelation;
  birthYear: number | null;
  gender: 'male' | 'female' | null;
  phone: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface PlotBoundaryHistoryTable {
  plotId: string;
  version: number;
  provinceCode: string;
  boundary: Geometry;
  areaHa: number;
  validFrom: Timestamp;
  validTo: Timestamp | null;
  changedBy: string | null;
  reason: string | null;
}

export interface PlotOverlapOverridesTable {
  id: Generated<number>;
  plotId: string;
  otherPlotId: string;
  overlapHa: number;
  reason: string;
  createdBy: string;
  createdAt: Generated<Date>;
}

export interface GrowingAreaPlotsTable {
  growingAreaId: string;
  plotId: string;
}

export interface GrowingAreaStatusHistoryTable {
  id: Generated<number>;
  growingAreaId: string;
  status: GrowingAreaStatus;
  reason: string | null;
  changedBy: string | null;
  changedAt: Generated<Date>;
}

export interface DB {
  adminUnits: AdminUnitsTable;
  adminUnitPredecessors: AdminUnitPredecessorsTable;
  organisations: OrganisationsTable;
  households: HouseholdsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  plots: PlotsTable;
  growingAreas: GrowingAreasTable;
  growingAreaPlots: GrowingAreaPlotsTable;
  growingAreaStatusHistory: GrowingAreaStatusHistoryTable;
  growingAreaCodes: GrowingAreaCodesTable;
  growingAreaCodeHistory: GrowingAreaCodeHistoryTable;
  householdMembers: HouseholdMembersTable;
  plotBoundaryHistory: PlotBoundaryHistoryTable;
  plotOverlapOverrides: PlotOverlapOverridesTable;
  importJobs: ImportJobsTable;
  crops: CropsTable;
  cropVarieties: CropVarietiesTable;
  fertiliserProducts: FertiliserProductsTable;
  pesticideProducts: PesticideProductsTable;
  seasons: SeasonsTable;
  activities: ActivitiesTable;
  activityRevisions: ActivityRevisionsTable;
  activityBatches: ActivityBatchesTable;
  activityPhotos: ActivityPhotosTable;
  complianceFlags: ComplianceFlagsTable;
  // issue 5: MRV runs, verification, audit, credits (migration 2026-11-23T2100)
  mrvProjects: MrvProjectsTable;
  mrvProjectOrganisations: MrvProjectOrganisationsTable;
  mrvRecalcJobs: MrvRecalcJobsTable;
  mrvRuns: MrvRunsTable;
  submissions: SubmissionsTable;
  submissionItems: SubmissionItemsTable;
  submissionEvents: SubmissionEventsTable;
  verificationSamples: VerificationSamplesTable;
  verificationFindings: VerificationFindingsTable;
  auditLog: AuditLogTable;
  creditAccounts: CreditAccountsTable;
  creditSerialCounters: CreditSerialCountersTable;
  creditIssuances: CreditIssuancesTable;
  creditedSeasons: CreditedSeasonsTable;
  creditBlocks: CreditBlocksTable;
  creditTransfers: CreditTransfersTable;
  creditRetirements: CreditRetirementsTable;
  registryAcknowledgements: RegistryAcknowledgementsTable;
  traceTradeItems: TraceTradeItemsTable;
  traceSeasonSources: TraceSeasonSourcesTable;
  traceLots: TraceLotsTable;
  traceLotOrigins: TraceLotOriginsTable;
  traceEvents: TraceEventsTable;
  traceEventLots: TraceEventLotsTable;
  traceEpcisImports: TraceEpcisImportsTable;
  labelSchemes: LabelSchemesTable;
  labelEvaluations: LabelEvaluationsTable;
  labelSeasonBalances: LabelSeasonBalancesTable;
  labelCertificates: LabelCertificatesTable;
  labelCertificateAllocations: LabelCertificateAllocationsTable;
  labelCertificateHistory: LabelCertificateHistoryTable;
  // issue 7: plans, dashboards, reports, programme (migration 2026-11-23T2200)
  plans: PlansTable;
  planIndicators: PlanIndicatorsTable;
  planIndicatorTargets: PlanIndicatorTargetsTable;
  indicatorValues: IndicatorValuesTable;
  seasonSummaries: SeasonSummariesTable;
  emissionFactorSets: EmissionFactorSetsTable;
  dashboardRollups: DashboardRollupsTable;
  dashboardCommuneCrops: DashboardCommuneCropsTable;
  plotRollups: PlotRollupsTable;
  seasonSummaryQueue: SeasonSummaryQueueTable;
  plotRollupQueue: PlotRollupQueueTable;
  unitBoundaries: UnitBoundariesTable;
  ecologicalZones: EcologicalZonesTable;
  ecologicalZoneUnits: EcologicalZoneUnitsTable;
  yearlyReports: YearlyReportsTable;
  yearlyReportVersions: YearlyReportVersionsTable;
  programmeTasks: ProgrammeTasksTable;
  programmeTaskNotes: ProgrammeTaskNotesTable;
  trainingEvents: TrainingEventsTable;
  trainingAttendance: TrainingAttendanceTable;
  trainingTargets: TrainingTargetsTable;
  landConsolidations: LandConsolidationsTable;
  landConsolidationPlots: LandConsolidationPlotsTable;
}

export type ImportJobKind = 'plots' | 'households';
export type ImportJobFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'shapefile';
export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface StoredImportRefusal { row: number; field: string; message: string; reason: string }
export interface ImportJobsTable {
  id: Generated<string>;
  kind: ImportJobKind;
  format: ImportJobFormat;
  crs: Generated<'wgs84' | 'vn2000'>;
  crsProvinceCode: string | null;
  crsMeridian: number | null;
  organisationId: string | null;
  status: Generated<ImportJobStatus>;
  totalRows: number | null;
  processedRows: Generated<number>;
  importedRows: Generated<number>;
  /** jsonb: written as JSON text, read back parsed. */
  refusals: ColumnType<StoredImportRefusal[], string | undefined, string>;
  refusedCount: Generated<number>;
  error: string | null;
  fileName: string | null;
  fileSize: number;
  fileContent: ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
  attempts: Generated<number>;
  heartbeatAt: Date | null;
  actorRole: Role;
  actorOrganisationId: string | null;
  actorHouseholdId: string | null;
  actorAdminUnitCode: string | null;
  actorPermissions: string[];
  actorVia: 'session' | 'token';
  createdBy: string;
  createdAt: Generated<Date>;
  startedAt: Date | null;
  finishedAt: Date | null;
}

// ------------------------------------------------------------------ farming diary (migration 2026-11-23T2000)

/** jsonb columns are written as JSON text (both drivers) and read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export type CropKind = 'rice' | 'vegetable' | 'field_crop' | 'fruit' | 'perennial' | 'other';
export interface CropsTable {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: CropKind;
  family: string;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface CropVarietiesTable {
  cropCode: string;
  code: string;
  nameVi: string;
  nameEn: string;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface FertiliserProductsTable {
  code: string;
  nameVi: string;
  nameEn: string;
  nFraction: number;
  p2o5Fraction: number;
  k2oFraction: number;
  isUrea: boolean;
  nSource: 'synthetic' | 'organic';
  limeKind: 'limestone' | 'dolomite' | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface StoredActiveIngredient { name: string; concentration?: string }
export interface PesticideProductsTable {
  code: string;
  name: string;
  activeIngredients: Json<StoredActiveIngredient[]>;
  defaultPhiDays: number;
  phiSource: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export type SeasonName = 'dong_xuan' | 'he_thu' | 'thu_dong' | 'xuan_he' | 'mua' | 'other';
export type SeasonStatus = 'planned' | 'in_progress' | 'harvested' | 'closed';
export type ProductionStandard = 'vietgap' | 'globalgap' | 'organic' | 'basic' | 'low_emission_rice' | 'none';
export interface SeasonsTable {
  id: Generated<string>;
  clientId: string | null;
  plotId: string;
  provinceCode: string;
  communeCode: string;
  organisationId: string | null;
  householdId: string | null;
  cropCode: string;
  variety: string | null;
  seasonName: SeasonName;
  year: number;
  plannedStartOn: string;
  plannedEndOn: string | null;
  actualStartOn: string | null;
  actualEndOn: string | null;
  previousHarvestOn: string | null;
  areaHa: number;
  status: Generated<SeasonStatus>;
  standard: ProductionStandard | null;
  expectedYieldKgPerHa: number | null;
  expectedMarket: string | null;
  notes: string | null;
  version: Generated<number>;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type ActivityTypeName =
  | 'land_preparation' | 'sowing' | 'fertiliser' | 'pesticide' | 'irrigation' | 'drainage' | 'water_level' | 'straw'
  | 'mechanised_operation' | 'harvest' | 'post_harvest_loss';
export interface ActivitiesTable {
  id: Generated<string>;
  clientId: string;
  payloadHash: string;
  seasonId: string;
  provinceCode: string;
  type: ActivityTypeName;
  occurredOn: string;
  details: Json<Record<string, unknown>>;
  version: Generated<number>;
  deletedAt: Date | null;
  deletedBy: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
  recordedOnBehalf: boolean;
  batchId: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface ActivityRevisionsTable {
  activityId: string;
  provinceCode: string;
  version: number;
  occurredOn: string;
  details: Json<Record<string, unknown>>;
  deletedAt: Date | null;
  mutationClientId: string | null;
  supersededBy: string;
  supersededAt: Generated<Date>;
}

export interface ActivityBatchesTable {
  id: string;
  payloadHash: string;
  seasonCount: number;
  createdBy: string;
  createdAt: Generated<Date>;
}

export interface ActivityPhotosTable {
  id: Generated<string>;
  activityId: string;
  provinceCode: string;
  seasonId: string;
  contentSha256: string;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
  byteSize: number;
  /** bytea: Buffer from pg, Uint8Array from PGlite. */
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  capturedAt: ColumnType<Date, Date | string, Date | string>;
  lat: number | null;
  lon: number | null;
  distanceToPlotM: number | null;
  flags: string[];
  uploadedBy: string;
  uploadedAt: Generated<Date>;
}

export type ComplianceFlagKind = 'phi_violation' | 'rotation' | 'photo_far' | 'photo_stale' | 'photo_unlocated' | 'missing_records';
export interface ComplianceFlagsTable {
  id: Generated<string>;
  seasonId: string;
  provinceCode: string;
  activityId: string | null;
  kind: ComplianceFlagKind;
  flagKey: string;
  detail: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  createdAt: Generated<Date>;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
}

// ------------------------------------------------------------------ MRV runs, verification, audit, credits (migration 2026-11-23T2100)

export interface StoredBaselinePractice {
  waterRegime: 'continuously_flooded' | 'single_drainage' | 'multiple_drainage';
  strawManagement: 'incorporated_lt30d' | 'incorporated_gt30d' | 'removed' | 'burnt';
  /** t dry matter/ha; null: the season's own recorded straw. */
  strawDmTPerHa: number | null;
}
export interface MrvProjectsTable {
  id: Generated<string>;
  code: string;
  name: string;
  provinceCode: string;
  methodology: string;
  gwpSet: 'AR5' | 'AR6';
  uncertainty: number | null;
  baselineKind: 'fixed_practice' | 'look_back';
  baselinePractice: ColumnType<StoredBaselinePractice | null, string | null, string | null>;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface MrvProjectOrganisationsTable {
  projectId: string;
  organisationId: string;
  addedBy: string;
  addedAt: Generated<Date>;
}
export type RecalcJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface MrvRecalcJobsTable {
  id: Generated<string>;
  scopeKind: 'province' | 'commune';
  scopeCode: string;
  provinceCode: string;
  source: 'diary' | 'snapshots';
  status: Generated<RecalcJobStatus>;
  total: number | null;
  processed: Generated<number>;
  computed: Generated<number>;
  skipped: Generated<number>;
  checkpointSeasonId: string | null;
  error: string | null;
  methodVersion: string;
  factorTableVersion: string;
  attempts: Generated<number>;
  heartbeatAt: Date | null;
  requestedBy: string | null;
  requestedVia: 'api' | 'cli';
  createdAt: Generated<Date>;
  startedAt: Date | null;
  finishedAt: Date | null;
}
export interface MrvRunsTable {
  id: Generated<string>;
  seasonId: string;
  plotId: string;
  provinceCode: string;
  communeCode: string;
  organisationId: string | null;
  householdId: string | null;
  projectId: string | null;
  kind: 'crediting' | 'scenario';
  inputSnapshot: Json<unknown>;
  inputHash: string;
  methodVersion: string;
  factorTableVersion: string;
  result: Json<unknown>;
  areaHa: number;
  co2eTotalT: number;
  baselineCo2eT: number | null;
  reductionTco2e: number | null;
  reductionTco2ePerHa: number | null;
  netErTco2e: number | null;
  jobId: string | null;
  isCurrent: Generated<boolean>;
  supersededBy: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}
export type SubmissionState = 'draft' | 'submitted' | 'reviewed' | 'verified' | 'returned';
export interface SubmissionsTable {
  id: Generated<string>;
  rootId: string;
  revision: number;
  previousRevisionId: string | null;
  supersededBy: string | null;
  organisationId: string;
  provinceCode: string;
  communeCode: string;
  projectId: string | null;
  periodStart: string;
  periodEnd: string;
  title: string;
  state: Generated<SubmissionState>;
  returnReason: string | null;
  correctionReason: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  verifierOrganisationId: string | null;
  sampleSeed: number | null;
  sampleRule: string | null;
  sampledBy: string | null;
  sampledAt: Date | null;
  version: Generated<number>;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}
export interface SubmissionItemsTable {
  submissionId: string;
  seasonId: string;
  provinceCode: string;
  plotId: string;
  runId: string | null;
  areaHa: number;
}
export interface SubmissionEventsTable {
  id: Generated<number>;
  submissionId: string;
  action: string;
  fromState: SubmissionState | null;
  toState: SubmissionState;
  reason: string | null;
  actorId: string;
  at: Date;
}
export interface VerificationSamplesTable {
  submissionId: string;
  seasonId: string;
  position: number;
}
export type FindingOutcome = 'conforms' | 'minor_discrepancy' | 'major_discrepancy';
export interface VerificationFindingsTable {
  id: Generated<string>;
  submissionId: string;
  seasonId: string;
  outcome: FindingOutcome;
  note: string;
  recordedBy: string;
  recordedAt: Date;
}
export interface AuditLogTable {
  seq: Generated<number>;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  provinceCode: string | null;
  payload: Json<Record<string, unknown>>;
  prevHash: string;
  hash: string;
}
export interface CreditAccountsTable {
  id: Generated<string>;
  organisationId: string;
  name: string;
  provinceCode: string;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface CreditSerialCountersTable {
  projectId: string;
  vintage: number;
  lastSerial: Generated<number>;
}
export interface CreditIssuancesTable {
  id: Generated<string>;
  projectId: string;
  vintage: number;
  submissionId: string;
  accountId: string;
  serialStart: number;
  serialEnd: number;
  quantity: number;
  netErTco2e: number;
  methodology: string;
  verifierOrganisationId: string | null;
  verifiedBy: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface CreditedSeasonsTable {
  seasonId: string;
  periodStart: string;
  periodEnd: string;
  issuanceId: string;
  netErTco2e: number;
}
export interface CreditBlocksTable {
  id: Generated<string>;
  issuanceId: string;
  projectId: string;
  vintage: number;
  accountId: string;
  serialStart: number;
  serialEnd: number;
  status: Generated<'active' | 'retired' | 'split'>;
  parentBlockId: string | null;
  createdAt: Generated<Date>;
}
export interface CreditTransfersTable {
  id: Generated<string>;
  projectId: string;
  vintage: number;
  fromAccountId: string;
  toAccountId: string;
  serialStart: number;
  serialEnd: number;
  quantity: number;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface CreditRetirementsTable {
  id: Generated<string>;
  projectId: string;
  vintage: number;
  accountId: string;
  blockId: string;
  serialStart: number;
  serialEnd: number;
  quantity: number;
  beneficiary: string;
  reason: string;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface RegistryAcknowledgementsTable {
  id: Generated<string>;
  projectId: string;
  recordKind: 'issuance' | 'transfer' | 'retirement';
  recordId: string;
  serialRange: string;
  status: 'accepted' | 'rejected' | 'pending';
  registryReference: string | null;
  message: string | null;
  acknowledgedAt: Date;
  importedBy: string;
  importedAt: Generated<Date>;
}

// ------------------------------------------------------------------ traceability and label (migration 2026-11-23T2130)

export type TraceProductKind = 'paddy' | 'milled_rice' | 'broken_rice' | 'bran' | 'husk' | 'other';
export interface TraceTradeItemsTable {
  id: Generated<string>;
  organisationId: string;
  gtin: string;
  companyPrefix: string;
  nameVi: string;
  nameEn: string;
  productKind: TraceProductKind;
  netContentKg: number | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface StoredSeasonPractices {
  awd: boolean;
  waterRegime: string | null;
  strawBurnt: boolean;
  nKgPerHa: number | null;
  seedRateKgPerHa: number | null;
  variety: string | null;
}
export interface TraceSeasonSourcesTable {
  seasonId: string;
  provinceCode: string;
  communeCode: string;
  plotId: string;
  organisationId: string | null;
  harvestedKg: number;
  drawnKg: Generated<number>;
  co2eT: number;
  baselineCo2eT: number;
  verified: boolean;
  method: string;
  practices: Json<StoredSeasonPractices>;
  refreshedAt: Date;
  createdBy: string;
  createdAt: Generated<Date>;
}
export type TraceLotStatus = 'active' | 'in_transit' | 'consumed';
export interface TraceLotsTable {
  id: Generated<string>;
  kind: 'lot' | 'unit';
  code: string;
  lotNumber: string | null;
  tradeItemId: string | null;
  gtin: string | null;
  productKind: TraceProductKind;
  organisationId: string;
  provinceCode: string;
  communeCode: string | null;
  massKg: number;
  availableKg: number;
  moisturePct: number | null;
  producedOn: string;
  status: Generated<TraceLotStatus>;
  inTransitTo: string | null;
  parentLotId: string | null;
  co2eKg: number;
  baselineCo2eKg: number;
  createdEventId: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}
export interface TraceLotOriginsTable {
  lotId: string;
  seasonId: string;
  provinceCode: string;
  harvestedKg: number;
  labelKg: number;
}
export type TraceOperation = 'harvest' | 'aggregation' | 'transformation' | 'split' | 'packing' | 'palletising' | 'shipping' | 'receiving' | 'imported';
export type EpcisEventType = 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent' | 'TransactionEvent' | 'AssociationEvent';
export interface TraceEventsTable {
  id: Generated<string>;
  eventId: string;
  operation: TraceOperation;
  eventType: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: ColumnType<Date, Date | string, Date | string>;
  eventTimeZoneOffset: string;
  organisationId: string | null;
  provinceCode: string | null;
  inputKg: number | null;
  outputKg: number | null;
  epcis: Json<Record<string, unknown>>;
  importId: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface TraceEventLotsTable {
  eventId: string;
  lotId: string;
  role: 'input' | 'output' | 'by_product' | 'object' | 'parent' | 'child';
  massKg: number | null;
}
export interface TraceEpcisImportsTable {
  id: Generated<string>;
  organisationId: string | null;
  provinceCode: string | null;
  fileName: string | null;
  documentType: string;
  summary: Json<Record<string, unknown>>;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface LabelSchemesTable {
  id: Generated<string>;
  code: string;
  nameVi: string;
  nameEn: string;
  owner: string;
  cropKind: CropKind | null;
  criteria: Json<unknown[]>;
  basis: string;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Generated<Date>;
}
export interface LabelEvaluationsTable {
  id: Generated<string>;
  schemeId: string;
  subject: 'season' | 'lot';
  seasonId: string | null;
  lotId: string | null;
  provinceCode: string;
  organisationId: string | null;
  eligible: boolean;
  results: Json<unknown[]>;
  evaluatedBy: string;
  evaluatedAt: Generated<Date>;
}
export interface LabelSeasonBalancesTable {
  seasonId: string;
  provinceCode: string;
  schemeId: string;
  eligibleKg: number;
  labelledKg: Generated<number>;
  updatedAt: Generated<Date>;
}
export type LabelCertificateStatus = 'active' | 'suspended' | 'revoked';
export interface LabelCertificatesTable {
  id: Generated<string>;
  number: string;
  kind: 'low_emission' | 'vietgap' | 'organic';
  schemeId: string | null;
  holderOrganisationId: string;
  lotId: string | null;
  growingAreaId: string | null;
  scope: string;
  issuer: string;
  quantityKg: number | null;
  validFrom: string;
  validTo: string;
  status: Generated<LabelCertificateStatus>;
  statusReason: string | null;
  provinceCode: string;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}
export interface LabelCertificateAllocationsTable {
  certificateId: string;
  seasonId: string;
  schemeId: string;
  harvestedKg: number;
}
export interface LabelCertificateHistoryTable {
  id: Generated<number>;
  certificateId: string;
  status: LabelCertificateStatus;
  reason: string | null;
  changedBy: string;
  changedAt: Generated<Date>;
}

// ------------------------------------------------------------------ plans, dashboards, reports, programme (migration 2026-11-23T2200)

export type PlanScopeLevel = 'province' | 'commune';
export interface PlansTable {
  id: Generated<string>;
  code: string;
  nameVi: string;
  nameEn: string;
  issuingBody: string;
  decisionNumber: string | null;
  legalBasis: string | null;
  scopeLevel: PlanScopeLevel;
  provinceCode: string;
  communeCode: string | null;
  periodStartYear: number;
  periodEndYear: number;
  reportDueMonth: Generated<number>;
  reportDueDay: Generated<number>;
  reportDueSource: string | null;
  sourceDocument: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type IndicatorDirection = 'increase' | 'decrease';
export interface PlanIndicatorsTable {
  id: Generated<string>;
  planId: string;
  code: string;
  position: Generated<number>;
  section: string | null;
  nameVi: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
  computation: string;
  computationParams: ColumnType<Record<string, unknown>, string | undefined, string>;
  baselineYear: number | null;
  baselineValue: number | null;
  baselineUnit: string | null;
  baselineSource: string | null;
  breakdownLabelVi: string | null;
  breakdownLabelEn: string | null;
  source: string;
  noteVi: string | null;
  noteEn: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type TargetComparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
export interface PlanIndicatorTargetsTable {
  indicatorId: string;
  year: number;
  breakdown: Generated<string>;
  comparator: TargetComparator;
  value: number;
  asWritten: string | null;
  source: string;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface IndicatorValuesTable {
  id: Generated<string>;
  indicatorId: string;
  year: number;
  breakdown: Generated<string>;
  adminUnitCode: string;
  provinceCode: string;
  value: number;
  source: string;
  note: string | null;
  enteredBy: string | null;
  enteredAt: Generated<Date>;
  supersededBy: string | null;
  supersededAt: Date | null;
}

export interface SeasonSummariesTable {
  seasonId: string;
  provinceCode: string;
  communeCode: string;
  plotId: string;
  organisationId: string | null;
  householdId: string | null;
  cropCode: string;
  cropKind: string;
  seasonName: string;
  year: number;
  areaHa: number;
  status: string;
  standard: string | null;
  activityCount: number;
  waterRegime: string | null;
  awd: boolean;
  lowEmission: boolean;
  sustainable: boolean;
  codedArea: boolean;
  seedRateKgPerHa: number | null;
  nSyntheticKgPerHa: number;
  nOrganicKgPerHa: number;
  ureaKgPerHa: number;
  limestoneKgPerHa: number;
  dolomiteKgPerHa: number;
  strawDmPerHaT: number;
  strawRemovedPerHaT: number;
  strawBurntPerHaT: number;
  strawIncorporatedPerHaT: number;
  strawPractice: string;
  yieldKgPerHa: number | null;
  postHarvestLossPct: number | null;
  mechanisedSynchronous: boolean;
  mechanisedOperations: number;
  pesticideApplications: number;
  cultivationDays: number | null;
  emissionSource: 'mrv_run' | 'diary_calculation' | null;
  emissionMissing: string | null;
  projectCo2eT: number | null;
  baselineCo2eT: number | null;
  ch4RiceKg: number | null;
  ch4BurningKg: number | null;
  n2oDirectKg: number | null;
  n2oIndirectKg: number | null;
  n2oBurningKg: number | null;
  co2UreaKg: number | null;
  co2LimeKg: number | null;
  factorSetKey: string | null;
  methodVersion: string | null;
  mrvRunId: string | null;
  refreshedAt: Date;
}

export interface StoredFactorUse { id: string; value: number; source: string }
export interface EmissionFactorSetsTable {
  key: string;
  methodVersion: string;
  factorTableVersion: string;
  factors: ColumnType<StoredFactorUse[], string, string>;
  createdAt: Generated<Date>;
}

export interface DashboardRollupsTable {
  provinceCode: string;
  communeCode: string;
  cropCode: string;
  cropKind: string;
  seasonName: string;
  year: number;
  waterRegime: string;
  strawPractice: string;
  seasonCount: number;
  areaHa: number;
  diarySeasonCount: number;
  diaryAreaHa: number;
  lowEmissionAreaHa: number;
  sustainableAreaHa: number;
  codedAreaHa: number;
  awdAreaHa: number;
  seedAreaHa: number;
  seedKg: number;
  nSyntheticKg: number;
  nOrganicKg: number;
  ureaKg: number;
  limestoneKg: number;
  dolomiteKg: number;
  pesticideApplications: number;
  strawDmT: number;
  strawRemovedT: number;
  strawBurntT: number;
  strawIncorporatedT: number;
  yieldAreaHa: number;
  productionKg: number;
  lossAreaHa: number;
  lossPctArea: number;
  mechAreaHa: number;
  emSeasonCount: number;
  emAreaHa: number;
  emHaDays: number;
  emNitrogenSyntheticKg: number;
  emNitrogenOrganicKg: number;
  emUreaKg: number;
  emLimestoneKg: number;
  emDolomiteKg: number;
  emBurntDmT: number;
  projectCo2eT: number;
  baselineCo2eT: number;
  ch4RiceKg: number;
  ch4BurningKg: number;
  n2oDirectKg: number;
  n2oIndirectKg: number;
  n2oBurningKg: number;
  co2UreaKg: number;
  co2LimeKg: number;
  factorSetKeys: string[];
  refreshedAt: Date;
}

export interface DashboardCommuneCropsTable {
  provinceCode: string;
  communeCode: string;
  year: number;
  cropCode: string;
  plotCount: number;
  plotAreaHa: number;
  diarisedPlotCount: number;
  diarisedPlotAreaHa: number;
  lowEmissionPlotAreaHa: number;
  refreshedAt: Date;
}

export interface PlotRollupsTable {
  provinceCode: string;
  communeCode: string;
  plotCount: number;
  areaHa: number;
  minLon: number | null;
  minLat: number | null;
  maxLon: number | null;
  maxLat: number | null;
  centroidLon: number | null;
  centroidLat: number | null;
  refreshedAt: Date;
}

export interface SeasonSummaryQueueTable {
  seasonId: string;
  provinceCode: string;
  queuedAt: Generated<Date>;
}
export interface PlotRollupQueueTable {
  provinceCode: string;
  communeCode: string;
  queuedAt: Generated<Date>;
}

export interface UnitBoundariesTable {
  id: Generated<number>;
  adminUnitCode: string;
  boundary: Geometry;
  source: string;
  illustrative: Generated<boolean>;
  uploadedBy: string | null;
  uploadedAt: Generated<Date>;
  replacedAt: Date | null;
}

export interface EcologicalZonesTable {
  code: string;
  nameVi: string;
  nameEn: string;
  source: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
}
export interface EcologicalZoneUnitsTable {
  adminUnitCode: string;
  zoneCode: string;
  assignedBy: string | null;
  assignedAt: Generated<Date>;
}

export type YearlyReportStatus = 'draft' | 'reviewed' | 'submitted' | 'returned';
export interface YearlyReportsTable {
  id: Generated<string>;
  planId: string;
  year: number;
  level: PlanScopeLevel;
  provinceCode: string;
  communeCode: string | null;
  unitCode: string;
  status: Generated<YearlyReportStatus>;
  currentVersion: Generated<number>;
  dueOn: string;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}
export interface YearlyReportVersionsTable {
  reportId: string;
  version: number;
  content: ColumnType<Record<string, unknown>, string, string>;
  contentSha256: string;
  generatedBy: string;
  generatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  returnReason: string | null;
}

export type ProgrammeTaskStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';
export interface ProgrammeTasksTable {
  id: Generated<string>;
  planId: string;
  code: string;
  position: Generated<number>;
  groupCode: string | null;
  groupTitle: string | null;
  title: string;
  leadAgency: string;
  partnerAgencies: string | null;
  expectedResult: string | null;
  deadlineText: string;
  dueOn: string | null;
  recurrence: Generated<'none' | 'yearly'>;
  status: Generated<ProgrammeTaskStatus>;
  source: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}
export interface ProgrammeTaskNotesTable {
  id: Generated<number>;
  taskId: string;
  note: string;
  status: ProgrammeTaskStatus;
  progressPct: number | null;
  notedBy: string;
  notedAt: Generated<Date>;
}

export type TrainingRole = 'extension_officer' | 'technical_staff' | 'commune_officer' | 'manager' | 'core_farmer' | 'farmer' | 'cooperative' | 'enterprise' | 'other';
export interface TrainingEventsTable {
  id: Generated<string>;
  planId: string | null;
  provinceCode: string;
  communeCode: string | null;
  topic: string;
  heldOn: string;
  place: string;
  trainer: string;
  notes: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface TrainingAttendanceTable {
  eventId: string;
  role: TrainingRole;
  attendeeCount: number;
}
export interface TrainingTargetsTable {
  planId: string;
  role: TrainingRole;
  population: number;
  targetPct: number;
  targetYear: number;
  source: string;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type LandConsolidationKind = 'lease' | 'transfer' | 'capital_contribution';
export interface LandConsolidationsTable {
  id: Generated<string>;
  provinceCode: string;
  communeCode: string;
  kind: LandConsolidationKind;
  fromParty: string;
  toParty: string;
  toOrganisationId: string | null;
  areaHa: number;
  agreedOn: string;
  termYears: number | null;
  notes: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export interface LandConsolidationPlotsTable {
  consolidationId: string;
  plotId: string;
}
