/**
 * One plan: its indicators for a year — the target that applies (the plan's own, or interpolated
 * between its milestones), the value computed from the records (with what it stands on and a link to
 * it) or entered with its source, the assessment and how far along — the rows of the plan's own
 * tables, and forms for the officers to enter a value or a baseline with its source, to edit the
 * plan's header, to add an indicator and to set an indicator's targets year by year.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { NumberField, SelectField, TextField } from '../components/fields.tsx';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { AddIndicatorForm, EditPlanForm, TargetsForm } from './plan-forms.tsx';
import { comparatorSign, Fact, mayEditPlan, ProgressBar, StatusBadge, targetKindKey, thisYear, useFigure, useLocalName, useUnit } from './shared.tsx';
import type { Indicator, IndicatorProgress, PlanDetail } from './types.ts';

export function PlanDetailPage({ id }: { id: string }) {
  const t = useT();
  const params = useSearchParams();
  const navigate = useNavigate();
  const name = useLocalName();
  const { user } = useSession();
  const requested = Number(params.get('year'));
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear();
  const plan = useApi<PlanDetail>(withQuery(`/plans/${encodeURIComponent(id)}`, { year }));
  const p = plan.data;
  // An officer of the plan's own unit (or the admin) may enter figures; the server decides.
  const mayEdit = mayEditPlan(user, p);
  const [editing, setEditing] = useState<'plan' | 'indicator' | null>(null);
  const years = p ? Array.from({ length: Math.max(p.periodEndYear, thisYear()) - p.periodStartYear + 1 }, (_, i) => String(p.periodStartYear + i)) : [String(year)];

  if (plan.status === 'error' && !p) return <ApiErrorMessage error={plan.error} onRetry={plan.reload} />;
  if (!p) return <Loading />;
  const scopeQuery = { province: p.provinceCode, commune: p.communeCode, year };
  return (
    <div className="plan-detail">
      <nav className="breadcrumbs" aria-label={t('plans.breadcrumbs')}>
        <Link to="/plans">{t('plans.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{name(p)}</h1>
        <p className="lead">{p.communeName ? `${p.communeName}, ${p.provinceName}` : p.provinceName}</p>
        <dl className="meta meta--inline">
          <Fact label={t('plans.issuingBody')}>{p.issuingBody}</Fact>
          <Fact label={t('plans.legalBasis')}>{p.legalBasis ?? '—'}</Fact>
          <Fact label={t('plans.decisionNumber')}>{p.decisionNumber ?? t('plans.decisionBlank')}</Fact>
          <Fact label={t('plans.period')}>{p.periodStartYear}–{p.periodEndYear}</Fact>
          <Fact label={t('plans.reportDue')}>{t('plans.reportDueEachYear', { day: String(p.reportDueDay).padStart(2, '0'), month: String(p.reportDueMonth).padStart(2, '0') })}</Fact>
        </dl>
        {p.sourceDocument ? <p className="muted small">{t('plans.source')}: {p.sourceDocument}</p> : null}
        {mayEdit ? (
          <div className="page-actions">
            <button type="button" className="button button--secondary" aria-expanded={editing === 'plan'} onClick={() => setEditing(editing === 'plan' ? null : 'plan')}>{t('planForm.editButton')}</button>
            <button type="button" className="button button--secondary" aria-expanded={editing === 'indicator'} onClick={() => setEditing(editing === 'indicator' ? null : 'indicator')}>{t('indicatorForm.button')}</button>
          </div>
        ) : null}
      </header>
      {editing === 'plan' ? <EditPlanForm plan={p} onSaved={() => { setEditing(null); plan.reload(); }} onCancel={() => setEditing(null)} /> : null}
      {editing === 'indicator' ? <AddIndicatorForm plan={p} onSaved={() => { setEditing(null); plan.reload(); }} onCancel={() => setEditing(null)} /> : null}

      <div className="toolbar" role="group" aria-label={t('plans.viewOptions')}>
        <SelectField id="plan-year" label={t('plans.year')} value={String(year)} options={years} optionLabel={(y) => y} onValueChange={(y) => navigate(withQuery(`/plans/${encodeURIComponent(id)}`, { year: y }), { replace: true, scroll: false })} />
        <div className="toolbar__links">
          <Link to={withQuery('/dashboards', scopeQuery)} className="button button--secondary">{t('plans.openDashboard')}</Link>
          <Link to={withQuery('/reports', { plan: p.id, year })} className="button button--secondary">{t('plans.openReports')}</Link>
          <Link to={withQuery('/programme', { plan: p.id })} className="button button--secondary">
            {t('plans.openProgramme')}
            {p.overdueTaskCount > 0 ? <span className="badge badge--overdue"> {t('plans.overdueCount', { n: p.overdueTaskCount })}</span> : null}
          </Link>
        </div>
      </div>
      {p.pendingSeasons > 0 ? <p className="alert alert--info" role="status">{t('plans.pending', { n: p.pendingSeasons })}</p> : null}
      {plan.status === 'loading' ? <Loading /> : null}

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('plans.indicatorsFor', { year: String(year) })}</h2>
        {p.indicators.length === 0 ? <p>{mayEdit ? t('indicatorForm.noneYetEditor') : t('indicatorForm.noneYet')}</p> : (
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards indicator-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.indicator')}</th>
                <th scope="col" className="num">{t('plans.targetFor', { year: String(year) })}</th>
                <th scope="col" className="num">{t('plans.actual')}</th>
                <th scope="col">{t('plans.assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((ind) => (
                <IndicatorRow key={ind.id} plan={p} indicator={ind} year={year} mayEdit={mayEdit} onChanged={plan.reload} />
              ))}
            </tbody>
          </table>
        </TableScroll>
        )}
      </section>
    </div>
  );
}

function IndicatorRow({ plan, indicator, year, mayEdit, onChanged }: { plan: PlanDetail; indicator: Indicator; year: number; mayEdit: boolean; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const figure = useFigure();
  const unit = useUnit();
  const [form, setForm] = useState<'value' | 'baseline' | 'targets' | null>(null);
  const p = indicator.progress[0]!;
  const rows = indicator.progress.slice(1);
  const needsBaseline = p.computed?.missing?.includes('baseline') ?? false;
  const name = lang === 'vi' ? indicator.nameVi : indicator.nameEn;
  const note = lang === 'vi' ? indicator.noteVi : indicator.noteEn;
  return (
    <>
      <tr className={`indicator indicator--${p.status}`}>
        <th scope="row" data-label={t('plans.indicator')}>
          <div>
          <span className="indicator__name">{name}</span>
          <span className="indicator__code">
            {indicator.code} · {indicator.section ?? ''} · {unit(indicator.unit)}
          </span>
          {note ? <span className="indicator__note">{note}</span> : null}
          <details className="indicator__source">
            <summary>{t('plans.citation')}</summary>
            <p>{indicator.source}</p>
            {indicator.baselineValue !== null ? (
              <p>
                {t('plans.baseline')}: {figure(indicator.baselineValue, indicator.baselineUnit ?? indicator.unit)}
                {indicator.baselineYear ? ` (${indicator.baselineYear})` : ''} — {indicator.baselineSource}
              </p>
            ) : null}
          </details>
          </div>
        </th>
        <td data-label={t('plans.targetFor', { year: String(year) })} className="num">
          <div><TargetCell progress={p} unit={indicator.unit} /></div>
        </td>
        <td data-label={t('plans.actual')} className="num">
          <div><ActualCell progress={p} unit={indicator.unit} /></div>
        </td>
        <td data-label={t('plans.assessment')}>
          <div>
          <StatusBadge status={p.status} />
          <ProgressBar pct={p.progressPct} status={p.status} label={t('plans.progress')} />
          {mayEdit ? (
            <div className="indicator__actions">
              {indicator.computation === 'entered' || p.actualKind !== 'computed' ? (
                <button type="button" className="button button--small button--secondary" aria-expanded={form === 'value'} onClick={() => setForm(form === 'value' ? null : 'value')}>
                  {t('plans.enterValue')}
                </button>
              ) : null}
              {needsBaseline ? (
                <button type="button" className="button button--small button--secondary" aria-expanded={form === 'baseline'} onClick={() => setForm(form === 'baseline' ? null : 'baseline')}>
                  {t('plans.enterBaseline')}
                </button>
              ) : null}
              <button type="button" className="button button--small button--secondary" aria-expanded={form === 'targets'} aria-label={t('targetForm.buttonFor', { name })} onClick={() => setForm(form === 'targets' ? null : 'targets')}>
                {t('targetForm.button')}
              </button>
            </div>
          ) : null}
          </div>
        </td>
      </tr>
      {form ? (
        <tr className="indicator-form-row">
          <td colSpan={4}>
            {form === 'targets' ? (
              <TargetsForm plan={plan} indicator={indicator} onSaved={() => { setForm(null); onChanged(); }} onCancel={() => setForm(null)} />
            ) : (
              <IndicatorForm kind={form} indicator={indicator} year={year} onDone={() => { setForm(null); onChanged(); }} onCancel={() => setForm(null)} />
            )}
          </td>
        </tr>
      ) : null}
      {rows.length ? (
        <tr className="indicator-breakdown-row">
          <td colSpan={4}>
            <details>
              <summary>{t('plans.byBreakdown', { label: (lang === 'vi' ? indicator.breakdownLabelVi : indicator.breakdownLabelEn) ?? t('plans.breakdown'), n: rows.length })}</summary>
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{(lang === 'vi' ? indicator.breakdownLabelVi : indicator.breakdownLabelEn) ?? t('plans.breakdown')}</th>
                    <th scope="col" className="num">{t('plans.targetFor', { year: String(year) })}</th>
                    <th scope="col" className="num">{t('plans.actual')}</th>
                    <th scope="col">{t('plans.assessment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.breakdown}>
                      <th scope="row">{r.breakdown}</th>
                      <td className="num">{r.target ? figure(r.target.value, indicator.unit) : '—'}</td>
                      <td className="num">
                        {figure(r.actual, indicator.unit)}
                        {r.entered ? <span className="figure-source">{r.entered.year} · {r.entered.source}</span> : null}
                      </td>
                      <td><StatusBadge status={r.status} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function TargetCell({ progress, unit }: { progress: IndicatorProgress; unit: string }) {
  const t = useT();
  const figure = useFigure();
  const target = progress.target;
  if (!target) return <span className="muted">{t('plans.noTargetShort')}</span>;
  return (
    <>
      <span className="figure">{comparatorSign(target.comparator)} {figure(target.value, unit)}</span>
      <span className="figure-source">
        {target.asWritten ? `“${target.asWritten}” · ` : ''}
        {t(targetKindKey(target.kind))}
        {target.towards && target.kind !== 'explicit' ? ` (${target.towards.year})` : ''}
      </span>
    </>
  );
}

function ActualCell({ progress, unit }: { progress: IndicatorProgress; unit: string }) {
  const t = useT();
  const fmt = useFormat();
  const figure = useFigure();
  const c = progress.computed;
  // The quantities behind a computed figure, in the reader's words.
  const measureText = (m: { value: number; unit: string }) => {
    const n = fmt.number(m.value, { fixed: m.unit === 'plots' || m.unit === 'attendances' ? 0 : 1 });
    const unitKey = ({ 'applications/season': 'plans.measure.sprays', plots: 'plans.measure.plots', attendances: 'plans.measure.attendances', 'ha recorded': 'plans.measure.haRecorded', 't CO2e': 'plans.measure.tCo2e', 't DM': 'plans.measure.tDm' } as const)[m.unit];
    return `${n} ${unitKey ? t(unitKey) : m.unit}`;
  };
  return (
    <>
      <span className="figure">{figure(progress.actual, unit)}</span>
      {progress.actualKind === 'computed' && c ? (
        <span className="figure-source">
          {c.basis.seasons > 0
            ? t('plans.fromSeasons', { n: c.basis.seasons, ha: fmt.number(c.basis.areaHa, { fixed: 1 }) })
            : t('plans.fromRecords', { n: c.basis.records })}{' '}
          · <Link to={c.dashboardPath}>{t('plans.seeRecords')}</Link>
        </span>
      ) : null}
      {progress.actualKind === 'entered' && progress.entered ? (
        <span className="figure-source">
          {t('plans.enteredFrom', { source: progress.entered.source })}
          {progress.entered.enteredByName ? ` · ${progress.entered.enteredByName}, ${fmt.date(progress.entered.enteredAt)}` : ` · ${t('plans.fromPlanDocument')}`}
        </span>
      ) : null}
      {progress.actual === null && c?.missing ? (
        <span className="figure-source">
          {c.missing.includes('baseline') ? t('plans.needsBaseline') : t('plans.noRecords')}
          {c.measure ? ` ${t('plans.measureNow', { value: measureText(c.measure) })}` : ''}
        </span>
      ) : null}
      {progress.actual === null && !c ? <span className="figure-source">{t('plans.enteredOnly')}</span> : null}
    </>
  );
}

function IndicatorForm({ kind, indicator, year, onDone, onCancel }: { kind: 'value' | 'baseline'; indicator: Indicator; year: number; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const prefix = `ind-${indicator.id}-${kind}`;
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [baselineYear, setBaselineYear] = useState('');
  const [unit, setUnit] = useState(indicator.computation.includes('chemical_n') ? 'kg N/ha' : indicator.computation.includes('pesticide') ? 'applications/season' : indicator.computation.includes('base_year') ? 't CO2e' : indicator.unit);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const number = fmt.parse(value);
    const found: Record<string, string> = {};
    if (number === undefined || Number.isNaN(number)) found.value = t('plans.valueInvalid');
    if (source.trim().length < 3) found.source = t('plans.sourceMissing');
    const yearNumber = baselineYear ? Number(baselineYear) : null;
    if (kind === 'baseline' && baselineYear && !(Number.isInteger(yearNumber) && yearNumber! >= 1990 && yearNumber! <= 2100)) found.baselineYear = t('plans.yearInvalid');
    if (Object.keys(found).length) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      if (kind === 'value') await apiRequest(`/indicators/${encodeURIComponent(indicator.id)}/values`, { method: 'POST', json: { year, value: number, source: source.trim() } });
      else await apiRequest(`/indicators/${encodeURIComponent(indicator.id)}/baseline`, { method: 'PUT', json: { baselineYear: yearNumber, baselineValue: number, baselineUnit: unit, baselineSource: source.trim() } });
      onDone();
    } catch (err) {
      const error = asApiError(err);
      const next: Record<string, string> = {};
      for (const f of ['value', 'source', 'baselineValue', 'baselineSource', 'baselineYear']) {
        const m = error.errorFor(f);
        if (m) next[f.replace('baselineValue', 'value').replace('baselineSource', 'source')] = m;
      }
      if (!Object.keys(next).length) next.form = apiErrorText(error, t, 'write');
      setErrors(next);
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h3>{kind === 'value' ? t('plans.enterValueFor', { year: String(year) }) : t('plans.enterBaseline')}</h3>
      {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
      <div className="field-row">
        <NumberField id={`${prefix}-value`} label={kind === 'value' ? t('plans.valueWithUnit', { unit: indicator.unit }) : t('plans.baselineValue')} value={value} onValueChange={setValue} error={errors.value} required />
        {kind === 'baseline' ? (
          <>
            <TextField id={`${prefix}-unit`} label={t('plans.baselineUnit')} value={unit} onValueChange={setUnit} />
            <TextField id={`${prefix}-year`} label={t('plans.baselineYear')} value={baselineYear} onValueChange={setBaselineYear} inputMode="numeric" error={errors.baselineYear} />
          </>
        ) : null}
      </div>
      <TextField id={`${prefix}-source`} label={t('plans.valueSource')} hint={t('plans.valueSourceHint')} value={source} onValueChange={setSource} error={errors.source} required />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('plans.save')}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('plans.cancel')}</button>
      </div>
    </form>
  );
}
