/**
 * Where the autosaved design lives: IndexedDB (large quota, asynchronous), one small key-value store.
 * localStorage would cap a big design at 5 MB and block the main thread on every save.
 */
export interface SavedEnvelope {
  format: 'portico.autosave';
  schemaVersion: number;
  savedAt: number;
  design: unknown;
}

export interface DesignStorage {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  keys(): Promise<string[]>;
}

const dbName = 'portico';
const storeName = 'designs';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the IndexedDB store; rejects when storage is unavailable (private modes, disabled site data). */
export async function openIndexedDbStorage(): Promise<DesignStorage> {
  if (typeof indexedDB === 'undefined') throw new Error('This browser offers no IndexedDB.');
  const open = indexedDB.open(dbName, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(storeName)) open.result.createObjectStore(storeName);
  };
  const db = await request(open);
  // Another tab upgrading the database asks us to close; we do, and reopen lazily on the next write.
  db.onversionchange = () => db.close();
  const transaction = (mode: IDBTransactionMode) => db.transaction(storeName, mode).objectStore(storeName);
  return {
    read: (key) => request(transaction('readonly').get(key)),
    write: (key, value) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(storeName, 'readwrite');
        tx.objectStore(storeName).put(value, key);
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('The save was aborted.'));
        tx.onerror = () => reject(tx.error ?? new Error('The save failed.'));
      }),
    keys: async () => (await request(transaction('readonly').getAllKeys())).map(String),
  };
}

/** An in-memory storage with the same interface, for tests and for browsers without IndexedDB. */
export function memoryStorage(): DesignStorage {
  const data = new Map<string, unknown>();
  return {
    read: async (key) => data.get(key),
    write: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    keys: async () => [...data.keys()],
  };
}
