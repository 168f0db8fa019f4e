/**
 * Yearly reports: those of the officer's unit (a province also sees its communes'), with their status,
 * deadline and overdue ones; a form to generate this year's report on a plan; the way to the
 * emission database and the inventory tables.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { ReportStatusBadge, thisYear, useLocalName } from '../plans/shared.tsx';
import type { PlanList, YearlyReportDetail, YearlyReportList } from '../plans/types.ts';

const PREPARERS = new Set(['commune_officer', 'province_officer', 'admin']);

export function ReportsPage() {
  const t = useT();
  const fmt = useFormat();
  const name = useLocalName();
  const params = useSearchParams();
  const { user } = useSession();
  const planFilter = params.get('plan') ?? '';
  const yearFilter = params.get('year') ?? '';
  const reports = useApi<YearlyReportList>(withQuery('/yearly-reports', { planId: planFilter || null, year: yearFilter || null }));
  const plans = useApi<PlanList>('/plans');
  return (
    <div className="reports">
      <header className="page-header page-header--actions">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="lead">{t('reports.intro')}</p>
        </div>
        <div className="page-actions">
          <Link to="/reports/emissions" className="button button--secondary">{t('reports.emissionsLink')}</Link>
        </div>
      </header>
      {user && PREPARERS.has(user.role) && plans.data ? <NewReport plans={plans.data} initialPlan={planFilter} /> : null}
      {reports.status === 'error' ? <ApiErrorMessage error={reports.error} onRetry={reports.reload} /> : null}
      {reports.status === 'loading' && !reports.data ? <Loading /> : null}
      {reports.data ? (
        <section aria-labelledby="reports-list">
          <h2 id="reports-list">{t('reports.listHeading', { n: reports.data.items.length })}</h2>
          {reports.data.items.length === 0 ? <p>{t('reports.none')}</p> : (
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.unit')}</th>
                    <th scope="col">{t('reports.plan')}</th>
                    <th scope="col">{t('reports.year')}</th>
                    <th scope="col">{t('reports.statusLabel')}</th>
                    <th scope="col">{t('reports.due')}</th>
                    <th scope="col">{t('reports.submitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.data.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" data-label={t('reports.unit')}>
                        <Link to={`/reports/${encodeURIComponent(r.id)}`}>{r.unitName}</Link>
                      </th>
                      <td data-label={t('reports.plan')}>{name({ nameVi: r.planNameVi, nameEn: r.planNameEn })}</td>
                      <td data-label={t('reports.year')}>{r.year}</td>
                      <td data-label={t('reports.statusLabel')}>
                        <ReportStatusBadge status={r.status} /> {t('reports.versionShort', { n: r.currentVersion })}
                      </td>
                      <td data-label={t('reports.due')}>
                        {fmt.date(r.dueOn)} {r.overdue ? <span className="badge badge--overdue">{t('reports.overdue')}</span> : null}
                      </td>
                      <td data-label={t('reports.submitted')}>{r.latestSubmittedAt ? `${fmt.date(r.latestSubmittedAt)} (${t('reports.versionShort', { n: r.latestSubmittedVersion ?? 0 })})` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ) : null}
    </div>
  );
}

function NewReport({ plans, initialPlan }: { plans: PlanList; initialPlan: string }) {
  const t = useT();
  const name = useLocalName();
  const navigate = useNavigate();
  const [planId, setPlanId] = useState(initialPlan && plans.items.some((p) => p.id === initialPlan) ? initialPlan : plans.items[0]?.id ?? '');
  const [year, setYear] = useState(String(thisYear()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!plans.items.length) return null;
  const plan = plans.items.find((p) => p.id === planId);
  const years = plan ? Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => String(plan.periodStartYear + i)) : [year];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await apiRequest<YearlyReportDetail>('/yearly-reports', { method: 'POST', json: { planId, year: Number(year) } });
      navigate(`/reports/${encodeURIComponent(created.id)}`);
    } catch (err) {
      const apiError = asApiError(err);
      // Already there: open it rather than leave the officer stuck on a refusal.
      const existing = apiError.status === 409 && typeof apiError.problem.id === 'string' ? apiError.problem.id : null;
      if (existing) navigate(`/reports/${encodeURIComponent(existing)}`);
      else {
        setError(apiErrorText(apiError, t, 'write'));
        setBusy(false);
      }
    }
  };

  return (
    <form className="card new-report" onSubmit={onSubmit} aria-busy={busy}>
      <h2>{t('reports.new')}</h2>
      <p className="muted">{t('reports.newHint')}</p>
      {error ? <p className="alert alert--error" role="alert">{error}</p> : null}
      <div className="field-row">
        <SelectField id="report-plan" label={t('reports.plan')} value={planId} options={plans.items.map((p) => p.id)} optionLabel={(id) => name(plans.items.find((p) => p.id === id)!)} onValueChange={setPlanId} />
        <SelectField id="report-year" label={t('reports.year')} value={years.includes(year) ? year : years.at(-1)!} options={years} optionLabel={(y) => y} onValueChange={setYear} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy || !planId}>{busy ? t('reports.generating') : t('reports.generate')}</button>
    </form>
  );
}
