import { useEffect, useRef, useState } from 'react';
import type { Design } from '../core/model';
import { usePorticoStore } from '../state/context';
import type { PorticoStore } from '../state/store';
import { IncrementalOpenApi, type IncrementalRequest, type TextEdit } from './incremental-openapi';
import type { RenderAnswer, RenderMessage } from './render.worker';
import RenderWorker from './render.worker?worker';
import type { CodeRequest, RenderedCode } from './render-code';
import { type RenderState, requestKey, stateFor } from './render-state';

/** A text for the editor: the whole text, and how it came from version `change.base` when it did by edits. */
export interface EditorUpdate {
  version: number;
  text: string;
  change?: { base: number; edits: TextEdit[] };
}

/**
 * Where the editor takes texts at once, inside the keystroke that changed the design (a React state
 * update made from there would render in a later task, a frame or two after the canvas).
 */
export type EditorSink = { current: ((update: EditorUpdate) => void) | null };

/** Quiet time after the last edit before a whole export is asked of the worker (edits followed one by one need none). */
const settleMs = 60;

function incrementalRequest(request: CodeRequest): IncrementalRequest | undefined {
  if (request.target === 'cdk' || request.profile === 'public') return undefined;
  return {
    version: request.target === 'openapi3' ? '3.0' : '2.0',
    format: request.format,
    ...(request.stageName !== undefined ? { stageName: request.stageName } : {}),
  };
}

type Shown = Extract<RenderedCode, { ok: true }>;

/**
 * Writes one tab's text: whole exports in a worker, and, between them, the edits that follow the design
 * on the main thread. One per code view tab request; `onState` receives every new text.
 */
class CodeFollower {
  private worker: Worker;
  private seq = 0;
  private version = 0;
  /** The design a whole export is being written for (in the worker, or waiting to be sent). */
  private pending: { seq: number; design: Design | undefined } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private follower: { incremental: IncrementalOpenApi; result: Shown } | null = null;
  private followed: Design | null = null;
  private previous: RenderedCode | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PorticoStore,
    private request: CodeRequest,
    private readonly onState: (state: RenderState) => void,
    private readonly sink: EditorSink,
  ) {
    // Follows the store itself: the edits reach the editor inside the update that made them.
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.design !== previous.design) this.follow(state.design);
    });
    this.worker = new RenderWorker();
    this.worker.onmessage = (event: MessageEvent<RenderAnswer>) => this.answer(event.data);
    this.worker.onerror = (event) => {
      this.version += 1;
      this.onState({
        status: 'done',
        result: { ok: false, message: `The export worker failed: ${event.message}` },
        version: this.version,
        request: requestKey(this.request),
      });
    };
  }

  /** A new tab, format or stage: a whole export at once; answers to the old request are dropped. */
  setRequest(request: CodeRequest): void {
    this.request = request;
    this.exportWhole(0, true);
  }

  /** Brings the text to the design: a few edits when it can, else (soon) a whole export. */
  follow(design: Design): void {
    if (this.followed === design) return;
    if (this.pending) return; // the answer catches up with the latest design
    const current = this.follower;
    const edits = current?.incremental.update(design);
    if (!current || edits === undefined) {
      this.exportWhole(settleMs, false);
      return;
    }
    this.followed = design;
    if (edits.length === 0) return;
    const base = this.version;
    this.version += 1;
    // The text from its parts (a rope of path items: nothing is copied until something reads it whole).
    const result = { ...current.result, text: current.incremental.text(), notes: current.incremental.currentNotes() };
    current.result = result;
    this.previous = result;
    const change = { base, edits };
    this.sink.current?.({ version: this.version, text: result.text, change });
    this.onState({ status: 'done', result, version: this.version, request: requestKey(this.request), change });
  }

  dispose(): void {
    this.unsubscribe();
    this.worker.terminate();
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private exportWhole(delay: number, restart: boolean): void {
    this.follower = null;
    if (this.pending && !restart) return;
    this.seq += 1;
    const seq = this.seq;
    this.pending = { seq, design: undefined };
    this.onState({ status: 'rendering', previous: this.previous, version: this.version, request: requestKey(this.request) });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const design = this.store.getState().design;
      if (this.pending?.seq !== seq) return;
      this.pending.design = design;
      this.worker.postMessage({ seq, design, request: this.request } satisfies RenderMessage);
    }, delay);
  }

  private answer(answer: RenderAnswer): void {
    const pending = this.pending;
    if (!pending || answer.seq !== pending.seq || !pending.design) return;
    this.pending = null;
    const rendered = pending.design;
    this.version += 1;
    const followRequest = incrementalRequest(this.request);
    const incremental =
      answer.result.ok && answer.parts && followRequest
        ? IncrementalOpenApi.from(rendered, followRequest, answer.parts, answer.result.notes)
        : undefined;
    this.follower = incremental && answer.result.ok ? { incremental, result: answer.result } : null;
    this.followed = rendered;
    this.previous = answer.result;
    this.onState({ status: 'done', result: answer.result, version: this.version, request: requestKey(this.request) });
    // The design may have moved on while the worker wrote: catch up.
    this.follow(this.store.getState().design);
  }
}

/**
 * The export of the current design for one code view tab. The whole export is written in a worker
 * (on a thousand operations it takes a quarter of a second); after that, an OpenAPI text follows
 * inspector edits path item by path item on the main thread, within the keystroke's frame (see
 * incremental-openapi.ts). Whatever it cannot follow is exported whole again, in the worker.
 */
export function useRenderedCode(request: CodeRequest, sink: EditorSink): RenderState {
  const store = usePorticoStore();
  const [state, setState] = useState<RenderState>(() => ({ status: 'rendering', version: 0, request: requestKey(request) }));
  const follower = useRef<CodeFollower | null>(null);
  const { target, format, stageName, profile } = request;

  // The follower is made once per store; request changes go through setRequest below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const instance = new CodeFollower(store, { target, format, stageName, profile }, setState, sink);
    follower.current = instance;
    return () => {
      instance.dispose();
      follower.current = null;
    };
  }, [store, sink]);

  useEffect(() => {
    follower.current?.setRequest({ target, format, stageName, profile });
  }, [target, format, stageName, profile]);

  return stateFor(state, { target, format, stageName, profile });
}
