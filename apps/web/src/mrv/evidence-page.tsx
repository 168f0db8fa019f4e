/**
 * The verifier's evidence pack for one sampled plot-season: the derived facts the run used, the run's
 * numbers, the water-level readings, every diary record with its photos (position and distance from
 * the plot), and the form for the field-check finding.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { SelectField, TextAreaField } from '../components/fields.tsx';
import { useFormat, useT, type MessageKey, type Translate } from '../i18n/index.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { Link } from '../router/index.tsx';
import { ActionError, MrvTabs, useAction } from './common.tsx';
import { OUTCOME_KEYS } from './submission-page.tsx';
import type { EvidencePack, FindingOutcome, SubmissionDetail } from './types.ts';

type Activity = EvidencePack['activities'][number];

export const ACTIVITY_KEYS: Record<Activity['type'], MessageKey> = {
  land_preparation: 'mrv.activity.land_preparation', sowing: 'mrv.activity.sowing', fertiliser: 'mrv.activity.fertiliser', pesticide: 'mrv.activity.pesticide',
  irrigation: 'mrv.activity.irrigation', drainage: 'mrv.activity.drainage', water_level: 'mrv.activity.water_level', straw: 'mrv.activity.straw',
  mechanised_operation: 'mrv.activity.mechanised_operation', harvest: 'mrv.activity.harvest', post_harvest_loss: 'mrv.activity.post_harvest_loss',
};

const WATER_KEYS: Record<string, MessageKey> = {
  continuously_flooded: 'mrv.water.continuously_flooded', single_drainage: 'mrv.water.single_drainage', multiple_drainage: 'mrv.water.multiple_drainage', unknown: 'mrv.water.unknown',
};

/** One line of what a record says, in the reader's numbers. */
function summary(a: Activity, t: Translate, n: (v: number, max?: number) => string): string {
  switch (a.type) {
    case 'water_level':
      return `${n(a.details.levelCm, 1)} cm`;
    case 'fertiliser':
      return `${a.details.productCode ?? a.details.customProduct?.name ?? ''} ${n(a.details.amount)} ${a.details.amountUnit === 'kg_per_ha' ? 'kg/ha' : 'kg'}`;
    case 'sowing':
      return a.details.seedRateKgPerHa !== undefined ? `${n(a.details.seedRateKgPerHa)} kg/ha` : '';
    case 'harvest':
      return a.details.yieldKgPerHa !== undefined ? `${n(a.details.yieldKgPerHa)} kg/ha` : '';
    case 'straw':
      return t('mrv.evidence.straw', { incorporated: n(a.details.incorporatedFraction * 100, 0), burnt: n(a.details.burntFraction * 100, 0), removed: n(a.details.removedFraction * 100, 0) });
    case 'irrigation':
      return a.details.waterDepthCm !== undefined ? `${n(a.details.waterDepthCm, 1)} cm` : '';
    case 'post_harvest_loss':
      return a.details.lossPct !== undefined ? `${n(a.details.lossPct, 1)} %` : '';
    default:
      return '';
  }
}

export function EvidencePage({ submissionId, seasonId }: { submissionId: string; seasonId: string }) {
  const t = useT();
  const fmt = useFormat();
  const pack = useApi<EvidencePack>(`/submissions/${encodeURIComponent(submissionId)}/evidence/${encodeURIComponent(seasonId)}`);
  const submission = useApi<SubmissionDetail>(`/submissions/${encodeURIComponent(submissionId)}`);
  const data = pack.data;
  if (pack.status === 'error' && pack.error.status === 404) return <NotFoundPage title="mrv.submission.notFound" body="mrv.submission.notFoundBody" back={{ to: '/mrv', label: 'mrv.back' }} />;
  if (pack.status === 'error' && !data) return <ApiErrorMessage error={pack.error} onRetry={pack.reload} />;
  if (!data) return <Loading />;

  const n = (v: number, max = 2) => fmt.number(v, { max });
  const facts = data.facts.facts;
  const readings = data.activities.filter((a) => a.type === 'water_level');
  const photos = data.activities.flatMap((a) => a.photos.map((p) => ({ ...p, activityType: a.type })));
  const item = submission.data?.items.find((i) => i.seasonId === seasonId);
  const mayRecord = Boolean(submission.data?.allowedActions.includes('record_finding') && item?.sampled);
  const run = data.run;

  return (
    <article className="mrv evidence">
      <MrvTabs />
      <p className="breadcrumb">
        <Link to={`/mrv/submissions/${encodeURIComponent(submissionId)}`}>← {submission.data?.title ?? t('mrv.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('mrv.evidence.title', { plot: data.season.plotCode })}</h1>
        <p className="lead">
          {data.season.plotName} · {data.season.variety ?? ''} · {fmt.number(data.season.areaHa, { fixed: 2 })} ha
        </p>
      </header>

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('mrv.evidence.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('mrv.evidence.waterRegime')}</dt>
            <dd>{t(WATER_KEYS[facts.waterRegime.value ?? 'unknown'] ?? 'mrv.water.unknown')}{facts.waterRegime.awd ? ' (AWD)' : ''}</dd>
          </div>
          <div>
            <dt>{t('mrv.evidence.cultivationDays')}</dt>
            <dd>{facts.cultivationDays.value === null ? '—' : fmt.number(facts.cultivationDays.value)}</dd>
          </div>
          <div>
            <dt>{t('mrv.evidence.nitrogen')}</dt>
            <dd>{facts.nTotalKgPerHa.value === null ? '—' : `${n(facts.nTotalKgPerHa.value, 1)} kg N/ha`}</dd>
          </div>
          <div>
            <dt>{t('mrv.evidence.strawIncorporated')}</dt>
            <dd>{facts.strawIncorporatedTPerHa.value === null ? '—' : `${n(facts.strawIncorporatedTPerHa.value, 2)} t/ha`}</dd>
          </div>
          <div>
            <dt>{t('mrv.evidence.yield')}</dt>
            <dd>{facts.yieldKgPerHa.value === null ? '—' : `${fmt.number(facts.yieldKgPerHa.value)} kg/ha`}</dd>
          </div>
          <div>
            <dt>{t('mrv.evidence.readings')}</dt>
            <dd>{fmt.number(readings.length)}</dd>
          </div>
        </dl>
        {data.facts.missing.length ? (
          <ul className="mrv-missing">
            {data.facts.missing.map((m) => (
              <li key={m.fact}>
                <code>{m.fact}</code>: {m.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {run ? (
        <section aria-labelledby="run-heading">
          <h2 id="run-heading">{t('mrv.evidence.run')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('mrv.items.baseline')}</dt>
              <dd>{run.baselineCo2eT === null ? '—' : fmt.number(run.baselineCo2eT, { fixed: 2 })}</dd>
            </div>
            <div>
              <dt>{t('mrv.items.project')}</dt>
              <dd>{fmt.number(run.co2eTotalT, { fixed: 2 })}</dd>
            </div>
            <div>
              <dt>{t('mrv.items.netEr')}</dt>
              <dd>{run.netErTCo2e === null ? '—' : fmt.number(run.netErTCo2e, { fixed: 2 })}</dd>
            </div>
          </dl>
          <p>
            <Link to={`/mrv/seasons/${encodeURIComponent(seasonId)}`}>{t('mrv.evidence.runDetails')}</Link>
          </p>
        </section>
      ) : null}

      {mayRecord ? <FindingForm submissionId={submissionId} seasonId={seasonId} current={item?.finding?.outcome ?? null} onSaved={submission.reload} /> : item?.finding ? (
        <p>
          <strong>{t('mrv.evidence.finding')}</strong> {t(OUTCOME_KEYS[item.finding.outcome])} — {item.finding.note}
        </p>
      ) : null}

      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t('mrv.evidence.photos', { n: String(photos.length) })}</h2>
        {photos.length === 0 ? <p>{t('mrv.evidence.noPhotos')}</p> : (
          <ul className="mrv-photos">
            {photos.map((p) => (
              <li key={p.id}>
                <img src={p.url} alt={t('mrv.evidence.photoAlt', { type: t(ACTIVITY_KEYS[p.activityType]), at: fmt.dateTime(p.capturedAt) })} loading="lazy" width="160" height="120" />
                <span>
                  {p.lat !== null && p.lon !== null ? `${n(p.lat, 5)}, ${n(p.lon, 5)}` : t('mrv.evidence.noPosition')}
                  {p.distanceToPlotM !== null ? ` · ${t('mrv.evidence.distance', { m: n(p.distanceToPlotM, 0) })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="diary-heading">
        <h2 id="diary-heading">{t('mrv.evidence.diary', { n: String(data.activities.length) })}</h2>
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('mrv.evidence.date')}</th>
                <th scope="col">{t('mrv.evidence.type')}</th>
                <th scope="col">{t('mrv.evidence.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {data.activities.map((a) => (
                <tr key={a.id}>
                  <th scope="row" data-label={t('mrv.evidence.date')}>{fmt.date(a.occurredOn)}</th>
                  <td data-label={t('mrv.evidence.type')}>{t(ACTIVITY_KEYS[a.type])}</td>
                  <td data-label={t('mrv.evidence.detail')}>{summary(a, t, n) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </article>
  );
}

const OUTCOMES: FindingOutcome[] = ['conforms', 'minor_discrepancy', 'major_discrepancy'];

function FindingForm({ submissionId, seasonId, current, onSaved }: { submissionId: string; seasonId: string; current: FindingOutcome | null; onSaved: () => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<FindingOutcome>(current ?? 'conforms');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction<SubmissionDetail>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('mrv.finding.noteMissing'));
      return;
    }
    setError(null);
    const ok = await action.run('finding', `/submissions/${encodeURIComponent(submissionId)}/findings`, { seasonId, outcome, note: note.trim() });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <section aria-labelledby="finding-heading" className="card">
      <h2 id="finding-heading">{t('mrv.finding.title')}</h2>
      <form onSubmit={submit} noValidate>
        <SelectField id="finding-outcome" label={t('mrv.finding.outcome')} value={outcome} options={OUTCOMES} optionLabel={(o) => t(OUTCOME_KEYS[o])} onValueChange={setOutcome} />
        <TextAreaField id="finding-note" label={t('mrv.finding.note')} value={note} onValueChange={setNote} error={error ?? action.error?.errorFor('note')} rows={3} hint={t('mrv.finding.noteHint')} />
        <ActionError error={action.error} />
        {saved ? (
          <p role="status" className="alert alert--success">
            {t('mrv.finding.saved')} <Link to={`/mrv/submissions/${encodeURIComponent(submissionId)}`}>{t('mrv.finding.backToSubmission')}</Link>
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={action.busy !== null}>
          {t('mrv.finding.save')}
        </button>
      </form>
    </section>
  );
}
