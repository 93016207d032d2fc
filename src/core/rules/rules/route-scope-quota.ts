import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

const quota = 10;

/** An HTTP API route lists at most 10 authorization scopes; this quota cannot be raised. */
export const routeScopeQuota = defineOperationRule({
  id: 'route-scope-quota',
  severity: 'error',
  title: 'More than 10 scopes on a route',
  why: 'With a JWT authorizer, an HTTP API route can require that the token carries at least one of its authorization scopes. A route lists at most 10 scopes, and the quota cannot be raised.',
  docsUrl: guide('limits'),
  check(owner, context, report) {
    if (context.apiType !== 'HTTP' || !isRoute(owner) || owner.authorizationScopes.length <= quota) return;
    report({
      message: `${capitalized(context.label)} lists ${owner.authorizationScopes.length} authorization scopes; a route lists at most ${quota}.`,
      target: { kind: 'route', id: owner.id },
    });
  },
});
