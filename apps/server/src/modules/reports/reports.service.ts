/**
 * Reports (capability 11).
 *
 * The yearly report goes commune → province → ministry. A commune officer generates their commune's
 * report on a plan from the data, reviews it and submits it; a province officer does the same for
 * the province (its report summarises the communes' submitted versions) and may return a commune's
 * submitted report with a reason. Workflow (a pure table, below):
 *
 *   draft ──review──► reviewed ──submit──► submitted ──return──► returned
 *     ▲  ◄─regenerate─┘                        │                    │
 *     └────────────────── reopen (new version) ┴────────────────────┘
 *
 * A submitted version is frozen: its snapshot never changes (a database trigger refuses it); a
 * correction is a new version, and the level above always sees the newest submitted one. The
 * deadline is the plan's (10 December in the seeds); a report not submitted by then is overdue.
 *
 * The emission database view and the inventory tables are generated on request from the rollups,
 * brought fully up to date first (a report must not miss a queued season).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CreateYearlyReportBody, EmissionDatabaseQuery, InventoryQuery, PutEcologicalZoneBody, ReportDocument } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { StoredFactorUse, YearlyReportStatus } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { message, word } from '../../shared/messages.ts';
import { assertCan, can, type Actor } from '../auth/permissions.ts';
import { ownScope, resolveScope, unitOf, type UnitScope } from '../dashboards/dashboard-scope.ts';
import { rollupByCropSeason, rollupRowsForReports, rollupTotalsByCommune } from '../dashboards/dashboard.queries.ts';
import { figuresOf } from '../dashboards/dashboards.service.ts';
import { refreshAll } from '../dashboards/refresh.ts';
import { vietnamDateOf } from '../diary/calendar.ts';
import { findPlan, type PlanRow } from '../plans/plans.repository.ts';
import { planProgress } from '../plans/plans.service.ts';
import { createProgrammeService } from '../programme/programme.service.ts';
import { landConsolidations, trainingEvents } from '../programme/programme.repository.ts';
import { renderDocument, type CONTENT_TYPES } from './documents/render.ts';
import { buildEmissionDatabase, buildInventory, type EmissionContext, type EmissionGroup, type ReportRollupRow } from './emission-tables.ts';
import { localised as l, SEASON_NAMES } from './labels.ts';
import { buildYearlyReport, figuresOfReport, type FieldRow } from './yearly-report.content.ts';

export type ReportsDeps = { db: Database; clock: Clock };

type Action = 'regenerate' | 'review' | 'submit' | 'return' | 'reopen';
const TRANSITIONS: Record<YearlyReportStatus, Partial<Record<Action, YearlyReportStatus>>> = {
  draft: { regenerate: 'draft', review: 'reviewed' },
  reviewed: { regenerate: 'draft', submit: 'submitted' },
  submitted: { return: 'returned', reopen: 'draft' },
  returned: { reopen: 'draft' },
};

const PAST: Record<Action, string> = { regenerate: 'regenerated', review: 'reviewed', submit: 'submitted', return: 'returned', reopen: 'reopened' };

export function nextStatus(current: YearlyReportStatus, action: Action): YearlyReportStatus {
  const next = TRANSITIONS[current][action];
  if (!next) throw new DomainError('conflict', message('reports.cannotTransition', { status: word(current), action: word(PAST[action]) }), { status: current, action });
  return next;
}

const canonical = (doc: ReportDocument) => JSON.stringify(doc);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createReportsService({ db, clock }: ReportsDeps) {
  const programme = createProgrammeService({ db, clock });
  const today = () => vietnamDateOf(clock.now());

  const reportColumns = [
    'r.id', 'r.planId', 'r.year', 'r.level', 'r.provinceCode', 'r.communeCode', 'r.unitCode', 'r.status', 'r.currentVersion', 'r.dueOn',
    'p.code as planCode', 'p.nameVi as planNameVi', 'p.nameEn as planNameEn', 'u.name as unitName',
  ] as const;

  function reportsQuery(tx: Executor, own: UnitScope | null) {
    let q = tx
      .selectFrom('yearlyReports as r')
      .innerJoin('plans as p', 'p.id', 'r.planId')
      .innerJoin('adminUnits as u', 'u.code', 'r.unitCode')
      .select(reportColumns)
      .select(sql<number | null>`(select max(v.version) from yearly_report_versions v where v.report_id = r.id and v.submitted_at is not null)`.as('latestSubmittedVersion'))
      .select(sql<Date | null>`(select max(v.submitted_at) from yearly_report_versions v where v.report_id = r.id)`.as('latestSubmittedAt'));
    // A province officer sees the province's and its communes' reports; a commune officer their commune's.
    if (own) q = own.communeCode ? q.where('r.communeCode', '=', own.communeCode) : q.where('r.provinceCode', '=', own.provinceCode);
    return q;
  }
  type ReportRow = Awaited<ReturnType<ReturnType<typeof reportsQuery>['executeTakeFirstOrThrow']>>;

  function present(r: ReportRow) {
    return {
      id: r.id, planId: r.planId, planCode: r.planCode, planNameVi: r.planNameVi, planNameEn: r.planNameEn, year: r.year, level: r.level, provinceCode: r.provinceCode,
      communeCode: r.communeCode, unitCode: r.unitCode, unitName: r.unitName, status: r.status, currentVersion: r.currentVersion, dueOn: r.dueOn,
      overdue: r.status !== 'submitted' && r.dueOn < today(), latestSubmittedVersion: r.latestSubmittedVersion, latestSubmittedAt: r.latestSubmittedAt ? new Date(r.latestSubmittedAt).toISOString() : null,
    };
  }

  async function visibleReport(tx: Executor, actor: Actor, id: string) {
    assertCan(actor, 'plans:read');
    const own = await ownScope(tx, actor);
    const row = await reportsQuery(tx, own).where('r.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Report', id);
    return { row, own };
  }

  /** Only the officers of the reporting unit itself prepare, review, submit and reopen its report. */
  function assertOwnUnit(actor: Actor, own: UnitScope | null, row: { provinceCode: string; communeCode: string | null }) {
    assertCan(actor, 'reports:prepare');
    if (own === null) return;
    if (own.provinceCode !== row.provinceCode || own.communeCode !== row.communeCode) {
      throw new DomainError('forbidden', row.communeCode ? message('reports.communeOfficersOnly') : message('reports.provinceOfficersOnly'));
    }
  }

  async function userName(tx: Executor, id: string) {
    return (await tx.selectFrom('users').select('displayName').where('id', '=', id).executeTakeFirst())?.displayName ?? id;
  }

  async function fieldRows(tx: Executor, scope: UnitScope, year: number): Promise<{ by: 'commune' | 'crop_season'; rows: FieldRow[] }> {
    if (scope.communeCode) {
      const [rows, crops] = await Promise.all([rollupByCropSeason(tx, scope, year), tx.selectFrom('crops').select(['code', 'nameVi', 'nameEn']).execute()]);
      return {
        by: 'crop_season',
        rows: rows.map((r) => {
          const crop = crops.find((c) => c.code === r.cropCode);
          const season = SEASON_NAMES[r.seasonName] ?? l(r.seasonName, r.seasonName);
          return { label: l(`${crop?.nameVi ?? r.cropCode}, vụ ${season.vi}`, `${crop?.nameEn ?? r.cropCode}, ${season.en}`), ...figuresOf(r.totals) };
        }),
      };
    }
    const [rows, names] = await Promise.all([rollupTotalsByCommune(tx, scope, year, {}), tx.selectFrom('adminUnits').select(['code', 'name']).where('parentCode', '=', scope.provinceCode).execute()]);
    return { by: 'commune', rows: rows.map((r) => ({ label: l(names.find((n) => n.code === r.communeCode)?.name ?? r.communeCode, names.find((n) => n.code === r.communeCode)?.name ?? r.communeCode), ...figuresOf(r.totals) })) };
  }

  /** The report's content, generated now from the data of its unit (refresh the province's rollups first). */
  async function generate(tx: Executor, plan: PlanRow, unit: UnitScope, year: number, dueOn: string, version: number, by: string): Promise<ReportDocument> {
    const unitCode = unit.communeCode ?? unit.provinceCode;
    const unitRow = (await unitOf(tx, unitCode))!;
    const ownUnitOfPlan = (plan.communeCode ?? plan.provinceCode) === unitCode;
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    const [progress, field, tasks, training, consolidations] = await Promise.all([
      planProgress(tx, plan, year, unit),
      fieldRows(tx, unit, year),
      ownUnitOfPlan ? programme.tasksOf(plan) : Promise.resolve(null),
      trainingEvents(tx, unit, { year }),
      landConsolidations(tx, unit, year),
    ]);
    let communeReports = null;
    if (!unit.communeCode) {
      const reports = await tx
        .selectFrom('yearlyReports as r')
        .innerJoin('adminUnits as u', 'u.code', 'r.unitCode')
        .select(['r.id', 'r.communeCode', 'u.name', 'r.status'])
        .where('r.planId', '=', plan.id)
        .where('r.year', '=', year)
        .where('r.level', '=', 'commune')
        .where('r.provinceCode', '=', unit.provinceCode)
        .execute();
      const submitted = reports.length
        ? await tx
          .selectFrom('yearlyReportVersions as v')
          .select(['v.reportId', 'v.version', 'v.submittedAt'])
          .select(sql<string>`v.content::text`.as('contentJson'))
          .where('v.reportId', 'in', reports.map((r) => r.id))
          .where('v.submittedAt', 'is not', null)
          .orderBy('v.version', 'desc')
          .execute()
        : [];
      const withPlots = await tx.selectFrom('plotRollups as p').innerJoin('adminUnits as u', 'u.code', 'p.communeCode').select(['p.communeCode', 'u.name']).where('p.provinceCode', '=', unit.provinceCode).execute();
      const communes = new Map<string, string>([...withPlots.map((p) => [p.communeCode, p.name] as const), ...reports.map((r) => [r.communeCode!, r.name] as const)]);
      communeReports = [...communes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([communeCode, communeName]) => {
        const report = reports.find((r) => r.communeCode === communeCode);
        const latest = report ? submitted.find((v) => v.reportId === report.id) : undefined;
        return {
          communeCode, communeName, status: report?.status ?? null, version: latest?.version ?? null, submittedAt: latest?.submittedAt?.toISOString() ?? null,
          figures: latest ? figuresOfReport(JSON.parse(latest.contentJson) as ReportDocument) : new Map<string, number | null>(),
        };
      });
    }
    return buildYearlyReport({
      plan: { code: plan.code, nameVi: plan.nameVi, nameEn: plan.nameEn, issuingBody: plan.issuingBody, legalBasis: plan.legalBasis, decisionNumber: plan.decisionNumber },
      unit: { code: unitCode, name: unitRow.name, level: unit.communeCode ? 'commune' : 'province' },
      year, dueOn, version, generatedAt: clock.now(), generatedByName: await userName(tx, by), progress, field,
      tasks: tasks?.map((t) => ({ code: t.code, title: t.title, leadAgency: t.leadAgency, deadlineText: t.deadlineText, currentDueOn: t.currentDueOn, status: t.status, overdue: t.overdue, daysOverdue: t.daysOverdue, latestNote: t.latestNote ? { note: t.latestNote.note, notedAt: t.latestNote.notedAt } : null })) ?? null,
      training: training.filter((e) => e.heldOn >= yearStart && e.heldOn <= yearEnd),
      consolidations: consolidations.map((c) => ({ agreedOn: c.agreedOn, communeName: c.communeName, kind: c.kind, fromParty: c.fromParty, toParty: c.toParty, areaHa: Number(c.areaHa) })),
      communeReports,
    });
  }

  async function versionsOf(tx: Executor, reportId: string) {
    return tx
      .selectFrom('yearlyReportVersions as v')
      .leftJoin('users as g', 'g.id', 'v.generatedBy')
      .leftJoin('users as rv', 'rv.id', 'v.reviewedBy')
      .leftJoin('users as s', 's.id', 'v.submittedBy')
      .select(['v.version', 'v.contentSha256', 'v.generatedBy', 'g.displayName as generatedByName', 'v.generatedAt', 'v.reviewedBy', 'rv.displayName as reviewedByName', 'v.reviewedAt', 'v.reviewNote', 'v.submittedBy', 's.displayName as submittedByName', 'v.submittedAt', 'v.returnedBy', 'v.returnedAt', 'v.returnReason'])
      .where('v.reportId', '=', reportId)
      .orderBy('v.version')
      .execute();
  }

  async function contentOf(tx: Executor, reportId: string, version: number): Promise<ReportDocument> {
    // As text: the CamelCasePlugin must not rewrite the document's keys.
    const row = await tx.selectFrom('yearlyReportVersions').select(sql<string>`content::text`.as('json')).where('reportId', '=', reportId).where('version', '=', version).executeTakeFirst();
    if (!row) throw notFound('Report version', `${reportId} v${version}`);
    return JSON.parse(row.json) as ReportDocument;
  }

  async function actionsFor(actor: Actor, own: UnitScope | null, row: ReportRow): Promise<Action[]> {
    const mine = can(actor, 'reports:prepare') && (own === null || (own.provinceCode === row.provinceCode && own.communeCode === row.communeCode));
    const above = can(actor, 'reports:return') && row.level === 'commune' && (own === null || (own.communeCode === null && own.provinceCode === row.provinceCode));
    return (Object.keys(TRANSITIONS[row.status]) as Action[]).filter((a) => (a === 'return' ? above : mine));
  }

  async function detail(tx: Executor, actor: Actor, id: string, version?: number) {
    const { row, own } = await visibleReport(tx, actor, id);
    const wanted = version ?? row.currentVersion;
    const versions = await versionsOf(tx, id);
    if (!versions.some((v) => v.version === wanted)) throw notFound('Report version', `${id} v${wanted}`);
    const communeReports = row.level === 'province'
      ? (await reportsQuery(tx, null).where('r.planId', '=', row.planId).where('r.year', '=', row.year).where('r.level', '=', 'commune').where('r.provinceCode', '=', row.provinceCode).orderBy('r.unitCode').execute()).map(present)
      : [];
    return {
      ...present(row),
      version: wanted,
      content: await contentOf(tx, id, wanted),
      versions: versions.map((v) => ({
        ...v, generatedAt: v.generatedAt.toISOString(), reviewedAt: v.reviewedAt?.toISOString() ?? null, submittedAt: v.submittedAt?.toISOString() ?? null,
        returnedAt: v.returnedAt?.toISOString() ?? null, frozen: v.submittedAt !== null,
      })),
      communeReports,
      actions: await actionsFor(actor, own, row),
    };
  }

  /**
   * One transition, in one transaction, with the report row locked against a concurrent one. A
   * transition that regenerates the content first brings the province's rollups up to date, outside
   * the transaction (the refresh has its own; PGlite has one connection and cannot nest them).
   */
  async function transition(actor: Actor, id: string, action: Action, apply: (tx: Executor, row: ReportRow, next: YearlyReportStatus) => Promise<void>) {
    if (action === 'regenerate' || action === 'reopen') {
      const { row } = await visibleReport(db, actor, id);
      await refreshAll(db, { provinceCode: row.provinceCode, now: clock.now() });
    }
    await db.transaction().execute(async (tx) => {
      const { row, own } = await visibleReport(tx, actor, id);
      if (action === 'return') {
        assertCan(actor, 'reports:return');
        if (row.level !== 'commune' || (own !== null && (own.communeCode !== null || own.provinceCode !== row.provinceCode))) {
          throw new DomainError('forbidden', message('reports.provinceReturns'));
        }
      } else {
        assertOwnUnit(actor, own, row);
      }
      await tx.selectFrom('yearlyReports').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const fresh = await reportsQuery(tx, null).where('r.id', '=', id).executeTakeFirstOrThrow();
      const next = nextStatus(fresh.status, action);
      await apply(tx, fresh, next);
      await tx.updateTable('yearlyReports').set({ status: next, updatedBy: actor.userId, updatedAt: clock.now() }).where('id', '=', id).execute();
    });
    return detail(db, actor, id);
  }

  async function planOf(tx: Executor, planId: string) {
    const plan = await findPlan(tx, null, planId, today());
    if (!plan) throw notFound('Plan', planId);
    return plan;
  }

  async function emissionContext(tx: Executor, scope: UnitScope, year: number, rows: readonly ReportRollupRow[]): Promise<EmissionContext> {
    const [province, commune, crops, communes, zones, sets] = await Promise.all([
      unitOf(tx, scope.provinceCode),
      scope.communeCode ? unitOf(tx, scope.communeCode) : Promise.resolve(undefined),
      tx.selectFrom('crops').select(['code', 'nameVi', 'nameEn']).execute(),
      tx.selectFrom('adminUnits').select(['code', 'name']).where('parentCode', '=', scope.provinceCode).execute(),
      tx.selectFrom('ecologicalZoneUnits as zu').innerJoin('ecologicalZones as z', 'z.code', 'zu.zoneCode').select(['zu.adminUnitCode', 'z.nameVi', 'z.nameEn']).where((eb) => eb.or([eb('zu.adminUnitCode', '=', scope.provinceCode), eb('zu.adminUnitCode', 'in', [...new Set(rows.map((r) => r.communeCode)), '00000'])])).execute(),
      rows.length ? tx.selectFrom('emissionFactorSets').select(['key', 'methodVersion', 'factorTableVersion']).select(sql<string>`factors::text`.as('factorsJson')).where('key', 'in', [...new Set(rows.flatMap((r) => r.factorSetKeys)), '']).execute() : Promise.resolve([]),
    ]);
    const zoneByUnit = new Map(zones.map((z) => [z.adminUnitCode, l(z.nameVi, z.nameEn)]));
    return {
      scope: { provinceCode: scope.provinceCode, provinceName: province?.name ?? scope.provinceCode, communeCode: scope.communeCode, communeName: commune?.name ?? null },
      year,
      cropNames: new Map(crops.map((c) => [c.code, l(c.nameVi, c.nameEn)])),
      communeNames: new Map(communes.map((c) => [c.code, c.name])),
      zoneOf: (communeCode) => zoneByUnit.get(communeCode) ?? zoneByUnit.get(scope.provinceCode) ?? null,
      factorSets: new Map(sets.map((s) => [s.key, { methodVersion: s.methodVersion, factorTableVersion: s.factorTableVersion, factors: JSON.parse(s.factorsJson) as StoredFactorUse[] }])),
      generatedAt: clock.now(),
    };
  }

  async function reportRows(scope: UnitScope, year: number): Promise<ReportRollupRow[]> {
    await refreshAll(db, { provinceCode: scope.provinceCode, now: clock.now() });
    const num = (v: unknown) => Number(v ?? 0);
    return (await rollupRowsForReports(db, scope, year)).map((r) => ({
      communeCode: r.communeCode, cropCode: r.cropCode, cropKind: r.cropKind, seasonName: r.seasonName, waterRegime: r.waterRegime, strawPractice: r.strawPractice, factorSetKeys: r.factorSetKeys,
      seasonCount: num(r.seasonCount), areaHa: num(r.areaHa), emSeasonCount: num(r.emSeasonCount), emAreaHa: num(r.emAreaHa), emHaDays: num(r.emHaDays),
      emNitrogenSyntheticKg: num(r.emNitrogenSyntheticKg), emNitrogenOrganicKg: num(r.emNitrogenOrganicKg), emUreaKg: num(r.emUreaKg), emLimestoneKg: num(r.emLimestoneKg), emDolomiteKg: num(r.emDolomiteKg),
      emBurntDmT: num(r.emBurntDmT), projectCo2eT: num(r.projectCo2eT), baselineCo2eT: num(r.baselineCo2eT), ch4RiceKg: num(r.ch4RiceKg), ch4BurningKg: num(r.ch4BurningKg),
      n2oDirectKg: num(r.n2oDirectKg), n2oIndirectKg: num(r.n2oIndirectKg), n2oBurningKg: num(r.n2oBurningKg), co2UreaKg: num(r.co2UreaKg), co2LimeKg: num(r.co2LimeKg),
    }));
  }

  return {
    nextStatus,

    async list(actor: Actor, q: { planId?: string | undefined; year?: number | undefined }) {
      assertCan(actor, 'plans:read');
      const own = await ownScope(db, actor);
      let query = reportsQuery(db, own);
      if (q.planId) query = query.where('r.planId', '=', q.planId);
      if (q.year) query = query.where('r.year', '=', q.year);
      return { items: (await query.orderBy('r.year', 'desc').orderBy('r.level', 'desc').orderBy('r.unitCode').execute()).map(present) };
    },

    get: (actor: Actor, id: string, version?: number) => detail(db, actor, id, version),

    async create(actor: Actor, body: CreateYearlyReportBody) {
      assertCan(actor, 'reports:prepare');
      const own = await ownScope(db, actor);
      const plan = await findPlan(db, own, body.planId, today());
      if (!plan) throw notFound('Plan', body.planId);
      const unitCode = body.unitCode ?? (own ? (own.communeCode ?? own.provinceCode) : plan.communeCode ?? plan.provinceCode);
      const unit = await unitOf(db, unitCode);
      if (!unit) throw new DomainError('rule_violated', message('plans.unknownUnit', { code: unitCode }), { errors: [fieldError('unitCode', message('reports.unknownUnitField'))] });
      const scope: UnitScope = unit.level === 'province' ? { provinceCode: unit.code, communeCode: null } : { provinceCode: unit.parentCode!, communeCode: unit.code };
      if (scope.provinceCode !== plan.provinceCode || (plan.communeCode !== null && scope.communeCode !== plan.communeCode)) {
        throw new DomainError('rule_violated', message('reports.notReporting', { name: unit.name }), { errors: [fieldError('unitCode', message('reports.notPlanUnitField'))] });
      }
      assertOwnUnit(actor, own, scope);
      if (body.year < plan.periodStartYear || body.year > plan.periodEndYear) {
        throw new DomainError('rule_violated', message('reports.yearOutside', { year: String(body.year), from: String(plan.periodStartYear), to: String(plan.periodEndYear) }), { errors: [fieldError('year', message('reports.outsidePeriodField'))] });
      }
      const existing = await db.selectFrom('yearlyReports').select('id').where('planId', '=', plan.id).where('year', '=', body.year).where('unitCode', '=', unitCode).executeTakeFirst();
      if (existing) throw new DomainError('conflict', message('reports.exists', { name: unit.name, year: String(body.year) }), { id: existing.id });
      const dueOn = `${body.year}-${String(plan.reportDueMonth).padStart(2, '0')}-${String(plan.reportDueDay).padStart(2, '0')}`;
      await refreshAll(db, { provinceCode: scope.provinceCode, now: clock.now() });
      const content = await generate(db, plan, scope, body.year, dueOn, 1, actor.userId);
      const id = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const { id } = await tx
          .insertInto('yearlyReports')
          .values({ planId: plan.id, year: body.year, level: scope.communeCode ? 'commune' : 'province', provinceCode: scope.provinceCode, communeCode: scope.communeCode, unitCode, status: 'draft', currentVersion: 1, dueOn, createdBy: actor.userId, createdAt: now, updatedBy: null, updatedAt: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const json = canonical(content);
        await tx.insertInto('yearlyReportVersions').values({ reportId: id, version: 1, content: json, contentSha256: sha256(json), generatedBy: actor.userId, generatedAt: now, reviewedBy: null, reviewedAt: null, reviewNote: null, submittedBy: null, submittedAt: null, returnedBy: null, returnedAt: null, returnReason: null }).execute();
        return id;
      });
      return detail(db, actor, id);
    },

    regenerate: (actor: Actor, id: string) =>
      transition(actor, id, 'regenerate', async (tx, row) => {
        const plan = await planOf(tx, row.planId);
        const content = await generate(tx, plan, { provinceCode: row.provinceCode, communeCode: row.communeCode }, row.year, row.dueOn, row.currentVersion, actor.userId);
        const json = canonical(content);
        await tx.updateTable('yearlyReportVersions').set({ content: json, contentSha256: sha256(json), generatedBy: actor.userId, generatedAt: clock.now(), reviewedBy: null, reviewedAt: null, reviewNote: null }).where('reportId', '=', row.id).where('version', '=', row.currentVersion).execute();
      }),

    review: (actor: Actor, id: string, note: string | undefined) =>
      transition(actor, id, 'review', async (tx, row) => {
        await tx.updateTable('yearlyReportVersions').set({ reviewedBy: actor.userId, reviewedAt: clock.now(), reviewNote: note ?? null }).where('reportId', '=', row.id).where('version', '=', row.currentVersion).execute();
      }),

    submit: (actor: Actor, id: string) =>
      transition(actor, id, 'submit', async (tx, row) => {
        await tx.updateTable('yearlyReportVersions').set({ submittedBy: actor.userId, submittedAt: clock.now() }).where('reportId', '=', row.id).where('version', '=', row.currentVersion).execute();
      }),

    returnReport: (actor: Actor, id: string, reason: string) =>
      transition(actor, id, 'return', async (tx, row) => {
        await tx.updateTable('yearlyReportVersions').set({ returnedBy: actor.userId, returnedAt: clock.now(), returnReason: reason }).where('reportId', '=', row.id).where('version', '=', row.currentVersion).execute();
      }),

    reopen: (actor: Actor, id: string) =>
      transition(actor, id, 'reopen', async (tx, row) => {
        const plan = await planOf(tx, row.planId);
        const version = row.currentVersion + 1;
        const content = await generate(tx, plan, { provinceCode: row.provinceCode, communeCode: row.communeCode }, row.year, row.dueOn, version, actor.userId);
        const json = canonical(content);
        await tx.insertInto('yearlyReportVersions').values({ reportId: row.id, version, content: json, contentSha256: sha256(json), generatedBy: actor.userId, generatedAt: clock.now(), reviewedBy: null, reviewedAt: null, reviewNote: null, submittedBy: null, submittedAt: null, returnedBy: null, returnedAt: null, returnReason: null }).execute();
        await tx.updateTable('yearlyReports').set({ currentVersion: version }).where('id', '=', row.id).execute();
      }),

    async exportVersion(actor: Actor, id: string, version: number, format: keyof typeof CONTENT_TYPES, lang: 'vi' | 'en') {
      const { row } = await visibleReport(db, actor, id);
      const content = await contentOf(db, id, version);
      const name = `bao-cao-${row.year}-${row.unitCode}-v${version}`;
      return { body: await renderDocument(content, format, lang), fileName: `${name}.${format}` };
    },

    async emissionDatabase(actor: Actor, q: EmissionDatabaseQuery) {
      const scope = await resolveScope(db, actor, q);
      const rows = await reportRows(scope, q.year);
      return buildEmissionDatabase(rows, q.groupBy.split(',') as EmissionGroup[], await emissionContext(db, scope, q.year, rows));
    },

    async inventory(actor: Actor, q: InventoryQuery) {
      const scope = await resolveScope(db, actor, q);
      const rows = await reportRows(scope, q.year);
      return buildInventory(rows, await emissionContext(db, scope, q.year, rows));
    },

    render: (doc: ReportDocument, format: keyof typeof CONTENT_TYPES, lang: 'vi' | 'en') => renderDocument(doc, format, lang),

    // ------------------------------------------------------------ ecological zones
    async listZones(actor: Actor) {
      assertCan(actor, 'plans:read');
      const [zones, units] = await Promise.all([
        db.selectFrom('ecologicalZones').selectAll().orderBy('code').execute(),
        db.selectFrom('ecologicalZoneUnits as zu').innerJoin('adminUnits as u', 'u.code', 'zu.adminUnitCode').select(['zu.zoneCode', 'u.code', 'u.name', 'u.level']).orderBy('u.code').execute(),
      ]);
      return { items: zones.map((z) => ({ code: z.code, nameVi: z.nameVi, nameEn: z.nameEn, source: z.source, units: units.filter((u) => u.zoneCode === z.code).map((u) => ({ code: u.code, name: u.name, level: u.level })) })) };
    },

    async putZone(actor: Actor, code: string, body: PutEcologicalZoneBody) {
      assertCan(actor, 'geodata:edit');
      await db.transaction().execute(async (tx) => {
        const known = body.unitCodes.length ? await tx.selectFrom('adminUnits').select('code').where('code', 'in', body.unitCodes).execute() : [];
        const unknown = body.unitCodes.filter((c) => !known.some((k) => k.code === c));
        if (unknown.length) throw new DomainError('rule_violated', message('plans.unknownUnit', { code: unknown[0]! }), { errors: [fieldError('unitCodes', message('reports.unknownUnitCode', { code: unknown[0]! }))] });
        await tx.insertInto('ecologicalZones').values({ code, nameVi: body.nameVi, nameEn: body.nameEn, source: body.source ?? null, createdBy: actor.userId, createdAt: clock.now() })
          .onConflict((oc) => oc.column('code').doUpdateSet({ nameVi: body.nameVi, nameEn: body.nameEn, source: body.source ?? null })).execute();
        await tx.deleteFrom('ecologicalZoneUnits').where('zoneCode', '=', code).execute();
        if (body.unitCodes.length) {
          await tx.deleteFrom('ecologicalZoneUnits').where('adminUnitCode', 'in', body.unitCodes).execute();
          await tx.insertInto('ecologicalZoneUnits').values(body.unitCodes.map((c) => ({ adminUnitCode: c, zoneCode: code, assignedBy: actor.userId, assignedAt: clock.now() }))).execute();
        }
      });
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
