/**
 * The runs of one plot-season: the current run's numbers with the factors they came from (baseline
 * against project, the crediting calculation), a button that recomputes the stored run from its input
 * snapshot and says whether the engine gives the same answer, a button that computes a new run from
 * the diary, and the earlier runs it superseded.
 */
import { useState } from 'react';
import type { CreditingResult, FactorUse, ScenarioResult } from '@dongxanh/methodology';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { Link } from '../router/index.tsx';
import { ActionError, MrvTabs, useAction } from './common.tsx';
import type { RecomputeResponse, RunResponse, SeasonRunsResponse } from './types.ts';

const MAY_COMPUTE = new Set(['coop_manager', 'coop_recorder', 'commune_officer', 'province_officer', 'admin']);

export function SeasonRunsPage({ seasonId }: { seasonId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const runs = useApi<SeasonRunsResponse>(`/seasons/${encodeURIComponent(seasonId)}/runs`);
  const recompute = useAction<RecomputeResponse>();
  const compute = useAction<RunResponse>();
  const [check, setCheck] = useState<RecomputeResponse | null>(null);
  const data = runs.data;
  if (runs.status === 'error' && runs.error.status === 404) return <NotFoundPage title="mrv.runs.notFound" body="mrv.runs.notFoundBody" back={{ to: '/mrv', label: 'mrv.back' }} />;
  if (runs.status === 'error' && !data) return <ApiErrorMessage error={runs.error} onRetry={runs.reload} />;
  if (!data) return <Loading />;
  const run = data.current;
  const crediting = run && (run.result as { kind?: string }).kind === 'crediting' ? (run.result as CreditingResult) : null;
  const scenario = run && !crediting ? (run.result as ScenarioResult) : null;
  const t2 = (v: number) => fmt.number(v, { fixed: 2 });

  return (
    <article className="mrv runs">
      <MrvTabs />
      <p className="breadcrumb">
        <Link to="/mrv">← {t('mrv.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('mrv.runs.title', { plot: run?.plotCode ?? '' })}</h1>
        <p className="lead">{t('mrv.runs.lead')}</p>
      </header>
      {MAY_COMPUTE.has(user?.role ?? '') ? (
        <p>
          <button type="button" className="button button--secondary" disabled={compute.busy !== null} onClick={async () => { if (await compute.run('compute', `/seasons/${encodeURIComponent(seasonId)}/runs`)) runs.reload(); }}>
            {compute.busy ? t('mrv.runs.computing') : t('mrv.runs.compute')}
          </button>
        </p>
      ) : null}
      <ActionError error={compute.error} />
      {!run ? <p>{t('mrv.runs.none')}</p> : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('mrv.runs.kind')}</dt>
              <dd>{run.kind === 'crediting' ? t('mrv.runs.kindCrediting', { project: run.projectCode ?? '' }) : t('mrv.runs.kindScenario')}</dd>
            </div>
            {run.baselineCo2eT !== null ? (
              <div>
                <dt>{t('mrv.items.baseline')}</dt>
                <dd>{t2(run.baselineCo2eT)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('mrv.items.project')}</dt>
              <dd>{t2(run.co2eTotalT)}</dd>
            </div>
            {run.reductionTCo2e !== null ? (
              <div>
                <dt>{t('mrv.items.reduction')}</dt>
                <dd>
                  {t2(run.reductionTCo2e)} ({t2(run.reductionTCo2ePerHa ?? 0)} t/ha)
                </dd>
              </div>
            ) : null}
            {run.netErTCo2e !== null ? (
              <div>
                <dt>{t('mrv.items.netEr')}</dt>
                <dd>{t2(run.netErTCo2e)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('mrv.runs.versions')}</dt>
              <dd>
                <code>{run.methodVersion}</code> · <code>{run.factorTableVersion}</code>
              </dd>
            </div>
            <div>
              <dt>{t('mrv.runs.inputHash')}</dt>
              <dd>
                <code title={run.inputHash}>{run.inputHash.slice(0, 16)}…</code>
              </dd>
            </div>
            <div>
              <dt>{t('mrv.runs.computedAt')}</dt>
              <dd>{fmt.dateTime(run.createdAt)}</dd>
            </div>
          </dl>

          <p>
            <button type="button" className="button button--primary" disabled={recompute.busy !== null} onClick={async () => setCheck(await recompute.run('recompute', `/mrv/runs/${encodeURIComponent(run.id)}/recompute`))}>
              {t('mrv.runs.recompute')}
            </button>
          </p>
          <ActionError error={recompute.error} />
          {check ? (
            <div className={`alert ${check.identical && check.inputHashMatches ? 'alert--success' : 'alert--error'}`} role="status">
              <p>{check.identical && check.inputHashMatches ? t('mrv.runs.identical', { value: t2(check.recomputedCo2eTotalT) }) : t('mrv.runs.different', { n: String(check.differences.length) })}</p>
            </div>
          ) : null}

          {crediting ? (
            <section aria-labelledby="crediting-heading">
              <h2 id="crediting-heading">{t('mrv.runs.crediting')}</h2>
              <dl className="facts facts--compact">
                <div><dt>ΔCH₄ {t('mrv.runs.soil')}</dt><dd>{t2(crediting.crediting.delta_ch4_soil_t_co2e)} t CO₂e</dd></div>
                <div><dt>ΔN₂O {t('mrv.runs.soil')}</dt><dd>{t2(crediting.crediting.delta_n2o_soil_t_co2e)} t CO₂e</dd></div>
                <div><dt>{t('mrv.runs.burning')}</dt><dd>{t2(crediting.crediting.delta_ch4_bb_t_co2e + crediting.crediting.delta_n2o_bb_t_co2e)} t CO₂e</dd></div>
                <div><dt>{t('mrv.runs.uncertainty', { pct: fmt.percent(crediting.crediting.uncertainty * 100, 0) })}</dt><dd>−{t2(crediting.crediting.uncertainty_deduction)} t CO₂e</dd></div>
                <div><dt>PE Red-Irri</dt><dd>−{t2(crediting.crediting.pe_red_irri_t_co2e)} t CO₂e</dd></div>
                <div><dt>{t('mrv.items.netEr')}</dt><dd>{t2(crediting.crediting.net_er_t_co2e)}</dd></div>
              </dl>
              <p className="field__hint">{crediting.crediting.methodology}</p>
              <FactorTable title={t('mrv.runs.baselineFactors')} factors={crediting.comparison.baseline.factors_used} />
              <FactorTable title={t('mrv.runs.projectFactors')} factors={crediting.comparison.project.factors_used} />
            </section>
          ) : scenario ? (
            <FactorTable title={t('mrv.runs.projectFactors')} factors={scenario.factors_used} />
          ) : null}
        </>
      )}

      {data.runs.length > 1 ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t('mrv.runs.earlier')}</h2>
          <ul className="history">
            {data.runs.filter((r) => !r.isCurrent).map((r) => (
              <li key={r.id}>
                {fmt.dateTime(r.createdAt)} · {t2(r.co2eTotalT)} t CO₂e · <code>{r.factorTableVersion}</code> · <code>{r.inputHash.slice(0, 10)}…</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function FactorTable({ title, factors }: { title: string; factors: FactorUse[] }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <>
      <h3>{title}</h3>
      <TableScroll label={t('common.tableScroll')}>
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">{t('mrv.runs.factor')}</th>
              <th scope="col" className="num">{t('mrv.runs.value')}</th>
              <th scope="col">{t('mrv.runs.source')}</th>
            </tr>
          </thead>
          <tbody>
            {factors.map((f) => (
              <tr key={f.id}>
                <th scope="row" data-label={t('mrv.runs.factor')}><code>{f.id}</code></th>
                <td data-label={t('mrv.runs.value')} className="num">{fmt.number(f.value, { max: 4 })}</td>
                <td data-label={t('mrv.runs.source')}>{f.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
