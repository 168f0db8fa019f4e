/**
 * One season as the diary screens show it, wherever it lives: on the server (GET /seasons/:id, kept
 * on the phone), or only in the queue (created offline, not yet synced). The timeline lays the
 * queue's entries over the server's (timeline.ts).
 */
import { useEffect, useMemo } from 'react';
import { useSession } from '../auth/session.tsx';
import type { PlotDetail } from '../api/contracts.ts';
import { getEngine, useQueue } from '../offline/engine.ts';
import type { QueueItem } from '../offline/queue.ts';
import { cacheKeys } from '../offline/store.ts';
import { useCached } from '../offline/use-cached.ts';
import { useNavigate } from '../router/index.tsx';
import { useCatalogues } from './catalogues.ts';
import { badgeOf, buildTimeline, type SyncBadge, type TimelineEntry } from './timeline.ts';
import type { Crop, SeasonDetail, SeasonName, SeasonStatus } from './types.ts';

/** What a season's header needs, from the server's season or from a season still in the queue. */
export interface SeasonView {
  id: string;
  clientId: string | null;
  plotId: string;
  plotCode: string | null;
  plotName: string | null;
  cropCode: string;
  crop: Pick<Crop, 'nameVi' | 'nameEn'> | null;
  variety: string | null;
  seasonName: SeasonName;
  year: number;
  status: SeasonStatus | null;
  plannedStartOn: string;
  plannedEndOn: string | null;
  areaHa: number | null;
  /** Not on the server yet: its state in the queue. */
  queued: SyncBadge | null;
  queueItem: QueueItem | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function useSeason(id: string) {
  const { user } = useSession();
  const userId = user?.id ?? 'nobody';
  const items = useQueue();
  const navigate = useNavigate();
  const { crops } = useCatalogues();
  const engine = getEngine();
  const resolved = engine.resolve(id);
  const queuedSeason = items.find((i) => i.kind === 'createSeason' && i.clientId === id) ?? null;

  // A season created offline has a server id once synced: its address follows.
  useEffect(() => {
    if (resolved !== id) navigate(`/diary/seasons/${encodeURIComponent(resolved)}${window.location.search}`, { replace: true, scroll: false });
  }, [resolved, id, navigate]);

  const onServer = !queuedSeason && resolved === id;
  const detail = useCached<SeasonDetail>(onServer ? `/seasons/${encodeURIComponent(id)}` : null, onServer ? cacheKeys.season(userId, id) : null);
  const plotId = queuedSeason?.plotId ?? null;
  const plot = useCached<PlotDetail>(plotId ? `/plots/${encodeURIComponent(plotId)}` : null, plotId ? cacheKeys.plot(userId, plotId) : null);

  const season = useMemo<SeasonView | null>(() => {
    if (queuedSeason) {
      const p = queuedSeason.payload;
      const crop = crops.find((c) => c.code === p.cropCode) ?? null;
      return {
        id: queuedSeason.clientId, clientId: queuedSeason.clientId, plotId: queuedSeason.plotId ?? '', plotCode: plot.data?.code ?? null, plotName: plot.data?.name ?? null,
        cropCode: str(p.cropCode) ?? '', crop, variety: str(p.variety), seasonName: (str(p.seasonName) ?? 'other') as SeasonName, year: typeof p.year === 'number' ? p.year : 0,
        status: null, plannedStartOn: str(p.plannedStartOn) ?? '', plannedEndOn: str(p.plannedEndOn), areaHa: plot.data?.areaHa ?? null, queued: badgeOf(queuedSeason), queueItem: queuedSeason,
      };
    }
    const s = detail.data?.season;
    if (!s) return null;
    return {
      id: s.id, clientId: s.clientId, plotId: s.plotId, plotCode: s.plotCode, plotName: s.plotName, cropCode: s.cropCode, crop: { nameVi: s.cropNameVi, nameEn: s.cropNameEn },
      variety: s.variety, seasonName: s.seasonName, year: s.year, status: s.status, plannedStartOn: s.plannedStartOn, plannedEndOn: s.plannedEndOn, areaHa: s.areaHa,
      queued: null, queueItem: null,
    };
  }, [queuedSeason, crops, plot.data, detail.data]);

  const timeline = useMemo<TimelineEntry[]>(
    () => (season ? buildTimeline({ id: season.id, clientId: season.clientId }, detail.data?.activities ?? [], items) : []),
    [season, detail.data, items],
  );

  return {
    season,
    detail: detail.data,
    timeline,
    redirecting: resolved !== id,
    loading: !season && (detail.loading || (queuedSeason !== null && plot.loading)),
    stale: detail.stale,
    savedAt: detail.savedAt,
    error: detail.error,
    reload: detail.reload,
  };
}
