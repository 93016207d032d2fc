import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * Customised gateway responses exist on REST APIs only. `setGatewayResponse` and `changeApiType` refuse
 * them elsewhere; this rule names one that arrives in data built outside them. No quick fix: the
 * operation that removes a gateway response is itself REST-only.
 */
export const gatewayResponsesRestOnly = defineDesignRule({
  id: 'gateway-responses-rest-only',
  severity: 'error',
  title: 'Custom gateway responses exist only on REST APIs',
  why: 'When API Gateway itself answers (a missing key, a failed authorizer, a throttled call), a REST API lets you change the status code, headers and body of that answer per response type. HTTP and WebSocket APIs always send their built-in answers.',
  docsUrl: guide('api-gateway-gatewayResponse-definition'),
  reads: ['api', 'gatewayResponses'],
  check(design, _index, report) {
    if (design.api.type === 'REST') return;
    for (const responseType of Object.keys(design.gatewayResponses))
      report({
        message: `The gateway response ${responseType} is customised, but ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs cannot customise gateway responses.`,
        target: { kind: 'gatewayResponse', id: responseType },
      });
  },
});
