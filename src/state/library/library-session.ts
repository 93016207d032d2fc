import { applyOperation, createHistory, type Design, emptyDesign, type History, historyLimit, updateApi } from '../../core/model';
import type { ExportedDesign, LeftDesign, LibraryPort, PorticoStore } from '../store';
import { describeDesign, newDesignId } from './describe-design';
import { createDesignLocks, type DesignLocks } from './design-locks';
import { documentOf, newMeta, readDocument } from './document';
import { isQuotaError } from './errors';
import { migrateLegacyDesign, recoveryPrefix } from './migrate-legacy';
import { decodeHistory, encodeHistory } from './stored-history';
import { createTabChannel, type TabChannel } from './tab-channel';
import type { DesignMeta, DesignOrigin, LibraryStorage, StoredHistory } from './types';

/** Designs stay in the Trash this long, then are deleted for good at the next start. */
export const trashDays = 30;
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

type Loaded = { design: Design; history: History; unverified: Design[]; meta: DesignMeta };

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
      action: { label: 'Download design file', run: () => options.downloadDesign(isOpen ? state().design : design) },
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
    const savedAt = now();
    const rev = (open.rev ?? 0) + 1;
    const design = history.present;
    const meta: DesignMeta = { id: open.id, ...describeDesign(design), createdAt: savedAt, updatedAt: savedAt, origin: open.origin, rev };
    const isOpen = () => state().designId === open.id;
    if (isOpen() && state().persistence.state !== 'unavailable') state().setPersistence({ state: 'saving' });
    try {
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

  const becomeFollower = (reason: string) => {
    state().setPersistence({ state: 'read-only', reason });
    state().notify({
      tone: 'warning',
      sticky: true,
      message: `${reason} This tab is read-only so that the two tabs do not overwrite each other; or open another design from My designs.`,
      action: { label: 'Edit here instead', run: () => void takeOver() },
    });
  };

  /** Reads a design with its history; a document that cannot be opened is kept aside and reported. */
  const load = async (id: string): Promise<Loaded | undefined> => {
    const meta = await storage.getMeta(id);
    const raw = await storage.readDocument(id);
    if (!meta) return undefined;
    const parsed = readDocument(raw);
    if (!parsed.ok) {
      const recoveryKey = `${recoveryPrefix}${now()}`;
      if (raw !== undefined) await storage.legacy.write(recoveryKey, raw);
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
    const decoded = decodeHistory(parsed.design, await storage.readHistory(id), id, meta.rev);
    const problem = decoded.ok ? decoded.dropped : decoded.message;
    if (problem)
      state().notify({
        tone: 'warning',
        message: `The undo history of “${meta.name}” could not be fully restored: ${problem}. The design itself is intact.`,
      });
    return decoded.ok
      ? { design: parsed.design, history: decoded.history, unverified: decoded.unverified, meta }
      : { design: parsed.design, history: createHistory(parsed.design), unverified: [], meta };
  };

  const leave = () => {
    if (current) locks.release(current.id);
  };

  /** Shows a loaded design and claims it (or follows the tab that has it). */
  const show = async (loaded: Loaded, token: number): Promise<void> => {
    leave();
    const { meta } = loaded;
    const open: Open = { id: meta.id, rev: meta.rev, writer: false, saved: loaded.history, origin: meta.origin, name: meta.name };
    current = open;
    state().showDesign(meta.id, loaded.history, { unverified: loaded.unverified });
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
    } else becomeFollower('This design is open in another Portico tab.');
  };

  const takeOver = async () => {
    const open = current;
    if (!open || !(await locks.takeOver(open.id))) return;
    const loaded = await load(open.id);
    if (!loaded || current !== open) return;
    open.rev = loaded.meta.rev;
    open.saved = loaded.history;
    open.writer = true;
    state().showDesign(open.id, loaded.history, { unverified: loaded.unverified });
    state().setPersistence(options.durable ? { state: 'saved', at: loaded.meta.updatedAt } : { state: 'idle' });
    state().notify({ tone: 'success', message: 'This tab now saves your work; the other tab became read-only.' });
  };

  /** A new entry shown at once, written shortly after (so a big import draws before it is stored). */
  const begin = (id: string, origin: DesignOrigin, design: Design) => {
    leave();
    current = { id, rev: null, writer: true, saved: undefined, origin, name: design.api.name };
    options.remembered?.set(id);
    const open = current;
    void locks.acquire(id).then((writer) => {
      // A fresh random id is never held elsewhere; without the lock the revision check still guards it.
      if (!writer && current === open) open.writer = true;
    });
    upsertListed({ ...newMeta(id, design, origin, now()), rev: 0 });
    schedule(60);
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

  const elsewhere = (name: string, what: string) =>
    state().notify({ tone: 'warning', message: `“${name}” is open in another tab: ${what} it there, or close that tab first.` });

  const nameOf = (id: string) => state().library.find((entry) => entry.id === id)?.name ?? 'This design';

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
    rename: async (id, name) => {
      if (current?.id === id) return state().apply('Rename API', (design) => updateApi(design, { name }));
      const outcome = await locks.whileFree(id, () =>
        enqueue(async () => {
          const meta = await storage.getMeta(id);
          const parsed = readDocument(await storage.readDocument(id));
          if (!meta || !parsed.ok) return 'unreadable' as const;
          const result = applyOperation(parsed.design, (design) => updateApi(design, { name }));
          if (!result.ok) return result.error.message;
          const renamed = result.design;
          const rev = meta.rev + 1;
          const stored = (await storage.readHistory(id)) as StoredHistory | undefined;
          // The rename is one more undo step of that design, stored as its patch.
          const decoded = decodeHistory(parsed.design, stored, id, meta.rev);
          const base = decoded.ok ? decoded.history : createHistory(parsed.design);
          const past = [...base.past, { design: parsed.design, label: 'Rename API' }].slice(-historyLimit);
          const history: History = { past, present: renamed, future: [] };
          const savedAt = now();
          const written = await storage.put(
            {
              meta: { ...meta, ...describeDesign(renamed), updatedAt: savedAt, rev },
              document: documentOf(id, renamed, rev, savedAt),
              history: encodeHistory(history, id, rev),
            },
            meta.rev,
          );
          return written.ok ? ('ok' as const) : ('conflict' as const);
        }),
      );
      if (!outcome.ok) {
        elsewhere(nameOf(id), 'rename');
        return false;
      }
      if (outcome.value !== 'ok') {
        state().notify({
          tone: 'error',
          message: outcome.value === 'unreadable' || outcome.value === 'conflict' ? 'The design could not be renamed.' : outcome.value,
        });
        return false;
      }
      libraryChanged();
      return true;
    },
    duplicate: async (id) => {
      let source: Design | undefined;
      if (current?.id === id) source = state().design;
      else {
        const parsed = readDocument(await storage.readDocument(id));
        if (parsed.ok) source = parsed.design;
      }
      if (!source) {
        state().notify({ tone: 'error', message: 'That design could not be read, so it was not copied.' });
        return undefined;
      }
      const copied = applyOperation(source, (design) => updateApi(design, { name: `${design.api.name} (copy)` }));
      const copy = copied.ok ? copied.design : source;
      const copyId = newDesignId();
      const at = now();
      try {
        await enqueue(() =>
          storage.put({ meta: newMeta(copyId, copy, 'duplicate', at), document: documentOf(copyId, copy, 1, at), history: null }, null),
        );
      } catch (error) {
        state().notify({ tone: 'error', message: `The copy could not be saved (${(error as Error).message}).` });
        return undefined;
      }
      libraryChanged();
      return copyId;
    },
    trash: async (id) => {
      const name = nameOf(id);
      const wasOpen = current?.id === id;
      if (wasOpen) {
        const list = await storage.list();
        const next = mostRecent(list, id)[0];
        if (!(await flushCurrent())) return false;
        if (next) {
          if (!(await switchTo(next.id))) return false;
        } else createAndShow(emptyDesign('REST', 'Untitled API'), 'new');
      }
      const outcome = await locks.whileFree(id, () => enqueue(() => storage.updateMeta(id, (meta) => ({ ...meta, deletedAt: now() }))));
      if (!outcome.ok) {
        elsewhere(name, 'close');
        return false;
      }
      libraryChanged();
      state().notify({
        tone: 'info',
        message: `Moved “${name}” to the Trash. It is kept there for ${trashDays} days.`,
        action: {
          label: 'Undo',
          run: () =>
            void port.restore(id).then((restored) => {
              if (restored && wasOpen) void switchTo(id);
            }),
        },
      });
      return true;
    },
    restore: async (id) => {
      const restored = await enqueue(() =>
        storage.updateMeta(id, (meta) => {
          const { deletedAt: _deletedAt, ...kept } = meta;
          return kept;
        }),
      );
      if (!restored) return false;
      libraryChanged();
      return true;
    },
    exportAll: async () => {
      await save();
      const list = await storage.list();
      const designs: ExportedDesign[] = [];
      for (const meta of list) {
        if (current?.id === meta.id) {
          designs.push({ meta, design: state().design });
          continue;
        }
        const raw = await storage.readDocument(meta.id);
        const parsed = readDocument(raw);
        designs.push(parsed.ok ? { meta, design: parsed.design } : { meta, raw });
      }
      return designs;
    },
    purge: async (id) => {
      if (current?.id === id) return false;
      const name = nameOf(id);
      const outcome = await locks.whileFree(id, () => enqueue(() => storage.remove(id)));
      if (!outcome.ok) {
        elsewhere(name, 'close');
        return false;
      }
      libraryChanged();
      return true;
    },
  };

  const purgeExpired = async (list: DesignMeta[]) => {
    const limit = now() - trashDays * dayMs;
    let purged = false;
    for (const entry of list)
      if (entry.deletedAt !== undefined && entry.deletedAt < limit) {
        const outcome = await locks.whileFree(entry.id, () => storage.remove(entry.id));
        purged ||= outcome.ok;
      }
    return purged;
  };

  const unsubscribe = store.subscribe((next, previous) => {
    if (next.history !== previous.history && current && next.designId === current.id && current.writer && next.history !== current.saved)
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
      open.saved = loaded.history;
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
      const migration = await migrateLegacyDesign(storage, now());
      if (migration.kind === 'quarantined' || migration.kind === 'kept')
        state().notify({
          tone: 'warning',
          sticky: true,
          message: migration.message,
          ...(migration.kind === 'quarantined' ? { action: { label: 'Download it', run: () => state().openDialog('recovery') } } : {}),
        });
      let list = await storage.list();
      if (await purgeExpired(list)) list = await storage.list();
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
