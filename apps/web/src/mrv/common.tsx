/** Shared pieces of the MRV pages: the section tabs, state badges, and running an action with its error. */
import { useCallback, useState } from 'react';
import { ApiError, apiRequest, asApiError } from '../api/client.ts';
import { useT, type MessageKey, type Translate } from '../i18n/index.tsx';
import { Link, useLocation } from '../router/index.tsx';
import type { SubmissionState } from './types.ts';

const TABS: Array<{ to: string; label: MessageKey }> = [
  { to: '/mrv', label: 'mrv.tab.submissions' },
  { to: '/mrv/credits', label: 'mrv.tab.credits' },
  { to: '/mrv/recalculations', label: 'mrv.tab.recalculations' },
  { to: '/mrv/audit', label: 'mrv.tab.audit' },
];

export function MrvTabs() {
  const t = useT();
  const { pathname } = useLocation();
  const current = (to: string) => (to === '/mrv' ? pathname === '/mrv' || pathname.startsWith('/mrv/submissions') || pathname.startsWith('/mrv/seasons') : pathname.startsWith(to));
  return (
    <nav aria-label={t('mrv.tabs')} className="mrv-tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={current(tab.to) ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const STATE_KEYS: Record<SubmissionState, MessageKey> = {
  draft: 'mrv.state.draft',
  submitted: 'mrv.state.submitted',
  reviewed: 'mrv.state.reviewed',
  verified: 'mrv.state.verified',
  returned: 'mrv.state.returned',
};

export function StateBadge({ state }: { state: SubmissionState }) {
  const t = useT();
  return <span className={`badge badge--state-${state}`}>{t(STATE_KEYS[state])}</span>;
}

/**
 * The sentence for a refused action: our words for the network and an expired session; otherwise the
 * server's own explanation (for example which duty the person already holds), which is more useful
 * than a generic "not allowed".
 */
export function actionErrorText(error: ApiError, t: Translate): string {
  if (error.isNetworkError) return t('common.networkError');
  if (error.status === 401) return t('common.sessionExpired');
  const fields = (error.problem.errors ?? []).map((e) => e.message).filter((m) => m && !error.problem.detail.includes(m));
  return [error.problem.detail || t('common.serverError'), ...fields.slice(0, 5)].join(' — ');
}

/** Runs one POST at a time, keeping its error until the next try. */
export function useAction<T>() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (name: string, path: string, json?: unknown): Promise<T | null> => {
    setBusy(name);
    setError(null);
    try {
      return await apiRequest<T>(path, { method: 'POST', ...(json === undefined ? {} : { json }) });
    } catch (err) {
      setError(asApiError(err));
      return null;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(null) };
}

export function ActionError({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{actionErrorText(error, t)}</p>
    </div>
  );
}
