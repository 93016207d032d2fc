import type * as Y from 'yjs';
import { applyDesignToDoc, createDesignUndoManager, DesignReader, localEditOrigin } from '../../core/collab';
import type { Design } from '../../core/model';
import { samePlainValue } from '../../core/model/operations/helpers';
import type { PorticoStore, SessionPort } from '../store';
import { settleRemoteLayout } from './remote-layout';

/** The origin of the layout fixes this client writes after a merge (not an edit of its own: not undoable). */
export const layoutFixOrigin = 'portico-layout-fix';

export interface MirrorOptions {
  /** The library design the session is open in. */
  designId: string;
  /** Why this participant may not edit now (the server's word), or undefined. */
  refusal: () => string | undefined;
  /** The doc cannot be read as a design (the current design is kept meanwhile). */
  onUnreadable?: (message: string) => void;
}

export type StartResult = { ok: true } | { ok: false; code: 'empty' | 'invalid' | 'newer-version'; message: string };

/**
 * Keeps the store and a live session's shared doc in step. The store's design stays what the app shows
 * and edits: each change made here (an operation, a replaced design) is written to the doc as the fields
 * it changed; each change that arrives in the doc (someone else's, a merge, a repair) is read through
 * `DesignReader` and set into the store without an undo step. Undo and redo go through a Y.UndoManager
 * that tracks this client's own writes only, one step per step of the store's history.
 */
export class SessionMirror implements SessionPort {
  private readonly reader: DesignReader;
  private readonly undoManager: Y.UndoManager;
  /** The design last read from or written to the doc: what the next local write is a change from. */
  private docDesign: Design | undefined;
  /** The design this mirror last set into the store (a store change to anything else is a local edit). */
  private shown: Design | undefined;
  private started = false;
  private receiving = false;
  private readQueued = false;
  private lastProblem: string | undefined;
  private readonly unsubscribe: () => void;
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (!this.started || transaction.changed.size === 0) return;
    const origin = transaction.origin;
    if (origin === localEditOrigin || origin === layoutFixOrigin || origin === this.undoManager) return;
    // A burst of updates from the server (a reconnect, a busy room) is read once.
    if (this.readQueued) return;
    this.readQueued = true;
    queueMicrotask(() => {
      this.readQueued = false;
      this.readRemote();
    });
  };

  constructor(
    private readonly store: PorticoStore,
    private readonly doc: Y.Doc,
    private readonly options: MirrorOptions,
  ) {
    this.reader = new DesignReader(doc);
    // Each step of the store's history is one step here: `stopCapturing` starts a new one, nothing else does.
    this.undoManager = createDesignUndoManager(doc, { captureTimeout: Number.MAX_SAFE_INTEGER });
    doc.on('afterTransaction', this.onTransaction);
    this.unsubscribe = store.subscribe((next, previous) => {
      if (!this.started || this.receiving) return;
      if (next.designId !== options.designId) {
        // Another design is open now (a fork, My designs): it is not in this session, from this moment.
        this.detach();
        return;
      }
      const present = next.history.present;
      if (present === previous.history.present || present === this.shown) return;
      this.writeLocal(present, next.history.past !== previous.history.past && next.history.past.length >= previous.history.past.length);
    });
  }

  get isStarted(): boolean {
    return this.started;
  }

  /**
   * Starts mirroring once the doc holds the session's design (after the first sync). `base` is what the
   * doc was known to hold before (the design a new session was created with, or what this browser kept of
   * the doc): the store's changes since then are written as edits, so work done meanwhile (offline, or
   * while connecting) merges instead of being replaced.
   */
  start(base?: Design): StartResult {
    const read = this.reader.read();
    if (!read.ok) return read;
    let merged = read.design;
    const present = this.store.getState().history.present;
    if (base && present !== base && !samePlainValue(present, base) && this.options.refusal() === undefined) {
      applyDesignToDoc(this.doc, base, present, localEditOrigin);
      const again = this.reader.read();
      if (again.ok) merged = again.design;
      // Not a step of this session's undo (the store's history starts here too).
      this.undoManager.clear();
    }
    this.started = true;
    this.store.getState().connectSession(this);
    this.receive(merged);
    return { ok: true };
  }

  /** The design as the doc holds it now (what a fork takes). */
  current(): Design | undefined {
    return this.docDesign;
  }

  refusal(): string | undefined {
    return this.options.refusal();
  }

  undo(): void {
    if (this.undoManager.undo()) this.readOwn('undo');
  }

  redo(): void {
    if (this.undoManager.redo()) this.readOwn('redo');
  }

  /** Stops mirroring; the store keeps the design as it is (and undoes locally again). */
  stop(): void {
    this.detach();
    this.unsubscribe();
    this.doc.off('afterTransaction', this.onTransaction);
    this.undoManager.destroy();
    this.reader.destroy();
  }

  private detach(): void {
    if (this.started) this.store.getState().connectSession(null);
    this.started = false;
  }

  private writeLocal(present: Design, newStep: boolean): void {
    if (!this.docDesign) return;
    if (newStep) this.undoManager.stopCapturing();
    applyDesignToDoc(this.doc, this.docDesign, present, localEditOrigin);
    this.docDesign = present;
    this.shown = present;
  }

  private readRemote(): void {
    if (!this.started) return;
    const read = this.reader.read();
    if (!read.ok) {
      // Keep showing the last good design; say so once per problem.
      if (read.message !== this.lastProblem) this.options.onUnreadable?.(read.message);
      this.lastProblem = read.message;
      return;
    }
    this.lastProblem = undefined;
    this.receive(read.design);
  }

  private readOwn(step: 'undo' | 'redo'): void {
    const read = this.reader.read();
    if (read.ok) this.receive(read.design, step);
  }

  private receive(merged: Design, step?: 'undo' | 'redo'): void {
    const previous = this.store.getState().history.present;
    const settled = settleRemoteLayout(merged, previous);
    // Everyone who may write writes the same positions; a viewer shows them and waits for the writers'.
    if (settled !== merged && this.options.refusal() === undefined) {
      applyDesignToDoc(this.doc, merged, settled, layoutFixOrigin);
      this.docDesign = settled;
    } else this.docDesign = merged;
    this.shown = settled;
    this.receiving = true;
    try {
      this.store.getState().receiveDesign(settled, step);
    } finally {
      this.receiving = false;
    }
  }
}
