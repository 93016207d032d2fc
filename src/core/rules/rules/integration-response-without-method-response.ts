import { type MethodResponse, updateMethod } from '../../model';
import { capitalized, guide, isRoute, listed } from '../describe';
import { defineOperationRule } from '../rule';

const headerMapping = /^method\.response\.header\.(.+)$/;

/**
 * An integration response maps onto a method response with the same status code, and may set only
 * headers that method response declares. API Gateway refuses an integration response for an undeclared
 * status code or header.
 */
export const integrationResponseWithoutMethodResponse = defineOperationRule({
  id: 'integration-response-without-method-response',
  severity: 'error',
  title: 'Integration response without its method response',
  why: "In a REST API the method response declares what a method may answer (status code, headers, body models) and the integration response fills it from the backend's answer. API Gateway refuses an integration response whose status code has no method response, or that maps a header (method.response.header.X) the method response does not declare.",
  docsUrl: guide('api-gateway-method-settings-method-response'),
  check(owner, context, report) {
    if (context.apiType !== 'REST' || isRoute(owner) || !owner.integration || owner.integration.proxy) return;
    const missingCodes: string[] = [];
    const missingHeaders: { statusCode: string; header: string }[] = [];
    for (const response of owner.integration.responses) {
      const methodResponse = owner.responses.find((candidate) => candidate.statusCode === response.statusCode);
      if (!methodResponse && !missingCodes.includes(response.statusCode)) missingCodes.push(response.statusCode);
      const declared = Object.keys(methodResponse?.headers ?? {}).map((name) => name.toLowerCase());
      for (const key of Object.keys(response.responseParameters)) {
        const header = headerMapping.exec(key)?.[1];
        if (header && !declared.includes(header.toLowerCase())) missingHeaders.push({ statusCode: response.statusCode, header });
      }
    }
    if (missingCodes.length === 0 && missingHeaders.length === 0) return;
    const parts: string[] = [];
    if (missingCodes.length > 0) parts.push(`no method response for ${listed(missingCodes)}`);
    if (missingHeaders.length > 0)
      parts.push(
        `undeclared response header${missingHeaders.length === 1 ? '' : 's'} ${listed(missingHeaders.map((item) => `${item.header} (${item.statusCode})`))}`,
      );
    report({
      message: `${capitalized(context.label)} has integration responses with ${parts.join(' and ')}.`,
      target: { kind: 'method', id: owner.id },
      fix: {
        label: 'Declare the missing method responses',
        apply: (d) => {
          const method = d.methods[owner.id];
          if (!method) return d;
          const responses: MethodResponse[] = method.responses.map((response) => ({ ...response, headers: { ...response.headers } }));
          for (const statusCode of missingCodes)
            if (!responses.some((response) => response.statusCode === statusCode))
              responses.push({ statusCode, description: `${statusCode} response`, headers: {}, content: {} });
          for (const { statusCode, header } of missingHeaders) {
            const target = responses.find((response) => response.statusCode === statusCode);
            if (target && !Object.keys(target.headers).some((name) => name.toLowerCase() === header.toLowerCase()))
              target.headers[header] = { schema: { type: 'string' } };
          }
          return updateMethod(d, owner.id, { responses });
        },
      },
    });
  },
});
