/** Organisations the user may see, paged, each linking to its page. */
import type { OrganisationKind, OrganisationPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { Pagination } from '../components/pagination.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';

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
  const navigate = useNavigate();
  const params = useSearchParams();
  const requested = Number(params.get('page'));
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const list = useApi<OrganisationPage>(withQuery('/organisations', { page, pageSize: PAGE_SIZE }));

  return (
    <div className="organisations">
      <header className="page-header">
        <h1>{t('orgs.title')}</h1>
      </header>
      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' && !list.data ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="orgs-list-heading" aria-busy={list.status === 'loading'}>
          <h2 id="orgs-list-heading" className="list-heading">
            {t('orgs.total', { total: list.data.total })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('orgs.name')}</th>
                    <th scope="col">{t('orgs.kind')}</th>
                    <th scope="col">{t('orgs.commune')}</th>
                    <th scope="col" className="num">
                      {t('orgs.members')}
                    </th>
                    <th scope="col" className="num">
                      {t('orgs.plots')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row" data-label={t('orgs.name')}>
                        <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                      </th>
                      <td data-label={t('orgs.kind')}>{t(orgKindKey(o.kind))}</td>
                      <td data-label={t('orgs.commune')}>{o.communeName ?? '—'}</td>
                      <td data-label={t('orgs.members')} className="num">
                        {fmt.number(o.memberCount)}
                      </td>
                      <td data-label={t('orgs.plots')} className="num">
                        {fmt.number(o.plotCount)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(n) => {
              navigate(withQuery('/organisations', { page: n }), { scroll: false });
              document.getElementById('orgs-list-heading')?.scrollIntoView({ block: 'start' });
            }} />
        </section>
      ) : null}
    </div>
  );
}
