/** Organisations the user may see, paged, each linking to its page. */
import type { Organisation, OrganisationKind, OrganisationPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import type { Column } from '../components/data-table.tsx';
import { useListFilters } from '../components/list-filters.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ResultList } from '../components/result-list.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, withQuery } from '../router/index.tsx';

const PAGE_SIZE = 20;

const KIND_KEYS: Record<OrganisationKind, MessageKey> = {
  cooperative: 'orgKind.cooperative',
  cooperative_group: 'orgKind.cooperative_group',
  enterprise: 'orgKind.enterprise',
  agency: 'orgKind.agency',
  verifier: 'orgKind.verifier',
};
export const orgKindKey = (kind: OrganisationKind): MessageKey => KIND_KEYS[kind];

export function OrganisationsPage() {
  const t = useT();
  const fmt = useFormat();
  // GET /organisations takes no filters: only the page is kept in the URL.
  const { value, goToPage } = useListFilters('/organisations');
  const list = useApi<OrganisationPage>(withQuery('/organisations', { page: value.page, pageSize: PAGE_SIZE }));
  const columns: Column<Organisation>[] = [
    { header: t('orgs.name'), cell: (o) => <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link> },
    { header: t('orgs.kind'), cell: (o) => t(orgKindKey(o.kind)) },
    { header: t('orgs.commune'), cell: (o) => o.communeName ?? '—' },
    { header: t('orgs.members'), num: true, cell: (o) => fmt.number(o.memberCount) },
    { header: t('orgs.plots'), num: true, cell: (o) => fmt.number(o.plotCount) },
  ];

  return (
    <div className="organisations">
      <PageHeader title={t('orgs.title')} />
      <ResultList list={list} headingId="orgs-list-heading" heading={(total) => t('orgs.total', { total })} empty={t('common.empty')} columns={columns} rowKey={(o) => o.id} onPage={goToPage} />
    </div>
  );
}
