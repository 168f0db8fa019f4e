/**
 * A GET the diary needs with no signal: the copy saved on the phone shows at once, the network's
 * answer replaces it and is saved for next time, and a failed request keeps the saved copy on
 * screen (with when it was saved). A 404 or 403 removes the saved copy: the record is gone or no
 * longer the person's to see.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, asApiError } from '../api/client.ts';
import { freshGet } from './fresh-get.ts';
import { cacheDelete, cacheGet, cachePut, onCacheChange } from './store.ts';

export interface Cached<T> {
  data: T | null;
  /** When the shown data was saved on the phone (null before any answer). */
  savedAt: string | null;
  /** The last network attempt failed, so `data` may be older than the server's. */
  stale: boolean;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

export function useCached<T>(path: string | null, key: string | null): Cached<T> {
  type State = Omit<Cached<T>, 'reload'> & { forKey: string | null };
  const [state, setState] = useState<State>({ data: null, savedAt: null, stale: false, loading: path !== null, error: null, forKey: key });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null || key === null) return;
    let cancelled = false;
    const controller = new AbortController();
    // Another record: nothing of the previous one stays on screen.
    setState((s) => (s.forKey === key ? { ...s, loading: true } : { data: null, savedAt: null, stale: false, loading: true, error: null, forKey: key }));
    const readSaved = async () => {
      const saved = await cacheGet<T>(key);
      if (!cancelled && saved) setState((s) => ({ ...s, data: saved.value, savedAt: saved.savedAt, forKey: key }));
      return saved;
    };
    const unsubscribe = onCacheChange(key, () => void readSaved());
    // The connection is back: ask the server again (what shows may be the phone's older copy).
    const onOnline = () => setAttempt((n) => n + 1);
    window.addEventListener('online', onOnline);
    void (async () => {
      const saved = await readSaved();
      try {
        const data = await freshGet<T>(path, controller.signal);
        if (cancelled) return;
        const savedAt = new Date().toISOString();
        setState({ data, savedAt, stale: false, loading: false, error: null, forKey: key });
        await cachePut(key, data, savedAt);
      } catch (err) {
        if (cancelled || controller.signal.aborted) return;
        const error = asApiError(err);
        if (error.status === 404 || error.status === 403) {
          await cacheDelete(key);
          setState({ data: null, savedAt: null, stale: false, loading: false, error, forKey: key });
          return;
        }
        setState((s) => ({ ...s, data: s.data ?? saved?.value ?? null, stale: true, loading: false, error }));
      }
    })();
    return () => {
      cancelled = true;
      controller.abort();
      unsubscribe();
      window.removeEventListener('online', onOnline);
    };
  }, [path, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const { forKey, ...shown } = state;
  if (forKey !== key) return { data: null, savedAt: null, stale: false, loading: true, error: null, reload };
  return { ...shown, reload };
}
