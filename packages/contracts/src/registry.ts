import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const LinearRing = z.array(Position).min(4, 'A ring needs at least 4 positions (closed)');
export const GeoJsonPolygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1) });
export const GeoJsonMultiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(LinearRing).min(1)).min(1) });
export const GeoJsonArea = z.discriminatedUnion('type', [GeoJsonPolygon, GeoJsonMultiPolygon]);
export type GeoJsonArea = z.infer<typeof GeoJsonArea>;

export const AdminUnitLevel = z.enum(['province', 'commune']);
export const AdminUnitQuery = PageQuery.extend({
  level: AdminUnitLevel.optional(),
  parentCode: z.string().regex(/^[0-9]{2}$/).optional(),
  q: z.string().trim().max(100).optional(),
});
export const AdminUnitResponse = z.object({
  code: z.string(),
  name: z.string(),
  level: AdminUnitLevel,
  unitType: z.string(),
  parentCode: z.string().nullable(),
});
export const AdminUnitPage = pageOf(AdminUnitResponse);
export const ResolvedAdminUnitResponse = AdminUnitResponse.extend({
  resolvedFrom: z.object({ oldCode: z.string(), oldName: z.string(), oldDistrictName: z.string().nullable(), oldProvinceName: z.string().nullable() }).nullable(),
});

export const OrganisationKind = z.enum(['cooperative', 'enterprise', 'agency', 'verifier']);
export const OrganisationResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKind,
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  memberCount: z.number().int(),
  plotCount: z.number().int(),
});
export const OrganisationPage = pageOf(OrganisationResponse);
export const CreateOrganisationBody = z.object({
  name: z.string().trim().min(1).max(200),
  kind: OrganisationKind,
  communeCode: z.string().regex(/^[0-9]{5}$/, 'A commune code has 5 digits'),
  taxCode: z.string().trim().max(20).optional(),
  gln: z.string().regex(/^[0-9]{13}$/, 'A GLN has 13 digits').optional(),
});

export const HouseholdResponse = z.object({
  id: z.uuid(),
  headName: z.string(),
  phone: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  plotCount: z.number().int(),
  areaHa: z.number(),
});
export const HouseholdPage = pageOf(HouseholdResponse);
export const CreateHouseholdBody = z.object({
  headName: z.string().trim().min(1).max(200),
  phone: z.string().trim().regex(/^\+?[0-9]{9,15}$/).optional(),
  address: z.string().trim().max(300).optional(),
  organisationId: z.uuid().optional(),
  communeCode: z.string().regex(/^[0-9]{5}$/, 'A commune code has 5 digits'),
});

export const LandUse = z.enum(['rice', 'vegetables', 'fruit', 'tea', 'coffee', 'other']);
export const PlotQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  communeCode: z.string().regex(/^[0-9]{5}$/).optional(),
});
export const PlotSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  householdId: z.uuid().nullable(),
  householdName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  areaHa: z.number(),
  landUse: LandUse,
  centroid: z.tuple([z.number(), z.number()]),
});
export const PlotPage = pageOf(PlotSummary);
export const PlotDetail = PlotSummary.extend({
  provinceName: z.string(),
  boundary: GeoJsonArea,
  overlaps: z.array(z.object({ id: z.uuid(), code: z.string(), overlapHa: z.number() })),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const RegisterPlotBody = z.object({
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
  householdId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  communeCode: z.string().regex(/^[0-9]{5}$/, 'A commune code has 5 digits').optional(),
  landUse: LandUse.default('rice'),
  boundary: GeoJsonArea,
});
export type RegisterPlotBody = z.infer<typeof RegisterPlotBody>;
export const UpdatePlotBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  landUse: LandUse.optional(),
  boundary: GeoJsonArea.optional(),
});

export const GrowingAreaStatus = z.enum(['draft', 'submitted', 'approved', 'suspended', 'revoked']);
export const GrowingAreaResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  crop: z.string(),
  domesticCode: z.string().nullable(),
  exportCode: z.string().nullable(),
  status: GrowingAreaStatus,
  organisationId: z.uuid().nullable(),
  communeCode: z.string(),
  plotCount: z.number().int(),
  areaHa: z.number(),
  history: z.array(z.object({ status: GrowingAreaStatus, reason: z.string().nullable(), changedAt: z.string(), changedBy: z.string().nullable() })),
});
export const CreateGrowingAreaBody = z.object({
  name: z.string().trim().min(1).max(200),
  crop: z.string().trim().min(1).max(60),
  plotIds: z.array(z.uuid()).min(1),
  domesticCode: z.string().trim().max(40).optional(),
  exportCode: z.string().trim().max(40).optional(),
});
export const ChangeGrowingAreaStatusBody = z.object({ status: GrowingAreaStatus, reason: z.string().trim().max(500).optional() });

export const ImportFormat = z.enum(['geojson', 'csv']);
export const ImportPlotsQuery = z.object({ format: ImportFormat, organisationId: z.uuid().optional() });
export const ImportRefusal = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export const ImportPlotsResponse = z.object({ imported: z.number().int(), refused: z.array(ImportRefusal) });
