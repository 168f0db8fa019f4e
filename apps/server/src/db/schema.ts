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
