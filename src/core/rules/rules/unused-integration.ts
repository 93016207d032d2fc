import { deleteIntegrations } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** An integration target no method or route is connected to is never called and is left out of exports. */
export const unusedIntegration = defineDesignRule({
  id: 'unused-integration',
  severity: 'warning',
  title: 'Integration that nothing uses',
  why: 'In API Gateway an integration belongs to the methods or routes that call it. A backend connected to nothing is never called and does not appear in the exported API, which usually means a connection is missing.',
  docsUrl: guide('api-gateway-api-integration-types'),
  reads: ['api', 'integrations', 'methods', 'routes'],
  operationFields: (owner) => [owner.integration?.integrationId],
  check(design, index, report) {
    const usage = index.usage(design.methods, design.routes);
    for (const target of Object.values(design.integrations))
      if (!usage.integrations.has(target.id))
        report({
          message: `Integration ${target.name} is connected to no ${design.api.type === 'REST' ? 'method' : 'route'}.`,
          target: { kind: 'integration', id: target.id },
          fix: { label: 'Delete the integration', apply: (d) => deleteIntegrations(d, [target.id]) },
        });
  },
});
