import type { ApiType, Authorizer } from '../../model';
import { updateAuthorizer } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** How identity sources are written on each API type. */
const forms: Record<ApiType, { pattern: RegExp; example: string }> = {
  REST: {
    pattern: /^(method\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/,
    example: 'method.request.header.Authorization',
  },
  HTTP: {
    pattern: /^\$(request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/,
    example: '$request.header.Authorization',
  },
  WEBSOCKET: {
    pattern: /^(route\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/,
    example: 'route.request.header.Authorization',
  },
};

function entries(identitySource: string | undefined): string[] {
  return (identitySource ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Why the identity source of an authorizer would be refused, or undefined. */
function problemOf(authorizer: Authorizer, apiType: ApiType): { problem: string; missing: boolean } | undefined {
  if (authorizer.kind === 'IAM') return undefined;
  const list = entries(authorizer.identitySource);
  const form = forms[apiType];
  // A REST JWT authorizer reads the token from one header, as TOKEN and Cognito authorizers do (DG rest-api-jwt-authorizer.html).
  const headerOnly =
    apiType === 'REST' && (authorizer.kind === 'LAMBDA_TOKEN' || authorizer.kind === 'COGNITO_USER_POOLS' || authorizer.kind === 'JWT');
  // REST Lambda REQUEST authorizers cache for 300 s unless told otherwise; HTTP ones only when a TTL is set.
  const caching = (authorizer.resultTtlSeconds ?? (apiType === 'REST' ? 300 : 0)) > 0;
  const required = headerOnly || authorizer.kind === 'JWT' || (authorizer.kind === 'LAMBDA_REQUEST' && caching && apiType !== 'WEBSOCKET');
  if (list.length === 0)
    return required
      ? {
          problem: headerOnly
            ? 'it names no header to read the token from'
            : authorizer.kind === 'JWT'
              ? 'it names no place to read the token from'
              : 'it caches its answer but names no identity source to key the cache on',
          missing: true,
        }
      : undefined;
  if (headerOnly && (list.length !== 1 || !(list[0] as string).startsWith('method.request.header.')))
    return {
      problem: `a ${authorizer.kind === 'LAMBDA_TOKEN' ? 'Lambda TOKEN' : authorizer.kind === 'JWT' ? 'JWT' : 'Cognito'} authorizer reads exactly one header, written like ${form.example}`,
      missing: false,
    };
  const wrong = list.find((entry) => !form.pattern.test(entry));
  if (wrong)
    return {
      problem: `"${wrong}" is not an identity source of ${apiType === 'REST' ? 'a REST' : apiType === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API (write it like ${form.example})`,
      missing: false,
    };
  return undefined;
}

/**
 * Where an authorizer reads the caller's identity. TOKEN and Cognito authorizers need exactly one header;
 * JWT authorizers need a source; a Lambda REQUEST authorizer that caches needs at least one source to key
 * its cache on. API Gateway refuses the authorizer otherwise.
 */
export const authorizerIdentitySource = defineDesignRule({
  id: 'authorizer-identity-source',
  severity: 'error',
  title: 'Authorizer identity source missing or malformed',
  why: "The identity source tells API Gateway where the caller's credentials are: the header holding the token for a Lambda TOKEN, Cognito or JWT authorizer, and the headers, query strings, stage variables or context values of a Lambda REQUEST authorizer, which also key its cache. If they are missing from a request, API Gateway answers 401 without calling the authorizer; if the setting is missing or malformed, API Gateway refuses the authorizer.",
  docsUrl: guide('apigateway-use-lambda-authorizer'),
  reads: ['api', 'authorizers'],
  check(design, _index, report) {
    const apiType = design.api.type;
    for (const authorizer of Object.values(design.authorizers)) {
      const found = problemOf(authorizer, apiType);
      if (!found) continue;
      const example = forms[apiType].example;
      report({
        message: `Authorizer ${authorizer.name} has an identity source API Gateway would refuse: ${found.problem}.`,
        target: { kind: 'authorizer', id: authorizer.id },
        ...(found.missing
          ? {
              fix: {
                label: `Read the Authorization header`,
                apply: (d) => updateAuthorizer(d, authorizer.id, { identitySource: example }),
              },
            }
          : {}),
      });
    }
  },
});
