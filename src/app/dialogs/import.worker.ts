/// <reference lib="webworker" />
import type { Design } from '../../core/model';
import { type ImportResult, importOpenApi } from '../../core/openapi';

/** A document to import; the answer carries the same `seq`. */
export interface ImportRequest {
  seq: number;
  text: string;
  /** The design an edited export is applied to (the code view's Apply): its ids and positions are kept. */
  previous?: Design;
  /** The API type the user chose for an ambiguous document. */
  apiType?: 'REST' | 'HTTP';
}

export interface ImportAnswer {
  seq: number;
  result: ImportResult;
}

/**
 * YAML imports (and applied code-view edits) run here, off the main thread: a big YAML document takes seconds to parse, in which the
 * page would otherwise freeze, with no way to see progress or to cancel (the dialog cancels by ending
 * this worker). The design comes back as plain data, as every design is.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { seq, text, previous, apiType } = event.data;
  const options = { ...(previous ? { previous } : {}), ...(apiType ? { apiType } : {}) };
  scope.postMessage({ seq, result: importOpenApi(text, options) } satisfies ImportAnswer);
};
