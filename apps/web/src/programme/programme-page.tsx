/**
 * Programme management for a plan: its task table (lead agency, partners, expected result, deadline,
 * status, latest progress note) with the overdue tasks marked and a form to record progress;
 * training events with attendance by role and coverage against the plan's head counts; land
 * consolidation records (lease, transfer, capital contribution) with the plots concerned, and the
 * forms to add a task, a training event and a consolidation record.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { CheckboxField, NumberField, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { mayEditPlan, TASK_STATUSES, taskStatusKey, TRAINING_ROLES, trainingRoleKey, useLocalName } from '../plans/shared.tsx';
import { PlotPicker, type PickedPlot } from './plot-picker.tsx';
import { TaskForm } from './task-form.tsx';
import type { LandConsolidationKind, LandConsolidationList, PlanList, PlanSummary, Task, TaskList, TaskStatus, TrainingCoverage, TrainingEventList, TrainingRole } from '../plans/types.ts';

const EDITORS = new Set(['province_officer', 'commune_officer', 'admin']);

export function ProgrammePage() {
  const t = useT();
  const name = useLocalName();
  const params = useSearchParams();
  const navigate = useNavigate();
  const plans = useApi<PlanList>('/plans');
  const planId = params.get('plan') ?? plans.data?.items[0]?.id ?? null;
  const plan = plans.data?.items.find((p) => p.id === planId);
  if (plans.status === 'error') return <ApiErrorMessage error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  return (
    <div className="programme">
      <header className="page-header">
        <h1>{t('programme.title')}</h1>
        <p className="lead">{t('programme.intro')}</p>
      </header>
      {plans.data.items.length ? (
        <SelectField id="programme-plan" label={t('programme.plan')} value={planId ?? ''} options={plans.data.items.map((p) => p.id)} optionLabel={(id) => name(plans.data!.items.find((p) => p.id === id)!)} onValueChange={(id) => navigate(withQuery('/programme', { plan: id }), { replace: true })} />
      ) : <p>{t('plans.none')}</p>}
      {plan ? (
        <>
          <p><Link to={`/plans/${encodeURIComponent(plan.id)}`}>{t('programme.openPlan')}</Link></p>
          <Tasks key={`tasks-${plan.id}`} plan={plan} />
          <Training key={`training-${plan.id}`} plan={plan} />
          <Consolidation key={`land-${plan.id}`} plan={plan} />
        </>
      ) : null}
    </div>
  );
}

function Tasks({ plan }: { plan: PlanSummary }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const tasks = useApi<TaskList>(withQuery(`/plans/${encodeURIComponent(plan.id)}/tasks`, { overdue: overdueOnly ? 'true' : null }));
  const mayEdit = mayEditPlan(user, plan);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="programme-tasks">
      <div className="section-head">
        <h2 id="programme-tasks">{t('programme.tasks')}</h2>
        <div className="page-actions">
          <CheckboxField id="tasks-overdue" label={t('programme.overdueOnly')} checked={overdueOnly} onCheckedChange={setOverdueOnly} />
          {mayEdit ? <button type="button" className="button button--secondary" aria-expanded={adding} onClick={() => setAdding(!adding)}>{t('taskForm.button')}</button> : null}
        </div>
      </div>
      {adding && tasks.data ? <TaskForm plan={plan} tasks={tasks.data.items} onSaved={() => { setAdding(false); tasks.reload(); }} onCancel={() => setAdding(false)} /> : null}
      {tasks.status === 'error' ? <ApiErrorMessage error={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.data ? (
        <>
          <p className={tasks.data.overdueCount ? 'alert alert--warning' : 'muted'} role="status">
            {tasks.data.overdueCount ? t('programme.overdueSummary', { n: tasks.data.overdueCount, date: fmt.date(tasks.data.today) }) : t('programme.noOverdue', { date: fmt.date(tasks.data.today) })}
          </p>
          {tasks.data.items.length === 0 ? <p>{t('programme.noTasks')}</p> : (
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards task-table">
                <thead>
                  <tr>
                    <th scope="col">{t('programme.task')}</th>
                    <th scope="col">{t('programme.lead')}</th>
                    <th scope="col">{t('programme.result')}</th>
                    <th scope="col">{t('programme.deadline')}</th>
                    <th scope="col">{t('programme.statusLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.data.items.map((task) => (
                    <TaskRow key={task.id} task={task} mayEdit={mayEdit} open={open === task.id} onToggle={() => setOpen(open === task.id ? null : task.id)} onSaved={() => { setOpen(null); tasks.reload(); }} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ) : <Loading />}
    </section>
  );
}

function TaskRow({ task, mayEdit, open, onToggle, onSaved }: { task: Task; mayEdit: boolean; open: boolean; onToggle: () => void; onSaved: () => void }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <>
      <tr className={task.overdue ? 'task task--overdue' : 'task'}>
        <th scope="row" data-label={t('programme.task')}>
          <div>
            <span className="task__code">{task.code}</span> {task.title}
            {task.partnerAgencies ? <span className="figure-source">{t('programme.partners')}: {task.partnerAgencies}</span> : null}
          </div>
        </th>
        <td data-label={t('programme.lead')}>{task.leadAgency}</td>
        <td data-label={t('programme.result')}>{task.expectedResult ?? '—'}</td>
        <td data-label={t('programme.deadline')}>
          <div>
          {task.deadlineText}
          {task.currentDueOn ? <span className="figure-source">{t('programme.dueOn', { date: fmt.date(task.currentDueOn) })}{task.recurrence === 'yearly' ? ` · ${t('programme.yearly')}` : ''}</span> : null}
          {task.overdue ? <span className="badge badge--overdue">{t('programme.overdueDays', { n: task.daysOverdue ?? 0 })}</span> : null}
          </div>
        </td>
        <td data-label={t('programme.statusLabel')}>
          <div>
          <span className={`badge badge--task-${task.status}`}>{t(taskStatusKey(task.status))}</span>
          {task.latestNote ? <span className="figure-source">{task.latestNote.note} — {task.latestNote.notedByName ?? ''}, {fmt.date(task.latestNote.notedAt)}</span> : null}
          {mayEdit ? (
            <button type="button" className="button button--small button--secondary" aria-expanded={open} onClick={onToggle}>{t('programme.addNote')}</button>
          ) : null}
          </div>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={5}>
            <NoteForm task={task} onSaved={onSaved} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function NoteForm({ task, onSaved }: { task: Task; onSaved: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<TaskStatus>(task.status === 'not_started' ? 'in_progress' : task.status);
  const [pct, setPct] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const prefix = `note-${task.id}`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const progress = fmt.parse(pct);
    const found: Record<string, string> = {};
    if (!note.trim()) found.note = t('programme.noteMissing');
    if (progress !== undefined && (Number.isNaN(progress) || progress < 0 || progress > 100)) found.progressPct = t('programme.pctInvalid');
    if (Object.keys(found).length) return setErrors(found);
    setBusy(true);
    try {
      await apiRequest(`/tasks/${encodeURIComponent(task.id)}/notes`, { method: 'POST', json: { note: note.trim(), status, ...(progress !== undefined ? { progressPct: Math.round(progress) } : {}) } });
      onSaved();
    } catch (err) {
      const error = asApiError(err);
      setErrors({ form: error.errorFor('note') ?? apiErrorText(error, t, 'write') });
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
      <TextAreaField id={`${prefix}-text`} label={t('programme.note')} value={note} onValueChange={setNote} error={errors.note} required />
      <div className="field-row">
        <SelectField id={`${prefix}-status`} label={t('programme.statusLabel')} value={status} options={TASK_STATUSES} optionLabel={(s) => t(taskStatusKey(s))} onValueChange={setStatus} />
        <NumberField id={`${prefix}-pct`} label={t('programme.progressPct')} value={pct} onValueChange={setPct} error={errors.progressPct} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('programme.saveNote')}</button>
    </form>
  );
}

function Training({ plan }: { plan: PlanSummary }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const events = useApi<TrainingEventList>(withQuery('/training-events', { planId: plan.id }));
  const coverage = useApi<TrainingCoverage>(`/plans/${encodeURIComponent(plan.id)}/training-coverage`);
  return (
    <section aria-labelledby="programme-training">
      <h2 id="programme-training">{t('programme.training')}</h2>
      {coverage.data && coverage.data.roles.length ? (
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <caption>{t('programme.coverage', { date: fmt.date(coverage.data.asOf) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.role')}</th>
                <th scope="col" className="num">{t('programme.attendees')}</th>
                <th scope="col" className="num">{t('programme.population')}</th>
                <th scope="col" className="num">{t('programme.coveragePct')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.data.roles.map((r) => (
                <tr key={r.role}>
                  <th scope="row" data-label={t('programme.role')}>{t(trainingRoleKey(r.role))}</th>
                  <td className="num" data-label={t('programme.attendees')}>{fmt.number(r.attendees)}</td>
                  <td className="num" data-label={t('programme.population')}>{r.population === null ? '—' : fmt.number(r.population)}</td>
                  <td className="num" data-label={t('programme.coveragePct')}>{r.coveragePct === null ? '—' : `${fmt.percent(r.coveragePct)}${r.targetPct ? ` / ${fmt.percent(r.targetPct, 0)} (${r.targetYear})` : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {events.data ? (
        events.data.items.length === 0 ? <p>{t('programme.noEvents')}</p> : (
          <ul className="event-list">
            {events.data.items.map((e) => (
              <li key={e.id} className="card">
                <strong>{fmt.date(e.heldOn)}</strong> — {e.topic}
                <span className="figure-source">{e.place} ({e.unitName}) · {e.trainer}</span>
                <span className="figure-source">{e.attendance.map((a) => `${t(trainingRoleKey(a.role))}: ${fmt.number(a.count)}`).join('; ')} · {t('programme.total', { n: e.totalAttendees })}</span>
              </li>
            ))}
          </ul>
        )
      ) : <Loading />}
      {user && EDITORS.has(user.role) ? <TrainingForm plan={plan} onSaved={() => { events.reload(); coverage.reload(); }} /> : null}
    </section>
  );
}

function TrainingForm({ plan, onSaved }: { plan: PlanSummary; onSaved: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const [topic, setTopic] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [trainer, setTrainer] = useState('');
  const [unitCode, setUnitCode] = useState(user?.adminUnitCode ?? plan.communeCode ?? plan.provinceCode);
  const [counts, setCounts] = useState<Partial<Record<TrainingRole, string>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const date = parseDate(heldOn);
    const attendance = TRAINING_ROLES.flatMap((role) => {
      const n = fmt.parse(counts[role] ?? '');
      return n !== undefined && !Number.isNaN(n) && n > 0 ? [{ role, count: Math.round(n) }] : [];
    });
    const found: Record<string, string> = {};
    if (!topic.trim()) found.topic = t('programme.required');
    if (!place.trim()) found.place = t('programme.required');
    if (!trainer.trim()) found.trainer = t('programme.required');
    if (!date) found.heldOn = t('programme.dateInvalid');
    if (!attendance.length) found.attendance = t('programme.attendanceMissing');
    if (Object.keys(found).length) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      await apiRequest('/training-events', { method: 'POST', json: { planId: plan.id, unitCode, topic: topic.trim(), heldOn: date, place: place.trim(), trainer: trainer.trim(), attendance } });
      setTopic(''); setHeldOn(''); setPlace(''); setTrainer(''); setCounts({});
      onSaved();
    } catch (err) {
      const error = asApiError(err);
      const next: Record<string, string> = {};
      for (const f of ['topic', 'heldOn', 'place', 'trainer', 'attendance', 'unitCode']) {
        const m = error.errorFor(f);
        if (m) next[f] = m;
      }
      if (!Object.keys(next).length) next.form = apiErrorText(error, t, 'write');
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card disclosure">
      <summary>{t('programme.newEvent')}</summary>
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
        <TextField id="event-topic" label={t('programme.topic')} value={topic} onValueChange={setTopic} error={errors.topic} required />
        <div className="field-row">
          <TextField id="event-date" label={t('programme.heldOn')} hint={t('common.dateHint')} value={heldOn} onValueChange={setHeldOn} error={errors.heldOn} inputMode="numeric" required />
          <TextField id="event-unit" label={t('programme.unitCode')} value={unitCode} onValueChange={setUnitCode} error={errors.unitCode} inputMode="numeric" />
        </div>
        <div className="field-row">
          <TextField id="event-place" label={t('programme.place')} value={place} onValueChange={setPlace} error={errors.place} required />
          <TextField id="event-trainer" label={t('programme.trainer')} value={trainer} onValueChange={setTrainer} error={errors.trainer} required />
        </div>
        <fieldset className={`field ${errors.attendance ? 'field--invalid' : ''}`}>
          <legend>{t('programme.attendanceByRole')}</legend>
          <div className="field-row field-row--dense">
            {TRAINING_ROLES.map((role) => (
              <NumberField key={role} id={`event-role-${role}`} label={t(trainingRoleKey(role))} value={counts[role] ?? ''} onValueChange={(v) => setCounts((c) => ({ ...c, [role]: v }))} />
            ))}
          </div>
          {errors.attendance ? <p className="field__error">{errors.attendance}</p> : null}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('programme.saveEvent')}</button>
      </form>
    </details>
  );
}

const KIND_KEYS = { lease: 'programme.kind.lease', transfer: 'programme.kind.transfer', capital_contribution: 'programme.kind.capital_contribution' } as const;

function Consolidation({ plan }: { plan: PlanSummary }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const list = useApi<LandConsolidationList>(withQuery('/land-consolidations', { provinceCode: plan.provinceCode }));
  return (
    <section aria-labelledby="programme-land">
      <h2 id="programme-land">{t('programme.land')}</h2>
      {list.data ? (
        list.data.items.length === 0 ? <p>{t('programme.noLand')}</p> : (
          <>
            <p className="muted">{t('programme.landTotal', { ha: fmt.number(list.data.totalAreaHa, { fixed: 2 }) })}</p>
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('programme.agreedOn')}</th>
                    <th scope="col">{t('programme.kindLabel')}</th>
                    <th scope="col">{t('programme.parties')}</th>
                    <th scope="col">{t('programme.plots')}</th>
                    <th scope="col" className="num">{t('programme.area')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" data-label={t('programme.agreedOn')}>{fmt.date(r.agreedOn)}</th>
                      <td data-label={t('programme.kindLabel')}>{t(KIND_KEYS[r.kind])}{r.termYears ? ` · ${t('programme.termYears', { n: r.termYears })}` : ''}</td>
                      <td data-label={t('programme.parties')}>{r.fromParty} → {r.toParty} <span className="figure-source">{r.communeName}</span></td>
                      <td data-label={t('programme.plots')}>{r.plots.length ? r.plots.map((p) => <Link key={p.id} to={`/plots/${encodeURIComponent(p.id)}`}>{p.code} </Link>) : '—'}</td>
                      <td className="num" data-label={t('programme.area')}>{fmt.number(r.areaHa, { fixed: 2 })} ha</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )
      ) : <Loading />}
      {user && EDITORS.has(user.role) ? <ConsolidationForm plan={plan} onSaved={list.reload} /> : null}
    </section>
  );
}

function ConsolidationForm({ plan, onSaved }: { plan: PlanSummary; onSaved: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const [communeCode, setCommuneCode] = useState(user?.adminUnitCode?.length === 5 ? user.adminUnitCode : plan.communeCode ?? '');
  const [kind, setKind] = useState<LandConsolidationKind>('lease');
  const [fromParty, setFrom] = useState('');
  const [toParty, setTo] = useState('');
  const [area, setArea] = useState('');
  const [agreedOn, setAgreedOn] = useState('');
  const [term, setTerm] = useState('');
  const [plots, setPlots] = useState<PickedPlot[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chooseCommune = (code: string) => {
    // Plots belong to one commune: choosing another one empties the choice.
    if (code !== communeCode) setPlots([]);
    setCommuneCode(code);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const date = parseDate(agreedOn);
    const areaHa = fmt.parse(area);
    const termYears = fmt.parse(term);
    const found: Record<string, string> = {};
    if (!/^\d{5}$/.test(communeCode)) found.communeCode = t('programme.communeInvalid');
    if (!fromParty.trim()) found.fromParty = t('programme.required');
    if (!toParty.trim()) found.toParty = t('programme.required');
    if (!date) found.agreedOn = t('programme.dateInvalid');
    // With plots chosen the area may be left empty: the server takes the plots' registered area.
    if (areaHa === undefined ? plots.length === 0 : Number.isNaN(areaHa) || areaHa <= 0) found.areaHa = plots.length ? t('programme.areaInvalid') : t('plotPicker.areaOrPlots');
    if (kind === 'lease' && (termYears === undefined || Number.isNaN(termYears))) found.termYears = t('programme.termMissing');
    if (Object.keys(found).length) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      await apiRequest('/land-consolidations', { method: 'POST', json: { communeCode, kind, fromParty: fromParty.trim(), toParty: toParty.trim(), ...(areaHa !== undefined ? { areaHa } : {}), plotIds: plots.map((p) => p.id), agreedOn: date, ...(termYears !== undefined && !Number.isNaN(termYears) ? { termYears: Math.round(termYears) } : {}) } });
      setFrom(''); setTo(''); setArea(''); setAgreedOn(''); setTerm(''); setPlots([]);
      onSaved();
    } catch (err) {
      const error = asApiError(err);
      const next: Record<string, string> = {};
      for (const f of ['communeCode', 'fromParty', 'toParty', 'areaHa', 'agreedOn', 'termYears', 'plotIds']) {
        const m = error.errorFor(f);
        if (m) next[f] = m;
      }
      if (!Object.keys(next).length) next.form = apiErrorText(error, t, 'write');
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card disclosure">
      <summary>{t('programme.newLand')}</summary>
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
        <div className="field-row">
          <TextField id="land-commune" label={t('programme.communeCode')} value={communeCode} onValueChange={chooseCommune} error={errors.communeCode} inputMode="numeric" required />
          <SelectField id="land-kind" label={t('programme.kindLabel')} value={kind} options={['lease', 'transfer', 'capital_contribution'] as const} optionLabel={(k) => t(KIND_KEYS[k])} onValueChange={setKind} />
        </div>
        <div className="field-row">
          <TextField id="land-from" label={t('programme.fromParty')} value={fromParty} onValueChange={setFrom} error={errors.fromParty} required />
          <TextField id="land-to" label={t('programme.toParty')} value={toParty} onValueChange={setTo} error={errors.toParty} required />
        </div>
        <PlotPicker id="land-plots" communeCode={communeCode} value={plots} onChange={setPlots} error={errors.plotIds} />
        <div className="field-row">
          <NumberField id="land-area" label={t('programme.areaHa')} hint={plots.length ? t('plotPicker.areaHint') : undefined} value={area} onValueChange={setArea} error={errors.areaHa} required={plots.length === 0} />
          <TextField id="land-date" label={t('programme.agreedOn')} hint={t('common.dateHint')} value={agreedOn} onValueChange={setAgreedOn} error={errors.agreedOn} inputMode="numeric" required />
          <NumberField id="land-term" label={t('programme.termLabel')} value={term} onValueChange={setTerm} error={errors.termYears} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('programme.saveLand')}</button>
      </form>
    </details>
  );
}
