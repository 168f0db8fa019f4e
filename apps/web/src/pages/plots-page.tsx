/**
 * Plots: a map of every boundary the user may see (with the list's filters), and a searchable,
 * filterable, server-paged table. Filters live in the URL (?q=&communeCode=&organisationId=&page=).
 */
import type { PlotPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { ListFilters, useListFilters } from '../components/list-filters.tsx';
import { Pagination } from '../components/pagination.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import type { PlotFeatureCollection } from '../map/geojson.ts';
import { LazyPlotMap } from '../map/lazy-plot-map.tsx';
import { Link, useNavigate, withQuery } from '../router/index.tsx';
import { landUseKey } from './land-use.ts';

export const PLOTS_PAGE_SIZE = 20;

export function PlotsPage() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { user } = useSession();
  const filters = useListFilters('/plots');
  const { q, communeCode, organisationId, page } = filters.value;

  const list = useApi<PlotPage>(withQuery('/plots', { page, pageSize: PLOTS_PAGE_SIZE, q, communeCode, organisationId }));
  const geo = useApi<PlotFeatureCollection>(withQuery('/plots.geojson', { q, communeCode, organisationId }));
  const filtered = Boolean(q || communeCode || organisationId);

  return (
    <div className="plots">
      <header className="page-header page-header--actions">
        <h1>{t('plots.title')}</h1>
        <div className="page-actions">
          {can(user?.role, 'plots:edit') ? (
            <Link to="/plots/new" className="button button--primary">
              + {t('plots.new')}
            </Link>
          ) : null}
          {can(user?.role, 'plots:import') ? (
            <Link to="/import" className="button button--secondary">
              {t('nav.import')}
            </Link>
          ) : null}
        </div>
      </header>

      <div className="map-section">
        <h2 className="visually-hidden">{t('plots.map')}</h2>
        {geo.status === 'error' ? (
          <ApiErrorMessage error={geo.error} onRetry={geo.reload}>
            {t('plots.mapError')}
          </ApiErrorMessage>
        ) : (
          <>
            <LazyPlotMap data={geo.data} label={t('plots.map')} onSelectPlot={(id) => navigate(`/plots/${encodeURIComponent(id)}`)} />
            <p className="muted map-hint">{geo.status === 'ready' && geo.data.features.length === 0 ? t('plots.mapEmpty') : t('plots.mapHint')}</p>
          </>
        )}
      </div>

      <ListFilters filters={filters} searchLabel={t('plots.search')} idPrefix="plots" fields={{ q: true, commune: true, organisation: true }} />

      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' && !list.data ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="plots-list-heading" aria-busy={list.status === 'loading'}>
          <h2 id="plots-list-heading" className="list-heading">
            {t('plots.total', { total: list.data.total })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{filtered ? t('plots.noMatch') : t('plots.none')}</p>
          ) : (
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('plots.code')}</th>
                    <th scope="col">{t('plots.name')}</th>
                    <th scope="col">{t('plots.household')}</th>
                    <th scope="col">{t('plots.organisation')}</th>
                    <th scope="col">{t('plots.commune')}</th>
                    <th scope="col" className="num">
                      {t('plots.area')}
                    </th>
                    <th scope="col">{t('plots.landUse')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" data-label={t('plots.code')}>
                        <Link to={`/plots/${encodeURIComponent(p.id)}`}>{p.code}</Link>
                      </th>
                      <td data-label={t('plots.name')}>{p.name}</td>
                      <td data-label={t('plots.household')}>{p.householdId ? <Link to={`/households/${encodeURIComponent(p.householdId)}`}>{p.householdName}</Link> : '—'}</td>
                      <td data-label={t('plots.organisation')}>{p.organisationName ?? '—'}</td>
                      <td data-label={t('plots.commune')}>{p.communeName}</td>
                      <td data-label={t('plots.area')} className="num">
                        {fmt.number(p.areaHa, { fixed: 2 })}
                      </td>
                      <td data-label={t('plots.landUse')}>{t(landUseKey(p.landUse))}</td>
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
              document.getElementById('plots-list-heading')?.scrollIntoView({ block: 'start' });
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
