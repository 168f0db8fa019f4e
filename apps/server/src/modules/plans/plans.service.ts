/**
 * Plans as data (capability 10): plans, indicators, targets, entered values, and each indicator's
 * progress for a year. Computed indicators read the dashboard rollups (dashboards module), the plot
 * rollups, land consolidation and training records of the plan's unit; entered ones read the value in
 * force with its source. Every figure says what it stands on and where to see the records.
 *
 * Scope: a plan is seen by the admin, the officers and verifiers of its province, and — for a
 * province plan or their own commune's — a commune officer of that province. It is edited by the
 * officers of its unit (a province officer also edits the plans of the communes of the province).
 */
import type { CreateIndicatorBody, CreatePlanBody, EnterValueBody, SetTargetBody, UpdateIndicatorBaselineBody, UpdatePlanBody } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { message, word } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { ownScope, unitOf, type UnitScope } from '../dashboards/dashboard-scope.ts';
import { filterOfParams, plotTotals, rollupTotals, summariesOfScope, type RollupFilter } from '../dashboards/dashboard.queries.ts';
import { vietnamDateOf } from '../diary/calendar.ts';
import { consolidationTotals, trainingTotals } from '../programme/programme.repository.ts';
import { COMPUTATION_SOURCES, computationOf, computeIndicator, emptyRollupTotals, type ComputationInputs, type ComputationName, type ConsolidationTotals, type PlotTotals, type TrainingTotals } from './indicator-computations.ts';
import { currentValues, enterValue, findIndicator, findPlan, indicatorsOfPlan, listPlans, targetsOf, type IndicatorRow, type PlanRow, type ValueRow } from './plans.repository.ts';
import { evaluate, targetForYear, type TargetRow } from './progress.ts';

/** The dashboards' refresh of one province's queued seasons, passed in (the dashboards service owns it). */
export type RefreshProvince = (provinceCode: string) => Promise<{ remaining: number }>;
export type PlansDeps = { db: Database; clock: Clock; refreshProvince: RefreshProvince };

const ruleViolated = (path: string, text: ErrorText) => new DomainError('rule_violated', text, { errors: [fieldError(path, text)] });
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export const unitScopeOfPlan = (plan: { provinceCode: string; communeCode: string | null }): UnitScope => ({ provinceCode: plan.provinceCode, communeCode: plan.communeCode });

/** May the caller change this plan? Officers of its unit; a province officer also for its communes. */
function assertEditable(actor: Actor, own: UnitScope | null, plan: { provinceCode: string; communeCode: string | null }) {
  assertCan(actor, 'plans:edit');
  if (own === null) return;
  const ok = own.provinceCode === plan.provinceCode && (own.communeCode === null || own.communeCode === plan.communeCode);
  if (!ok) throw new DomainError('forbidden', message('plans.ownUnitOnly'));
}

function presentValue(v: ValueRow) {
  return {
    id: v.id, year: v.year, breakdown: v.breakdown, adminUnitCode: v.adminUnitCode, value: v.value, source: v.source, note: v.note,
    enteredBy: v.enteredBy, enteredByName: v.enteredByName, enteredAt: v.enteredAt.toISOString(),
  };
}

/**
 * Everything a plan's computed indicators read for one year, gathered once per distinct need
 * (several indicators share a crop filter) and shared by all of them.
 */
function inputsGatherer(db: Executor, plan: PlanRow, scope: UnitScope, year: number) {
  const rollupCache = new Map<string, Promise<Awaited<ReturnType<typeof rollupTotals>>>>();
  const plotCache = new Map<string, Promise<PlotTotals>>();
  let consolidation: Promise<ConsolidationTotals> | undefined;
  let training: Promise<TrainingTotals> | undefined;
  return async (name: ComputationName, filter: RollupFilter): Promise<{ inputs: ComputationInputs; refreshedAt: Date | null }> => {
    const key = JSON.stringify(filter);
    const needs = COMPUTATION_SOURCES[name];
    const rollups = needs.includes('rollups') ? await (rollupCache.get(key) ?? rollupCache.set(key, rollupTotals(db, scope, year, filter)).get(key)!) : null;
    const plots = needs.includes('plots') ? await (plotCache.get(key) ?? plotCache.set(key, plotTotals(db, scope, year, filter)).get(key)!) : null;
    const cons = needs.includes('consolidation') ? await (consolidation ??= consolidationTotals(db, scope, year)) : null;
    const train = needs.includes('training') ? await (training ??= trainingTotals(db, plan.id, scope, year)) : null;
    return {
      inputs: {
        rollups: rollups ?? emptyRollupTotals(),
        plots: plots ?? { registeredPlotCount: 0, registeredAreaHa: 0, cropPlotCount: 0, cropPlotAreaHa: 0, diarisedPlotCount: 0, diarisedPlotAreaHa: 0, lowEmissionPlotAreaHa: 0 },
        consolidation: cons ?? { cumulativeHa: 0, addedHa: 0, records: 0 },
        training: train ?? { byRole: [], events: 0 },
      },
      refreshedAt: rollups?.refreshedAt ?? null,
    };
  };
}

const dashboardPath = (scope: UnitScope, year: number, filter: RollupFilter) => {
  const q = new URLSearchParams({ province: scope.provinceCode, year: String(year) });
  if (scope.communeCode) q.set('commune', scope.communeCode);
  if (filter.crops?.length === 1) q.set('crop', filter.crops[0]!);
  return `/dashboards?${q.toString()}`;
};

/**
 * Every indicator of a plan with its targets and its progress for the year. Not scoped: callers
 * (the routes through the service, and report generation) have already checked the plan is visible.
 */
export async function planProgress(db: Executor, plan: PlanRow, year: number, unit?: UnitScope) {
  // A commune reporting against its province's plan: the same indicators over the commune's records and values.
  const scope = unit ?? unitScopeOfPlan(plan);
  const unitCode = scope.communeCode ?? scope.provinceCode;
  const indicators = await indicatorsOfPlan(db, plan.id);
  const ids = indicators.map((i) => i.id);
  const [targets, values] = await Promise.all([targetsOf(db, ids), currentValues(db, ids, year, unitCode)]);
  const gather = inputsGatherer(db, plan, scope, year);

  const out = [];
  for (const ind of indicators) {
    const own: TargetRow[] = targets.filter((t) => t.indicatorId === ind.id).map((t) => ({ year: t.year, breakdown: t.breakdown, comparator: t.comparator, value: t.value, asWritten: t.asWritten }));
    const ownValues = values.filter((v) => v.indicatorId === ind.id);
    const breakdowns = ['', ...new Set([...own.map((t) => t.breakdown), ...ownValues.map((v) => v.breakdown)].filter((b) => b !== ''))];
    const name = computationOf(ind.computation);
    const baselineInUnit = ind.baselineValue !== null && (ind.baselineUnit === null || ind.baselineUnit === ind.unit) ? ind.baselineValue : null;
    const progress = [];
    for (const breakdown of breakdowns) {
      const entered = ownValues.find((v) => v.breakdown === breakdown) ?? null;
      let computed = null;
      if (name && breakdown === '') {
        const filter = filterOfParams(ind.computationParams);
        const { inputs, refreshedAt } = await gather(name, filter);
        const result = computeIndicator(name, inputs, { baselineValue: ind.baselineValue, params: { ...(Array.isArray(ind.computationParams.roles) ? { roles: ind.computationParams.roles.map(String) } : {}) } });
        computed = {
          computation: name,
          value: result.value,
          scope: { provinceCode: scope.provinceCode, communeCode: scope.communeCode, year, crop: filter.crops?.join(',') ?? null, cropKind: filter.cropKind ?? null },
          basis: result.basis,
          measure: result.measure,
          missing: result.missing,
          recordsUrl: `/api/v1/indicators/${ind.id}/evidence?year=${year}`,
          dashboardPath: dashboardPath(scope, year, filter),
          refreshedAt: refreshedAt?.toISOString() ?? null,
        };
      }
      // A figure computed from the records wins; where they hold nothing, the entered figure and its source.
      const actualKind = computed && computed.value !== null ? ('computed' as const) : entered ? ('entered' as const) : null;
      const actual = actualKind === 'computed' ? computed!.value : actualKind === 'entered' ? entered!.value : null;
      const target = targetForYear(own, year, breakdown);
      const { status, progressPct } = evaluate(actual, target, ind.direction, breakdown === '' ? baselineInUnit : null);
      const { value: _v, ...evidence } = computed ?? { value: null };
      progress.push({ breakdown, actual, actualKind, computed: computed ? (evidence as Omit<typeof computed, 'value'>) : null, entered: entered ? presentValue(entered) : null, target, status, progressPct });
    }
    out.push({
      ...ind,
      computationParams: ind.computationParams,
      details: ind.details,
      targets: targets.filter((t) => t.indicatorId === ind.id).map((t) => ({ year: t.year, breakdown: t.breakdown, comparator: t.comparator, value: t.value, asWritten: t.asWritten, source: t.source })),
      progress,
    });
  }
  return out;
}

export function createPlansService({ db, clock, refreshProvince }: PlansDeps) {
  const today = () => vietnamDateOf(clock.now());
  const thisYear = () => Number(today().slice(0, 4));

  async function visiblePlan(actor: Actor, id: string) {
    assertCan(actor, 'plans:read');
    const own = await ownScope(db, actor);
    const plan = await findPlan(db, own, id, today());
    if (!plan) throw notFound('Plan', id);
    return { plan, own };
  }

  async function editableIndicator(actor: Actor, indicatorId: string) {
    const indicator = await findIndicator(db, indicatorId);
    if (!indicator) throw notFound('Indicator', indicatorId);
    const { plan, own } = await visiblePlan(actor, indicator.planId).catch((err: unknown) => {
      throw err instanceof DomainError && err.code === 'not_found' ? notFound('Indicator', indicatorId) : err;
    });
    assertEditable(actor, own, plan);
    return { indicator, plan };
  }

  const summary = (p: PlanRow) => {
    const { reportDueSource: _r, sourceDocument: _s, descriptionVi: _dv, descriptionEn: _de, ...rest } = p;
    return rest;
  };

  return {
    async listPlans(actor: Actor, q: { provinceCode?: string | undefined }) {
      assertCan(actor, 'plans:read');
      const own = await ownScope(db, actor);
      return { items: (await listPlans(db, own, today(), q.provinceCode)).map(summary) };
    },

    async getPlan(actor: Actor, id: string, q: { year?: number | undefined }) {
      const { plan } = await visiblePlan(actor, id);
      const year = q.year ?? thisYear();
      // Bring the plan's province up to date first (only the seasons queued since the last refresh).
      const { remaining } = await refreshProvince(plan.provinceCode);
      return { ...plan, year, indicators: await planProgress(db, plan, year), pendingSeasons: remaining };
    },

    async createPlan(actor: Actor, body: CreatePlanBody) {
      assertCan(actor, 'plans:edit');
      const unit = await unitOf(db, body.unitCode);
      if (!unit) throw ruleViolated('unitCode', message('plans.unknownUnit', { code: body.unitCode }));
      const target = unit.level === 'province' ? { provinceCode: unit.code, communeCode: null } : { provinceCode: unit.parentCode!, communeCode: unit.code };
      assertEditable(actor, await ownScope(db, actor), target);
      try {
        return await db
          .insertInto('plans')
          .values({
            code: body.code, nameVi: body.nameVi, nameEn: body.nameEn, issuingBody: body.issuingBody, decisionNumber: body.decisionNumber ?? null, legalBasis: body.legalBasis ?? null,
            scopeLevel: unit.level, ...target, periodStartYear: body.periodStartYear, periodEndYear: body.periodEndYear, reportDueMonth: body.reportDueMonth, reportDueDay: body.reportDueDay,
            reportDueSource: body.reportDueSource ?? null, sourceDocument: null, descriptionVi: null, descriptionEn: null, createdBy: actor.userId, createdAt: clock.now(), updatedBy: null, updatedAt: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      } catch (err) {
        if (isUniqueViolation(err)) throw new DomainError('conflict', message('plans.codeTaken', { code: body.code }), { errors: [fieldError('code', message('field.alreadyUsed'))] });
        throw err;
      }
    },

    async updatePlan(actor: Actor, id: string, body: UpdatePlanBody) {
      const { plan, own } = await visiblePlan(actor, id);
      assertEditable(actor, own, plan);
      const month = body.reportDueMonth ?? plan.reportDueMonth;
      const day = body.reportDueDay ?? plan.reportDueDay;
      // 29 February never recurs every year: a yearly deadline must exist in every year.
      if (day > new Date(Date.UTC(2023, month, 0)).getUTCDate()) throw ruleViolated('reportDueDay', message('plans.noSuchDay', { day: String(day), month: String(month) }));
      await db
        .updateTable('plans')
        .set({
          ...(body.nameVi !== undefined ? { nameVi: body.nameVi } : {}),
          ...(body.nameEn !== undefined ? { nameEn: body.nameEn } : {}),
          ...(body.decisionNumber !== undefined ? { decisionNumber: body.decisionNumber } : {}),
          ...(body.reportDueSource !== undefined ? { reportDueSource: body.reportDueSource } : {}),
          reportDueMonth: month,
          reportDueDay: day,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        })
        .where('id', '=', id)
        .execute();
    },

    async addIndicator(actor: Actor, planId: string, body: CreateIndicatorBody) {
      const { plan, own } = await visiblePlan(actor, planId);
      assertEditable(actor, own, plan);
      const position = (await indicatorsOfPlan(db, planId)).length;
      try {
        return await db
          .insertInto('planIndicators')
          .values({
            planId, code: body.code, position, section: body.section ?? null, nameVi: body.nameVi, nameEn: body.nameEn, unit: body.unit, direction: body.direction,
            computation: body.computation, computationParams: JSON.stringify(body.computationParams), baselineYear: null, baselineValue: null, baselineUnit: null,
            baselineSource: null, breakdownLabelVi: null, breakdownLabelEn: null, source: body.source, noteVi: body.noteVi ?? null, noteEn: body.noteEn ?? null,
            details: '{}', createdBy: actor.userId, createdAt: clock.now(), updatedBy: null, updatedAt: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      } catch (err) {
        if (isUniqueViolation(err)) throw new DomainError('conflict', message('plans.indicatorTaken', { code: body.code }), { errors: [fieldError('code', message('plans.usedInPlan'))] });
        throw err;
      }
    },

    async setBaseline(actor: Actor, indicatorId: string, body: UpdateIndicatorBaselineBody) {
      await editableIndicator(actor, indicatorId);
      await db
        .updateTable('planIndicators')
        .set({ baselineYear: body.baselineYear, baselineValue: body.baselineValue, baselineUnit: body.baselineUnit ?? null, baselineSource: body.baselineSource, updatedBy: actor.userId, updatedAt: clock.now() })
        .where('id', '=', indicatorId)
        .execute();
    },

    async setTarget(actor: Actor, indicatorId: string, year: number, body: SetTargetBody) {
      const { plan } = await editableIndicator(actor, indicatorId);
      if (year < plan.periodStartYear || year > Math.max(plan.periodEndYear, 2050)) throw ruleViolated('year', message('plans.yearOutside', { year: String(year), from: String(plan.periodStartYear), to: String(plan.periodEndYear) }));
      const now = clock.now();
      await db
        .insertInto('planIndicatorTargets')
        .values({ indicatorId, year, breakdown: body.breakdown, comparator: body.comparator, value: body.value, asWritten: body.asWritten ?? null, source: body.source, createdBy: actor.userId, createdAt: now, updatedBy: null, updatedAt: null })
        .onConflict((oc) => oc.columns(['indicatorId', 'year', 'breakdown']).doUpdateSet({ comparator: body.comparator, value: body.value, asWritten: body.asWritten ?? null, source: body.source, updatedBy: actor.userId, updatedAt: now }))
        .execute();
    },

    async enterValue(actor: Actor, indicatorId: string, body: EnterValueBody) {
      const { indicator, plan } = await editableIndicator(actor, indicatorId);
      const unitCode = body.unitCode ?? plan.communeCode ?? plan.provinceCode;
      const unit = await unitOf(db, unitCode);
      const provinceOfUnit = unit?.level === 'province' ? unit.code : unit?.parentCode;
      if (!unit || provinceOfUnit !== plan.provinceCode || (plan.communeCode && unit.code !== plan.communeCode)) {
        throw ruleViolated('unitCode', message('plans.notPlanUnit', { code: unitCode }));
      }
      if (indicator.unit === '%' && (body.value < -1000 || body.value > 1000)) throw ruleViolated('value', message('plans.percentageRange'));
      const id = await db.transaction().execute((tx) =>
        enterValue(tx, { indicatorId, year: body.year, breakdown: body.breakdown, adminUnitCode: unit.code, provinceCode: plan.provinceCode, value: body.value, source: body.source, note: body.note ?? null }, actor.userId, clock.now()),
      );
      return { id };
    },

    /** The records behind a computed figure: the season summaries of its scope and crop, paginated. */
    async evidence(actor: Actor, indicatorId: string, q: { year: number; communeCode?: string | undefined; page: number; pageSize: number }) {
      const indicator = await findIndicator(db, indicatorId);
      if (!indicator) throw notFound('Indicator', indicatorId);
      const { plan } = await visiblePlan(actor, indicator.planId).catch((err: unknown) => {
        throw err instanceof DomainError && err.code === 'not_found' ? notFound('Indicator', indicatorId) : err;
      });
      const name = computationOf(indicator.computation);
      if (!name) throw ruleViolated('computation', message('plans.enteredNotComputed', { code: indicator.code }));
      const scope = unitScopeOfPlan(plan);
      if (q.communeCode) {
        const commune = await unitOf(db, q.communeCode);
        if (!commune || commune.parentCode !== plan.provinceCode || (plan.communeCode && plan.communeCode !== q.communeCode)) throw notFound('Commune', q.communeCode);
        scope.communeCode = q.communeCode;
      }
      const filter = filterOfParams(indicator.computationParams);
      const base = { indicatorId, computation: name, scope: { provinceCode: scope.provinceCode, communeCode: scope.communeCode, year: q.year, crop: filter.crops?.join(',') ?? null, cropKind: filter.cropKind ?? null }, page: q.page, pageSize: q.pageSize };
      if (COMPUTATION_SOURCES[name].includes('consolidation') || COMPUTATION_SOURCES[name].includes('training')) {
        const note = COMPUTATION_SOURCES[name].includes('consolidation')
          ? `Land consolidation records: /api/v1/land-consolidations?provinceCode=${scope.provinceCode}`
          : `Training events: /api/v1/training-events?planId=${plan.id}`;
        return { ...base, total: 0, items: [], note };
      }
      const { rows, total } = await summariesOfScope(db, scope, q.year, filter, q.page, q.pageSize);
      return { ...base, total, note: null, items: rows.map((s) => ({ seasonId: s.seasonId, plotId: s.plotId, plotCode: s.plotCode, communeCode: s.communeCode, cropCode: s.cropCode, seasonName: s.seasonName, year: s.year, areaHa: s.areaHa, ...seasonFigure(name, s) })) };
    },
  };
}

/** A season's own figure for a computation (what it contributes to the ratio), for the drill-down. */
function seasonFigure(name: ComputationName, s: { seedRateKgPerHa: number | null; nSyntheticKgPerHa: number; strawDmPerHaT: number; strawRemovedPerHaT: number; postHarvestLossPct: number | null; projectCo2eT: number | null; baselineCo2eT: number | null; yieldKgPerHa: number | null; lowEmission: boolean; sustainable: boolean; codedArea: boolean; awd: boolean; mechanisedSynchronous: boolean; activityCount: number; pesticideApplications: number }): { value: number | null; unit: string | null } {
  const flag = (b: boolean) => ({ value: b ? 1 : 0, unit: 'yes=1' });
  switch (name) {
    case 'seed_rate_kg_per_ha': return { value: s.seedRateKgPerHa, unit: 'kg/ha' };
    case 'chemical_n_kg_per_ha':
    case 'chemical_n_reduction_pct': return { value: s.nSyntheticKgPerHa, unit: 'kg N/ha' };
    case 'pesticide_reduction_pct': return { value: s.pesticideApplications, unit: 'applications' };
    case 'straw_collected_pct': return { value: s.strawDmPerHaT > 0 ? (100 * s.strawRemovedPerHaT) / s.strawDmPerHaT : null, unit: '%' };
    case 'post_harvest_loss_pct': return { value: s.postHarvestLossPct, unit: '%' };
    case 'ghg_reduction_pct': return { value: s.baselineCo2eT ? (100 * (s.baselineCo2eT - (s.projectCo2eT ?? 0))) / s.baselineCo2eT : null, unit: '%' };
    case 'ghg_total_t':
    case 'ghg_reduction_vs_base_year_pct': return { value: s.projectCo2eT, unit: 't CO2e' };
    case 'crop_yield_ta_per_ha': return { value: s.yieldKgPerHa === null ? null : s.yieldKgPerHa / 100, unit: 'tạ/ha' };
    case 'crop_output_t': return { value: s.yieldKgPerHa, unit: 'kg/ha' };
    case 'low_emission_share_pct':
    case 'low_emission_cultivated_area_ha': return flag(s.lowEmission);
    case 'sustainable_share_pct': return flag(s.sustainable);
    case 'coded_area_share_pct': return flag(s.codedArea);
    case 'awd_share_pct': return flag(s.awd);
    case 'mechanisation_pct': return flag(s.mechanisedSynchronous);
    case 'digital_diary_share_pct': return { value: s.activityCount, unit: 'records' };
    default: return { value: null, unit: null };
  }
}

export type PlansService = ReturnType<typeof createPlansService>;
export type { IndicatorRow };
