/**
 * CSV and XLSX files in the template's layout: a header row naming the columns (any order, unknown
 * columns ignored), then one row per household or plot. The XLSX data sheet is the first sheet whose
 * header has the required columns, so the template's "Hướng dẫn" sheet is never read as data.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { countCsvDataRecords, csvDelimiter, csvRecords } from './csv.ts';
import { canonicalColumn, FileRefused, type ImportSource, type SourceRecord } from './source.ts';
import { readZip, ZipError } from './zip.ts';

function decodeUtf8(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new FileRefused('The file is not UTF-8 text. In Excel choose "Save as → CSV UTF-8 (Comma delimited)", or upload the .xlsx itself.');
  }
}

function headerColumns(cells: string[], known: readonly string[], required: readonly string[], where: string) {
  const columns = cells.map((c) => canonicalColumn(c, known));
  const missing = required.filter((r) => !columns.includes(r));
  if (missing.length) {
    throw new FileRefused(`${where} has no ${missing.map((m) => `'${m}'`).join(', ')} column (expected the template's columns: ${known.join(', ')})`, missing[0]);
  }
  return columns;
}

function recordFrom(row: number, columns: (string | null)[], cells: string[]): SourceRecord {
  const values: Record<string, string> = {};
  columns.forEach((column, i) => {
    if (column && !(column in values)) values[column] = (cells[i] ?? '').trim();
  });
  return { row, values, geometry: values.geometry };
}

export function csvSource(file: Buffer, known: readonly string[], required: readonly string[]): ImportSource {
  const text = decodeUtf8(file);
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const delimiter = csvDelimiter(firstLine);
  const records = csvRecords(text, delimiter);
  const header = records.next();
  if (header.done) throw new FileRefused('The file is empty');
  const headerIndex = header.value.index;
  const columns = headerColumns(header.value.cells, known, required, 'The header row');
  return {
    totalRows: countCsvDataRecords(text),
    declaredCrs: null,
    async *batches(size) {
      let batch: SourceRecord[] = [];
      for (const { index, cells } of records) {
        batch.push(recordFrom(index - headerIndex, columns, cells));
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
  };
}

/** A cell's value as the text a person sees in it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Rows of the workbook's first sheet, read from the archive without parsing cells (for the progress
 * bar); null when the workbook does not say.
 */
function firstSheetRowCount(file: Buffer): number | null {
  const entries = readZip(file);
  const entry = (name: string) => entries.find((e) => e.name === name || e.name === `/${name}`);
  const workbook = entry('xl/workbook.xml')?.read().toString('utf8');
  const rels = entry('xl/_rels/workbook.xml.rels')?.read().toString('utf8');
  if (!workbook || !rels) return null;
  const firstSheet = /<sheet\b[^>]*>/.exec(workbook)?.[0];
  const relationId = firstSheet && attribute(firstSheet, 'r:id');
  const relation = rels.match(/<Relationship\b[^>]*>/g)?.find((tag) => attribute(tag, 'Id') === relationId);
  const target = relation && attribute(relation, 'Target');
  if (!target) return null;
  const sheet = entry(target.startsWith('/') ? target.slice(1) : `xl/${target}`)?.read().toString('utf8');
  if (!sheet) return null;
  return Math.max(0, (sheet.match(/<row[\s>]/g)?.length ?? 0) - 1);
}

export function xlsxSource(file: Buffer, known: readonly string[], required: readonly string[]): ImportSource {
  let totalRows: number | null;
  try {
    totalRows = firstSheetRowCount(file);
  } catch (err) {
    if (err instanceof ZipError) throw new FileRefused(`The file is not an .xlsx workbook (${err.message})`);
    throw err;
  }
  return {
    totalRows: totalRows ?? 0,
    declaredCrs: null,
    async *batches(size) {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'ignore',
        entries: 'ignore',
      });
      let sawSheet = false;
      try {
        for await (const worksheet of reader) {
          sawSheet = true;
          let columns: (string | null)[] | null = null;
          let headerRow = 0;
          let batch: SourceRecord[] = [];
          for await (const row of worksheet) {
            const values = row.values as ExcelJS.CellValue[];
            // row.values is 1-based: index 0 is always empty.
            const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim());
            if (!columns) {
              if (cells.every((c) => c === '')) continue;
              const candidate = cells.map((c) => canonicalColumn(c, known));
              if (!required.every((r) => candidate.includes(r))) break; // not the data sheet (e.g. the guide)
              columns = candidate;
              headerRow = row.number;
              continue;
            }
            if (cells.every((c) => c === '')) continue;
            batch.push(recordFrom(row.number - headerRow, columns, cells));
            if (batch.length >= size) {
              yield batch;
              batch = [];
            }
          }
          if (columns) {
            if (batch.length) yield batch;
            return;
          }
        }
      } catch (err) {
        if (err instanceof FileRefused) throw err;
        throw new FileRefused(`The .xlsx workbook could not be read: ${(err as Error).message}`);
      }
      if (!sawSheet) throw new FileRefused('The workbook has no worksheet');
      throw new FileRefused(`No sheet of the workbook has a header row with the ${required.map((r) => `'${r}'`).join(', ')} columns (expected the template's columns: ${known.join(', ')})`, required[0]);
    },
  };
}
