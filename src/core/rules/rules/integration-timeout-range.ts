import { maxStreamingMillis, updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule, type OperationContext } from '../rule';

/**
 * The hard upper bound of an integration timeout, or undefined where a quota increase can raise it
 * (integration-timeout-quota explains that case). A streamed REST response may take up to 15 minutes
 * on every endpoint type, edge-optimized included, without a quota increase (DG response-transfer-mode).
 */
function hardMaximum(context: OperationContext, streaming: boolean): number | undefined {
  if (context.apiType === 'HTTP') return 30_000;
  if (context.apiType === 'WEBSOCKET') return 29_000;
  if (streaming) return maxStreamingMillis;
  return context.endpointType === 'EDGE' ? 29_000 : undefined;
}

/** The API as the message names it, for the bound it cannot pass. */
function where(context: OperationContext, streaming: boolean): string {
  if (context.apiType === 'HTTP') return 'an HTTP API';
  if (context.apiType === 'WEBSOCKET') return 'a WebSocket API';
  return streaming ? 'a streamed response' : 'an edge-optimized REST API';
}

/**
 * Integration timeouts run from 50 ms to 29 s (30 s on HTTP APIs). Since June 2024 Regional and private
 * REST APIs may raise the 29 s bound through a quota increase, so that case is a warning elsewhere; an
 * edge-optimized REST API cannot. Streaming the response (REST, `responseTransferMode: STREAM`) allows up
 * to 15 minutes on every endpoint type. `updateBinding` refuses some of these values; a REST design
 * switched to Edge or HTTP keeps a timeout that was legal before.
 */
export const integrationTimeoutRange = defineOperationRule({
  id: 'integration-timeout-range',
  severity: 'error',
  title: 'Integration timeout outside what API Gateway allows',
  why: 'API Gateway waits at least 50 ms and at most 29 seconds for an integration to answer (30 seconds on HTTP APIs) before it returns 504. Regional and private REST APIs can raise the 29-second limit with a quota increase; edge-optimized REST APIs, WebSocket APIs and HTTP APIs cannot. A REST method that streams its response (response transfer mode STREAM, proxy integrations) may wait up to 15 minutes on any endpoint type.',
  docsUrl: guide('limits'),
  check(owner, context, report) {
    const binding = owner.integration;
    const timeout = binding?.timeoutInMillis;
    if (timeout === undefined) return;
    const streaming = context.apiType === 'REST' && binding?.responseTransferMode === 'STREAM';
    const maximum = hardMaximum(context, streaming);
    const tooShort = timeout < 50;
    if (!tooShort && (maximum === undefined || timeout <= maximum)) return;
    const fixed = tooShort ? 50 : (maximum as number);
    report({
      message: tooShort
        ? `${capitalized(context.label)} waits ${timeout} ms for its integration; the shortest timeout is 50 ms.`
        : `${capitalized(context.label)} waits ${timeout.toLocaleString('en')} ms for its integration; ${where(context, streaming)} waits at most ${fixed.toLocaleString('en')} ms.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: `Set the timeout to ${fixed.toLocaleString('en')} ms`,
        apply: (d) => updateBinding(d, owner.id, { timeoutInMillis: fixed }),
      },
    });
  },
});
