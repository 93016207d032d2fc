import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addResource, type Design, emptyDesign, ROOT_RESOURCE_ID, updateApi } from '../../core/model';
import { restPetStore } from '../../core/model/testing/design-builder';
import { createPorticoStore, type PorticoStore } from '../store';
import type { DesignLocks } from './design-locks';
import { openIndexedDbLibrary } from './library-db';
import { createLibrarySession, type LibrarySession, trashDays } from './library-session';
import { memoryLibrary } from './memory-library';
import type { TabChannel, TabMessage } from './tab-channel';
import type { LibraryStorage, StoredHistory } from './types';

/** Web Locks shared by the "tabs" of one test: one holder per design, stealable. */
function lockRoom() {
  type Holder = { lost: (id: string) => void; tab: number };
  const holders = new Map<string, Holder>();
  const waiters = new Map<string, { holder: Holder; signal: AbortSignal; resolve: (got: boolean) => void }[]>();
  let tabs = 0;
  const handOn = (id: string) => {
    const queue = waiters.get(id) ?? [];
    while (queue.length > 0) {
      const next = queue.shift();
      if (!next || next.signal.aborted) continue;
      holders.set(id, next.holder);
      next.resolve(true);
      return;
    }
  };
  return (): DesignLocks => {
    tabs += 1;
    const tab = tabs;
    const lostListeners: ((id: string) => void)[] = [];
    const me = {
      tab,
      lost: (id: string) => {
        for (const listener of lostListeners) listener(id);
      },
    };
    return {
      acquire: async (id) => {
        const holder = holders.get(id);
        if (holder && holder.tab !== tab) return false;
        holders.set(id, me);
        return true;
      },
      takeOver: async (id) => {
        const holder = holders.get(id);
        holders.set(id, me);
        if (holder && holder.tab !== tab) holder.lost(id);
        return true;
      },
      release: (id) => {
        if (holders.get(id)?.tab !== tab) return;
        holders.delete(id);
        handOn(id);
      },
      waitFor: (id, signal) =>
        new Promise<boolean>((resolve) => {
          const holder = holders.get(id);
          if (!holder || holder.tab === tab) {
            holders.set(id, me);
            resolve(true);
            return;
          }
          signal.addEventListener('abort', () => resolve(false));
          waiters.set(id, [...(waiters.get(id) ?? []), { holder: me, signal, resolve }]);
        }),
      whileFree: async (id, work) => {
        const holder = holders.get(id);
        if (holder && holder.tab !== tab) return { ok: false };
        return { ok: true, value: await work() };
      },
      heldElsewhere: async () => new Set([...holders].filter(([, holder]) => holder.tab !== tab).map(([id]) => id)),
      onLost: (listener) => {
        lostListeners.push(listener);
      },
    };
  };
}

function channelRoom() {
  const listeners: { tab: number; listener: (message: TabMessage) => void }[] = [];
  let tabs = 0;
  return (): TabChannel => {
    tabs += 1;
    const tab = tabs;
    return {
      post: (message) => {
        for (const entry of listeners) if (entry.tab !== tab) setTimeout(() => entry.listener(structuredClone(message)), 0);
      },
      listen: (listener) => {
        listeners.push({ tab, listener });
      },
    };
  };
}

interface Tab {
  store: PorticoStore;
  session: LibrarySession;
  downloads: Design[];
}

function openTab(storage: LibraryStorage, rooms: { locks: () => DesignLocks; channel: () => TabChannel }, remembered?: string): Tab {
  const store = createPorticoStore(emptyDesign('REST', 'placeholder'));
  const downloads: Design[] = [];
  let kept = remembered ?? null;
  const session = createLibrarySession(store, {
    storage,
    durable: true,
    locks: rooms.locks(),
    channel: rooms.channel(),
    delayMs: 5,
    downloadDesign: (design) => downloads.push(design),
    remembered: { get: () => kept, set: (id) => (kept = id) },
    firstDesign: restPetStore,
  });
  store.getState().connectLibrary(session.port);
  return { store, session, downloads };
}

const rooms = () => ({ locks: lockRoom(), channel: channelRoom() });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function started(storage: LibraryStorage, room = rooms(), remembered?: string): Promise<Tab> {
  const tab = openTab(storage, room, remembered);
  await tab.session.start();
  // The undo history is rebuilt after the first paint.
  await settle();
  return tab;
}

async function saved(tab: Tab): Promise<void> {
  await settle();
  await tab.session.flush();
  expect(tab.session.isSaved()).toBe(true);
}

const rename = (tab: Tab, name: string) => tab.store.getState().apply('Rename API', (design) => updateApi(design, { name }));
const addPets = (tab: Tab) =>
  tab.store.getState().apply('Add resource', (design) => addResource(design, { parentId: ROOT_RESOURCE_ID, pathPart: 'owners' }));

describe('the design library session', () => {
  it('opens the example on a first start, as the first library entry', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    await saved(tab);
    const list = await storage.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: restPetStore().api.name, origin: 'example', id: tab.store.getState().designId });
  });

  it('opening another design creates a new entry and never overwrites the one before', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    rename(tab, 'My own API');
    const mine = tab.store.getState().design;
    const mineId = tab.store.getState().designId;
    // Opened before the rename was autosaved: it is saved first.
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Shared'), { label: 'the shared design', origin: 'share-link' });
    expect(tab.store.getState().design.api.name).toBe('Shared');
    expect(tab.store.getState().history.past).toHaveLength(0);
    expect(tab.store.getState().designId).not.toBe(mineId);
    expect(tab.store.getState().notices.at(-1)?.message).toMatch(
      /Opened the shared design as a new design .*your previous design is in My designs/,
    );
    await saved(tab);
    const list = await storage.list();
    expect(list.map((entry) => entry.name).sort()).toEqual(['My own API', 'Shared']);
    expect(list.find((entry) => entry.name === 'Shared')?.origin).toBe('share-link');
    expect((await storage.readDocument(mineId as string)) as { design: Design }).toMatchObject({
      design: JSON.parse(JSON.stringify(mine)),
    });
    // "Go back" opens it again, with its undo history.
    tab.store.getState().notices.at(-1)?.action?.run();
    await settle();
    expect(tab.store.getState().design.api.name).toBe('My own API');
    expect(tab.store.getState().history.past.at(-1)?.label).toBe('Rename API');
  });

  it('keeps the undo history of each design across a reload (in IndexedDB)', async () => {
    const storage = await openIndexedDbLibrary(new IDBFactory());
    const room = rooms();
    const tab = await started(storage, room);
    const first = tab.store.getState().design;
    rename(tab, 'One');
    addPets(tab);
    tab.store.getState().undo();
    await saved(tab);
    const id = tab.store.getState().designId as string;
    tab.session.stop();

    const again = await started(storage, rooms(), id);
    const state = again.store.getState();
    expect(state.designId).toBe(id);
    expect(state.design.api.name).toBe('One');
    expect(state.history.past.map((entry) => entry.label)).toEqual(['Rename API']);
    expect(state.history.future.map((entry) => entry.label)).toEqual(['Add resource']);
    again.store.getState().redo();
    expect(Object.values(again.store.getState().design.resources).map((resource) => resource.pathPart)).toContain('owners');
    again.store.getState().undo();
    again.store.getState().undo();
    expect(JSON.stringify(again.store.getState().design)).toBe(JSON.stringify(first));
  });

  it('an edit made before the stored history is back goes on top of it', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    rename(tab, 'Before reload');
    await saved(tab);
    const id = tab.store.getState().designId as string;
    tab.session.stop();
    const again = openTab(storage, rooms(), id);
    await again.session.start();
    // The design is there at once; its history follows after the first paint.
    expect(again.store.getState().design.api.name).toBe('Before reload');
    expect(again.store.getState().history.past).toHaveLength(0);
    rename(again, 'Right after');
    await settle();
    expect(again.store.getState().history.past.map((entry) => entry.label)).toEqual(['Rename API', 'Rename API']);
    again.store.getState().undo();
    again.store.getState().undo();
    expect(again.store.getState().design.api.name).toBe(restPetStore().api.name);
    await saved(again);
  });

  it('drops a damaged undo history with a notice and keeps the design', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    rename(tab, 'Kept');
    await saved(tab);
    const id = tab.store.getState().designId as string;
    const history = (await storage.readHistory(id)) as StoredHistory;
    const meta = await storage.getMeta(id);
    await storage.put(
      {
        meta: meta as NonNullable<typeof meta>,
        document: (await storage.readDocument(id)) as never,
        history: { ...history, past: [{ label: 'Rename API', patch: { order: ['nope'] } }] },
      },
      meta?.rev ?? null,
    );
    const again = await started(storage, rooms(), id);
    expect(again.store.getState().design.api.name).toBe('Kept');
    expect(again.store.getState().history.past).toHaveLength(0);
    expect(
      again.store
        .getState()
        .notices.map((notice) => notice.message)
        .join(' '),
    ).toMatch(/undo history .* could not be fully restored/);
  });

  it('checks a rebuilt design through the gate when undo reaches it, and drops it if it fails', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    rename(tab, 'Two');
    await saved(tab);
    const id = tab.store.getState().designId as string;
    const history = (await storage.readHistory(id)) as StoredHistory;
    const meta = await storage.getMeta(id);
    // A step whose patch applies but makes an inconsistent design: a method on a resource that does not exist.
    const broken = { nested: { methods: { set: { mth_x: { id: 'mth_x', resourceId: 'res_none', httpMethod: 'GET' } } } } };
    await storage.put(
      {
        meta: meta as NonNullable<typeof meta>,
        document: (await storage.readDocument(id)) as never,
        history: { ...history, past: [{ label: 'Broken', patch: broken as never }] },
      },
      meta?.rev ?? null,
    );
    const again = await started(storage, rooms(), id);
    expect(again.store.getState().history.past).toHaveLength(1);
    again.store.getState().undo();
    expect(again.store.getState().design.api.name).toBe('Two');
    expect(again.store.getState().history.past).toHaveLength(0);
    expect(again.store.getState().notices.at(-1)?.message).toMatch(/undo history .* damaged/);
  });

  it('moves a design to the Trash, restores it, and purges it for good', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    const exampleId = tab.store.getState().designId as string;
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Second'), { label: 'Second', origin: 'new' });
    await saved(tab);
    expect(await tab.store.getState().deleteDesign(exampleId)).toBe(true);
    expect((await storage.getMeta(exampleId))?.deletedAt).toBeTypeOf('number');
    const notice = tab.store.getState().notices.at(-1);
    expect(notice?.message).toMatch(/Moved .* to the Trash/);
    notice?.action?.run();
    await settle();
    expect((await storage.getMeta(exampleId))?.deletedAt).toBeUndefined();
    await tab.store.getState().deleteDesign(exampleId);
    expect(await tab.store.getState().purgeDesign(exampleId)).toBe(true);
    expect(await storage.getMeta(exampleId)).toBeUndefined();
    expect(await storage.readDocument(exampleId)).toBeUndefined();
  });

  it('deleting the open design opens the most recent other one', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    const exampleId = tab.store.getState().designId as string;
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Second'), { label: 'Second', origin: 'new' });
    await saved(tab);
    const secondId = tab.store.getState().designId as string;
    expect(await tab.store.getState().deleteDesign(secondId)).toBe(true);
    expect(tab.store.getState().designId).toBe(exampleId);
    expect((await storage.getMeta(secondId))?.deletedAt).toBeTypeOf('number');
  });

  it('purges designs older than 30 days in the Trash at start', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Old'), { label: 'Old', origin: 'new' });
    await saved(tab);
    const oldId = tab.store.getState().designId as string;
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Recent'), { label: 'Recent', origin: 'new' });
    await saved(tab);
    const recentId = tab.store.getState().designId as string;
    await storage.updateMeta(oldId, (meta) => ({ ...meta, deletedAt: Date.now() - (trashDays + 1) * 24 * 3600 * 1000 }));
    await storage.updateMeta(recentId, (meta) => ({ ...meta, deletedAt: Date.now() - 2 * 24 * 3600 * 1000 }));
    await started(storage);
    expect(await storage.getMeta(oldId)).toBeUndefined();
    expect(await storage.getMeta(recentId)).toBeDefined();
  });

  it('renames and duplicates designs that are not open, as one more undo step of theirs', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    const exampleId = tab.store.getState().designId as string;
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Other'), { label: 'Other', origin: 'new' });
    await saved(tab);
    expect(await tab.store.getState().renameDesign(exampleId, 'Renamed pets')).toBe(true);
    expect((await storage.getMeta(exampleId))?.name).toBe('Renamed pets');
    const copyId = await tab.store.getState().duplicateDesign(exampleId);
    expect((await storage.getMeta(copyId as string))?.name).toBe('Renamed pets (copy)');
    expect((await storage.getMeta(copyId as string))?.origin).toBe('duplicate');
    await tab.store.getState().switchDesign(exampleId);
    await settle();
    expect(tab.store.getState().design.api.name).toBe('Renamed pets');
    tab.store.getState().undo();
    expect(tab.store.getState().design.api.name).toBe(restPetStore().api.name);
    // The open design is renamed as an undoable edit.
    expect(await tab.store.getState().renameDesign(exampleId, 'Again')).toBe(true);
    expect(tab.store.getState().history.past.at(-1)?.label).toBe('Rename API');
  });

  it('locks per design: a second tab on the same design is read-only; on another design both edit', async () => {
    const storage = memoryLibrary();
    const room = rooms();
    const one = await started(storage, room);
    await saved(one);
    const two = await started(storage, room);
    expect(two.store.getState().designId).toBe(one.store.getState().designId);
    expect(two.store.getState().persistence.state).toBe('read-only');
    expect(rename(two, 'Nope')).toBe(false);
    expect(two.store.getState().notices.some((notice) => notice.action?.label === 'Edit here instead')).toBe(true);
    // The second tab opens another design and edits it while the first edits its own.
    two.store.getState().openNewDesign(emptyDesign('HTTP', 'Tab two'), { label: 'Tab two', origin: 'new' });
    expect(two.store.getState().persistence.state).not.toBe('read-only');
    rename(two, 'Tab two edited');
    rename(one, 'Tab one edited');
    await saved(one);
    await saved(two);
    const names = (await storage.list()).map((entry) => entry.name).sort();
    expect(names).toEqual(['Tab one edited', 'Tab two edited']);
  });

  it('taking over: the other tab becomes read-only and keeps its unsaved changes on offer', async () => {
    const storage = memoryLibrary();
    const room = rooms();
    const one = await started(storage, room);
    await saved(one);
    const two = await started(storage, room);
    rename(one, 'Typed in tab one');
    two.store
      .getState()
      .notices.find((notice) => notice.action?.label === 'Edit here instead')
      ?.action?.run();
    await settle();
    expect(two.store.getState().persistence.state).toBe('saved');
    expect(one.store.getState().persistence.state).toBe('read-only');
    expect(one.store.getState().notices.at(-1)?.action?.label).toBe('Keep them as a new design');
  });

  it('a read-only tab edits the design by itself once the other tab leaves it', async () => {
    const storage = memoryLibrary();
    const room = rooms();
    const one = await started(storage, room);
    rename(one, 'Saved by tab one');
    await saved(one);
    const two = await started(storage, room);
    expect(two.store.getState().persistence.state).toBe('read-only');
    one.store.getState().openNewDesign(emptyDesign('HTTP', 'Elsewhere'), { label: 'Elsewhere', origin: 'new' });
    await settle();
    await settle();
    expect(two.store.getState().persistence.state).toBe('saved');
    expect(two.store.getState().design.api.name).toBe('Saved by tab one');
    expect(two.store.getState().notices.some((notice) => notice.action?.label === 'Edit here instead')).toBe(false);
    expect(two.store.getState().notices.at(-1)?.message).toMatch(/this tab saves your work now/);
    expect(rename(two, 'Tab two edits')).toBe(true);
    await saved(two);
    // Undo reaches what tab one did.
    two.store.getState().undo();
    two.store.getState().undo();
    expect(two.store.getState().design.api.name).toBe(restPetStore().api.name);
  });

  it('a failed write keeps the work in memory and offers a download', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    await saved(tab);
    const failing: LibraryStorage = storage;
    const put = storage.put;
    failing.put = async () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    rename(tab, 'Unsaved');
    await settle();
    expect(tab.store.getState().design.api.name).toBe('Unsaved');
    expect(tab.store.getState().persistence.state).toBe('failed');
    const notice = tab.store.getState().notices.at(-1);
    expect(notice?.message).toMatch(/storage is full/);
    notice?.action?.run();
    expect(tab.downloads.at(-1)?.api.name).toBe('Unsaved');
    // Opening another design while storage fails: the design left behind is still offered for download.
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Another'), { label: 'Another', origin: 'new' });
    await settle();
    const left = tab.store.getState().notices.find((entry) => /“Unsaved” is not saved/.test(entry.message));
    left?.action?.run();
    expect(tab.downloads.at(-1)?.api.name).toBe('Unsaved');
    failing.put = put;
  });

  it('a document that cannot be read is kept aside, and the next design opens', async () => {
    const storage = memoryLibrary();
    const tab = await started(storage);
    const exampleId = tab.store.getState().designId as string;
    tab.store.getState().openNewDesign(emptyDesign('HTTP', 'Good'), { label: 'Good', origin: 'new' });
    await saved(tab);
    const meta = await storage.getMeta(exampleId);
    await storage.put(
      {
        meta: { ...(meta as NonNullable<typeof meta>), updatedAt: Date.now() + 1000, rev: 9 },
        document: { format: 'portico.design', id: exampleId, schemaVersion: 2, rev: 9, savedAt: 1, design: { api: 'broken' } },
      },
      meta?.rev ?? null,
    );
    const again = await started(storage, rooms(), exampleId);
    expect(again.store.getState().design.api.name).toBe('Good');
    expect((await storage.getMeta(exampleId))?.damaged).toBeTruthy();
    expect((await storage.legacy.keys()).filter((key) => key.startsWith('recovery:'))).toHaveLength(1);
    // Trying again copies nothing more aside; once readable (a newer Portico saved it), it opens and is no longer marked.
    expect(await again.store.getState().switchDesign(exampleId)).toBe(false);
    expect((await storage.legacy.keys()).filter((key) => key.startsWith('recovery:'))).toHaveLength(1);
    const marked = await storage.getMeta(exampleId);
    await storage.put(
      {
        meta: marked as NonNullable<typeof marked>,
        document: { format: 'portico.design', id: exampleId, schemaVersion: 2, rev: 10, savedAt: 2, design: restPetStore() },
      },
      marked?.rev ?? null,
    );
    await storage.updateMeta(exampleId, (entry) => ({ ...entry, rev: 10 }));
    expect(await again.store.getState().switchDesign(exampleId)).toBe(true);
    expect((await storage.getMeta(exampleId))?.damaged).toBeUndefined();
  });
});
