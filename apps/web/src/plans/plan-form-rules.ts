/**
 * What the plan author's forms check before sending, and the request bodies they send. Pure (no
 * React) so the rules are tested beside them. Each rule answers with a message key, translated by
 * the page, so a person reads the error in their own language next to the field it concerns; the
 * server checks the same things again and decides.
 */
import type { MessageKey } from '../i18n/index.tsx';
import { parseDate, parseNumber, type Lang } from '../i18n/format.ts';
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';

export type CreatePlanBody = z.input<typeof C.CreatePlanBody>;
export type UpdatePlanBody = z.input<typeof C.UpdatePlanBody>;
export type CreateIndicatorBody = z.input<typeof C.CreateIndicatorBody>;
export type SetTargetBody = z.input<typeof C.SetTargetBody>;
export type ComputationName = z.infer<typeof C.ComputationNameSchema>;
export type Comparator = z.infer<typeof C.TargetComparator>;
export type CreateTaskBody = z.input<typeof C.CreateTaskBody>;

export type Checked<Field extends string, Body> = { ok: true; body: Body } | { ok: false; errors: Partial<Record<Field, MessageKey>> };

/** The server's code rule (packages/contracts plans.ts): lower-case letters, digits, ".", "_", "-". */
const CODE = /^[a-z0-9][a-z0-9_.-]{1,79}$/;
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** A yearly deadline must exist every year: no 29 February, no 31 April. */
export function dayExistsEveryYear(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2023, month, 0)).getUTCDate();
}

/**
 * A plan's decision as Vietnamese documents cite it: "123/KH-UBND ngày 05/12/2026". The API keeps
 * one text (decisionNumber), so the number and the date typed in two fields are joined, and split
 * again to be edited.
 */
export function joinDecision(number: string, isoDate: string | null | undefined): string {
  const n = number.trim();
  if (!n) return '';
  if (!isoDate) return n;
  const [y, m, d] = isoDate.split('-');
  return `${n} ngày ${d}/${m}/${y}`;
}
export function splitDecision(text: string | null): { number: string; date: string } {
  if (!text) return { number: '', date: '' };
  const m = /^(.*\S)\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})$/.exec(text);
  return m ? { number: m[1]!, date: m[2]! } : { number: text, date: '' };
}

export interface PlanHeaderInput {
  nameVi: string;
  nameEn: string;
  decisionNumber: string;
  decisionDate: string;
  reportDueDay: string;
  reportDueMonth: string;
}
export interface CreatePlanInput extends PlanHeaderInput {
  code: string;
  issuingBody: string;
  legalBasis: string;
  unitCode: string;
  periodStartYear: string;
  periodEndYear: string;
}
type PlanHeaderField = keyof PlanHeaderInput;
export type CreatePlanField = keyof CreatePlanInput;

function checkHeader(input: PlanHeaderInput, errors: Partial<Record<CreatePlanField, MessageKey>>) {
  if (!input.nameVi.trim()) errors.nameVi = 'planForm.required';
  if (!input.nameEn.trim()) errors.nameEn = 'planForm.required';
  const date = parseDate(input.decisionDate);
  if (date === null) errors.decisionDate = 'planForm.dateInvalid';
  else if (date && !input.decisionNumber.trim()) errors.decisionNumber = 'planForm.decisionNumberMissing';
  if (joinDecision(input.decisionNumber, date).length > 80) errors.decisionNumber = 'planForm.decisionTooLong';
  const day = wholeNumber(input.reportDueDay);
  const month = wholeNumber(input.reportDueMonth);
  if (month === null || month < 1 || month > 12) errors.reportDueMonth = 'planForm.monthInvalid';
  else if (day === null || !dayExistsEveryYear(day, month)) errors.reportDueDay = 'planForm.dayInvalid';
  return { date, day: day ?? 0, month: month ?? 0 };
}

export function checkCreatePlan(input: CreatePlanInput): Checked<CreatePlanField, CreatePlanBody> {
  const errors: Partial<Record<CreatePlanField, MessageKey>> = {};
  if (!CODE.test(input.code.trim())) errors.code = 'planForm.codeInvalid';
  if (!input.issuingBody.trim()) errors.issuingBody = 'planForm.required';
  if (!/^\d{2}$|^\d{5}$/.test(input.unitCode)) errors.unitCode = 'planForm.unitMissing';
  const start = wholeNumber(input.periodStartYear);
  const end = wholeNumber(input.periodEndYear);
  if (start === null || start < YEAR_MIN || start > YEAR_MAX) errors.periodStartYear = 'planForm.yearInvalid';
  if (end === null || end < YEAR_MIN || end > YEAR_MAX) errors.periodEndYear = 'planForm.yearInvalid';
  else if (start !== null && end < start) errors.periodEndYear = 'planForm.periodBackwards';
  const { date, day, month } = checkHeader(input, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const decisionNumber = joinDecision(input.decisionNumber, date);
  return {
    ok: true,
    body: {
      code: input.code.trim(), nameVi: input.nameVi.trim(), nameEn: input.nameEn.trim(), issuingBody: input.issuingBody.trim(),
      ...(decisionNumber ? { decisionNumber } : {}), ...(input.legalBasis.trim() ? { legalBasis: input.legalBasis.trim() } : {}),
      unitCode: input.unitCode, periodStartYear: start!, periodEndYear: end!, reportDueDay: day, reportDueMonth: month,
    },
  };
}

export function checkUpdatePlan(input: PlanHeaderInput): Checked<PlanHeaderField, UpdatePlanBody> {
  const errors: Partial<Record<CreatePlanField, MessageKey>> = {};
  const { date, day, month } = checkHeader(input, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const decisionNumber = joinDecision(input.decisionNumber, date);
  // An emptied number is cleared (null), not left as it was.
  return { ok: true, body: { nameVi: input.nameVi.trim(), nameEn: input.nameEn.trim(), decisionNumber: decisionNumber || null, reportDueDay: day, reportDueMonth: month } };
}

/** What each computation measures, so choosing one fills in the unit and the good direction. */
export const COMPUTATION_DEFAULTS: Record<ComputationName, { unit: string; direction: 'increase' | 'decrease' }> = {
  cultivated_area_ha: { unit: 'ha', direction: 'increase' },
  low_emission_cultivated_area_ha: { unit: 'ha', direction: 'increase' },
  season_area_ha: { unit: 'ha', direction: 'increase' },
  low_emission_share_pct: { unit: '%', direction: 'increase' },
  sustainable_share_pct: { unit: '%', direction: 'increase' },
  coded_area_share_pct: { unit: '%', direction: 'increase' },
  awd_share_pct: { unit: '%', direction: 'increase' },
  seed_rate_kg_per_ha: { unit: 'kg/ha', direction: 'decrease' },
  chemical_n_kg_per_ha: { unit: 'kg/ha', direction: 'decrease' },
  chemical_n_reduction_pct: { unit: '%', direction: 'increase' },
  pesticide_reduction_pct: { unit: '%', direction: 'increase' },
  straw_collected_pct: { unit: '%', direction: 'increase' },
  post_harvest_loss_pct: { unit: '%', direction: 'decrease' },
  mechanisation_pct: { unit: '%', direction: 'increase' },
  ghg_reduction_pct: { unit: '%', direction: 'increase' },
  ghg_total_t: { unit: 't', direction: 'decrease' },
  ghg_reduction_vs_base_year_pct: { unit: '%', direction: 'increase' },
  digital_diary_share_pct: { unit: '%', direction: 'increase' },
  crop_yield_ta_per_ha: { unit: 'ta/ha', direction: 'increase' },
  crop_output_t: { unit: 't', direction: 'increase' },
  consolidated_area_ha: { unit: 'ha', direction: 'increase' },
  consolidated_added_ha: { unit: 'ha', direction: 'increase' },
  training_coverage_pct: { unit: '%', direction: 'increase' },
};
export const COMPUTATION_NAMES = Object.keys(COMPUTATION_DEFAULTS) as ComputationName[];

export interface IndicatorInput {
  code: string;
  section: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  direction: 'increase' | 'decrease';
  /** 'entered' or a computation name. */
  computation: 'entered' | ComputationName;
  crop: string;
  source: string;
  baselineYear: string;
  baselineValue: string;
  baselineSource: string;
}
export type IndicatorField = keyof IndicatorInput;
export type BaselineBody = { baselineYear: number | null; baselineValue: number; baselineSource: string };

export function checkIndicator(input: IndicatorInput, lang: Lang): Checked<IndicatorField, { indicator: CreateIndicatorBody; baseline: BaselineBody | null }> {
  const errors: Partial<Record<IndicatorField, MessageKey>> = {};
  if (!CODE.test(input.code.trim())) errors.code = 'planForm.codeInvalid';
  if (!input.nameVi.trim()) errors.nameVi = 'planForm.required';
  if (!input.nameEn.trim()) errors.nameEn = 'planForm.required';
  if (!input.unit.trim()) errors.unit = 'planForm.required';
  if (input.source.trim().length < 3) errors.source = 'plans.sourceMissing';
  if (input.crop.trim() && !/^[a-z][a-z0-9_]{1,39}$/.test(input.crop.trim())) errors.crop = 'indicatorForm.cropInvalid';
  const baselineValue = parseNumber(lang, input.baselineValue);
  const baselineYear = input.baselineYear.trim() ? wholeNumber(input.baselineYear) : null;
  if (baselineValue !== undefined && Number.isNaN(baselineValue)) errors.baselineValue = 'plans.valueInvalid';
  if (input.baselineYear.trim() && (baselineYear === null || baselineYear < YEAR_MIN || baselineYear > YEAR_MAX)) errors.baselineYear = 'planForm.yearInvalid';
  if (baselineValue === undefined && (input.baselineYear.trim() || input.baselineSource.trim())) errors.baselineValue = 'indicatorForm.baselineValueMissing';
  if (baselineValue !== undefined && input.baselineSource.trim().length < 3) errors.baselineSource = 'plans.sourceMissing';
  if (Object.keys(errors).length) return { ok: false, errors };
  const crop = input.crop.trim();
  return {
    ok: true,
    body: {
      indicator: {
        code: input.code.trim(), nameVi: input.nameVi.trim(), nameEn: input.nameEn.trim(), unit: input.unit.trim(), direction: input.direction,
        ...(input.section.trim() ? { section: input.section.trim() } : {}),
        computation: input.computation === 'entered' ? 'entered' : `computed:${input.computation}`,
        computationParams: input.computation !== 'entered' && crop ? { crop } : {},
        source: input.source.trim(),
      },
      baseline: baselineValue === undefined ? null : { baselineYear, baselineValue, baselineSource: input.baselineSource.trim() },
    },
  };
}

export interface TargetRowInput {
  year: number;
  comparator: Comparator;
  value: string;
  asWritten: string;
}
/**
 * The targets of an indicator, one row per year; an empty value leaves that year without a target
 * of its own (the plan's milestones around it apply). Only the rows that changed are sent.
 */
export function checkTargets(rows: readonly TargetRowInput[], before: ReadonlyMap<number, { comparator: Comparator; value: number; asWritten: string | null }>, source: string, lang: Lang): { ok: true; changes: Array<{ year: number; body: SetTargetBody }> } | { ok: false; errors: Record<string, MessageKey> } {
  const errors: Record<string, MessageKey> = {};
  const changes: Array<{ year: number; body: SetTargetBody }> = [];
  for (const row of rows) {
    const value = parseNumber(lang, row.value);
    if (value === undefined) {
      if (before.has(row.year)) errors[`value-${row.year}`] = 'targetForm.cannotClear';
      continue;
    }
    if (Number.isNaN(value)) {
      errors[`value-${row.year}`] = 'plans.valueInvalid';
      continue;
    }
    const old = before.get(row.year);
    if (old && old.value === value && old.comparator === row.comparator && (old.asWritten ?? '') === row.asWritten.trim()) continue;
    changes.push({ year: row.year, body: { comparator: row.comparator, value, ...(row.asWritten.trim() ? { asWritten: row.asWritten.trim() } : {}), breakdown: '', source: source.trim() } });
  }
  if (changes.length && source.trim().length < 3) errors.source = 'plans.sourceMissing';
  if (!changes.length && !Object.keys(errors).length) errors.form = 'targetForm.nothingChanged';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, changes };
}

export interface TaskInput {
  code: string;
  title: string;
  leadAgency: string;
  partnerAgencies: string;
  expectedResult: string;
  deadlineText: string;
  dueOn: string;
  yearly: boolean;
  groupCode: string;
  groupTitle: string;
}
export type TaskField = keyof TaskInput;

export function checkTask(input: TaskInput): Checked<TaskField, CreateTaskBody> {
  const errors: Partial<Record<TaskField, MessageKey>> = {};
  if (!input.code.trim()) errors.code = 'planForm.required';
  else if (input.code.trim().length > 40) errors.code = 'taskForm.codeTooLong';
  if (!input.title.trim()) errors.title = 'planForm.required';
  if (!input.leadAgency.trim()) errors.leadAgency = 'planForm.required';
  if (!input.deadlineText.trim()) errors.deadlineText = 'taskForm.deadlineMissing';
  const dueOn = parseDate(input.dueOn);
  if (dueOn === null) errors.dueOn = 'planForm.dateInvalid';
  if (input.yearly && !dueOn) errors.dueOn = 'taskForm.yearlyNeedsDate';
  if (Object.keys(errors).length) return { ok: false, errors };
  const optional = (key: 'partnerAgencies' | 'expectedResult' | 'groupCode' | 'groupTitle') => (input[key].trim() ? { [key]: input[key].trim() } : {});
  return {
    ok: true,
    body: {
      code: input.code.trim(), title: input.title.trim(), leadAgency: input.leadAgency.trim(), deadlineText: input.deadlineText.trim(),
      ...optional('partnerAgencies'), ...optional('expectedResult'), ...optional('groupCode'), ...optional('groupTitle'),
      ...(dueOn ? { dueOn } : {}), recurrence: input.yearly ? 'yearly' : 'none',
    },
  };
}
