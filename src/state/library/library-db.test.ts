import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { emptyDesign, serializeDesign, updateApi } from '../../core/model';
import { restPetStore } from '../../core/model/testing/design-builder';
import { newMeta } from './describe-design';
import { documentOf, readDocument } from './document';
import { databaseName, databaseVersion, openIndexedDbLibrary } from './library-db';
import { legacyCurrentKey, migrateLegacyDesign, recoveryKeys } from './migrate-legacy';
import type { DesignMeta } from './types';

/** Writes the database as the first storage version left it: version 1, one key-value store 'designs'. */
function seedVersionOne(factory: IDBFactory, values: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(databaseName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('designs');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('designs', 'readwrite');
      for (const [key, value] of Object.entries(values)) tx.objectStore('designs').put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Writes the database as the second storage version left it: version 2, the library without versions. */
function seedVersionTwo(factory: IDBFactory, meta: DesignMeta, document: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(databaseName, 2);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('designs');
      db.createObjectStore('library', { keyPath: 'id' });
      db.createObjectStore('documents', { keyPath: 'id' });
      db.createObjectStore('histories', { keyPath: 'id' });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['library', 'documents'], 'readwrite');
      tx.objectStore('library').put(meta);
      tx.objectStore('documents').put(document);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('the library in IndexedDB', () => {
  it('upgrades the one design saved by the first storage version into the first library entry', async () => {
    const factory = new IDBFactory();
    const saved = restPetStore();
    await seedVersionOne(factory, {
      current: { format: 'portico.autosave', schemaVersion: 2, savedAt: 1_700_000_000_000, design: plain(saved) },
      'recovery:5': { kept: 'aside' },
    });
    const library = await openIndexedDbLibrary(factory);
    const outcome = await migrateLegacyDesign(library);
    expect(outcome.kind).toBe('migrated');
    const entries = await library.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: saved.api.name, apiType: 'REST', origin: 'upgrade', updatedAt: 1_700_000_000_000, rev: 1 });
    expect(entries[0]?.operations).toBe(Object.keys(saved.methods).length);
    const read = readDocument(await library.readDocument(entries[0]?.id as string));
    expect(read.ok && serializeDesign(read.design)).toBe(serializeDesign(saved));
    // The old key is gone; what was kept aside stays readable where the recovery dialog looks.
    expect(await library.legacy.read(legacyCurrentKey)).toBeUndefined();
    expect(recoveryKeys(await library.legacy.keys())).toEqual(['recovery:5']);
    expect(await library.legacy.read('recovery:5')).toEqual({ kept: 'aside' });
    // A second start finds nothing more to migrate.
    expect((await migrateLegacyDesign(await openIndexedDbLibrary(factory))).kind).toBe('nothing');
    expect(await (await openIndexedDbLibrary(factory)).list()).toHaveLength(1);
  });

  it('keeps a damaged saved design aside instead of migrating or wiping it', async () => {
    const factory = new IDBFactory();
    const damaged = { format: 'portico.autosave', schemaVersion: 1, savedAt: 5, design: { api: 'broken' } };
    await seedVersionOne(factory, { current: damaged });
    const library = await openIndexedDbLibrary(factory);
    const outcome = await migrateLegacyDesign(library, 1234);
    expect(outcome).toMatchObject({ kind: 'quarantined', recoveryKey: 'recovery:1234' });
    expect(await library.legacy.read('recovery:1234')).toEqual(damaged);
    expect(await library.legacy.read(legacyCurrentKey)).toBeUndefined();
    expect(await library.list()).toEqual([]);
  });

  it('keeps a design from a newer Portico aside and says so', async () => {
    const factory = new IDBFactory();
    const newer = { ...plain(emptyDesign()), schemaVersion: 99 };
    await seedVersionOne(factory, { current: { format: 'portico.autosave', schemaVersion: 99, savedAt: 5, design: newer } });
    const outcome = await migrateLegacyDesign(await openIndexedDbLibrary(factory));
    expect(outcome.kind).toBe('quarantined');
    if (outcome.kind === 'quarantined') expect(outcome.message).toMatch(/newer Portico/);
  });

  it('upgrades a version 2 library to version 3: every entry is kept as it was, and its designs can have versions', async () => {
    const factory = new IDBFactory();
    const saved = restPetStore();
    const meta = { ...newMeta('dsn_a', saved, 'new', 10), rev: 4 };
    await seedVersionTwo(factory, plain(meta), plain(documentOf('dsn_a', saved, 4, 10)));
    const library = await openIndexedDbLibrary(factory);
    expect(databaseVersion).toBe(3);
    expect(await library.list()).toEqual([plain(meta)]);
    const read = readDocument(await library.readDocument('dsn_a'));
    expect(read.ok && serializeDesign(read.design)).toBe(serializeDesign(saved));
    expect(await library.listVersions('dsn_a')).toEqual([]);
    const version = {
      id: 'ver_1',
      designId: 'dsn_a',
      note: 'n',
      savedAt: 11,
      origin: 'saved' as const,
      name: 'Pet store',
      operations: 3,
      elements: 8,
      hash: 'h',
    };
    await library.putVersion(version, { id: 'ver_1', designId: 'dsn_a', schemaVersion: 2, design: plain(saved) });
    // The upgrade ran once: opening again finds the version, and the entry still saves with its revision check.
    const again = await openIndexedDbLibrary(factory);
    expect(await again.listVersions('dsn_a')).toEqual([version]);
    expect(await again.readVersion('ver_1')).toMatchObject({ designId: 'dsn_a', design: { api: { name: 'Pet store' } } });
    expect((await again.put({ meta: { ...meta, rev: 5 }, document: documentOf('dsn_a', saved, 5, 12) }, 4)).ok).toBe(true);
    expect(await again.listVersions('dsn_b')).toEqual([]);
  });

  it('stores each design separately: saving one never rewrites another', async () => {
    const library = await openIndexedDbLibrary(new IDBFactory());
    const a = emptyDesign('REST', 'A');
    const b = emptyDesign('HTTP', 'B');
    expect(await library.put({ meta: newMeta('dsn_a', a, 'new', 1), document: documentOf('dsn_a', a, 1, 1) }, null)).toEqual({ ok: true });
    expect(await library.put({ meta: newMeta('dsn_b', b, 'new', 2), document: documentOf('dsn_b', b, 1, 2) }, null)).toEqual({ ok: true });
    const b2 = updateApi(b, { name: 'B2' });
    const meta = { ...newMeta('dsn_b', b2, 'new', 3), rev: 2 };
    expect(await library.put({ meta, document: documentOf('dsn_b', b2, 2, 3) }, 1)).toEqual({ ok: true });
    expect(await library.getMeta('dsn_a')).toMatchObject({ name: 'A', rev: 1, updatedAt: 1 });
    expect(await library.readDocument('dsn_a')).toMatchObject({ rev: 1, design: { api: { name: 'A' } } });
    expect(await library.getMeta('dsn_b')).toMatchObject({ name: 'B2', rev: 2, createdAt: 2 });
  });

  it('refuses a write that expects another revision (a second writer), and keeps what is stored', async () => {
    const library = await openIndexedDbLibrary(new IDBFactory());
    const a = emptyDesign('REST', 'A');
    await library.put({ meta: newMeta('dsn_a', a, 'new', 1), document: documentOf('dsn_a', a, 1, 1) }, null);
    const other = updateApi(a, { name: 'Other' });
    const result = await library.put(
      { meta: { ...newMeta('dsn_a', other, 'new', 2), rev: 5 }, document: documentOf('dsn_a', other, 5, 2) },
      4,
    );
    expect(result).toMatchObject({ ok: false, reason: 'conflict', stored: { rev: 1 } });
    expect(await library.readDocument('dsn_a')).toMatchObject({ design: { api: { name: 'A' } } });
    // Creating an entry that exists is a conflict too.
    expect((await library.put({ meta: newMeta('dsn_a', a, 'new', 1), document: documentOf('dsn_a', a, 1, 1) }, null)).ok).toBe(false);
  });

  it('keeps the Trash date when the design is saved again, and removes an entry whole', async () => {
    const library = await openIndexedDbLibrary(new IDBFactory());
    const a = emptyDesign('REST', 'A');
    await library.put({ meta: newMeta('dsn_a', a, 'example', 1), document: documentOf('dsn_a', a, 1, 1) }, null);
    await library.updateMeta('dsn_a', (meta) => ({ ...meta, deletedAt: 99 }));
    await library.put({ meta: { ...newMeta('dsn_a', a, 'new', 7), rev: 2 }, document: documentOf('dsn_a', a, 2, 7) }, 1);
    expect(await library.getMeta('dsn_a')).toMatchObject({ deletedAt: 99, origin: 'example', createdAt: 1, updatedAt: 7 });
    await library.remove('dsn_a');
    expect(await library.list()).toEqual([]);
    expect(await library.readDocument('dsn_a')).toBeUndefined();
  });
});
