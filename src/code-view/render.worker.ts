/// <reference lib="webworker" />
import type { Design } from '../core/model';
import type { OpenApiText } from './openapi-text';
import { type CodeRequest, type RenderedCode, renderCodeInParts } from './render-code';

/** One render request: the latest wins; the main thread ignores answers to older ones. */
export interface RenderMessage {
  seq: number;
  design: Design;
  request: CodeRequest;
}

export interface RenderAnswer {
  seq: number;
  result: RenderedCode;
  /** An OpenAPI text's parts, for following the design edit by edit (see incremental-openapi.ts). */
  parts?: OpenApiText;
}

/**
 * Exports and CDK generation run here, off the main thread: on a design of a thousand operations they
 * take tens of milliseconds, which would otherwise delay every keystroke's paint.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let pending: RenderMessage | undefined;
let scheduled = false;

scope.onmessage = (event: MessageEvent<RenderMessage>) => {
  // Coalesce a burst of keystrokes: only the newest design is rendered.
  pending = event.data;
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    const message = pending;
    pending = undefined;
    if (!message) return;
    let answer: RenderAnswer;
    try {
      answer = { seq: message.seq, ...renderCodeInParts(message.design, message.request) };
    } catch (error) {
      // A bug in an exporter must not leave the code view spinning: show it.
      const result: RenderedCode = {
        ok: false,
        message: `Portico could not produce this export: ${error instanceof Error ? error.message : String(error)}`,
      };
      answer = { seq: message.seq, result };
    }
    scope.postMessage(answer);
  }, 0);
};
