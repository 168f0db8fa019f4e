/**
 * One submission: its plot-seasons with their pinned runs, and the step each role takes — the
 * cooperative submits (or opens a correction of verified data), the commune or province officer
 * reviews or returns with reasons, the verifier draws the field-check sample, reads each sampled
 * plot's evidence, records findings and verifies or rejects, the province issues the credits. The
 * buttons shown are the server's `allowedActions`; the server checks again.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { TextAreaField } from '../components/fields.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { ActionError, MrvTabs, STATE_KEYS, StateBadge, useAction } from './common.tsx';
import type { FindingOutcome, IssuanceResponse, SubmissionDetail } from './types.ts';

export const OUTCOME_KEYS: Record<FindingOutcome, MessageKey> = {
  conforms: 'mrv.finding.conforms',
  minor_discrepancy: 'mrv.finding.minor',
  major_discrepancy: 'mrv.finding.major',
};

const EVENT_KEYS: Record<string, MessageKey> = {
  create: 'mrv.event.create', submit: 'mrv.event.submit', review: 'mrv.event.review', verify: 'mrv.event.verify', return: 'mrv.event.return', correct: 'mrv.event.correct',
};

export function SubmissionPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const resource = useApi<SubmissionDetail>(`/submissions/${encodeURIComponent(id)}`);
  const action = useAction<SubmissionDetail>();
  const issue = useAction<IssuanceResponse>();
  const [issued, setIssued] = useState<IssuanceResponse | null>(null);
  // A correction opens another page (the new revision): it says what happened there.
  const [done, setDone] = useState<MessageKey | null>(useSearchParams().get('done') === 'corrected' ? 'mrv.done.corrected' : null);
  const s = resource.data;

  if (resource.status === 'error' && resource.error.status === 404) return <NotFoundPage title="mrv.submission.notFound" body="mrv.submission.notFoundBody" back={{ to: '/mrv', label: 'mrv.back' }} />;
  if (resource.status === 'error' && !s) return <ApiErrorMessage error={resource.error} onRetry={resource.reload} />;
  if (!s) return <Loading />;

  const allowed = new Set(s.allowedActions);
  const act = async (name: string, path: string, message: MessageKey, json?: unknown) => {
    const next = await action.run(name, `/submissions/${encodeURIComponent(s.id)}/${path}`, json);
    if (!next) return;
    setDone(message);
    if (next.id !== s.id) navigate(withQuery(`/mrv/submissions/${encodeURIComponent(next.id)}`, { done: 'corrected' }));
    else resource.reload();
  };
  const sampledCount = s.items.filter((i) => i.sampled).length;
  const findingsCount = s.items.filter((i) => i.sampled && i.finding).length;

  return (
    <article className="mrv submission">
      <MrvTabs />
      <p className="breadcrumb">
        <Link to="/mrv">← {t('mrv.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{s.title}</h1>
        <p className="lead">
          <StateBadge state={s.state} /> {t('mrv.submission.revision', { n: String(s.revision) })} · {s.organisationName} · {fmt.date(s.periodStart)} – {fmt.date(s.periodEnd)}
        </p>
      </header>

      {done ? (
        <div className="alert alert--success" role="status">
          <p>{t(done)}</p>
        </div>
      ) : null}
      {s.supersededBy ? (
        <div className="alert alert--warning">
          <p>
            {t('mrv.submission.superseded')} <Link to={`/mrv/submissions/${encodeURIComponent(s.supersededBy)}`}>{t('mrv.submission.openLatest')}</Link>
          </p>
        </div>
      ) : s.locked ? (
        <div className="alert alert--warning">
          <p>{s.state === 'verified' ? t('mrv.submission.lockedVerified') : t('mrv.submission.lockedReview')}</p>
        </div>
      ) : null}
      {s.state === 'returned' && s.returnReason ? (
        <div className="alert alert--error">
          <p>
            <strong>{t('mrv.submission.returnedBecause')}</strong> {s.returnReason}
          </p>
        </div>
      ) : null}
      {s.correctionReason ? (
        <p>
          <strong>{t('mrv.submission.correctionReason')}</strong> {s.correctionReason}
        </p>
      ) : null}

      <dl className="facts">
        <div>
          <dt>{t('mrv.submission.plots')}</dt>
          <dd>{fmt.number(s.plotCount)}</dd>
        </div>
        <div>
          <dt>{t('mrv.submission.area')}</dt>
          <dd>{fmt.number(s.areaHa, { fixed: 2 })} ha</dd>
        </div>
        <div>
          <dt>{t('mrv.submission.reduction')}</dt>
          <dd>{fmt.number(s.reductionTCo2e, { fixed: 2 })} t CO₂e</dd>
        </div>
        <div>
          <dt>{t('mrv.submission.netErShort')}</dt>
          <dd>{fmt.number(s.netErTCo2e, { fixed: 2 })} t CO₂e</dd>
        </div>
        <div>
          <dt>{t('mrv.submission.project')}</dt>
          <dd>{s.projectCode ?? t('mrv.submission.noProject')}</dd>
        </div>
        <div>
          <dt>{t('mrv.submission.credits')}</dt>
          <dd>{s.creditsIssued ? t('mrv.submission.creditsIssued') : t('mrv.submission.creditsNone')}</dd>
        </div>
      </dl>

      {s.allowedActions.length > 0 ? (
        <section aria-labelledby="actions-heading" className="card mrv-actions">
          <h2 id="actions-heading">{t('mrv.actions.title')}</h2>
          {allowed.has('submit') ? (
            <p>
              <button type="button" className="button button--primary" disabled={action.busy !== null} onClick={() => act('submit', 'submit', 'mrv.done.submitted')}>
                {action.busy === 'submit' ? t('mrv.actions.submitting') : t('mrv.actions.submit')}
              </button>
              <span className="field__hint"> {t('mrv.actions.submitHint')}</span>
            </p>
          ) : null}
          {allowed.has('review') ? (
            <p>
              <button type="button" className="button button--primary" disabled={action.busy !== null} onClick={() => act('review', 'review', 'mrv.done.reviewed')}>
                {t('mrv.actions.review')}
              </button>
            </p>
          ) : null}
          {allowed.has('sample') ? (
            <p>
              <button type="button" className="button button--primary" disabled={action.busy !== null} onClick={() => act('sample', 'sample', 'mrv.done.sampled')}>
                {t('mrv.actions.sample')}
              </button>
              <span className="field__hint"> {t('mrv.actions.sampleHint')}</span>
            </p>
          ) : null}
          {allowed.has('verify') && s.sample ? (
            <p>
              <button type="button" className="button button--primary" disabled={action.busy !== null || findingsCount < sampledCount} onClick={() => act('verify', 'verify', 'mrv.done.verified')}>
                {t('mrv.actions.verify')}
              </button>
              <span className="field__hint"> {t('mrv.actions.verifyHint', { done: String(findingsCount), total: String(sampledCount) })}</span>
            </p>
          ) : null}
          {allowed.has('issue_credits') ? (
            <p>
              <button
                type="button"
                className="button button--primary"
                disabled={issue.busy !== null}
                onClick={async () => {
                  const result = await issue.run('issue', '/credits/issuances', { submissionId: s.id });
                  if (result) {
                    setIssued(result);
                    resource.reload();
                  }
                }}
              >
                {t('mrv.actions.issue')}
              </button>
            </p>
          ) : null}
          {allowed.has('return') ? <ReasonForm id="return" label={s.state === 'reviewed' ? 'mrv.actions.reject' : 'mrv.actions.return'} reasonLabel="mrv.actions.returnReason" busy={action.busy !== null} onSubmit={(reason) => act('return', 'return', 'mrv.done.returned', { reason })} /> : null}
          {allowed.has('correct') ? <ReasonForm id="correct" label="mrv.actions.correct" reasonLabel="mrv.actions.correctReason" busy={action.busy !== null} onSubmit={(reason) => act('correct', 'corrections', 'mrv.done.corrected', { reason })} /> : null}
          <ActionError error={action.error ?? issue.error} />
        </section>
      ) : null}
      {issued ? (
        <div className="alert alert--success" role="status">
          <p>
            {t('mrv.done.issued', { n: fmt.number(issued.quantity), range: issued.serialRange })} <Link to="/mrv/credits">{t('mrv.tab.credits')}</Link>
          </p>
        </div>
      ) : null}

      {s.sample ? (
        <section aria-labelledby="sample-heading">
          <h2 id="sample-heading">{t('mrv.sample.title')}</h2>
          <p>
            {t('mrv.sample.summary', { size: String(s.sample.size), population: String(s.sample.population), seed: String(s.sample.seed) })} {t('mrv.sample.drawn', { at: fmt.dateTime(s.sample.drawnAt) })}
          </p>
          <p className="field__hint">{t('mrv.sample.rule')}</p>
        </section>
      ) : null}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('mrv.items.title')}</h2>
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('mrv.items.plot')}</th>
                <th scope="col" className="num">{t('mrv.items.area')}</th>
                <th scope="col" className="num">{t('mrv.items.baseline')}</th>
                <th scope="col" className="num">{t('mrv.items.project')}</th>
                <th scope="col" className="num">{t('mrv.items.reduction')}</th>
                <th scope="col" className="num">{t('mrv.items.netEr')}</th>
                <th scope="col">{t('mrv.items.check')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((i) => (
                <tr key={i.seasonId} className={i.sampled ? 'mrv-sampled' : undefined}>
                  <th scope="row" data-label={t('mrv.items.plot')}>
                    <Link to={`/mrv/seasons/${encodeURIComponent(i.seasonId)}`}>{i.plotCode}</Link>
                  </th>
                  <td data-label={t('mrv.items.area')} className="num">{fmt.number(i.areaHa, { fixed: 2 })}</td>
                  <td data-label={t('mrv.items.baseline')} className="num">{i.baselineCo2eT === null ? '—' : fmt.number(i.baselineCo2eT, { fixed: 2 })}</td>
                  <td data-label={t('mrv.items.project')} className="num">{i.co2eTotalT === null ? '—' : fmt.number(i.co2eTotalT, { fixed: 2 })}</td>
                  <td data-label={t('mrv.items.reduction')} className="num">{i.reductionTCo2e === null ? '—' : fmt.number(i.reductionTCo2e, { fixed: 2 })}</td>
                  <td data-label={t('mrv.items.netEr')} className="num">{i.netErTCo2e === null ? '—' : fmt.number(i.netErTCo2e, { fixed: 2 })}</td>
                  <td data-label={t('mrv.items.check')}>
                    {i.sampled ? (
                      <span>
                        <Link to={`/mrv/submissions/${encodeURIComponent(s.id)}/evidence/${encodeURIComponent(i.seasonId)}`} aria-label={t('mrv.items.evidenceOf', { plot: i.plotCode })}>
                          {t('mrv.items.evidence')}
                        </Link>
                        {' · '}
                        {i.finding ? <span className={`badge badge--finding-${i.finding.outcome}`}>{t(OUTCOME_KEYS[i.finding.outcome])}</span> : <span className="badge badge--running">{t('mrv.items.findingOpen')}</span>}
                      </span>
                    ) : (
                      <span className="mrv-muted">{t('mrv.items.notSampled')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('mrv.history.title')}</h2>
        <ol className="history">
          {s.events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <strong>{t(EVENT_KEYS[e.action] ?? 'mrv.event.other')}</strong> → {t(STATE_KEYS[e.toState])} · {fmt.dateTime(e.at)} · {e.actorName}
              {e.reason ? <span> — {e.reason}</span> : null}
            </li>
          ))}
        </ol>
        {s.revisions.length > 1 ? (
          <>
            <h3>{t('mrv.history.revisions')}</h3>
            <ul>
              {s.revisions.map((r) => (
                <li key={r.id}>
                  {r.id === s.id ? <strong>{t('mrv.submission.revision', { n: String(r.revision) })}</strong> : <Link to={`/mrv/submissions/${encodeURIComponent(r.id)}`}>{t('mrv.submission.revision', { n: String(r.revision) })}</Link>} · {t(STATE_KEYS[r.state])}
                  {r.supersededBy ? ` · ${t('mrv.history.supersededShort')}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}

function ReasonForm({ id, label, reasonLabel, busy, onSubmit }: { id: string; label: MessageKey; reasonLabel: MessageKey; busy: boolean; onSubmit: (reason: string) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setError(t('mrv.actions.reasonMissing'));
      return;
    }
    setError(null);
    onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate className="mrv-reason">
      <TextAreaField id={`${id}-reason`} label={t(reasonLabel)} value={reason} onValueChange={setReason} error={error} rows={2} />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t(label)}
      </button>
    </form>
  );
}
