/**
 * IndexedDB, the phone's durable storage, behind a few promises (no library). Two stores:
 * - `queue`: entries not yet confirmed by the server (offline/queue.ts), keyed by clientId;
 * - `cache`: what the person has opened (seasons, catalogues, plot lists), keyed by a string, so the
 *   diary opens and can be filled with no signal after a reload.
 * IndexedDB keeps Blobs, so a photo taken offline waits here until it can be uploaded.
 */
const DB_NAME = 'dongxanh-offline';
const DB_VERSION = 1;
export type StoreName = 'queue' | 'cache';

let opening: Promise<IDBDatabase> | null = null;

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'clientId' }).createIndex('byUser', 'userId');
      if (!db.objectStoreNames.contains('cache')) db.createObjectStore('cache', { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: let it, and open again on next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('IndexedDB could not be opened'));
    };
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of Đồng Xanh'));
  });
  return opening;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/**
 * Runs `work` in one transaction over `stores` and resolves when the transaction has COMMITTED
 * (not merely when its requests succeeded): after that, the data survives a crash or a closed tab.
 */
export async function transact<T>(stores: StoreName[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
  const db = await openDb();
  const tx = db.transaction(stores, mode, { durability: 'strict' });
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  let result: T;
  try {
    result = await work(tx);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
    await committed.catch(() => undefined);
    throw err;
  }
  await committed;
  return result;
}

export const getOne = <T>(tx: IDBTransaction, store: StoreName, key: string) => done(tx.objectStore(store).get(key) as IDBRequest<T | undefined>);
export const putOne = (tx: IDBTransaction, store: StoreName, value: unknown) => done(tx.objectStore(store).put(value));
export const deleteOne = (tx: IDBTransaction, store: StoreName, key: string) => done(tx.objectStore(store).delete(key));
export const allByUser = <T>(tx: IDBTransaction, userId: string) => done(tx.objectStore('queue').index('byUser').getAll(userId) as IDBRequest<T[]>);
