/**
 * The queue and the cache in IndexedDB, with an in-memory copy of the signed-in person's queue that
 * React reads synchronously (useSyncExternalStore). Every change is written (and committed) to
 * IndexedDB before the copy and the screen change, so what the person sees as saved is on disk.
 * Other tabs of the app hear about changes on a BroadcastChannel and reload their copy.
 */
import { allByUser, deleteOne, getOne, putOne, transact } from './idb.ts';
import { recover, type QueueItem } from './queue.ts';

type Listener = () => void;
const CHANNEL = 'dongxanh-offline';

export interface CacheEntry<T> {
  key: string;
  value: T;
  /** ISO instant it was stored, shown as "saved at" when the screen falls back to it. */
  savedAt: string;
}

/** Cache keys: personal data is keyed by user, so a second person on the same phone never sees it. */
export const cacheKeys = {
  season: (userId: string, seasonId: string) => `u:${userId}:season:${seasonId}`,
  plotSeasons: (userId: string, plotId: string) => `u:${userId}:plot-seasons:${plotId}`,
  plot: (userId: string, plotId: string) => `u:${userId}:plot:${plotId}`,
  seasons: (userId: string, query: string) => `u:${userId}:seasons:${query}`,
  plots: (userId: string, query: string) => `u:${userId}:plots:${query}`,
  /** clientId → server id of the seasons and activities created on this phone. */
  aliases: (userId: string) => `u:${userId}:aliases`,
  /** Catalogues are the same for everyone. */
  catalogue: (name: 'crops' | 'fertilisers' | 'pesticides') => `catalogue:${name}`,
};

function broadcastChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

export function createQueueStore() {
  let userId: string | null = null;
  let items: readonly QueueItem[] = [];
  let lastSeq = 0;
  const listeners = new Set<Listener>();
  const channel = broadcastChannel();

  const emit = () => {
    for (const l of listeners) l();
  };
  const announce = () => channel?.postMessage({ kind: 'queue', userId });
  const sorted = (list: readonly QueueItem[]) => [...list].sort((a, b) => a.seq - b.seq);

  async function reload() {
    if (!userId) return;
    const who = userId;
    const stored = await transact(['queue'], 'readonly', (tx) => allByUser<QueueItem>(tx, who));
    if (who !== userId) return;
    items = sorted(stored);
    lastSeq = Math.max(lastSeq, ...items.map((i) => i.seq));
    emit();
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<{ kind?: string; userId?: string }>) => {
      if (event.data.kind === 'queue' && event.data.userId === userId) void reload();
    };
  }

  return {
    /** Loads a person's queue; entries caught mid-flush by a closed tab or a crash are pending again. */
    async open(forUser: string) {
      userId = forUser;
      const stored = await transact(['queue'], 'readonly', (tx) => allByUser<QueueItem>(tx, forUser));
      const recovered = recover(stored);
      const changed = recovered.filter((r, i) => r !== stored[i]);
      if (changed.length) await transact(['queue'], 'readwrite', async (tx) => void (await Promise.all(changed.map((c) => putOne(tx, 'queue', c)))));
      if (userId !== forUser) return;
      items = sorted(recovered);
      lastSeq = Math.max(lastSeq, ...items.map((i) => i.seq));
      emit();
    },
    close() {
      userId = null;
      items = [];
      emit();
    },
    get userId() {
      return userId;
    },
    snapshot: (): readonly QueueItem[] => items,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** A recording order later than every entry so far, also after a reload (Date.now() keeps it across sessions). */
    nextSeq() {
      lastSeq = Math.max(lastSeq + 1, Date.now());
      return lastSeq;
    },
    /** Writes these items (new or changed) and removes those clientIds, in one committed transaction. */
    async write(put: readonly QueueItem[], remove: readonly string[] = []) {
      if (put.length === 0 && remove.length === 0) return;
      await transact(['queue'], 'readwrite', async (tx) => {
        await Promise.all([...put.map((p) => putOne(tx, 'queue', p)), ...remove.map((k) => deleteOne(tx, 'queue', k))]);
      });
      const gone = new Set([...remove, ...put.map((p) => p.clientId)]);
      items = sorted([...items.filter((i) => !gone.has(i.clientId)), ...put.filter((p) => p.userId === userId)]);
      emit();
      announce();
    },
  };
}
export type QueueStore = ReturnType<typeof createQueueStore>;

// ------------------------------------------------------------------------------------------ cache

const cacheListeners = new Map<string, Set<Listener>>();
const cacheChannel = broadcastChannel();
const notifyCache = (key: string) => {
  for (const l of cacheListeners.get(key) ?? []) l();
};
if (cacheChannel) cacheChannel.onmessage = (event: MessageEvent<{ kind?: string; key?: string }>) => {
  if (event.data.kind === 'cache' && event.data.key) notifyCache(event.data.key);
};

export async function cacheGet<T>(key: string): Promise<CacheEntry<T> | undefined> {
  try {
    return await transact(['cache'], 'readonly', (tx) => getOne<CacheEntry<T>>(tx, 'cache', key));
  } catch {
    // No IndexedDB (a private window in some browsers): the app works online only.
    return undefined;
  }
}

export async function cachePut<T>(key: string, value: T, savedAt: string): Promise<void> {
  try {
    await transact(['cache'], 'readwrite', (tx) => putOne(tx, 'cache', { key, value, savedAt } satisfies CacheEntry<T>));
  } catch {
    return;
  }
  notifyCache(key);
  cacheChannel?.postMessage({ kind: 'cache', key });
}

/** Reads, changes and writes one entry in one transaction (the sync engine folding a server answer into a cached season). */
export async function cacheUpdate<T>(key: string, change: (value: T) => T, savedAt: string): Promise<void> {
  let changed = false;
  try {
    await transact(['cache'], 'readwrite', async (tx) => {
      const entry = await getOne<CacheEntry<T>>(tx, 'cache', key);
      if (!entry) return;
      await putOne(tx, 'cache', { key, value: change(entry.value), savedAt } satisfies CacheEntry<T>);
      changed = true;
    });
  } catch {
    return;
  }
  if (changed) {
    notifyCache(key);
    cacheChannel?.postMessage({ kind: 'cache', key });
  }
}

export async function cacheDelete(key: string): Promise<void> {
  try {
    await transact(['cache'], 'readwrite', (tx) => deleteOne(tx, 'cache', key));
  } catch {
    return;
  }
  notifyCache(key);
}

export function onCacheChange(key: string, listener: Listener): () => void {
  let set = cacheListeners.get(key);
  if (!set) cacheListeners.set(key, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}
