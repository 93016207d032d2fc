import { updateRoute } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/** A WebSocket client shows its API key once, when it connects; other routes cannot require one. */
export const websocketApiKeyOnConnect = defineOperationRule({
  id: 'websocket-api-key-on-connect',
  severity: 'warning',
  title: 'WebSocket API keys are checked on $connect only',
  why: 'A WebSocket API checks an API key when the client opens the connection, on the $connect route; the messages that follow travel on the open connection and are never asked for a key. Require the key on $connect.',
  docsUrl: guide('websocket-api-develop-routes'),
  check(owner, context, report) {
    if (context.apiType !== 'WEBSOCKET' || !isRoute(owner) || !owner.apiKeyRequired || owner.routeKey === '$connect') return;
    report({
      message: `${capitalized(context.label)} requires an API key, but WebSocket APIs check keys only on $connect.`,
      target: { kind: 'route', id: owner.id },
      fix: { label: 'Do not require an API key here', apply: (d) => updateRoute(d, owner.id, { apiKeyRequired: false }) },
    });
  },
});
