/**
 * The five plans of ../shared/seeds/ as data, and their loader. Loading is idempotent: a plan whose
 * code is already stored is left as it is (officers may have edited it since).
 */
import type { Executor } from '../../../db/database.ts';
import { computationOf } from '../indicator-computations.ts';
import { canThoRicePlan } from './can-tho-one-million-ha.ts';
import { laoCaiLowEmissionPlan } from './lao-cai-low-emission.ts';
import { laoCaiVegetablePlan } from './lao-cai-vegetables.ts';
import { quangTriProgramme } from './quang-tri-land-consolidation.ts';
import type { SeedPlan } from './seed-plan.ts';
import { sonKim1Plan } from './son-kim-1.ts';

export type { SeedPlan } from './seed-plan.ts';

export const SEED_PLANS: readonly SeedPlan[] = [canThoRicePlan, laoCaiLowEmissionPlan, laoCaiVegetablePlan, quangTriProgramme, sonKim1Plan];

/** Inserts the seed plans that are not stored yet; returns the codes it inserted. */
export async function loadSeedPlans(tx: Executor, plans: readonly SeedPlan[] = SEED_PLANS): Promise<string[]> {
  const inserted: string[] = [];
  for (const plan of plans) {
    const exists = await tx.selectFrom('plans').select('id').where('code', '=', plan.code).executeTakeFirst();
    if (exists) continue;
    const { id: planId } = await tx
      .insertInto('plans')
      .values({
        code: plan.code, nameVi: plan.nameVi, nameEn: plan.nameEn, issuingBody: plan.issuingBody, decisionNumber: plan.decisionNumber, legalBasis: plan.legalBasis,
        scopeLevel: plan.scopeLevel, provinceCode: plan.provinceCode, communeCode: plan.communeCode, periodStartYear: plan.periodStartYear, periodEndYear: plan.periodEndYear,
        reportDueMonth: plan.reportDue.month, reportDueDay: plan.reportDue.day, reportDueSource: plan.reportDue.source, sourceDocument: plan.sourceDocument,
        descriptionVi: plan.descriptionVi, descriptionEn: plan.descriptionEn, createdBy: null, updatedBy: null, updatedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unitCode = plan.communeCode ?? plan.provinceCode;
    for (const [position, ind] of plan.indicators.entries()) {
      if (ind.computation !== 'entered' && !computationOf(ind.computation)) throw new Error(`Seed plan ${plan.code}: unknown computation ${ind.computation}`);
      const { id: indicatorId } = await tx
        .insertInto('planIndicators')
        .values({
          planId, code: ind.code, position, section: ind.section, nameVi: ind.nameVi, nameEn: ind.nameEn, unit: ind.unit, direction: ind.direction,
          computation: ind.computation, computationParams: JSON.stringify(ind.params ?? {}),
          baselineYear: ind.baseline?.year ?? null, baselineValue: ind.baseline?.value ?? null, baselineUnit: ind.baseline?.unit ?? null, baselineSource: ind.baseline?.source ?? null,
          breakdownLabelVi: ind.breakdownLabel?.vi ?? null, breakdownLabelEn: ind.breakdownLabel?.en ?? null,
          source: ind.source, noteVi: ind.note?.vi ?? null, noteEn: ind.note?.en ?? null, details: JSON.stringify(ind.details ?? {}),
          createdBy: null, updatedBy: null, updatedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (ind.targets.length) {
        await tx
          .insertInto('planIndicatorTargets')
          .values(ind.targets.map((t) => ({ indicatorId, year: t.year, breakdown: t.breakdown ?? '', comparator: t.comparator, value: t.value, asWritten: t.asWritten, source: t.source ?? ind.source, createdBy: null, updatedBy: null, updatedAt: null })))
          .execute();
      }
      if (ind.values?.length) {
        await tx
          .insertInto('indicatorValues')
          .values(ind.values.map((v) => ({ indicatorId, year: v.year, breakdown: v.breakdown ?? '', adminUnitCode: unitCode, provinceCode: plan.provinceCode, value: v.value, source: v.source, note: null, enteredBy: null, supersededBy: null, supersededAt: null })))
          .execute();
      }
    }
    if (plan.tasks.length) {
      await tx
        .insertInto('programmeTasks')
        .values(plan.tasks.map((t, position) => ({
          planId, code: t.code, position, groupCode: t.groupCode ?? null, groupTitle: t.groupTitle ?? null, title: t.title, leadAgency: t.leadAgency,
          partnerAgencies: t.partnerAgencies ?? null, expectedResult: t.expectedResult ?? null, deadlineText: t.deadlineText, dueOn: t.dueOn,
          recurrence: t.recurrence ?? 'none', source: t.source, createdBy: null, updatedBy: null, updatedAt: null,
        })))
        .execute();
    }
    inserted.push(plan.code);
  }
  return inserted;
}
