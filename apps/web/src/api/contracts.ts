/**
 * The API's request and response types, inferred from the zod schemas of @dongxanh/contracts (the
 * one definition the server validates and documents with). Type-only imports: no zod code reaches
 * the browser bundle.
 */
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';

export type RoleName = z.infer<typeof C.RoleName>;
export type SessionUser = z.infer<typeof C.UserResponse>;
export type SessionResponse = z.infer<typeof C.SessionResponse>;

export type AdminUnit = z.infer<typeof C.AdminUnitResponse>;
export type AdminUnitPage = z.infer<typeof C.AdminUnitPage>;
export type AdminUnitListItem = z.infer<typeof C.AdminUnitListItem>;

export type OrganisationKind = z.infer<typeof C.OrganisationKind>;
export type Organisation = z.infer<typeof C.OrganisationResponse>;
export type OrganisationPage = z.infer<typeof C.OrganisationPage>;
export type OrganisationDetail = z.infer<typeof C.OrganisationDetail>;

export type Household = z.infer<typeof C.HouseholdResponse>;
export type HouseholdPage = z.infer<typeof C.HouseholdPage>;
export type HouseholdDetail = z.infer<typeof C.HouseholdDetail>;
export type HouseholdMember = z.infer<typeof C.HouseholdMember>;
export type HouseholdRelation = z.infer<typeof C.HouseholdRelation>;
export type Gender = z.infer<typeof C.Gender>;
export type CreateHouseholdBody = z.input<typeof C.CreateHouseholdBody>;
export type AddHouseholdMemberBody = z.input<typeof C.AddHouseholdMemberBody>;

export type LandUse = z.infer<typeof C.LandUse>;
export type GeoJsonArea = z.infer<typeof C.GeoJsonArea>;
export type PlotSummary = z.infer<typeof C.PlotSummary>;
export type PlotPage = z.infer<typeof C.PlotPage>;
export type PlotDetail = z.infer<typeof C.PlotDetail>;
export type PlotOverlapOverride = z.infer<typeof C.PlotOverlapOverride>;
export type PlotBoundaryHistory = z.infer<typeof C.PlotBoundaryHistory>;
export type PlotBoundaryVersion = z.infer<typeof C.PlotBoundaryVersion>;
export type OverlapProblem = z.infer<typeof C.OverlapProblem>;
export type PlotOverlap = z.infer<typeof C.PlotOverlap>;
export type RegisterPlotBody = z.input<typeof C.RegisterPlotBody>;
export type UpdatePlotBody = z.input<typeof C.UpdatePlotBody>;

export type GrowingAreaStandard = z.infer<typeof C.GrowingAreaStandard>;
export type GrowingAreaStatus = z.infer<typeof C.GrowingAreaStatus>;
export type GrowingArea = z.infer<typeof C.GrowingAreaResponse>;
export type GrowingAreaDetail = z.infer<typeof C.GrowingAreaDetail>;
export type GrowingAreaCode = z.infer<typeof C.GrowingAreaCode>;
export type GrowingAreaCodeKind = z.infer<typeof C.GrowingAreaCodeKind>;
export type GrowingAreaCodeStatus = z.infer<typeof C.GrowingAreaCodeStatus>;
export type CreateGrowingAreaBody = z.input<typeof C.CreateGrowingAreaBody>;
export type AddGrowingAreaCodeBody = z.input<typeof C.AddGrowingAreaCodeBody>;
export type ChangeGrowingAreaCodeStatusBody = z.input<typeof C.ChangeGrowingAreaCodeStatusBody>;

export type ImportKind = z.infer<typeof C.ImportKind>;
export type ImportFileFormat = z.infer<typeof C.ImportFileFormat>;
export type ImportCrs = z.infer<typeof C.ImportCrs>;
export type ImportJob = z.infer<typeof C.ImportJob>;
export type ImportJobList = z.infer<typeof C.ImportJobList>;
export type ImportRefusedRow = z.infer<typeof C.ImportRefusedRow>;
export type ImportTemplateName = z.infer<typeof C.ImportTemplateName>;
export type CreateImportQuery = z.input<typeof C.CreateImportQuery>;
export type CreateImportResponse = z.infer<typeof C.CreateImportResponse>;
export type Vn2000Zone = z.infer<typeof C.Vn2000Zone>;
export type Vn2000ZoneList = z.infer<typeof C.Vn2000ZoneList>;
