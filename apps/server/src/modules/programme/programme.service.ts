/**
 * Programme management (capability 12): the plans' task tables with progress notes and overdue
 * tasks; training events with attendance by role and coverage against the plan's targets; land
 * consolidation records (lease, transfer, capital contribution) that feed the consolidated-area
 * indicator. Reads follow the plan's or the unit's scope; writes need 'programme:edit' in the unit.
 *
 * A task is overdue when its due date has passed (Vietnam's calendar day) and it is neither done nor
 * cancelled. A yearly task ("Hàng năm", "trước ngày 10/12 hằng năm") falls due on the same day each
 * year and is overdue this year unless a note marked it done this year.
 */
import type { AddTaskNoteBody, CreateLandConsolidationBody, CreateTaskBody, CreateTrainingEventBody, SetTrainingTargetBody } from '@dongxanh/contracts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { ENTITY_NAMES, message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { ownScope, unitOf, type UnitScope } from '../dashboards/dashboard-scope.ts';
import { daysBetween, vietnamDateOf } from '../diary/calendar.ts';
import { findPlan, type PlanRow } from '../plans/plans.repository.ts';
import {
  addTaskNote, findTask, insertLandConsolidation, insertTrainingEvent, landConsolidations, latestNotes, notesOfTask, tasksOfPlan, trainingEvents, trainingTotals,
} from './programme.repository.ts';

export type ProgrammeDeps = { db: Database; clock: Clock };

const ruleViolated = (path: string, text: ErrorText) => new DomainError('rule_violated', text, { errors: [fieldError(path, text)] });

export interface TaskTiming {
  dueOn: string | null;
  recurrence: 'none' | 'yearly';
  status: string;
  latestNote: { status: string; notedAt: Date } | null;
}

/** This year's due date of a task, whether it is overdue today, and by how many days. Pure. */
export function taskTiming(task: TaskTiming, today: string): { currentDueOn: string | null; overdue: boolean; daysOverdue: number | null } {
  if (!task.dueOn) return { currentDueOn: null, overdue: false, daysOverdue: null };
  if (task.recurrence === 'yearly') {
    const year = today.slice(0, 4);
    const currentDueOn = `${year}${task.dueOn.slice(4)}`;
    const doneThisYear = task.latestNote?.status === 'done' && vietnamDateOf(task.latestNote.notedAt).slice(0, 4) === year;
    const overdue = !doneThisYear && task.status !== 'cancelled' && currentDueOn < today;
    return { currentDueOn, overdue, daysOverdue: overdue ? daysBetween(currentDueOn, today) : null };
  }
  const overdue = task.status !== 'done' && task.status !== 'cancelled' && task.dueOn < today;
  return { currentDueOn: task.dueOn, overdue, daysOverdue: overdue ? daysBetween(task.dueOn, today) : null };
}

export function createProgrammeService({ db, clock }: ProgrammeDeps) {
  const today = () => vietnamDateOf(clock.now());

  async function visiblePlan(actor: Actor, planId: string) {
    assertCan(actor, 'plans:read');
    const own = await ownScope(db, actor);
    const plan = await findPlan(db, own, planId, today());
    if (!plan) throw notFound('Plan', planId);
    return { plan, own };
  }

  function assertEditsUnit(actor: Actor, own: UnitScope | null, unit: { provinceCode: string; communeCode: string | null }) {
    assertCan(actor, 'programme:edit');
    if (own === null) return;
    if (own.provinceCode !== unit.provinceCode || (own.communeCode !== null && own.communeCode !== unit.communeCode)) {
      throw new DomainError('forbidden', message('programme.ownUnitOnly'));
    }
  }

  /** A province or commune code the caller may write in, as a scope. */
  async function writableUnit(actor: Actor, own: UnitScope | null, code: string, path: string): Promise<UnitScope> {
    const unit = await unitOf(db, code);
    if (!unit) throw ruleViolated(path, message('plans.unknownUnit', { code }));
    const scope = unit.level === 'province' ? { provinceCode: unit.code, communeCode: null } : { provinceCode: unit.parentCode!, communeCode: unit.code };
    if (own && (own.provinceCode !== scope.provinceCode || (own.communeCode !== null && own.communeCode !== scope.communeCode))) {
      throw new DomainError('not_found', message('programme.unitNotInScope', { code }), { id: code });
    }
    assertEditsUnit(actor, own, scope);
    return scope;
  }

  function presentNote(n: Awaited<ReturnType<typeof notesOfTask>>[number]) {
    return { id: n.id, note: n.note, status: n.status, progressPct: n.progressPct, notedBy: n.notedBy, notedByName: n.notedByName, notedAt: n.notedAt.toISOString() };
  }

  async function tasksOf(plan: PlanRow) {
    const now = today();
    const tasks = await tasksOfPlan(db, plan.id);
    const notes = await latestNotes(db, tasks.map((t) => t.id));
    return tasks.map((t) => {
      const latest = notes.find((n) => n.taskId === t.id) ?? null;
      const timing = taskTiming({ dueOn: t.dueOn, recurrence: t.recurrence, status: t.status, latestNote: latest }, now);
      return {
        id: t.id, planId: t.planId, code: t.code, position: t.position, groupCode: t.groupCode, groupTitle: t.groupTitle, title: t.title, leadAgency: t.leadAgency,
        partnerAgencies: t.partnerAgencies, expectedResult: t.expectedResult, deadlineText: t.deadlineText, dueOn: t.dueOn, recurrence: t.recurrence, status: t.status,
        source: t.source, noteCount: t.noteCount, latestNote: latest ? presentNote(latest) : null, ...timing,
      };
    });
  }

  return {
    tasksOf,

    async listTasks(actor: Actor, planId: string, q: { overdue?: 'true' | 'false' | undefined }) {
      const { plan } = await visiblePlan(actor, planId);
      const all = await tasksOf(plan);
      const items = q.overdue === 'true' ? all.filter((t) => t.overdue) : q.overdue === 'false' ? all.filter((t) => !t.overdue) : all;
      return { items, overdueCount: all.filter((t) => t.overdue).length, today: today() };
    },

    async addTask(actor: Actor, planId: string, body: CreateTaskBody) {
      const { plan, own } = await visiblePlan(actor, planId);
      assertEditsUnit(actor, own, plan);
      const exists = await db.selectFrom('programmeTasks').select('id').where('planId', '=', planId).where('code', '=', body.code).executeTakeFirst();
      if (exists) throw new DomainError('conflict', message('programme.taskTaken', { code: body.code }), { errors: [fieldError('code', message('plans.usedInPlan'))] });
      const position = (await tasksOfPlan(db, planId)).length;
      const now = clock.now();
      return db
        .insertInto('programmeTasks')
        .values({
          planId, code: body.code, position, groupCode: body.groupCode ?? null, groupTitle: body.groupTitle ?? null, title: body.title, leadAgency: body.leadAgency,
          partnerAgencies: body.partnerAgencies ?? null, expectedResult: body.expectedResult ?? null, deadlineText: body.deadlineText, dueOn: body.dueOn ?? null,
          recurrence: body.recurrence, source: body.source ?? null, createdBy: actor.userId, createdAt: now, updatedBy: null, updatedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async addNote(actor: Actor, taskId: string, body: AddTaskNoteBody) {
      const task = await findTask(db, taskId);
      if (!task) throw notFound('Task', taskId);
      const { plan, own } = await visiblePlan(actor, task.planId).catch((err: unknown) => {
        throw err instanceof DomainError && err.code === 'not_found' ? notFound('Task', taskId) : err;
      });
      assertEditsUnit(actor, own, plan);
      await db.transaction().execute((tx) => addTaskNote(tx, taskId, { note: body.note, status: body.status, progressPct: body.progressPct ?? null }, actor.userId, clock.now()));
    },

    async notes(actor: Actor, taskId: string) {
      const task = await findTask(db, taskId);
      if (!task) throw notFound('Task', taskId);
      await visiblePlan(actor, task.planId).catch((err: unknown) => {
        throw err instanceof DomainError && err.code === 'not_found' ? notFound('Task', taskId) : err;
      });
      return { items: (await notesOfTask(db, taskId)).map(presentNote) };
    },

    // ------------------------------------------------------------ training
    async listTrainingEvents(actor: Actor, q: { provinceCode?: string | undefined; planId?: string | undefined; year?: number | undefined }) {
      assertCan(actor, 'plans:read');
      const own = await ownScope(db, actor);
      if (own && q.provinceCode && q.provinceCode !== own.provinceCode) return { items: [] };
      const scope = own ?? (q.provinceCode ? { provinceCode: q.provinceCode, communeCode: null } : null);
      const events = await trainingEvents(db, scope, q);
      return {
        items: events.map((e) => ({
          id: e.id, planId: e.planId, provinceCode: e.provinceCode, communeCode: e.communeCode, unitName: e.unitName, topic: e.topic, heldOn: e.heldOn, place: e.place,
          trainer: e.trainer, notes: e.notes, attendance: e.attendance, totalAttendees: e.attendance.reduce((s, a) => s + a.count, 0), createdBy: e.createdBy, createdAt: e.createdAt.toISOString(),
        })),
      };
    },

    async createTrainingEvent(actor: Actor, body: CreateTrainingEventBody) {
      assertCan(actor, 'programme:edit');
      const own = await ownScope(db, actor);
      const scope = await writableUnit(actor, own, body.unitCode, 'unitCode');
      if (body.planId) {
        const { plan } = await visiblePlan(actor, body.planId);
        if (plan.provinceCode !== scope.provinceCode) throw ruleViolated('planId', message('programme.eventOutsideProvince'));
      }
      if (body.heldOn > today()) throw ruleViolated('heldOn', message('programme.trainingFuture'));
      const id = await db.transaction().execute((tx) =>
        insertTrainingEvent(tx, { planId: body.planId ?? null, ...scope, topic: body.topic, heldOn: body.heldOn, place: body.place, trainer: body.trainer, notes: body.notes ?? null, attendance: body.attendance }, actor.userId, clock.now()),
      );
      return { id };
    },

    async setTrainingTarget(actor: Actor, planId: string, body: SetTrainingTargetBody) {
      const { plan, own } = await visiblePlan(actor, planId);
      assertEditsUnit(actor, own, plan);
      const now = clock.now();
      await db
        .insertInto('trainingTargets')
        .values({ planId, role: body.role, population: body.population, targetPct: body.targetPct, targetYear: body.targetYear, source: body.source, createdBy: actor.userId, createdAt: now, updatedBy: null, updatedAt: null })
        .onConflict((oc) => oc.columns(['planId', 'role']).doUpdateSet({ population: body.population, targetPct: body.targetPct, targetYear: body.targetYear, source: body.source, updatedBy: actor.userId, updatedAt: now }))
        .execute();
    },

    async trainingCoverage(actor: Actor, planId: string) {
      const { plan } = await visiblePlan(actor, planId);
      const year = Number(today().slice(0, 4));
      const scope = { provinceCode: plan.provinceCode, communeCode: plan.communeCode };
      const [totals, targets] = await Promise.all([trainingTotals(db, plan.id, scope, year), db.selectFrom('trainingTargets').selectAll().where('planId', '=', plan.id).execute()]);
      return {
        planId: plan.id,
        asOf: today(),
        events: totals.events,
        roles: totals.byRole.map((r) => {
          const t = targets.find((x) => x.role === r.role);
          return {
            role: r.role as SetTrainingTargetBody['role'], population: t?.population ?? null, targetPct: t?.targetPct ?? null, targetYear: t?.targetYear ?? null, source: t?.source ?? null,
            attendees: r.attendees, coveragePct: t ? Math.min(100, (100 * r.attendees) / t.population) : null,
          };
        }),
      };
    },

    // ------------------------------------------------------------ land consolidation
    async listLandConsolidations(actor: Actor, q: { provinceCode?: string | undefined; year?: number | undefined }) {
      assertCan(actor, 'plans:read');
      const own = await ownScope(db, actor);
      if (own && q.provinceCode && q.provinceCode !== own.provinceCode) return { items: [], totalAreaHa: 0 };
      const scope = own ?? (q.provinceCode ? { provinceCode: q.provinceCode, communeCode: null } : null);
      const rows = await landConsolidations(db, scope, q.year);
      const items = rows.map((r) => ({
        id: r.id, provinceCode: r.provinceCode, communeCode: r.communeCode, communeName: r.communeName, kind: r.kind, fromParty: r.fromParty, toParty: r.toParty,
        toOrganisationId: r.toOrganisationId, areaHa: Number(r.areaHa), agreedOn: r.agreedOn, termYears: r.termYears, notes: r.notes, plots: r.plots, createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
      }));
      return { items, totalAreaHa: items.reduce((s, i) => s + i.areaHa, 0) };
    },

    async createLandConsolidation(actor: Actor, body: CreateLandConsolidationBody) {
      assertCan(actor, 'programme:edit');
      const own = await ownScope(db, actor);
      const scope = await writableUnit(actor, own, body.communeCode, 'communeCode');
      if (body.agreedOn > today()) throw ruleViolated('agreedOn', message('programme.agreementFuture'));
      return db.transaction().execute(async (tx) => {
        let areaHa = body.areaHa;
        if (body.plotIds.length) {
          const plots = await tx.selectFrom('plots as p').select(['p.id', 'p.communeCode', 'p.areaHa']).where('p.id', 'in', body.plotIds).where(visibleTo(actor, 'p')).execute();
          const missing = body.plotIds.filter((id) => !plots.some((p) => p.id === id));
          if (missing.length) throw new DomainError('not_found', message('error.notFound', { what: ENTITY_NAMES.Plot, id: missing[0]! }), { id: missing[0], errors: [fieldError('plotIds', message('programme.plotNotInScope', { id: missing[0]! }))] });
          const elsewhere = plots.find((p) => p.communeCode !== body.communeCode);
          if (elsewhere) throw ruleViolated('plotIds', message('programme.plotOtherCommune', { id: elsewhere.id, commune: body.communeCode }));
          // The plots' PostGIS area is the record's area unless the agreement states its own.
          areaHa ??= plots.reduce((s, p) => s + Number(p.areaHa), 0);
        }
        if (body.toOrganisationId) {
          const org = await tx.selectFrom('organisations').select('id').where('id', '=', body.toOrganisationId).where('provinceCode', '=', scope.provinceCode).executeTakeFirst();
          if (!org) throw ruleViolated('toOrganisationId', message('programme.receiverNotInProvince'));
        }
        const id = await insertLandConsolidation(tx, {
          provinceCode: scope.provinceCode, communeCode: body.communeCode, kind: body.kind, fromParty: body.fromParty, toParty: body.toParty, toOrganisationId: body.toOrganisationId ?? null,
          areaHa: areaHa!, agreedOn: body.agreedOn, termYears: body.termYears ?? null, notes: body.notes ?? null, plotIds: body.plotIds,
        }, actor.userId, clock.now());
        return { id, areaHa: Number(areaHa) };
      });
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
