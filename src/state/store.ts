import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type ApiType,
  applyOperation,
  type Clipboard,
  type CommitOptions,
  commit,
  createHistory,
  type Design,
  type History,
  historyLimit,
  type NodeId,
  parseDesign,
  redo,
  undo,
} from '../core/model';
import type { ImportFinding } from '../core/openapi/types';
import type { Finding } from '../core/rules';
import type { ChangeMarks } from './compare/change-marks';
import type { DesignMeta, DesignOrigin } from './library/types';
import type { DesignVersions, FileVersion, ViewedVersion } from './library/versions-types';

/** What the side panel shows. Node selection drives the inspector; the other panels are chosen in the toolbar. */
export type SidePanel = 'inspector' | 'api' | 'stages' | 'usage-plans' | 'domains' | 'problems' | 'cost';

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
export type DialogName =
  | 'new-design'
  | 'gallery'
  | 'import'
  | 'share'
  | 'share-open'
  | 'shortcuts'
  | 'palette'
  | 'recovery'
  | 'library'
  | 'scaffold';

/** The design being left when another opens: what the library saves before switching. */
export interface LeftDesign {
  id: string | null;
  history: History;
  /** Whether this tab could write it (not a read-only follower). */
  writable: boolean;
}

/**
 * What the store asks of the design library (`LibrarySession`): it keeps each design in browser storage,
 * with its undo history, and one writer per design across tabs. Without one (unit tests), designs live
 * in memory only.
 */
export interface LibraryPort {
  /** The store has just switched to a new design `next.id`; save `left` and create the new entry. */
  opened(left: LeftDesign, next: { id: string; design: Design; origin: DesignOrigin }): void;
  switchTo(id: string): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  duplicate(id: string): Promise<string | undefined>;
  trash(id: string): Promise<boolean>;
  restore(id: string): Promise<boolean>;
  purge(id: string): Promise<boolean>;
  /** Every design as stored (the open one as it is now), for "Export all designs". */
  exportAll(): Promise<ExportedDesign[]>;
  /** The named versions of the library's designs (loaded on first use). */
  versions?(): Promise<DesignVersions>;
}

/**
 * The live session the open design is in (`src/state/session`): it says when this participant may not
 * edit (a viewer, or the owner made the session read-only), and it undoes this participant's own changes
 * only, since the shared design also holds everyone else's.
 */
export interface SessionPort {
  /** Why edits are refused now, or undefined when this participant may edit. */
  refusal(): string | undefined;
  undo(): void;
  redo(): void;
}

/**
 * One design for "Export all designs": its entry and its design (with its saved versions, oldest first,
 * once they are read), or the raw stored value when it cannot be read.
 */
export type ExportedDesign = { meta: DesignMeta } & ({ design: Design; versions?: readonly FileVersion[] } | { raw: unknown });

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
  /** The current design (`history.present`, or the version on show: see `viewing`; kept at the top so selectors stay short). */
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
  /** The library id of the current design (null until the library has started). */
  designId: string | null;
  /** Every library entry, the Trash included, most recently changed first. */
  library: DesignMeta[];
  /** A file dropped on the app for the import dialog to import (see `openFiles`). */
  importRequest: { file: File; at: number } | null;
  /** Rule findings for the current design: a cache derived by `startLinting`, never edited directly. */
  findings: Finding[];
  /** The same findings grouped by the id of the element they name. */
  findingsByTarget: Record<string, Finding[]>;
  /**
   * What the last import changed or dropped, for the Problems panel: about the document, not the design,
   * so kept here (never saved with the design) for the design the import opened, until dismissed.
   */
  importFindings: ImportFindings | null;
  /**
   * A saved version shown read-only in place of the design: `design` is then that version, while the
   * design itself stays in `history` (what autosave writes). Edits are refused until it is left.
   */
  viewing: ViewedVersion | null;
  /** How each element on the canvas differs in the comparison on show (the Compare view); null when none. */
  changeMarks: ChangeMarks | null;
}

/** The findings of one import and the design it opened (its library id, and the design as imported). */
export interface ImportFindings {
  designId: string | null;
  /** The design as the import made it: a finding stops applying when the design has moved past it (`importFindingApplies`). */
  imported: Design;
  /** Where the document came from ("orders.yaml", "the pasted document"). */
  source: string;
  findings: ImportFinding[];
}

export interface PorticoActions {
  /**
   * Applies a named operation. A refused operation leaves the design untouched, shows its reason and
   * returns false. `coalesceKey` merges quick successive edits of one field into one undo step.
   */
  apply: (label: string, operation: (design: Design) => Design, options?: CommitOptions) => boolean;
  undo: () => void;
  redo: () => void;
  /**
   * Replaces the design with an edit of the same design (the code view's "Apply OpenAPI edits"). `keepUndo`
   * leaves the previous design one undo step away; otherwise history starts anew. Opening a different
   * design is `openNewDesign`.
   */
  replaceDesign: (design: Design, label: string, options?: { keepUndo?: boolean }) => void;
  /**
   * Opens a design as a new library entry (an example, a share link, an import, a file, a new design):
   * the current design is saved first and stays in My designs; the new one starts with a fresh history.
   */
  openNewDesign: (design: Design, options: { label: string; origin: DesignOrigin }) => void;
  /** Opens a library entry (saving the current design first); false when it could not be opened. */
  switchDesign: (id: string) => Promise<boolean>;
  /** Renames a design (its API name): the current one as an undoable edit. */
  renameDesign: (id: string, name: string) => Promise<boolean>;
  /** Copies a design into a new entry; its id, or undefined when it could not be copied. */
  duplicateDesign: (id: string) => Promise<string | undefined>;
  /** Moves a design to the Trash (kept 30 days). The current design gives way to the most recent other one. */
  deleteDesign: (id: string) => Promise<boolean>;
  restoreDesign: (id: string) => Promise<boolean>;
  /** Deletes a design from the Trash for good. */
  purgeDesign: (id: string) => Promise<boolean>;
  exportDesigns: () => Promise<ExportedDesign[]>;
  /** The library shows a design: its id, its history, and which of its rebuilt designs `undo` must still check. */
  showDesign: (id: string, history: History, options?: { unverified?: Design[] }) => void;
  /**
   * Puts a design's stored undo history (rebuilt after the first paint) behind what the user did since it
   * opened: only while `present` is still where this tab's history of it begins. False when it no longer fits.
   */
  restoreHistory: (id: string, present: Design, restored: History, unverified: Design[]) => boolean;
  setLibrary: (library: DesignMeta[]) => void;
  connectLibrary: (port: LibraryPort) => void;
  /** Asks the import dialog to import a file. */
  requestImport: (file: File | null) => void;
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
  /** Keeps an import's findings for the design it has just opened (the current one); an empty list clears them. */
  setImportFindings: (source: string, findings: ImportFinding[]) => void;
  dismissImportFindings: () => void;
  /** Shows a saved version read-only on the canvas; null goes back to the design. */
  viewVersion: (viewed: ViewedVersion | null) => void;
  setChangeMarks: (marks: ChangeMarks | null) => void;
  /** The library's named versions; undefined without a library (unit tests). */
  versions: () => Promise<DesignVersions | undefined>;
  /** A live session takes over undo and may refuse edits; its undo history starts at the present. Null: none. */
  connectSession: (port: SessionPort | null) => void;
  /**
   * Shows the design as the live session's shared doc now holds it (someone else's change, a merge, or this
   * participant's undo there): the present changes without a new undo step; `step` moves the label of the
   * step undone or redone, so the toolbar names the next one.
   */
  receiveDesign: (design: Design, step?: 'undo' | 'redo') => void;
}

export type PorticoStore = StoreApi<PorticoState & PorticoActions>;

let noticeCounter = 0;

const typeNames: Record<ApiType, string> = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' };

/** A new library id for designs opened without a library (tests); the library makes its own. */
let memoryIds = 0;
export function designIdFactory(): () => string {
  return () => {
    memoryIds += 1;
    return `dsn_memory_${memoryIds}`;
  };
}

function sameLayout(a: Design, b: Design): boolean {
  const keys = Object.keys(a.layout);
  if (keys.length !== Object.keys(b.layout).length) return false;
  for (const key of keys) {
    const one = a.layout[key as keyof Design['layout']];
    const other = b.layout[key as keyof Design['layout']];
    if (!one || !other || one.x !== other.x || one.y !== other.y) return false;
  }
  return true;
}

/** Creates a store around a design; one per app (and one per test). */
export function createPorticoStore(initial: Design, options: { newDesignId?: () => string } = {}): PorticoStore {
  const newDesignId = options.newDesignId ?? designIdFactory();
  let port: LibraryPort | undefined;
  let session: SessionPort | undefined;
  const refusedInSession = (state: PorticoActions): boolean => {
    const refusal = session?.refusal();
    if (refusal) state.notify({ tone: 'warning', message: refusal });
    return refusal !== undefined;
  };
  // Designs rebuilt from a stored undo history: read through the design gate when undo or redo reaches
  // them (checking 200 big designs at start would take seconds).
  const unverified = new WeakSet<Design>();
  const verified = (design: Design): Design | undefined => {
    if (!unverified.has(design)) return design;
    const parsed = parseDesign(design);
    if (!parsed.ok) return undefined;
    unverified.delete(design);
    // Keep the rebuilt object (it shares unchanged parts with its neighbours) unless the gate changed it.
    return parsed.migratedFrom === undefined && sameLayout(parsed.design, design) ? design : parsed.design;
  };
  // A version on show is read-only: editing it would look like editing the design, which it is not.
  const refusedWhileViewing = (state: PorticoState & PorticoActions): boolean => {
    if (!state.viewing) return false;
    state.notify({
      tone: 'warning',
      message: `You are viewing the version “${state.viewing.label}”, which is read-only: restore it, open it as a new design, or go back to the current design to edit.`,
    });
    return true;
  };
  const droppedNotice = (state: PorticoActions) =>
    state.notify({
      tone: 'warning',
      message: 'The rest of the undo history of this design was damaged in storage and was dropped. The design itself is intact.',
    });
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
    designId: null,
    library: [],
    importRequest: null,
    findings: [],
    findingsByTarget: {},
    importFindings: null,
    viewing: null,
    changeMarks: null,

    apply: (label, operation, options) => {
      const state = get();
      if (refusedWhileViewing(state)) return false;
      if (state.persistence.state === 'read-only') {
        state.notify({
          tone: 'warning',
          message: `This design is open in another tab, so this tab is read-only. ${state.persistence.reason}`,
        });
        return false;
      }
      if (refusedInSession(state)) return false;
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
      if (state.history.past.length === 0 || state.persistence.state === 'read-only' || refusedWhileViewing(state)) return;
      if (session) {
        if (!refusedInSession(state)) session.undo();
        return;
      }
      const entry = state.history.past.at(-1) as History['past'][number];
      const checked = verified(entry.design);
      if (!checked) {
        set({ history: { ...state.history, past: [] } });
        droppedNotice(state);
        return;
      }
      const history = undo(
        checked === entry.design
          ? state.history
          : { ...state.history, past: [...state.history.past.slice(0, -1), { ...entry, design: checked }] },
      );
      set({ history, design: history.present, selection: state.selection.filter((id) => existsInDesign(history.present, id)) });
    },
    redo: () => {
      const state = get();
      if (state.history.future.length === 0 || state.persistence.state === 'read-only' || refusedWhileViewing(state)) return;
      if (session) {
        if (!refusedInSession(state)) session.redo();
        return;
      }
      const entry = state.history.future.at(-1) as History['future'][number];
      const checked = verified(entry.design);
      if (!checked) {
        set({ history: { ...state.history, future: [] } });
        droppedNotice(state);
        return;
      }
      const history = redo(
        checked === entry.design
          ? state.history
          : { ...state.history, future: [...state.history.future.slice(0, -1), { ...entry, design: checked }] },
      );
      set({ history, design: history.present, selection: state.selection.filter((id) => existsInDesign(history.present, id)) });
    },
    replaceDesign: (design, label, options) => {
      const state = get();
      if (refusedWhileViewing(state) || refusedInSession(state)) return;
      const history = options?.keepUndo ? commit({ ...state.history, lastKey: undefined }, design, label) : createHistory(design);
      set({ history, design: history.present, selection: [], sidePanel: 'inspector' });
    },
    openNewDesign: (design, { label, origin }) => {
      const state = get();
      const left: LeftDesign = { id: state.designId, history: state.history, writable: state.persistence.state !== 'read-only' };
      const id = newDesignId();
      const history = createHistory(design);
      set({
        designId: id,
        history,
        design,
        selection: [],
        sidePanel: 'inspector',
        persistence: state.persistence.state === 'unavailable' ? state.persistence : { state: 'idle' },
        viewing: null,
        changeMarks: null,
      });
      port?.opened(left, { id, design, origin });
      get().requestFit({ animate: false });
      const previousId = left.id;
      get().notify({
        tone: 'success',
        message: `Opened ${label} as a new design (${typeNames[design.api.type]}); your previous design is in My designs.`,
        ...(previousId && port ? { action: { label: 'Go back', run: () => void get().switchDesign(previousId) } } : {}),
      });
    },
    switchDesign: async (id) => (port ? port.switchTo(id) : false),
    renameDesign: async (id, name) => (port ? port.rename(id, name) : false),
    duplicateDesign: async (id) => (port ? port.duplicate(id) : undefined),
    deleteDesign: async (id) => (port ? port.trash(id) : false),
    restoreDesign: async (id) => (port ? port.restore(id) : false),
    purgeDesign: async (id) => (port ? port.purge(id) : false),
    exportDesigns: async () => {
      if (port) return port.exportAll();
      const state = get();
      const { name, type } = state.design.api;
      const at = Date.now();
      const meta: DesignMeta = {
        id: state.designId ?? 'dsn_memory',
        name,
        apiType: type,
        createdAt: at,
        updatedAt: at,
        origin: 'new',
        preview: { width: 0, height: 0, boxes: [] },
        operations: 0,
        elements: 0,
        rev: 0,
      };
      return [{ meta, design: state.design }];
    },
    showDesign: (id, history, options) => {
      for (const design of options?.unverified ?? []) unverified.add(design);
      set({ designId: id, history, design: history.present, selection: [], sidePanel: 'inspector', viewing: null, changeMarks: null });
    },
    restoreHistory: (id, present, restored, rebuilt) => {
      const state = get();
      const history = state.history;
      // In a live session, undo is the session's: the stored local steps would undo others' work too.
      if (session) return false;
      if (state.designId !== id || (history.past[0]?.design ?? history.present) !== present) return false;
      for (const design of rebuilt) unverified.add(design);
      const untouched = history.past.length === 0 && history.future.length === 0;
      set({
        history: {
          ...history,
          past: [...restored.past, ...history.past].slice(-historyLimit),
          future: untouched ? restored.future : history.future,
        },
      });
      return true;
    },
    setLibrary: (library) => set({ library: [...library].sort((a, b) => b.updatedAt - a.updatedAt) }),
    connectLibrary: (connected) => {
      port = connected;
    },
    requestImport: (file) => set({ importRequest: file ? { file, at: Date.now() } : null }),
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
    setImportFindings: (source, findings) => {
      const state = get();
      set({
        importFindings: findings.length === 0 ? null : { designId: state.designId, imported: state.design, source, findings },
      });
    },
    dismissImportFindings: () => set({ importFindings: null }),
    viewVersion: (viewing) => set({ viewing, design: viewing ? viewing.design : get().history.present, selection: [] }),
    setChangeMarks: (changeMarks) => set({ changeMarks }),
    versions: async () => port?.versions?.(),
    connectSession: (connected) => {
      session = connected ?? undefined;
      if (connected) set({ history: createHistory(get().history.present) });
    },
    receiveDesign: (design, step) => {
      const state = get();
      const { history } = state;
      if (design === history.present && !step) return;
      const undone = step === 'undo' ? history.past.at(-1) : undefined;
      const redone = step === 'redo' ? history.future.at(-1) : undefined;
      const next: History = undone
        ? {
            past: history.past.slice(0, -1),
            present: design,
            future: [...history.future, { design: history.present, label: undone.label }],
          }
        : redone
          ? {
              past: [...history.past, { design: history.present, label: redone.label }],
              present: design,
              future: history.future.slice(0, -1),
            }
          : { ...history, present: design };
      const selection = state.selection.filter((id) => existsInDesign(design, id));
      set({
        history: next,
        // A version on show stays on show; the design behind it follows the session.
        design: state.viewing ? state.design : design,
        selection: selection.length === state.selection.length ? state.selection : selection,
      });
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
