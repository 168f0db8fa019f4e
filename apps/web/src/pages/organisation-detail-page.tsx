/** One organisation: kind, place, tax code and GLN, its size (households, plots, hectares) and its user accounts. */
import type { OrganisationDetail } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, withQuery } from '../router/index.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { orgKindKey } from './organisations-page.tsx';

export function OrganisationDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const org = useApi<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`);
  const data = org.data;

  if (org.status === 'error' && org.error.status === 404) {
    return <NotFoundPage title="org.notFound" body="org.notFoundBody" back={{ to: '/organisations', label: 'org.back' }} />;
  }
  if (org.status === 'error' && !data) return <ApiErrorMessage error={org.error} onRetry={org.reload} />;
  if (!data) return <Loading />;

  return (
    <article className="organisation-detail">
      <p className="breadcrumb">
        <Link to="/organisations">← {t('org.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{data.name}</h1>
        <p className="lead">{t(orgKindKey(data.kind))}</p>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('plots.commune')}</dt>
          <dd>{data.communeName ? `${data.communeName} (${data.communeCode ?? ''})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('org.taxCode')}</dt>
          <dd>{data.taxCode ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('org.gln')}</dt>
          <dd>{data.gln ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('org.households')}</dt>
          <dd>
            <Link to={withQuery('/households', { organisationId: data.id })}>{fmt.number(data.householdCount)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('org.plots')}</dt>
          <dd>
            <Link to={withQuery('/plots', { organisationId: data.id })}>{fmt.number(data.plotCount)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('org.area')}</dt>
          <dd>{t('draw.ha', { value: fmt.number(data.areaHa, { fixed: 2 }) })}</dd>
        </div>
      </dl>
      <section aria-labelledby="org-members-heading">
        <h2 id="org-members-heading">{t('org.members')}</h2>
        {data.members.length === 0 ? (
          <p>{t('org.noMembers')}</p>
        ) : (
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('org.memberName')}</th>
                  <th scope="col">{t('home.role')}</th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row" data-label={t('org.memberName')}>
                      {m.displayName}
                    </th>
                    <td data-label={t('home.role')}>{t(`role.${m.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}
