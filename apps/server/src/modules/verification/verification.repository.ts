/**
 * Submissions, their items (plot-seasons with the run each one was submitted with), events, sample
 * and findings. Submissions are scoped like every tenant table (province, commune, organisation).
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { FindingOutcome, SubmissionState } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';

function submissionsQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisationId')
    .leftJoin('mrvProjects as pr', 'pr.id', 's.projectId')
    .where(visibleTo(actor, 's', null))
    .select([
      's.id', 's.rootId', 's.revision', 's.previousRevisionId', 's.supersededBy', 's.title', 's.state', 's.organisationId', 'o.name as organisationName', 's.provinceCode',
      's.communeCode', 's.projectId', 'pr.code as projectCode', 's.periodStart', 's.periodEnd', 's.returnReason', 's.correctionReason', 's.submittedBy', 's.submittedAt',
      's.reviewedBy', 's.reviewedAt', 's.verifiedBy', 's.verifiedAt', 's.verifierOrganisationId', 's.sampleSeed', 's.sampleRule', 's.sampledBy', 's.sampledAt', 's.version',
      's.createdBy', 's.createdAt',
      sql<number>`(select count(*) from submission_items i where i.submission_id = s.id)`.as('plotCount'),
      sql<number>`(select coalesce(sum(i.area_ha), 0) from submission_items i where i.submission_id = s.id)`.as('areaHa'),
      sql<boolean>`exists (select 1 from credit_issuances ci where ci.submission_id = s.id)`.as('creditsIssued'),
    ]);
}

export async function findSubmission(db: Executor, actor: Actor, id: string) {
  return submissionsQuery(db, actor).where('s.id', '=', id).executeTakeFirst();
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

export async function listSubmissions(db: Executor, actor: Actor, filter: { state?: SubmissionState | undefined; organisationId?: string | undefined; includeSuperseded: boolean }) {
  let q = submissionsQuery(db, actor);
  if (filter.state) q = q.where('s.state', '=', filter.state);
  if (filter.organisationId) q = q.where('s.organisationId', '=', filter.organisationId);
  if (!filter.includeSuperseded) q = q.where('s.supersededBy', 'is', null);
  return q.orderBy('s.createdAt', 'desc').limit(200).execute();
}

/** Items with the run that counts: the pinned run once submitted, otherwise the season's current run. */
export async function itemsOf(db: Executor, submissionId: string) {
  return db
    .selectFrom('submissionItems as i')
    .innerJoin('plots as p', 'p.id', 'i.plotId')
    .leftJoin('mrvRuns as r', (join) =>
      join.on((eb) => eb.and([
        eb('r.provinceCode', '=', eb.ref('i.provinceCode')),
        eb('r.seasonId', '=', eb.ref('i.seasonId')),
        eb.or([eb('r.id', '=', eb.ref('i.runId')), eb.and([eb('i.runId', 'is', null), eb('r.isCurrent', '=', true)])]),
      ])),
    )
    .select(['i.seasonId', 'i.plotId', 'p.code as plotCode', 'p.name as plotName', 'i.areaHa', 'i.provinceCode', 'i.runId as pinnedRunId', 'r.id as runId', 'r.co2eTotalT', 'r.baselineCo2eT', 'r.reductionTco2e', 'r.netErTco2e', 'r.kind as runKind'])
    .where('i.submissionId', '=', submissionId)
    .orderBy('p.code')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export async function eventsOf(db: Executor, submissionIds: readonly string[]) {
  return db
    .selectFrom('submissionEvents as e')
    .innerJoin('users as u', 'u.id', 'e.actorId')
    .select(['e.submissionId', 'e.action', 'e.fromState', 'e.toState', 'e.reason', 'e.actorId', 'u.displayName as actorName', 'e.at'])
    .where('e.submissionId', 'in', submissionIds)
    .orderBy('e.id')
    .execute();
}

export async function revisionsOf(db: Executor, rootId: string) {
  return db.selectFrom('submissions').select(['id', 'revision', 'state', 'supersededBy']).where('rootId', '=', rootId).orderBy('revision').execute();
}

/** Everyone who wrote the seasons' diaries (created the season, recorded or edited an entry). */
export async function recordersOf(db: Executor, seasons: ReadonlyArray<{ seasonId: string; provinceCode: string }>) {
  if (seasons.length === 0) return new Set<string>();
  const ids = seasons.map((s) => s.seasonId);
  const provinces = [...new Set(seasons.map((s) => s.provinceCode))];
  const rows = await sql<{ userId: string }>`
    select recorded_by as user_id from activities where season_id in (${sql.join(ids)}) and province_code in (${sql.join(provinces)})
    union select updated_by from activities where season_id in (${sql.join(ids)}) and province_code in (${sql.join(provinces)}) and updated_by is not null
    union select created_by from seasons where id in (${sql.join(ids)}) and province_code in (${sql.join(provinces)})`.execute(db);
  return new Set(rows.rows.map((r) => r.userId));
}

/** Seasons already held by another live (not superseded) submission. */
export async function seasonsInLiveSubmissions(db: Executor, seasonIds: readonly string[], exceptRootId?: string) {
  if (seasonIds.length === 0) return [];
  let q = db
    .selectFrom('submissionItems as i')
    .innerJoin('submissions as s', 's.id', 'i.submissionId')
    .innerJoin('plots as p', 'p.id', 'i.plotId')
    .select(['i.seasonId', 'p.code as plotCode', 's.title'])
    .where('i.seasonId', 'in', seasonIds)
    .where('s.supersededBy', 'is', null);
  if (exceptRootId) q = q.where('s.rootId', '<>', exceptRootId);
  return q.execute();
}

/** Seasons held by live submissions the caller can see. */
export async function heldSeasons(db: Executor, actor: Actor) {
  return db
    .selectFrom('submissionItems as i')
    .innerJoin('submissions as s', 's.id', 'i.submissionId')
    .select(['i.seasonId', 's.id as submissionId', 's.title', 's.state'])
    .where('s.supersededBy', 'is', null)
    .where(visibleTo(actor, 's', null))
    .execute();
}

export async function insertEvent(db: Executor, e: { submissionId: string; action: string; fromState: SubmissionState | null; toState: SubmissionState; reason: string | null; actorId: string; at: Date }) {
  await db.insertInto('submissionEvents').values(e).execute();
}

export async function sampleOf(db: Executor, submissionId: string) {
  return db.selectFrom('verificationSamples').select(['seasonId', 'position']).where('submissionId', '=', submissionId).orderBy('position').execute();
}

export async function findingsOf(db: Executor, submissionId: string) {
  return db
    .selectFrom('verificationFindings as f')
    .innerJoin('users as u', 'u.id', 'f.recordedBy')
    .select(['f.seasonId', 'f.outcome', 'f.note', 'f.recordedBy', 'u.displayName as recordedByName', 'f.recordedAt'])
    .where('f.submissionId', '=', submissionId)
    .execute();
}

export async function upsertFinding(db: Executor, f: { submissionId: string; seasonId: string; outcome: FindingOutcome; note: string; recordedBy: string; recordedAt: Date }) {
  await db
    .insertInto('verificationFindings')
    .values(f)
    .onConflict((oc) => oc.columns(['submissionId', 'seasonId']).doUpdateSet({ outcome: f.outcome, note: f.note, recordedBy: f.recordedBy, recordedAt: f.recordedAt }))
    .execute();
}
