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

export type OrganisationKind = 'cooperative' | 'enterprise' | 'agency' | 'verifier';
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
  domesticCode: string | null;
  exportCode: string | null;
  status: Generated<GrowingAreaStatus>;
  provinceCode: string;
  communeCode: string;
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
}
