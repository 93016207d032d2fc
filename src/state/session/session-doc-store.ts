/**
 * What this browser last held of each session's shared doc (its Yjs state, edits not yet sent included),
 * by library design: reopened after a reload, the doc starts from it, so that edits made offline are
 * still there to merge when the server is reached again. Its own small IndexedDB database, beside the
 * design library (which keeps the design itself, as always).
 */
export interface StoredSessionDoc {
  designId: string;
  sessionId: string;
  state: Uint8Array;
  savedAt: number;
}

export interface SessionDocStore {
  get(designId: string): Promise<StoredSessionDoc | undefined>;
  put(record: StoredSessionDoc): Promise<void>;
  remove(designId: string): Promise<void>;
}

const databaseName = 'portico-sessions';
const storeName = 'docs';

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error ?? new Error('IndexedDB request failed'));
  });
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(databaseName, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(storeName, { keyPath: 'designId' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB could not be opened'));
    opening.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function read(value: unknown): StoredSessionDoc | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { designId, sessionId, state, savedAt } = value as Record<string, unknown>;
  if (typeof designId !== 'string' || typeof sessionId !== 'string' || !(state instanceof Uint8Array) || typeof savedAt !== 'number')
    return undefined;
  return { designId, sessionId, state, savedAt };
}

/** The store in IndexedDB; without IndexedDB (or when it fails), nothing is kept and nothing breaks. */
export function indexedDbSessionDocs(): SessionDocStore {
  let database: Promise<IDBDatabase | undefined> | undefined;
  const db = () => {
    database ??= typeof indexedDB === 'undefined' ? Promise.resolve(undefined) : open().catch(() => undefined);
    return database;
  };
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> => {
    const opened = await db();
    if (!opened) return undefined;
    try {
      return await request(work(opened.transaction(storeName, mode).objectStore(storeName)));
    } catch {
      return undefined;
    }
  };
  return {
    get: async (designId) => read(await run('readonly', (store) => store.get(designId))),
    put: async (record) => {
      await run('readwrite', (store) => store.put(record));
    },
    remove: async (designId) => {
      await run('readwrite', (store) => store.delete(designId));
    },
  };
}

/** An in-memory store (tests). */
export function memorySessionDocs(): SessionDocStore {
  const records = new Map<string, StoredSessionDoc>();
  return {
    get: async (designId) => records.get(designId),
    put: async (record) => {
      records.set(record.designId, record);
    },
    remove: async (designId) => {
      records.delete(designId);
    },
  };
}
