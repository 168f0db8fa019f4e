/**
 * The "Phát thải thấp" label (capability 7): the schemes and their criteria, evaluating a lot with
 * every criterion's result, issuing a certificate for a quantity the server holds against the
 * eligible harvest, and suspending or revoking it with a reason (the public page shows it at once).
 */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError, type ApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { NumberField, TextField } from '../components/fields.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useLang, useT, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router/index.tsx';
import { canCertify, canEvaluate } from '../traceability/abilities.ts';
import type { Certificate, Evaluation, LabelCriterion, LabelScheme, LotPage } from '../traceability/types.ts';

const CRITERION_KEYS: Record<string, MessageKey> = {
  min_reduction_pct: 'label.criterion.min_reduction_pct', verified_mrv: 'label.criterion.verified_mrv', growing_area_code: 'label.criterion.growing_area_code',
  no_compliance_flags: 'label.criterion.no_compliance_flags', variety_recorded: 'label.criterion.variety_recorded', crop_kind: 'label.criterion.crop_kind',
  awd: 'label.criterion.awd', no_straw_burning: 'label.criterion.no_straw_burning', reduced_fertiliser: 'label.criterion.reduced_fertiliser',
};
const STATUS_KEYS: Record<string, MessageKey> = { active: 'label.status.active', suspended: 'label.status.suspended', revoked: 'label.status.revoked' };

export function useCriterionText() {
  const t = useT();
  return (c: LabelCriterion) => {
    if (c.kind === 'required_practice') return t(CRITERION_KEYS[c.practice]!);
    if (c.kind === 'min_reduction_pct') return t('label.criterion.min_reduction_pct', { value: c.value });
    return t(CRITERION_KEYS[c.kind]!);
  };
}

export function LabelPage() {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const schemes = useApi<{ items: LabelScheme[] }>('/label/schemes');
  const certificates = useApi<{ items: Certificate[] }>('/label/certificates');
  const criterion = useCriterionText();
  return (
    <div className="label-page">
      <header className="page-header">
        <h1>{t('label.title')}</h1>
        <p className="lead">{t('label.intro')}</p>
      </header>
      {schemes.status === 'error' ? <ApiErrorMessage error={schemes.error} onRetry={schemes.reload} /> : null}
      {!schemes.data ? <Loading /> : (
        <section aria-labelledby="schemes-heading">
          <h2 id="schemes-heading">{t('label.schemes')}</h2>
          <div className="trace__grid">
            {schemes.data.items.map((s) => (
              <article key={s.id} className="card">
                <h3>{lang === 'vi' ? s.nameVi : s.nameEn}</h3>
                <p className="field__hint">{s.owner}</p>
                <ul>{s.criteria.map((c, i) => <li key={i}>{criterion(c)}</li>)}</ul>
              </article>
            ))}
          </div>
        </section>
      )}
      {schemes.data && canEvaluate(user?.role) ? <Evaluate schemes={schemes.data.items} onIssued={certificates.reload} certify={canCertify(user?.role)} /> : null}
      <Certificates list={certificates} certify={canCertify(user?.role)} />
    </div>
  );
}

function Evaluate({ schemes, certify, onIssued }: { schemes: LabelScheme[]; certify: boolean; onIssued: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const criterion = useCriterionText();
  const lots = useApi<LotPage>('/lots?kind=lot&pageSize=200');
  const [schemeId, setSchemeId] = useState(schemes[0]?.id ?? '');
  const [lotCode, setLotCode] = useState('');
  const [result, setResult] = useState<Evaluation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const lot = lots.data?.items.find((l) => l.code.toLowerCase() === lotCode.trim().toLowerCase());
  const evaluate = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (!lot) {
      setError(asApiError(new Error(t('label.lotUnknown'))));
      return;
    }
    setBusy(true);
    try {
      setResult(await apiRequest<Evaluation>('/label/evaluations', { json: { schemeId, lotId: lot.id } }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">{t('label.evaluate.title')}</h2>
      <form onSubmit={evaluate} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="evaluate-scheme">{t('label.scheme')}</label>
            <select id="evaluate-scheme" value={schemeId} onChange={(e) => setSchemeId(e.target.value)}>
              {schemes.map((s) => <option key={s.id} value={s.id}>{lang === 'vi' ? s.nameVi : s.nameEn}</option>)}
            </select>
          </div>
          <TextField id="evaluate-lot" label={t('label.lotCode')} value={lotCode} onValueChange={setLotCode} list="label-lots" />
          <datalist id="label-lots">{lots.data?.items.map((l) => <option key={l.id} value={l.code} />)}</datalist>
        </div>
        {error ? <p className="alert alert--error" role="alert">{error.problem.detail || error.message}</p> : null}
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.loading') : t('label.evaluate.submit')}</button>
      </form>
      {result && lot ? (
        <div className="label__result">
          <p className={`alert ${result.eligible ? 'alert--success' : 'alert--warning'}`} role="status">
            {result.eligible ? t('label.eligible', { kg: fmt.number(result.eligibleKg ?? 0, { max: 1 }) }) : t('label.notEligible')}
          </p>
          <TableScroll label={t('common.tableScroll')}>
            <table className="table">
              <thead><tr><th scope="col">{t('label.criterion')}</th><th scope="col">{t('label.result')}</th><th scope="col">{t('label.detail')}</th></tr></thead>
              <tbody>
                {result.results.map((r, i) => (
                  <tr key={i}><th scope="row">{criterion(r.criterion)}</th><td>{r.passed ? `✓ ${t('label.passed')}` : `✗ ${t('label.failed')}`}</td><td>{result.subject === 'lot' && typeof r.actual === 'number' ? t('label.seasonsPass', { passed: r.actual, total: result.seasons.length }) : r.detail}</td></tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {certify && result.eligible ? <Issue schemeId={schemeId} lot={lot} eligibleKg={result.eligibleKg ?? 0} onIssued={onIssued} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function Issue({ schemeId, lot, eligibleKg, onIssued }: { schemeId: string; lot: LotPage['items'][number]; eligibleKg: number; onIssued: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const year = new Date().getFullYear();
  const [number, setNumber] = useState(`GVX-PTT-${year}-`);
  const [quantity, setQuantity] = useState(fmt.number(Math.floor(eligibleKg), { max: 0 }));
  const [from, setFrom] = useState(fmt.date(new Date()));
  const [to, setTo] = useState(fmt.date(new Date(Date.now() + 364 * 86400_000)));
  const [issuer, setIssuer] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Certificate | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const cert = await apiRequest<Certificate>('/label/certificates', {
        json: { kind: 'low_emission', number: number.trim(), schemeId, holderOrganisationId: lot.organisationId, lotId: lot.id, scope: `${lot.productName ?? ''} ${lot.code}`.trim(), issuer: issuer.trim() || lot.organisationName, quantityKg: fmt.parse(quantity) ?? 0, validFrom: parseDate(from) ?? '', validTo: parseDate(to) ?? '' },
      });
      setDone(cert);
      onIssued();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  if (done) return <p className="alert alert--success" role="status">{t('label.issued', { number: done.number })}</p>;
  return (
    <form onSubmit={submit} aria-labelledby="issue-heading" noValidate>
      <h3 id="issue-heading">{t('label.issue.title')}</h3>
      <div className="field-row">
        <TextField id="issue-number" label={t('label.number')} value={number} onValueChange={setNumber} error={error?.errorFor('number')} />
        <NumberField id="issue-quantity" label={t('label.quantity')} value={quantity} onValueChange={setQuantity} hint={t('label.quantityHint', { kg: fmt.number(eligibleKg, { max: 1 }) })} error={error?.errorFor('quantityKg')} />
        <TextField id="issue-from" label={t('label.validFrom')} value={from} onValueChange={setFrom} error={error?.errorFor('validFrom')} />
        <TextField id="issue-to" label={t('label.validTo')} value={to} onValueChange={setTo} error={error?.errorFor('validTo')} />
        <TextField id="issue-issuer" label={t('label.issuer')} value={issuer} onValueChange={setIssuer} />
      </div>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      <button type="submit" className="button button--primary">{t('label.issue.submit')}</button>
    </form>
  );
}

function Certificates({ list, certify }: { list: ReturnType<typeof useApi<{ items: Certificate[] }>>; certify: boolean }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <section aria-labelledby="certs-heading">
      <h2 id="certs-heading">{t('label.certificates')}</h2>
      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('common.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <thead><tr><th scope="col">{t('label.number')}</th><th scope="col">{t('label.holder')}</th><th scope="col">{t('label.lot')}</th><th scope="col" className="num">{t('label.quantity')}</th><th scope="col">{t('label.validity')}</th><th scope="col">{t('label.statusCol')}</th>{certify ? <th scope="col">{t('label.change')}</th> : null}</tr></thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label={t('label.number')}>{c.number}<br /><span className="field__hint">{c.schemeName ?? c.kind}</span></th>
                  <td data-label={t('label.holder')}>{c.holderName}</td>
                  <td data-label={t('label.lot')}>{c.lotId ? <Link to={`/lots/${c.lotId}`}>{c.lotCode}</Link> : '—'}</td>
                  <td className="num" data-label={t('label.quantity')}>{c.quantityKg === null ? '—' : `${fmt.number(c.quantityKg, { max: 1 })} kg`}</td>
                  <td data-label={t('label.validity')}>{fmt.date(c.validFrom)} – {fmt.date(c.validTo)}</td>
                  <td data-label={t('label.statusCol')}>{t(STATUS_KEYS[c.status]!)}{c.statusReason ? <><br /><span className="field__hint">{c.statusReason}</span></> : null}</td>
                  {certify ? <td data-label={t('label.change')}>{c.status !== 'revoked' ? <ChangeStatus cert={c} onDone={list.reload} /> : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

function ChangeStatus({ cert, onDone }: { cert: Certificate; onDone: () => void }) {
  const t = useT();
  const [status, setStatus] = useState<'active' | 'suspended' | 'revoked'>(cert.status === 'active' ? 'suspended' : 'active');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await apiRequest<Certificate>(`/label/certificates/${cert.id}/status`, { json: { status, reason: reason.trim() } });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <form onSubmit={submit} className="label__status" noValidate>
      <label htmlFor={`status-${cert.id}`} className="visually-hidden">{t('label.newStatus')}</label>
      <select id={`status-${cert.id}`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
        {cert.status !== 'active' ? <option value="active">{t('label.status.reinstate')}</option> : null}
        {cert.status !== 'suspended' ? <option value="suspended">{t('label.status.suspend')}</option> : null}
        <option value="revoked">{t('label.status.revoke')}</option>
      </select>
      <TextField id={`reason-${cert.id}`} label={t('label.reason')} value={reason} onValueChange={setReason} error={error?.errorFor('reason')} />
      <button type="submit" className="button button--secondary">{t('label.apply')}</button>
    </form>
  );
}
