/** Plots: a map of every boundary the user may see, and a searchable, server-paged table. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Page, PlotFeatureCollection, PlotListItem } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { Pagination } from '../components/pagination.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { LazyPlotMap } from '../map/lazy-plot-map.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';

export const PLOTS_PAGE_SIZE = 20;

const pageFrom = (params: URLSearchParams) => {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export function PlotsPage() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const list = useApi<Page<PlotListItem>>(withQuery('/plots', { page, pageSize: PLOTS_PAGE_SIZE, q }));
  const geo = useApi<PlotFeatureCollection>('/plots.geojson');

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery('/plots', { q: draft.trim() }));
  };

  return (
    <div className="plots">
      <header className="page-header">
        <h1>{t('plots.title')}</h1>
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

      <form className="search" role="search" onSubmit={onSearch}>
        <label htmlFor="plots-q">{t('plots.search')}</label>
        <div className="search__row">
          <input id="plots-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} enterKeyHint="search" />
          <button type="submit" className="button button--primary">
            {t('common.search')}
          </button>
        </div>
      </form>

      {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' && !list.data ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="plots-list-heading" aria-busy={list.status === 'loading'}>
          <h2 id="plots-list-heading" className="list-heading">
            {t('plots.total', { total: list.data.total })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{q ? t('plots.noMatch', { q }) : t('plots.none')}</p>
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
                      <td data-label={t('plots.household')}>{p.householdName}</td>
                      <td data-label={t('plots.organisation')}>{p.organisationName}</td>
                      <td data-label={t('plots.commune')}>{p.communeName}</td>
                      <td data-label={t('plots.area')} className="num">
                        {fmt.number(p.areaHa, { fixed: 2 })}
                      </td>
                      <td data-label={t('plots.landUse')}>{p.landUse}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(n) => {
              navigate(withQuery('/plots', { q, page: n }), { scroll: false });
              document.getElementById('plots-list-heading')?.scrollIntoView({ block: 'start' });
            }} />
        </section>
      ) : null}
    </div>
  );
}
