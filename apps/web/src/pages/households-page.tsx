/**
 * Households (nông hộ) the user may see: search (head's name or phone), commune and organisation
 * filters kept in the URL (?q=&communeCode=&organisationId=&page=, so a reload or Back keeps them),
 * paging, and a form to register a household. Names and phone numbers are personal data (Decree 13/2023/NĐ-CP): they are
 * only ever shown here, behind the caller's scope.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.ts';
import type { CreateHouseholdBody, Household, HouseholdPage, OrganisationDetail } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { CommunePicker } from '../components/commune-picker.tsx';
import type { Column } from '../components/data-table.tsx';
import { FormError, formErrorsFrom, type FormErrors } from '../components/form-errors.tsx';
import { TextField } from '../components/fields.tsx';
import { ListFilters, useListFilters } from '../components/list-filters.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ResultList } from '../components/result-list.tsx';
import { parsePhone } from '../i18n/format.ts';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, useNavigate, withQuery } from '../router/index.tsx';

const PAGE_SIZE = 20;

export function HouseholdsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const filters = useListFilters('/households');
  const { q, communeCode, organisationId, page } = filters.value;
  const list = useApi<HouseholdPage>(withQuery('/households', { page, pageSize: PAGE_SIZE, q, communeCode, organisationId }));
  const filtered = Boolean(q || communeCode || organisationId);
  const columns: Column<Household>[] = [
    { header: t('households.head'), cell: (h) => <Link to={`/households/${encodeURIComponent(h.id)}`}>{h.headName}</Link> },
    { header: t('households.phone'), cell: (h) => h.phone ?? '—' },
    { header: t('plots.commune'), cell: (h) => h.communeName },
    { header: t('households.plots'), num: true, cell: (h) => fmt.number(h.plotCount) },
    { header: t('plots.area'), num: true, cell: (h) => fmt.number(h.areaHa, { fixed: 2 }) },
  ];

  return (
    <div className="households">
      <PageHeader title={t('households.title')} lead={t('households.intro')} />
      {can(user?.role, 'households:edit') ? <NewHousehold /> : null}
      <ListFilters filters={filters} searchLabel={t('households.search')} idPrefix="households" fields={{ q: true, commune: true, organisation: true }} />
      <ResultList
        list={list}
        headingId="households-list-heading"
        heading={(total) => t('households.total', { total })}
        empty={filtered ? t('households.noMatch') : t('households.none')}
        columns={columns}
        rowKey={(h) => h.id}
        onPage={filters.goToPage}
      />
    </div>
  );
}

const HOUSEHOLD_FIELDS = ['headName', 'phone', 'address', 'communeCode'] as const;
type HouseholdErrors = FormErrors<(typeof HOUSEHOLD_FIELDS)[number]>;

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
      setErrors(formErrorsFrom(err, HOUSEHOLD_FIELDS, t));
      setBusy(false);
    }
  };

  return (
    <details className="card disclosure">
      <summary>{t('households.new')}</summary>
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <FormError message={errors.form} />
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
