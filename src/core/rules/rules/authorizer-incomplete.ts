import type { ApiType, Authorizer } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

function missingOf(authorizer: Authorizer, apiType: ApiType): string | undefined {
  switch (authorizer.kind) {
    case 'LAMBDA_TOKEN':
    case 'LAMBDA_REQUEST':
      return authorizer.functionArn?.trim() || authorizer.rawAuthorizerUri !== undefined ? undefined : 'the Lambda function to call';
    case 'COGNITO_USER_POOLS':
      return authorizer.providerArns.length > 0 ? undefined : 'the user pool whose tokens it accepts';
    case 'JWT':
      // A REST API's JWT authorizer lists issuers (each with its audiences: jwt-issuer-without-audience).
      if (apiType === 'REST') return (authorizer.jwtIssuers ?? []).length > 0 ? undefined : 'an issuer whose tokens it accepts';
      if (!authorizer.jwtIssuer?.trim()) return 'the issuer of the tokens it accepts';
      return authorizer.jwtAudience.length > 0 ? undefined : 'the audience the tokens must be meant for';
    case 'IAM':
      return undefined;
  }
}

/** Each authorizer kind needs its backing piece; `updateAuthorizer` lets a form clear it. */
export const authorizerIncomplete = defineDesignRule({
  id: 'authorizer-incomplete',
  severity: 'error',
  title: 'Authorizer missing what it checks against',
  why: 'A Lambda authorizer calls a function, a Cognito authorizer accepts tokens from named user pools, and a JWT authorizer accepts tokens from the issuers it trusts (one on an HTTP API, one or more on a REST API) for given audiences. API Gateway refuses an authorizer without its function, user pools, issuer or audience.',
  docsUrl: guide('apigateway-control-access-to-api'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    for (const authorizer of Object.values(design.authorizers)) {
      const missing = missingOf(authorizer, design.api.type);
      if (missing)
        report({ message: `Authorizer ${authorizer.name} does not name ${missing}.`, target: { kind: 'authorizer', id: authorizer.id } });
    }
  },
});
