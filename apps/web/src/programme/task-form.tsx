/**
 * Adding a task to a plan's task table: what is to be done, the lead agency and its partners, the
 * expected result, the deadline as the plan writes it ("Giai đoạn 2026 - 2030", "Hằng năm") with an
 * optional due date (a yearly task falls due on that day every year), and the phase it belongs to —
 * one of the plan's phases already in the table, or a new one.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { useT } from '../i18n/index.tsx';
import { checkTask, type TaskField, type TaskInput } from '../plans/plan-form-rules.ts';
import { serverFieldErrors, type FormErrors } from '../plans/plan-forms.tsx';
import type { PlanSummary, Task } from '../plans/types.ts';

const NEW_PHASE = '__new__';
const NO_PHASE = '';

export function TaskForm({ plan, tasks, onSaved, onCancel }: { plan: PlanSummary; tasks: readonly Task[]; onSaved: () => void; onCancel: () => void }) {
  const t = useT();
  const phases = [...new Map(tasks.filter((x) => x.groupCode).map((x) => [x.groupCode!, x.groupTitle ?? x.groupCode!])).entries()];
  const [phase, setPhase] = useState<string>(NO_PHASE);
  const [input, setInput] = useState<TaskInput>({ code: '', title: '', leadAgency: '', partnerAgencies: '', expectedResult: '', deadlineText: '', dueOn: '', yearly: false, groupCode: '', groupTitle: '' });
  const set = (patch: Partial<TaskInput>) => setInput((s) => ({ ...s, ...patch }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = phase === NEW_PHASE ? { groupCode: input.groupCode, groupTitle: input.groupTitle } : { groupCode: phase, groupTitle: phases.find(([code]) => code === phase)?.[1] ?? '' };
    const checked = checkTask({ ...input, ...chosen });
    const found: FormErrors = checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, t(v!)]));
    if (phase === NEW_PHASE && !input.groupTitle.trim()) found.groupTitle = t('taskForm.phaseTitleMissing');
    if (!checked.ok || Object.keys(found).length) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      await apiRequest(`/plans/${encodeURIComponent(plan.id)}/tasks`, { method: 'POST', json: checked.body });
      onSaved();
    } catch (err) {
      setErrors(serverFieldErrors(asApiError(err), ['code', 'title', 'leadAgency', 'partnerAgencies', 'expectedResult', 'deadlineText', 'dueOn', 'groupCode', 'groupTitle'] satisfies TaskField[], t));
      setBusy(false);
    }
  };

  return (
    <form className="inline-form plan-form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby="new-task-title">
      <h3 id="new-task-title">{t('taskForm.title')}</h3>
      {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
      <div className="field-row">
        <TextField id="task-code" label={t('taskForm.code')} hint={t('taskForm.codeHint')} value={input.code} onValueChange={(v) => set({ code: v })} error={errors.code} required />
        <SelectField
          id="task-phase"
          label={t('taskForm.phase')}
          value={phase}
          options={[NO_PHASE, ...phases.map(([code]) => code), NEW_PHASE]}
          optionLabel={(c) => (c === NO_PHASE ? t('taskForm.noPhase') : c === NEW_PHASE ? t('taskForm.newPhase') : phases.find(([code]) => code === c)![1])}
          onValueChange={setPhase}
          error={phase === NEW_PHASE ? undefined : errors.groupCode}
        />
      </div>
      {phase === NEW_PHASE ? (
        <div className="field-row">
          <TextField id="task-phase-code" label={t('taskForm.phaseCode')} value={input.groupCode} onValueChange={(v) => set({ groupCode: v })} error={errors.groupCode} />
          <TextField id="task-phase-title" label={t('taskForm.phaseTitle')} hint={t('taskForm.phaseTitleHint')} value={input.groupTitle} onValueChange={(v) => set({ groupTitle: v })} error={errors.groupTitle} />
        </div>
      ) : null}
      <TextAreaField id="task-title" label={t('programme.task')} value={input.title} onValueChange={(v) => set({ title: v })} error={errors.title} required />
      <div className="field-row">
        <TextField id="task-lead" label={t('programme.lead')} value={input.leadAgency} onValueChange={(v) => set({ leadAgency: v })} error={errors.leadAgency} required />
        <TextField id="task-partners" label={t('taskForm.partners')} value={input.partnerAgencies} onValueChange={(v) => set({ partnerAgencies: v })} error={errors.partnerAgencies} />
      </div>
      <TextField id="task-result" label={t('taskForm.expectedResult')} value={input.expectedResult} onValueChange={(v) => set({ expectedResult: v })} error={errors.expectedResult} />
      <div className="field-row">
        <TextField id="task-deadline" label={t('programme.deadline')} hint={t('taskForm.deadlineHint')} value={input.deadlineText} onValueChange={(v) => set({ deadlineText: v })} error={errors.deadlineText} required />
        <TextField id="task-due" label={t('taskForm.dueOn')} hint={t('taskForm.dueOnHint')} value={input.dueOn} onValueChange={(v) => set({ dueOn: v })} error={errors.dueOn} inputMode="numeric" />
      </div>
      <CheckboxField id="task-yearly" label={t('taskForm.yearly')} checked={input.yearly} onCheckedChange={(v) => set({ yearly: v })} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('taskForm.save')}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('plans.cancel')}</button>
      </div>
    </form>
  );
}
