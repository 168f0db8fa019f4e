/**
 * Plots: a map of every boundary the user may see (with the list's filters), and a searchable,
 * filterable, server-paged table. Filters live in the URL (?q=&communeCode=&organisationId=&page=).
 */
import type { PlotPage, PlotSummary } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import type { Column } from '../components/data-table.tsx';
import { ApiErrorMessage } from '../components/feedback.tsx';
import { ListFilters, useListFilters } from '../components/list-filters.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ResultList } from '../components/result-list.tsx';
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
  const columns: Column<PlotSummary>[] = [
    { header: t('plots.code'), cell: (p) => <Link to={`/plots/${encodeURIComponent(p.id)}`}>{p.code}</Link> },
    { header: t('plots.name'), cell: (p) => p.name },
    { header: t('plots.household'), cell: (p) => (p.householdId ? <Link to={`/households/${encodeURIComponent(p.householdId)}`}>{p.householdName}</Link> : '—') },
    { header: t('plots.organisation'), cell: (p) => p.organisationName ?? '—' },
    { header: t('plots.commune'), cell: (p) => p.communeName },
    { header: t('plots.area'), num: true, cell: (p) => fmt.number(p.areaHa, { fixed: 2 }) },
    { header: t('plots.landUse'), cell: (p) => t(landUseKey(p.landUse)) },
  ];

  return (
    <div className="plots">
      <PageHeader
        title={t('plots.title')}
        actions={
          <>
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
          </>
        }
      />

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

      <ResultList
        list={list}
        headingId="plots-list-heading"
        heading={(total) => t('plots.total', { total })}
        empty={filtered ? t('plots.noMatch') : t('plots.none')}
        columns={columns}
        rowKey={(p) => p.id}
        onPage={filters.goToPage}
      />
    </div>
  );
}
