/**
 * Everything recorded on this phone that the server has not confirmed: conflicts first (each with
 * both versions and the two choices), then refusals (with the reason, to correct or drop), then
 * what simply waits for a connection.
 */
import { useMemo } from 'react';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { getEngine, useQueue } from '../offline/engine.ts';
import type { QueueItem } from '../offline/queue.ts';
import { Link } from '../router/index.tsx';
import { useCatalogues } from './catalogues.ts';
import { summarise, type Words } from './describe.ts';
import { seasonNameLabel, typeLabel } from './labels.ts';
import { badgeOf } from './timeline.ts';
import { ActivityConflict, ConfirmButton, RefusalText, SeasonConflict, SyncBadgeView, SyncBar } from './sync-ui.tsx';
import type { Activity, ActivityType, SeasonName } from './types.ts';

function typeOf(item: QueueItem): ActivityType | null {
  if (item.kind === 'createActivity' || item.kind === 'bulkActivity') return (item.payload as { type?: ActivityType }).type ?? null;
  const current = item.current as Partial<Activity> | undefined;
  return current?.type ?? null;
}

function Describe({ item, words }: { item: QueueItem; words: Words }) {
  const { t, fmt } = words;
  const p = item.payload as { type?: ActivityType; occurredOn?: string; details?: Record<string, unknown>; seasonName?: SeasonName; year?: number; seasonIds?: string[] };
  const type = typeOf(item);
  switch (item.kind) {
    case 'createSeason':
      return <>{t('offline.item.createSeason', { season: `${seasonNameLabel(t, p.seasonName ?? 'other')} ${p.year ?? ''}` })}</>;
    case 'createActivity':
      return (
        <>
          {type ? typeLabel(t, type) : ''} {p.occurredOn ? fmt.date(p.occurredOn) : ''}
          {type && p.details ? <span className="queue-item__summary"> · {summarise(words, type, p.details)}</span> : null}
        </>
      );
    case 'updateActivity':
      return <>{t('offline.item.update', { what: type ? typeLabel(t, type) : t('offline.item.entry'), date: p.occurredOn ? fmt.date(p.occurredOn) : '' })}</>;
    case 'deleteActivity':
      return <>{t('offline.item.delete', { what: type ? typeLabel(t, type) : t('offline.item.entry') })}</>;
    case 'bulkActivity':
      return <>{t('offline.item.bulk', { what: type ? typeLabel(t, type) : '', n: p.seasonIds?.length ?? 0, date: p.occurredOn ? fmt.date(p.occurredOn) : '' })}</>;
    case 'photo':
      return <>{t('offline.item.photo', { at: item.photo ? fmt.dateTime(item.photo.capturedAt) : '' })}</>;
  }
}

function QueueEntry({ item, words }: { item: QueueItem; words: Words }) {
  const { t, fmt } = words;
  const engine = getEngine();
  const type = typeOf(item);
  const seasonRef = item.kind === 'createSeason' ? item.clientId : item.seasonRef;
  return (
    <li className={`queue-item queue-item--${badgeOf(item)}`} data-kind={item.kind}>
      <p className="queue-item__what">
        <Describe item={item} words={words} />
      </p>
      <p className="queue-item__meta">
        <SyncBadgeView badge={badgeOf(item)} /> <span>{t('offline.recordedAt', { at: fmt.dateTime(item.recordedAt) })}</span>
        {item.attempts > 0 ? <span> · {t('offline.attempts', { n: item.attempts })}</span> : null}
        {seasonRef ? (
          <>
            {' '}
            · <Link to={`/diary/seasons/${encodeURIComponent(engine.resolve(seasonRef))}`}>{t('offline.openSeason')}</Link>
          </>
        ) : null}
      </p>
      {item.state === 'conflict' && item.kind === 'createSeason' ? <SeasonConflict item={item} /> : null}
      {item.state === 'conflict' && item.kind !== 'createSeason' && type ? <ActivityConflict item={item} words={words} type={type} /> : null}
      {item.state === 'conflict' && item.kind !== 'createSeason' && !type ? (
        <>
          <RefusalText item={item} words={words} type={null} />
          <ConfirmButton label={t('diary.discardEntry')} confirmLabel={t('offline.discardConfirm')} question={t('diary.discardQuestion')} onConfirm={() => void engine.discard(item.clientId)} />
        </>
      ) : null}
      {item.state === 'rejected' ? (
        <>
          <RefusalText item={item} words={words} type={type} />
          <ConfirmButton
            label={item.kind === 'createSeason' ? t('offline.discardSeason') : t('diary.discardEntry')}
            confirmLabel={t('offline.discardConfirm')}
            question={item.kind === 'createSeason' ? t('offline.discardSeasonQuestion', { n: engine.dependantsOf(item.clientId).length }) : t('diary.discardQuestion')}
            onConfirm={() => void engine.discard(item.clientId)}
          />
        </>
      ) : null}
    </li>
  );
}

export function SyncPage() {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const catalogues = useCatalogues();
  const items = useQueue();
  const words = useMemo<Words>(() => ({ t, fmt, lang, fertilisers: catalogues.fertilisers, pesticides: catalogues.pesticides }), [t, fmt, lang, catalogues.fertilisers, catalogues.pesticides]);
  const groups: Array<{ key: string; title: string; list: QueueItem[] }> = [
    { key: 'conflict', title: t('offline.group.conflicts'), list: items.filter((i) => i.state === 'conflict') },
    { key: 'rejected', title: t('offline.group.rejected'), list: items.filter((i) => i.state === 'rejected') },
    { key: 'pending', title: t('offline.group.waiting'), list: items.filter((i) => i.state === 'pending' || i.state === 'sending') },
  ];
  return (
    <article className="diary sync-page">
      <p className="breadcrumb">
        <Link to="/diary">← {t('diary.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('offline.queueTitle')}</h1>
        <p className="lead">{t('offline.queueLead')}</p>
      </header>
      <SyncBar />
      {items.length === 0 ? <p className="alert alert--success">{t('offline.nothingWaiting')}</p> : null}
      {groups.map((g) =>
        g.list.length ? (
          <section key={g.key} aria-labelledby={`queue-${g.key}`}>
            <h2 id={`queue-${g.key}`}>
              {g.title} ({g.list.length})
            </h2>
            <ol className="queue-list">
              {g.list.map((i) => (
                <QueueEntry key={i.clientId} item={i} words={words} />
              ))}
            </ol>
          </section>
        ) : null,
      )}
    </article>
  );
}
