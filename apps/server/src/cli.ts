/**
 * The operator's command line: start the server, migrate, load reference and demo data, create users,
 * import households and plots, run the MRV calculator, print the version. Exit codes: 0 done, 1 failed, 2 invalid input.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { tryCalculate } from '@dongxanh/methodology';
import { CreateImportQuery, CreateUserBody } from '@dongxanh/contracts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { currentSchemaVersion, migrateToLatest } from './db/migrator.ts';
import { seedDemo } from './demo/seed.ts';
import { prepareDatabase, startServer } from './main.ts';
import { actorFor } from './modules/auth/auth.service.ts';
import { findUserByLogin } from './modules/auth/auth.repository.ts';
import { importActivitiesCommand } from './modules/diary/import-activities.command.ts';
import { auditVerifyCommand } from './modules/audit/audit.command.ts';
import { createDiaryService } from './modules/diary/diary.service.ts';
import { createRecalculations, createRunsService } from './modules/mrv-runs/index.ts';
import { recalcCommand } from './modules/mrv-runs/recalc.command.ts';
import { loadAdminUnits } from './modules/registry/admin-units.loader.ts';
import { createServices } from './services.ts';
import { systemClock } from './shared/clock.ts';
import { DomainError } from './shared/errors.ts';
import { APP_VERSION } from './version.ts';

const HELP = `Đồng Xanh ${APP_VERSION} — dongxanh <command> [options]

  serve [--demo]                 start the server (HOST, PORT, DATABASE_URL or DATA_DIR); --demo loads the
                                 Cần Thơ demo into an empty database
  migrate                        apply pending migrations and print the schema version
  load-reference-data            load the 2025 provinces/communes and the pre-2025 code conversion table
  seed-demo                      load the demo data into an empty database
  create-user --role R --name N (--phone P | --email E) [--org ID] [--household ID] [--unit CODE]
                                 create an account; the password is read from standard input
  import plots|households --file F --format csv|xlsx|geojson|kml|shapefile [--crs vn2000 --province NN]
         --as LOGIN [--org ID]   import as the user LOGIN: all rows or none; progress on stderr; exit 2 with
                                 every refused row listed (households: csv or xlsx; shapefile: a .zip)
  import activities --file F.csv --as LOGIN
                                 import diary activities (client_id, plot_code, season_year, season_name, type,
                                 occurred_on, details_json): all rows or none, refused rows listed, exit 2
  mrv calc [--file F]            MRV calculator: one contract JSON document on stdin (or F), result on stdout;
                                 exit 2 with {"error":"INVALID_INPUT",...} on invalid input
  mrv recalc --province NN | --commune NNNNN [--source diary|snapshots]
                                 recalculate every season of a province or commune (progress on stderr); the new
                                 runs become current together at the end; --resume JOB_ID continues a job stopped
                                 by a crash from its checkpoint, --list-interrupted lists such jobs
  audit verify                   check the audit log's hash chain; exit 1 naming the first broken link
  version                        print the version

Environment: DATABASE_URL (PostgreSQL), DATA_DIR (embedded database folder, default ./data), HOST, PORT (3000).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function mrvCalc(args: string[]) {
  const { values } = parseArgs({ args, options: { file: { type: 'string' } } });
  const text = values.file ? readFileSync(values.file, 'utf8') : await readStdin();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ error: 'INVALID_INPUT', message: `input is not valid JSON: ${(err as Error).message}` })}\n`);
    return 2;
  }
  const outcome = tryCalculate(doc);
  process.stdout.write(`${JSON.stringify(outcome.ok ? outcome.result : outcome.error, null, 2)}\n`);
  return outcome.ok ? 0 : 2;
}

async function withDatabase<T>(run: (database: Awaited<ReturnType<typeof openDatabase>>, config: ReturnType<typeof loadConfig>) => Promise<T>) {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    return await run(database, config);
  } finally {
    await database.close();
  }
}

const log = (m: string) => console.error(`[dongxanh] ${m}`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      await startServer(loadConfig(), { demo: values.demo ?? false });
      return -1; // keep running
    }
    case 'migrate':
      return withDatabase(async ({ db }) => {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
        console.log(`schema version: ${await currentSchemaVersion(db)}`);
        return 0;
      });
    case 'load-reference-data':
      return withDatabase(async ({ db }, config) => {
        await migrateToLatest(db);
        const r = await loadAdminUnits(db, config.referenceDataDir, log);
        console.log(r.skipped ? 'administrative units already loaded' : `loaded ${r.provinces} provinces, ${r.communes} communes, ${r.predecessors} pre-2025 codes`);
        return 0;
      });
    case 'seed-demo':
      return withDatabase(async (database, config) => {
        await prepareDatabase(database, { demo: false, referenceDataDir: config.referenceDataDir, log });
        const r = await seedDemo(database.db, log);
        console.log(r.created ? 'demo data loaded' : 'the database already has organisations; demo not loaded');
        return 0;
      });
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, org: { type: 'string' }, household: { type: 'string' }, unit: { type: 'string' } },
      });
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const parsed = CreateUserBody.safeParse({
        displayName: values.name, phone: values.phone, email: values.email, password, role: values.role,
        organisationId: values.org, householdId: values.household, adminUnitCode: values.unit,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`invalid ${issue.path.join('.') || 'input'}: ${issue.message}`);
        return 2;
      }
      return withDatabase(async (database, config) => {
        await migrateToLatest(database.db);
        const services = createServices({ database, clock: systemClock(), sessionTtlHours: config.auth.sessionTtlHours });
        const user = await services.auth.createUser(null, parsed.data);
        console.log(`created ${user.role} ${user.displayName} (${user.id})`);
        return 0;
      });
    }
    case 'import': {
      const [kind, ...args] = rest;
      if (kind === 'activities') {
        return importActivitiesCommand(args, (login, run) => withDatabase(async (database, config) => {
          await migrateToLatest(database.db);
          const user = await findUserByLogin(database.db, login);
          if (!user) throw new DomainError('not_found', `no user with login ${login}`);
          return run(createServices({ database, clock: systemClock(), sessionTtlHours: config.auth.sessionTtlHours }).diary, actorFor(user, 'session'));
        }), log);
      }
      const { values } = parseArgs({
        args,
        options: { file: { type: 'string' }, format: { type: 'string' }, crs: { type: 'string' }, province: { type: 'string' }, meridian: { type: 'string' }, as: { type: 'string' }, org: { type: 'string' } },
      });
      const request = CreateImportQuery.safeParse({
        kind, format: values.format, crs: values.crs, province: values.province, meridian: values.meridian, organisationId: values.org, fileName: values.file ? basename(values.file) : undefined,
      });
      if (!request.success || !values.file || !values.as) {
        for (const issue of request.error?.issues ?? []) console.error(`invalid ${issue.path.join('.') || 'input'}: ${issue.message}`);
        console.error('usage: dongxanh import plots|households --file F --format csv|xlsx|geojson|kml|shapefile [--crs vn2000 --province NN [--meridian DEG]] --as LOGIN [--org ID]');
        return 2;
      }
      const file = readFileSync(values.file);
      return withDatabase(async (database, config) => {
        await migrateToLatest(database.db);
        const user = await findUserByLogin(database.db, values.as!);
        if (!user) throw new DomainError('not_found', `no user with login ${values.as}`);
        const services = createServices({ database, clock: systemClock(), sessionTtlHours: config.auth.sessionTtlHours });
        let nextReport = 0;
        let lastReported = -1;
        const result = await services.imports.runNow(actorFor(user, 'session'), request.data, file, ({ totalRows, processedRows }) => {
          // About every 5 % of the file, and once at the end.
          const percent = totalRows ? Math.floor((100 * processedRows) / totalRows) : 0;
          if (processedRows === lastReported || (percent < nextReport && processedRows !== totalRows)) return;
          nextReport = percent + 5;
          lastReported = processedRows;
          log(`import: ${processedRows.toLocaleString('vi-VN')} / ${(totalRows ?? 0).toLocaleString('vi-VN')} rows read (${percent} %)`);
          if (processedRows === totalRows && processedRows > 0) log('import: every row read; checking them together against the database, then writing (all or nothing)…');
        });
        if (result.status === 'failed') {
          console.error(`error: ${result.error}`);
          for (const r of result.refusals) console.error(`  row ${r.row}, ${r.field}: ${r.message}`);
          return 2;
        }
        console.log(`imported ${result.importedRows} ${request.data.kind} from ${values.file} (job ${result.jobId})`);
        return 0;
      });
    }
    case 'mrv': {
      const [sub, ...args] = rest;
      if (sub === 'recalc') {
        return recalcCommand(args, (run) => withDatabase(async (database) => {
          await migrateToLatest(database.db);
          const diary = createDiaryService({ db: database.db, clock: systemClock() });
          return run(createRecalculations({ db: database.db, clock: systemClock(), runs: createRunsService({ db: database.db, clock: systemClock(), diary }), log: (m, e) => log(`${m} ${e ?? ''}`) }));
        }), log);
      }
      if (sub !== 'calc') throw new DomainError('invalid_input', `unknown mrv command '${sub ?? ''}': try 'mrv calc' or 'mrv recalc'`);
      return mrvCalc(args);
    }
    case 'audit': {
      if (rest[0] !== 'verify') throw new DomainError('invalid_input', `unknown audit command '${rest[0] ?? ''}': try 'audit verify'`);
      return withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        return auditVerifyCommand(db, systemClock());
      });
    }
    case 'version':
    case '--version':
      console.log(APP_VERSION);
      return 0;
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof DomainError) {
      console.error(`error (${err.code}): ${err.message}`);
      const refused = err.details?.errors;
      if (Array.isArray(refused)) for (const r of refused) console.error(`  ${r.path}: ${r.message}`);
      process.exitCode = err.code === 'invalid_input' || err.code === 'rule_violated' ? 2 : 1;
    } else {
      console.error(`error: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  },
);
