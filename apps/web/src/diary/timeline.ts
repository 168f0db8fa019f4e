/**
 * A season's diary as the person sees it: the server's activities with the entries still in the
 * phone's queue laid over them, each with its sync state ("Chờ đồng bộ", "Đã đồng bộ", "Xung đột",
 * "Bị từ chối"). Pure (timeline.test.ts).
 */
import type { QueueItem } from '../offline/queue.ts';
import type { Activity, ActivityType, Photo, SeasonDetail } from './types.ts';

export type SyncBadge = 'synced' | 'pending' | 'conflict' | 'rejected';

export interface TimelineEntry {
  /** The server's activity id, or the clientId of an entry not yet stored. */
  key: string;
  server: Activity | null;
  /** The queued create, change or deletion that decides what is shown; null when the server's version is shown as is. */
  item: QueueItem | null;
  type: ActivityType;
  occurredOn: string;
  details: Record<string, unknown>;
  sync: SyncBadge;
  /** A deletion waits to be sent. */
  deleting: boolean;
  photos: Photo[];
  queuedPhotos: QueueItem[];
  recordedOnBehalf: boolean;
  recordedAt: string;
}

export const badgeOf = (item: QueueItem): SyncBadge => (item.state === 'conflict' ? 'conflict' : item.state === 'rejected' ? 'rejected' : 'pending');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The season's ids an entry may point at: its server id and the clientId it was created with. */
export const seasonRefs = (season: { id: string; clientId: string | null }) => new Set([season.id, ...(season.clientId ? [season.clientId] : [])]);

export function buildTimeline(season: { id: string; clientId: string | null }, activities: readonly Activity[], items: readonly QueueItem[]): TimelineEntry[] {
  const refs = seasonRefs(season);
  const entries: TimelineEntry[] = activities
    .filter((a) => !a.deletedAt)
    .map((a) => ({
      key: a.id, server: a, item: null, type: a.type, occurredOn: a.occurredOn, details: a.details as Record<string, unknown>, sync: 'synced', deleting: false,
      photos: a.photos, queuedPhotos: [], recordedOnBehalf: a.recordedOnBehalf, recordedAt: a.recordedAt,
    }));
  const stored = new Set(activities.map((a) => a.clientId));
  const find = (ref: string | undefined) => (ref ? entries.find((e) => e.key === ref || e.server?.clientId === ref || e.item?.clientId === ref) : undefined);

  for (const item of [...items].sort((a, b) => a.seq - b.seq)) {
    if (item.kind === 'createActivity') {
      if (!item.seasonRef || !refs.has(item.seasonRef) || stored.has(item.clientId)) continue;
      const { type, occurredOn, details } = item.payload as { type: ActivityType; occurredOn: string; details: unknown };
      entries.push({
        key: item.clientId, server: null, item, type, occurredOn, details: isRecord(details) ? details : {}, sync: badgeOf(item), deleting: false,
        photos: [], queuedPhotos: [], recordedOnBehalf: false, recordedAt: item.recordedAt,
      });
    } else if (item.kind === 'updateActivity') {
      const entry = find(item.activityRef);
      if (!entry) continue;
      const change = item.payload as { occurredOn?: string; details?: unknown };
      if (change.occurredOn) entry.occurredOn = change.occurredOn;
      if (isRecord(change.details)) entry.details = change.details;
      entry.item = item;
      entry.sync = badgeOf(item);
    } else if (item.kind === 'deleteActivity') {
      const entry = find(item.activityRef);
      if (!entry) continue;
      entry.item = item;
      entry.deleting = true;
      entry.sync = badgeOf(item);
    } else if (item.kind === 'photo') {
      find(item.activityRef)?.queuedPhotos.push(item);
    }
  }
  // Newest first: the entry just recorded is at the top, where the person looks.
  return entries.sort((a, b) => (a.occurredOn === b.occurredOn ? b.recordedAt.localeCompare(a.recordedAt) : b.occurredOn.localeCompare(a.occurredOn)));
}

/** The server's answer for one activity folded into a cached season (a deletion removes it). */
export function foldActivity(detail: SeasonDetail, record: Activity): SeasonDetail {
  const others = detail.activities.filter((a) => a.id !== record.id);
  return { ...detail, activities: record.deletedAt ? others : [...others, record] };
}

/** Activity counts by type, live entries only (what the e2e test and the season header show). */
export function countByType(entries: readonly TimelineEntry[]): Partial<Record<ActivityType, number>> {
  const out: Partial<Record<ActivityType, number>> = {};
  for (const e of entries) if (!e.deleting) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}
