/**
 * The plans of the officer's province or commune (the admin sees all): the plans of ../shared/seeds/
 * loaded as data, with their period, report deadline, indicators and overdue tasks.
 */
import { useState } from 'react';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading } from '../components/feedback.tsx';
import { useT } from '../i18n/index.tsx';
import { Link, useNavigate } from '../router/index.tsx';
import { CreatePlanForm } from './plan-forms.tsx';
import { useLocalName } from './shared.tsx';
import type { PlanList } from './types.ts';

export function PlansPage() {
  const t = useT();
  const name = useLocalName();
  const list = useApi<PlanList>('/plans');
  const { user } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <div className="plans">
      <header className="page-header page-header--actions">
        <div>
          <h1>{t('plans.title')}</h1>
          <p className="lead">{t('plans.intro')}</p>
        </div>
        <div className="page-actions">
          {can(user?.role, 'plans:edit') ? (
            <button type="button" className="button button--primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>{t('planForm.createButton')}</button>
          ) : null}
          <Link to="/dashboards" className="button button--secondary">{t('dash.title')}</Link>
          <Link to="/reports" className="button button--secondary">{t('reports.title')}</Link>
        </div>
      </header>
      {creating ? <CreatePlanForm onCreated={(id) => navigate(`/plans/${encodeURIComponent(id)}`)} onCancel={() => setCreating(false)} /> : null}
      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('plans.none')}</p>
        ) : (
          <ul className="plan-list">
            {list.data.items.map((p) => (
              <li key={p.id} className="card plan-card">
                <h2 className="plan-card__title">
                  <Link to={`/plans/${encodeURIComponent(p.id)}`}>{name(p)}</Link>
                </h2>
                <p className="plan-card__unit">
                  {p.communeName ? `${p.communeName}, ${p.provinceName}` : p.provinceName} · {p.issuingBody}
                </p>
                <dl className="meta meta--inline">
                  <div>
                    <dt>{t('plans.legalBasis')}</dt>
                    <dd>{p.legalBasis ?? '—'}</dd>
                  </div>
                  <div>
                    <dt>{t('plans.period')}</dt>
                    <dd>{p.periodStartYear}–{p.periodEndYear}</dd>
                  </div>
                  <div>
                    <dt>{t('plans.reportDue')}</dt>
                    <dd>{t('plans.reportDueEachYear', { day: String(p.reportDueDay).padStart(2, '0'), month: String(p.reportDueMonth).padStart(2, '0') })}</dd>
                  </div>
                  <div>
                    <dt>{t('plans.indicators')}</dt>
                    <dd>{p.indicatorCount}</dd>
                  </div>
                  <div>
                    <dt>{t('plans.tasks')}</dt>
                    <dd>
                      {p.taskCount}
                      {p.overdueTaskCount > 0 ? <span className="badge badge--overdue"> {t('plans.overdueCount', { n: p.overdueTaskCount })}</span> : null}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
