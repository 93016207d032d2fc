import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * A streamed response is never held whole, so API Gateway cannot run a response mapping template (VTL)
 * over it. Integration responses with templates on a streaming method are left over from a custom
 * integration or come from an imported document.
 */
export const streamingResponseTemplate = defineOperationRule({
  id: 'streaming-response-template',
  severity: 'warning',
  title: 'A streamed response is not transformed by mapping templates',
  why: 'With response transfer mode STREAM, API Gateway passes the integration response to the client as it arrives and supports nothing that needs the whole response first: no response transformation with VTL mapping templates, no endpoint caching, no content encoding. Shape the response in the backend instead.',
  docsUrl: guide('response-transfer-mode'),
  check(owner, context, report) {
    const binding = owner.integration;
    if (context.apiType !== 'REST' || binding?.responseTransferMode !== 'STREAM') return;
    const templated = binding.responses.filter((response) => Object.keys(response.responseTemplates).length > 0);
    if (templated.length === 0) return;
    report({
      message: `${capitalized(context.label)} streams its response, so the response mapping template${templated.length === 1 ? '' : 's'} of its integration ${templated.length === 1 ? 'response' : 'responses'} ${templated.map((response) => response.selectionPattern).join(', ')} ${templated.length === 1 ? 'is' : 'are'} not applied.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: 'Remove the response mapping templates',
        apply: (d) =>
          updateBinding(d, owner.id, {
            responses: binding.responses.map((response) => ({ ...response, responseTemplates: {} })),
          }),
      },
    });
  },
});
