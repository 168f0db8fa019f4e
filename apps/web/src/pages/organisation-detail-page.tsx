/** One organisation: kind, place, tax code and GLN, its size (households, plots, hectares) and its user accounts. */
import type { OrganisationDetail } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { RecordHeader } from '../components/page-header.tsx';
import { Facts, RecordStates, type BackLink } from '../components/record-page.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, withQuery } from '../router/index.tsx';
import { orgKindKey } from './organisations-page.tsx';

type Account = OrganisationDetail['members'][number];

const BACK: BackLink = { to: '/organisations', label: 'org.back' };

export function OrganisationDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const org = useApi<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`);
  const accountColumns: Column<Account>[] = [
    { header: t('org.memberName'), cell: (m) => m.displayName },
    { header: t('home.role'), cell: (m) => t(`role.${m.role}`) },
  ];

  return (
    <RecordStates record={org} notFound={{ title: 'org.notFound', body: 'org.notFoundBody' }} back={BACK}>
      {(data) => (
        <article className="organisation-detail">
          <RecordHeader back={BACK} title={data.name} lead={t(orgKindKey(data.kind))} />
          <Facts
            facts={[
              { label: t('plots.commune'), value: data.communeName ? `${data.communeName} (${data.communeCode ?? ''})` : '—' },
              { label: t('org.taxCode'), value: data.taxCode ?? '—' },
              { label: t('org.gln'), value: data.gln ?? '—' },
              { label: t('org.households'), value: <Link to={withQuery('/households', { organisationId: data.id })}>{fmt.number(data.householdCount)}</Link> },
              { label: t('org.plots'), value: <Link to={withQuery('/plots', { organisationId: data.id })}>{fmt.number(data.plotCount)}</Link> },
              { label: t('org.area'), value: t('draw.ha', { value: fmt.number(data.areaHa, { fixed: 2 }) }) },
            ]}
          />
          <section aria-labelledby="org-members-heading">
            <h2 id="org-members-heading">{t('org.members')}</h2>
            <DataTable columns={accountColumns} rows={data.members} rowKey={(m) => m.userId} empty={t('org.noMembers')} />
          </section>
        </article>
      )}
    </RecordStates>
  );
}
