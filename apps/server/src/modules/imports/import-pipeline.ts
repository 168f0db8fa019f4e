/**
 * The import pipeline: read the file in batches → check each row on its own (rows.ts) → stream the
 * good rows into a temporary staging table (COPY on PostgreSQL) while collecting the pairs of rows
 * whose boxes might overlap → check all rows together in SQL (communes, households, scope,
 * duplicates, PostGIS validity, exact overlaps) → if nothing at all was refused, one INSERT … SELECT in
 * the same transaction as the checks. A file is imported completely or not at all, and a crash leaves
 * nothing half-written: the write is one transaction and staging is temporary.
 */
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle, Executor } from '../../db/database.ts';
import type { ImportJobFormat, ImportJobKind } from '../../db/schema.ts';
import { assertCan, type Actor, type Permission } from '../auth/permissions.ts';
import { geoJsonSource, kmlSource, shapefileSource } from './geo-sources.ts';
import {
  createHouseholdStaging,
  dropHouseholdStaging,
  householdRefusals,
  HOUSEHOLD_STAGING,
  HOUSEHOLD_STAGING_COLUMNS,
  insertStagedHouseholds,
  lockHouseholdImports,
  resolveHouseholds,
} from './household-staging.repository.ts';
import { findOrganisationFor, type ImportDefaults } from './import-scope.ts';
import { openImportSession, type Cell } from './import-session.ts';
import { BoxIndex } from './overlap-candidates.ts';
import {
  createPlotStaging,
  dropPlotStaging,
  existingPlotBoxes,
  indexPlotStaging,
  insertStagedPlots,
  lockProvincesOfStagedPlots,
  PLOT_STAGING,
  PLOT_STAGING_COLUMNS,
  plotRefusals,
  resolvePlots,
  stageOverlapCandidates,
} from './plot-staging.repository.ts';
import { refusalFromSql } from './refusal-messages.ts';
import { householdRowFrom, plotRowFrom, type Refusal } from './rows.ts';
import { FileRefused, HOUSEHOLD_COLUMNS, PLOT_COLUMNS, type ImportSource } from './source.ts';
import { csvSource, xlsxSource } from './tabular-sources.ts';
import { converterFrom, vn2000TmDefinition, type DeclaredCrs, type ToWgs84 } from './vn2000.ts';

/** What a job needs besides its file, settled before it is queued. */
export interface PreparedImport {
  kind: ImportJobKind;
  format: ImportJobFormat;
  crs: 'wgs84' | 'vn2000';
  crsProvinceCode: string | null;
  crsMeridian: number | null;
  organisationId: string | null;
}

export interface ImportProgress {
  totalRows: number | null;
  processedRows: number;
}

export type ImportOutcome =
  | { status: 'succeeded'; importedRows: number; totalRows: number }
  | { status: 'failed'; refusals: Refusal[]; error: string; totalRows?: number };

/** Receives how long each step of an import took (the benchmark prints them). */
export type ImportTrace = (step: string, milliseconds: number) => void;

async function timed<T>(trace: ImportTrace, step: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  trace(step, performance.now() - started);
  return result;
}

/** Rows read and staged per batch; progress is recorded at most every 2 % (and per batch). */
const BATCH_ROWS = 2000;

export const permissionFor = (kind: ImportJobKind): Permission => (kind === 'plots' ? 'plots:import' : 'households:edit');

function openSource(kind: ImportJobKind, format: ImportJobFormat, file: Buffer): ImportSource | Promise<ImportSource> {
  const known = kind === 'plots' ? PLOT_COLUMNS : HOUSEHOLD_COLUMNS;
  const required = kind === 'plots' ? ['code', 'geometry'] : ['head_name'];
  switch (format) {
    case 'csv':
      return csvSource(file, known, required);
    case 'xlsx':
      return xlsxSource(file, known, required);
    case 'geojson':
      return geoJsonSource(file);
    case 'kml':
      return kmlSource(file);
    case 'shapefile':
      return shapefileSource(file);
  }
}

/**
 * How positions become WGS 84: what the file says about itself wins (a .prj, a GeoJSON `crs`), then
 * the request's crs/province; null means they already are WGS 84.
 */
function converterFor(p: PreparedImport, declared: DeclaredCrs | null): ToWgs84 | null | FileRefused {
  if (declared?.kind === 'unknown') return new FileRefused(`The file's coordinate system (${declared.label}) is not supported: use WGS 84 or VN-2000`, 'crs');
  if (declared?.kind === 'definition') return converterFrom(declared.definition);
  if (declared?.kind === 'wgs84') return null;
  if (declared?.kind === 'vn2000-province' || p.crs === 'vn2000') {
    if (p.crsMeridian === null) return new FileRefused('The file is in VN-2000: choose crs=vn2000 and the province it was drawn in', 'province');
    return converterFrom(vn2000TmDefinition(p.crsMeridian));
  }
  return null;
}

async function defaultsFor(db: Executor, actor: Actor, organisationId: string | null): Promise<ImportDefaults> {
  const organisation = organisationId ? await findOrganisationFor(db, actor, organisationId) : undefined;
  return { organisationId: organisation?.id ?? null, organisationCommuneCode: organisation?.communeCode ?? null };
}

/** The pipeline itself; `report` receives progress (and, in the background, writes it to the job). */
export async function runImportPipeline(
  database: DatabaseHandle,
  p: PreparedImport,
  actor: Actor,
  file: Buffer,
  report: (progress: ImportProgress) => Promise<void>,
  trace: ImportTrace = () => {},
): Promise<ImportOutcome> {
  assertCan(actor, permissionFor(p.kind));
  let source: ImportSource;
  try {
    source = await timed(trace, 'open the file', async () => openSource(p.kind, p.format, file));
  } catch (err) {
    if (err instanceof FileRefused) return { status: 'failed', error: err.message, refusals: [] };
    throw err;
  }
  const toWgs84 = p.kind === 'plots' ? converterFor(p, source.declaredCrs) : null;
  if (toWgs84 instanceof FileRefused) return { status: 'failed', error: toWgs84.message, refusals: [] };
  await report({ totalRows: source.totalRows, processedRows: 0 });

  const defaults = await defaultsFor(database.db, actor, p.organisationId);
  const session = await openImportSession(database);
  const staging = p.kind === 'plots' ? { create: createPlotStaging, drop: dropPlotStaging, table: PLOT_STAGING, columns: PLOT_STAGING_COLUMNS } : { create: createHouseholdStaging, drop: dropHouseholdStaging, table: HOUSEHOLD_STAGING, columns: HOUSEHOLD_STAGING_COLUMNS };
  try {
    await staging.create(session.db);
    const writer = session.openWriter(staging.table, staging.columns);
    const refusals: Refusal[] = [];
    // Plots: each staged row's box goes into an in-memory grid, which yields the pairs of rows that
    // might overlap (overlap-candidates.ts); PostGIS checks those pairs exactly later.
    const boxes = new BoxIndex();
    const pairsInFile: [number, number][] = [];
    let processed = 0;
    let staged = 0;
    let reported = 0;
    const reportEvery = Math.max(BATCH_ROWS, Math.ceil(source.totalRows / 50));
    const loadStarted = performance.now();
    try {
      for await (const batch of source.batches(BATCH_ROWS)) {
        const rows: Cell[][] = [];
        for (const record of batch) {
          if (p.kind === 'plots') {
            const row = plotRowFrom(record, toWgs84, refusals);
            if (!row) continue;
            rows.push([row.row, row.code, row.name, row.landUse, row.communeCode, row.householdPhone, row.householdId, row.geometryHex]);
            for (const other of boxes.candidatesFor(row.box)) pairsInFile.push([other, row.row]);
            boxes.add(row.row, row.box);
          } else {
            const row = householdRowFrom(record, refusals);
            if (row) rows.push([row.row, row.headName, row.phone, row.address, row.communeCode, row.organisationId, row.memberNames]);
          }
        }
        await writer.write(rows);
        staged += rows.length;
        processed += batch.length;
        if (processed - reported >= reportEvery) {
          reported = processed;
          await report({ totalRows: Math.max(source.totalRows, processed), processedRows: processed });
        }
      }
    } catch (err) {
      // An XLSX workbook shows it has no data sheet only once it is read.
      if (err instanceof FileRefused) return { status: 'failed', error: err.message, refusals: [] };
      throw err;
    } finally {
      await writer.finish();
    }
    trace('read and check rows, stream them into staging', performance.now() - loadStarted);
    await report({ totalRows: processed, processedRows: processed });
    if (processed === 0) return { status: 'failed', error: 'The file has no rows under its header', refusals: [], totalRows: 0 };

    // Set-wise checks and the write: one transaction, so either every row is written or none.
    const checked = await session.db.transaction().execute(async (tx) => {
      if (p.kind === 'households') {
        await lockHouseholdImports(tx);
        await timed(trace, 'resolve organisations and communes', () => resolveHouseholds(tx, actor, defaults));
        const found = await timed(trace, 'check (scope, duplicates)', () => householdRefusals(tx, actor));
        if (found.length || refusals.length) return { refusals: found, imported: 0 };
        return { refusals: found, imported: await timed(trace, 'insert households and members', () => insertStagedHouseholds(tx, actor)) };
      }
      await timed(trace, 'index staging', () => indexPlotStaging(tx));
      await timed(trace, 'resolve households, communes, validity, area', () => resolvePlots(tx, actor, defaults));
      await lockProvincesOfStagedPlots(tx);
      const existing = await timed(trace, 'find existing plots nearby', () => existingPlotBoxes(tx, boxes.tiles()));
      const neighbours: [number, string][] = [];
      for (const plot of existing) for (const row of boxes.candidatesFor(plot)) neighbours.push([row, plot.id]);
      await timed(trace, `stage ${pairsInFile.length + neighbours.length} overlap candidates`, () => stageOverlapCandidates(tx, pairsInFile, neighbours));
      const found = await timed(trace, 'check (scope, duplicates, overlaps)', () => plotRefusals(tx, actor));
      if (found.length || refusals.length) return { refusals: found, imported: 0 };
      return { refusals: found, imported: await timed(trace, 'insert into plots', () => insertStagedPlots(tx, actor)) };
    });
    const all = [...refusals, ...checked.refusals.map(refusalFromSql)].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    if (all.length) {
      const rows = new Set(all.map((r) => r.row)).size;
      return { status: 'failed', error: `Nothing was imported: ${rows} of ${processed} rows refused`, refusals: all, totalRows: processed };
    }
    if (checked.imported !== staged) throw new Error(`staged ${staged} rows but inserted ${checked.imported}`);
    return { status: 'succeeded', importedRows: checked.imported, totalRows: processed };
  } finally {
    await staging.drop(session.db).catch(() => {});
    await session.close();
  }
}
