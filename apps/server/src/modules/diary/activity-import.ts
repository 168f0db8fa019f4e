/**
 * Bulk import of diary activities from CSV (the CLI's `import activities`), through the same rules as
 * the API: every row is validated (shape by type, season in the caller's scope, date, catalogue
 * products, banned pesticides) and either the whole file is stored or nothing, with every refused row
 * listed. Idempotent like the API: a row whose client_id is already stored with the same payload is
 * counted as a duplicate, one with a different payload is refused.
 *
 * Columns: client_id, plot_code, season_year, season_name, type, occurred_on, details_json
 * (details_json is the activity's `details` object as JSON, quoted as CSV requires).
 *
 * Built for millions of rows in one pass: lines are read as a stream and handled in chunks of 5,000
 * — seasons resolved with one query per chunk (cached), rows checked in memory, and written with one
 * INSERT … SELECT FROM unnest(…) per chunk — all inside one transaction, so a refusal or a crash
 * leaves nothing behind. Compliance flags are refreshed once at the end, set-wise.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ActivityType, IsoDate, SeasonName, TypedActivityDetails } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { splitCsvLine } from '../imports/csv.ts';
import type { ActivityRules, Catalogues } from './activity-rules.ts';
import { fertiliserProductMap, pesticideProductMap } from './catalogues.repository.ts';
import { refreshComplianceFlags } from './compliance.repository.ts';
import { advanceSeasonStatus, findSeasonsByPlotCodes, insertActivitiesUnnest, insertBatch, payloadHashesOf, type NewActivity } from './diary.repository.ts';
import { payloadHash, sha256Hex } from './ids.ts';

export const ACTIVITY_IMPORT_COLUMNS = ['client_id', 'plot_code', 'season_year', 'season_name', 'type', 'occurred_on', 'details_json'] as const;
const CHUNK = 5000;
/** At most this many refusals are kept in full (the count is always exact). */
const MAX_LISTED_REFUSALS = 1000;

export interface ImportRefusal {
  row: number;
  field: string;
  message: string;
}

export interface ParsedActivityRow {
  row: number;
  clientId: string;
  seasonKey: string;
  plotCode: string;
  year: number;
  seasonName: z.infer<typeof SeasonName>;
  occurredOn: string;
  typed: TypedActivityDetails;
}

const RowShape = z.object({
  client_id: z.uuid(),
  plot_code: z.string().trim().min(1).max(60),
  season_year: z.coerce.number().int().min(2000).max(2100),
  season_name: SeasonName,
  type: ActivityType,
  occurred_on: IsoDate,
});

export const seasonKeyOf = (plotCode: string, year: number, seasonName: string) => `${plotCode}\u0000${year}\u0000${seasonName}`;

/** Maps header names to column positions; refuses a header that lacks a column. */
export function readHeader(line: string): Map<string, number> | ImportRefusal {
  const names = splitCsvLine(line.replace(/^\uFEFF/, '')).map((h) => h.trim().toLowerCase());
  const missing = ACTIVITY_IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { row: 0, field: 'header', message: `missing column(s) ${missing.join(', ')}; expected ${ACTIVITY_IMPORT_COLUMNS.join(',')}` };
  return new Map(names.map((n, i) => [n, i]));
}

/** One data row → a typed activity, or the reason it is refused (the field named). */
export function parseActivityRow(line: string, row: number, header: Map<string, number>): ParsedActivityRow | ImportRefusal {
  const cells = splitCsvLine(line);
  const cell = (name: string) => cells[header.get(name)!] ?? '';
  const shape = RowShape.safeParse(Object.fromEntries(ACTIVITY_IMPORT_COLUMNS.slice(0, 6).map((c) => [c, cell(c).trim()])));
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    return { row, field: String(issue.path[0] ?? 'row'), message: issue.message };
  }
  let details: unknown;
  try {
    details = JSON.parse(cell('details_json'));
  } catch (err) {
    return { row, field: 'details_json', message: `not valid JSON: ${(err as Error).message}` };
  }
  const typed = TypedActivityDetails.safeParse({ type: shape.data.type, details });
  if (!typed.success) {
    const issue = typed.error.issues[0]!;
    return { row, field: ['details_json', ...issue.path.slice(1).map(String)].join('.'), message: issue.message };
  }
  const s = shape.data;
  return { row, clientId: s.client_id, seasonKey: seasonKeyOf(s.plot_code, s.season_year, s.season_name), plotCode: s.plot_code, year: s.season_year, seasonName: s.season_name, occurredOn: s.occurred_on, typed: typed.data };
}

interface ImportSeason {
  id: string;
  provinceCode: string;
  householdId: string | null;
  status: string;
  plannedStartOn: string;
}

/** The seasons named by (plot code, year, season name) that the caller may see; null when none or ambiguous. */
async function resolveSeasons(db: Executor, actor: Actor, keys: ReadonlyArray<{ key: string; plotCode: string; year: number; seasonName: string }>) {
  const found = new Map<string, ImportSeason | null>();
  for (const k of keys) found.set(k.key, null);
  const seen = new Map<string, number>();
  for (const r of await findSeasonsByPlotCodes(db, actor, keys)) {
    const key = seasonKeyOf(r.plotCode, r.year, r.seasonName);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    found.set(key, { id: r.id, provinceCode: r.provinceCode, householdId: r.householdId, status: r.status, plannedStartOn: r.plannedStartOn });
  }
  for (const [key, n] of seen) if (n > 1) found.set(key, null); // one plot code in two provinces the caller sees: ambiguous
  return found;
}

export interface ActivityImportResult {
  imported: number;
  duplicates: number;
  seasons: number;
  batchId: string;
}

export async function importActivities(
  deps: { db: Database; clock: Clock; rules: ActivityRules },
  actor: Actor,
  lines: AsyncIterable<string> | Iterable<string>,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<ActivityImportResult> {
  assertCan(actor, 'diary:write');
  const { db, clock, rules } = deps;
  const batchId = randomUUID();
  return db.transaction().execute(async (tx) => {
    const catalogues: Catalogues = { fertilisers: await fertiliserProductMap(tx), pesticides: await pesticideProductMap(tx) };
    const seasons = new Map<string, ImportSeason | null>();
    const touched = new Map<string, { id: string; provinceCode: string; harvested: boolean }>();
    const refusals: ImportRefusal[] = [];
    let refusedCount = 0;
    const refuse = (r: ImportRefusal) => {
      refusedCount++;
      if (refusals.length < MAX_LISTED_REFUSALS) refusals.push(r);
    };
    const seenClientIds = new Map<string, number>();
    let header: Map<string, number> | null = null;
    let rowNumber = 0;
    let imported = 0;
    let duplicates = 0;
    let pending: ParsedActivityRow[] = [];

    const flush = async () => {
      const chunk = pending;
      pending = [];
      if (chunk.length === 0) return;
      const unknown = [...new Map(chunk.filter((r) => !seasons.has(r.seasonKey)).map((r) => [r.seasonKey, { key: r.seasonKey, plotCode: r.plotCode, year: r.year, seasonName: r.seasonName }])).values()];
      for (const [key, season] of await resolveSeasons(tx, actor, unknown)) seasons.set(key, season);
      const ready: Array<NewActivity & { detailsJson: string }> = [];
      const rowOf = new Map<string, number>();
      for (const r of chunk) {
        const season = seasons.get(r.seasonKey);
        if (!season) {
          refuse({ row: r.row, field: 'plot_code', message: `no ${r.seasonName} ${r.year} season on a plot coded ${r.plotCode} in your scope (or the code names plots in two provinces)` });
          continue;
        }
        if (season.status === 'closed') {
          refuse({ row: r.row, field: 'plot_code', message: `the ${r.seasonName} ${r.year} season of plot ${r.plotCode} is closed` });
          continue;
        }
        try {
          const details = rules.prepareDetails(season, { ...r.typed, occurredOn: r.occurredOn }, catalogues);
          ready.push({
            clientId: r.clientId, payloadHash: payloadHash({ seasonId: season.id, type: r.typed.type, occurredOn: r.occurredOn, details: r.typed.details }),
            seasonId: season.id, provinceCode: season.provinceCode, type: r.typed.type, occurredOn: r.occurredOn, details, detailsJson: JSON.stringify(details),
            recordedOnBehalf: actor.householdId === null || actor.householdId !== season.householdId, batchId,
          });
          rowOf.set(r.clientId, r.row);
          const t = touched.get(season.id);
          touched.set(season.id, { id: season.id, provinceCode: season.provinceCode, harvested: (t?.harvested ?? false) || r.typed.type === 'harvest' });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          const path = (err.details?.errors as Array<{ path: string }> | undefined)?.[0]?.path ?? 'row';
          refuse({ row: r.row, field: path.replace(/^details/, 'details_json'), message: err.message });
        }
      }
      // Once a row is refused nothing will be kept: stop writing, keep checking to list every refusal.
      if (refusedCount > 0) return;
      const inserted = new Set(await insertActivitiesUnnest(tx, actor.userId, ready));
      imported += inserted.size;
      const existing = ready.filter((r) => !inserted.has(r.clientId));
      if (existing.length) {
        const stored = await payloadHashesOf(tx, existing);
        for (const r of existing) {
          if (stored.get(r.clientId) === r.payloadHash) duplicates++;
          else refuse({ row: rowOf.get(r.clientId)!, field: 'client_id', message: `client_id ${r.clientId} is already stored with a different activity` });
        }
      }
    };

    for await (const raw of lines) {
      const line = raw.replace(/\r$/, '');
      if (header === null) {
        const h = readHeader(line);
        if (!(h instanceof Map)) throw refusedError([h], 1);
        header = h;
        continue;
      }
      if (line.trim() === '') continue;
      rowNumber++;
      const parsed = parseActivityRow(line, rowNumber, header);
      if ('message' in parsed) refuse(parsed);
      else {
        const first = seenClientIds.get(parsed.clientId);
        if (first) refuse({ row: rowNumber, field: 'client_id', message: `client_id ${parsed.clientId} is used again (first on row ${first})` });
        else {
          seenClientIds.set(parsed.clientId, rowNumber);
          pending.push(parsed);
        }
      }
      if (pending.length >= CHUNK) {
        await flush();
        onProgress(rowNumber);
      }
    }
    await flush();
    onProgress(rowNumber);
    if (header === null || rowNumber === 0) throw refusedError([{ row: 0, field: 'file', message: 'the file holds no activities' }], 1);
    if (refusedCount > 0) throw refusedError(refusals, refusedCount); // rolls everything back

    const all = [...touched.values()];
    await advanceSeasonStatus(tx, all, false);
    await advanceSeasonStatus(tx, all.filter((s) => s.harvested), true);
    await refreshComplianceFlags(tx, all, clock.now());
    if (imported > 0) await insertBatch(tx, actor, { id: batchId, payloadHash: sha256Hex(`import:${batchId}`), seasonCount: Math.max(1, all.length) });
    return { imported, duplicates, seasons: all.length, batchId };
  });
}

export function refusedError(refusals: readonly ImportRefusal[], count: number) {
  return new DomainError('rule_violated', message('diary.importRefused', { count, firstListed: count > refusals.length ? message('diary.importFirstListed', { listed: refusals.length }) : '' }), {
    errors: refusals.map((r) => ({ path: `row ${r.row}: ${r.field}`, message: r.message })),
    refused: refusals,
    refusedCount: count,
  });
}
