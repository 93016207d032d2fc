/// <reference lib="webworker" />
import { type ImportResult, importOpenApi } from '../../core/openapi';

/** A document to import; the answer carries the same `seq`. */
export interface ImportRequest {
  seq: number;
  text: string;
}

export interface ImportAnswer {
  seq: number;
  result: ImportResult;
}

/**
 * YAML imports run here, off the main thread: a big YAML document takes seconds to parse, in which the
 * page would otherwise freeze, with no way to see progress or to cancel (the dialog cancels by ending
 * this worker). The design comes back as plain data, as every design is.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { seq, text } = event.data;
  scope.postMessage({ seq, result: importOpenApi(text) } satisfies ImportAnswer);
};
