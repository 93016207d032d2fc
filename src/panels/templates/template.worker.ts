/// <reference lib="webworker" />
import { handleIntegrationTestMessage, handleTemplateMessage } from '../../core/templates';

/**
 * Mapping templates are rendered here, off the page: a template is untrusted and a loop or a regular
 * expression can take long. The page stops this worker when an answer is late (see template-worker.ts);
 * the engine bounds loops, sizes and time between its own steps.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  const isTest = typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'integration-test';
  scope.postMessage(isTest ? handleIntegrationTestMessage(message) : handleTemplateMessage(message));
};
