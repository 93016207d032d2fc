import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * Only proxy integrations stream (`HTTP_PROXY`, `AWS_PROXY`): a streamed response reaches the client as
 * the backend writes it, so there is nothing for a custom integration's mappings to map. The operation
 * refuses it; a method turned custom afterwards, or an imported document, can still hold it.
 */
export const streamingProxyOnly = defineOperationRule({
  id: 'streaming-proxy-only',
  severity: 'error',
  title: 'Only proxy integrations stream',
  why: 'API Gateway streams the response (response transfer mode STREAM) only for HTTP_PROXY and AWS_PROXY integrations: Lambda proxy integrations and (private) HTTP proxy integrations. A custom integration (AWS, HTTP) or a mock is refused with STREAM.',
  docsUrl: guide('response-transfer-mode'),
  check(owner, context, report) {
    const binding = owner.integration;
    if (context.apiType !== 'REST' || binding?.responseTransferMode !== 'STREAM') return;
    const kind = context.integrationKinds[binding.integrationId];
    if (binding.proxy && kind !== 'MOCK') return;
    report({
      message:
        kind === 'MOCK'
          ? `${capitalized(context.label)} streams from a mock integration, which cannot stream.`
          : `${capitalized(context.label)} streams through a custom (non-proxy) integration; only proxy integrations stream.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix:
        kind === 'MOCK'
          ? { label: 'Stop streaming', apply: (d) => updateBinding(d, owner.id, { responseTransferMode: undefined }) }
          : { label: 'Make it a proxy integration', apply: (d) => updateBinding(d, owner.id, { proxy: true }) },
    });
  },
});
