import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCreatePlan, checkIndicator, checkTargets, checkTask, checkUpdatePlan, dayExistsEveryYear, joinDecision, splitDecision, type CreatePlanInput, type IndicatorInput } from './plan-form-rules.ts';

const plan: CreatePlanInput = {
  code: 'ct-khgpt-2027', nameVi: 'Kế hoạch giảm phát thải 2027', nameEn: 'Low-emission plan 2027', issuingBody: 'UBND thành phố Cần Thơ',
  decisionNumber: '123/KH-UBND', decisionDate: '05/12/2026', legalBasis: '', unitCode: '92', periodStartYear: '2027', periodEndYear: '2030',
  reportDueDay: '10', reportDueMonth: '12',
};

test('a complete plan becomes the body the API takes, the decision cited with its date', () => {
  const r = checkCreatePlan(plan);
  assert.ok(r.ok);
  assert.deepEqual(r.body, {
    code: 'ct-khgpt-2027', nameVi: 'Kế hoạch giảm phát thải 2027', nameEn: 'Low-emission plan 2027', issuingBody: 'UBND thành phố Cần Thơ',
    decisionNumber: '123/KH-UBND ngày 05/12/2026', unitCode: '92', periodStartYear: 2027, periodEndYear: 2030, reportDueDay: 10, reportDueMonth: 12,
  });
});

test('each wrong plan field gets its own message', () => {
  const r = checkCreatePlan({ ...plan, code: 'KH 2027', nameVi: ' ', unitCode: '', periodStartYear: '2030', periodEndYear: '2027', reportDueDay: '31', reportDueMonth: '4', decisionDate: '31/02/2026' });
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, {
    code: 'planForm.codeInvalid', nameVi: 'planForm.required', unitCode: 'planForm.unitMissing', periodEndYear: 'planForm.periodBackwards',
    decisionDate: 'planForm.dateInvalid', reportDueDay: 'planForm.dayInvalid',
  });
  const noNumber = checkCreatePlan({ ...plan, decisionNumber: '' });
  assert.ok(!noNumber.ok);
  assert.deepEqual(noNumber.errors, { decisionNumber: 'planForm.decisionNumberMissing' });
});

test('yearly deadlines exist every year; decisions split back into number and date', () => {
  assert.equal(dayExistsEveryYear(28, 2), true);
  assert.equal(dayExistsEveryYear(29, 2), false);
  assert.equal(dayExistsEveryYear(31, 12), true);
  assert.equal(dayExistsEveryYear(31, 4), false);
  assert.equal(joinDecision('  ', '2026-12-05'), '');
  assert.deepEqual(splitDecision('123/KH-UBND ngày 05/12/2026'), { number: '123/KH-UBND', date: '05/12/2026' });
  assert.deepEqual(splitDecision('Số 45/KH-UBND'), { number: 'Số 45/KH-UBND', date: '' });
  assert.deepEqual(splitDecision(null), { number: '', date: '' });
});

test('an edited plan clears an emptied decision number', () => {
  const r = checkUpdatePlan({ nameVi: 'A', nameEn: 'B', decisionNumber: '', decisionDate: '', reportDueDay: '15', reportDueMonth: '1' });
  assert.ok(r.ok);
  assert.deepEqual(r.body, { nameVi: 'A', nameEn: 'B', decisionNumber: null, reportDueDay: 15, reportDueMonth: 1 });
});

const indicator: IndicatorInput = {
  code: 'n-giam', section: '', nameVi: 'Giảm phân đạm', nameEn: 'Less nitrogen', unit: '%', direction: 'increase', computation: 'entered', crop: 'lua',
  source: 'Kế hoạch 123, mục II.1', baselineYear: '2025', baselineValue: '110,6', baselineSource: 'Khảo sát nông hộ 2025',
};

test('an entered indicator with a baseline: crop is ignored, the Vietnamese decimal comma is read', () => {
  const r = checkIndicator(indicator, 'vi');
  assert.ok(r.ok);
  assert.deepEqual(r.body.indicator, { code: 'n-giam', nameVi: 'Giảm phân đạm', nameEn: 'Less nitrogen', unit: '%', direction: 'increase', computation: 'entered', computationParams: {}, source: 'Kế hoạch 123, mục II.1' });
  assert.deepEqual(r.body.baseline, { baselineYear: 2025, baselineValue: 110.6, baselineSource: 'Khảo sát nông hộ 2025' });
  const computed = checkIndicator({ ...indicator, computation: 'seed_rate_kg_per_ha', baselineYear: '', baselineValue: '', baselineSource: '' }, 'vi');
  assert.ok(computed.ok);
  assert.equal(computed.body.indicator.computation, 'computed:seed_rate_kg_per_ha');
  assert.deepEqual(computed.body.indicator.computationParams, { crop: 'lua' });
  assert.equal(computed.body.baseline, null);
});

test('a baseline needs its value and its source', () => {
  const r = checkIndicator({ ...indicator, baselineValue: '', source: 'x' }, 'vi');
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, { source: 'plans.sourceMissing', baselineValue: 'indicatorForm.baselineValueMissing' });
  const noSource = checkIndicator({ ...indicator, baselineSource: '' }, 'vi');
  assert.ok(!noSource.ok);
  assert.deepEqual(noSource.errors, { baselineSource: 'plans.sourceMissing' });
});

test('targets: only changed years are sent; a kept target cannot be emptied', () => {
  const before = new Map([[2027, { comparator: 'gte' as const, value: 20, asWritten: null }]]);
  const rows = [
    { year: 2027, comparator: 'gte' as const, value: '20', asWritten: '' },
    { year: 2028, comparator: 'gte' as const, value: '25,5', asWritten: 'ít nhất 25,5 %' },
    { year: 2029, comparator: 'gte' as const, value: '', asWritten: '' },
  ];
  const r = checkTargets(rows, before, 'Kế hoạch 123', 'vi');
  assert.ok(r.ok);
  assert.deepEqual(r.changes, [{ year: 2028, body: { comparator: 'gte', value: 25.5, asWritten: 'ít nhất 25,5 %', breakdown: '', source: 'Kế hoạch 123' } }]);
  const cleared = checkTargets([{ ...rows[0]!, value: '' }], before, 'Kế hoạch 123', 'vi');
  assert.ok(!cleared.ok);
  assert.deepEqual(cleared.errors, { 'value-2027': 'targetForm.cannotClear' });
  const noSource = checkTargets(rows, before, '', 'vi');
  assert.ok(!noSource.ok);
  assert.deepEqual(noSource.errors, { source: 'plans.sourceMissing' });
  const unchanged = checkTargets([rows[0]!], before, 'Kế hoạch 123', 'vi');
  assert.ok(!unchanged.ok);
  assert.deepEqual(unchanged.errors, { form: 'targetForm.nothingChanged' });
});

test('a task: a yearly one needs its date; optional texts are left out when empty', () => {
  const base = { code: '2.4', title: 'Tập huấn AWD', leadAgency: 'Sở NN&MT', partnerAgencies: '', expectedResult: '', deadlineText: 'Hằng năm', dueOn: '', yearly: true, groupCode: '2', groupTitle: 'Giai đoạn 2' };
  const r = checkTask(base);
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, { dueOn: 'taskForm.yearlyNeedsDate' });
  const ok = checkTask({ ...base, dueOn: '10/12/2027' });
  assert.ok(ok.ok);
  assert.deepEqual(ok.body, { code: '2.4', title: 'Tập huấn AWD', leadAgency: 'Sở NN&MT', deadlineText: 'Hằng năm', groupCode: '2', groupTitle: 'Giai đoạn 2', dueOn: '2027-12-10', recurrence: 'yearly' });
  const empty = checkTask({ ...base, code: '', title: '', leadAgency: '', deadlineText: '', yearly: false });
  assert.ok(!empty.ok);
  assert.deepEqual(empty.errors, { code: 'planForm.required', title: 'planForm.required', leadAgency: 'planForm.required', deadlineText: 'taskForm.deadlineMissing' });
});
