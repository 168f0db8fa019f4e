/**
 * Credits: a project's issued, active and retired units with every movement and its registry status,
 * the accounts' balances, retiring units for a beneficiary and transferring them (the holder), and
 * the export for the national registry (JSON or CSV).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { API_BASE } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { NumberField, SelectField, TextField } from '../components/fields.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { ActionError, MrvTabs, useAction } from './common.tsx';
import type { CreditAccountList, MovementsResponse, ProjectCreditsResponse, ProjectList } from './types.ts';

const KIND_KEYS: Record<'issuance' | 'transfer' | 'retirement', MessageKey> = { issuance: 'mrv.credits.issuance', transfer: 'mrv.credits.transfer', retirement: 'mrv.credits.retirement' };
const HOLDERS = new Set(['coop_manager', 'enterprise', 'admin']);

export function CreditsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const projects = useApi<ProjectList>('/mrv/projects');
  const [projectId, setProjectId] = useState<string | null>(null);
  useEffect(() => {
    if (!projectId && projects.data?.items[0]) setProjectId(projects.data.items[0].id);
  }, [projects.data, projectId]);
  const credits = useApi<ProjectCreditsResponse>(projectId ? `/credits/projects/${encodeURIComponent(projectId)}` : null);
  const accounts = useApi<CreditAccountList>('/credits/accounts');
  const project = projects.data?.items.find((p) => p.id === projectId) ?? null;
  const reload = () => {
    credits.reload();
    accounts.reload();
  };

  return (
    <div className="mrv">
      <MrvTabs />
      <header className="page-header">
        <h1>{t('mrv.credits.title')}</h1>
        <p className="lead">{t('mrv.credits.lead')}</p>
      </header>
      {projects.status === 'error' && !projects.data ? <ApiErrorMessage error={projects.error} onRetry={projects.reload} /> : null}
      {!projects.data ? <Loading /> : projects.data.items.length === 0 ? <p>{t('mrv.credits.noProject')}</p> : (
        <>
          {projects.data.items.length > 1 ? (
            <SelectField id="credits-project" label={t('mrv.credits.project')} value={projectId ?? ''} options={projects.data.items.map((p) => p.id)} optionLabel={(id) => projects.data?.items.find((p) => p.id === id)?.code ?? id} onValueChange={setProjectId} />
          ) : null}
          {project ? (
            <section aria-labelledby="project-heading">
              <h2 id="project-heading">
                {project.code} · {project.name}
              </h2>
              <p className="field__hint">
                {project.methodology} · GWP {project.gwpSet} · {project.baseline.kind === 'fixed_practice' ? t('mrv.credits.baselineFixed') : t('mrv.credits.baselineLookBack')}
              </p>
              {credits.data ? (
                <dl className="facts">
                  <div>
                    <dt>{t('mrv.credits.issued')}</dt>
                    <dd>{fmt.number(credits.data.issued)}</dd>
                  </div>
                  <div>
                    <dt>{t('mrv.credits.active')}</dt>
                    <dd>{fmt.number(credits.data.active)}</dd>
                  </div>
                  <div>
                    <dt>{t('mrv.credits.retired')}</dt>
                    <dd>{fmt.number(credits.data.retired)}</dd>
                  </div>
                </dl>
              ) : null}
              <p className="form-actions">
                <a className="button button--secondary" href={`${API_BASE}/credits/registry-export?projectId=${encodeURIComponent(project.id)}&format=json`} download={`registry-${project.code}.json`}>
                  {t('mrv.credits.exportJson')}
                </a>
                <a className="button button--secondary" href={`${API_BASE}/credits/registry-export?projectId=${encodeURIComponent(project.id)}&format=csv`} download={`registry-${project.code}.csv`}>
                  {t('mrv.credits.exportCsv')}
                </a>
              </p>
            </section>
          ) : null}

          <section aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">{t('mrv.credits.accounts')}</h2>
            {accounts.data?.items.length === 0 ? <p>{t('mrv.credits.noAccounts')}</p> : null}
            <ul className="mrv-accounts">
              {accounts.data?.items.map((a) => (
                <li key={a.id} className="card">
                  <strong>{a.name}</strong>
                  <span className="mrv-muted"> · {a.organisationName}</span>
                  <ul>
                    {a.balances.map((b) => (
                      <li key={`${b.projectId}-${b.vintage}`}>
                        {t('mrv.credits.balance', { project: b.projectCode, vintage: String(b.vintage), active: fmt.number(b.active), retired: fmt.number(b.retired) })}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>

          {project && HOLDERS.has(user?.role ?? '') && accounts.data && accounts.data.items.length > 0 ? <MoveForm projectId={project.id} accounts={accounts.data} onDone={reload} /> : null}

          {credits.data ? (
            <section aria-labelledby="movements-heading">
              <h2 id="movements-heading">{t('mrv.credits.movements')}</h2>
              <TableScroll label={t('common.tableScroll')}>
                <table className="table table--cards">
                  <thead>
                    <tr>
                      <th scope="col">{t('mrv.credits.kind')}</th>
                      <th scope="col">{t('mrv.credits.serials')}</th>
                      <th scope="col" className="num">{t('mrv.credits.quantity')}</th>
                      <th scope="col">{t('mrv.credits.beneficiary')}</th>
                      <th scope="col">{t('mrv.credits.registry')}</th>
                      <th scope="col">{t('mrv.credits.date')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {credits.data.movements.map((m) => (
                      <tr key={m.id}>
                        <th scope="row" data-label={t('mrv.credits.kind')}>{t(KIND_KEYS[m.kind])}</th>
                        <td data-label={t('mrv.credits.serials')}><code className="mrv-serial">{m.serialRange}</code></td>
                        <td data-label={t('mrv.credits.quantity')} className="num">{fmt.number(m.quantity)}</td>
                        <td data-label={t('mrv.credits.beneficiary')}>{m.beneficiary ? `${m.beneficiary} — ${m.reason ?? ''}` : '—'}</td>
                        <td data-label={t('mrv.credits.registry')}>{m.registryStatus ? t(`mrv.credits.registry.${m.registryStatus}`) : t('mrv.credits.registry.none')}</td>
                        <td data-label={t('mrv.credits.date')}>{fmt.dateTime(m.at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ) : credits.status === 'loading' ? <Loading /> : null}
        </>
      )}
    </div>
  );
}

function MoveForm({ projectId, accounts, onDone }: { projectId: string; accounts: CreditAccountList; onDone: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const [mode, setMode] = useState<'retire' | 'transfer'>('retire');
  const [accountId, setAccountId] = useState(accounts.items[0]!.id);
  const account = accounts.items.find((a) => a.id === accountId);
  const vintages = (account?.balances ?? []).filter((b) => b.projectId === projectId).map((b) => String(b.vintage));
  const [vintage, setVintage] = useState(vintages[0] ?? String(new Date().getFullYear()));
  const [quantity, setQuantity] = useState('');
  const [beneficiary, setBeneficiary] = useState('');
  const [reason, setReason] = useState('');
  const [toAccountId, setToAccountId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const action = useAction<MovementsResponse>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const q = fmt.parse(quantity);
    const found: Record<string, string> = {};
    if (q === undefined || !Number.isInteger(q) || q < 1) found.quantity = t('mrv.credits.quantityInvalid');
    if (mode === 'retire' && !beneficiary.trim()) found.beneficiary = t('mrv.credits.beneficiaryMissing');
    if (mode === 'retire' && reason.trim().length < 3) found.reason = t('mrv.credits.reasonMissing');
    if (mode === 'transfer' && !/^[0-9a-f-]{36}$/i.test(toAccountId.trim())) found.toAccountId = t('mrv.credits.toAccountMissing');
    setErrors(found);
    if (Object.keys(found).length) return;
    const common = { projectId, vintage: Number(vintage), quantity: q };
    const result = mode === 'retire'
      ? await action.run('retire', '/credits/retirements', { ...common, accountId, beneficiary: beneficiary.trim(), reason: reason.trim() })
      : await action.run('transfer', '/credits/transfers', { ...common, fromAccountId: accountId, toAccountId: toAccountId.trim() });
    if (result) {
      setDone(t(mode === 'retire' ? 'mrv.credits.retiredDone' : 'mrv.credits.transferredDone', { ranges: result.movements.map((m) => m.serialRange).join(', ') }));
      setQuantity('');
      onDone();
    }
  };

  return (
    <section aria-labelledby="move-heading" className="card">
      <h2 id="move-heading">{t('mrv.credits.move')}</h2>
      <form onSubmit={submit} noValidate className="mrv-form">
        <SelectField id="move-mode" label={t('mrv.credits.action')} value={mode} options={['retire', 'transfer'] as const} optionLabel={(m) => t(m === 'retire' ? 'mrv.credits.retire' : 'mrv.credits.transferAction')} onValueChange={setMode} />
        <SelectField id="move-account" label={t('mrv.credits.fromAccount')} value={accountId} options={accounts.items.map((a) => a.id)} optionLabel={(id) => accounts.items.find((a) => a.id === id)?.name ?? id} onValueChange={setAccountId} />
        {vintages.length > 1 ? <SelectField id="move-vintage" label={t('mrv.credits.vintage')} value={vintage} options={vintages} optionLabel={(v) => v} onValueChange={setVintage} /> : null}
        <NumberField id="move-quantity" label={t('mrv.credits.quantityLabel', { vintage })} value={quantity} onValueChange={setQuantity} error={errors.quantity ?? action.error?.errorFor('quantity')} />
        {mode === 'retire' ? (
          <>
            <TextField id="move-beneficiary" label={t('mrv.credits.beneficiary')} value={beneficiary} onValueChange={setBeneficiary} error={errors.beneficiary ?? action.error?.errorFor('beneficiary')} />
            <TextField id="move-reason" label={t('mrv.credits.reason')} value={reason} onValueChange={setReason} error={errors.reason ?? action.error?.errorFor('reason')} />
          </>
        ) : (
          <TextField id="move-to" label={t('mrv.credits.toAccount')} hint={t('mrv.credits.toAccountHint')} value={toAccountId} onValueChange={setToAccountId} error={errors.toAccountId ?? action.error?.errorFor('toAccountId')} />
        )}
        <ActionError error={action.error} />
        {done ? <p className="alert alert--success" role="status">{done}</p> : null}
        <button type="submit" className="button button--primary" disabled={action.busy !== null}>
          {mode === 'retire' ? t('mrv.credits.retire') : t('mrv.credits.transferAction')}
        </button>
      </form>
    </section>
  );
}
