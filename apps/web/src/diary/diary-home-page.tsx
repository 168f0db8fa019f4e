/**
 * The diary's start: the sync state, the seasons the person follows (newest first, filtered by year
 * and season name), a plot search to open a plot's seasons or start one, and the recorder's bulk
 * entry. Lists opened once stay on the phone for use with no signal.
 */
import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session.tsx';
import { Loading } from '../components/feedback.tsx';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { cacheKeys } from '../offline/store.ts';
import { useCached } from '../offline/use-cached.ts';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { SEASON_NAMES, seasonNameLabel, seasonStatusLabel } from './labels.ts';
import { SyncBar } from './sync-ui.tsx';
import type { PlotPage, SeasonName, SeasonPage } from './types.ts';

const PAGE_SIZE = 20;
/** Roles that record diaries (apps/server/src/modules/auth/permissions.ts: diary:write). */
export const DIARY_WRITERS = new Set(['farmer', 'coop_manager', 'coop_recorder', 'admin']);

export function DiaryHomePage() {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const { user } = useSession();
  const navigate = useNavigate();
  const params = useSearchParams();
  const userId = user?.id ?? 'nobody';
  const thisYear = new Date().getFullYear();
  const year = params.get('year') ?? String(thisYear);
  const seasonName = (SEASON_NAMES as readonly string[]).includes(params.get('season') ?? '') ? (params.get('season') as SeasonName) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);

  const seasonsQuery = withQuery('/seasons', { year: year === 'all' ? null : year, seasonName, page, pageSize: PAGE_SIZE });
  const seasons = useCached<SeasonPage>(seasonsQuery, cacheKeys.seasons(userId, seasonsQuery));
  const plotsQuery = withQuery('/plots', { q, pageSize: 20 });
  const plots = useCached<PlotPage>(q ? plotsQuery : null, q ? cacheKeys.plots(userId, plotsQuery) : null);
  const setParam = (changes: Record<string, string | number | null>) =>
    navigate(withQuery('/diary', { year: year === String(thisYear) ? null : year, season: seasonName || null, q: q || null, page: null, ...changes }), { replace: true, scroll: false });
  const pages = seasons.data ? Math.max(1, Math.ceil(seasons.data.total / PAGE_SIZE)) : 1;

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setParam({ q: search.trim() || null });
  };

  return (
    <article className="diary diary-home">
      <header className="page-header">
        <h1>{t('diary.title')}</h1>
        <p className="lead">{t('diary.lead')}</p>
      </header>
      <SyncBar />
      {user && DIARY_WRITERS.has(user.role) ? (
        <ul className="shortcuts diary-home__actions">
          <li>
            <Link to="/diary/bulk" className="shortcut">
              <span className="shortcut__title">{t('diary.bulk.title')}</span>
              <span className="shortcut__text">{t('diary.bulk.short')}</span>
            </Link>
          </li>
          <li>
            <Link to="/diary/sync" className="shortcut">
              <span className="shortcut__title">{t('offline.queueTitle')}</span>
              <span className="shortcut__text">{t('offline.queueShort')}</span>
            </Link>
          </li>
        </ul>
      ) : null}

      <section aria-labelledby="plot-search-heading">
        <h2 id="plot-search-heading">{t('diary.findPlot')}</h2>
        <form className="search" role="search" onSubmit={onSearch}>
          <label htmlFor="diary-plot-q" className="visually-hidden">
            {t('diary.findPlot')}
          </label>
          <div className="search__row">
            <input id="diary-plot-q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('diary.findPlotPlaceholder')} />
            <button type="submit" className="button button--primary">
              {t('common.search')}
            </button>
          </div>
        </form>
        {q ? (
          plots.data ? (
            plots.data.items.length ? (
              <ul className="season-list">
                {plots.data.items.map((p) => (
                  <li key={p.id}>
                    <Link to={`/diary/plots/${encodeURIComponent(p.id)}`} className="season-card">
                      <span className="season-card__title">{p.code}</span>
                      <span className="season-card__crop">{p.name}</span>
                      <span className="season-card__meta">
                        {t('diary.areaHa', { ha: fmt.number(p.areaHa, { max: 2 }) })}
                        {p.householdName ? ` · ${p.householdName}` : ''}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('diary.noPlots')}</p>
            )
          ) : plots.loading ? (
            <Loading />
          ) : (
            <p className="alert alert--warning">{t('diary.offlineNotSaved')}</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="season-list-heading">
        <h2 id="season-list-heading">{t('diary.seasons')}</h2>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="diary-year">{t('diary.year')}</label>
            <select id="diary-year" value={year} onChange={(e) => setParam({ year: e.target.value === String(thisYear) ? null : e.target.value })}>
              {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
              <option value="all">{t('diary.allYears')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="diary-season-name">{t('diary.seasonName')}</label>
            <select id="diary-season-name" value={seasonName} onChange={(e) => setParam({ season: e.target.value || null })}>
              <option value="">{t('diary.allSeasons')}</option>
              {SEASON_NAMES.map((n) => (
                <option key={n} value={n}>
                  {seasonNameLabel(t, n)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {seasons.stale && seasons.savedAt ? <p className="alert alert--warning">{t('diary.showingSaved', { at: fmt.dateTime(seasons.savedAt) })}</p> : null}
        {!seasons.data ? (
          seasons.loading ? <Loading /> : <p className="alert alert--warning">{t('diary.offlineNotSaved')}</p>
        ) : seasons.data.items.length === 0 ? (
          <p>{t('diary.noSeasonsFound')}</p>
        ) : (
          <>
            <ul className="season-list">
              {seasons.data.items.map((s) => (
                <li key={s.id}>
                  <Link to={`/diary/seasons/${encodeURIComponent(s.id)}`} className="season-card">
                    <span className="season-card__title">
                      {s.plotCode} · {seasonNameLabel(t, s.seasonName)} {s.year}
                    </span>
                    <span className="season-card__crop">
                      {lang === 'vi' ? s.cropNameVi : s.cropNameEn}
                      {s.variety ? ` ${s.variety}` : ''} · {s.plotName}
                    </span>
                    <span className="season-card__meta">
                      {t('diary.entries', { n: s.activityCount })}
                      {s.openFlagCount > 0 ? ` · ${t('diary.openFlags', { n: s.openFlagCount })}` : ''}
                    </span>
                    <span className="season-card__status">
                      <span className="badge">{seasonStatusLabel(t, s.status)}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {pages > 1 ? (
              <nav className="pagination" aria-label={t('common.pagination')}>
                <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setParam({ page: page - 1 })}>
                  {t('common.previous')}
                </button>
                <span className="pagination__status">{t('common.pageOf', { page, pages })}</span>
                <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => setParam({ page: page + 1 })}>
                  {t('common.next')}
                </button>
              </nav>
            ) : null}
          </>
        )}
      </section>
    </article>
  );
}
