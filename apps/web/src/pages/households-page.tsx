/**
 * Households (nông hộ) the user may see: search, commune and organisation filters, paging, and a form
 * to register a household. Names and phone numbers are personal data (Decree 13/2023/NĐ-CP): they are
 * only ever shown here, behind the caller's scope.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import type { CreateHouseholdBody, HouseholdPage, OrganisationDetail } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { CommunePicker } from '../components/commune-picker.tsx';
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { ListFilters, useListFilters } from '../components/list-filters.tsx';
import { Pagination } from '../components/pagination.tsx';
import { parsePhone } from '../i18n/format.ts';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, useNavigate, withQuery } from '../router/index.tsx';

const PAGE_SIZE = 20;

export function HouseholdsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const filters = useListFilters('/households');
  const { organisationId, page } = filters.value;
  const list = useApi<HouseholdPage>(withQuery('/households', { page, pageSize: PAGE_SIZE, organisationId }));
  const filtered = Boolean(organisationId);

  return (
    <div className="households">
      <header className="page-header">
        <h1>{t('households.title')}</h1>
        <p className="lead">{t('households.intro')}</p>
      </header>
      {can(user?.role, 'households:edit') ? <NewHousehold /> : null}
      {/* GET /households filters by organisation only (no text or commune filter in its contract yet). */}
      <ListFilters filters={filters} searchLabel={t('households.search')} idPrefix="households" fields={{ q: false, commune: false, organisation: true }} />
      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' && !list.data ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="households-list-heading" aria-busy={list.status === 'loading'}>
          <h2 id="households-list-heading" className="list-heading">
            {t('households.total', { total: list.data.total })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{filtered ? t('households.noMatch') : t('households.none')}</p>
          ) : (
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('households.head')}</th>
                    <th scope="col">{t('households.phone')}</th>
                    <th scope="col">{t('plots.commune')}</th>
                    <th scope="col" className="num">{t('households.plots')}</th>
                    <th scope="col" className="num">{t('plots.area')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((h) => (
                    <tr key={h.id}>
                      <th scope="row" data-label={t('households.head')}>
                        <Link to={`/households/${encodeURIComponent(h.id)}`}>{h.headName}</Link>
                      </th>
                      <td data-label={t('households.phone')}>{h.phone ?? '—'}</td>
                      <td data-label={t('plots.commune')}>{h.communeName}</td>
                      <td data-label={t('households.plots')} className="num">
                        {fmt.number(h.plotCount)}
                      </td>
                      <td data-label={t('plots.area')} className="num">
                        {fmt.number(h.areaHa, { fixed: 2 })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(n) => {
              filters.goToPage(n);
              document.getElementById('households-list-heading')?.scrollIntoView({ block: 'start' });
            }}
          />
        </section>
      ) : null}
    </div>
  );
}

type HouseholdErrors = Partial<Record<'headName' | 'phone' | 'address' | 'communeCode' | 'form', string>>;

/** Registering a household; a cooperative's staff register it in their cooperative and commune. */
function NewHousehold() {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSession();
  const [headName, setHeadName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [errors, setErrors] = useState<HouseholdErrors>({});
  const [busy, setBusy] = useState(false);
  const org = useApi<OrganisationDetail>(user?.organisationId ? `/organisations/${encodeURIComponent(user.organisationId)}` : null);
  const orgCommune = org.data?.communeCode ?? '';
  useEffect(() => {
    if (orgCommune) setCommuneCode((c) => c || orgCommune);
  }, [orgCommune]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: HouseholdErrors = {};
    if (!headName.trim()) found.headName = t('households.headMissing');
    if (!communeCode) found.communeCode = t('plotForm.communeMissing');
    const phoneDigits = parsePhone(phone);
    if (phoneDigits === null) found.phone = t('common.phoneInvalid');
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    const body: CreateHouseholdBody = {
      headName: headName.trim(),
      communeCode,
      ...(phoneDigits ? { phone: phoneDigits } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      const created = await apiRequest<{ id: string }>('/households', { method: 'POST', json: body });
      navigate(`/households/${encodeURIComponent(created.id)}`);
    } catch (err) {
      const error = asApiError(err);
      const next: HouseholdErrors = {};
      for (const f of ['headName', 'phone', 'address', 'communeCode'] as const) {
        const m = error.errorFor(f);
        if (m) next[f] = m;
      }
      if (Object.keys(next).length === 0) next.form = apiErrorText(error, t, 'write');
      setErrors(next);
      setBusy(false);
    }
  };

  return (
    <details className="card disclosure">
      <summary>{t('households.new')}</summary>
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        {errors.form ? (
          <div className="alert alert--error" role="alert">
            <p>{errors.form}</p>
          </div>
        ) : null}
        <div className="field-row">
          <TextField id="household-headName" label={t('households.head')} value={headName} onValueChange={setHeadName} error={errors.headName} autoComplete="off" required />
          <TextField id="household-phone" label={t('households.phone')} value={phone} onValueChange={setPhone} error={errors.phone} type="tel" inputMode="tel" autoComplete="off" />
        </div>
        <TextField id="household-address" label={t('households.address')} value={address} onValueChange={setAddress} error={errors.address} autoComplete="off" />
        <CommunePicker id="household-communeCode" label={t('plots.commune')} value={communeCode} onChange={setCommuneCode} error={errors.communeCode} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('households.create')}
        </button>
      </form>
    </details>
  );
}
