/** Loads one GET resource for a page, cancelling the previous request when the path changes. */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest, networkProblem } from './client.ts';

export type Resource<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError; data: T | null };

export function useApi<T>(path: string | null): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    // Keep the previous data while the next page loads, so tables do not jump.
    setState((s) => ({ status: 'loading', data: s.data }));
    apiRequest<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', data }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(networkProblem(String(err)));
        setState((s) => ({ status: 'error', error, data: s.data }));
      });
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
