/**
 * Recalculating a commune or a province in the background (province officers): start it, and watch
 * its progress; the new numbers appear together when it finishes.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { useSearchParams, useNavigate, withQuery } from '../router/index.tsx';
import { ActionError, MrvTabs, useAction } from './common.tsx';
import type { RecalculationResponse } from './types.ts';

type Source = 'diary' | 'snapshots';

export function RecalculationsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const params = useSearchParams();
  const navigate = useNavigate();
  const jobId = params.get('job');
  const [code, setCode] = useState(user?.adminUnitCode ?? '');
  const [source, setSource] = useState<Source>('diary');
  const [job, setJob] = useState<RecalculationResponse | null>(null);
  const action = useAction<RecalculationResponse>();
  const mayStart = user?.role === 'province_officer' || user?.role === 'admin';

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await apiRequest<RecalculationResponse>(`/mrv/recalculations/${encodeURIComponent(jobId)}`);
        if (stopped) return;
        setJob(next);
        if (next.status === 'queued' || next.status === 'running') setTimeout(poll, 1000);
      } catch {
        if (!stopped) setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = code.trim();
    const body = trimmed.length === 2 ? { provinceCode: trimmed, source } : { communeCode: trimmed, source };
    const started = await action.run('start', '/mrv/recalculations', body);
    if (started) navigate(withQuery('/mrv/recalculations', { job: started.id }));
  };

  return (
    <div className="mrv">
      <MrvTabs />
      <header className="page-header">
        <h1>{t('mrv.recalc.title')}</h1>
        <p className="lead">{t('mrv.recalc.lead')}</p>
      </header>
      {mayStart ? (
        <form onSubmit={start} noValidate className="mrv-form">
          <TextField id="recalc-unit" label={t('mrv.recalc.unit')} hint={t('mrv.recalc.unitHint')} value={code} onValueChange={setCode} inputMode="numeric" error={action.error?.errorFor('provinceCode') ?? action.error?.errorFor('communeCode')} />
          <SelectField id="recalc-source" label={t('mrv.recalc.source')} value={source} options={['diary', 'snapshots'] as const} optionLabel={(s) => t(s === 'diary' ? 'mrv.recalc.sourceDiary' : 'mrv.recalc.sourceSnapshots')} onValueChange={setSource} />
          <ActionError error={action.error} />
          <button type="submit" className="button button--primary" disabled={action.busy !== null}>
            {t('mrv.recalc.start')}
          </button>
        </form>
      ) : (
        <p>{t('mrv.recalc.onlyProvince')}</p>
      )}
      {job ? (
        <section aria-labelledby="job-heading" className="card">
          <h2 id="job-heading">{t('mrv.recalc.job', { unit: job.scopeCode })}</h2>
          <progress max={100} value={job.percent} aria-label={t('mrv.recalc.progress')} className="mrv-progress" />
          <p role="status">
            {t(`mrv.recalc.status.${job.status}`)} · {t('mrv.recalc.counts', { processed: fmt.number(job.processed), total: fmt.number(job.total ?? 0), percent: fmt.number(job.percent, { max: 1 }) })}
          </p>
          <p>{t('mrv.recalc.result', { computed: fmt.number(job.computed), skipped: fmt.number(job.skipped) })}</p>
          {job.error ? <p className="field__error">{job.error}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
