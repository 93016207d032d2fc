import {
  allResourcePaths,
  type CorsConfiguration,
  type Design,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type Method,
  type ResourceId,
  valuesOf,
} from '../model';
import {
  corsAllMethods,
  corsDefaultAllowHeaders,
  corsGatewayResponseParameters,
  corsGatewayResponseTypes,
  otherOriginsTemplate,
  quotedHeaderValue,
  restCorsHeaders,
} from '../model/cors-headers';
import { gatewayResponsesKey } from './extensions/gateway-responses';
import { integrationKey } from './extensions/integration';
import type { ImportState } from './import-state';
import { canonicalJson, cloneJson, own, ownObject, sameJson, setOwn, stringRecord } from './json-access';
import type { OpenApiVersion } from './types';

/**
 * A REST API's CORS settings in OpenAPI. API Gateway imports no CORS setting for REST APIs: a preflight
 * is an OPTIONS method whose Mock integration answers with static headers, written as the API Gateway
 * guide's "Enable CORS on a resource using the import API" and the console's export write it. So the
 * export derives one such method for every resource with methods (never stored: it follows the
 * settings), and the import reads a document whose OPTIONS methods are exactly these back as the CORS
 * settings, so that a round trip is stable; any other OPTIONS method stays a method.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/enable-cors-for-resource-using-swagger-importer-tool.html
 */

/** What the preflight's Mock integration receives: the status it should answer with. */
const mockRequestTemplate = '{"statusCode": 200}';
const jsonType = 'application/json';

interface PreflightShape {
  version: OpenApiVersion;
  /** The document has a root `security` requirement, which a preflight must not inherit (browsers send no credentials with it). */
  rootSecurity: boolean;
}

function pathParameters(path: string, version: OpenApiVersion): JsonObject[] {
  const names: string[] = [];
  for (const match of path.matchAll(/(?<!\$)\{([^}/]+?)\+?\}/g)) if (!names.includes(match[1] as string)) names.push(match[1] as string);
  return names.map(
    (name): JsonObject =>
      version === '3.0'
        ? { name, in: 'path', required: true, schema: { type: 'string' } }
        : { name, in: 'path', required: true, type: 'string' },
  );
}

/** The OPTIONS operation answering a preflight on `path`, or undefined when the settings allow no origin. */
export function preflightOperation(cors: CorsConfiguration, path: string, shape: PreflightShape): JsonObject | undefined {
  const answer = restCorsHeaders(cors);
  if (!answer) return undefined;
  const operation: JsonObject = {};
  const parameters = pathParameters(path, shape.version);
  if (parameters.length > 0) operation.parameters = parameters;
  if (shape.rootSecurity) operation.security = [];
  const headers: JsonObject = {};
  const responseParameters: JsonObject = {};
  for (const [name, value] of answer.headers) {
    setOwn(headers, name, shape.version === '3.0' ? { schema: { type: 'string' } } : { type: 'string' });
    setOwn(responseParameters, `method.response.header.${name}`, quotedHeaderValue(value));
  }
  const response: JsonObject = { description: '200 response', headers };
  if (shape.version === '3.0') response.content = {};
  operation.responses = { '200': response };
  const integrationResponse: JsonObject = { statusCode: '200', responseParameters };
  if (answer.otherOrigins.length > 0) integrationResponse.responseTemplates = { [jsonType]: otherOriginsTemplate(answer.otherOrigins) };
  operation[integrationKey] = {
    type: 'mock',
    requestTemplates: { [jsonType]: mockRequestTemplate },
    passthroughBehavior: 'when_no_match',
    responses: { default: integrationResponse },
  };
  return operation;
}

/**
 * Adds the preflight OPTIONS method to every written path whose resource has methods and no OPTIONS
 * method of its own (the design's own one answers there instead).
 */
export function addRestPreflights(design: Design, paths: JsonObject, version: OpenApiVersion, notes: Set<string>): void {
  const cors = design.api.cors;
  if (design.api.type !== 'REST' || !cors) return;
  if (cors.allowOrigins.length === 0) {
    notes.add('CORS lists no allowed origin, so no preflight (OPTIONS) methods are written.');
    return;
  }
  const withMethods = new Set<ResourceId>();
  const ownOptions = new Set<ResourceId>();
  for (const method of valuesOf(design.methods) as Method[]) {
    withMethods.add(method.resourceId);
    if (method.httpMethod === 'OPTIONS') ownOptions.add(method.resourceId);
  }
  const shape: PreflightShape = { version, rootSecurity: Object.hasOwn(design.api.extensions, 'security') };
  // Written once; each path's copy adds its path parameters (in front, where an operation has them).
  const base = preflightOperation(cors, '/', shape);
  const resourcePaths = allResourcePaths(design);
  for (const resourceId of withMethods) {
    if (ownOptions.has(resourceId)) continue;
    const path = resourcePaths.get(resourceId);
    const item = path === undefined ? undefined : ownObject(paths, path);
    if (!base || path === undefined || !item || own(item, 'options') !== undefined) continue;
    const parameters = pathParameters(path, version);
    item.options = parameters.length > 0 ? { parameters, ...cloneJson(base) } : cloneJson(base);
  }
  notes.add(
    "The CORS settings are written as a REST API's are: as OPTIONS methods with a Mock integration (one on every resource with methods that has none of its own), and as CORS headers on the DEFAULT_4XX and DEFAULT_5XX gateway responses.",
  );
  if (!cors.allowOrigins.includes('*') && cors.allowOrigins.length > 1)
    notes.add(
      'A REST API answers with one Access-Control-Allow-Origin value: the preflights echo the other allowed origins through a mapping template, the gateway responses name the first.',
    );
}

function unquoted(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : undefined;
}

function split(value: string): string[] {
  return value === '' ? [] : value.split(',');
}

/**
 * The CORS settings an OPTIONS operation would have been written from, or undefined when it has not
 * the shape of a generated preflight. Whether it is one exactly is checked by writing it again.
 */
function corsOfPreflight(operation: JsonObject): CorsConfiguration | undefined {
  const integration = ownObject(operation, integrationKey);
  const responses = integration ? ownObject(integration, 'responses') : undefined;
  const answer = responses ? ownObject(responses, 'default') : undefined;
  const parameters = answer ? stringRecord(own(answer, 'responseParameters')) : undefined;
  if (!answer || !parameters) return undefined;
  const header = (name: string) => unquoted(own(parameters, `method.response.header.${name}`));
  const origin = header('Access-Control-Allow-Origin');
  const methods = header('Access-Control-Allow-Methods');
  const allowHeaders = header('Access-Control-Allow-Headers');
  if (origin === undefined || methods === undefined || allowHeaders === undefined) return undefined;
  const template = own(ownObject(answer, 'responseTemplates') ?? {}, jsonType);
  const otherOrigins =
    typeof template === 'string' ? [...template.matchAll(/\$origin == "([^"]+)"/g)].map((match) => match[1] as string) : [];
  const maxAge = header('Access-Control-Max-Age');
  const expose = header('Access-Control-Expose-Headers');
  const cors: CorsConfiguration = {
    allowOrigins: [origin, ...otherOrigins],
    // All methods read back as `*`, as the API panel writes "every method".
    allowMethods: methods === corsAllMethods.join(',') ? ['*'] : split(methods),
    allowHeaders: allowHeaders === corsDefaultAllowHeaders.join(',') ? [] : split(allowHeaders),
    exposeHeaders: expose === undefined ? [] : split(expose),
    allowCredentials: header('Access-Control-Allow-Credentials') === 'true',
  };
  if (maxAge !== undefined && /^-?\d{1,9}$/.test(maxAge)) cors.maxAgeSeconds = Number(maxAge);
  return cors;
}

const operationKeys = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

/** The document without its generated preflights, and the CORS settings they were written from. */
export interface GeneratedCors {
  cors: CorsConfiguration;
  document: JsonObject;
  /** The paths whose OPTIONS method was a generated preflight. */
  paths: string[];
}

/**
 * Finds the preflights an export wrote: every path with methods has an OPTIONS method, those that are
 * generated preflights were all written from the same settings, and at least one is. Otherwise (a
 * path with methods but no OPTIONS, preflights of different settings) nothing is taken: these
 * settings would write what the document does not have, so its OPTIONS methods stay methods.
 */
export function findGeneratedCors(document: JsonObject, version: OpenApiVersion): GeneratedCors | undefined {
  const paths = ownObject(document, 'paths');
  if (!paths) return undefined;
  const shape: PreflightShape = { version, rootSecurity: own(document, 'security') !== undefined };
  let found: { cors: CorsConfiguration; key: string } | undefined;
  const generated: string[] = [];
  // The preflight of one set of settings differs from path to path only by its path parameters.
  const written = new Map<string, JsonObject | undefined>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    if (own(item, '$ref') !== undefined) return undefined;
    const hasMethods = operationKeys.some((key) => key !== 'options' && own(item, key) !== undefined);
    if (!hasMethods) continue;
    const options = own(item, 'options');
    if (!isJsonObject(options)) return undefined;
    const cors = corsOfPreflight(options);
    if (!cors) continue;
    const key = canonicalJson(cors as unknown as JsonObject);
    if (!written.has(key)) written.set(key, preflightOperation(cors, '/', shape));
    const expected = written.get(key);
    const { parameters, ...rest } = options;
    const declared = pathParameters(path, version);
    if (!expected || !sameJson(rest, expected) || !(declared.length === 0 ? parameters === undefined : sameJson(parameters, declared)))
      continue;
    if (found && found.key !== key) return undefined;
    found = { cors, key };
    generated.push(path);
  }
  if (!found) return undefined;
  const cleanPaths: JsonObject = {};
  for (const [path, item] of Object.entries(paths)) {
    if (generated.includes(path) && isJsonObject(item)) {
      const { options: _generated, ...rest } = item;
      setOwn(cleanPaths, path, rest);
    } else setOwn(cleanPaths, path, item);
  }
  const clean: JsonObject = {};
  for (const [key, value] of Object.entries(document))
    setOwn(clean, key, key === 'paths' ? cleanPaths : key === gatewayResponsesKey ? withoutCorsHeaders(value, found.cors) : value);
  return { cors: found.cors, document: clean, paths: generated };
}

/**
 * DEFAULT_4XX and DEFAULT_5XX without the CORS headers the export adds: taken out only when all of them
 * are there with the generated values (a response that sets its own keeps them), and a response left
 * with nothing else goes (the export adds it again).
 */
function withoutCorsHeaders(value: JsonValue, cors: CorsConfiguration): JsonValue {
  if (!isJsonObject(value)) return value;
  const generated = Object.entries(corsGatewayResponseParameters(cors));
  const result: JsonObject = {};
  for (const [type, response] of Object.entries(value)) {
    const parameters = isJsonObject(response) ? ownObject(response, 'responseParameters') : undefined;
    if (
      !corsGatewayResponseTypes.includes(type) ||
      !isJsonObject(response) ||
      !parameters ||
      generated.length === 0 ||
      !generated.every(([key, header]) => own(parameters, key) === header)
    ) {
      setOwn(result, type, response);
      continue;
    }
    const left: JsonObject = {};
    for (const [key, header] of Object.entries(parameters)) if (!generated.some(([name]) => name === key)) setOwn(left, key, header);
    const { responseParameters: _parameters, ...rest } = response;
    const kept: JsonObject = Object.keys(left).length > 0 ? { ...rest, responseParameters: left } : rest;
    if (Object.keys(kept).length > 0) setOwn(result, type, kept);
  }
  return result;
}

/**
 * The import's hook: a REST document whose OPTIONS methods are the generated preflights is read as if
 * they were not there, with the CORS settings they say. Called before the paths are read.
 */
export function takeGeneratedCors(state: ImportState): void {
  if (state.apiType !== 'REST') return;
  const found = findGeneratedCors(state.document, state.version);
  if (!found) return;
  state.document = found.document;
  state.design.api.cors = found.cors;
  state.notes.add(
    `The OPTIONS method${found.paths.length === 1 ? ' of 1 path is' : `s of ${found.paths.length} paths are`} the CORS preflight${found.paths.length === 1 ? '' : 's'} Portico writes from CORS settings: read as the API's CORS settings (the export writes ${found.paths.length === 1 ? 'it' : 'them'} again).`,
    'paths',
    'info',
  );
}
