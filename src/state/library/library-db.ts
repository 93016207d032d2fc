import type { DesignMeta, KeyValueStorage, LibraryStorage, PutResult, VersionMeta } from './types';

/**
 * The library in IndexedDB (large quota, asynchronous; localStorage would cap all designs together at
 * 5 MB and block the page on every save). Database 'portico', version 3:
 * - 'designs' (version 1): the key-value store that held the one autosaved design, and keeps designs set aside;
 * - 'library': one entry per design (name, type, dates, preview), keyed by id;
 * - 'documents': the design of each entry; 'histories': its undo history as patches;
 * - 'versions' (version 3): the named versions of each design (note, date, counts), indexed by design;
 *   'versionDocuments': the design of each version, apart, so that listing versions reads no design.
 */
export const databaseName = 'portico';
export const databaseVersion = 3;
const legacyStore = 'designs';
const metaStore = 'library';
const documentStore = 'documents';
const historyStore = 'histories';
const versionStore = 'versions';
const versionDocumentStore = 'versionDocuments';
const byDesign = 'designId';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('The save was aborted.'));
    tx.onerror = () => reject(tx.error ?? new Error('The save failed.'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(databaseName, databaseVersion);
    open.onupgradeneeded = (event) => {
      const db = open.result;
      if (event.oldVersion < 1 && !db.objectStoreNames.contains(legacyStore)) db.createObjectStore(legacyStore);
      if (event.oldVersion < 2) {
        if (!db.objectStoreNames.contains(metaStore)) db.createObjectStore(metaStore, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(documentStore)) db.createObjectStore(documentStore, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(historyStore)) db.createObjectStore(historyStore, { keyPath: 'id' });
      }
      // Version 3 only adds stores: the entries, documents and histories of version 2 are read as they are.
      if (event.oldVersion < 3) {
        if (!db.objectStoreNames.contains(versionStore))
          db.createObjectStore(versionStore, { keyPath: 'id' }).createIndex(byDesign, byDesign, { unique: false });
        if (!db.objectStoreNames.contains(versionDocumentStore)) db.createObjectStore(versionDocumentStore, { keyPath: 'id' });
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('The browser refused to open its storage.'));
    // An older Portico tab still holds an older version open; it closes on 'versionchange' and the upgrade goes on.
    open.onblocked = () => undefined;
  });
}

/** Opens the library; rejects when storage is unavailable (private modes, disabled site data). */
export async function openIndexedDbLibrary(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<LibraryStorage> {
  if (!factory) throw new Error('This browser offers no IndexedDB.');
  let db: IDBDatabase | undefined = await openDatabase(factory);
  const watch = (opened: IDBDatabase) => {
    // A newer Portico upgrading the database asks us to close; we do, and open again on the next use.
    opened.onversionchange = () => {
      opened.close();
      if (db === opened) db = undefined;
    };
    opened.onclose = () => {
      if (db === opened) db = undefined;
    };
  };
  watch(db);
  const connection = async (): Promise<IDBDatabase> => {
    if (db) return db;
    const opened = await openDatabase(factory);
    db = opened;
    watch(opened);
    return opened;
  };
  const read = async (store: string, key: string): Promise<unknown> =>
    request((await connection()).transaction(store, 'readonly').objectStore(store).get(key));

  const legacy: KeyValueStorage = {
    read: (key) => read(legacyStore, key),
    write: async (key, value) => {
      const tx = (await connection()).transaction(legacyStore, 'readwrite');
      tx.objectStore(legacyStore).put(value, key);
      await done(tx);
    },
    remove: async (key) => {
      const tx = (await connection()).transaction(legacyStore, 'readwrite');
      tx.objectStore(legacyStore).delete(key);
      await done(tx);
    },
    keys: async () =>
      (await request((await connection()).transaction(legacyStore, 'readonly').objectStore(legacyStore).getAllKeys())).map(String),
  };

  return {
    legacy,
    list: async () =>
      (await request((await connection()).transaction(metaStore, 'readonly').objectStore(metaStore).getAll())) as DesignMeta[],
    getMeta: async (id) => (await read(metaStore, id)) as DesignMeta | undefined,
    readDocument: (id) => read(documentStore, id),
    readHistory: (id) => read(historyStore, id),
    put: async ({ meta, document, history }, expectedRev) => {
      const tx = (await connection()).transaction([metaStore, documentStore, historyStore], 'readwrite');
      const metas = tx.objectStore(metaStore);
      let outcome: PutResult = { ok: true };
      // The revision check and the writes are one transaction: no other tab can write in between.
      const current = await request(metas.get(meta.id) as IDBRequest<DesignMeta | undefined>);
      if ((current?.rev ?? null) !== expectedRev) {
        outcome = { ok: false, reason: 'conflict', stored: current };
        tx.abort();
        await done(tx).catch(() => undefined);
        return outcome;
      }
      metas.put(keepStoredFields(meta, current));
      tx.objectStore(documentStore).put(document);
      if (history === null) tx.objectStore(historyStore).delete(meta.id);
      else if (history !== undefined) tx.objectStore(historyStore).put(history);
      await done(tx);
      return outcome;
    },
    updateMeta: async (id, change) => {
      const tx = (await connection()).transaction(metaStore, 'readwrite');
      const metas = tx.objectStore(metaStore);
      const current = await request(metas.get(id) as IDBRequest<DesignMeta | undefined>);
      if (!current) {
        await done(tx);
        return undefined;
      }
      const next = change(current);
      metas.put(next);
      await done(tx);
      return next;
    },
    remove: async (id) => {
      const tx = (await connection()).transaction(
        [metaStore, documentStore, historyStore, versionStore, versionDocumentStore],
        'readwrite',
      );
      for (const store of [metaStore, documentStore, historyStore]) tx.objectStore(store).delete(id);
      const versions = tx.objectStore(versionStore);
      const keys = await request(versions.index(byDesign).getAllKeys(id));
      for (const key of keys) {
        versions.delete(key);
        tx.objectStore(versionDocumentStore).delete(key);
      }
      await done(tx);
    },
    listVersions: async (designId) =>
      (await request(
        (await connection()).transaction(versionStore, 'readonly').objectStore(versionStore).index(byDesign).getAll(designId),
      )) as VersionMeta[],
    readVersion: (id) => read(versionDocumentStore, id),
    putVersion: async (meta, document) => {
      const tx = (await connection()).transaction([versionStore, versionDocumentStore], 'readwrite');
      tx.objectStore(versionStore).put(meta);
      tx.objectStore(versionDocumentStore).put(document);
      await done(tx);
    },
  };
}

/** What a save keeps from the stored entry: the Trash date, when and how the design came in, what each stage last exported. */
export function keepStoredFields(meta: DesignMeta, stored: DesignMeta | undefined): DesignMeta {
  if (!stored) return meta;
  const kept: DesignMeta = { ...meta, createdAt: stored.createdAt, origin: stored.origin };
  if (stored.deletedAt !== undefined) kept.deletedAt = stored.deletedAt;
  else delete kept.deletedAt;
  if (stored.exports !== undefined) kept.exports = stored.exports;
  else delete kept.exports;
  return kept;
}
