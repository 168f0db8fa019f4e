/**
 * The dashboard of a province or one of its communes for a year (filters: crop, season): headline
 * figures, the plans in scope, a map (communes coloured by an indicator → a commune's plots coloured
 * by practice or emission intensity → one plot), communes, the trend by year and season, and the
 * practices. Everything in the URL (?province=&commune=&year=&crop=&season=&colour=&indicator=&plot=),
 * so a view can be shared and the back button walks back up the drill-down.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { AdminUnitPage, SessionUser } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { SEASON_NAMES, thisYear, useLocalName, useSeasonName } from '../plans/shared.tsx';
import type { DashboardFigures, DashboardSummary } from '../plans/types.ts';
import type { MapFeatureCollection } from './dashboard-map.tsx';
import { MapLegend } from './map-legend.tsx';
import { practiceKey } from './map-colours.ts';
import { TrendChart } from './trend-chart.tsx';

const DashboardMap = lazy(() => import('./dashboard-map.tsx'));

const UNIT_INDICATORS = ['lowEmissionSharePct', 'awdSharePct', 'strawCollectedPct', 'ghgReductionPct', 'intensityTCo2ePerHa'] as const;
type UnitIndicator = (typeof UNIT_INDICATORS)[number];
const INDICATOR_KEYS: Record<UnitIndicator, MessageKey> = {
  lowEmissionSharePct: 'dash.fig.lowEmission',
  awdSharePct: 'dash.fig.awd',
  strawCollectedPct: 'dash.fig.strawCollected',
  ghgReductionPct: 'dash.fig.ghgReduction',
  intensityTCo2ePerHa: 'dash.fig.intensity',
};

/** The province a caller lands on: their own, their commune's, or Cần Thơ for the admin. */
function useHomeProvince(user: SessionUser | null) {
  const code = user?.adminUnitCode ?? null;
  const commune = useApi<{ parentCode: string | null }>(code && code.length === 5 ? `/admin-units/${code}` : null);
  if (code && code.length === 2) return code;
  if (code && code.length === 5) return commune.data?.parentCode ?? null;
  return '92';
}

export function DashboardPage() {
  const t = useT();
  const fmt = useFormat();
  const params = useSearchParams();
  const navigate = useNavigate();
  const seasonName = useSeasonName();
  const name = useLocalName();
  const { user } = useSession();
  const home = useHomeProvince(user);
  const province = params.get('province') ?? home;
  const commune = params.get('commune') ?? (user?.adminUnitCode?.length === 5 ? user.adminUnitCode : null);
  const year = Number(params.get('year')) || thisYear();
  const crop = params.get('crop') ?? '';
  const season = params.get('season') ?? '';
  const colour = params.get('colour') === 'intensity' ? 'intensity' : 'practice';
  const indicator: UnitIndicator = (UNIT_INDICATORS as readonly string[]).includes(params.get('indicator') ?? '') ? (params.get('indicator') as UnitIndicator) : 'lowEmissionSharePct';
  const selectedPlot = params.get('plot');
  const state = { province, commune, year, crop: crop || null, season: season || null, colour, indicator, plot: selectedPlot };
  const go = (next: Partial<typeof state>, options: { replace?: boolean } = {}) => navigate(withQuery('/dashboards', { ...state, ...next }), { scroll: false, ...options });

  const query = province ? { provinceCode: province, communeCode: commune, year, cropCode: crop || null, seasonName: season || null } : null;
  const summary = useApi<DashboardSummary>(query ? withQuery('/dashboards/summary', query) : null);
  const provinces = useApi<AdminUnitPage>(user?.role === 'admin' ? withQuery('/admin-units', { level: 'province', pageSize: 50 }) : null);
  const map = useApi<MapFeatureCollection>(
    !query ? null : commune
      ? withQuery('/dashboards/plots.geojson', { ...query, communeCode: commune, colourBy: colour })
      : withQuery('/dashboards/units.geojson', { provinceCode: province, year, cropCode: crop || null, seasonName: season || null, indicator }),
  );
  const s = summary.data;
  const years = useMemo(() => [...new Set([...(s?.years ?? []), year, thisYear()])].sort((a, b) => b - a).map(String), [s?.years, year]);
  const plotFeature = selectedPlot && commune ? map.data?.features.find((f) => f.id === selectedPlot) : undefined;

  if (!province) return <Loading />;
  return (
    <div className="dashboard">
      <nav className="breadcrumbs" aria-label={t('plans.breadcrumbs')}>
        {commune ? <Link to={withQuery('/dashboards', { ...state, commune: null, plot: null })}>{s?.scope.provinceName ?? province}</Link> : <span>{s?.scope.provinceName ?? province}</span>}
        {commune ? <span aria-current="page">{s?.scope.communeName ?? commune}</span> : null}
      </nav>
      <header className="page-header">
        <h1>{t('dash.titleFor', { unit: s ? (s.scope.communeName ?? s.scope.provinceName) : '…' })}</h1>
        <p className="lead">{t('dash.intro')}</p>
      </header>

      <form className="filters card" role="search" aria-label={t('dash.filters')} onSubmit={(e) => e.preventDefault()}>
        {provinces.data ? (
          <SelectField id="dash-province" label={t('dash.province')} value={province} options={provinces.data.items.map((p) => p.code)} optionLabel={(c) => provinces.data?.items.find((p) => p.code === c)?.name ?? c} onValueChange={(c) => go({ province: c, commune: null, plot: null })} />
        ) : null}
        <SelectField id="dash-year" label={t('dash.year')} value={String(year)} options={years} optionLabel={(y) => y} onValueChange={(y) => go({ year: Number(y), plot: null })} />
        <SelectField id="dash-crop" label={t('dash.crop')} value={crop} options={['', ...(s?.crops.map((c) => c.code) ?? [])]} optionLabel={(c) => (c ? name(s!.crops.find((x) => x.code === c)!) : t('dash.allCrops'))} onValueChange={(c) => go({ crop: c || null, plot: null })} />
        <SelectField id="dash-season" label={t('dash.season')} value={season} options={['', ...SEASON_NAMES]} optionLabel={(x) => (x ? seasonName(x) : t('dash.allSeasons'))} onValueChange={(x) => go({ season: x || null, plot: null })} />
      </form>

      {summary.status === 'error' ? <ApiErrorMessage error={summary.error} onRetry={summary.reload} /> : null}
      {!s && summary.status === 'loading' ? <Loading /> : null}
      {s ? (
        <>
          {s.pendingSeasons > 0 ? <p className="alert alert--info" role="status">{t('plans.pending', { n: s.pendingSeasons })}</p> : null}
          <Figures figures={s.totals} plots={s.registeredPlots} />

          {s.plans.length ? (
            <section aria-labelledby="dash-plans" className="dash-plans">
              <h2 id="dash-plans">{t('dash.plans')}</h2>
              <ul className="link-list">
                {s.plans.map((p) => (
                  <li key={p.id}>
                    <Link to={withQuery(`/plans/${encodeURIComponent(p.id)}`, { year })}>{name(p)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="dash-map" className="map-section">
            <div className="section-head">
              <h2 id="dash-map">{commune ? t('dash.mapPlots') : t('dash.mapCommunes')}</h2>
              {commune ? (
                <SelectField id="dash-colour" label={t('dash.colourBy')} value={colour} options={['practice', 'intensity']} optionLabel={(c) => t(c === 'practice' ? 'dash.colour.practice' : 'dash.colour.intensity')} onValueChange={(c) => go({ colour: c, plot: null }, { replace: true })} />
              ) : (
                <SelectField id="dash-indicator" label={t('dash.colourBy')} value={indicator} options={UNIT_INDICATORS} optionLabel={(i) => t(INDICATOR_KEYS[i])} onValueChange={(i) => go({ indicator: i }, { replace: true })} />
              )}
            </div>
            {map.status === 'error' ? <ApiErrorMessage error={map.error} onRetry={map.reload} /> : null}
            <Suspense fallback={<div className="map map--loading"><Loading /></div>}>
              <DashboardMap
                mode={commune ? 'plots' : 'units'}
                // Only an answer to this query: while the communes' map turns into a commune's plots, the
                // previous answer is of the other kind.
                data={map.status === 'ready' ? map.data : null}
                colourBy={commune ? colour : indicator === 'intensityTCo2ePerHa' ? 'intensityValue' : 'share'}
                label={commune ? t('dash.mapPlotsLabel') : t('dash.mapCommunesLabel')}
                onSelect={(id) => (commune ? go({ plot: id }, { replace: true }) : go({ commune: id, plot: null }))}
              />
            </Suspense>
            <MapLegend mode={commune ? 'plots' : 'units'} colourBy={commune ? colour : indicator === 'intensityTCo2ePerHa' ? 'intensity' : 'share'} data={map.data} />
            <p className="muted map-hint">{commune ? t('dash.mapPlotsHint') : t('dash.mapCommunesHint')}</p>
            {commune && map.data && typeof map.data.plotCount === 'number' && map.data.plotCount > map.data.features.length ? (
              <p className="alert alert--info" role="note">{t('dash.mapPlotsTruncated', { shown: map.data.features.length, total: map.data.plotCount })}</p>
            ) : null}
            {plotFeature ? <PlotPanel properties={plotFeature.properties} onClose={() => go({ plot: null }, { replace: true })} /> : null}
          </section>

          {!commune ? <CommuneTable summary={s} onOpen={(code) => go({ commune: code, plot: null })} /> : null}

          <section aria-labelledby="dash-trend">
            <h2 id="dash-trend">{t('dash.trend')}</h2>
            {s.trend.length ? (
              <>
                <TrendChart rows={s.trend} label={t('dash.trendChart')} />
                <TableScroll label={t('common.tableScroll')}>
                  <table className="table table--cards">
                    <thead>
                      <tr>
                        <th scope="col">{t('dash.seasonYear')}</th>
                        <th scope="col" className="num">{t('dash.fig.area')}</th>
                        <th scope="col" className="num">{t('dash.fig.lowEmission')}</th>
                        <th scope="col" className="num">{t('dash.fig.emissions')}</th>
                        <th scope="col" className="num">{t('dash.fig.ghgReduction')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.trend.map((r) => (
                        <tr key={`${r.year}-${r.seasonName}`}>
                          <th scope="row" data-label={t('dash.seasonYear')}>{seasonName(r.seasonName)} {r.year}</th>
                          <td className="num" data-label={t('dash.fig.area')}>{fmt.number(r.areaHa, { fixed: 1 })}</td>
                          <td className="num" data-label={t('dash.fig.lowEmission')}>{r.lowEmissionSharePct === null ? '—' : fmt.percent(r.lowEmissionSharePct)}</td>
                          <td className="num" data-label={t('dash.fig.emissions')}>{fmt.number(r.projectCo2eT, { fixed: 1 })}</td>
                          <td className="num" data-label={t('dash.fig.ghgReduction')}>{r.ghgReductionPct === null ? '—' : fmt.percent(r.ghgReductionPct)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            ) : (
              <p>{t('dash.noSeasons')}</p>
            )}
          </section>

          <PracticeTable summary={s} />
          <p className="muted small">{s.refreshedAt ? t('dash.refreshedAt', { at: fmt.dateTime(s.refreshedAt) }) : null} {t('dash.method')}</p>
        </>
      ) : null}
    </div>
  );
}

function Figures({ figures: f, plots }: { figures: DashboardFigures; plots: { plotCount: number; areaHa: number } }) {
  const t = useT();
  const fmt = useFormat();
  const pct = (v: number | null) => (v === null ? '—' : fmt.percent(v));
  const num = (v: number | null, digits = 1) => (v === null ? '—' : fmt.number(v, { fixed: digits }));
  const items: Array<[MessageKey, string, string?]> = [
    ['dash.fig.area', `${num(f.areaHa)} ha`, t('dash.fig.seasons', { n: f.seasonCount })],
    ['dash.fig.registered', `${fmt.number(plots.plotCount)}`, `${num(plots.areaHa)} ha`],
    ['dash.fig.lowEmission', pct(f.lowEmissionSharePct)],
    ['dash.fig.awd', pct(f.awdSharePct)],
    ['dash.fig.seed', f.seedRateKgPerHa === null ? '—' : `${num(f.seedRateKgPerHa)} kg/ha`],
    ['dash.fig.n', f.chemicalNKgPerHa === null ? '—' : `${num(f.chemicalNKgPerHa)} kg N/ha`],
    ['dash.fig.strawCollected', pct(f.strawCollectedPct), f.strawBurntPct ? t('dash.fig.strawBurnt', { pct: pct(f.strawBurntPct) }) : undefined],
    ['dash.fig.loss', pct(f.postHarvestLossPct)],
    ['dash.fig.mechanisation', pct(f.mechanisationPct)],
    ['dash.fig.emissionsKpi', `${num(f.projectCo2eT)} ${t('plans.measure.tCo2e')}`, t('dash.fig.emissionSeasons', { n: f.emissionSeasonCount })],
    ['dash.fig.ghgReduction', pct(f.ghgReductionPct), t('dash.fig.vsTraditional')],
    ['dash.fig.intensity', f.intensityTCo2ePerHa === null ? '—' : `${num(f.intensityTCo2ePerHa, 2)} t/ha`],
  ];
  return (
    <section aria-labelledby="dash-figures">
      <h2 id="dash-figures" className="visually-hidden">{t('dash.figures')}</h2>
      <dl className="kpis">
        {items.map(([key, value, note]) => (
          <div key={key} className="kpi">
            <dt>{t(key)}</dt>
            <dd>
              <span className="kpi__value">{value}</span>
              {note ? <span className="kpi__note">{note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function CommuneTable({ summary, onOpen }: { summary: DashboardSummary; onOpen: (code: string) => void }) {
  const t = useT();
  const fmt = useFormat();
  const pct = (v: number | null) => (v === null ? '—' : fmt.percent(v));
  return (
    <section aria-labelledby="dash-communes">
      <h2 id="dash-communes">{t('dash.communes')}</h2>
      {summary.byCommune.length === 0 ? <p>{t('dash.noCommunes')}</p> : (
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('dash.commune')}</th>
                <th scope="col" className="num">{t('dash.fig.registered')}</th>
                <th scope="col" className="num">{t('dash.fig.area')}</th>
                <th scope="col" className="num">{t('dash.fig.lowEmission')}</th>
                <th scope="col" className="num">{t('dash.fig.awd')}</th>
                <th scope="col" className="num">{t('dash.fig.ghgReduction')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.byCommune.map((c) => (
                <tr key={c.communeCode}>
                  <th scope="row" data-label={t('dash.commune')}>
                    <button type="button" className="link-button" onClick={() => onOpen(c.communeCode)}>{c.communeName}</button>
                  </th>
                  <td className="num" data-label={t('dash.fig.registered')}>{fmt.number(c.plotCount)}</td>
                  <td className="num" data-label={t('dash.fig.area')}>{fmt.number(c.areaHa, { fixed: 1 })}</td>
                  <td className="num" data-label={t('dash.fig.lowEmission')}>{pct(c.lowEmissionSharePct)}</td>
                  <td className="num" data-label={t('dash.fig.awd')}>{pct(c.awdSharePct)}</td>
                  <td className="num" data-label={t('dash.fig.ghgReduction')}>{pct(c.ghgReductionPct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

const REGIME_KEYS: Record<string, MessageKey> = {
  continuously_flooded: 'dash.regime.flooded',
  single_drainage: 'dash.regime.single',
  multiple_drainage: 'dash.regime.multiple',
  unknown: 'dash.regime.unknown',
  '': 'dash.regime.none',
};
const STRAW_KEYS: Record<string, MessageKey> = {
  burnt: 'dash.straw.burnt',
  removed: 'dash.straw.removed',
  incorporated: 'dash.straw.incorporated',
  left: 'dash.straw.left',
  none: 'dash.straw.none',
};

function PracticeTable({ summary }: { summary: DashboardSummary }) {
  const t = useT();
  const fmt = useFormat();
  if (!summary.byPractice.length) return null;
  return (
    <section aria-labelledby="dash-practices">
      <h2 id="dash-practices">{t('dash.practices')}</h2>
      <TableScroll label={t('common.tableScroll')}>
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">{t('dash.waterRegime')}</th>
              <th scope="col">{t('dash.straw')}</th>
              <th scope="col" className="num">{t('dash.fig.seasonsShort')}</th>
              <th scope="col" className="num">{t('dash.fig.area')}</th>
              <th scope="col" className="num">{t('dash.fig.emissions')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.byPractice.map((p) => (
              <tr key={`${p.waterRegime}|${p.strawPractice}`}>
                <th scope="row" data-label={t('dash.waterRegime')}>{t(REGIME_KEYS[p.waterRegime] ?? 'dash.regime.unknown')}</th>
                <td data-label={t('dash.straw')}>{t(STRAW_KEYS[p.strawPractice] ?? 'dash.straw.none')}</td>
                <td className="num" data-label={t('dash.fig.seasonsShort')}>{fmt.number(p.seasonCount)}</td>
                <td className="num" data-label={t('dash.fig.area')}>{fmt.number(p.areaHa, { fixed: 1 })}</td>
                <td className="num" data-label={t('dash.fig.emissions')}>{fmt.number(p.projectCo2eT, { fixed: 1 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The plot chosen on the map: its practice, intensity, and the way to its record. */
function PlotPanel({ properties: p, onClose }: { properties: Record<string, unknown>; onClose: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const seasonName = useSeasonName();
  const id = String(p.id);
  const intensity = typeof p.intensityTCo2ePerHa === 'number' ? p.intensityTCo2ePerHa : null;
  const reduction = typeof p.ghgReductionPct === 'number' ? p.ghgReductionPct : null;
  return (
    <aside className="card plot-panel" aria-labelledby="plot-panel-title" role="region">
      <div className="section-head">
        <h3 id="plot-panel-title">{t('dash.plotTitle', { code: String(p.code) })}</h3>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>{t('dash.close')}</button>
      </div>
      <dl className="meta">
        <div><dt>{t('dash.plotName')}</dt><dd>{String(p.name)}</dd></div>
        <div><dt>{t('dash.fig.area')}</dt><dd>{fmt.number(Number(p.areaHa), { fixed: 2 })} ha</dd></div>
        <div><dt>{t('dash.practiceLabel')}</dt><dd>{t(practiceKey(String(p.practice)))}</dd></div>
        {p.seasonName ? <div><dt>{t('dash.season')}</dt><dd>{seasonName(String(p.seasonName))}</dd></div> : null}
        <div><dt>{t('dash.fig.intensity')}</dt><dd>{intensity === null ? '—' : `${fmt.number(intensity, { fixed: 2 })} t CO2e/ha`}</dd></div>
        <div><dt>{t('dash.fig.ghgReduction')}</dt><dd>{reduction === null ? '—' : fmt.percent(reduction)}</dd></div>
      </dl>
      <p className="link-row">
        <Link to={`/plots/${encodeURIComponent(id)}`} className="button button--secondary">{t('dash.openPlot')}</Link>
        {p.seasonId ? <Link to={`/diary/seasons/${encodeURIComponent(String(p.seasonId))}`} className="button button--ghost">{t('dash.openSeason')}</Link> : null}
      </p>
    </aside>
  );
}
