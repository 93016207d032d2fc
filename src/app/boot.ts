import { firstStartDesign } from '../core/examples';
import type { Design } from '../core/model';
import { restoreDesign, startAutosave } from '../state/autosave';
import { type DesignStorage, memoryStorage, openIndexedDbStorage } from '../state/design-storage';
import { startLinting } from '../state/linting';
import { createPorticoStore, type PorticoStore } from '../state/store';
import { createTabCoordinator } from '../state/tab-lock';
import { saveDesignFile } from './design-file';

export interface Boot {
  store: PorticoStore;
  storage: DesignStorage;
  /** The raw design kept aside at start (damaged or newer saved state), offered for download. */
  recoveryKey?: string;
}

/**
 * Starts the app's state: restores the autosaved design (or opens the example on first start), claims
 * the writer role among tabs, then autosaves. Never loses a saved design: what cannot be read is kept
 * aside and reported.
 */
export async function boot(): Promise<Boot> {
  const store = createPorticoStore(firstStartDesign());
  let storage: DesignStorage;
  let storageWorks = true;
  try {
    storage = await openIndexedDbStorage();
  } catch (error) {
    storage = memoryStorage();
    storageWorks = false;
    store.getState().setPersistence({ state: 'unavailable', message: (error as Error).message });
    store.getState().notify({
      tone: 'warning',
      sticky: true,
      message:
        'This browser does not let Portico save your work (storage is unavailable). Your work stays in this tab only: download the design file to keep it.',
      action: { label: 'Download design file', run: () => saveDesignFile(store.getState().design) },
    });
  }
  const result: Boot = { store, storage };
  let isSaved = () => false;
  const restore = async (): Promise<void> => {
    const outcome = await restoreDesign(storage);
    if (outcome.kind === 'restored') {
      store.getState().replaceDesign(outcome.design, 'Restore');
      store.getState().setPersistence({ state: 'saved', at: outcome.savedAt });
    } else if (outcome.kind === 'quarantined') {
      result.recoveryKey = outcome.recoveryKey;
      store.getState().notify({
        tone: 'warning',
        sticky: true,
        message: outcome.message,
        action: { label: 'Download it', run: () => store.getState().openDialog('recovery') },
      });
    }
  };
  if (storageWorks) {
    try {
      await restore();
    } catch (error) {
      store.getState().notify({
        tone: 'error',
        sticky: true,
        message: `Your saved design could not be read (${(error as Error).message}). Nothing was overwritten.`,
      });
      store.getState().setPersistence({
        state: 'read-only',
        reason: 'Reading the saved design failed, so this tab does not save, to avoid overwriting it.',
      });
      return result;
    }
    const tabs = createTabCoordinator();
    const isWriter = await tabs.acquire();
    const becomeFollower = (reason: string) => {
      store.getState().setPersistence({ state: 'read-only', reason });
      store.getState().notify({
        tone: 'warning',
        sticky: true,
        message: `${reason} This tab is read-only so that the two tabs do not overwrite each other.`,
        action: {
          label: 'Edit here instead',
          run: () => {
            void tabs.takeOver().then(async (ok) => {
              if (!ok) return;
              await restore();
              store.getState().setPersistence({ state: 'idle' });
              store.getState().notify({ tone: 'success', message: 'This tab now saves your work; the other tab became read-only.' });
            });
          },
        },
      });
    };
    if (!isWriter) becomeFollower('This design is open in another Portico tab.');
    tabs.onLost(() => becomeFollower('Another tab took over editing.'));
    tabs.onOtherTabSaved(() => {
      if (store.getState().persistence.state === 'read-only')
        void restore().then(() => store.getState().setPersistence(store.getState().persistence));
    });
    const autosave = startAutosave(store, storage, {
      downloadDesign: () => saveDesignFile(store.getState().design),
      onSaved: (savedAt) => tabs.announceSave(savedAt),
    });
    isSaved = autosave.isSaved;
  }
  startLinting(store);
  exposeForTests(store, () => isSaved());
  return result;
}

/** Lets e2e tests read the model (`window.__portico.getDesign()`); read-only, harmless in production. */
function exposeForTests(store: PorticoStore, isSaved: () => boolean): void {
  (window as unknown as { __portico: unknown }).__portico = {
    getDesign: (): Design => store.getState().design,
    isSaved,
  };
}
