import { updateMethod, updateRoute } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * Authorization scopes are checked against an access token: by a Cognito user pool authorizer on a REST
 * API, or a JWT authorizer on an HTTP API. With any other authorizer, or none, they are ignored.
 */
export const authorizationScopesWithoutAuthorizer = defineOperationRule({
  id: 'authorization-scopes-without-authorizer',
  severity: 'warning',
  title: 'Authorization scopes that nothing checks',
  why: 'A method or route can require OAuth scopes, and API Gateway then accepts only access tokens that carry one of them. Only Cognito user pool authorizers (REST) and JWT authorizers (HTTP) check scopes; with an IAM or Lambda authorizer, or none, the scopes are ignored and the operation is less protected than it looks.',
  docsUrl: guide('apigateway-enable-cognito-user-pool'),
  check(owner, context, report) {
    if (owner.authorizationScopes.length === 0) return;
    const kind = owner.authorizerId ? context.authorizerKinds[owner.authorizerId] : undefined;
    if (kind === 'COGNITO_USER_POOLS' || kind === 'JWT') return;
    const names = { IAM: 'IAM', LAMBDA_TOKEN: 'Lambda', LAMBDA_REQUEST: 'Lambda', COGNITO_USER_POOLS: 'Cognito', JWT: 'JWT' } as const;
    report({
      message: `${capitalized(context.label)} requires OAuth scopes, but ${kind ? `its ${names[kind]} authorizer does not check scopes` : 'it has no authorizer to check them'}.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: 'Remove the scopes',
        apply: (d) =>
          isRoute(owner) ? updateRoute(d, owner.id, { authorizationScopes: [] }) : updateMethod(d, owner.id, { authorizationScopes: [] }),
      },
    });
  },
});
