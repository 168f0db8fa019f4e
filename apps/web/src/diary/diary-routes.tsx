/**
 * The diary's addresses, mounted by app.tsx under /diary:
 *   /diary                                  seasons, plot search, bulk entry, sync state
 *   /diary/plots/:plotId                    a plot's seasons, new season
 *   /diary/seasons/:id                      a season's timeline, facts, flags (:id may be the clientId of a season made offline)
 *   /diary/seasons/:id/new[?type=…]         record an activity (type picker without ?type)
 *   /diary/seasons/:id/activities/:key      edit or delete an entry (:key: server id or queued clientId)
 *   /diary/bulk                             one activity on many seasons
 *   /diary/sync                             the offline queue: conflicts, refusals, waiting entries
 */
import type { MessageKey } from '../i18n/index.tsx';
import { matchPath } from '../router/index.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { ActivityFormPage } from './activity-form-page.tsx';
import { BulkPage } from './bulk-page.tsx';
import { DiaryHomePage } from './diary-home-page.tsx';
import { PlotSeasonsPage } from './plot-seasons-page.tsx';
import { SeasonPage } from './season-page.tsx';
import { SyncPage } from './sync-page.tsx';

/** Page titles by address pattern, for app.tsx's document title. */
export const DIARY_TITLES: Array<[string, MessageKey]> = [
  ['/diary', 'diary.nav'],
  ['/diary/bulk', 'diary.bulk.title'],
  ['/diary/sync', 'offline.queueTitle'],
  ['/diary/plots/:id', 'diary.nav'],
  ['/diary/seasons/:id', 'diary.nav'],
  ['/diary/seasons/:id/new', 'diary.addActivity'],
  ['/diary/seasons/:id/activities/:key', 'diary.edit'],
];

export const isDiaryPath = (pathname: string) => pathname === '/diary' || pathname.startsWith('/diary/');

export function DiaryRoutes({ pathname }: { pathname: string }) {
  if (pathname === '/diary') return <DiaryHomePage />;
  if (pathname === '/diary/bulk') return <BulkPage />;
  if (pathname === '/diary/sync') return <SyncPage />;
  const plot = matchPath('/diary/plots/:id', pathname);
  if (plot?.id) return <PlotSeasonsPage key={plot.id} plotId={plot.id} />;
  const season = matchPath('/diary/seasons/:id', pathname);
  if (season?.id) return <SeasonPage key={season.id} id={season.id} />;
  const add = matchPath('/diary/seasons/:id/new', pathname);
  if (add?.id) return <ActivityFormPage key={`${add.id}-new`} seasonId={add.id} />;
  const edit = matchPath('/diary/seasons/:id/activities/:key', pathname);
  if (edit?.id && edit.key) return <ActivityFormPage key={`${edit.id}-${edit.key}`} seasonId={edit.id} entryKey={edit.key} />;
  return <NotFoundPage />;
}
