import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { own, ownObject, ownString } from './json-access';
import { at } from './notes';
import type { ApiTypeLoss, ApiTypeLosses, OpenApiVersion } from './types';

export interface ApiTypeGuess {
  type: 'REST' | 'HTTP';
  /** What pointed at HTTP, and what pointed at REST (for the import notes when both did). */
  httpSignals: string[];
  restSignals: string[];
}

const operationKeys = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

/**
 * REST API (API Gateway v1) or HTTP API (v2)? OpenAPI does not say, so the importer reads the
 * extensions each product alone understands:
 * - Swagger 2.0 is always REST: HTTP APIs import OpenAPI 3.0 only (DG http-api-open-api.html).
 * - HTTP-only: `x-amazon-apigateway-importexport-version`, `-cors`, `-integrations`, `-tag-value`, an
 *   integration `payloadFormatVersion` or `integrationSubtype`, a `$default` route (`isDefaultRoute`),
 *   a `jwt` authorizer written as HTTP APIs write it (one `issuer`, a `$request.` identity source) or a
 *   Lambda authorizer with `authorizerPayloadFormatVersion`/`enableSimpleResponses`.
 * - REST-only: request validators, gateway responses, binary media types, API key source, resource
 *   policy, documentation parts, minimum compression size, mock integrations, non-proxy (`aws`/`http`)
 *   integrations, mapping templates, integration responses, Cognito and TOKEN authorizers, and a `jwt`
 *   authorizer written as REST APIs write it since 2026 (a list of `issuers`, a `method.request.` source).
 * `x-amazon-apigateway-importexport-version` settles it: only HTTP API exports (AWS's and Portico's) write
 * it, and an HTTP API converted from a REST API may keep REST-only parts that would otherwise outvote it.
 * Otherwise the product with more signals wins; with none, or a tie, REST (the older and the default of
 * AWS's own import-rest-api).
 */
export function detectApiType(document: JsonObject, version: OpenApiVersion): ApiTypeGuess {
  const httpSignals: string[] = [];
  const restSignals: string[] = [];
  if (version === '2.0') return { type: 'REST', httpSignals, restSignals: ['Swagger 2.0'] };
  const http = (signal: string) => {
    if (!httpSignals.includes(signal)) httpSignals.push(signal);
  };
  const rest = (signal: string) => {
    if (!restSignals.includes(signal)) restSignals.push(signal);
  };
  for (const key of ['x-amazon-apigateway-importexport-version', 'x-amazon-apigateway-cors'])
    if (own(document, key) !== undefined) http(key);
  for (const key of [
    'x-amazon-apigateway-request-validators',
    'x-amazon-apigateway-gateway-responses',
    'x-amazon-apigateway-binary-media-types',
    'x-amazon-apigateway-api-key-source',
    'x-amazon-apigateway-policy',
    'x-amazon-apigateway-documentation',
    'x-amazon-apigateway-minimum-compression-size',
  ])
    if (own(document, key) !== undefined) rest(key);
  const components = ownObject(document, 'components');
  if (components && own(components, 'x-amazon-apigateway-integrations') !== undefined) http('x-amazon-apigateway-integrations');
  const tags = own(document, 'tags');
  if (Array.isArray(tags) && tags.some((tag) => isJsonObject(tag) && own(tag, 'x-amazon-apigateway-tag-value') !== undefined))
    http('x-amazon-apigateway-tag-value');
  const schemes = components ? ownObject(components, 'securitySchemes') : undefined;
  for (const scheme of Object.values(schemes ?? {})) {
    if (!isJsonObject(scheme)) continue;
    const authorizer = ownObject(scheme, 'x-amazon-apigateway-authorizer');
    const type = authorizer ? ownString(authorizer, 'type')?.toLowerCase() : undefined;
    if (authorizer && type === 'jwt') {
      if (isRestJwt(authorizer)) rest('a REST API JWT authorizer (a list of issuers, or a method.request identity source)');
      else http('a JWT authorizer');
    }
    if (
      authorizer &&
      (own(authorizer, 'authorizerPayloadFormatVersion') !== undefined || own(authorizer, 'enableSimpleResponses') !== undefined)
    )
      http('a Lambda authorizer with a payload format version');
    if (type === 'cognito_user_pools') rest('a Cognito user pool authorizer');
    if (type === 'token') rest('a Lambda TOKEN authorizer');
  }
  const paths = ownObject(document, 'paths');
  for (const [path, item] of Object.entries(paths ?? {})) {
    if (path === '$default' || path === '/$default') http('a $default route');
    if (!isJsonObject(item)) continue;
    for (const key of operationKeys) {
      const operation = ownObject(item, key);
      if (!operation) continue;
      if (own(operation, 'isDefaultRoute') === true) http('a $default route');
      const integration = ownObject(operation, 'x-amazon-apigateway-integration');
      if (!integration) continue;
      if (own(integration, 'payloadFormatVersion') !== undefined) http('payloadFormatVersion');
      if (own(integration, 'integrationSubtype') !== undefined) http('integrationSubtype');
      const type = ownString(integration, 'type')?.toLowerCase();
      if (type === 'mock') rest('a mock integration');
      if (type === 'aws' || type === 'http') rest(`an integration of type ${type}`);
      if (own(integration, 'requestTemplates') !== undefined) rest('a mapping template');
      if (own(integration, 'responses') !== undefined) rest('integration responses');
    }
  }
  const marked = httpSignals.includes('x-amazon-apigateway-importexport-version');
  return { type: marked || httpSignals.length > restSignals.length ? 'HTTP' : 'REST', httpSignals, restSignals };
}

/**
 * A JWT authorizer as REST APIs write it: `jwtConfiguration.issuers` (CloudFormation's `Issuers`), or the
 * token read from `method.request.header.…`. HTTP APIs write one `issuer` and `$request.header.…`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer-create.html
 */
function isRestJwt(authorizer: JsonObject): boolean {
  const configuration = ownObject(authorizer, 'jwtConfiguration');
  if (configuration && Array.isArray(own(configuration, 'issuers'))) return true;
  return identitySourceText(authorizer).includes('method.request.');
}

/** What an HTTP API's JWT authorizer (one issuer, no claims) cannot hold of a REST API's, if anything. */
function restJwtBeyondHttp(authorizer: JsonObject): string | undefined {
  const configuration = ownObject(authorizer, 'jwtConfiguration');
  const issuers = configuration ? own(configuration, 'issuers') : undefined;
  if (!Array.isArray(issuers)) return undefined;
  if (issuers.length > 1) return `it trusts ${issuers.length} issuers (an HTTP API's trusts one)`;
  if (
    issuers.some(
      (issuer) =>
        isJsonObject(issuer) &&
        Array.isArray(own(issuer, 'additionalClaims')) &&
        (own(issuer, 'additionalClaims') as JsonValue[]).length > 0,
    )
  )
    return 'it checks additional claims (HTTP APIs do not)';
  return undefined;
}

export interface ApiTypeAssessment {
  /** The type that loses least (see `assessApiType`), or undefined when the document is ambiguous. */
  type: 'REST' | 'HTTP' | undefined;
  /** What reading the document as each type would lose. */
  losses: ApiTypeLosses;
  httpSignals: string[];
  restSignals: string[];
}

function operationLabel(key: string, path: string): string {
  return `${key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()} ${path}`;
}

/** The security schemes wherever documents put them: OpenAPI 3's `components`, Swagger's (and some OpenAPI 3 documents') root `securityDefinitions`. */
function securitySchemes(document: JsonObject): [string, JsonObject, string][] {
  const found: [string, JsonObject, string][] = [];
  const components = ownObject(document, 'components');
  const places: [JsonObject | undefined, string][] = [
    [components ? ownObject(components, 'securitySchemes') : undefined, 'components.securitySchemes'],
    [ownObject(document, 'securityDefinitions'), 'securityDefinitions'],
  ];
  for (const [schemes, where] of places)
    for (const [name, scheme] of Object.entries(schemes ?? {})) if (isJsonObject(scheme)) found.push([name, scheme, at(where, name)]);
  return found;
}

/** A plain `apiKey` scheme: the API key requirement of usage plans (REST only). */
function isApiKeyScheme(scheme: JsonObject): boolean {
  if (own(scheme, 'x-amazon-apigateway-authorizer') !== undefined) return false;
  if (ownString(scheme, 'x-amazon-apigateway-authtype')?.toLowerCase().startsWith('aws')) return false;
  return ownString(scheme, 'type') === 'apiKey';
}

/** Parameter mappings written the REST way (`integration.request.header.x`) or the HTTP API way (`overwrite:header.x`). */
function mappingStyle(integration: JsonObject): { rest: boolean; http: boolean } {
  const mappings = ownObject(integration, 'requestParameters') ?? {};
  const keys = Object.keys(mappings);
  return {
    rest: keys.some((key) => key.startsWith('integration.request.')),
    http: keys.some((key) => /^(?:append|overwrite|remove):/.test(key)),
  };
}

function identitySourceText(authorizer: JsonObject): string {
  const value = own(authorizer, 'identitySource');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(', ');
  return '';
}

/**
 * What reading a document as a REST API and as an HTTP API would lose, part by part. A part is
 * `dropped` when that type cannot hold it: an operation, an integration, an authorizer or an operation's
 * protection, validation or parameter mappings that API Gateway would refuse or that would stop working
 * (Lambda functions written for the other payload format). It is `ignored` when it is an API-level
 * setting the type does not have: kept in the design and written back, without effect there (the
 * rules say so), as an API converted from the other type keeps them.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
 */
export function apiTypeLosses(document: JsonObject, version: OpenApiVersion): ApiTypeLosses {
  const losses: ApiTypeLosses = { REST: [], HTTP: [] };
  // Swagger 2.0 is REST only (HTTP APIs import OpenAPI 3.0), so there is nothing to weigh.
  if (version === '2.0') return losses;
  const lose = (type: 'REST' | 'HTTP', effect: ApiTypeLoss['effect'], message: string, path?: string) => {
    if (losses[type].some((loss) => loss.message === message)) return;
    losses[type].push(path === undefined ? { message, effect } : { message, path, effect });
  };

  // The API itself.
  if (own(document, 'x-amazon-apigateway-cors') !== undefined)
    lose(
      'REST',
      'ignored',
      'the CORS configuration (x-amazon-apigateway-cors; REST APIs answer CORS with OPTIONS methods)',
      'x-amazon-apigateway-cors',
    );
  const tags = own(document, 'tags');
  if (Array.isArray(tags) && tags.some((tag) => isJsonObject(tag) && own(tag, 'x-amazon-apigateway-tag-value') !== undefined))
    lose(
      'REST',
      'ignored',
      'the AWS tags written with x-amazon-apigateway-tag-value (REST APIs take their tags outside the document)',
      'tags',
    );
  // API-level settings an HTTP API does not have: kept in the design, without effect there (the rules
  // flag them). An HTTP API converted from a REST API keeps them, so they do not decide the type.
  const restOnlyRoot: [string, string][] = [
    ['x-amazon-apigateway-policy', 'the resource policy (HTTP APIs have none: callers it kept out could call the API)'],
    ['x-amazon-apigateway-gateway-responses', "the gateway responses (HTTP APIs do not customize API Gateway's own error responses)"],
    ['x-amazon-apigateway-request-validator', 'the request validation of every method (HTTP APIs do not validate requests)'],
    ['x-amazon-apigateway-request-validators', 'the request validators (HTTP APIs do not validate requests)'],
    ['x-amazon-apigateway-binary-media-types', 'the binary media types (HTTP APIs pass binary bodies as they are)'],
    ['x-amazon-apigateway-api-key-source', 'the API key source (HTTP APIs have no API keys)'],
    ['x-amazon-apigateway-documentation', 'the documentation parts (HTTP APIs have none)'],
    ['x-amazon-apigateway-minimum-compression-size', 'the minimum compression size (HTTP APIs do not compress responses)'],
  ];
  for (const [key, message] of restOnlyRoot) if (own(document, key) !== undefined) lose('HTTP', 'ignored', message, key);
  const endpointConfigurations: [JsonValue | undefined, string][] = [
    [own(document, 'x-amazon-apigateway-endpoint-configuration'), 'x-amazon-apigateway-endpoint-configuration'],
  ];
  const servers = own(document, 'servers');
  if (Array.isArray(servers))
    servers.forEach((server, index) => {
      if (isJsonObject(server))
        endpointConfigurations.push([
          own(server, 'x-amazon-apigateway-endpoint-configuration'),
          at('servers', index, 'x-amazon-apigateway-endpoint-configuration'),
        ]);
    });
  for (const [configuration, where] of endpointConfigurations) {
    const ids = isJsonObject(configuration) ? own(configuration, 'vpcEndpointIds') : undefined;
    if (Array.isArray(ids) ? ids.length > 0 : ids !== undefined)
      lose('HTTP', 'ignored', 'the private endpoint (VPC endpoint ids; HTTP APIs have public endpoints only)', where);
  }

  // Authorizers.
  const schemes = new Map<string, JsonObject>();
  for (const [name, scheme, where] of securitySchemes(document)) {
    schemes.set(name, scheme);
    const authorizer = ownObject(scheme, 'x-amazon-apigateway-authorizer');
    if (!authorizer) continue;
    const type = ownString(authorizer, 'type')?.toLowerCase();
    const identity = identitySourceText(authorizer);
    const payload = own(authorizer, 'authorizerPayloadFormatVersion');
    const lambda = type === 'request' || type === 'token';
    // One reason per authorizer and type: the first that applies.
    const asRest = [
      type === 'jwt' &&
        !isRestJwt(authorizer) &&
        payload !== undefined &&
        `the JWT authorizer "${name}", an HTTP API authorizer (payload format ${String(payload)})`,
      lambda &&
        own(authorizer, 'enableSimpleResponses') === true &&
        `the Lambda authorizer "${name}", whose function answers with simple responses (REST authorizers must return an IAM policy)`,
      lambda &&
        (payload === '2.0' || payload === 2) &&
        `the Lambda authorizer "${name}", whose function reads payload format 2.0 (REST APIs send 1.0)`,
      // REQUEST authorizers exist in both types, written differently (the other kinds are decided by
      // kind). An HTTP API's always names its payload format version (required when it is created
      // outside the console: DG http-api-lambda-authorizer.html), a REST API's never does; together with
      // an identity source in the other type's syntax, that is an authorizer the type could not create.
      type === 'request' &&
        payload !== undefined &&
        /\$(?:request|context|stageVariables)\./.test(identity) &&
        `the Lambda authorizer "${name}", an HTTP API authorizer (payload format ${String(payload)}, identity source ${identity})`,
    ].find(Boolean);
    const asHttp = [
      type === 'cognito_user_pools' && `the Cognito user pool authorizer "${name}" (HTTP APIs check Cognito tokens with JWT authorizers)`,
      type === 'jwt' && restJwtBeyondHttp(authorizer) && `the JWT authorizer "${name}": ${restJwtBeyondHttp(authorizer)}`,
      type === 'token' && `the Lambda TOKEN authorizer "${name}" (HTTP APIs have REQUEST Lambda authorizers only)`,
      type === 'request' &&
        payload === undefined &&
        identity.includes('method.request.') &&
        `the Lambda authorizer "${name}", a REST API authorizer (no payload format version, identity source ${identity})`,
    ].find(Boolean);
    if (asRest) lose('REST', 'dropped', asRest, where);
    if (asHttp) lose('HTTP', 'dropped', asHttp, where);
  }

  // Operations and their integrations.
  const components = ownObject(document, 'components');
  const reusable = components ? ownObject(components, 'x-amazon-apigateway-integrations') : undefined;
  const usedReusable = new Set<string>();
  const requiredKeys = new Set<string>();
  const paths = ownObject(document, 'paths');
  for (const [path, item] of Object.entries(paths ?? {})) {
    if (!isJsonObject(item)) continue;
    for (const key of operationKeys) {
      const operation = ownObject(item, key);
      if (!operation) continue;
      const label = operationLabel(key, path);
      const where = at('paths', path, key);
      if (path === '$default' || path === '/$default' || own(operation, 'isDefaultRoute') === true)
        lose('REST', 'dropped', `the $default route ${label} (REST APIs have no catch-all route)`, where);
      if (own(operation, 'x-amazon-apigateway-request-validator') !== undefined)
        lose('HTTP', 'dropped', `the request validation of ${label} (HTTP APIs do not validate requests)`, where);
      const security = own(operation, 'security');
      if (Array.isArray(security))
        for (const requirement of security)
          if (isJsonObject(requirement))
            for (const name of Object.keys(requirement)) {
              const scheme = schemes.get(name);
              if (!scheme || !isApiKeyScheme(scheme)) continue;
              requiredKeys.add(name);
              lose('HTTP', 'dropped', `the API key requirement of ${label} (HTTP APIs have no API keys)`, at(where, 'security'));
            }
      const written = own(operation, 'x-amazon-apigateway-integration');
      if (!isJsonObject(written)) continue;
      const integrationWhere = at(where, 'x-amazon-apigateway-integration');
      const ref = ownString(written, '$ref');
      if (ref !== undefined) {
        const name = ref.startsWith('#/components/x-amazon-apigateway-integrations/') ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
        if (name !== undefined) usedReusable.add(name);
        lose('REST', 'dropped', `the integration of ${label} (a reusable integration, which REST APIs do not have)`, integrationWhere);
        continue;
      }
      const type = ownString(written, 'type')?.toLowerCase();
      if (type === 'mock')
        lose('HTTP', 'dropped', `the mock integration of ${label} (HTTP APIs have no mock integrations)`, integrationWhere);
      if (type === 'aws')
        lose(
          'HTTP',
          'dropped',
          `the aws integration of ${label} (HTTP APIs call AWS services only through Lambda proxy and first-class integrations)`,
          integrationWhere,
        );
      if (type === 'http')
        lose(
          'HTTP',
          'dropped',
          `the http integration of ${label}, with its mappings (HTTP APIs proxy HTTP requests only)`,
          integrationWhere,
        );
      const subtype = ownString(written, 'integrationSubtype');
      if (subtype !== undefined)
        lose('REST', 'dropped', `the ${subtype} integration of ${label} (REST APIs have no first-class integrations)`, integrationWhere);
      const payload = own(written, 'payloadFormatVersion');
      if (payload === '2.0' || payload === 2)
        lose(
          'REST',
          'dropped',
          `the integration of ${label}, whose function reads payload format 2.0 (REST APIs send 1.0)`,
          integrationWhere,
        );
      const style = mappingStyle(written);
      // A non-proxy integration's mappings are lost with it (listed above).
      if (style.rest && type !== 'aws' && type !== 'http')
        lose('HTTP', 'dropped', `the parameter mappings of ${label}, written for REST APIs (integration.request.…)`, integrationWhere);
      if (style.http) lose('REST', 'dropped', `the parameter mappings of ${label}, written for HTTP APIs (overwrite:…)`, integrationWhere);
      // An HTTP API maps response parameters per status code on the integration; a REST API in each integration response.
      if (isJsonObject(own(written, 'responseParameters')))
        lose('REST', 'dropped', `the response parameter mappings of ${label}, written for HTTP APIs (per status code)`, integrationWhere);
      const cacheKeys = own(written, 'cacheKeyParameters');
      if (Array.isArray(cacheKeys) && cacheKeys.length > 0)
        lose('HTTP', 'ignored', `the cache key parameters of ${label} (HTTP APIs do not cache)`, integrationWhere);
    }
  }
  for (const name of Object.keys(reusable ?? {}))
    if (!usedReusable.has(name))
      lose(
        'REST',
        'ignored',
        `the reusable integration "${name}" (REST APIs have no reusable integrations)`,
        at('components', 'x-amazon-apigateway-integrations', name),
      );
  for (const [name, scheme] of schemes)
    if (isApiKeyScheme(scheme) && !requiredKeys.has(name))
      lose('HTTP', 'ignored', `the API key scheme "${name}" (HTTP APIs have no API keys)`);
  return losses;
}

/**
 * Which type to read a document as, so that nothing is lost: when only one type drops something, the
 * other. When both do, the document is ambiguous (`type` undefined) and the user chooses, seeing what
 * each would lose. When neither does, its extensions decide as `detectApiType` reads them; they
 * conflict (ambiguous again) when both products' extensions are there and no
 * `x-amazon-apigateway-importexport-version` says the document is an HTTP API export.
 */
export function assessApiType(document: JsonObject, version: OpenApiVersion): ApiTypeAssessment {
  const guess = detectApiType(document, version);
  const { httpSignals, restSignals } = guess;
  const losses = apiTypeLosses(document, version);
  const result = (type: 'REST' | 'HTTP' | undefined): ApiTypeAssessment => ({ type, losses, httpSignals, restSignals });
  if (version === '2.0') return result('REST');
  const drops = (type: 'REST' | 'HTTP') => losses[type].some((loss) => loss.effect === 'dropped');
  const rest = drops('REST');
  const http = drops('HTTP');
  if (rest && http) return result(undefined);
  if (rest) return result('HTTP');
  if (http) return result('REST');
  const marked = httpSignals.includes('x-amazon-apigateway-importexport-version');
  if (httpSignals.length > 0 && restSignals.length > 0 && !marked) return result(undefined);
  return result(guess.type);
}
