/**
 * The sync engine: every diary write goes into the IndexedDB queue first (store.ts), shows at once,
 * and is sent when there is a connection — after each save, when the browser comes back online, on
 * app start, every minute while something waits, and on the "Đồng bộ ngay" button.
 *
 * Sending: POST /sync for seasons and activities (in recording order, so a season created offline
 * and its entries go together), POST /activities/bulk for a recorder's round across many plots, and
 * photo uploads once their activity is on the server. Each answer moves its item (queue.ts): applied
 * or duplicate → removed and folded into the cached season; conflict → kept with the server's
 * version for the person to choose; rejected → kept with the reason. No answer → kept as pending
 * and replayed later under the same clientId, which the server never stores twice.
 *
 * Two tabs never flush at once (Web Locks); if they could, a replay would still be harmless.
 */
import { ApiError, apiRequest, asApiError, uploadBody } from '../api/client.ts';
import type { Activity, BulkActivityResponse, Season, SeasonDetail, SeasonPage, SyncResponse } from '../diary/types.ts';
import { foldActivity } from '../diary/timeline.ts';
import { afterNoAnswer, applyResult, edit, keepMine, markSending, nextBatch, retarget, toMutation, versionOf, type PhotoUpload, type QueueError, type QueueItem } from './queue.ts';
import { freshGet } from './fresh-get.ts';
import { newClientId } from './ids.ts';
import { cacheGet, cacheKeys, cachePut, cacheUpdate, createQueueStore } from './store.ts';

/** Why the last flush stopped short: no connection, the session ended, or the server failed. */
export type SyncProblem = 'offline' | 'signedOut' | 'server' | null;

export interface EngineStatus {
  syncing: boolean;
  online: boolean;
  problem: SyncProblem;
  /** ISO instant of the last flush that reached the server. */
  lastSyncedAt: string | null;
}

type Listener = () => void;
const RETRY_MS = 60_000;
const MAX_ALIASES = 5000;

const nowIso = () => new Date().toISOString();
const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

/** Serialises flushes across tabs where the browser has Web Locks; elsewhere within this tab only. */
function withLock(work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('dongxanh-sync', work).then(() => undefined) : work();
}

/** The index of the mutation a /sync 400 complains about ("mutations[3].payload", "/body/mutations/3/…"). */
function mutationIndexes(error: ApiError): Set<number> {
  const out = new Set<number>();
  for (const e of error.problem.errors ?? []) {
    const m = /mutations[[./](\d+)/.exec(e.path);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

const asQueueError = (error: ApiError): QueueError => ({ code: error.problem.code, detail: error.problem.detail, errors: error.problem.errors });

export function createSyncEngine() {
  const queue = createQueueStore();
  let status: EngineStatus = { syncing: false, online: isOnline(), problem: null, lastSyncedAt: null };
  const statusListeners = new Set<Listener>();
  let aliases: Record<string, string> = {};
  let running: Promise<void> | null = null;
  let again = false;
  let detach: (() => void) | null = null;

  const setStatus = (patch: Partial<EngineStatus>) => {
    status = { ...status, ...patch };
    for (const l of statusListeners) l();
  };
  const user = () => {
    const id = queue.userId;
    if (!id) throw new Error('Nobody is signed in');
    return id;
  };

  async function saveAliases(added: Record<string, string>) {
    if (Object.keys(added).length === 0) return;
    const merged = { ...aliases, ...added };
    const keys = Object.keys(merged);
    aliases = keys.length > MAX_ALIASES ? Object.fromEntries(keys.slice(-MAX_ALIASES).map((k) => [k, merged[k]!])) : merged;
    await cachePut(cacheKeys.aliases(user()), aliases, nowIso());
  }

  /** The server id behind a clientId made on this phone (or the id itself). */
  const resolve = (ref: string) => aliases[ref] ?? ref;

  // ---------------------------------------------------------------- folding answers into the cache

  async function foldRecords(activities: readonly Activity[]) {
    const userId = user();
    const bySeason = new Map<string, Activity[]>();
    for (const a of activities) bySeason.set(a.seasonId, [...(bySeason.get(a.seasonId) ?? []), a]);
    for (const [seasonId, list] of bySeason) {
      await cacheUpdate<SeasonDetail>(cacheKeys.season(userId, seasonId), (detail) => list.reduce(foldActivity, detail), nowIso());
    }
  }

  async function foldSeason(season: Season) {
    const key = cacheKeys.plotSeasons(user(), season.plotId);
    const cached = await cacheGet<SeasonPage>(key);
    const items = [season, ...(cached?.value.items ?? []).filter((s) => s.id !== season.id)];
    await cachePut<SeasonPage>(key, { items, total: items.length, page: 1, pageSize: Math.max(items.length, cached?.value.pageSize ?? 50) }, nowIso());
  }

  /** After a flush: the seasons it touched, fresh from the server (facts and flags are derived there). */
  async function refreshSeasons(seasonIds: ReadonlySet<string>, plotIds: ReadonlySet<string>, retries = 2): Promise<void> {
    const userId = user();
    const missed = { seasons: new Set<string>(), plots: new Set<string>() };
    for (const id of seasonIds) {
      try {
        const detail = await freshGet<SeasonDetail>(`/seasons/${encodeURIComponent(id)}`);
        await cachePut(cacheKeys.season(userId, id), detail, nowIso());
      } catch (err) {
        // Gone or no longer visible: nothing to refresh. Out of reach: the copy with the folded answers stays, and we try again shortly.
        if (asApiError(err).isNetworkError) missed.seasons.add(id);
      }
    }
    for (const plotId of plotIds) {
      try {
        const page = await freshGet<SeasonPage>(`/seasons?plotId=${encodeURIComponent(plotId)}&pageSize=50`);
        await cachePut(cacheKeys.plotSeasons(userId, plotId), page, nowIso());
      } catch (err) {
        if (asApiError(err).isNetworkError) missed.plots.add(plotId);
      }
    }
    if ((missed.seasons.size || missed.plots.size) && retries > 0) {
      window.setTimeout(() => {
        if (queue.userId === userId) void refreshSeasons(missed.seasons, missed.plots, retries - 1);
      }, 3000);
    }
  }

  // ---------------------------------------------------------------- sending

  /** What to do when a request got no usable answer: keep the items and say why. */
  async function noAnswer(items: readonly QueueItem[], err: unknown): Promise<'stop'> {
    const error = asApiError(err);
    await queue.write(items.map(afterNoAnswer));
    setStatus({ problem: error.isNetworkError ? 'offline' : error.status === 401 ? 'signedOut' : 'server' });
    return 'stop';
  }

  async function sendSync(items: QueueItem[], touched: { seasons: Set<string>; plots: Set<string> }): Promise<'stop' | 'go'> {
    await queue.write(items.map(markSending));
    let response: SyncResponse;
    try {
      response = await apiRequest<SyncResponse>('/sync', { json: { mutations: items.map(toMutation) } });
    } catch (err) {
      const error = asApiError(err);
      // A malformed mutation makes the whole body a 400: refuse that one, send the others again.
      if (error.status === 400) {
        const bad = mutationIndexes(error);
        const refused = items.filter((_, i) => bad.size === 0 || bad.has(i)).map((i) => ({ ...i, state: 'rejected' as const, error: asQueueError(error) }));
        const others = items.filter((_, i) => bad.size > 0 && !bad.has(i)).map((i) => ({ ...i, state: 'pending' as const }));
        await queue.write([...refused, ...others]);
        return 'go';
      }
      return noAnswer(items, err);
    }
    const byClientId = new Map(response.results.map((r) => [r.clientId, r]));
    const keep: QueueItem[] = [];
    const remove: string[] = [];
    const added: Record<string, string> = {};
    const activities: Activity[] = [];
    for (const item of items) {
      const result = byClientId.get(item.clientId);
      if (!result) {
        keep.push(afterNoAnswer(item));
        continue;
      }
      const outcome = applyResult(item, result);
      if (!outcome.done) {
        keep.push(outcome.item);
        continue;
      }
      remove.push(item.clientId);
      if (item.kind === 'createSeason') {
        const season = outcome.record as Season;
        added[item.clientId] = season.id;
        touched.plots.add(season.plotId);
        touched.seasons.add(season.id);
        await foldSeason(season);
      } else {
        const activity = outcome.record as Activity;
        if (item.kind === 'createActivity') added[item.clientId] = activity.id;
        activities.push(activity);
        touched.seasons.add(activity.seasonId);
      }
    }
    await saveAliases(added);
    await queue.write(keep, remove);
    await foldRecords(activities);
    return 'go';
  }

  async function sendBulk(item: QueueItem, touched: { seasons: Set<string> }): Promise<'stop' | 'go'> {
    await queue.write([markSending(item)]);
    try {
      const response = await apiRequest<BulkActivityResponse>('/activities/bulk', { json: item.payload });
      await queue.write([], [item.clientId]);
      for (const a of response.activities) touched.seasons.add(a.seasonId);
      await foldRecords(response.activities);
      return 'go';
    } catch (err) {
      const error = asApiError(err);
      if (error.isNetworkError || error.status === 401 || error.status === 429 || error.status >= 500) return noAnswer([item], err);
      await queue.write([{ ...item, state: 'rejected', error: asQueueError(error) }]);
      return 'go';
    }
  }

  async function sendPhoto(item: QueueItem, touched: { seasons: Set<string> }): Promise<'stop' | 'go'> {
    const photo = item.photo;
    if (!photo || !item.activityRef) {
      await queue.write([{ ...item, state: 'rejected', error: { code: 'invalid_input', detail: 'The photo or its activity is missing' } }]);
      return 'go';
    }
    await queue.write([markSending(item)]);
    const query = new URLSearchParams({ capturedAt: photo.capturedAt });
    if (photo.lat !== undefined && photo.lon !== undefined) {
      query.set('lat', String(photo.lat));
      query.set('lon', String(photo.lon));
    }
    try {
      await uploadBody(`/activities/${encodeURIComponent(resolve(item.activityRef))}/photos?${query.toString()}`, photo.blob, { contentType: photo.mimeType });
      await queue.write([], [item.clientId]);
      if (item.seasonRef) touched.seasons.add(resolve(item.seasonRef));
      return 'go';
    } catch (err) {
      const error = asApiError(err);
      if (error.isNetworkError || error.status === 401 || error.status === 429 || error.status >= 500) return noAnswer([item], err);
      await queue.write([{ ...item, state: 'rejected', error: asQueueError(error) }]);
      return 'go';
    }
  }

  async function flushOnce() {
    if (!queue.userId) return;
    const touched = { seasons: new Set<string>(), plots: new Set<string>() };
    let reached = false;
    for (;;) {
      const batch = nextBatch(queue.snapshot());
      if (!batch) break;
      const step =
        batch.kind === 'sync' ? await sendSync(batch.items, touched) : batch.kind === 'bulk' ? await sendBulk(batch.item, touched) : await sendPhoto(batch.item, touched);
      if (step === 'stop') break;
      reached = true;
    }
    if (reached) {
      setStatus({ problem: null, lastSyncedAt: nowIso() });
      await refreshSeasons(touched.seasons, touched.plots);
    }
  }

  /** Sends what waits; a call while a flush runs makes it go round once more. */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    setStatus({ syncing: true, online: isOnline() });
    running = (async () => {
      try {
        do {
          again = false;
          await withLock(flushOnce);
        } while (again);
      } catch (err) {
        // A storage failure: nothing was removed from the queue; the next trigger tries again.
        console.error(err);
        setStatus({ problem: 'server' });
      } finally {
        running = null;
        setStatus({ syncing: false });
      }
    })();
    return running;
  }

  const flushSoon = () => {
    if (isOnline()) void flush();
  };

  // ---------------------------------------------------------------- recording (every write lands here first)

  async function enqueue(fields: Omit<QueueItem, 'clientId' | 'seq' | 'userId' | 'state' | 'recordedAt' | 'attempts'> & { clientId?: string }): Promise<QueueItem> {
    const item: QueueItem = { clientId: fields.clientId ?? newClientId(), seq: queue.nextSeq(), userId: user(), state: 'pending', recordedAt: nowIso(), attempts: 0, ...fields };
    await queue.write([item]);
    flushSoon();
    return item;
  }

  const findItem = (clientId: string) => queue.snapshot().find((i) => i.clientId === clientId);

  /** An activity as the person last saw it: on the server, or only in the queue. */
  type Target = { activityId: string; clientId: string; version: number } | { queued: QueueItem };

  return {
    queue,
    resolve,
    flush,

    status: () => status,
    subscribeStatus(listener: Listener) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },

    /** Starts for a signed-in person: loads their queue, listens for the connection, flushes. */
    async start(userId: string) {
      detach?.();
      await queue.open(userId);
      aliases = (await cacheGet<Record<string, string>>(cacheKeys.aliases(userId)))?.value ?? {};
      const onOnline = () => {
        setStatus({ online: true });
        void flush();
      };
      const onOffline = () => setStatus({ online: false, problem: 'offline' });
      const onVisible = () => {
        if (document.visibilityState === 'visible') flushSoon();
      };
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      document.addEventListener('visibilitychange', onVisible);
      const timer = window.setInterval(() => {
        if (queue.snapshot().some((i) => i.state === 'pending')) flushSoon();
      }, RETRY_MS);
      detach = () => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        document.removeEventListener('visibilitychange', onVisible);
        window.clearInterval(timer);
        detach = null;
      };
      setStatus({ online: isOnline(), problem: isOnline() ? null : 'offline' });
      flushSoon();
    },
    stop() {
      detach?.();
      queue.close();
      aliases = {};
    },

    /**
     * Resolves when the item has an answer: 'done' (stored), 'conflict' or 'rejected' with the item,
     * or 'waiting' after `timeoutMs` (no signal: it stays queued).
     */
    waitFor(clientId: string, timeoutMs: number): Promise<{ state: 'done' } | { state: 'conflict' | 'rejected'; item: QueueItem } | { state: 'waiting' }> {
      return new Promise((settle) => {
        const check = () => {
          const item = findItem(clientId);
          if (!item) return finish({ state: 'done' });
          if (item.state === 'conflict' || item.state === 'rejected') return finish({ state: item.state, item });
          return false;
        };
        let unsubscribe = () => {};
        const timer = window.setTimeout(() => finish({ state: 'waiting' }), timeoutMs);
        function finish(value: { state: 'done' } | { state: 'conflict' | 'rejected'; item: QueueItem } | { state: 'waiting' }) {
          window.clearTimeout(timer);
          unsubscribe();
          settle(value);
          return true;
        }
        if (!check()) unsubscribe = queue.subscribe(() => void check());
      });
    },

    createSeason: (plotId: string, body: Record<string, unknown>) => enqueue({ kind: 'createSeason', plotId, payload: body }),

    createActivity: (seasonRef: string, entry: { type: string; occurredOn: string; details: Record<string, unknown> }) =>
      enqueue({ kind: 'createActivity', seasonRef, payload: entry }),

    /**
     * A change of an activity. Not yet on the server (pending or refused): the queued entry itself is
     * corrected. On the server: a change of the version the person saw (baseVersion), merged into a
     * change still waiting for the same activity.
     */
    async updateActivity(target: Target, seasonRef: string, change: { occurredOn: string; details: Record<string, unknown> }): Promise<QueueItem> {
      if ('queued' in target) {
        const create = findItem(target.queued.clientId) ?? target.queued;
        if (create.state !== 'sending' && create.kind === 'createActivity') {
          const fixed = edit(create, { ...create.payload, ...change });
          await queue.write([fixed]);
          flushSoon();
          return fixed;
        }
        if (create.state !== 'sending') {
          const fixed = edit(create, change);
          await queue.write([fixed]);
          flushSoon();
          return fixed;
        }
        return enqueue({ kind: 'updateActivity', activityRef: create.clientId, seasonRef, baseVersion: 1, payload: change });
      }
      const waiting = queue.snapshot().find((i) => i.kind === 'updateActivity' && i.state === 'pending' && (i.activityRef === target.activityId || i.activityRef === target.clientId));
      if (waiting) {
        const merged = edit(waiting, change);
        await queue.write([merged]);
        flushSoon();
        return merged;
      }
      return enqueue({ kind: 'updateActivity', activityRef: target.activityId, seasonRef, baseVersion: target.version, payload: change });
    },

    /** A deletion; an entry the server never stored is simply dropped with its photos and changes. */
    async deleteActivity(target: Target, seasonRef: string): Promise<void> {
      if ('queued' in target) {
        const create = findItem(target.queued.clientId) ?? target.queued;
        if (create.state !== 'sending') {
          const dependants = queue.snapshot().filter((i) => i.activityRef === create.clientId).map((i) => i.clientId);
          await queue.write([], [create.clientId, ...dependants]);
          return;
        }
        await enqueue({ kind: 'deleteActivity', activityRef: create.clientId, seasonRef, baseVersion: 1, payload: {} });
        return;
      }
      const waiting = queue.snapshot().filter((i) => i.kind === 'updateActivity' && i.state === 'pending' && (i.activityRef === target.activityId || i.activityRef === target.clientId));
      // A change still waiting is superseded by the deletion of the version it was based on.
      const base = waiting[0]?.baseVersion ?? target.version;
      await queue.write([], waiting.map((w) => w.clientId));
      await enqueue({ kind: 'deleteActivity', activityRef: target.activityId, seasonRef, baseVersion: base, payload: {} });
    },

    bulk: (body: Record<string, unknown> & { clientId: string }) => enqueue({ kind: 'bulkActivity', clientId: body.clientId, payload: body }),

    photo: (activityRef: string, seasonRef: string, upload: PhotoUpload) => enqueue({ kind: 'photo', activityRef, seasonRef, payload: {}, photo: upload }),

    /** Corrects a refused or waiting entry (same clientId: nothing was stored under it). */
    async correct(clientId: string, payload: Record<string, unknown>) {
      const item = findItem(clientId);
      if (!item) throw new Error(`No queued entry ${clientId}`);
      const fixed = edit(item, payload);
      await queue.write([fixed]);
      flushSoon();
      return fixed;
    },

    /** Entries that would be left waiting forever if this one were dropped (a season's activities). */
    dependantsOf: (clientId: string) => queue.snapshot().filter((i) => i.seasonRef === clientId || i.activityRef === clientId),

    /** Drops an entry (and what depends on it) at the person's explicit request. */
    async discard(clientId: string) {
      const ids = new Set([clientId]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const i of queue.snapshot()) {
          if (!ids.has(i.clientId) && ((i.seasonRef && ids.has(i.seasonRef)) || (i.activityRef && ids.has(i.activityRef)))) {
            ids.add(i.clientId);
            grew = true;
          }
        }
      }
      await queue.write([], [...ids]);
    },

    /** Conflict → "Giữ bản của tôi": send mine again on top of the server's current version. */
    async keepMine(clientId: string) {
      const item = findItem(clientId);
      if (!item) return;
      const again = keepMine(item, newClientId());
      // Entries queued against the old clientId (a photo, a later change) follow the new one.
      const followers = queue.snapshot().filter((i) => i.activityRef === clientId).map((i) => ({ ...i, activityRef: again.activityRef ?? again.clientId }));
      await queue.write([again, ...followers], [clientId]);
      flushSoon();
    },

    /** Conflict → "Dùng bản trên máy chủ": drop mine; the cached season shows the server's version. */
    async useServer(clientId: string) {
      const item = findItem(clientId);
      if (!item) return;
      if (item.kind === 'createSeason') {
        const server = versionOf(item.current);
        if (!server) return;
        // The plot already has this season: what was recorded for mine goes to the server's.
        await saveAliases({ [clientId]: server.id });
        const moved = retarget(queue.snapshot(), clientId, server.id).filter((m, i) => m !== queue.snapshot()[i]);
        await queue.write(moved, [clientId]);
        await foldSeason(item.current as Season);
        flushSoon();
        return;
      }
      await queue.write([], [clientId]);
      if (item.current && typeof item.current === 'object' && 'seasonId' in item.current) await foldRecords([item.current as Activity]);
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
