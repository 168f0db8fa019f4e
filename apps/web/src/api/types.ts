/**
 * Response shapes of the server's registry and auth endpoints, as the server's contracts state
 * them. When @dongxanh/contracts exports the zod schemas for these, import the inferred types from
 * there instead and delete this file (one definition per shape).
 */
export type Role =
  | 'farmer'
  | 'coop_manager'
  | 'coop_recorder'
  | 'commune_officer'
  | 'province_officer'
  | 'verifier'
  | 'enterprise'
  | 'admin';

export const ROLES: readonly Role[] = [
  'farmer',
  'coop_manager',
  'coop_recorder',
  'commune_officer',
  'province_officer',
  'verifier',
  'enterprise',
  'admin',
];

export interface SessionUser {
  id: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  adminUnitCode: string | null;
}

export interface UserResponse {
  user: SessionUser;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PlotListItem {
  id: string;
  code: string;
  name: string;
  householdName: string;
  organisationName: string;
  communeCode: string;
  communeName: string;
  areaHa: number;
  landUse: string;
  centroid: [number, number];
}

export type Position = number[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type PlotGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface PlotFeatureProperties {
  id: string;
  code: string;
  name: string;
  areaHa: number;
}

export interface PlotFeature {
  type: 'Feature';
  id?: string | number;
  geometry: PlotGeometry | null;
  properties: PlotFeatureProperties;
}

export interface PlotFeatureCollection {
  type: 'FeatureCollection';
  features: PlotFeature[];
}

export interface PlotOverlap {
  id: string;
  code: string;
  overlapHa: number;
}

export interface PlotDetail {
  id: string;
  code: string;
  name: string;
  householdName: string;
  organisationName: string;
  communeCode: string;
  communeName: string;
  provinceName: string;
  areaHa: number;
  landUse: string;
  boundary: PlotGeometry;
  overlaps: PlotOverlap[];
  createdAt: string;
  createdBy: string;
}

export type OrganisationKind = 'cooperative' | 'enterprise' | 'agency' | 'verifier';

export interface OrganisationListItem {
  id: string;
  name: string;
  kind: OrganisationKind;
  communeCode: string;
  communeName: string;
  memberCount: number;
  plotCount: number;
}

export type AdminUnitLevel = 'province' | 'commune';

export interface AdminUnit {
  code: string;
  name: string;
  level: AdminUnitLevel;
  parentCode: string | null;
}

export interface RefusedRow {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  refused: RefusedRow[];
}

export type ImportFormat = 'geojson' | 'csv';
