import { createHistory, type Design, type History } from '../../core/model';
import { legacyCurrentKey, recoveryPrefix } from '../design-storage';
import type { LeftDesign, LibraryPort, PorticoStore } from '../store';
import { createDesignLocks, type DesignLocks } from './design-locks';
import { documentOf, newDesignId, readDocument } from './document';
import { isQuotaError } from './errors';
import type { LibraryActions } from './library-actions';
import { createTabChannel, type TabChannel } from './tab-channel';
import { type DesignMeta, type DesignOrigin, type LibraryStorage, trashDays } from './types';
import type { DesignVersions } from './versions-types';

export { trashDays };

/** Resolves once the browser has had a chance to paint (idle time, or soon after). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 300 });
    else setTimeout(resolve, 0);
  });
}

const dayMs = 24 * 60 * 60 * 1000;

export interface LibrarySessionOptions {
  storage: LibraryStorage;
  /** False for the in-memory library of a browser without storage: nothing is said to be "saved". */
  durable: boolean;
  locks?: DesignLocks;
  channel?: TabChannel;
  /** Autosave waits this long after the last change. @default 400 */
  delayMs?: number;
  /** Offered whenever a design could not be saved. */
  downloadDesign: (design: Design) => void;
  /** The design this tab had open before a reload (sessionStorage). */
  remembered?: { get(): string | null; set(id: string): void };
  now?: () => number;
  /** The design a first start opens (an empty library). */
  firstDesign: () => Design;
}

export interface LibrarySession {
  port: LibraryPort;
  /** Migrates, purges the old Trash, and opens this tab's design (or the most recent, or the first-start example). */
  start(): Promise<void>;
  /** Writes the current design now (and everything queued before it). */
  flush(): Promise<boolean>;
  /** Whether the current design and its history are written. */
  isSaved(): boolean;
  refreshLibrary(): Promise<DesignMeta[]>;
  stop(): void;
}

interface Open {
  id: string;
  /** The stored revision; null until the entry's first write. */
  rev: number | null;
  writer: boolean;
  /** The history last written (or read). */
  saved: History | undefined;
  origin: DesignOrigin;
  name: string;
}

/** A design read through the gate, with its stored history (rebuilt after the first paint). */
type Loaded = { design: Design; meta: DesignMeta; storedHistory: unknown };
type Codec = typeof import('./codec');

/**
 * Keeps every design in the library: autosaves the open one (document, entry and undo history in one
 * transaction, with a revision check against a second writer), opens, creates, renames, copies, trashes
 * and restores entries, and holds one writer per design across tabs. Nothing in memory is dropped when a
 * write fails: the user is told and offered the design as a file.
 */
export function createLibrarySession(store: PorticoStore, options: LibrarySessionOptions): LibrarySession {
  const { storage } = options;
  const locks = options.locks ?? createDesignLocks();
  const channel = options.channel ?? createTabChannel();
  const delay = options.delayMs ?? 400;
  const now = options.now ?? Date.now;
  let current: Open | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failureNotice: number | undefined;
  let switching = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const state = () => store.getState();

  let loadedCodec: Promise<Codec> | undefined;
  const codec = (): Promise<Codec> => {
    loadedCodec ??= import('./codec');
    return loadedCodec;
  };

  /** Storage writes run one after another, in the order they were asked for. */
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const upsertListed = (meta: DesignMeta) => {
    const list = state().library;
    const existing = list.find((entry) => entry.id === meta.id);
    const merged: DesignMeta = existing
      ? {
          ...meta,
          createdAt: existing.createdAt,
          origin: existing.origin,
          ...(existing.deletedAt ? { deletedAt: existing.deletedAt } : {}),
          ...(existing.exports ? { exports: existing.exports } : {}),
        }
      : meta;
    state().setLibrary([...list.filter((entry) => entry.id !== meta.id), merged]);
  };

  const refreshLibrary = async () => {
    const list = await storage.list();
    state().setLibrary(list);
    return list;
  };
  const libraryChanged = () => {
    channel.post({ type: 'library-changed' });
    void refreshLibrary();
  };

  const saveFailed = (open: Open, design: Design, error: unknown) => {
    const isOpen = state().designId === open.id;
    const where = isOpen ? 'your latest changes are' : `“${open.name}” is`;
    const message = isQuotaError(error)
      ? `Browser storage is full, so ${where} not saved in this browser. Your work is still here: download the design file to keep it.`
      : `${isOpen ? 'Your latest changes' : `“${open.name}”`} could not be saved in this browser (${(error as Error).message}). Your work is still here: download the design file to keep it.`;
    if (isOpen) state().setPersistence({ state: 'failed', message });
    const notice = state().notify({
      tone: 'error',
      message,
      sticky: true,
      // The design, not a version on show (`design` is then that version).
      action: { label: 'Download design file', run: () => options.downloadDesign(isOpen ? state().history.present : design) },
    });
    if (isOpen) {
      if (failureNotice !== undefined) state().dismiss(failureNotice);
      failureNotice = notice;
    }
  };

  const conflict = (open: Open, history: History) => {
    open.writer = false;
    const mine = history.present;
    if (state().designId !== open.id) {
      state().notify({
        tone: 'warning',
        sticky: true,
        message: `“${open.name}” was changed in another tab, so your last changes to it were not written over that.`,
        action: {
          label: 'Keep my version as a new design',
          run: () => state().openNewDesign(mine, { label: 'your version', origin: 'duplicate' }),
        },
      });
      return;
    }
    state().setPersistence({ state: 'read-only', reason: 'This design was changed in another tab.' });
    state().notify({
      tone: 'warning',
      sticky: true,
      message:
        'This design was changed in another tab, so this tab stopped saving it (neither tab overwrites the other). Keep your version as a new design, or open the latest from My designs.',
      action: {
        label: 'Keep my version as a new design',
        run: () => state().openNewDesign(mine, { label: 'your version', origin: 'duplicate' }),
      },
    });
  };

  /** Writes one design's present, entry and history; true when stored. */
  const write = async (open: Open, history: History): Promise<boolean> => {
    if (history === open.saved || !open.writer) return true;
    const design = history.present;
    const isOpen = () => state().designId === open.id;
    try {
      const { describeDesign, encodeHistory } = await codec();
      if (history === open.saved || !open.writer) return true;
      const savedAt = now();
      const rev = (open.rev ?? 0) + 1;
      const meta: DesignMeta = { id: open.id, ...describeDesign(design), createdAt: savedAt, updatedAt: savedAt, origin: open.origin, rev };
      if (isOpen() && state().persistence.state !== 'unavailable') state().setPersistence({ state: 'saving' });
      const result = await storage.put(
        { meta, document: documentOf(open.id, design, rev, savedAt), history: encodeHistory(history, open.id, rev) },
        open.rev,
      );
      if (!result.ok) {
        conflict(open, history);
        return false;
      }
      open.rev = rev;
      open.saved = history;
      open.name = meta.name;
      if (history.past.length > 0) askForPersistentStorage();
      upsertListed(meta);
      if (isOpen()) {
        if (state().persistence.state !== 'unavailable' && state().persistence.state !== 'read-only')
          state().setPersistence(options.durable ? { state: 'saved', at: savedAt } : state().persistence);
        if (failureNotice !== undefined) {
          state().dismiss(failureNotice);
          failureNotice = undefined;
        }
      }
      channel.post({ type: 'saved', id: open.id, rev });
      return true;
    } catch (error) {
      saveFailed(open, design, error);
      return false;
    }
  };

  let askedForPersistence = !options.durable;
  /**
   * Best-effort storage is evicted under pressure (whole origin at once); persistent storage is not. Asked
   * once, after the first write of an edit (not at a first start): Chromium decides silently, Firefox asks.
   */
  const askForPersistentStorage = () => {
    if (askedForPersistence) return;
    askedForPersistence = true;
    const manager = globalThis.navigator?.storage;
    if (typeof manager?.persist === 'function') void manager.persist().catch(() => undefined);
  };

  const save = (): Promise<boolean> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const open = current;
    if (!open || state().designId !== open.id || !open.writer) return queue.then(() => true);
    const history = state().history;
    return enqueue(() => write(open, history));
  };
  const schedule = (ms = delay) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  };

  let followerNotice: number | undefined;
  let waiting: AbortController | undefined;
  const stopFollowing = () => {
    waiting?.abort();
    waiting = undefined;
    if (followerNotice !== undefined) state().dismiss(followerNotice);
    followerNotice = undefined;
  };
  const becomeFollower = (reason: string) => {
    state().setPersistence({ state: 'read-only', reason });
    if (followerNotice !== undefined) state().dismiss(followerNotice);
    followerNotice = state().notify({
      tone: 'warning',
      sticky: true,
      message: `${reason} This tab is read-only so that the two tabs do not overwrite each other; or open another design from My designs.`,
      action: { label: 'Edit here instead', run: () => void takeOver() },
    });
    const open = current;
    if (!open) return;
    // When the other tab closes or leaves this design, this one edits it (with what that tab saved last).
    waiting?.abort();
    const controller = new AbortController();
    waiting = controller;
    void locks.waitFor(open.id, controller.signal).then(async (got) => {
      if (!got) return;
      if (current !== open || open.writer) {
        if (current?.id !== open.id) locks.release(open.id);
        return;
      }
      if (await becomeWriter(open))
        state().notify({ tone: 'success', message: 'The other tab let go of this design: this tab saves your work now.' });
    });
  };

  /** Reads a design with its history; a document that cannot be opened is kept aside and reported. */
  const load = async (id: string): Promise<Loaded | undefined> => {
    const meta = await storage.getMeta(id);
    const raw = await storage.readDocument(id);
    if (!meta) return undefined;
    const parsed = readDocument(raw);
    if (!parsed.ok) {
      // Copied aside once (the first failure); the entry itself is never written over.
      if (raw !== undefined && !meta.damaged) await storage.legacy.write(`${recoveryPrefix}${now()}`, raw);
      await storage.updateMeta(id, (entry) => ({ ...entry, damaged: parsed.message }));
      void refreshLibrary();
      state().notify({
        tone: 'warning',
        sticky: true,
        message: `“${meta.name}” could not be opened: ${parsed.message} It is kept as it was and can be downloaded.`,
        action: { label: 'Download it', run: () => state().openDialog('recovery') },
      });
      return undefined;
    }
    if (meta.damaged) {
      // Readable again (saved by a newer Portico, opened in it once more): no longer marked.
      await storage.updateMeta(id, ({ damaged: _damaged, ...entry }) => entry);
      void refreshLibrary();
    }
    return { design: parsed.design, meta, storedHistory: await storage.readHistory(id) };
  };

  const leave = () => {
    stopFollowing();
    if (current) locks.release(current.id);
  };

  /** Shows a loaded design and claims it (or follows the tab that has it). */
  const show = async (loaded: Loaded, token: number): Promise<void> => {
    leave();
    const { meta } = loaded;
    const history = createHistory(loaded.design);
    const open: Open = { id: meta.id, rev: meta.rev, writer: false, saved: history, origin: meta.origin, name: meta.name };
    current = open;
    state().showDesign(meta.id, history);
    options.remembered?.set(meta.id);
    state().requestFit({ animate: false });
    const writer = await locks.acquire(meta.id);
    if (token !== switching || current !== open) {
      if (writer && current?.id !== meta.id) locks.release(meta.id);
      return;
    }
    open.writer = writer;
    if (writer) {
      if (state().persistence.state !== 'unavailable')
        state().setPersistence(options.durable ? { state: 'saved', at: meta.updatedAt } : { state: 'idle' });
      // An edit made while the lock was being asked for is saved too.
      if (state().history !== open.saved) schedule();
      void restoreHistory(open, loaded);
    } else becomeFollower('This design is open in another Portico tab.');
  };

  let restoring = false;
  /**
   * Rebuilds the design's undo history after the first paint (a design opens without waiting for it) and
   * puts it behind whatever the user did meanwhile.
   */
  const restoreHistory = async (open: Open, loaded: Loaded): Promise<void> => {
    if (loaded.storedHistory === undefined || loaded.storedHistory === null) return;
    await afterPaint();
    const { decodeHistory } = await codec();
    if (current !== open) return;
    const decoded = decodeHistory(loaded.design, loaded.storedHistory, open.id, loaded.meta.rev);
    const problem = decoded.ok ? decoded.dropped : decoded.message;
    if (problem)
      state().notify({
        tone: 'warning',
        message: `The undo history of “${loaded.meta.name}” could not be fully restored: ${problem}. The design itself is intact.`,
      });
    if (!decoded.ok) return;
    const untouched = state().history === open.saved;
    restoring = true;
    try {
      if (!state().restoreHistory(open.id, loaded.design, decoded.history, decoded.unverified)) return;
    } finally {
      restoring = false;
    }
    // The history just put back is the stored one: nothing to write unless the user changed something.
    if (untouched) open.saved = state().history;
    else schedule();
  };

  /** This tab holds the lock of the design it follows: it shows what was saved last, with its history, and writes from now on. */
  const becomeWriter = async (open: Open): Promise<boolean> => {
    const loaded = await load(open.id);
    if (!loaded || current !== open) return false;
    stopFollowing();
    const history = createHistory(loaded.design);
    open.rev = loaded.meta.rev;
    open.saved = history;
    open.writer = true;
    state().showDesign(open.id, history);
    state().setPersistence(options.durable ? { state: 'saved', at: loaded.meta.updatedAt } : { state: 'idle' });
    void restoreHistory(open, loaded);
    return true;
  };

  const takeOver = async () => {
    const open = current;
    if (!open || !(await locks.takeOver(open.id))) return;
    if (await becomeWriter(open))
      state().notify({ tone: 'success', message: 'This tab now saves your work; the other tab became read-only.' });
  };

  /** A new entry, shown at once and written by the next autosave. */
  const begin = (id: string, origin: DesignOrigin, design: Design) => {
    leave();
    current = { id, rev: null, writer: true, saved: undefined, origin, name: design.api.name };
    options.remembered?.set(id);
    const open = current;
    // A fresh random id is held by no other tab: this tab writes it whatever the answer (the revision check
    // of every write still refuses a second writer).
    void locks.acquire(id);
    void codec().then(({ newMeta }) => {
      if (current === open && open.rev === null) upsertListed({ ...newMeta(id, design, origin, now()), rev: 0 });
    });
    // Written after the usual pause, so that a big import draws before its first write (pagehide flushes it sooner).
    schedule();
  };

  const flushCurrent = (): Promise<boolean> => save();

  const switchTo = async (id: string): Promise<boolean> => {
    if (current?.id === id) return true;
    switching += 1;
    const token = switching;
    if (!(await flushCurrent())) {
      state().notify({
        tone: 'error',
        message: 'The open design could not be saved, so it stays open: download it first (the notice above), then switch.',
      });
      return false;
    }
    const loaded = await load(id);
    if (!loaded || token !== switching) return false;
    await show(loaded, token);
    return true;
  };

  const mostRecent = (list: DesignMeta[], except?: string) =>
    list
      .filter((entry) => entry.deletedAt === undefined && !entry.damaged && entry.id !== except)
      .sort((a, b) => b.updatedAt - a.updatedAt);

  const createAndShow = (design: Design, origin: DesignOrigin) => {
    const id = newDesignId();
    state().showDesign(id, createHistory(design));
    if (state().persistence.state !== 'unavailable') state().setPersistence({ state: 'idle' });
    begin(id, origin, design);
    state().requestFit({ animate: false });
  };

  const port: LibraryPort = {
    opened: (left: LeftDesign, next) => {
      const before = current;
      if (before && left.id === before.id && left.writable && left.history !== before.saved) {
        const history = left.history;
        void enqueue(() => write(before, history)).then(() => locks.release(before.id));
      } else if (before) locks.release(before.id);
      // The lock of `before` is let go after its last write; `begin` must not release it first.
      current = undefined;
      begin(next.id, next.origin, next.design);
    },
    switchTo,
    rename: async (id, name) => (await actions()).rename(id, name),
    duplicate: async (id) => (await actions()).duplicate(id),
    trash: async (id) => (await actions()).trash(id),
    restore: async (id) => (await actions()).restore(id),
    exportAll: async () => (await actions()).exportAll(),
    purge: async (id) => (await actions()).purge(id),
    versions: () => versions(),
  };

  // Renaming, copying, the Trash and export are needed only when used: they load then, keeping them out
  // of the JS before first paint.
  let loadedActions: Promise<LibraryActions> | undefined;
  const actions = (): Promise<LibraryActions> => {
    loadedActions ??= import('./library-actions').then(({ createLibraryActions }) =>
      createLibraryActions({
        store,
        storage,
        locks,
        now,
        enqueue,
        save,
        switchTo,
        createAndShow,
        currentId: () => current?.id,
        mostRecent,
        libraryChanged,
        port,
      }),
    );
    return loadedActions;
  };

  // Named versions load when first used, too.
  let loadedVersions: Promise<DesignVersions> | undefined;
  const versions = (): Promise<DesignVersions> => {
    loadedVersions ??= import('./library-versions').then(({ createDesignVersions }) =>
      createDesignVersions({ store, storage, now, enqueue, save, libraryChanged }),
    );
    return loadedVersions;
  };

  const unsubscribe = store.subscribe((next, previous) => {
    if (
      !restoring &&
      next.history !== previous.history &&
      current &&
      next.designId === current.id &&
      current.writer &&
      next.history !== current.saved
    )
      schedule();
  });
  channel.listen((message) => {
    if (message.type === 'library-changed') {
      void refreshLibrary();
      return;
    }
    void refreshLibrary();
    const open = current;
    if (!open || open.id !== message.id || open.writer) return;
    // A follower shows what the writer just saved.
    void load(open.id).then((loaded) => {
      if (!loaded || current !== open || open.writer) return;
      open.rev = loaded.meta.rev;
      state().showDesign(open.id, createHistory(loaded.design));
      open.saved = state().history;
    });
  });
  locks.onLost((id) => {
    const open = current;
    if (!open || open.id !== id) return;
    open.writer = false;
    if (timer !== undefined) clearTimeout(timer);
    const unsaved = state().history !== open.saved ? state().design : undefined;
    becomeFollower('Another tab took over editing this design.');
    if (unsaved)
      state().notify({
        tone: 'warning',
        sticky: true,
        message: 'Your last changes in this tab were not saved before the other tab took over.',
        action: {
          label: 'Keep them as a new design',
          run: () => state().openNewDesign(unsaved, { label: 'your changes', origin: 'duplicate' }),
        },
      });
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') void save();
  };
  const onPageHide = () => void save();
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
  }

  return {
    port,
    start: async () => {
      // Only a browser upgraded from the first storage version still has it: the migration loads then.
      const migration =
        (await storage.legacy.read(legacyCurrentKey)) === undefined
          ? ({ kind: 'nothing' } as const)
          : await (await import('./migrate-legacy')).migrateLegacyDesign(storage, now());
      if (migration.kind === 'quarantined' || migration.kind === 'kept')
        state().notify({
          tone: 'warning',
          sticky: true,
          message: migration.message,
          ...(migration.kind === 'quarantined' ? { action: { label: 'Download it', run: () => state().openDialog('recovery') } } : {}),
        });
      let list = await storage.list();
      const expired = now() - trashDays * dayMs;
      if (list.some((entry) => entry.deletedAt !== undefined && entry.deletedAt < expired) && (await (await actions()).purgeExpired(list)))
        list = await storage.list();
      state().setLibrary(list);
      const remembered = options.remembered?.get();
      const candidates = mostRecent(list);
      const preferred = candidates.find((entry) => entry.id === remembered);
      const order = preferred ? [preferred, ...candidates.filter((entry) => entry !== preferred)] : candidates;
      switching += 1;
      const token = switching;
      for (const entry of order) {
        const loaded = await load(entry.id);
        if (loaded) {
          await show(loaded, token);
          return;
        }
      }
      const first = options.firstDesign();
      const id = newDesignId();
      state().showDesign(id, createHistory(first));
      begin(id, 'example', first);
    },
    flush: save,
    isSaved: () => current !== undefined && current.saved === state().history,
    refreshLibrary,
    stop: () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      if (typeof document !== 'undefined') {
        document.removeEventListener('visibilitychange', onHide);
        window.removeEventListener('pagehide', onPageHide);
      }
    },
  };
}
