import { type Design, parseDesign, schemaVersion } from '../core/model';
import type { DesignStorage, SavedEnvelope } from './design-storage';
import type { PorticoStore } from './store';

export const currentKey = 'current';
const recoveryPrefix = 'recovery:';

export type RestoreOutcome =
  | { kind: 'restored'; design: Design; savedAt: number }
  | { kind: 'first-start' }
  | { kind: 'quarantined'; message: string; recoveryKey: string };

/**
 * Reads the autosaved design. Anything that does not pass `parseDesign` (damaged, newer version) is
 * moved aside under a recovery key — never overwritten by the next autosave — and reported.
 */
export async function restoreDesign(storage: DesignStorage, now: number = Date.now()): Promise<RestoreOutcome> {
  const raw = await storage.read(currentKey);
  if (raw === undefined || raw === null) return { kind: 'first-start' };
  const envelope = raw as Partial<SavedEnvelope>;
  const parsed = parseDesign(typeof raw === 'object' && 'design' in (raw as object) ? envelope.design : raw);
  if (parsed.ok) return { kind: 'restored', design: parsed.design, savedAt: typeof envelope.savedAt === 'number' ? envelope.savedAt : now };
  const recoveryKey = `${recoveryPrefix}${now}`;
  await storage.write(recoveryKey, raw);
  const reason = parsed.code === 'newer-version' ? parsed.message : `it could not be read (${parsed.message})`;
  return {
    kind: 'quarantined',
    recoveryKey,
    message: `Your last saved design was not opened: ${reason}. It is kept aside and can be downloaded.`,
  };
}

export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const name = (error as { name?: string }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export interface AutosaveOptions {
  delayMs?: number;
  /** Called after each successful write (the tab coordinator broadcasts it). */
  onSaved?: (savedAt: number) => void;
  /** Offered in the "storage full" notice. */
  downloadDesign: () => void;
}

/**
 * Saves the design shortly after each change and at once when the page is hidden. A failed write keeps
 * the work in memory and tells the user (with a download action); the next change retries.
 */
export function startAutosave(
  store: PorticoStore,
  storage: DesignStorage,
  options: AutosaveOptions,
): { flush: () => Promise<void>; stop: () => void; isSaved: () => boolean } {
  const delay = options.delayMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved: Design | undefined = store.getState().design;
  let failureNotice: number | undefined;

  const save = async () => {
    timer = undefined;
    const state = store.getState();
    if (state.persistence.state === 'read-only') return;
    const design = state.design;
    if (design === saved) return;
    const savedAt = Date.now();
    const envelope: SavedEnvelope = { format: 'portico.autosave', schemaVersion, savedAt, design };
    state.setPersistence({ state: 'saving' });
    try {
      await storage.write(currentKey, envelope);
      saved = design;
      store.getState().setPersistence({ state: 'saved', at: savedAt });
      if (failureNotice !== undefined) {
        store.getState().dismiss(failureNotice);
        failureNotice = undefined;
      }
      options.onSaved?.(savedAt);
    } catch (error) {
      const message = isQuotaError(error)
        ? 'Browser storage is full, so your latest changes are not saved in this browser. Your work is still here: download the design file to keep it.'
        : `Your latest changes could not be saved in this browser (${(error as Error).message}). Your work is still here: download the design file to keep it.`;
      store.getState().setPersistence({ state: 'failed', message });
      if (failureNotice === undefined)
        failureNotice = store
          .getState()
          .notify({ tone: 'error', message, sticky: true, action: { label: 'Download design file', run: options.downloadDesign } });
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design !== previous.design) schedule();
  });
  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    await save();
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
  }
  return {
    flush,
    isSaved: () => saved === store.getState().design,
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

/** Keys of designs kept aside by `restoreDesign`, oldest first. */
export function recoveryKeys(keys: string[]): string[] {
  return keys.filter((key) => key.startsWith(recoveryPrefix)).sort();
}
