/**
 * `dongxanh import activities --file F.csv --as LOGIN`: the diary's CSV import from the command line,
 * streamed line by line through the diary service (all rows or none; refused rows listed, exit 2).
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DomainError } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import type { DiaryService } from './diary.service.ts';
import { ACTIVITY_IMPORT_COLUMNS } from './activity-import.ts';

export const IMPORT_ACTIVITIES_USAGE = `usage: dongxanh import activities --file F.csv --as LOGIN   (columns: ${ACTIVITY_IMPORT_COLUMNS.join(',')})`;

/** `withDiary` opens the database, finds the user LOGIN and runs the callback with the diary service and that user as actor. */
export async function importActivitiesCommand(
  args: string[],
  withDiary: (login: string, run: (diary: DiaryService, actor: Actor) => Promise<number>) => Promise<number>,
  log: (message: string) => void,
): Promise<number> {
  const { values } = parseArgs({ args, options: { file: { type: 'string' }, as: { type: 'string' } } });
  if (!values.file || !values.as) {
    console.error(IMPORT_ACTIVITIES_USAGE);
    return 2;
  }
  const file = values.file;
  if (!existsSync(file)) throw new DomainError('invalid_input', `no file ${file}`);
  return withDiary(values.as, async (diary, actor) => {
    const started = performance.now();
    const reader = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    // Take the iterator now: readline drops lines emitted before its iterator exists, and the import
    // first opens a transaction and reads the catalogues.
    const iterator = reader[Symbol.asyncIterator]();
    const lines: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
    let nextReport = 100_000;
    const result = await diary.importActivities(actor, lines, (rows) => {
      if (rows < nextReport) return;
      nextReport = rows + 100_000;
      log(`import activities: ${rows.toLocaleString('vi-VN')} rows read`);
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`imported ${result.imported} activities on ${result.seasons} seasons (${result.duplicates} already stored) from ${file} in ${seconds.toFixed(1)} s (batch ${result.batchId})`);
    return 0;
  });
}
