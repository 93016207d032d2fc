import { updateBinding, updateMethod } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * A custom (non-proxy) REST integration answers the client only through an integration response that
 * matches the backend's answer; with none, every call ends in a 500 configuration error.
 */
export const integrationResponsesMissing = defineOperationRule({
  id: 'integration-responses-missing',
  severity: 'warning',
  title: 'Custom integration without integration responses',
  why: "With a custom (non-proxy) integration, API Gateway picks an integration response by matching the backend's status code or error message against each selection pattern, then maps it to a method response. If no integration response exists, nothing matches and the client gets 500 Internal Server Error. Add at least a default one.",
  docsUrl: guide('api-gateway-integration-settings-integration-response'),
  check(owner, context, report) {
    if (context.apiType !== 'REST' || isRoute(owner) || !owner.integration || owner.integration.proxy) return;
    // Responses kept as written (they hold CloudFormation expressions Portico does not model) are responses.
    if (owner.integration.responses.length > 0 || owner.integration.extensions?.responses !== undefined) return;
    report({
      message: `${capitalized(context.label)} uses a custom integration with no integration response, so every call fails.`,
      target: { kind: 'method', id: owner.id },
      fix: {
        label: 'Add a default 200 integration response',
        apply: (d) => {
          let next = updateBinding(d, owner.id, {
            responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
          });
          const method = next.methods[owner.id];
          if (method && !method.responses.some((response) => response.statusCode === '200'))
            next = updateMethod(next, owner.id, {
              responses: [...method.responses, { statusCode: '200', description: 'OK', headers: {}, content: {} }],
            });
          return next;
        },
      },
    });
  },
});
