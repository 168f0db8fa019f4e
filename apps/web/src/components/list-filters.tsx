/**
 * Search and filters of a registry list (text, commune, organisation), kept in the URL so a filtered
 * list survives a reload and can be shared: ?q=&communeCode=&organisationId=&page=. Changing a
 * filter goes back to page 1.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { OrganisationPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useT } from '../i18n/index.tsx';
import { useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { CommunePicker } from './commune-picker.tsx';
import { SelectField } from './fields.tsx';

export interface ListFilterValue {
  q: string;
  communeCode: string;
  organisationId: string;
  page: number;
}

export interface ListFiltersState {
  value: ListFilterValue;
  apply: (next: Omit<ListFilterValue, 'page'>) => void;
  goToPage: (page: number) => void;
}

const positive = (text: string | null) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export function useListFilters(path: string): ListFiltersState {
  const params = useSearchParams();
  const navigate = useNavigate();
  const value: ListFilterValue = {
    q: params.get('q') ?? '',
    communeCode: params.get('communeCode') ?? '',
    organisationId: params.get('organisationId') ?? '',
    page: positive(params.get('page')),
  };
  return {
    value,
    apply: (next) => navigate(withQuery(path, { q: next.q.trim(), communeCode: next.communeCode, organisationId: next.organisationId })),
    goToPage: (page) => navigate(withQuery(path, { q: value.q, communeCode: value.communeCode, organisationId: value.organisationId, page }), { scroll: false }),
  };
}

/** Which filters a list's endpoint takes; a filter it would ignore is not offered. */
export interface FilterFields {
  q: boolean;
  commune: boolean;
  organisation: boolean;
}

export function ListFilters({ filters, searchLabel, idPrefix, fields }: { filters: ListFiltersState; searchLabel: string; idPrefix: string; fields: FilterFields }) {
  const t = useT();
  const { value } = filters;
  const [q, setQ] = useState(value.q);
  const [communeCode, setCommuneCode] = useState(value.communeCode);
  const [organisationId, setOrganisationId] = useState(value.organisationId);
  useEffect(() => setQ(value.q), [value.q]);
  useEffect(() => setCommuneCode(value.communeCode), [value.communeCode]);
  useEffect(() => setOrganisationId(value.organisationId), [value.organisationId]);

  // Up to 200 organisations in scope; a cooperative's own staff see one, and then no choice is offered.
  const organisations = useApi<OrganisationPage>(fields.organisation ? withQuery('/organisations', { pageSize: 200 }) : null);
  const orgItems = organisations.data?.items ?? [];
  const orgNames = new Map(orgItems.map((o) => [o.id, o.name]));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    filters.apply({ q, communeCode, organisationId });
  };
  const active = Boolean(value.q || value.communeCode || value.organisationId);
  const showOrganisations = fields.organisation && orgItems.length > 1;
  if (!fields.q && !fields.commune && !showOrganisations) return null;

  return (
    <form className="filters" role="search" onSubmit={onSubmit}>
      <div className="filters__grid">
        {fields.q ? (
          <div className="field">
            <label htmlFor={`${idPrefix}-q`}>{searchLabel}</label>
            <input id={`${idPrefix}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} enterKeyHint="search" />
          </div>
        ) : null}
        {fields.commune ? <CommunePicker id={`${idPrefix}-commune`} label={t('filters.commune')} value={communeCode} onChange={setCommuneCode} /> : null}
        {showOrganisations ? (
          <SelectField
            id={`${idPrefix}-organisation`}
            label={t('filters.organisation')}
            value={organisationId}
            options={['', ...orgItems.map((o) => o.id)]}
            optionLabel={(id) => (id ? orgNames.get(id) ?? id : t('filters.allOrganisations'))}
            onValueChange={setOrganisationId}
          />
        ) : null}
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('common.search')}
        </button>
        {active ? (
          <button type="button" className="button button--secondary" onClick={() => filters.apply({ q: '', communeCode: '', organisationId: '' })}>
            {t('filters.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
