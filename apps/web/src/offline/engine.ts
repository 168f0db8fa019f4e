/**
 * The app's one sync engine and the React hooks that read it. The engine lives as long as the page
 * (a queue and its listeners are per page, like the session); OfflineAgent starts it for the person
 * who signs in and stops it when they sign out.
 */
import { useSyncExternalStore } from 'react';
import type { QueueItem } from './queue.ts';
import { createSyncEngine, type EngineStatus, type SyncEngine } from './sync-engine.ts';

let engine: SyncEngine | null = null;

export function getEngine(): SyncEngine {
  engine ??= createSyncEngine();
  return engine;
}

/** The signed-in person's queue, in recording order; re-renders on every change. */
export function useQueue(): readonly QueueItem[] {
  const e = getEngine();
  return useSyncExternalStore(e.queue.subscribe, e.queue.snapshot);
}

export function useSyncStatus(): EngineStatus {
  const e = getEngine();
  return useSyncExternalStore(e.subscribeStatus, e.status);
}
