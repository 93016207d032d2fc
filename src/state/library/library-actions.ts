import { applyOperation, createHistory, type Design, emptyDesign, type History, historyLimit, updateApi } from '../../core/model';
import type { ExportedDesign, LibraryPort, PorticoStore } from '../store';
import { describeDesign, newMeta } from './describe-design';
import type { DesignLocks } from './design-locks';
import { documentOf, newDesignId, readDocument } from './document';
import { decodeHistory, encodeHistory } from './stored-history';
import { type DesignMeta, type DesignOrigin, type LibraryStorage, type StoredHistory, trashDays } from './types';

const dayMs = 24 * 60 * 60 * 1000;

/** What the library actions need of the session that loaded them. */
export interface ActionContext {
  store: PorticoStore;
  storage: LibraryStorage;
  locks: DesignLocks;
  now: () => number;
  /** Runs storage work after every write asked for before it. */
  enqueue: <T>(work: () => Promise<T>) => Promise<T>;
  /** Writes the open design now; false when it could not be written. */
  save: () => Promise<boolean>;
  switchTo: (id: string) => Promise<boolean>;
  createAndShow: (design: Design, origin: DesignOrigin) => void;
  currentId: () => string | undefined;
  mostRecent: (list: DesignMeta[], except?: string) => DesignMeta[];
  libraryChanged: () => void;
  port: LibraryPort;
}

export interface LibraryActions {
  rename(id: string, name: string): Promise<boolean>;
  duplicate(id: string): Promise<string | undefined>;
  trash(id: string): Promise<boolean>;
  restore(id: string): Promise<boolean>;
  purge(id: string): Promise<boolean>;
  exportAll(): Promise<ExportedDesign[]>;
  /** Deletes for good what has been in the Trash longer than 30 days; true when something went. */
  purgeExpired(list: DesignMeta[]): Promise<boolean>;
}

/** Renaming, copying, the Trash and export of library entries, each design written in its own records. */
export function createLibraryActions(context: ActionContext): LibraryActions {
  const { store, storage, locks, now, enqueue, switchTo, libraryChanged } = context;
  const state = () => store.getState();
  const nameOf = (id: string) => state().library.find((entry) => entry.id === id)?.name ?? 'This design';
  const elsewhere = (name: string, what: string) =>
    state().notify({ tone: 'warning', message: `“${name}” is open in another tab: ${what} it there, or close that tab first.` });
  const actions: LibraryActions = {
    rename: async (id, name) => {
      if (context.currentId() === id) return state().apply('Rename API', (design) => updateApi(design, { name }));
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
      if (context.currentId() === id) source = state().history.present;
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
      const wasOpen = context.currentId() === id;
      if (wasOpen) {
        const list = await storage.list();
        const next = context.mostRecent(list, id)[0];
        if (!(await context.save())) return false;
        if (next) {
          if (!(await switchTo(next.id))) return false;
        } else context.createAndShow(emptyDesign('REST', 'Untitled API'), 'new');
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
            void actions.restore(id).then((restored) => {
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
      await context.save();
      const list = await storage.list();
      const designs: ExportedDesign[] = [];
      for (const meta of list) {
        if (context.currentId() === meta.id) {
          designs.push({ meta, design: state().history.present });
          continue;
        }
        const raw = await storage.readDocument(meta.id);
        const parsed = readDocument(raw);
        designs.push(parsed.ok ? { meta, design: parsed.design } : { meta, raw });
      }
      return designs;
    },
    purge: async (id) => {
      if (context.currentId() === id) return false;
      const name = nameOf(id);
      const outcome = await locks.whileFree(id, () => enqueue(() => storage.remove(id)));
      if (!outcome.ok) {
        elsewhere(name, 'close');
        return false;
      }
      libraryChanged();
      return true;
    },
    purgeExpired: async (list) => {
      const limit = now() - trashDays * dayMs;
      let purged = false;
      for (const entry of list)
        if (entry.deletedAt !== undefined && entry.deletedAt < limit) {
          const outcome = await locks.whileFree(entry.id, () => storage.remove(entry.id));
          purged ||= outcome.ok;
        }
      return purged;
    },
  };
  return actions;
}
