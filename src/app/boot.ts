// The first-start design only: the gallery (every example) loads with its dialog, not before first paint.
import { firstStartDesign } from '../core/examples/rest-pet-store';
import type { Design } from '../core/model';
import type { DesignStorage } from '../state/design-storage';
import { newDesignId } from '../state/library/document';
import { openIndexedDbLibrary } from '../state/library/library-db';
import { createLibrarySession, type LibrarySession } from '../state/library/library-session';
import { memoryLibrary } from '../state/library/memory-library';
import type { DesignMeta, LibraryStorage } from '../state/library/types';
import { startLinting } from '../state/linting';
import { createPorticoStore, type PorticoStore } from '../state/store';
import { saveDesignFile } from './design-file';

export interface Boot {
  store: PorticoStore;
  /** Where designs that could not be opened are kept aside (the recovery dialog offers them for download). */
  storage: DesignStorage;
}

/** Which design this tab had open, so that a reload comes back to it (another tab may have another one). */
const rememberedKey = 'portico.designId';
const remembered = {
  get: (): string | null => {
    try {
      return sessionStorage.getItem(rememberedKey);
    } catch {
      return null;
    }
  },
  set: (id: string): void => {
    try {
      sessionStorage.setItem(rememberedKey, id);
    } catch {
      // Without sessionStorage a reload opens the most recently changed design instead.
    }
  },
};

/**
 * Starts the app's state: opens the design library (upgrading the one design an older Portico saved),
 * opens this tab's design, the most recently changed one, or the example on a first start, claims that
 * design among tabs, then autosaves. Never loses a saved design: what cannot be read is kept aside and
 * reported.
 */
export async function boot(): Promise<Boot> {
  // Library ids are random: a counter would restart at every reload and hand a new design an earlier one's id.
  const store = createPorticoStore(firstStartDesign(), { newDesignId });
  let storage: LibraryStorage;
  let durable = true;
  try {
    storage = await openIndexedDbLibrary();
  } catch (error) {
    storage = memoryLibrary();
    durable = false;
    store.getState().setPersistence({ state: 'unavailable', message: (error as Error).message });
    store.getState().notify({
      tone: 'warning',
      sticky: true,
      message:
        'This browser does not let Portico save your work (storage is unavailable). Your designs stay in this tab only: download the design file to keep one.',
      // The design itself, even while a saved version is on show.
      action: { label: 'Download design file', run: () => saveDesignFile(store.getState().history.present) },
    });
  }
  const session = createLibrarySession(store, {
    storage,
    durable,
    downloadDesign: saveDesignFile,
    remembered,
    firstDesign: firstStartDesign,
  });
  store.getState().connectLibrary(session.port);
  try {
    await session.start();
  } catch (error) {
    session.stop();
    store.getState().notify({
      tone: 'error',
      sticky: true,
      message: `Your saved designs could not be read (${(error as Error).message}). Nothing was overwritten.`,
    });
    store.getState().setPersistence({
      state: 'read-only',
      reason: 'Reading the saved designs failed, so this tab does not save, to avoid overwriting them.',
    });
  }
  startLinting(store);
  exposeForTests(store, session, storage);
  return { store, storage: storage.legacy };
}

/** Lets e2e tests read the model (`window.__portico.getDesign()`) and the library; read-only, harmless in production. */
function exposeForTests(store: PorticoStore, session: LibrarySession, storage: LibraryStorage): void {
  (window as unknown as { __portico: unknown }).__portico = {
    getDesign: (): Design => store.getState().design,
    isSaved: (): boolean => session.isSaved(),
    getDesignId: (): string | null => store.getState().designId,
    getLibrary: (): Promise<DesignMeta[]> => storage.list(),
  };
}
