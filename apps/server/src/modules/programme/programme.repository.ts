/**
 * Programme records: tasks and their notes, training events with attendance and coverage targets,
 * land consolidation records with their plots. Reads take the scope already resolved by the service
 * (dashboards/dashboard-scope.ts); writes record who and when.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { LandConsolidationKind, ProgrammeTaskStatus, TrainingRole } from '../../db/schema.ts';
import type { ConsolidationTotals, TrainingTotals } from '../plans/indicator-computations.ts';
import type { UnitScope } from '../dashboards/dashboard-scope.ts';

// ------------------------------------------------------------------ tasks

export async function tasksOfPlan(db: Executor, planId: string) {
  return db
    .selectFrom('programmeTasks as t')
    .selectAll('t')
    .select(sql<number>`(select count(*)::int from programme_task_notes n where n.task_id = t.id)`.as('noteCount'))
    .where('t.planId', '=', planId)
    .orderBy('t.position')
    .orderBy('t.code')
    .execute();
}

export async function latestNotes(db: Executor, taskIds: readonly string[]) {
  if (!taskIds.length) return [];
  return db
    .selectFrom('programmeTaskNotes as n')
    .leftJoin('users as u', 'u.id', 'n.notedBy')
    .select(['n.id', 'n.taskId', 'n.note', 'n.status', 'n.progressPct', 'n.notedBy', 'u.displayName as notedByName', 'n.notedAt'])
    .where('n.taskId', 'in', [...taskIds])
    .where((eb) => eb('n.id', '=', eb.selectFrom('programmeTaskNotes as m').select(sql<number>`max(m.id)`.as('id')).whereRef('m.taskId', '=', 'n.taskId')))
    .execute();
}

export async function notesOfTask(db: Executor, taskId: string) {
  return db
    .selectFrom('programmeTaskNotes as n')
    .leftJoin('users as u', 'u.id', 'n.notedBy')
    .select(['n.id', 'n.taskId', 'n.note', 'n.status', 'n.progressPct', 'n.notedBy', 'u.displayName as notedByName', 'n.notedAt'])
    .where('n.taskId', '=', taskId)
    .orderBy('n.id', 'desc')
    .execute();
}

export async function findTask(db: Executor, taskId: string) {
  return db.selectFrom('programmeTasks').selectAll().where('id', '=', taskId).executeTakeFirst();
}

export async function addTaskNote(db: Executor, taskId: string, note: { note: string; status: ProgrammeTaskStatus; progressPct: number | null }, by: string, now: Date) {
  await db.insertInto('programmeTaskNotes').values({ taskId, note: note.note, status: note.status, progressPct: note.progressPct, notedBy: by, notedAt: now }).execute();
  await db.updateTable('programmeTasks').set({ status: note.status, updatedBy: by, updatedAt: now }).where('id', '=', taskId).execute();
}

// ------------------------------------------------------------------ training

const inScope = (scope: UnitScope) => (scope.communeCode ? sql`commune_code = ${scope.communeCode}` : sql`province_code = ${scope.provinceCode}`);

/** Attendances by role in events of the scope held up to 31 December of the year, with the plan's populations. */
export async function trainingTotals(db: Executor, planId: string, scope: UnitScope, year: number): Promise<TrainingTotals> {
  const { rows } = await sql<{ role: string; attendees: number }>`
    select a.role, sum(a.attendee_count)::int as attendees
    from training_attendance a join training_events e on e.id = a.event_id
    where ${inScope(scope)} and e.held_on <= ${`${year}-12-31`}::date
    group by a.role`.execute(db);
  const targets = await db.selectFrom('trainingTargets').select(['role', 'population']).where('planId', '=', planId).execute();
  const events = await sql<{ n: number }>`select count(*)::int as n from training_events where ${inScope(scope)} and held_on <= ${`${year}-12-31`}::date`.execute(db);
  const roles = new Set([...rows.map((r) => r.role), ...targets.map((t) => t.role)]);
  return {
    byRole: [...roles].map((role) => ({ role, attendees: rows.find((r) => r.role === role)?.attendees ?? 0, population: targets.find((t) => t.role === role)?.population ?? null })),
    events: events.rows[0]?.n ?? 0,
  };
}

export async function trainingEvents(db: Executor, scope: UnitScope | null, filter: { planId?: string | undefined; year?: number | undefined }) {
  let q = db
    .selectFrom('trainingEvents as e')
    .innerJoin('adminUnits as u', (join) => join.on(sql<boolean>`u.code = coalesce(e.commune_code, e.province_code)`))
    .selectAll('e')
    .select('u.name as unitName');
  if (scope) q = scope.communeCode ? q.where('e.communeCode', '=', scope.communeCode) : q.where('e.provinceCode', '=', scope.provinceCode);
  if (filter.planId) q = q.where('e.planId', '=', filter.planId);
  if (filter.year) q = q.where('e.heldOn', '>=', `${filter.year}-01-01`).where('e.heldOn', '<=', `${filter.year}-12-31`);
  const events = await q.orderBy('e.heldOn', 'desc').orderBy('e.id').limit(500).execute();
  const attendance = events.length ? await db.selectFrom('trainingAttendance').selectAll().where('eventId', 'in', events.map((e) => e.id)).execute() : [];
  return events.map((e) => ({ ...e, attendance: attendance.filter((a) => a.eventId === e.id).map((a) => ({ role: a.role, count: a.attendeeCount })) }));
}

export async function insertTrainingEvent(
  db: Executor,
  e: { planId: string | null; provinceCode: string; communeCode: string | null; topic: string; heldOn: string; place: string; trainer: string; notes: string | null; attendance: ReadonlyArray<{ role: TrainingRole; count: number }> },
  by: string,
  now: Date,
) {
  const { id } = await db
    .insertInto('trainingEvents')
    .values({ planId: e.planId, provinceCode: e.provinceCode, communeCode: e.communeCode, topic: e.topic, heldOn: e.heldOn, place: e.place, trainer: e.trainer, notes: e.notes, createdBy: by, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('trainingAttendance').values(e.attendance.map((a) => ({ eventId: id, role: a.role, attendeeCount: a.count }))).execute();
  return id;
}

// ------------------------------------------------------------------ land consolidation

export async function consolidationTotals(db: Executor, scope: UnitScope, year: number): Promise<ConsolidationTotals> {
  const { rows } = await sql<{ cumulativeHa: number; addedHa: number; records: number }>`
    select coalesce(sum(area_ha), 0)::float8 as cumulative_ha,
      coalesce(sum(area_ha) filter (where agreed_on >= ${`${year}-01-01`}::date), 0)::float8 as added_ha,
      count(*)::int as records
    from land_consolidations where ${inScope(scope)} and agreed_on <= ${`${year}-12-31`}::date`.execute(db);
  return rows[0] ?? { cumulativeHa: 0, addedHa: 0, records: 0 };
}

export async function landConsolidations(db: Executor, scope: UnitScope | null, year: number | undefined) {
  let q = db.selectFrom('landConsolidations as l').innerJoin('adminUnits as u', 'u.code', 'l.communeCode').selectAll('l').select('u.name as communeName');
  if (scope) q = scope.communeCode ? q.where('l.communeCode', '=', scope.communeCode) : q.where('l.provinceCode', '=', scope.provinceCode);
  if (year) q = q.where('l.agreedOn', '>=', `${year}-01-01`).where('l.agreedOn', '<=', `${year}-12-31`);
  const rows = await q.orderBy('l.agreedOn', 'desc').orderBy('l.id').limit(500).execute();
  const plots = rows.length
    ? await db.selectFrom('landConsolidationPlots as lp').innerJoin('plots as p', 'p.id', 'lp.plotId').select(['lp.consolidationId', 'p.id', 'p.code', 'p.areaHa']).where('lp.consolidationId', 'in', rows.map((r) => r.id)).execute()
    : [];
  return rows.map((r) => ({ ...r, plots: plots.filter((p) => p.consolidationId === r.id).map((p) => ({ id: p.id, code: p.code, areaHa: Number(p.areaHa) })) }));
}

export async function insertLandConsolidation(
  db: Executor,
  c: { provinceCode: string; communeCode: string; kind: LandConsolidationKind; fromParty: string; toParty: string; toOrganisationId: string | null; areaHa: number; agreedOn: string; termYears: number | null; notes: string | null; plotIds: readonly string[] },
  by: string,
  now: Date,
) {
  const { id } = await db
    .insertInto('landConsolidations')
    .values({ provinceCode: c.provinceCode, communeCode: c.communeCode, kind: c.kind, fromParty: c.fromParty, toParty: c.toParty, toOrganisationId: c.toOrganisationId, areaHa: c.areaHa, agreedOn: c.agreedOn, termYears: c.termYears, notes: c.notes, createdBy: by, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.plotIds.length) await db.insertInto('landConsolidationPlots').values(c.plotIds.map((plotId) => ({ consolidationId: id, plotId }))).execute();
  return id;
}
