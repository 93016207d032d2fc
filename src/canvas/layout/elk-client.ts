import { layoutInputOf } from '../../core/layout/layout-input';
import type { Design } from '../../core/model';
import { type LayoutOutcome, type LayoutRequest, readAnswer } from './layout-protocol';

/** What the client needs of a worker (a `Worker`, or a stand-in in tests). */
export interface LayoutWorker {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface LayoutOptions {
  /** Aborting cancels the layout (the worker is ended: ELK cannot be interrupted otherwise). */
  signal?: AbortSignal;
  /** @default 60_000 */
  timeoutMs?: number;
}

export interface LayoutClient {
  /** Lays out `design` in the worker; a newer call cancels the one under way. Never rejects. */
  layout(design: Design, options?: LayoutOptions): Promise<LayoutOutcome>;
  /** Starts the worker ahead of use (it loads ~1.6 MB of ELK), so that a layout does not wait for it. */
  warm(): void;
  /** Ends the worker; the next layout starts another. */
  dispose(): void;
}

const defaultTimeoutMs = 60_000;

/** A layout client on workers made by `createWorker`: one worker, kept between layouts, replaced after a failure. */
export function createLayoutClient(createWorker: () => LayoutWorker): LayoutClient {
  let worker: LayoutWorker | undefined;
  let seq = 0;
  let current: { seq: number; finish: (outcome: LayoutOutcome) => void } | undefined;

  const end = () => {
    worker?.terminate();
    worker = undefined;
  };

  const start = (): LayoutWorker | string => {
    if (worker) return worker;
    try {
      worker = createWorker();
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    worker.onmessage = (event) => {
      if (!current) return;
      const answer = readAnswer(event.data, current.seq);
      if (!answer) return;
      current.finish(
        answer.ok
          ? { ok: true, layout: answer.layout, ms: answer.ms }
          : { ok: false, reason: 'failed', message: `Auto layout failed: ${answer.message}. The design is unchanged.` },
      );
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      // A worker that failed to load or crashed is not trusted again: the next layout starts a new one.
      end();
      current?.finish({
        ok: false,
        reason: 'failed',
        message: `Auto layout could not run${event.message ? ` (${event.message})` : ''}. The design is unchanged.`,
      });
    };
    return worker;
  };

  return {
    layout(design, options = {}) {
      const cancelled = (message: string): LayoutOutcome => ({ ok: false, reason: 'cancelled', message });
      if (current) {
        // The worker is busy with an older design: end it rather than wait for an answer nobody wants.
        end();
        current.finish(cancelled('A newer Auto layout replaced this one.'));
      }
      if (options.signal?.aborted) return Promise.resolve(cancelled('Auto layout was cancelled.'));
      const target = start();
      if (typeof target === 'string')
        return Promise.resolve({
          ok: false,
          reason: 'failed',
          message: `Auto layout could not start (${target}). The design is unchanged.`,
        });
      seq += 1;
      const mine = seq;
      const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
      return new Promise<LayoutOutcome>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const onAbort = () => {
          end();
          finish(cancelled('Auto layout was cancelled.'));
        };
        const finish = (outcome: LayoutOutcome) => {
          if (current?.seq !== mine) return;
          current = undefined;
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        };
        current = { seq: mine, finish };
        timer = setTimeout(() => {
          end();
          finish({
            ok: false,
            reason: 'timeout',
            message: `Auto layout did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped. The design is unchanged.`,
          });
        }, timeoutMs);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        try {
          // Only what the layout reads: the whole design would block the page while it is copied.
          target.postMessage({ seq: mine, design: layoutInputOf(design) });
        } catch (error) {
          // A design that cannot be copied to the worker (never for plain data, but a bug must not hang the command).
          finish({
            ok: false,
            reason: 'failed',
            message: `Auto layout could not start (${error instanceof Error ? error.message : String(error)}).`,
          });
        }
      });
    },
    warm: () => void start(),
    dispose() {
      end();
      current?.finish({ ok: false, reason: 'cancelled', message: 'Auto layout was cancelled.' });
    },
  };
}

let shared: LayoutClient | undefined;

function client(): LayoutClient {
  // Vite turns this into a separate module worker chunk; nothing of elkjs enters the main bundle.
  shared ??= createLayoutClient(() => new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' }) as LayoutWorker);
  return shared;
}

/**
 * Lays out `design` with elkjs in a Web Worker (created on first use): the new positions of every card,
 * or why there are none. Cancel with `signal`; a newer call cancels an older one; after `timeoutMs`
 * (60 s) the worker is stopped.
 */
export function layoutInWorker(design: Design, options: LayoutOptions = {}): Promise<LayoutOutcome> {
  return client().layout(design, options);
}

/** Starts the layout worker ahead of use (e.g. when a menu offering Auto layout opens). */
export function warmLayoutWorker(): void {
  client().warm();
}

/** Ends the layout worker (e.g. when the canvas goes away). */
export function disposeLayoutWorker(): void {
  shared?.dispose();
}
