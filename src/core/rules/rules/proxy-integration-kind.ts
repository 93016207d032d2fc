import { type Design, type MethodId, updateBinding, updateMethod } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/** Adds a `default` → 200 integration response (and the 200 method response it needs) when there is none. */
function withDefaultResponse(design: Design, methodId: MethodId): Design {
  const method = design.methods[methodId];
  if (!method?.integration || method.integration.responses.length > 0) return design;
  let next = updateBinding(design, methodId, {
    responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
  });
  if (!method.responses.some((response) => response.statusCode === '200'))
    next = updateMethod(next, methodId, {
      responses: [...method.responses, { statusCode: '200', description: 'OK', headers: {}, content: {} }],
    });
  return next;
}

/**
 * On a REST API, only Lambda functions (AWS_PROXY) and HTTP endpoints (HTTP_PROXY, also through a VPC
 * link) have proxy integrations; a mock or an AWS service action is always a custom integration.
 */
export const proxyIntegrationKind = defineOperationRule({
  id: 'proxy-integration-kind',
  severity: 'error',
  title: 'Proxy integration of a kind that has none',
  why: 'A proxy integration passes the whole request to the backend and its answer straight back. REST APIs offer it for Lambda functions (AWS_PROXY) and HTTP endpoints (HTTP_PROXY). A mock integration (MOCK) and an AWS service action (AWS) are always custom integrations: a mapping template builds the request and integration responses build the answer.',
  docsUrl: guide('api-gateway-api-integration-types'),
  check(owner, context, report) {
    if (context.apiType !== 'REST' || isRoute(owner) || !owner.integration?.proxy) return;
    const kind = context.integrationKinds[owner.integration.integrationId];
    if (kind !== 'MOCK' && kind !== 'AWS_SERVICE') return;
    report({
      message: `${capitalized(context.label)} uses ${kind === 'MOCK' ? 'a mock' : 'an AWS service'} integration as a proxy, which API Gateway does not offer.`,
      target: { kind: 'method', id: owner.id },
      fix: {
        label: 'Make it a custom integration',
        apply: (d) => withDefaultResponse(updateBinding(d, owner.id, { proxy: false }), owner.id),
      },
    });
  },
});
