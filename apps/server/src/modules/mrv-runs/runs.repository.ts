/**
 * Stored runs and projects. Every read is filtered by the caller's scope (auth/scope.ts on the run's
 * own province, commune, organisation and household columns); a run outside it is not found.
 */
import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { MrvRunsTable, StoredBaselinePractice } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import type { ProjectTerms } from './build-inputs.ts';

// ------------------------------------------------------------------ seasons (read for runs)

export async function seasonsForRuns(db: Executor, actor: Actor, seasonIds: readonly string[]) {
  if (seasonIds.length === 0) return [];
  return db
    .selectFrom('seasons as s')
    .innerJoin('plots as p', 'p.id', 's.plotId')
    .select(['s.id', 's.plotId', 'p.code as plotCode', 'p.name as plotName', 's.provinceCode', 's.communeCode', 's.organisationId', 's.householdId', 's.areaHa', 's.plannedStartOn', 's.plannedEndOn', 's.actualEndOn', 's.year'])
    .where('s.id', 'in', seasonIds)
    .where(visibleTo(actor, 's'))
    .execute();
}
export type SeasonForRun = Awaited<ReturnType<typeof seasonsForRuns>>[number];

/** The plot's earlier seasons of the same crop, newest first (for the look-back baseline). */
export async function earlierSeasonsOfPlot(db: Executor, season: { id: string; plotId: string; provinceCode: string; plannedStartOn: string }) {
  return db
    .selectFrom('seasons')
    .select(['id'])
    .where('plotId', '=', season.plotId)
    .where('provinceCode', '=', season.provinceCode)
    .where('id', '<>', season.id)
    .where('plannedStartOn', '<', season.plannedStartOn)
    .orderBy('plannedStartOn', 'desc')
    .limit(3)
    .execute();
}

// ------------------------------------------------------------------ projects

/** Projects visible to the caller: by province for officers and verifiers, by membership for organisations. */
export function projectVisibleTo(actor: Actor, alias = 'pr'): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  switch (actor.role) {
    case 'admin':
      return sql<SqlBool>`true`;
    case 'province_officer':
    case 'verifier':
    case 'commune_officer':
      if (!actor.adminUnitCode) return sql<SqlBool>`false`;
      return actor.adminUnitCode.length <= 2
        ? sql<SqlBool>`${col('province_code')} = ${actor.adminUnitCode}`
        : sql<SqlBool>`exists (select 1 from mrv_project_organisations po join organisations o on o.id = po.organisation_id where po.project_id = ${col('id')} and o.commune_code = ${actor.adminUnitCode})`;
    case 'coop_manager':
    case 'coop_recorder':
    case 'enterprise':
      if (!actor.organisationId) return sql<SqlBool>`false`;
      return sql<SqlBool>`exists (select 1 from mrv_project_organisations po where po.project_id = ${col('id')} and po.organisation_id = ${actor.organisationId})`;
    case 'farmer':
      return sql<SqlBool>`false`;
  }
}

const projectColumns = ['pr.id', 'pr.code', 'pr.name', 'pr.provinceCode', 'pr.methodology', 'pr.gwpSet', 'pr.uncertainty', 'pr.baselineKind', 'pr.baselinePractice', 'pr.createdBy', 'pr.createdAt'] as const;

export async function listProjects(db: Executor, actor: Actor, ids?: readonly string[]) {
  let q = db.selectFrom('mrvProjects as pr').select([...projectColumns]).where(projectVisibleTo(actor)).orderBy('pr.code');
  if (ids) q = q.where('pr.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const projects = await q.execute();
  const members = projects.length
    ? await db.selectFrom('mrvProjectOrganisations as po').innerJoin('organisations as o', 'o.id', 'po.organisationId').select(['po.projectId', 'o.id', 'o.name']).where('po.projectId', 'in', projects.map((p) => p.id)).orderBy('o.name').execute()
    : [];
  return projects.map((p) => ({ ...p, organisations: members.filter((m) => m.projectId === p.id).map((m) => ({ id: m.id, name: m.name })) }));
}
export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

export function termsOf(p: Pick<ProjectRow, 'id' | 'code' | 'methodology' | 'gwpSet' | 'uncertainty' | 'baselineKind' | 'baselinePractice'>): ProjectTerms {
  return {
    id: p.id, code: p.code, methodology: p.methodology, gwpSet: p.gwpSet, uncertainty: p.uncertainty,
    baseline: p.baselineKind === 'fixed_practice' ? { kind: 'fixed_practice', practice: p.baselinePractice as StoredBaselinePractice } : { kind: 'look_back' },
  };
}

/** The project an organisation's seasons are credited under (no scope: called after the season was found). */
export async function projectOfOrganisation(db: Executor, organisationId: string | null) {
  if (!organisationId) return null;
  const row = await db
    .selectFrom('mrvProjectOrganisations as po')
    .innerJoin('mrvProjects as pr', 'pr.id', 'po.projectId')
    .select([...projectColumns])
    .where('po.organisationId', '=', organisationId)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertProject(db: Executor, actor: Actor, p: { code: string; name: string; provinceCode: string; methodology: string; gwpSet: 'AR5' | 'AR6'; uncertainty: number | null; baselineKind: 'fixed_practice' | 'look_back'; baselinePractice: StoredBaselinePractice | null; organisationIds: readonly string[] }) {
  const { id } = await db
    .insertInto('mrvProjects')
    .values({ code: p.code, name: p.name, provinceCode: p.provinceCode, methodology: p.methodology, gwpSet: p.gwpSet, uncertainty: p.uncertainty, baselineKind: p.baselineKind, baselinePractice: p.baselinePractice ? JSON.stringify(p.baselinePractice) : null, createdBy: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('mrvProjectOrganisations').values(p.organisationIds.map((organisationId) => ({ projectId: id, organisationId, addedBy: actor.userId }))).execute();
  return id;
}

// ------------------------------------------------------------------ runs

export type NewRun = Omit<Insertable<MrvRunsTable>, 'id' | 'isCurrent' | 'createdAt' | 'supersededBy'>;

export async function insertRuns(db: Executor, rows: readonly NewRun[]) {
  if (rows.length === 0) return [];
  return db.insertInto('mrvRuns').values(rows.map((r) => ({ ...r }))).returning(['id', 'seasonId', 'provinceCode']).execute();
}

/** Makes `runId` the season's current run and points the previous current one at it (one transaction). */
export async function makeCurrent(db: Executor, run: { id: string; seasonId: string; provinceCode: string }) {
  await db.updateTable('mrvRuns').set({ isCurrent: false, supersededBy: run.id })
    .where('seasonId', '=', run.seasonId).where('provinceCode', '=', run.provinceCode).where('isCurrent', '=', true).execute();
  await db.updateTable('mrvRuns').set({ isCurrent: true }).where('id', '=', run.id).where('provinceCode', '=', run.provinceCode).execute();
}

/** Flips a whole recalculation job's runs to current at once. */
export async function makeJobCurrent(db: Executor, jobId: string, provinceCode: string) {
  await sql`
    update mrv_runs o set is_current = false, superseded_by = n.id
    from mrv_runs n
    where n.job_id = ${jobId} and n.province_code = ${provinceCode}
      and o.province_code = ${provinceCode} and o.season_id = n.season_id and o.is_current`.execute(db);
  const flipped = await db.updateTable('mrvRuns').set({ isCurrent: true }).where('jobId', '=', jobId).where('provinceCode', '=', provinceCode).executeTakeFirst();
  return Number(flipped.numUpdatedRows);
}

const runColumns = [
  'r.id', 'r.seasonId', 'r.plotId', 'p.code as plotCode', 'r.provinceCode', 'r.communeCode', 'r.projectId', 'pr.code as projectCode', 'r.kind', 'r.isCurrent',
  'r.methodVersion', 'r.factorTableVersion', 'r.inputHash', 'r.areaHa', 'r.co2eTotalT', 'r.baselineCo2eT', 'r.reductionTco2e', 'r.reductionTco2ePerHa',
  'r.netErTco2e', 'r.jobId', 'r.supersededBy', 'r.createdBy', 'r.createdAt',
] as const;

function runsQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('mrvRuns as r')
    .innerJoin('plots as p', 'p.id', 'r.plotId')
    .leftJoin('mrvProjects as pr', 'pr.id', 'r.projectId')
    .where(visibleTo(actor, 'r'));
}

/**
 * The snapshot and result are read as text and parsed here: the CamelCasePlugin would otherwise rename
 * the contract documents' snake_case keys (area_ha → areaHa) and the snapshot would no longer be the
 * document that was computed.
 */
const documents = [sql<string>`r.input_snapshot::text`.as('inputSnapshotText'), sql<string>`r.result::text`.as('resultText')] as const;
function withDocuments<T extends { inputSnapshotText: string; resultText: string }>(row: T) {
  const { inputSnapshotText, resultText, ...rest } = row;
  return { ...rest, inputSnapshot: JSON.parse(inputSnapshotText) as unknown, result: JSON.parse(resultText) as unknown };
}

export async function findRun(db: Executor, actor: Actor, runId: string) {
  const row = await runsQuery(db, actor).select([...runColumns, ...documents]).where('r.id', '=', runId).executeTakeFirst();
  return row && withDocuments(row);
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export async function runsOfSeason(db: Executor, actor: Actor, seasonId: string) {
  return runsQuery(db, actor).select([...runColumns]).where('r.seasonId', '=', seasonId).orderBy('r.createdAt', 'desc').limit(50).execute();
}

export async function currentRunsOf(db: Executor, seasons: ReadonlyArray<{ id: string; provinceCode: string }>) {
  if (seasons.length === 0) return [];
  return db
    .selectFrom('mrvRuns')
    .select(['id', 'seasonId', 'provinceCode', 'netErTco2e', 'reductionTco2e', 'co2eTotalT', 'baselineCo2eT', 'projectId'])
    .where('seasonId', 'in', seasons.map((s) => s.id))
    .where('provinceCode', 'in', [...new Set(seasons.map((s) => s.provinceCode))])
    .where('isCurrent', '=', true)
    .execute();
}

/** Runs by id without scope (the caller already checked the submission that pins them). */
export async function runsByIds(db: Executor, refs: ReadonlyArray<{ id: string; provinceCode: string }>) {
  if (refs.length === 0) return [];
  return db
    .selectFrom('mrvRuns as r')
    .innerJoin('plots as p', 'p.id', 'r.plotId')
    .leftJoin('mrvProjects as pr', 'pr.id', 'r.projectId')
    .select([...runColumns, ...documents])
    .where('r.id', 'in', refs.map((r) => r.id))
    .where('r.provinceCode', 'in', [...new Set(refs.map((r) => r.provinceCode))])
    .execute()
    .then((rows) => rows.map(withDocuments));
}
