/** Loading, error and empty states shared by the registry pages. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useT, type Translate } from '../i18n/index.tsx';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/**
 * The sentence a person should read for an API failure: our words for common cases, else `detail`.
 * `write` when the request was an action (saving, changing a status): a 403 then says the role may
 * not do it, rather than may not see it.
 */
export function apiErrorText(error: ApiError, t: Translate, request: 'read' | 'write' = 'read'): string {
  if (error.isNetworkError) return t('common.networkError');
  if (error.status === 401) return t('common.sessionExpired');
  if (error.status === 403) return t(request === 'write' ? 'common.forbiddenAction' : 'common.forbidden');
  if (error.status >= 500 && !error.problem.detail) return t('common.serverError');
  return error.problem.detail || t('common.serverError');
}

export function ApiErrorMessage({ error, onRetry, children, request }: { error: ApiError; onRetry?: () => void; children?: ReactNode; request?: 'read' | 'write' }) {
  const t = useT();
  return (
    <div className="alert alert--error" role="alert">
      <p>{children ?? apiErrorText(error, t, request)}</p>
      {error.problem.requestId ? <p className="alert__meta">{t('common.requestId', { id: error.problem.requestId })}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Horizontal scrolling for wide tables on phones; focusable so keyboard users can scroll it. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
