/**
 * What the person sees of the offline queue: a badge per record ("Chờ đồng bộ", "Đã đồng bộ",
 * "Xung đột", "Bị từ chối"), the sync bar with "Đồng bộ ngay", the side-by-side comparison of a
 * conflict with its two choices, and a refusal with its reason. Nothing is dropped without the
 * person pressing a button that says so.
 */
import { useState, type ReactNode } from 'react';
import { useFormat, useT } from '../i18n/index.tsx';
import { differences, diffVersions } from '../offline/conflict-diff.ts';
import { getEngine, useQueue, useSyncStatus } from '../offline/engine.ts';
import { summarise as summariseQueue, versionOf, type QueueItem } from '../offline/queue.ts';
import { Link } from '../router/index.tsx';
import { describeValue, inFormOrder, pathLabel, type Words } from './describe.ts';
import { seasonNameLabel } from './labels.ts';
import type { SyncBadge } from './timeline.ts';
import type { Activity, ActivityType, Season } from './types.ts';

const BADGE_ICON: Record<SyncBadge, string> = { synced: '✓', pending: '↻', conflict: '⚠', rejected: '✕' };

export function SyncBadgeView({ badge }: { badge: SyncBadge }) {
  const t = useT();
  return (
    <span className={`sync-badge sync-badge--${badge}`} data-sync={badge}>
      <span aria-hidden="true">{BADGE_ICON[badge]} </span>
      {t(`offline.badge.${badge}`)}
    </span>
  );
}

/**
 * Online or not, what waits, and the button to send it now. `staleSince`: the page shows the copy
 * saved on the phone at that time because the server could not be reached.
 */
export function SyncBar({ staleSince = null }: { staleSince?: string | null }) {
  const t = useT();
  const fmt = useFormat();
  const status = useSyncStatus();
  const items = useQueue();
  const counts = summariseQueue(items);
  const offline = !status.online || status.problem === 'offline';
  return (
    <div className={`sync-bar ${offline ? 'sync-bar--offline' : ''}`} role="status" aria-live="polite" data-testid="sync-bar">
      <p className="sync-bar__state">
        <strong>{offline ? t('offline.offline') : t('offline.online')}</strong>
        {counts.waiting > 0 ? <> · {t('offline.waiting', { n: counts.waiting })}</> : counts.total === 0 ? <> · {t('offline.allSynced')}</> : null}
        {counts.conflicts > 0 ? <> · <span className="sync-bar__alert">{t('offline.conflicts', { n: counts.conflicts })}</span></> : null}
        {counts.rejected > 0 ? <> · <span className="sync-bar__alert">{t('offline.rejectedCount', { n: counts.rejected })}</span></> : null}
      </p>
      {status.problem === 'signedOut' ? <p className="sync-bar__note">{t('offline.signedOut')}</p> : null}
      {status.problem === 'server' ? <p className="sync-bar__note">{t('offline.serverProblem')}</p> : null}
      {offline && counts.waiting > 0 ? <p className="sync-bar__note">{t('offline.savedOnPhone')}</p> : null}
      {staleSince ? <p className="sync-bar__note">{t('offline.showingSaved', { at: fmt.dateTime(staleSince) })}</p> : null}
      <div className="sync-bar__actions">
        <button type="button" className="button button--secondary" onClick={() => void getEngine().flush()} disabled={status.syncing || counts.waiting === 0}>
          {status.syncing ? t('offline.syncing') : t('offline.syncNow')}
        </button>
        {counts.total > 0 ? <Link to="/diary/sync">{t('offline.openQueue')}</Link> : null}
        {status.lastSyncedAt ? <span className="sync-bar__time">{t('offline.lastSynced', { at: fmt.dateTime(status.lastSyncedAt) })}</span> : null}
      </div>
    </div>
  );
}

/** A button that asks once more before doing something that cannot be undone. */
export function ConfirmButton({ label, confirmLabel, question, onConfirm, className = 'button button--secondary' }: { label: string; confirmLabel: string; question: string; onConfirm: () => void; className?: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button type="button" className="button button--warning" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
        {t('offline.cancel')}
      </button>
    </span>
  );
}

/** The server's reason for a refusal, with each field error; a banned pesticide says so first. */
export function RefusalText({ item, words, type }: { item: QueueItem; words: Words; type: ActivityType | null }) {
  const { t } = words;
  const error = item.error;
  if (!error) return null;
  const banned = type === 'pesticide' && error.code === 'rule_violated' && (error.errors ?? []).some((e) => /activeIngredients|productName/.test(e.path));
  // A banned product's field errors repeat the detail (ingredient and legal basis), in either language.
  const fieldErrors = (error.errors ?? []).filter((e) => !banned || !/^(Active ingredient|Hoạt chất)/.test(e.message));
  return (
    <div className="refusal">
      <p>
        <strong>{banned ? t('offline.refusedBanned') : t('offline.refused')}</strong>
      </p>
      {/* The server words it in the language the phone asked for when it synced (Accept-Language). */}
      <p className="refusal__detail" data-testid="refusal-detail">
        {error.detail}
      </p>
      {fieldErrors.length ? (
        <ul>
          {fieldErrors.map((e) => (
            <li key={e.path}>
              {type ? pathLabel(words, type, e.path.replace(/^payload\.(details\.)?/, '').replace(/^details\./, '')) : e.path}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The two versions of an activity side by side, and the person's choice. */
export function ActivityConflict({ item, words, type, children }: { item: QueueItem; words: Words; type: ActivityType; children?: ReactNode }) {
  const { t, fmt } = words;
  const server = item.current as Activity | undefined;
  const engine = getEngine();
  if (!server || !versionOf(server)) return null;
  const deleting = item.kind === 'deleteActivity';
  const mine = deleting ? { occurredOn: server.occurredOn, details: server.details as Record<string, unknown> } : (item.payload as { occurredOn?: string; details?: Record<string, unknown> });
  const rows = inFormOrder(type, diffVersions(mine, { occurredOn: server.occurredOn, details: server.details as Record<string, unknown> }));
  const changed = differences(rows).length;
  return (
    <section className="conflict" aria-label={t('offline.conflictTitle')} data-testid="conflict">
      <h3 className="conflict__title">⚠ {t('offline.conflictTitle')}</h3>
      <p>
        {deleting ? t('offline.conflictDeleted') : t('offline.conflictChanged', { n: changed })}{' '}
        {server.updatedAt ? t('offline.serverChangedAt', { at: fmt.dateTime(server.updatedAt), version: server.version }) : null}
      </p>
      {deleting ? null : (
        <dl className="conflict__rows">
          {rows.map((row) => (
            <div key={row.path} className={row.same ? 'conflict__row' : 'conflict__row conflict__row--diff'} data-testid={row.same ? undefined : 'conflict-diff'}>
              <dt>
                {pathLabel(words, type, row.path)}
                {row.same ? null : <span className="conflict__differs"> · {t('offline.differs')}</span>}
              </dt>
              <dd>
                <span className="conflict__who">{t('offline.mine')}:</span> <span data-side="mine">{describeValue(words, type, row.path, row.mine, mine.details ?? (server.details as Record<string, unknown>))}</span>
              </dd>
              <dd>
                <span className="conflict__who">{t('offline.server')}:</span> <span data-side="server">{describeValue(words, type, row.path, row.server, server.details as Record<string, unknown>)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {children}
      <div className="conflict__actions">
        <button type="button" className="button button--primary" onClick={() => void engine.keepMine(item.clientId)}>
          {deleting ? t('offline.keepMineDelete') : t('offline.keepMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void engine.useServer(item.clientId)}>
          {t('offline.useServer')}
        </button>
      </div>
    </section>
  );
}

/** A season created on the phone that the server already has (same plot, name and year). */
export function SeasonConflict({ item }: { item: QueueItem }) {
  const t = useT();
  const fmt = useFormat();
  const server = item.current as Season | undefined;
  const engine = getEngine();
  const dependants = useQueue().filter((i) => i.seasonRef === item.clientId).length;
  return (
    <section className="conflict" aria-label={t('offline.conflictTitle')} data-testid="conflict">
      <h3 className="conflict__title">⚠ {t('offline.seasonConflictTitle')}</h3>
      {server ? (
        <p>{t('offline.seasonConflict', { plot: server.plotCode, season: `${seasonNameLabel(t, server.seasonName)} ${server.year}`, at: fmt.dateTime(server.createdAt) })}</p>
      ) : (
        <p>{item.error?.detail}</p>
      )}
      <div className="conflict__actions">
        {server ? (
          <button type="button" className="button button--primary" onClick={() => void engine.useServer(item.clientId)}>
            {t('offline.useServerSeason', { n: dependants })}
          </button>
        ) : null}
        <ConfirmButton
          label={t('offline.discardSeason')}
          confirmLabel={t('offline.discardConfirm')}
          question={t('offline.discardSeasonQuestion', { n: dependants })}
          onConfirm={() => void engine.discard(item.clientId)}
        />
      </div>
    </section>
  );
}
