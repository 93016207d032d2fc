import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/** An HTTP or WebSocket route without an integration deploys, but has nothing to answer with. */
export const routeWithoutIntegration = defineOperationRule({
  id: 'route-without-integration',
  severity: 'warning',
  title: 'Route without an integration',
  why: 'A route sends matching requests (or WebSocket messages) to its integration. A route without one can be deployed, but every request it matches fails instead of reaching a backend.',
  docsUrl: guide('http-api-develop-integrations'),
  check(owner, context, report) {
    if (!isRoute(owner) || owner.integration) return;
    report({ message: `${capitalized(context.label)} has no integration.`, target: { kind: 'route', id: owner.id } });
  },
});
