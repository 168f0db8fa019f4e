import { z } from 'zod';
import { RoleName } from './auth.ts';
import { PageQuery, Problem, pageOf } from './common.ts';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
/** Written defensively: zod may run this on a ring whose positions failed their own checks. */
function isClosed(ring: ReadonlyArray<readonly number[]>) {
  const first = ring[0];
  const last = ring.at(-1);
  if (!Array.isArray(first) || !Array.isArray(last)) return true;
  return first[0] === last[0] && first[1] === last[1];
}
const LinearRing = z
  .array(Position)
  .min(4, 'A ring needs at least 4 positions (closed)')
  .refine(isClosed, 'A ring must end at the position it starts from (closed)');
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
/** The unit's current boundary (uploaded by an admin as GeoJSON), if any; illustrative ones are drawn dashed. */
export const AdminUnitBoundarySummary = z.object({
  source: z.string(),
  illustrative: z.boolean(),
  uploadedAt: z.iso.datetime({ offset: true }),
  areaHa: z.number(),
});
export const AdminUnitListItem = AdminUnitResponse.extend({ boundary: AdminUnitBoundarySummary.nullable() });
export const AdminUnitPage = pageOf(AdminUnitListItem);
export const ResolvedAdminUnitResponse = AdminUnitResponse.extend({
  resolvedFrom: z.object({ oldCode: z.string(), oldName: z.string(), oldDistrictName: z.string().nullable(), oldProvinceName: z.string().nullable() }).nullable(),
});

/** cooperative_group = tổ hợp tác (Decree 77/2019/NĐ-CP). */
export const OrganisationKind = z.enum(['cooperative', 'cooperative_group', 'enterprise', 'agency', 'verifier']);
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
export const OrganisationDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKind,
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  taxCode: z.string().nullable(),
  gln: z.string().nullable(),
  /** User accounts attached to the organisation (staff and member farmers who log in). */
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), role: RoleName })),
  householdCount: z.number().int(),
  plotCount: z.number().int(),
  areaHa: z.number(),
});
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;
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
/**
 * `q` matches the head's name without regard to case or Vietnamese diacritics ("nguyen van" finds
 * "Nguyễn Văn An"), or the phone number when it is digits; `communeCode` is a 2025 commune code.
 */
export const HouseholdQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  communeCode: z.string().regex(/^[0-9]{5}$/, 'A commune code has 5 digits').optional(),
});
export const HouseholdRelation = z.enum(['head', 'spouse', 'child', 'parent', 'other']);
export const Gender = z.enum(['male', 'female']);
export const HouseholdMember = z.object({
  id: z.uuid(),
  fullName: z.string(),
  relation: HouseholdRelation,
  birthYear: z.number().int().nullable(),
  gender: Gender.nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;
/** Names and phone numbers are personal data (Decree 13/2023/NĐ-CP): only behind the caller's scope. */
export const HouseholdDetail = z.object({
  id: z.uuid(),
  headName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  members: z.array(HouseholdMember),
  plots: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), areaHa: z.number() })),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;
export const AddHouseholdMemberBody = z.object({
  fullName: z.string().trim().min(1).max(200),
  relation: HouseholdRelation,
  birthYear: z.number().int().min(1900, 'A birth year is 1900 or later').max(2100).optional(),
  gender: Gender.optional(),
  phone: z.string().trim().regex(/^\+?[0-9]{9,15}$/, 'A phone number has 9 to 15 digits').optional(),
});
export type AddHouseholdMemberBody = z.infer<typeof AddHouseholdMemberBody>;
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
/**
 * An overlap accepted on purpose. `otherPlotCode` is null when the other plot is outside the
 * caller's scope (its code is not shown).
 */
export const PlotOverlapOverride = z.object({
  otherPlotId: z.uuid(),
  otherPlotCode: z.string().nullable(),
  overlapHa: z.number(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const PlotDetail = PlotSummary.extend({
  provinceName: z.string(),
  boundary: GeoJsonArea,
  /** Plots visible to the caller whose boundary overlaps this one by more than 1 m². */
  overlaps: z.array(z.object({ id: z.uuid(), code: z.string(), overlapHa: z.number() })),
  overlapOverrides: z.array(PlotOverlapOverride),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type PlotDetail = z.infer<typeof PlotDetail>;
/** Given to accept a boundary that overlaps other plots by more than 1 m²; recorded with the plot. */
export const OverlapOverride = z.object({ reason: z.string().trim().min(5, 'Give a reason of at least 5 characters').max(500) });
export const RegisterPlotBody = z.object({
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
  householdId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  communeCode: z.string().regex(/^[0-9]{5}$/, 'A commune code has 5 digits').optional(),
  landUse: LandUse.default('rice'),
  boundary: GeoJsonArea,
  overlapOverride: OverlapOverride.optional(),
});
export type RegisterPlotBody = z.infer<typeof RegisterPlotBody>;
export const UpdatePlotBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  landUse: LandUse.optional(),
  boundary: GeoJsonArea.optional(),
  /** Why the boundary was redrawn; kept in the boundary history. */
  reason: z.string().trim().min(1).max(500).optional(),
  overlapOverride: OverlapOverride.optional(),
});
export type UpdatePlotBody = z.infer<typeof UpdatePlotBody>;

/**
 * The 409 problem for a boundary overlapping other plots by more than 1 m². Plots outside the
 * caller's scope appear as { id: null, code: null } ("a plot of another organisation").
 */
export const PlotOverlap = z.object({ id: z.uuid().nullable(), code: z.string().nullable(), overlapHa: z.number() });
export const OverlapProblem = Problem.extend({ overlaps: z.array(PlotOverlap) });
export type OverlapProblem = z.infer<typeof OverlapProblem>;

export const PlotBoundaryVersion = z.object({
  version: z.number().int(),
  areaHa: z.number(),
  boundary: GeoJsonArea,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
/** Oldest first; the current boundary (validTo null) is last. */
export const PlotBoundaryHistory = z.object({ items: z.array(PlotBoundaryVersion) });

export const GrowingAreaStatus = z.enum(['draft', 'submitted', 'approved', 'suspended', 'revoked']);
/** The production standard the area applies (vn-standards.md §1.4, §3). */
export const GrowingAreaStandard = z.enum(['vietgap', 'globalgap', 'organic', 'basic']);
export const GrowingAreaCodeKind = z.enum(['domestic', 'export']);
export const GrowingAreaCodeStatus = z.enum(['active', 'suspended', 'revoked']);
const StatusChange = <S extends z.ZodType>(status: S) => z.object({ status, reason: z.string().nullable(), changedAt: z.string(), changedBy: z.string().nullable() });

export const GrowingAreaResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  crop: z.string(),
  standard: GrowingAreaStandard,
  /** The domestic and the latest export code not revoked, if any (all codes: GET /growing-areas/:id). */
  domesticCode: z.string().nullable(),
  exportCode: z.string().nullable(),
  status: GrowingAreaStatus,
  organisationId: z.uuid().nullable(),
  provinceCode: z.string(),
  communeCode: z.string(),
  plotCount: z.number().int(),
  /** Area of the union of the plots, by PostGIS on geography (an accepted overlap is not counted twice). */
  areaHa: z.number(),
  history: z.array(StatusChange(GrowingAreaStatus)),
});
export type GrowingAreaResponse = z.infer<typeof GrowingAreaResponse>;
export const GrowingAreaCode = z.object({
  id: z.uuid(),
  kind: GrowingAreaCodeKind,
  code: z.string(),
  scheme: z.string(),
  market: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string(),
  status: GrowingAreaCodeStatus,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  history: z.array(StatusChange(GrowingAreaCodeStatus)),
});
export type GrowingAreaCode = z.infer<typeof GrowingAreaCode>;
/** A rule checked on the area; `enforced` false means advisory (its source is unconfirmed). */
export const GrowingAreaRule = z.object({ rule: z.string(), passed: z.boolean(), enforced: z.boolean(), detail: z.string() });
export const GrowingAreaDetail = GrowingAreaResponse.extend({
  communeName: z.string(),
  plots: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), areaHa: z.number(), landUse: LandUse })),
  codes: z.array(GrowingAreaCode),
  rules: z.array(GrowingAreaRule),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type GrowingAreaDetail = z.infer<typeof GrowingAreaDetail>;
export const CreateGrowingAreaBody = z.object({
  name: z.string().trim().min(1).max(200),
  crop: z.string().trim().min(1).max(60),
  standard: GrowingAreaStandard.default('basic'),
  plotIds: z.array(z.uuid()).min(1, 'Choose at least one plot').max(5000),
});
export type CreateGrowingAreaBody = z.infer<typeof CreateGrowingAreaBody>;
export const ChangeGrowingAreaStatusBody = z.object({ status: GrowingAreaStatus, reason: z.string().trim().max(500).optional() });

export const AddGrowingAreaCodeBody = z
  .object({
    kind: GrowingAreaCodeKind,
    /** Stored exactly as issued (only surrounding spaces are trimmed): codes are never re-derived. */
    code: z.string().trim().min(1).max(60),
    /** The issuing scheme, e.g. 'QĐ 3156/QĐ-BNN-TT' or 'PUC'. */
    scheme: z.string().trim().min(1).max(100),
    /** The importing market of an export code, e.g. 'CN' or 'Trung Quốc'. */
    market: z.string().trim().min(1).max(100).optional(),
    issuer: z.string().trim().min(1).max(200),
    issuedOn: z.iso.date('A date as YYYY-MM-DD'),
  })
  .refine((c) => c.kind !== 'export' || c.market, { message: 'An export code is issued for a market: give the market', path: ['market'] });
export type AddGrowingAreaCodeBody = z.infer<typeof AddGrowingAreaCodeBody>;
export const ChangeGrowingAreaCodeStatusBody = z
  .object({ status: GrowingAreaCodeStatus, reason: z.string().trim().min(1).max(500).optional() })
  .refine((b) => b.status === 'active' || b.reason, { message: 'A reason is required to suspend or revoke a code', path: ['reason'] });
export type ChangeGrowingAreaCodeStatusBody = z.infer<typeof ChangeGrowingAreaCodeStatusBody>;
export const GrowingAreaCodeParams = z.object({ id: z.uuid(), codeId: z.uuid() });

export const ImportFormat = z.enum(['geojson', 'csv']);
export const ImportPlotsQuery = z.object({ format: ImportFormat, organisationId: z.uuid().optional() });
export const ImportRefusal = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export const ImportPlotsResponse = z.object({ imported: z.number().int(), refused: z.array(ImportRefusal) });
