import { isJsonObject, type JsonObject } from '../model';
import { own, ownObject, ownString } from './json-access';
import type { OpenApiVersion } from './types';

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
 *   a `jwt` authorizer or a Lambda authorizer with `authorizerPayloadFormatVersion`/`enableSimpleResponses`.
 * - REST-only: request validators, gateway responses, binary media types, API key source, resource
 *   policy, documentation parts, minimum compression size, mock integrations, non-proxy (`aws`/`http`)
 *   integrations, mapping templates, integration responses, Cognito and TOKEN authorizers.
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
    if (type === 'jwt') http('a JWT authorizer');
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
