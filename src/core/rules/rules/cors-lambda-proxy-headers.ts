import type { IntegrationId, Method } from '../../model';
import { lambdaCorsHeaders } from '../../model/cors-lambda-snippets';
import { guide, listed } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * A REST API's CORS settings give it preflight (OPTIONS) methods and CORS headers on its gateway
 * responses, but a Lambda proxy integration returns the function's answer as it is: the function must
 * add Access-Control-Allow-Origin (and the rest) itself. One finding per function, naming its methods.
 */
export const corsLambdaProxyHeaders = defineDesignRule({
  id: 'cors-lambda-proxy-headers',
  severity: 'info',
  title: 'Lambda proxy functions return the CORS headers themselves',
  why: "With a proxy integration API Gateway passes the backend's answer straight to the caller: there is no integration response to add headers to. The preflight (OPTIONS) is answered by API Gateway, but the function's own responses must carry Access-Control-Allow-Origin (and, as configured, the other CORS headers), or browsers refuse to read them. The method form shows the headers and a handler in Node.js and Python.",
  docsUrl: guide('how-to-cors'),
  reads: ['api', 'methods', 'integrations', 'resources'],
  operationFields: (owner) => [
    owner.integration?.integrationId,
    owner.integration?.proxy,
    ...('resourceId' in owner ? [owner.resourceId, owner.httpMethod] : []),
  ],
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    const headers = lambdaCorsHeaders(design.api.cors);
    if (!headers) return;
    const byFunction = new Map<IntegrationId, string[]>();
    for (const method of Object.values(design.methods) as Method[]) {
      const binding = method.integration;
      if (!binding?.proxy || design.integrations[binding.integrationId]?.kind !== 'LAMBDA') continue;
      const labels = byFunction.get(binding.integrationId) ?? [];
      labels.push(index.label(method, design.resources));
      byFunction.set(binding.integrationId, labels);
    }
    const names = headers.headers.map(([name]) => name).filter((name) => name.startsWith('Access-Control-'));
    for (const [integrationId, labels] of byFunction)
      report({
        message: `The function ${design.integrations[integrationId]?.name ?? integrationId} answers ${listed(labels)} through a Lambda proxy integration: with CORS on, it must return ${listed(names, 2)} itself.`,
        target: { kind: 'integration', id: integrationId },
      });
  },
});
