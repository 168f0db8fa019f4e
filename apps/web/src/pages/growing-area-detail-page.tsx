/**
 * One growing area: its plots and total area (PostGIS), the rules it is checked against (minimum
 * area, vn-standards.md §1) with pass/fail, and its domestic and export codes — each with its status
 * and history, a form to suspend, revoke or reactivate it with a reason, and a form to add a code.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.ts';
import type { AddGrowingAreaCodeBody, ChangeGrowingAreaCodeStatusBody, GrowingAreaCode, GrowingAreaCodeKind, GrowingAreaCodeStatus, GrowingAreaDetail } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { FormError, formErrorsFrom, type FormErrors } from '../components/form-errors.tsx';
import { RecordHeader } from '../components/page-header.tsx';
import { Facts, RecordStates, StatusHistory, type BackLink } from '../components/record-page.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router/index.tsx';
import { areaStatusKey, standardKey } from './growing-areas-page.tsx';
import { landUseKey } from './land-use.ts';

const CODE_STATUS_KEYS: Record<GrowingAreaCodeStatus, MessageKey> = { active: 'codeStatus.active', suspended: 'codeStatus.suspended', revoked: 'codeStatus.revoked' };
const CODE_KIND_KEYS: Record<GrowingAreaCodeKind, MessageKey> = { domestic: 'codeKind.domestic', export: 'codeKind.export' };
const CODE_KINDS = Object.keys(CODE_KIND_KEYS) as GrowingAreaCodeKind[];

/** Where a code may go from its status: revoked is final (the server refuses anything else too). */
const NEXT_STATUS: Record<GrowingAreaCodeStatus, GrowingAreaCodeStatus[]> = {
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  revoked: [],
};

type AreaPlot = GrowingAreaDetail['plots'][number];

const BACK: BackLink = { to: '/growing-areas', label: 'area.back' };

export function GrowingAreaDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const area = useApi<GrowingAreaDetail>(`/growing-areas/${encodeURIComponent(id)}`);
  // Recording a code: the co-op (edit) or the province (approve); suspending or revoking one: the province only.
  const mayAddCodes = can(user?.role, 'growing-areas:edit') || can(user?.role, 'growing-areas:approve');
  const mayChangeCodeStatus = can(user?.role, 'growing-areas:approve');
  const plotColumns: Column<AreaPlot>[] = [
    { header: t('plots.code'), cell: (p) => <Link to={`/plots/${encodeURIComponent(p.id)}`}>{p.code}</Link> },
    { header: t('plots.name'), cell: (p) => p.name },
    { header: t('plots.landUse'), cell: (p) => t(landUseKey(p.landUse)) },
    { header: t('plots.area'), num: true, cell: (p) => fmt.number(p.areaHa, { fixed: 2 }) },
  ];

  return (
    <RecordStates record={area} notFound={{ title: 'area.notFound', body: 'area.notFoundBody' }} back={BACK}>
      {(data) => (
        <article className="growing-area-detail">
          <RecordHeader
            back={BACK}
            title={data.name}
            lead={
              <>
                {data.crop} · {t(standardKey(data.standard))} · {data.communeName}
              </>
            }
          />
          <Facts
            facts={[
              { label: t('plots.area'), value: fmt.number(data.areaHa, { fixed: 2 }) },
              { label: t('areas.plotCount'), value: fmt.number(data.plotCount) },
              { label: t('areas.status'), value: t(areaStatusKey(data.status)) },
              { label: t('plot.createdAt'), value: fmt.dateTime(data.createdAt) },
            ]}
          />

          <section aria-labelledby="area-rules-heading">
            <h2 id="area-rules-heading">{t('area.rules')}</h2>
            {data.rules.length === 0 ? (
              <p>{t('common.empty')}</p>
            ) : (
              <ul className="rules">
                {data.rules.map((r) => (
                  <li key={r.rule} className={`rule ${r.passed ? 'rule--passed' : r.enforced ? 'rule--failed' : 'rule--advisory'}`}>
                    <span className="rule__mark" aria-hidden="true">
                      {r.passed ? '✓' : r.enforced ? '✗' : '!'}
                    </span>
                    <span>
                      <strong>{r.passed ? t('area.rulePassed') : r.enforced ? t('area.ruleFailed') : t('area.ruleAdvisory')}</strong> <code>{r.rule}</code>
                      <br />
                      <span>{r.detail}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="area-codes-heading">
            <h2 id="area-codes-heading">{t('area.codes')}</h2>
            {data.codes.length === 0 ? <p>{t('area.noCodes')}</p> : null}
            <ul className="codes">
              {data.codes.map((c) => (
                <CodeCard key={c.id} areaId={data.id} code={c} mayManage={mayChangeCodeStatus} onChanged={area.reload} />
              ))}
            </ul>
            {mayAddCodes ? <AddCode areaId={data.id} onAdded={area.reload} /> : null}
          </section>

          <section aria-labelledby="area-plots-heading">
            <h2 id="area-plots-heading">{t('area.plots')}</h2>
            <DataTable columns={plotColumns} rows={data.plots} rowKey={(p) => p.id} />
          </section>

          {data.history.length > 0 ? (
            <section aria-labelledby="area-history-heading">
              <h2 id="area-history-heading">{t('area.statusHistory')}</h2>
              <StatusHistory changes={data.history} statusLabel={(s) => t(areaStatusKey(s))} />
            </section>
          ) : null}
        </article>
      )}
    </RecordStates>
  );
}

function CodeCard({ areaId, code, mayManage, onChanged }: { areaId: string; code: GrowingAreaCode; mayManage: boolean; onChanged: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const choices = NEXT_STATUS[code.status];
  const [status, setStatus] = useState<GrowingAreaCodeStatus | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<'status' | 'reason'>>({});
  const [busy, setBusy] = useState(false);
  const base = `code-${code.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!status) {
      setErrors({ status: t('code.statusMissing') });
      return;
    }
    if (status !== 'active' && !reason.trim()) {
      setErrors({ reason: t('code.reasonMissing') });
      return;
    }
    const body: ChangeGrowingAreaCodeStatusBody = { status, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    setBusy(true);
    setErrors({});
    try {
      await apiRequest<null>(`/growing-areas/${encodeURIComponent(areaId)}/codes/${encodeURIComponent(code.id)}/status`, { method: 'POST', json: body });
      setStatus('');
      setReason('');
      onChanged();
    } catch (err) {
      setErrors(formErrorsFrom(err, ['status', 'reason'], t));
    }
    setBusy(false);
  };

  return (
    <li className="card code-card">
      <div className="code-card__head">
        <span className="muted">{t(CODE_KIND_KEYS[code.kind])}</span>
        <code className="code-card__code">{code.code}</code>
        <span className={`badge badge--${code.status}`}>{t(CODE_STATUS_KEYS[code.status])}</span>
      </div>
      <Facts
        compact
        facts={[
          { label: t('code.scheme'), value: code.scheme },
          code.market ? { label: t('code.market'), value: code.market } : null,
          { label: t('code.issuer'), value: code.issuer },
          { label: t('code.issuedOn'), value: fmt.date(code.issuedOn) },
        ]}
      />
      <details className="code-card__history">
        <summary>{t('code.history', { n: code.history.length })}</summary>
        <StatusHistory changes={code.history} statusLabel={(s) => t(CODE_STATUS_KEYS[s])} />
      </details>
      {mayManage && choices.length > 0 ? (
        <form className="code-card__status" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <FormError message={errors.form} />
          <SelectField<GrowingAreaCodeStatus | ''>
            id={`${base}-status`}
            label={t('code.changeStatus')}
            value={status}
            options={['', ...choices]}
            optionLabel={(s) => (s ? t(CODE_STATUS_KEYS[s]) : t('code.chooseStatus'))}
            onValueChange={setStatus}
            error={errors.status}
          />
          {status ? (
            <TextAreaField
              id={`${base}-reason`}
              label={status === 'active' ? t('code.reasonOptional') : t('code.reason')}
              value={reason}
              onValueChange={setReason}
              error={errors.reason}
              maxLength={500}
              hint={status === 'revoked' ? t('code.revokeFinal') : undefined}
              required={status !== 'active'}
            />
          ) : null}
          {status ? (
            <button type="submit" className={`button ${status === 'active' ? 'button--primary' : 'button--warning'}`} disabled={busy}>
              {busy ? t('common.saving') : t('code.apply')}
            </button>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}

const CODE_FIELDS = ['kind', 'code', 'scheme', 'market', 'issuer', 'issuedOn'] as const;
type CodeErrors = FormErrors<(typeof CODE_FIELDS)[number]>;

function AddCode({ areaId, onAdded }: { areaId: string; onAdded: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<GrowingAreaCodeKind>('domestic');
  const [code, setCode] = useState('');
  const [scheme, setScheme] = useState('');
  const [market, setMarket] = useState('');
  const [issuer, setIssuer] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [errors, setErrors] = useState<CodeErrors>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: CodeErrors = {};
    if (!code.trim()) found.code = t('code.codeMissing');
    if (!scheme.trim()) found.scheme = t('code.schemeMissing');
    if (!issuer.trim()) found.issuer = t('code.issuerMissing');
    const issuedIso = parseDate(issuedOn);
    if (issuedIso === undefined) found.issuedOn = t('code.issuedOnMissing');
    else if (issuedIso === null) found.issuedOn = t('code.issuedOnInvalid');
    if (kind === 'export' && !market.trim()) found.market = t('code.marketMissing');
    if (Object.keys(found).length || !issuedIso) {
      setErrors(found);
      return;
    }
    const body: AddGrowingAreaCodeBody = {
      kind,
      code: code.trim(),
      scheme: scheme.trim(),
      issuer: issuer.trim(),
      issuedOn: issuedIso,
      ...(market.trim() ? { market: market.trim() } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      await apiRequest<{ id: string }>(`/growing-areas/${encodeURIComponent(areaId)}/codes`, { method: 'POST', json: body });
      setCode('');
      setMarket('');
      onAdded();
    } catch (err) {
      setErrors(formErrorsFrom(err, CODE_FIELDS, t));
    }
    setBusy(false);
  };

  return (
    <form className="card code-form" onSubmit={onSubmit} noValidate aria-labelledby="code-form-heading" aria-busy={busy}>
      <h3 id="code-form-heading">{t('code.add')}</h3>
      <FormError message={errors.form} />
      <div className="field-row">
        <SelectField id="code-kind" label={t('code.kind')} value={kind} options={CODE_KINDS} optionLabel={(k) => t(CODE_KIND_KEYS[k])} onValueChange={setKind} error={errors.kind} />
        <TextField id="code-code" label={t('code.code')} value={code} onValueChange={setCode} error={errors.code} hint={t('code.codeHint')} spellCheck={false} autoCapitalize="characters" required />
      </div>
      <div className="field-row">
        <TextField id="code-scheme" label={t('code.scheme')} value={scheme} onValueChange={setScheme} error={errors.scheme} hint={t('code.schemeHint')} required />
        <TextField id="code-issuer" label={t('code.issuer')} value={issuer} onValueChange={setIssuer} error={errors.issuer} required />
      </div>
      <div className="field-row">
        <TextField id="code-issuedOn" label={t('code.issuedOn')} value={issuedOn} onValueChange={setIssuedOn} error={errors.issuedOn} hint={t('common.dateHint')} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" required />
        <TextField id="code-market" label={kind === 'export' ? t('code.market') : t('code.marketOptional')} value={market} onValueChange={setMarket} error={errors.market} hint={t('code.marketHint')} required={kind === 'export'} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.saving') : t('code.submit')}
      </button>
    </form>
  );
}
