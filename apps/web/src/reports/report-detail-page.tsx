/**
 * One yearly report: status and deadline, what the officer may do now (regenerate, mark reviewed,
 * submit, return with a reason, open a new version), its versions (a submitted one is frozen), the
 * files of any version (XLSX, CSV, PDF; Vietnamese or English), the communes' reports for a province,
 * and the content itself.
 */
import { useState } from 'react';
import { API_BASE, apiRequest, asApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { TextAreaField } from '../components/fields.tsx';
import { useFormat, useLang, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useSearchParams, withQuery, useNavigate } from '../router/index.tsx';
import { Fact, ReportStatusBadge, useLocalName } from '../plans/shared.tsx';
import type { YearlyReportDetail } from '../plans/types.ts';
import { DocumentView } from './document-view.tsx';

type Action = YearlyReportDetail['actions'][number];
const ACTION_KEYS: Record<Action, MessageKey> = {
  regenerate: 'reports.action.regenerate',
  review: 'reports.action.review',
  submit: 'reports.action.submit',
  return: 'reports.action.return',
  reopen: 'reports.action.reopen',
};

export function ReportDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const name = useLocalName();
  const params = useSearchParams();
  const navigate = useNavigate();
  const versionParam = Number(params.get('version')) || null;
  const report = useApi<YearlyReportDetail>(withQuery(`/yearly-reports/${encodeURIComponent(id)}`, { version: versionParam }));
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Action | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const r = report.data;
  if (report.status === 'error' && !r) return <ApiErrorMessage error={report.error} onRetry={report.reload} />;
  if (!r) return <Loading />;

  const act = async (action: Action) => {
    if (action === 'return' && reason.trim().length < 5) {
      setMessage({ kind: 'error', text: t('reports.reasonMissing') });
      return;
    }
    setBusy(action);
    setMessage(null);
    try {
      const body = action === 'review' ? { note: note.trim() || undefined } : action === 'return' ? { reason: reason.trim() } : undefined;
      await apiRequest<YearlyReportDetail>(`/yearly-reports/${encodeURIComponent(r.id)}/${action}`, { method: 'POST', ...(body ? { json: body } : {}) });
      setMessage({ kind: 'success', text: t(`reports.done.${action}` as MessageKey) });
      setNote('');
      setReason('');
      if (versionParam) navigate(`/reports/${encodeURIComponent(r.id)}`, { replace: true });
      else report.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: apiErrorText(asApiError(err), t, 'write') });
    } finally {
      setBusy(null);
    }
  };

  const version = r.versions.find((v) => v.version === r.version)!;
  const file = (format: 'xlsx' | 'csv' | 'pdf', fileLang: 'vi' | 'en') => `${API_BASE}/yearly-reports/${encodeURIComponent(r.id)}/versions/${r.version}/export/${format}?lang=${fileLang}`;
  return (
    <div className="report-detail">
      <nav className="breadcrumbs" aria-label={t('plans.breadcrumbs')}>
        <Link to="/reports">{t('reports.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('reports.detailTitle', { unit: r.unitName, year: String(r.year) })}</h1>
        <p className="lead">{name({ nameVi: r.planNameVi, nameEn: r.planNameEn })}</p>
        <dl className="meta meta--inline">
          <Fact label={t('reports.statusLabel')}>
            <ReportStatusBadge status={r.status} />
          </Fact>
          <Fact label={t('reports.due')}>
            {fmt.date(r.dueOn)} {r.overdue ? <span className="badge badge--overdue">{t('reports.overdue')}</span> : null}
          </Fact>
          <Fact label={t('reports.currentVersion')}>{r.currentVersion}</Fact>
        </dl>
      </header>

      {message ? <p className={`alert alert--${message.kind === 'error' ? 'error' : 'success'}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}

      {r.actions.length ? (
        <section className="card report-actions" aria-labelledby="report-actions">
          <h2 id="report-actions">{t('reports.actions')}</h2>
          {r.actions.includes('review') ? <TextAreaField id="review-note" label={t('reports.reviewNote')} value={note} onValueChange={setNote} /> : null}
          {r.actions.includes('return') ? <TextAreaField id="return-reason" label={t('reports.returnReason')} hint={t('reports.returnReasonHint')} value={reason} onValueChange={setReason} /> : null}
          <div className="form-actions">
            {r.actions.map((a) => (
              <button key={a} type="button" className={`button ${a === 'submit' || a === 'review' ? 'button--primary' : 'button--secondary'}`} disabled={busy !== null} onClick={() => act(a)}>
                {busy === a ? t('reports.working') : t(ACTION_KEYS[a])}
              </button>
            ))}
          </div>
          {r.actions.includes('submit') ? <p className="muted small">{t('reports.submitHint')}</p> : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="report-files">
        <h2 id="report-files">{t('reports.files', { n: r.version })}</h2>
        {version.frozen ? <p className="muted small">{t('reports.frozen', { at: fmt.dateTime(version.submittedAt!) , by: version.submittedByName ?? '' })}</p> : <p className="muted small">{t('reports.draftFiles')}</p>}
        <ul className="download-list">
          {(['xlsx', 'pdf', 'csv'] as const).map((format) => (
            <li key={format}>
              <a className="button button--secondary" href={file(format, lang)} download>
                {t('reports.download', { format: format.toUpperCase() })}
              </a>
              <a className="download-alt" href={file(format, lang === 'vi' ? 'en' : 'vi')} download>
                {lang === 'vi' ? t('reports.inEnglish') : t('reports.inVietnamese')}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="report-versions">
        <h2 id="report-versions">{t('reports.versions')}</h2>
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('reports.version')}</th>
                <th scope="col">{t('reports.generated')}</th>
                <th scope="col">{t('reports.reviewed')}</th>
                <th scope="col">{t('reports.submitted')}</th>
                <th scope="col">{t('reports.returned')}</th>
              </tr>
            </thead>
            <tbody>
              {r.versions.map((v) => (
                <tr key={v.version} aria-current={v.version === r.version ? 'true' : undefined}>
                  <th scope="row" data-label={t('reports.version')}>
                    {v.version === r.version ? <strong>{v.version}</strong> : <Link to={withQuery(`/reports/${encodeURIComponent(r.id)}`, { version: v.version })}>{v.version}</Link>}
                    {v.frozen ? <span className="badge badge--frozen">{t('reports.frozenBadge')}</span> : null}
                  </th>
                  <td data-label={t('reports.generated')}>{fmt.dateTime(v.generatedAt)} · {v.generatedByName}</td>
                  <td data-label={t('reports.reviewed')}>{v.reviewedAt ? `${fmt.dateTime(v.reviewedAt)} · ${v.reviewedByName ?? ''}${v.reviewNote ? ` — ${v.reviewNote}` : ''}` : '—'}</td>
                  <td data-label={t('reports.submitted')}>{v.submittedAt ? `${fmt.dateTime(v.submittedAt)} · ${v.submittedByName ?? ''}` : '—'}</td>
                  <td data-label={t('reports.returned')}>{v.returnedAt ? `${fmt.dateTime(v.returnedAt)} — ${v.returnReason ?? ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {r.level === 'province' ? (
        <section aria-labelledby="report-communes">
          <h2 id="report-communes">{t('reports.communeReports')}</h2>
          {r.communeReports.length === 0 ? <p>{t('reports.noCommuneReports')}</p> : (
            <ul className="link-list">
              {r.communeReports.map((c) => (
                <li key={c.id}>
                  <Link to={`/reports/${encodeURIComponent(c.id)}`}>{c.unitName}</Link> <ReportStatusBadge status={c.status} />{' '}
                  {c.latestSubmittedAt ? t('reports.submittedOn', { date: fmt.date(c.latestSubmittedAt), n: c.latestSubmittedVersion ?? 0 }) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="report-content" className="report-content">
        <h2 id="report-content">{t('reports.content', { n: r.version })}</h2>
        <DocumentView doc={r.content} headingLevel={3} />
      </section>
    </div>
  );
}
