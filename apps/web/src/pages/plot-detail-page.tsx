/** One plot: its facts, its boundary on a map and the plots it overlaps. 404 → "not found". */
import { useMemo } from 'react';
import type { PlotDetail, PlotFeatureCollection } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading } from '../components/feedback.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { LazyPlotMap } from '../map/lazy-plot-map.tsx';
import { Link } from '../router/index.tsx';
import { NotFoundPage } from './not-found-page.tsx';

export function PlotDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const plot = useApi<PlotDetail>(`/plots/${encodeURIComponent(id)}`);
  const data = plot.status === 'ready' ? plot.data : null;
  const collection = useMemo<PlotFeatureCollection | null>(
    () =>
      data
        ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data.boundary, properties: { id: data.id, code: data.code, name: data.name, areaHa: data.areaHa } }] }
        : null,
    [data],
  );

  if (plot.status === 'error' && plot.error.status === 404) {
    return <NotFoundPage title="plot.notFound" body="plot.notFoundBody" back={{ to: '/plots', label: 'plot.back' }} />;
  }
  if (plot.status === 'error') return <ApiErrorMessage error={plot.error} onRetry={plot.reload} />;
  if (!data) return <Loading />;

  return (
    <article className="plot-detail">
      <p className="breadcrumb">
        <Link to="/plots">← {t('plot.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('plot.title', { code: data.code })}</h1>
        <p className="lead">{data.name}</p>
      </header>
      <div className="plot-detail__grid">
        <dl className="facts">
          <div>
            <dt>{t('plots.household')}</dt>
            <dd>{data.householdName}</dd>
          </div>
          <div>
            <dt>{t('plots.organisation')}</dt>
            <dd>{data.organisationName}</dd>
          </div>
          <div>
            <dt>{t('plots.commune')}</dt>
            <dd>
              {data.communeName} <span className="muted">({data.communeCode})</span>
            </dd>
          </div>
          <div>
            <dt>{t('plot.province')}</dt>
            <dd>{data.provinceName}</dd>
          </div>
          <div>
            <dt>{t('plots.area')}</dt>
            <dd>{fmt.number(data.areaHa, { fixed: 2 })}</dd>
          </div>
          <div>
            <dt>{t('plots.landUse')}</dt>
            <dd>{data.landUse}</dd>
          </div>
          <div>
            <dt>{t('plot.createdAt')}</dt>
            <dd>{fmt.dateTime(data.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('plot.createdBy')}</dt>
            <dd>{data.createdBy}</dd>
          </div>
        </dl>
        <section aria-labelledby="plot-map-heading">
          <h2 id="plot-map-heading">{t('plot.boundary')}</h2>
          <LazyPlotMap data={collection} label={t('map.title')} className="map--detail" />
        </section>
      </div>
      <section aria-labelledby="plot-overlaps-heading">
        <h2 id="plot-overlaps-heading">{t('plot.overlaps')}</h2>
        {data.overlaps.length === 0 ? (
          <p>{t('plot.noOverlaps')}</p>
        ) : (
          <ul className="overlaps">
            {data.overlaps.map((o) => (
              <li key={o.id}>
                {t('plot.overlapWith', { ha: fmt.number(o.overlapHa, { max: 4 }) })} <Link to={`/plots/${encodeURIComponent(o.id)}`}>{o.code}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
