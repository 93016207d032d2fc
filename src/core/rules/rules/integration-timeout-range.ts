import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule, type OperationContext } from '../rule';

/** The hard upper bound of an integration timeout, or undefined where a quota increase can raise it (warned by integration-timeout-quota). */
function hardMaximum(context: OperationContext): number | undefined {
  if (context.apiType === 'HTTP') return 30_000;
  if (context.apiType === 'WEBSOCKET') return 29_000;
  return context.endpointType === 'EDGE' ? 29_000 : undefined;
}

/**
 * Integration timeouts run from 50 ms to 29 s (30 s on HTTP APIs). Since June 2024 Regional and private
 * REST APIs may raise the 29 s bound through a quota increase, so that case is a warning elsewhere; an
 * edge-optimized REST API cannot. `updateBinding` refuses some of these values; a REST design switched
 * to Edge or HTTP keeps a timeout that was legal before.
 */
export const integrationTimeoutRange = defineOperationRule({
  id: 'integration-timeout-range',
  severity: 'error',
  title: 'Integration timeout outside what API Gateway allows',
  why: 'API Gateway waits at least 50 ms and at most 29 seconds for an integration to answer (30 seconds on HTTP APIs) before it returns 504. Regional and private REST APIs can raise the 29-second limit with a quota increase; edge-optimized REST APIs, WebSocket APIs and HTTP APIs cannot.',
  docsUrl: guide('limits'),
  check(owner, context, report) {
    const timeout = owner.integration?.timeoutInMillis;
    if (timeout === undefined) return;
    const maximum = hardMaximum(context);
    const tooShort = timeout < 50;
    if (!tooShort && (maximum === undefined || timeout <= maximum)) return;
    const fixed = tooShort ? 50 : (maximum as number);
    const where =
      context.apiType === 'REST' ? 'an edge-optimized REST API' : context.apiType === 'HTTP' ? 'an HTTP API' : 'a WebSocket API';
    report({
      message: tooShort
        ? `${capitalized(context.label)} waits ${timeout} ms for its integration; the shortest timeout is 50 ms.`
        : `${capitalized(context.label)} waits ${timeout.toLocaleString('en')} ms for its integration; ${where} waits at most ${fixed.toLocaleString('en')} ms.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: `Set the timeout to ${fixed.toLocaleString('en')} ms`,
        apply: (d) => updateBinding(d, owner.id, { timeoutInMillis: fixed }),
      },
    });
  },
});
