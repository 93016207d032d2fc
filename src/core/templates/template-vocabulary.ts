import type { Design, MethodId, Parameter, RouteId } from '../model';
import { resourcePath } from '../model';
import type { TemplatePhase } from './render-template';
import { requestBodySchema, schemaPaths } from './request-schema';
import { pathParameterNames } from './test-sample';

/**
 * The names a mapping template can use, as API Gateway documents them (api-gateway-mapping-template-reference.md)
 * and as the design declares them: what the template editor completes.
 */
export interface TemplateVocabulary {
  phase: TemplatePhase;
  /** Stage variable names, from every stage of the design. */
  stageVariables: string[];
  /** The method's request parameters: its path (from the resource path), query string and header parameters. */
  parameters: { in: Parameter['in']; name: string }[];
  /** JSONPaths of the request model's properties (`$.type`), for `$input.path()` and `$input.json()`. */
  bodyPaths: string[];
  /** Claims or context keys the method's authorizer puts under `$context.authorizer`. */
  authorizerKeys: string[];
}

export interface VocabularyEntry {
  name: string;
  /** A call: completed with its parentheses (and quotes for a text argument). */
  call?: 'none' | 'text' | 'value';
  detail: string;
}

/** `$input` (api-gateway-mapping-template-reference.md, "$input Variables"). */
export const inputMembers: readonly VocabularyEntry[] = [
  { name: 'body', detail: 'The raw payload as a string' },
  { name: 'json', call: 'text', detail: 'A JSONPath of the payload, as JSON text' },
  { name: 'params', call: 'none', detail: 'Every request parameter: path, querystring and header maps' },
  { name: 'params', call: 'text', detail: 'A request parameter by name (path, then query string, then header)' },
  { name: 'path', call: 'text', detail: 'A JSONPath of the payload, as an object to read in the template' },
];

/** `$util` ("$util Variables"). */
export const utilMembers: readonly VocabularyEntry[] = [
  { name: 'escapeJavaScript', call: 'value', detail: 'Escapes a string with JavaScript string rules' },
  { name: 'parseJson', call: 'value', detail: 'Reads JSON text as an object' },
  { name: 'urlEncode', call: 'value', detail: 'Encodes as application/x-www-form-urlencoded' },
  { name: 'urlDecode', call: 'value', detail: 'Decodes application/x-www-form-urlencoded text' },
  { name: 'base64Encode', call: 'value', detail: 'Encodes as base64' },
  { name: 'base64Decode', call: 'value', detail: 'Decodes base64' },
];

/**
 * `$context` values a mapping template can read (the guide's first table; the `error.*` values are for
 * gateway responses and access logs only, and are left out). `authorizer.claims`, `requestOverride.*` and
 * `responseOverride.header` are completed further from the design.
 */
export const contextNames: readonly [string, string][] = [
  ['accountId', "The API owner's AWS account ID"],
  ['apiId', 'The identifier API Gateway assigns to the API'],
  ['authorizer.claims', 'Claims of a Cognito user pool or JWT authorizer (read one: .claims.sub)'],
  ['authorizer.principalId', 'The principal a Lambda authorizer returned'],
  ['awsEndpointRequestId', "The AWS endpoint's request ID"],
  ['domainName', 'The full domain name used to invoke the API'],
  ['domainPrefix', 'The first label of the domain name'],
  ['extendedRequestId', 'A unique request ID API Gateway generates'],
  ['httpMethod', 'The HTTP method used'],
  ['identity.accountId', 'The AWS account ID of the caller'],
  ['identity.apiKey', 'The API key of a method that requires one'],
  ['identity.apiKeyId', 'The API key ID of a method that requires one'],
  ['identity.caller', 'The principal that signed the request (IAM authorization)'],
  ['identity.cognitoAuthenticationProvider', 'The Amazon Cognito authentication providers'],
  ['identity.cognitoAuthenticationType', 'authenticated or unauthenticated (Amazon Cognito)'],
  ['identity.cognitoIdentityId', 'The Amazon Cognito identity ID'],
  ['identity.cognitoIdentityPoolId', 'The Amazon Cognito identity pool ID'],
  ['identity.principalOrgId', 'The AWS organization ID'],
  ['identity.sourceIp', 'The source IP address of the TCP connection'],
  ['identity.clientCert.clientCertPem', 'The client certificate (mutual TLS)'],
  ['identity.clientCert.subjectDN', "The certificate subject's distinguished name"],
  ['identity.clientCert.issuerDN', "The certificate issuer's distinguished name"],
  ['identity.clientCert.serialNumber', "The certificate's serial number"],
  ['identity.clientCert.validity.notBefore', 'The date before which the certificate is invalid'],
  ['identity.clientCert.validity.notAfter', 'The date after which the certificate is invalid'],
  ['identity.user', 'The principal to authorize (IAM authorization)'],
  ['identity.userAgent', "The caller's User-Agent header"],
  ['identity.userArn', 'The ARN of the effective user'],
  ['path', 'The request path, with the stage (/prod/pets/7)'],
  ['protocol', 'The request protocol, such as HTTP/1.1'],
  ['requestId', 'An ID for the request'],
  ['requestOverride.header', 'A request header to send instead (request templates)'],
  ['requestOverride.path', 'A path parameter to send instead (request templates)'],
  ['requestOverride.querystring', 'A query string parameter to send instead (request templates)'],
  ['responseOverride.header', 'A response header to return instead (response templates)'],
  ['responseOverride.status', 'A status code to return instead (response templates)'],
  ['requestTime', 'The request time, CLF-formatted'],
  ['requestTimeEpoch', 'The request time in epoch milliseconds'],
  ['resourceId', 'The identifier API Gateway assigns to the resource'],
  ['resourcePath', 'The path of the resource (/pets/{id})'],
  ['stage', 'The deployment stage of the request'],
  ['wafResponseCode', 'WAF_ALLOW or WAF_BLOCK, when the stage has a web ACL'],
  ['webaclArn', 'The web ACL that decided, when the stage has one'],
];

/** Claims an ID or access token carries (Cognito user pools, JWT authorizers), offered before the design names others. */
const commonClaims = ['sub', 'email', 'scope', 'cognito:username', 'cognito:groups'];

/** The vocabulary for a method's (or route's) templates. */
export function templateVocabulary(design: Design, ownerId: MethodId | RouteId, phase: TemplatePhase): TemplateVocabulary {
  const stageVariables = [
    ...new Set(
      design.stageOrder.flatMap((id) => (Object.hasOwn(design.stages, id) ? Object.keys(design.stages[id]?.variables ?? {}) : [])),
    ),
  ].sort();
  const method = Object.hasOwn(design.methods, ownerId) ? design.methods[ownerId as MethodId] : undefined;
  const owner = method ?? (Object.hasOwn(design.routes, ownerId) ? design.routes[ownerId as RouteId] : undefined);
  const parameters: TemplateVocabulary['parameters'] = [];
  const seen = new Set<string>();
  const add = (where: Parameter['in'], name: string) => {
    const key = `${where}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    parameters.push({ in: where, name });
  };
  if (method) for (const name of pathParameterNames(resourcePath(design, method.resourceId))) add('path', name);
  for (const parameter of owner?.parameters ?? []) add(parameter.in, parameter.name);
  const authorizer = owner?.authorizerId === undefined ? undefined : design.authorizers[owner.authorizerId];
  const authorizerKeys =
    authorizer?.kind === 'COGNITO_USER_POOLS' || authorizer?.kind === 'JWT'
      ? commonClaims.map((claim) => `claims.${claim}`)
      : authorizer?.kind === 'LAMBDA_TOKEN' || authorizer?.kind === 'LAMBDA_REQUEST'
        ? ['principalId']
        : [];
  return {
    phase,
    stageVariables,
    parameters,
    bodyPaths: phase === 'request' && owner ? schemaPaths(design, requestBodySchema(design, owner)) : [],
    authorizerKeys,
  };
}
