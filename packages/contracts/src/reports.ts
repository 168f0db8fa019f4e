/**
 * Reports (capability 11): the yearly report commune → province → ministry with its versions, the
 * emission database view, the national inventory tables, and the document model every report and
 * table is rendered from (XLSX, CSV, PDF). A report document holds both languages, so a frozen
 * version exports in Vietnamese or English without being regenerated.
 */
import { z } from 'zod';

export const Localised = z.object({ vi: z.string(), en: z.string() });
export type Localised = z.infer<typeof Localised>;

/** A cell: text, a number, nothing, a text in both languages, or a calendar date. */
export const ReportCell = z.union([z.string(), z.number(), z.null(), Localised, z.object({ date: z.string() })]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportColumn = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: Localised,
  kind: z.enum(['text', 'number', 'integer', 'percent', 'date']),
  /** Decimals shown for numbers and percents. */
  digits: z.number().int().min(0).max(6).optional(),
});
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportTable = z.object({
  id: z.string(),
  title: Localised,
  note: Localised.optional(),
  columns: z.array(ReportColumn),
  rows: z.array(z.record(z.string(), ReportCell)),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportDocument = z.object({
  kind: z.enum(['yearly_report', 'emission_database', 'inventory']),
  title: Localised,
  subtitle: Localised,
  meta: z.array(z.object({ label: Localised, value: ReportCell })),
  sections: z.array(ReportTable),
  generatedAt: z.string(),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export const ReportStatus = z.enum(['draft', 'reviewed', 'submitted', 'returned']);
export const ReportFormat = z.enum(['xlsx', 'csv', 'pdf']);
export const ExportQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') });

export const YearlyReportSummary = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planCode: z.string(),
  planNameVi: z.string(),
  planNameEn: z.string(),
  year: z.number().int(),
  level: z.enum(['commune', 'province']),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  status: ReportStatus,
  currentVersion: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** The newest submitted version (what the level above sees), if any. */
  latestSubmittedVersion: z.number().int().nullable(),
  latestSubmittedAt: z.string().nullable(),
});
export const YearlyReportList = z.object({ items: z.array(YearlyReportSummary) });
export const YearlyReportQuery = z.object({
  planId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ReportVersionResponse = z.object({
  version: z.number().int(),
  contentSha256: z.string(),
  generatedBy: z.string(),
  generatedByName: z.string().nullable(),
  generatedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  frozen: z.boolean(),
});

export const YearlyReportDetail = YearlyReportSummary.extend({
  versions: z.array(ReportVersionResponse),
  /** The document of the version asked for (default: the current one). */
  version: z.number().int(),
  content: ReportDocument,
  /** For a province report: the communes' reports of the same plan and year. */
  communeReports: z.array(YearlyReportSummary),
  /** What the caller may do now. */
  actions: z.array(z.enum(['regenerate', 'review', 'submit', 'return', 'reopen'])),
});
export const ReportDetailQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const CreateYearlyReportBody = z.object({
  planId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  /** The commune or province reporting; defaults to the caller's own unit. */
  unitCode: z.string().regex(/^[0-9]{2}$|^[0-9]{5}$/).optional(),
});
export const ReviewReportBody = z.object({ note: z.string().trim().max(2000).optional() });
export const ReturnReportBody = z.object({ reason: z.string().trim().min(5, 'say what must be corrected').max(2000) });
export const ReportVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1), format: ReportFormat });

export const EmissionGroup = z.enum(['crop', 'zone', 'technique', 'season', 'commune']);
export const EmissionDatabaseQuery = z.object({
  provinceCode: z.string().regex(/^[0-9]{2}$/),
  year: z.coerce.number().int().min(2000).max(2100),
  communeCode: z.string().regex(/^[0-9]{5}$/).optional(),
  /** Comma-separated, in order, e.g. "crop,zone,technique,season". */
  groupBy: z.string().regex(/^(crop|zone|technique|season|commune)(,(crop|zone|technique|season|commune))*$/).default('crop,zone,technique,season'),
});
export const InventoryQuery = z.object({
  provinceCode: z.string().regex(/^[0-9]{2}$/),
  year: z.coerce.number().int().min(2000).max(2100),
  communeCode: z.string().regex(/^[0-9]{5}$/).optional(),
});

export const EcologicalZoneResponse = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  source: z.string().nullable(),
  units: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'commune']) })),
});
export const EcologicalZoneList = z.object({ items: z.array(EcologicalZoneResponse) });
export const PutEcologicalZoneBody = z.object({
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  source: z.string().trim().max(500).optional(),
  /** Provinces and communes in the zone (replaces the zone's list); a commune's own zone wins over its province's. */
  unitCodes: z.array(z.string().regex(/^[0-9]{2}$|^[0-9]{5}$/)).max(5000),
});

export type CreateYearlyReportBody = z.infer<typeof CreateYearlyReportBody>;
export type PutEcologicalZoneBody = z.infer<typeof PutEcologicalZoneBody>;
export type EmissionDatabaseQuery = z.infer<typeof EmissionDatabaseQuery>;
export type InventoryQuery = z.infer<typeof InventoryQuery>;
