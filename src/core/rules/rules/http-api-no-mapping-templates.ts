import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * HTTP APIs transform only parameters, never bodies: no mapping templates and no integration responses.
 * A method converted from a custom REST integration keeps both, and they would be lost on export.
 */
export const httpApiNoMappingTemplates = defineOperationRule({
  id: 'http-api-no-mapping-templates',
  severity: 'error',
  title: 'HTTP APIs have no mapping templates or integration responses',
  why: 'REST APIs can rewrite request and response bodies with VTL mapping templates and choose a method response with integration responses. HTTP APIs pass bodies through unchanged (parameter mapping can still change headers, query strings and paths); the backend must speak the format the client expects.',
  docsUrl: guide('http-api-vs-rest'),
  check(owner, context, report) {
    if (context.apiType !== 'HTTP' || !isRoute(owner) || !owner.integration) return;
    const binding = owner.integration;
    const templates = Object.keys(binding.requestTemplates).length > 0;
    if (!templates && binding.responses.length === 0) return;
    report({
      message: `${capitalized(context.label)} has ${templates ? 'mapping templates' : 'integration responses'}, which HTTP APIs do not support.`,
      target: { kind: 'route', id: owner.id },
      fix: {
        label: 'Remove the mapping templates and integration responses',
        apply: (d) => updateBinding(d, owner.id, { requestTemplates: {}, responses: [], passthroughBehavior: undefined }),
      },
    });
  },
});
