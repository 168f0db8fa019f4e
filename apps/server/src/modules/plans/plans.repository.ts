/**
 * Plans, indicators, targets and entered values. Listing is filtered by the caller's unit (the
 * admin sees all plans; a province officer or verifier the plans of their province and its
 * communes; a commune officer their commune's plans and their province's).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { UnitScope } from '../dashboards/dashboard-scope.ts';

const planColumns = [
  'p.id', 'p.code', 'p.nameVi', 'p.nameEn', 'p.issuingBody', 'p.decisionNumber', 'p.legalBasis', 'p.scopeLevel', 'p.provinceCode', 'p.communeCode',
  'p.periodStartYear', 'p.periodEndYear', 'p.reportDueMonth', 'p.reportDueDay', 'p.reportDueSource', 'p.sourceDocument', 'p.descriptionVi', 'p.descriptionEn',
] as const;

/** Plans a caller's unit may see; `own` null is the admin. */
export function planVisibleTo(own: UnitScope | null, alias = 'p'): Expression<SqlBool> {
  if (own === null) return sql<SqlBool>`true`;
  const province = sql.ref(`${alias}.province_code`);
  const commune = sql.ref(`${alias}.commune_code`);
  if (own.communeCode === null) return sql<SqlBool>`${province} = ${own.provinceCode}`;
  return sql<SqlBool>`${province} = ${own.provinceCode} and (${commune} is null or ${commune} = ${own.communeCode})`;
}

function plansQuery(db: Executor, own: UnitScope | null, today: string) {
  return db
    .selectFrom('plans as p')
    .innerJoin('adminUnits as pu', 'pu.code', 'p.provinceCode')
    .leftJoin('adminUnits as cu', 'cu.code', 'p.communeCode')
    .select(planColumns)
    .select(['pu.name as provinceName', 'cu.name as communeName'])
    .select(sql<number>`(select count(*)::int from plan_indicators i where i.plan_id = p.id)`.as('indicatorCount'))
    .select(sql<number>`(select count(*)::int from programme_tasks t where t.plan_id = p.id)`.as('taskCount'))
    .select(sql<number>`(select count(*)::int from programme_tasks t where t.plan_id = p.id and t.status not in ('done', 'cancelled') and t.due_on < ${today}::date)`.as('overdueTaskCount'))
    .where(planVisibleTo(own));
}

export async function listPlans(db: Executor, own: UnitScope | null, today: string, provinceCode?: string) {
  let q = plansQuery(db, own, today);
  if (provinceCode) q = q.where('p.provinceCode', '=', provinceCode);
  return q.orderBy('p.provinceCode').orderBy('p.scopeLevel', 'desc').orderBy('p.code').execute();
}

export async function findPlan(db: Executor, own: UnitScope | null, id: string, today: string) {
  return plansQuery(db, own, today).where('p.id', '=', id).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function indicatorsOfPlan(db: Executor, planId: string) {
  return db.selectFrom('planIndicators').selectAll().where('planId', '=', planId).orderBy('position').orderBy('code').execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof indicatorsOfPlan>>[number];

export async function findIndicator(db: Executor, id: string) {
  return db.selectFrom('planIndicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function targetsOf(db: Executor, indicatorIds: readonly string[]) {
  if (!indicatorIds.length) return [];
  return db.selectFrom('planIndicatorTargets').selectAll().where('indicatorId', 'in', [...indicatorIds]).orderBy('year').orderBy('breakdown').execute();
}

/** The values in force (not superseded) for these indicators and unit, in a year. */
export async function currentValues(db: Executor, indicatorIds: readonly string[], year: number, unitCode: string) {
  if (!indicatorIds.length) return [];
  return db
    .selectFrom('indicatorValues as v')
    .leftJoin('users as u', 'u.id', 'v.enteredBy')
    .selectAll('v')
    .select('u.displayName as enteredByName')
    .where('v.indicatorId', 'in', [...indicatorIds])
    .where('v.year', '=', year)
    .where('v.adminUnitCode', '=', unitCode)
    .where('v.supersededAt', 'is', null)
    .execute();
}
export type ValueRow = Awaited<ReturnType<typeof currentValues>>[number];

/** A new value; the one it replaces (same indicator, year, breakdown, unit) is kept and marked superseded. */
export async function enterValue(db: Executor, v: { indicatorId: string; year: number; breakdown: string; adminUnitCode: string; provinceCode: string; value: number; source: string; note: string | null }, by: string, now: Date) {
  const previous = await db
    .selectFrom('indicatorValues')
    .select('id')
    .where('indicatorId', '=', v.indicatorId)
    .where('year', '=', v.year)
    .where('breakdown', '=', v.breakdown)
    .where('adminUnitCode', '=', v.adminUnitCode)
    .where('supersededAt', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (previous) await db.updateTable('indicatorValues').set({ supersededAt: now }).where('id', '=', previous.id).execute();
  const { id } = await db.insertInto('indicatorValues').values({ ...v, enteredBy: by, enteredAt: now, supersededBy: null, supersededAt: null }).returning('id').executeTakeFirstOrThrow();
  if (previous) await db.updateTable('indicatorValues').set({ supersededBy: id }).where('id', '=', previous.id).execute();
  return id;
}
