/**
 * The offline queue as a pure state machine: what the phone has recorded but the server has not yet
 * confirmed. No storage, network or clock here (store.ts persists items in IndexedDB, sync-engine.ts
 * sends them), so every transition is unit-tested (queue.test.ts).
 *
 * An item's life:
 *
 *   pending ──flush──► sending ──applied / duplicate──► (removed: the server holds it)
 *      ▲                  │ ──conflict──► conflict ──keep mine──► pending (new clientId, server's version)
 *      │                  │                        ──use server's──► (removed)
 *      └──network error───┘ ──rejected──► rejected ──edit──► pending   ──discard──► (removed)
 *
 * An item leaves the queue only when the server answered `applied` or `duplicate` for it (or the
 * person chose to drop it), so nothing recorded offline is lost: a flush cut off mid-way is replayed,
 * and the server's clientId idempotency (packages/contracts/src/diary.ts) makes a replay harmless.
 */
import type { SyncMutation, SyncResult } from '../diary/types.ts';

export type QueueKind = 'createSeason' | 'createActivity' | 'updateActivity' | 'deleteActivity' | 'bulkActivity' | 'photo';
export type QueueState = 'pending' | 'sending' | 'conflict' | 'rejected';

export interface QueueError {
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }> | undefined;
}

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface PhotoUpload {
  blob: Blob;
  mimeType: PhotoMime;
  /** ISO instant with offset, when the picture was taken. */
  capturedAt: string;
  lat?: number | undefined;
  lon?: number | undefined;
}

export interface QueueItem {
  /** The mutation's idempotency key, a UUID made on the phone (offline/ids.ts). */
  clientId: string;
  /** Recording order; a flush sends items in this order. */
  seq: number;
  /** Whose entry it is: another person signing in on the same phone neither sees nor sends it. */
  userId: string;
  kind: QueueKind;
  state: QueueState;
  /** createSeason: the plot. */
  plotId?: string | undefined;
  /** createActivity: the season's id, or the clientId of a season created offline. */
  seasonRef?: string | undefined;
  /** updateActivity / deleteActivity / photo: the activity's id, or the clientId it was created with. */
  activityRef?: string | undefined;
  /** updateActivity / deleteActivity: the version the person edited. */
  baseVersion?: number | undefined;
  /**
   * createSeason: the season's fields; createActivity: { type, occurredOn, details };
   * updateActivity: { occurredOn, details }; deleteActivity: {}; bulkActivity: the whole request body.
   */
  payload: Record<string, unknown>;
  photo?: PhotoUpload | undefined;
  /** ISO instant the person saved it. */
  recordedAt: string;
  /** Flushes that ended without an answer for this item. */
  attempts: number;
  error?: QueueError | undefined;
  /** conflict: the server's current record, shown beside the person's version. */
  current?: unknown;
}

/** Kinds sent together through POST /sync; the others have their own endpoint. */
export const SYNC_KINDS: ReadonlySet<QueueKind> = new Set(['createSeason', 'createActivity', 'updateActivity', 'deleteActivity']);
/** At most this many mutations per POST /sync (the server takes 1000): small enough for a 2G uplink. */
export const MAX_BATCH = 200;

/** The /sync mutation an item stands for. */
export function toMutation(item: QueueItem): SyncMutation {
  switch (item.kind) {
    case 'createSeason':
      return { clientId: item.clientId, kind: 'createSeason', payload: { ...item.payload, plotId: item.plotId } };
    case 'createActivity':
      return { clientId: item.clientId, kind: 'createActivity', seasonId: item.seasonRef, payload: item.payload };
    case 'updateActivity':
      return { clientId: item.clientId, kind: 'updateActivity', activityId: item.activityRef, baseVersion: item.baseVersion, payload: item.payload };
    case 'deleteActivity':
      return { clientId: item.clientId, kind: 'deleteActivity', activityId: item.activityRef, baseVersion: item.baseVersion, payload: {} };
    default:
      throw new Error(`${item.kind} is not sent through /sync`);
  }
}

/** The references an item needs to exist on the server before it can be sent. */
function dependsOn(item: QueueItem): string[] {
  if (item.kind === 'createActivity') return item.seasonRef ? [item.seasonRef] : [];
  if (item.kind === 'updateActivity' || item.kind === 'deleteActivity' || item.kind === 'photo') return item.activityRef ? [item.activityRef] : [];
  return [];
}

/**
 * Why an item waits: it depends on an entry still in the queue that is stuck (conflict or rejected:
 * sending it now would only be refused), or — for a photo — on an activity the server has not
 * stored yet (photos are uploaded to the server's activity id).
 */
export function heldBy(item: QueueItem, items: readonly QueueItem[]): QueueItem | null {
  for (const ref of dependsOn(item)) {
    const parent = items.find((other) => other.clientId === ref && other !== item);
    if (!parent) continue;
    if (parent.state === 'conflict' || parent.state === 'rejected') return parent;
    if (item.kind === 'photo') return parent;
  }
  return null;
}

export type Batch = { kind: 'sync'; items: QueueItem[] } | { kind: 'bulk'; item: QueueItem } | { kind: 'photo'; item: QueueItem };

/**
 * What to send next: first every sendable /sync item in recording order (up to MAX_BATCH, so a
 * season created offline and its activities go together and the server resolves the season's
 * clientId), then bulk requests one by one, then photos one by one. Null when nothing can be sent.
 */
export function nextBatch(items: readonly QueueItem[], max = MAX_BATCH): Batch | null {
  const ordered = [...items].sort((a, b) => a.seq - b.seq);
  const sendable = ordered.filter((i) => i.state === 'pending' && !heldBy(i, ordered));
  const sync = sendable.filter((i) => SYNC_KINDS.has(i.kind)).slice(0, max);
  if (sync.length) return { kind: 'sync', items: sync };
  const bulk = sendable.find((i) => i.kind === 'bulkActivity');
  if (bulk) return { kind: 'bulk', item: bulk };
  const photo = sendable.find((i) => i.kind === 'photo');
  if (photo) return { kind: 'photo', item: photo };
  return null;
}

export const markSending = (item: QueueItem): QueueItem => ({ ...item, state: 'sending' });

/** The flush ended without the server's answer (no signal, timeout, server down): try again later. */
export const afterNoAnswer = (item: QueueItem): QueueItem => ({ ...item, state: 'pending', attempts: item.attempts + 1 });

/** After a restart: an item caught mid-flush may or may not have reached the server; a replay settles it. */
export const recover = (items: readonly QueueItem[]): QueueItem[] => items.map((i) => (i.state === 'sending' ? { ...i, state: 'pending' } : i));

export type Outcome = { done: true; record: unknown } | { done: false; item: QueueItem };

/** What the server's answer for one item does to it. */
export function applyResult(item: QueueItem, result: Pick<SyncResult, 'status' | 'record' | 'current' | 'error'>): Outcome {
  switch (result.status) {
    case 'applied':
    case 'duplicate':
      return { done: true, record: result.record };
    case 'conflict':
      return { done: false, item: { ...item, state: 'conflict', current: result.current, error: result.error } };
    case 'rejected':
      return { done: false, item: { ...item, state: 'rejected', current: undefined, error: result.error } };
  }
}

/** A server's record's id and version, as far as a conflict's `current` carries them. */
export function versionOf(current: unknown): { id: string; version: number } | null {
  if (typeof current !== 'object' || current === null) return null;
  const { id, version } = current as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'number' ? { id, version } : null;
}

/**
 * "Keep mine": the person's change is sent again as a change of the server's current version, under
 * a new clientId (the old one is spent: the server would answer the same conflict). A create whose
 * clientId clashed becomes a new record. Same place in the queue.
 */
export function keepMine(item: QueueItem, newClientId: string): QueueItem {
  if (item.state !== 'conflict') throw new Error('Only a conflict can be resolved');
  const base = { ...item, clientId: newClientId, state: 'pending' as const, error: undefined, current: undefined, attempts: 0 };
  if (item.kind === 'updateActivity' || item.kind === 'deleteActivity') {
    const server = versionOf(item.current);
    if (!server) throw new Error('The conflict carries no server version to build on');
    return { ...base, activityRef: server.id, baseVersion: server.version };
  }
  if (item.kind === 'createActivity' || item.kind === 'bulkActivity') return base;
  throw new Error(`A ${item.kind} conflict cannot be kept as mine`);
}

/**
 * A season created offline clashed with one the server already has for that plot, name and year:
 * the person chose the server's season, so what was recorded for theirs moves to it.
 */
export function retarget(items: readonly QueueItem[], fromSeasonRef: string, toSeasonId: string): QueueItem[] {
  return items.map((i) => (i.kind === 'createActivity' && i.seasonRef === fromSeasonRef ? { ...i, seasonRef: toSeasonId } : i));
}

/** The person corrected an entry that is not yet on the server (pending or refused): it goes again as it is now. */
export function edit(item: QueueItem, payload: Record<string, unknown>): QueueItem {
  if (item.state === 'sending') throw new Error('An entry being sent cannot be edited in place');
  if (item.state === 'conflict') throw new Error('Resolve the conflict first');
  return { ...item, payload, state: 'pending', error: undefined, current: undefined };
}

/** Counts for the sync status line. */
export function summarise(items: readonly QueueItem[]) {
  let waiting = 0;
  let conflicts = 0;
  let rejected = 0;
  for (const i of items) {
    if (i.state === 'conflict') conflicts++;
    else if (i.state === 'rejected') rejected++;
    else waiting++;
  }
  return { waiting, conflicts, rejected, total: items.length };
}
