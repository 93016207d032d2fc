import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * Response streaming (`responseTransferMode: STREAM`) is a REST API feature. A route carries it when a
 * REST design was converted, or an imported HTTP API document states it.
 */
export const streamingRestOnly = defineOperationRule({
  id: 'streaming-rest-only',
  severity: 'error',
  title: 'Response streaming exists only on REST APIs',
  why: 'API Gateway streams an integration response to the client as it arrives (response transfer mode STREAM) only on REST APIs, for Lambda proxy and HTTP proxy integrations. HTTP and WebSocket APIs always wait for the whole response; a Lambda function URL or a REST API streams instead.',
  docsUrl: guide('response-transfer-mode'),
  check(owner, context, report) {
    if (context.apiType === 'REST' || owner.integration?.responseTransferMode !== 'STREAM') return;
    report({
      message: `${capitalized(context.label)} streams its response, but ${context.apiType === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs do not stream.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: { label: 'Stop streaming', apply: (d) => updateBinding(d, owner.id, { responseTransferMode: undefined }) },
    });
  },
});
