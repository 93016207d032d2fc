import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/** HTTP API integrations are always proxies (AWS_PROXY, HTTP_PROXY). */
export const httpApiProxyOnly = defineOperationRule({
  id: 'http-api-proxy-only',
  severity: 'error',
  title: 'HTTP API integrations are proxy integrations',
  why: 'An HTTP API hands the whole request to the integration and its answer back to the client (AWS_PROXY for Lambda, HTTP_PROXY for HTTP endpoints and private integrations). Custom (non-proxy) integrations, where API Gateway maps the request and response, exist only on REST APIs.',
  docsUrl: guide('http-api-develop-integrations'),
  check(owner, context, report) {
    if (context.apiType !== 'HTTP' || !isRoute(owner) || !owner.integration || owner.integration.proxy) return;
    report({
      message: `${capitalized(context.label)} uses a custom (non-proxy) integration, which HTTP APIs do not have.`,
      target: { kind: 'route', id: owner.id },
      fix: { label: 'Make it a proxy integration', apply: (d) => updateBinding(d, owner.id, { proxy: true }) },
    });
  },
});
