/** Anyone signed in can check the audit log's hash chain and see whether it is intact. */
import { useState } from 'react';
import { apiRequest, asApiError, type ApiError } from '../api/client.ts';
import { useFormat, useT } from '../i18n/index.tsx';
import { ActionError, MrvTabs } from './common.tsx';
import type { AuditVerifyResponse } from './types.ts';

export function AuditPage() {
  const t = useT();
  const fmt = useFormat();
  const [result, setResult] = useState<AuditVerifyResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await apiRequest<AuditVerifyResponse>('/audit/verify'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mrv">
      <MrvTabs />
      <header className="page-header">
        <h1>{t('mrv.audit.title')}</h1>
        <p className="lead">{t('mrv.audit.lead')}</p>
      </header>
      <p>
        <button type="button" className="button button--primary" onClick={check} disabled={busy}>
          {busy ? t('mrv.audit.checking') : t('mrv.audit.check')}
        </button>
      </p>
      <ActionError error={error} />
      {result ? (
        <div className={`alert ${result.ok ? 'alert--success' : 'alert--error'}`} role="status">
          {result.ok ? (
            <p>
              <strong>{t('mrv.audit.intact')}</strong> {t('mrv.audit.entries', { n: fmt.number(result.entries) })} {t('mrv.audit.checkedAt', { at: fmt.dateTime(result.checkedAt) })}
            </p>
          ) : (
            <p>
              <strong>{t('mrv.audit.broken', { seq: String(result.firstBroken?.seq ?? '') })}</strong> {result.firstBroken?.reason}
            </p>
          )}
          {result.lastHash ? (
            <p className="alert__meta">
              {t('mrv.audit.lastHash')} <code>{result.lastHash}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="field__hint">{t('mrv.audit.how')}</p>
    </div>
  );
}
