import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  applyOperation,
  type Clipboard,
  type CommitOptions,
  commit,
  createHistory,
  type Design,
  type History,
  type NodeId,
  redo,
  undo,
} from '../core/model';
import type { Finding } from '../core/rules';

/** What the side panel shows. Node selection drives the inspector; the other panels are chosen in the toolbar. */
export type SidePanel = 'inspector' | 'api' | 'stages' | 'usage-plans' | 'problems' | 'cost';

export interface Notice {
  id: number;
  tone: 'error' | 'info' | 'success' | 'warning';
  message: string;
  /** Optional action the notice offers ("Download design file"). */
  action?: { label: string; run: () => void };
  /** Stays until dismissed (storage errors), instead of fading. */
  sticky?: boolean;
}

/** Dialogs the app shell can show; one at a time. */
export type DialogName = 'new-design' | 'gallery' | 'import' | 'share' | 'share-open' | 'shortcuts' | 'palette' | 'recovery';

export type PersistenceStatus =
  | { state: 'idle' }
  | { state: 'saved'; at: number }
  | { state: 'saving' }
  | { state: 'failed'; message: string }
  | { state: 'read-only'; reason: string }
  | { state: 'unavailable'; message: string };

export interface PorticoState {
  /** Undo history; `history.present` is the design. */
  history: History;
  /** The current design (always `history.present`; kept at the top so selectors stay short). */
  design: Design;
  /** Selected canvas nodes. */
  selection: NodeId[];
  sidePanel: SidePanel;
  codeViewOpen: boolean;
  clipboard: Clipboard | null;
  notices: Notice[];
  persistence: PersistenceStatus;
  /** A node to centre the canvas on (set by the problems list; the canvas clears it). */
  focusRequest: { id: NodeId; at: number } | null;
  /** Incremented to ask the canvas to zoom to fit. */
  fitRequest: number;
  /** Whether that fit animates from the old view (the same design, re-laid out or re-framed) or jumps (a design just opened). */
  fitAnimated: boolean;
  dialog: DialogName | null;
  /** Rule findings for the current design: a cache derived by `startLinting`, never edited directly. */
  findings: Finding[];
  /** The same findings grouped by the id of the element they name. */
  findingsByTarget: Record<string, Finding[]>;
}

export interface PorticoActions {
  /**
   * Applies a named operation. A refused operation leaves the design untouched, shows its reason and
   * returns false. `coalesceKey` merges quick successive edits of one field into one undo step.
   */
  apply: (label: string, operation: (design: Design) => Design, options?: CommitOptions) => boolean;
  undo: () => void;
  redo: () => void;
  /** Replaces the design. `keepUndo` leaves the previous design one undo step away; otherwise history starts anew. */
  replaceDesign: (design: Design, label: string, options?: { keepUndo?: boolean }) => void;
  select: (ids: NodeId[]) => void;
  showPanel: (panel: SidePanel) => void;
  setCodeViewOpen: (open: boolean) => void;
  setClipboard: (clipboard: Clipboard | null) => void;
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
  setPersistence: (status: PersistenceStatus) => void;
  focus: (id: NodeId) => void;
  /** Zoom to fit; `{ animate: false }` when a different design has just replaced the old one. */
  requestFit: (options?: { animate?: boolean }) => void;
  openDialog: (dialog: DialogName | null) => void;
  setFindings: (findings: Finding[]) => void;
}

export type PorticoStore = StoreApi<PorticoState & PorticoActions>;

let noticeCounter = 0;

/** Creates a store around a design; one per app (and one per test). */
export function createPorticoStore(initial: Design): PorticoStore {
  return createStore<PorticoState & PorticoActions>()((set, get) => ({
    history: createHistory(initial),
    design: initial,
    selection: [],
    sidePanel: 'inspector',
    codeViewOpen: false,
    clipboard: null,
    notices: [],
    persistence: { state: 'idle' },
    focusRequest: null,
    fitRequest: 0,
    fitAnimated: true,
    dialog: null,
    findings: [],
    findingsByTarget: {},

    apply: (label, operation, options) => {
      const state = get();
      if (state.persistence.state === 'read-only') {
        state.notify({
          tone: 'warning',
          message: `This design is open in another tab, so this tab is read-only. ${state.persistence.reason}`,
        });
        return false;
      }
      const result = applyOperation(state.design, operation);
      if (!result.ok) {
        state.notify({ tone: 'error', message: result.error.message });
        return false;
      }
      if (result.design === state.design) return true;
      const history = commit(state.history, result.design, label, options);
      const selection = state.selection.filter((id) => existsInDesign(result.design, id));
      set({ history, design: history.present, selection: selection.length === state.selection.length ? state.selection : selection });
      return true;
    },
    undo: () => {
      const state = get();
      if (state.history.past.length === 0 || state.persistence.state === 'read-only') return;
      const history = undo(state.history);
      set({ history, design: history.present, selection: state.selection.filter((id) => existsInDesign(history.present, id)) });
    },
    redo: () => {
      const state = get();
      if (state.history.future.length === 0 || state.persistence.state === 'read-only') return;
      const history = redo(state.history);
      set({ history, design: history.present, selection: state.selection.filter((id) => existsInDesign(history.present, id)) });
    },
    replaceDesign: (design, label, options) => {
      const state = get();
      const history = options?.keepUndo ? commit({ ...state.history, lastKey: undefined }, design, label) : createHistory(design);
      set({ history, design: history.present, selection: [], sidePanel: 'inspector' });
    },
    select: (ids) => {
      const current = get().selection;
      if (current.length === ids.length && current.every((id, index) => id === ids[index])) return;
      set({ selection: ids, sidePanel: ids.length > 0 ? 'inspector' : get().sidePanel });
    },
    showPanel: (sidePanel) => set({ sidePanel }),
    setCodeViewOpen: (codeViewOpen) => set({ codeViewOpen }),
    setClipboard: (clipboard) => set({ clipboard }),
    notify: (notice) => {
      noticeCounter += 1;
      const id = noticeCounter;
      set({ notices: [...get().notices.slice(-4), { ...notice, id }] });
      return id;
    },
    dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
    setPersistence: (persistence) => set({ persistence }),
    focus: (id) => set({ focusRequest: { id, at: Date.now() }, selection: [id], sidePanel: 'inspector' }),
    requestFit: (options) => set({ fitRequest: get().fitRequest + 1, fitAnimated: options?.animate ?? true }),
    openDialog: (dialog) => set({ dialog }),
    setFindings: (findings) => {
      const previous = get().findingsByTarget;
      const grouped: Record<string, Finding[]> = {};
      for (const finding of findings) {
        const list = grouped[finding.target.id];
        if (list) list.push(finding);
        else grouped[finding.target.id] = [finding];
      }
      // Keep the old array for targets whose findings did not change, so canvas badges do not re-render.
      for (const [id, list] of Object.entries(grouped)) {
        const old = previous[id];
        if (
          old &&
          old.length === list.length &&
          old.every((finding, index) => finding.ruleId === list[index]?.ruleId && finding.message === list[index]?.message)
        )
          grouped[id] = old;
      }
      set({ findings, findingsByTarget: grouped });
    },
  }));
}

function existsInDesign(design: Design, id: string): boolean {
  return (
    Object.hasOwn(design.resources, id) ||
    Object.hasOwn(design.methods, id) ||
    Object.hasOwn(design.routes, id) ||
    Object.hasOwn(design.authorizers, id) ||
    Object.hasOwn(design.integrations, id)
  );
}
