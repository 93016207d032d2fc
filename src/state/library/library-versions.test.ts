import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  type Design,
  deleteMethods,
  emptyDesign,
  type MethodId,
  type StageId,
  serializeDesign,
  updateApi,
  updateMethod,
} from '../../core/model';
import { restPetStore } from '../../core/model/testing/design-builder';
import { createPorticoStore, type PorticoStore } from '../store';
import { contentHash } from './content-hash';
import { createDesignLocks } from './design-locks';
import { openIndexedDbLibrary } from './library-db';
import { createLibrarySession, type LibrarySession } from './library-session';
import { memoryLibrary } from './memory-library';
import type { LibraryStorage } from './types';
import type { DesignVersions } from './versions-types';

const list = 'mth_list' as MethodId;
const create = 'mth_create' as MethodId;
const prod = 'stg_prod' as StageId;

interface Tab {
  store: PorticoStore;
  session: LibrarySession;
  versions: DesignVersions;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A tab on a library whose first start opens the small pet store, with a clock that moves a second per call. */
async function openTab(storage: LibraryStorage): Promise<Tab> {
  const store = createPorticoStore(emptyDesign('REST', 'placeholder'));
  let clock = 1_700_000_000_000;
  const session = createLibrarySession(store, {
    storage,
    durable: true,
    // No Web Locks and no other tabs: every design is this tab's to write.
    locks: createDesignLocks(null),
    channel: { post: () => undefined, listen: () => undefined },
    delayMs: 5,
    downloadDesign: () => undefined,
    now: () => {
      clock += 1000;
      return clock;
    },
    firstDesign: restPetStore,
  });
  store.getState().connectLibrary(session.port);
  await session.start();
  await settle();
  const versions = await store.getState().versions();
  if (!versions) throw new Error('The session offers no versions.');
  return { store, session, versions };
}

/** The edit of the acceptance story: POST /pets removed, `limit` on GET /pets made required. */
function breakTheApi(tab: Tab): void {
  const state = tab.store.getState();
  expect(state.apply('Delete method', (design) => deleteMethods(design, [create]))).toBe(true);
  expect(
    tab.store
      .getState()
      .apply('Add parameter', (design) =>
        updateMethod(design, list, { parameters: [{ in: 'query', name: 'limit', required: true, schema: { type: 'integer' } }] }),
      ),
  ).toBe(true);
}

const json = (design: Design) => JSON.parse(serializeDesign(design));

describe('named versions of a design', () => {
  it('saves versions of the open design with a note and lists them newest first, with dates and counts', async () => {
    const tab = await openTab(memoryLibrary());
    const first = await tab.versions.save('  Before launch ');
    tab.store.getState().apply('Rename API', (design) => updateApi(design, { name: 'Pets v2' }));
    const second = await tab.versions.save('');
    const listed = await tab.versions.list();
    expect(listed.map((meta) => meta.id)).toEqual([second?.id, first?.id]);
    expect(listed[1]).toMatchObject({ note: 'Before launch', origin: 'saved', name: 'Pet store', operations: 3, elements: 8 });
    expect(listed[0]).toMatchObject({ note: '', name: 'Pets v2' });
    expect((listed[0]?.savedAt ?? 0) > (listed[1]?.savedAt ?? 0)).toBe(true);
    // Each version holds the design as it was when saved.
    const read = await tab.versions.read(first?.id as string);
    expect(read.ok && read.design.api.name).toBe('Pet store');
    // Another design has versions of its own.
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Other'), { label: 'a new design', origin: 'new' });
    await settle();
    expect(await tab.versions.list()).toEqual([]);
  });

  it('shows a version read-only: the canvas gets it, edits and undo are refused, the design and autosave are untouched', async () => {
    const storage = memoryLibrary();
    const tab = await openTab(storage);
    const saved = await tab.versions.save('Original');
    breakTheApi(tab);
    const edited = tab.store.getState().history.present;
    expect(await tab.versions.view(saved?.id as string)).toBe(true);
    const state = tab.store.getState();
    expect(state.viewing?.label).toBe('Original');
    expect(Object.keys(state.design.methods)).toContain(create);
    expect(state.history.present).toBe(edited);
    expect(state.apply('Rename API', (design) => updateApi(design, { name: 'Nope' }))).toBe(false);
    expect(tab.store.getState().notices.at(-1)?.message).toMatch(/viewing the version “Original”, which is read-only/);
    tab.store.getState().undo();
    expect(tab.store.getState().history.present).toBe(edited);
    // What autosave writes is the design, not the version on show.
    await tab.session.flush();
    const stored = (await storage.readDocument(tab.store.getState().designId as string)) as { design: Design };
    expect(Object.keys(stored.design.methods)).not.toContain(create);
    tab.store.getState().viewVersion(null);
    expect(tab.store.getState().design).toBe(edited);
  });

  it('restores a version as one undo step, after keeping the design it replaces as a version', async () => {
    const tab = await openTab(memoryLibrary());
    const original = tab.store.getState().design;
    const saved = await tab.versions.save('Original');
    breakTheApi(tab);
    const edited = tab.store.getState().design;
    await tab.versions.view(saved?.id as string);
    expect(await tab.versions.restore(saved?.id as string)).toBe(true);
    const state = tab.store.getState();
    expect(state.viewing).toBeNull();
    expect(json(state.design)).toEqual(json(original));
    expect(state.history.past.at(-1)?.label).toBe('Restore version “Original”');
    const listed = await tab.versions.list();
    expect(listed.map((meta) => [meta.note, meta.origin])).toEqual([
      ['Before restoring “Original”', 'before-restore'],
      ['Original', 'saved'],
    ]);
    const kept = await tab.versions.read(listed[0]?.id as string);
    expect(kept.ok && json(kept.design)).toEqual(json(edited));
    // One undo brings the edited design back; redo the restore.
    tab.store.getState().undo();
    expect(tab.store.getState().design).toBe(edited);
    tab.store.getState().redo();
    expect(json(tab.store.getState().design)).toEqual(json(original));
    // Restoring again keeps no duplicate: a version already holds exactly the design being replaced.
    await tab.versions.restore(listed[0]?.id as string);
    expect(await tab.versions.list()).toHaveLength(2);
    expect(tab.store.getState().design).toEqual(edited);
  });

  it('opens a version as a new design and leaves the open one as it is', async () => {
    const tab = await openTab(memoryLibrary());
    const saved = await tab.versions.save('Original');
    breakTheApi(tab);
    const firstId = tab.store.getState().designId;
    const edited = tab.store.getState().design;
    expect(await tab.versions.openAsNew(saved?.id as string)).toBe(true);
    expect(tab.store.getState().designId).not.toBe(firstId);
    expect(Object.keys(tab.store.getState().design.methods)).toContain(create);
    await tab.store.getState().switchDesign(firstId as string);
    expect(json(tab.store.getState().design)).toEqual(json(edited));
  });

  it('records which version each stage export was, reusing a version of the same content, and keeps it through autosave', async () => {
    const storage = memoryLibrary();
    const tab = await openTab(storage);
    const designId = tab.store.getState().designId as string;
    const saved = await tab.versions.save('Release 1');
    expect(await tab.versions.recordExport([prod], 'openapi3')).toBe(true);
    let meta = await storage.getMeta(designId);
    expect(meta?.exports?.[prod]).toMatchObject({ stageId: prod, stageName: 'prod', versionId: saved?.id, target: 'openapi3' });
    expect(meta?.exports?.[prod]?.hash).toBe(contentHash(tab.store.getState().design));
    // A changed design exported again: a new version holds what was exported.
    breakTheApi(tab);
    await tab.versions.recordExport([prod], 'cdk');
    const listed = await tab.versions.list();
    expect(listed[0]).toMatchObject({ origin: 'export', note: 'Exported the CDK program for prod' });
    meta = await storage.getMeta(designId);
    expect(meta?.exports?.[prod]?.versionId).toBe(listed[0]?.id);
    // Autosaving the design keeps the record, in storage and in the list the app shows.
    tab.store.getState().apply('Rename API', (design) => updateApi(design, { name: 'Renamed' }));
    await settle();
    await tab.session.flush();
    expect((await storage.getMeta(designId))?.exports?.[prod]?.versionId).toBe(listed[0]?.id);
    expect(tab.store.getState().library.find((entry) => entry.id === designId)?.exports?.[prod]?.versionId).toBe(listed[0]?.id);
  });

  it('keeps versions in IndexedDB across a reload, and deletes them with their design', async () => {
    const factory = new IDBFactory();
    const tab = await openTab(await openIndexedDbLibrary(factory));
    const designId = tab.store.getState().designId as string;
    await tab.versions.save('One');
    await tab.versions.save('Two');
    await tab.session.flush();
    tab.session.stop();
    const storage = await openIndexedDbLibrary(factory);
    const again = await openTab(storage);
    expect(again.store.getState().designId).toBe(designId);
    expect((await again.versions.list()).map((meta) => meta.note)).toEqual(['Two', 'One']);
    const forFile = await again.versions.forFile(designId);
    expect(forFile.map((version) => version.note)).toEqual(['One', 'Two']);
    await storage.remove(designId);
    expect(await storage.listVersions(designId)).toEqual([]);
  });

  it('adds the versions a design file carried, and refuses to read a damaged stored version', async () => {
    const storage = memoryLibrary();
    const tab = await openTab(storage);
    const designId = tab.store.getState().designId as string;
    const old = updateApi(restPetStore(), { name: 'Old' });
    expect(await tab.versions.addFromFile(designId, [{ note: 'From the file', savedAt: 5, origin: 'saved', design: old }])).toBe(true);
    const [added] = await tab.versions.list();
    expect(added).toMatchObject({ note: 'From the file', savedAt: 5, origin: 'saved', name: 'Old', designId });
    await storage.putVersion(
      { ...(added as NonNullable<typeof added>), id: 'ver_bad' },
      {
        id: 'ver_bad',
        designId,
        schemaVersion: 2,
        design: { api: { name: 'x' } },
      },
    );
    const read = await tab.versions.read('ver_bad');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/could not be read: The design is damaged/);
    expect(await tab.versions.view('ver_bad')).toBe(false);
    expect(tab.store.getState().viewing).toBeNull();
  });
});
