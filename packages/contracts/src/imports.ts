/**
 * Bulk imports of households and plots (issue 2): the file goes up as the raw request body, the server
 * answers 202 with a job id, and the job is polled until it has succeeded or failed. An import applies
 * completely or not at all; a failed job lists every refused row.
 */
import { z } from 'zod';

export const ImportKind = z.enum(['plots', 'households']);
export type ImportKind = z.infer<typeof ImportKind>;

/** shapefile = a .zip holding .shp, .shx, .dbf and (ideally) .prj and .cpg. */
export const ImportFileFormat = z.enum(['csv', 'xlsx', 'geojson', 'kml', 'shapefile']);
export type ImportFileFormat = z.infer<typeof ImportFileFormat>;

/** wgs84 = longitude/latitude (EPSG:4326); vn2000 = the national VN-2000 grid of a province. */
export const ImportCrs = z.enum(['wgs84', 'vn2000']);
export type ImportCrs = z.infer<typeof ImportCrs>;

export const ImportJobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const CreateImportQuery = z
  .object({
    kind: ImportKind,
    format: ImportFileFormat,
    crs: ImportCrs.default('wgs84'),
    /** 2025 province code; required for vn2000, whose central meridian depends on the province. */
    province: z.string().regex(/^[0-9]{2}$/, 'A province code has 2 digits').optional(),
    /**
     * Central meridian in decimal degrees, only for a merged 2025 province whose former provinces used
     * different meridians (e.g. 105.5 for files drawn in former Sóc Trăng, now Cần Thơ 92).
     */
    meridian: z.coerce.number().min(102).max(110).optional(),
    organisationId: z.uuid().optional(),
    fileName: z.string().trim().min(1).max(255).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.crs === 'vn2000' && !q.province) {
      ctx.addIssue({ code: 'custom', path: ['province'], message: 'province is required with crs=vn2000 (the VN-2000 central meridian depends on the province)' });
    }
    if (q.kind === 'households' && q.format !== 'csv' && q.format !== 'xlsx') {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'households are imported from csv or xlsx' });
    }
  });
export type CreateImportQuery = z.infer<typeof CreateImportQuery>;

export const CreateImportResponse = z.object({ jobId: z.uuid() });

/**
 * One refused row: `row` as the user counts it (1 = the first data row under the header, or the first
 * feature / placemark / shape; 0 = the file as a whole), the column or field at fault, a message, and
 * `reason`, a stable code the web app can translate.
 */
export const ImportRefusedRow = z.object({ row: z.number().int(), field: z.string(), message: z.string(), reason: z.string() });
export type ImportRefusedRow = z.infer<typeof ImportRefusedRow>;

export const ImportJob = z.object({
  id: z.uuid(),
  kind: ImportKind,
  format: ImportFileFormat,
  crs: ImportCrs,
  fileName: z.string().nullable(),
  fileSize: z.number().int(),
  status: ImportJobStatus,
  /** null until the file has been read far enough to count its rows. */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  /** Every refused row on GET /imports/:id; at most the first 20 in the list of jobs. */
  refused: z.array(ImportRefusedRow),
  refusedCount: z.number().int(),
  /** Why the job failed, in one sentence; null while it runs and when it succeeded. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobList = z.object({ items: z.array(ImportJob) });

export const ImportTemplateName = z.enum(['households.csv', 'households.xlsx', 'plots.csv', 'plots.xlsx']);
export type ImportTemplateName = z.infer<typeof ImportTemplateName>;
export const ImportTemplateParams = z.object({ name: ImportTemplateName });

/** The VN-2000 central meridians the server knows, for the web app's province picker. */
export const Vn2000Zone = z.object({ provinceCode: z.string(), provinceName: z.string(), formerProvince: z.string(), meridian: z.number(), isDefault: z.boolean() });
export const Vn2000ZoneList = z.object({ items: z.array(Vn2000Zone) });
