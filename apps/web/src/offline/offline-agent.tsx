/**
 * Started once by app.tsx: registers the service worker, runs the sync engine for the signed-in
 * person (their queue, flushes on start and when the connection returns), keeps the session check
 * and the catalogues saved for use with no signal, and — outside the diary pages, which have their
 * own sync bar — shows a small link when the phone is offline or entries wait.
 */
import { useEffect } from 'react';
import { useSession } from '../auth/session.tsx';
import { prefetchCatalogues } from '../diary/catalogues.ts';
import { isDiaryPath } from '../diary/diary-routes.tsx';
import { useT } from '../i18n/index.tsx';
import { Link, useLocation } from '../router/index.tsx';
import { getEngine, useQueue, useSyncStatus } from './engine.ts';
import { summarise } from './queue.ts';
import { registerServiceWorker, whenControlled } from './register-sw.ts';

export function OfflineAgent() {
  const t = useT();
  const { user } = useSession();
  const { pathname } = useLocation();
  const userId = user?.id ?? null;
  const status = useSyncStatus();
  const counts = summarise(useQueue());

  useEffect(() => registerServiceWorker(), []);

  useEffect(() => {
    if (!userId) return;
    const engine = getEngine();
    let stopped = false;
    void engine.start(userId);
    void prefetchCatalogues();
    // The session check (GET /auth/me) must be in the worker's cache for the app to open offline;
    // the first page load ran before the worker took over, so ask once more through it.
    void whenControlled().then(() => {
      if (!stopped && navigator.onLine) void fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => undefined);
    });
    return () => {
      stopped = true;
      engine.stop();
    };
  }, [userId]);

  if (!userId || isDiaryPath(pathname)) return null;
  const offline = !status.online;
  if (!offline && counts.total === 0) return null;
  return (
    <Link to="/diary/sync" className={`offline-pill ${counts.conflicts + counts.rejected > 0 ? 'offline-pill--alert' : ''}`}>
      {offline ? t('offline.offline') : t('offline.online')}
      {counts.total > 0 ? ` · ${t('offline.pill', { n: counts.total })}` : ''}
    </Link>
  );
}
