import type { Design } from '../../core/model';
import type { ImportOptions, ImportResult } from '../../core/openapi';
import type { ImportAnswer, ImportRequest } from './import.worker';
import ImportWorker from './import.worker?worker';

/** Imports documents (YAML ones in a worker), one at a time, and can cancel the one under way. */
export interface BackgroundImport {
  /** Starts the worker ahead of use (the dialog opened), so that an import does not wait for it to load. */
  warm(): void;
  /**
   * The import's result, or 'cancelled'. A newer import or `cancel` cancels the one under way. `apiType`
   * is the user's answer to an ambiguous document (a result with `ambiguous`).
   */
  run(text: string, options?: { previous?: Design; apiType?: 'REST' | 'HTTP' }): Promise<ImportResult | 'cancelled'>;
  cancel(): void;
  /** Ends the worker (the dialog closed); `warm` or `run` start a new one. */
  dispose(): void;
}

/** Above this many characters even JSON goes to the worker (about 8,000 operations: over a second of work). */
const jsonOnMainThreadLimit = 8_000_000;

/** JSON text (after any byte-order mark and whitespace, an object or a list): the fast path. */
function looksLikeJson(text: string): boolean {
  const first = /[^\s\uFEFF]/.exec(text.slice(0, 4096))?.[0];
  return first === '{' || first === '[';
}

/**
 * Where an import runs. YAML goes to a worker: the YAML parser takes about 0.75 s for 1,000 operations
 * and 4.5 s for 5,000, which would freeze the page with no progress and no way to cancel. JSON stays on
 * the main thread: 1,000 operations import and draw in about 0.36 s there, against 0.44 s through the
 * worker (the design's structured clone back, and a colder JIT), and 5,000 in 0.86 s against 1.2 s;
 * only a bigger JSON document goes to the worker.
 * When a worker cannot start (or fails), the main thread imports: the same result, without the page
 * staying responsive meanwhile.
 */
// `loadImporter` is the dialog's own `import('../../core/openapi')`: the same dynamic import written in
// this module made the bundler split the start-up code into two dozen small chunks (6 KB more gzip
// before first paint).
export function createBackgroundImport(loadImporter: () => Promise<typeof import('../../core/openapi')>): BackgroundImport {
  let worker: Worker | undefined;
  let broken = false;
  let seq = 0;
  let waiting:
    | {
        seq: number;
        text: string;
        options: ImportOptions;
        resolve: (result: ImportResult | 'cancelled') => void;
        reject: (error: unknown) => void;
      }
    | undefined;

  const onMainThread = async (text: string, options: ImportOptions): Promise<ImportResult> =>
    (await loadImporter()).importOpenApi(text, options);

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = new ImportWorker();
    } catch {
      broken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<ImportAnswer>) => {
      if (!waiting || waiting.seq !== event.data.seq) return;
      const { resolve } = waiting;
      waiting = undefined;
      resolve(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      broken = true;
      worker?.terminate();
      worker = undefined;
      const current = waiting;
      waiting = undefined;
      if (current) onMainThread(current.text, current.options).then(current.resolve, current.reject);
    };
    return worker;
  };

  const cancel = () => {
    const current = waiting;
    if (!current) return;
    waiting = undefined;
    // The worker may be seconds into a big document: end it rather than wait; the next import starts another.
    worker?.terminate();
    worker = undefined;
    current.resolve('cancelled');
  };

  return {
    warm: () => void start(),
    run(text, options = {}) {
      cancel();
      const { previous, apiType } = options;
      const importOptions: ImportOptions = { ...(previous ? { previous } : {}), ...(apiType ? { apiType } : {}) };
      if (looksLikeJson(text) && text.length < jsonOnMainThreadLimit) return onMainThread(text, importOptions);
      const target = start();
      if (!target) return onMainThread(text, importOptions);
      seq += 1;
      const request: ImportRequest = { seq, text, ...importOptions };
      return new Promise((resolve, reject) => {
        waiting = { seq: request.seq, text, options: importOptions, resolve, reject };
        target.postMessage(request);
      });
    },
    cancel,
    dispose() {
      cancel();
      worker?.terminate();
      worker = undefined;
    },
  };
}
