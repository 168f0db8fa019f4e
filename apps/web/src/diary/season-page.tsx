/**
 * A season's diary: the header (plot, crop, season), "Ghi hoạt động", compliance flags, the timeline
 * (newest first, each record with its sync state; conflicts and refusals resolved in place, photos),
 * and the derived facts with the records they came from.
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiErrorMessage, Loading } from '../components/feedback.tsx';
import { useFormat, useLang, useT, type MessageKey } from '../i18n/index.tsx';
import { getEngine } from '../offline/engine.ts';
import { Link, useNavigate, useSearchParams } from '../router/index.tsx';
import { cropName, useCatalogues } from './catalogues.ts';
import { summarise, type Words } from './describe.ts';
import { FactsPanel, showActivity } from './facts-panel.tsx';
import { flagLabel, seasonNameLabel, seasonStatusLabel, typeLabel } from './labels.ts';
import { useSeason, type SeasonView } from './season-data.ts';
import { ActivityConflict, ConfirmButton, RefusalText, SeasonConflict, SyncBadgeView, SyncBar } from './sync-ui.tsx';
import type { TimelineEntry } from './timeline.ts';
import type { ComplianceFlag } from './types.ts';
import { API_BASE } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { DIARY_WRITERS } from './diary-home-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';

export function seasonTitle(t: Words['t'], s: Pick<SeasonView, 'seasonName' | 'year'>) {
  return `${seasonNameLabel(t, s.seasonName)} ${s.year}`;
}

export function SeasonHeader({ season }: { season: SeasonView }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  return (
    <header className="page-header season-header">
      <p className="breadcrumb">
        <Link to={`/diary/plots/${encodeURIComponent(season.plotId)}`}>← {season.plotCode ? t('diary.plotSeasons', { code: season.plotCode }) : t('diary.back')}</Link>
      </p>
      <h1>
        {season.plotCode ? `${season.plotCode} · ` : ''}
        {seasonTitle(t, season)}
      </h1>
      <p className="lead">
        {season.crop ? cropName(season.crop, lang) : season.cropCode}
        {season.variety ? ` ${season.variety}` : ''}
        {season.areaHa !== null ? ` · ${t('diary.areaHa', { ha: fmt.number(season.areaHa, { max: 2 }) })}` : ''}
        {season.plannedStartOn ? ` · ${t('diary.startsOn', { date: fmt.date(season.plannedStartOn) })}` : ''}
      </p>
      <p className="season-header__status">
        {season.queued ? <SyncBadgeView badge={season.queued} /> : season.status ? <span className="badge">{seasonStatusLabel(t, season.status)}</span> : null}
      </p>
    </header>
  );
}

/** The required records of a season (apps/server/src/modules/diary/compliance.ts, vn-standards.md §1.2 and VietGAP). */
const RECORD_KEYS = new Set([
  'crop', 'variety', 'area', 'standard', 'expected_output', 'expected_harvest_time', 'expected_market', 'actual_output', 'seed_record', 'fertiliser_records', 'pesticide_phi_respected', 'harvest_record',
]);

/** A compliance flag in the person's language, from its data; the server's English sentence when the data is not enough. */
function FlagText({ flag, words }: { flag: ComplianceFlag; words: Words }) {
  const { t, fmt } = words;
  const d = flag.data;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  let text: string | null = null;
  if (flag.kind === 'phi_violation' && str('harvestedOn') && str('sprayedOn') && str('earliestHarvestOn') && num('phiDays') !== null) {
    text = t('diary.flagText.phi', {
      harvest: fmt.date(str('harvestedOn')!), days: num('daysShort') ?? 0, product: str('productName') ?? '', sprayed: fmt.date(str('sprayedOn')!), phi: num('phiDays')!,
      from: fmt.date(str('earliestHarvestOn')!),
    });
  } else if (flag.kind === 'photo_far' && num('distanceToPlotM') !== null) {
    text = t('diary.flagText.far', { m: fmt.number(num('distanceToPlotM')!, { max: 0 }) });
  } else if (flag.kind === 'photo_stale' && str('capturedAt')) {
    text = t('diary.flagText.stale', { at: fmt.dateTime(str('capturedAt')!) });
  } else if (flag.kind === 'photo_unlocated') {
    text = t('diary.flagText.unlocated');
  } else if (flag.kind === 'missing_records' && Array.isArray(d.missing)) {
    const keys = (d.missing as Array<{ key?: unknown }>).map((m) => (typeof m.key === 'string' && RECORD_KEYS.has(m.key) ? t(`diary.record.${m.key}` as MessageKey) : null));
    if (keys.length && keys.every((k) => k !== null)) text = t('diary.flagText.missing', { list: keys.join(', ') });
  }
  if (text) return <span className="flags__detail"> — {text}</span>;
  return (
    <span className="flags__detail" lang="en">
      {' '}
      — {flag.detail}
    </span>
  );
}

function Entry({ entry, seasonId, words, highlight, canEdit }: { entry: TimelineEntry; seasonId: string; words: Words; highlight: boolean; canEdit: boolean }) {
  const { t, fmt } = words;
  const engine = getEngine();
  const editTo = `/diary/seasons/${encodeURIComponent(seasonId)}/activities/${encodeURIComponent(entry.key)}`;
  const domId = `activity-${entry.server?.id ?? entry.key}`;
  const stuckPhotos = entry.queuedPhotos.filter((p) => p.state === 'rejected');
  return (
    <li id={domId} tabIndex={-1} className={`entry entry--${entry.sync} ${entry.deleting ? 'entry--deleting' : ''} ${highlight ? 'entry--highlight' : ''}`} data-type={entry.type} data-sync={entry.sync}>
      <div className="entry__head">
        <span className="entry__type">{typeLabel(t, entry.type)}</span>
        <time dateTime={entry.occurredOn}>{fmt.date(entry.occurredOn)}</time>
      </div>
      <p className="entry__summary">{summarise(words, entry.type, entry.details) || '—'}</p>
      {typeof entry.details.notes === 'string' && entry.details.notes ? <p className="entry__notes">{entry.details.notes}</p> : null}
      <div className="entry__meta">
        <SyncBadgeView badge={entry.sync} />
        {entry.deleting ? <span className="badge badge--revoked">{t('diary.deleting')}</span> : null}
        {entry.recordedOnBehalf ? <span className="badge">{t('diary.onBehalf')}</span> : null}
        {entry.photos.length + entry.queuedPhotos.length > 0 ? <span className="badge">{t('diary.photos', { n: entry.photos.length + entry.queuedPhotos.length })}</span> : null}
        {entry.photos.some((p) => p.flags.length > 0) ? <span className="badge badge--suspended">{t('diary.photoFlagged')}</span> : null}
      </div>
      {entry.photos.length ? (
        <div className="entry__photos">
          {entry.photos.map((p) => (
            <a key={p.id} href={`${API_BASE}/photos/${encodeURIComponent(p.id)}`} target="_blank" rel="noreferrer">
              <img src={`${API_BASE}/photos/${encodeURIComponent(p.id)}`} alt={t('diary.photo.alt', { at: fmt.dateTime(p.capturedAt) })} loading="lazy" width="72" height="72" />
            </a>
          ))}
        </div>
      ) : null}
      {entry.sync === 'conflict' && entry.item ? <ActivityConflict item={entry.item} words={words} type={entry.type} /> : null}
      {entry.sync === 'rejected' && entry.item ? (
        <div className="entry__refusal">
          <RefusalText item={entry.item} words={words} type={entry.type} />
          <div className="form-actions">
            {entry.item.kind === 'createActivity' || entry.item.kind === 'updateActivity' ? (
              <Link to={editTo} className="button button--primary">
                {t('diary.fixAndResend')}
              </Link>
            ) : null}
            <ConfirmButton label={t('diary.discardEntry')} confirmLabel={t('offline.discardConfirm')} question={t('diary.discardQuestion')} onConfirm={() => void engine.discard(entry.item!.clientId)} />
          </div>
        </div>
      ) : null}
      {stuckPhotos.map((p) => (
        <div className="entry__refusal" key={p.clientId}>
          <RefusalText item={p} words={words} type={null} />
          <ConfirmButton label={t('diary.discardPhoto')} confirmLabel={t('offline.discardConfirm')} question={t('diary.discardQuestion')} onConfirm={() => void engine.discard(p.clientId)} />
        </div>
      ))}
      {canEdit && entry.sync !== 'conflict' && !entry.deleting ? (
        <p className="entry__actions">
          <Link to={editTo} className="button button--secondary" aria-label={t('diary.editEntry', { what: `${typeLabel(t, entry.type)} ${fmt.date(entry.occurredOn)}` })}>
            {t('diary.edit')}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

export function SeasonPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const params = useSearchParams();
  const navigate = useNavigate();
  const catalogues = useCatalogues();
  const { season, detail, timeline, loading, stale, savedAt, error, reload, redirecting } = useSeason(id);
  const words = useMemo<Words>(() => ({ t, fmt, lang, fertilisers: catalogues.fertilisers, pesticides: catalogues.pesticides }), [t, fmt, lang, catalogues.fertilisers, catalogues.pesticides]);
  // "Saved" comes from the form as ?saved=<key>: shown with that record highlighted, not again on a reload.
  const { user } = useSession();
  // Officers and verifiers read diaries; only the roles with diary:write record (the server decides).
  const writer = user ? DIARY_WRITERS.has(user.role) : false;
  const [saved, setSaved] = useState(() => params.get('saved'));
  useEffect(() => {
    if (params.has('saved')) navigate(`/diary/seasons/${encodeURIComponent(id)}`, { replace: true, scroll: false });
  }, [params, id, navigate]);
  // The confirmation is for the moment of saving; what happens to the entry later shows on the entry.
  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(() => setSaved(null), 10_000);
    return () => window.clearTimeout(timer);
  }, [saved]);

  if (redirecting) return <Loading />;
  if (!season) {
    if (error?.status === 404 || error?.status === 403) return <NotFoundPage title="diary.seasonNotFound" body="diary.seasonNotFoundBody" back={{ to: '/diary', label: 'diary.back' }} />;
    if (error && !loading) return <ApiErrorMessage error={error} onRetry={reload}>{t('diary.offlineNotSaved')}</ApiErrorMessage>;
    return <Loading />;
  }
  const savedMatch = saved ? timeline.find((e) => e.key === saved || e.item?.clientId === saved || e.server?.clientId === saved) : undefined;
  const savedEntry = savedMatch && (savedMatch.sync === 'synced' || savedMatch.sync === 'pending') ? savedMatch : undefined;
  const pendingCount = timeline.filter((e) => e.sync !== 'synced').length;
  const canWrite = season.status !== 'closed' && writer;

  return (
    <article className="diary season-page">
      <SeasonHeader season={season} />
      <SyncBar staleSince={stale ? savedAt : null} />
      {season.queueItem?.state === 'conflict' ? <SeasonConflict item={season.queueItem} /> : null}
      {season.queueItem?.state === 'rejected' ? (
        <div className="alert alert--error">
          <RefusalText item={season.queueItem} words={words} type={null} />
          <ConfirmButton label={t('offline.discardSeason')} confirmLabel={t('offline.discardConfirm')} question={t('offline.discardSeasonQuestion', { n: timeline.length })} onConfirm={() => void getEngine().discard(season.id).then(() => navigate(`/diary/plots/${encodeURIComponent(season.plotId)}`))} />
        </div>
      ) : null}
      {savedEntry ? (
        <p className="alert alert--success" role="status">
          {savedEntry.sync === 'synced' ? t('diary.savedSynced', { what: typeLabel(t, savedEntry.type) }) : t('diary.savedQueued', { what: typeLabel(t, savedEntry.type) })}
        </p>
      ) : null}
      {canWrite ? (
        <p className="season-page__add">
          <Link to={`/diary/seasons/${encodeURIComponent(season.id)}/new`} className="button button--primary button--large button--block">
            + {t('diary.addActivity')}
          </Link>
        </p>
      ) : season.status === 'closed' ? (
        <p className="alert alert--warning">{t('diary.closed')}</p>
      ) : null}
      {detail?.complianceFlags.length ? (
        <section aria-labelledby="flags-heading" className="flags">
          <h2 id="flags-heading">{t('diary.flags.title')}</h2>
          <ul>
            {detail.complianceFlags.map((f) => (
              <li key={f.id} className="alert alert--warning" data-flag={f.kind}>
                <strong>{flagLabel(t, f.kind)}</strong>
                <FlagText flag={f} words={words} />
                {f.activityId && timeline.some((e) => e.server?.id === f.activityId) ? (
                  <a href={`#activity-${f.activityId}`} onClick={(e) => showActivity(e, f.activityId!)} className="flags__link">
                    {t('diary.flags.show')}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading">
        <div className="section-head">
          <h2 id="timeline-heading">{t('diary.timeline', { n: timeline.length })}</h2>
        </div>
        {timeline.length === 0 ? <p>{t('diary.noEntries')}</p> : <p className="field__hint">{t('diary.newestFirst')}</p>}
        <ol className="timeline" aria-labelledby="timeline-heading">
          {timeline.map((e) => (
            <Entry key={e.key} entry={e} seasonId={season.id} words={words} highlight={e === savedEntry} canEdit={canWrite} />
          ))}
        </ol>
      </section>
      {detail && !season.queued ? <FactsPanel facts={detail.facts} pendingCount={pendingCount} shown={new Set(timeline.flatMap((e) => (e.server ? [e.server.id] : [])))} /> : <p className="alert alert--warning">{t('diary.facts.afterSync')}</p>}
    </article>
  );
}
