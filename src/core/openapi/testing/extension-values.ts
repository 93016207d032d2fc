import { isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { cloneJson, own, ownObject } from '../json-access';
import { resolvePointer } from '../resolve-refs';

/**
 * The API Gateway extension values of a document, by place, normalised for comparing an original
 * document with Portico's export of it. Only equivalences API Gateway documents are normalised:
 * 1. integration `type` and `passthroughBehavior` in any case (DG api-gateway-swagger-extensions-integration.html;
 *    AWS's REST exports write lower case, its HTTP examples upper case);
 * 2. `statusCode` as a number or as text (the field is a string; YAML reads an unquoted 200 as a number);
 * 3. `payloadFormatVersion`/`authorizerPayloadFormatVersion` 1.0 as a number or the string "1.0" (DG §1.1 "Emit a string");
 * 4. an authorizer `identitySource` as a list or as a comma-separated string (SAM writes lists; DG §3.4);
 * 5. a REST TOKEN or Cognito authorizer's identity source left out when it is the header its scheme names
 *    (in any case: header names are case-insensitive) (DG §3.1–3.2);
 * 6. absent request-validator flags, API key source, CORS lists and `allowCredentials`, endpoint
 *    configuration fields and tag values at their documented defaults (false, HEADER, empty, false, "");
 * 7. `authorizerResultTtlInSeconds` as a number or as digits (the guide's table says string, its examples numbers);
 * 8. `x-amazon-apigateway-importexport-version`, which the exporter always writes for HTTP APIs ("1.0", its only value);
 * 9. an HTTP API integration written in place or as a `$ref` to `components.x-amazon-apigateway-integrations`.
 */
export interface ExtensionValues {
  root: Record<string, JsonValue>;
  schemes: Record<string, Record<string, JsonValue>>;
  operations: Record<string, Record<string, JsonValue>>;
}

const prefix = 'x-amazon-apigateway-';
const operationKeys = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

function lowerCase(object: JsonObject, key: string): void {
  const value = own(object, key);
  if (typeof value === 'string') object[key] = value.toLowerCase();
}

function statusText(object: JsonObject): void {
  const value = own(object, 'statusCode');
  if (typeof value === 'number') object.statusCode = String(value);
}

function versionText(object: JsonObject, key: string): void {
  const value = own(object, key);
  if (typeof value === 'number') object[key] = Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function normaliseIntegration(value: JsonValue, document: JsonObject): JsonValue {
  let integration = value;
  if (isJsonObject(integration) && typeof own(integration, '$ref') === 'string')
    integration = resolvePointer(document, own(integration, '$ref') as string) ?? integration;
  if (!isJsonObject(integration)) return integration;
  const copy = cloneJson(integration);
  lowerCase(copy, 'type');
  lowerCase(copy, 'passthroughBehavior');
  versionText(copy, 'payloadFormatVersion');
  const responses = own(copy, 'responses');
  if (isJsonObject(responses)) for (const response of Object.values(responses)) if (isJsonObject(response)) statusText(response);
  return copy;
}

function normaliseScheme(scheme: JsonObject): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(scheme)) {
    if (!key.startsWith(prefix)) continue;
    if (key === 'x-amazon-apigateway-authorizer' && isJsonObject(value)) {
      const authorizer = cloneJson(value);
      versionText(authorizer, 'authorizerPayloadFormatVersion');
      const ttl = own(authorizer, 'authorizerResultTtlInSeconds');
      if (typeof ttl === 'string' && /^\d+$/.test(ttl)) authorizer.authorizerResultTtlInSeconds = Number(ttl);
      let source = own(authorizer, 'identitySource');
      if (Array.isArray(source)) source = source.join(',');
      if (typeof source === 'string')
        authorizer.identitySource = source
          .split(',')
          .map((part) => part.trim())
          .join(', ');
      const type = String(own(authorizer, 'type') ?? '').toLowerCase();
      // Header names are case-insensitive (RFC 9110): `authorization` is the header `Authorization` names.
      if ((type === 'token' || type === 'cognito_user_pools') && own(scheme, 'in') === 'header') {
        const implied = `method.request.header.${String(own(scheme, 'name'))}`.toLowerCase();
        if (String(authorizer.identitySource ?? '').toLowerCase() === implied) delete authorizer.identitySource;
      }
      out[key] = authorizer;
    } else out[key] = cloneJson(value);
  }
  return out;
}

function normalisePath(path: string): string {
  if (path === '$default') return '/$default';
  let result = path.startsWith('/') ? path : `/${path}`;
  if (result.length > 1) result = result.replace(/\/+$/, '') || '/';
  return result;
}

function normaliseRoot(document: JsonObject, isHttp: boolean): Record<string, JsonValue> {
  const root: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(document)) if (key.startsWith(prefix)) root[key] = cloneJson(value);
  const servers = own(document, 'servers');
  if (Array.isArray(servers))
    for (const server of servers)
      if (isJsonObject(server) && own(server, 'x-amazon-apigateway-endpoint-configuration') !== undefined)
        root['x-amazon-apigateway-endpoint-configuration'] = cloneJson(
          own(server, 'x-amazon-apigateway-endpoint-configuration') as JsonValue,
        );
  const endpoint = root['x-amazon-apigateway-endpoint-configuration'];
  if (isJsonObject(endpoint)) {
    if (own(endpoint, 'disableExecuteApiEndpoint') === false) delete endpoint.disableExecuteApiEndpoint;
    if (Array.isArray(own(endpoint, 'vpcEndpointIds')) && (own(endpoint, 'vpcEndpointIds') as JsonValue[]).length === 0)
      delete endpoint.vpcEndpointIds;
    if (Object.keys(endpoint).length === 0) delete root['x-amazon-apigateway-endpoint-configuration'];
  }
  if (root['x-amazon-apigateway-api-key-source'] === 'HEADER') delete root['x-amazon-apigateway-api-key-source'];
  if (isHttp) delete root['x-amazon-apigateway-importexport-version'];
  const validators = root['x-amazon-apigateway-request-validators'];
  if (isJsonObject(validators))
    for (const validator of Object.values(validators))
      if (isJsonObject(validator)) {
        validator.validateRequestBody = own(validator, 'validateRequestBody') ?? false;
        validator.validateRequestParameters = own(validator, 'validateRequestParameters') ?? false;
      }
  const gatewayResponses = root['x-amazon-apigateway-gateway-responses'];
  if (isJsonObject(gatewayResponses))
    for (const response of Object.values(gatewayResponses)) if (isJsonObject(response)) statusText(response);
  const cors = root['x-amazon-apigateway-cors'];
  if (isJsonObject(cors) && isHttp) {
    for (const list of ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders'])
      if (Array.isArray(own(cors, list)) && (own(cors, list) as JsonValue[]).length === 0) delete cors[list];
    if (own(cors, 'allowCredentials') === false) delete cors.allowCredentials;
  }
  const tags = own(document, 'tags');
  if (Array.isArray(tags)) {
    const values: JsonObject = {};
    for (const tag of tags)
      if (isJsonObject(tag)) {
        const value = own(tag, 'x-amazon-apigateway-tag-value');
        if (value !== undefined && value !== '') values[String(own(tag, 'name'))] = value;
      }
    if (Object.keys(values).length > 0) root['x-amazon-apigateway-tag-value'] = values;
  }
  return root;
}

export function extensionValues(document: JsonObject, apiType: 'REST' | 'HTTP' | 'WEBSOCKET'): ExtensionValues {
  const isHttp = apiType === 'HTTP';
  const schemes: Record<string, Record<string, JsonValue>> = {};
  const components = ownObject(document, 'components');
  const schemeMap = ownObject(document, 'securityDefinitions') ?? (components ? ownObject(components, 'securitySchemes') : undefined) ?? {};
  for (const [name, scheme] of Object.entries(schemeMap)) if (isJsonObject(scheme)) schemes[name] = normaliseScheme(scheme);
  const operations: Record<string, Record<string, JsonValue>> = {};
  const paths = ownObject(document, 'paths') ?? {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const verb of operationKeys) {
      const operation = ownObject(item, verb);
      if (!operation) continue;
      const values: Record<string, JsonValue> = {};
      for (const [key, value] of Object.entries(operation))
        if (key.startsWith(prefix))
          values[key] = key === 'x-amazon-apigateway-integration' ? normaliseIntegration(value, document) : cloneJson(value);
      operations[`${normalisePath(path)} ${verb}`] = values;
    }
  }
  return { root: normaliseRoot(document, isHttp), schemes, operations };
}
