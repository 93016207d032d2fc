import {
  type AuthorizerId,
  asId,
  type Extensions,
  type HttpMethod,
  type IntegrationBinding,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type Method,
  type MethodResponse,
  type OperationDoc,
  pathParameterName,
  pathPartProblem,
  placeholdersIn,
  type RequestValidatorId,
  type ResourceId,
  type Route,
  routeKeyProblem,
} from '../model';
import { authKey } from './extensions/authorizer';
import { type ImportedIntegration, integrationKey, readIntegration } from './extensions/integration';
import { internalKey } from './extensions/internal';
import { requestValidatorKey } from './extensions/request-validators';
import { readSecurity } from './extensions/security';
import { addAuthorizer, addMethod, addResource, addRoute, type ImportState, reusableIntegrationsKey, targetFor } from './import-state';
import { canonicalJson, cloneJson, isExtensionKey, own, ownString, setOwn, stringList } from './json-access';
import { at } from './notes';
import { readOas3Parameter, readOas3RequestBody, readOas3Responses } from './oas3-operation';
import { dropField, mergedParameters } from './operation-context';
import { dereference, isRef } from './resolve-refs';
import { takeGeneratedCors } from './rest-cors';
import { readSwagger2Parameters, readSwagger2Responses } from './swagger2-operation';

const anyMethodKey = 'x-amazon-apigateway-any-method';
const verbs: Record<string, HttpMethod> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  [anyMethodKey]: 'ANY',
};

/** An operation read but not yet given its id: ids are handed out in a canonical order once all paths are read. */
interface PendingOperation {
  /** Resource creation index (REST) or first appearance of the path (HTTP), then document order. */
  group: number;
  order: number;
  owner: OwnerFields;
  target: { integration: ImportedIntegration; reusableName?: string } | undefined;
  /** The written `x-amazon-apigateway-auth` value this operation's IAM authorizer stands for. */
  iam: JsonValue | undefined;
  place: { kind: 'method'; resourceId: ResourceId; verb: HttpMethod; path: string } | { kind: 'route'; routeKey: string };
}

interface OwnerFields extends OperationDoc {
  id: string;
  authorizerId?: AuthorizerId;
  authorizationScopes: string[];
  apiKeyRequired: boolean;
  requestValidatorId?: RequestValidatorId;
  integration?: IntegrationBinding;
  extensions?: Extensions;
}

/** The path as API Gateway would take it, or undefined (with a note) when it cannot be a resource or route. */
function normalisePath(state: ImportState, raw: string, where: string): string | undefined {
  if (raw === '$default' || raw === '/$default') {
    if (state.apiType === 'HTTP') return '$default';
    state.notes.add('The $default route exists only in HTTP APIs; it was left out of this REST API.', where, 'error');
    return undefined;
  }
  let path = raw;
  if (!path.startsWith('/')) {
    path = `/${path}`;
    state.notes.add(`The path "${raw}" does not start with "/"; it was read as "${path}".`, where);
  }
  if (path.length > 1 && path.endsWith('/')) {
    const trimmed = path.replace(/\/+$/, '') || '/';
    state.notes.add(`The path "${raw}" ends with "/"; API Gateway paths do not, so it was read as "${trimmed}".`, where);
    path = trimmed;
  }
  return path;
}

/** The REST resource for a path, creating the missing ones along it; undefined (with a note) when a part is not allowed. */
function resourceFor(state: ImportState, rootId: ResourceId, path: string, where: string): ResourceId | undefined {
  if (path === '/') return rootId;
  const known = state.resourceByPath.get(path);
  if (known !== undefined) return known;
  const parts = path.slice(1).split('/');
  for (const [index, part] of parts.entries()) {
    const problem = pathPartProblem(part);
    if (problem) {
      state.notes.add(`The path "${path}" was left out: ${problem}`, where, 'error');
      return undefined;
    }
    if (part.endsWith('+}') && index !== parts.length - 1) {
      state.notes.add(`The path "${path}" was left out: a greedy path variable such as {proxy+} must be its last part.`, where, 'error');
      return undefined;
    }
  }
  // API Gateway maps each variable to one method request parameter (method.request.path.id): a path that
  // names one twice cannot be told apart. Kept as written, with a note.
  const names = parts.map(pathParameterName).filter((name): name is string => name !== undefined);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined)
    state.notes.add(
      `The path "${path}" names the path parameter "${repeated}" more than once; API Gateway needs a distinct name for each: rename one.`,
      where,
    );
  let parentId = rootId;
  let current = '';
  for (const part of parts) {
    current += `/${part}`;
    const key = `${parentId}/${part}`;
    let id = state.resourceByKey.get(key);
    if (id === undefined) {
      id = asId('Resource', state.ids.take('Resource', current));
      addResource(state, { id, parentId, pathPart: part });
      state.resourceIndex.set(id, state.resourceIndex.size);
      state.resourceByKey.set(key, id);
    }
    parentId = id;
  }
  state.resourceByPath.set(path, parentId);
  return parentId;
}

/** The integration of an operation, or the reason it is kept as written in the operation's extensions. */
function readOperationIntegration(
  state: ImportState,
  operation: JsonObject,
  pending: Pick<PendingOperation, 'target'>,
  extensions: Extensions,
  where: string,
): void {
  const written = own(operation, integrationKey);
  if (written === undefined) return;
  let raw: JsonValue | undefined = written;
  let reusableName: string | undefined;
  if (isRef(written)) {
    const prefix = `#/components/${reusableIntegrationsKey}/`;
    if (state.apiType === 'HTTP' && written.$ref.startsWith(prefix)) {
      reusableName = written.$ref.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
      raw = state.reusableIntegrations.get(reusableName);
      if (raw === undefined)
        state.notes.add(`The integration reference "${written.$ref}" points at no reusable integration; it was kept as written.`, where);
    } else {
      raw = dereference(state.document, written, state.notes, at(where, integrationKey));
    }
  }
  if (!isJsonObject(raw)) {
    if (raw !== undefined) state.notes.add(`${integrationKey} is not an object; it was kept as written.`, where);
    setOwn(extensions, integrationKey, cloneJson(written));
    return;
  }
  const read = readIntegration(raw, state.apiType, state.targetCache);
  if (!read.ok) {
    state.notes.add(`The integration was kept as written because ${read.reason}.`, at(where, integrationKey));
    setOwn(extensions, integrationKey, cloneJson(written));
    return;
  }
  for (const note of read.integration.notes) state.notes.add(note, at(where, integrationKey));
  if (reusableName !== undefined) state.usedReusableIntegrations.add(reusableName);
  pending.target = reusableName === undefined ? { integration: read.integration } : { integration: read.integration, reusableName };
}

/** `x-amazon-apigateway-auth`: `AWS_IAM` becomes an IAM authorizer that is written back the same way; `NONE` stays as written. */
function readOperationAuth(
  state: ImportState,
  value: JsonValue,
  owner: OwnerFields,
  pending: Pick<PendingOperation, 'iam'>,
  extensions: Extensions,
  where: string,
): void {
  const type = isJsonObject(value) ? ownString(value, 'type') : undefined;
  if (type?.toUpperCase() !== 'AWS_IAM' || owner.authorizerId !== undefined) {
    if (type?.toUpperCase() === 'AWS_IAM')
      state.notes.add(`${authKey} is ignored here: the operation's "security" already names an authorizer.`, where);
    setOwn(extensions, authKey, cloneJson(value));
    return;
  }
  pending.iam = value;
}

/** The IAM authorizer standing for operations that write `x-amazon-apigateway-auth: {type: AWS_IAM}` this way. */
function iamAuthorizerFor(state: ImportState, value: JsonValue): AuthorizerId {
  const identity = canonicalJson(value);
  let id = state.iamByAuthValue.get(identity);
  if (id === undefined) {
    let name = 'AWS_IAM';
    const taken = new Set(Object.values(state.design.authorizers).map((authorizer) => authorizer.name));
    for (let suffix = 2; taken.has(name) || state.schemes.has(name); suffix += 1) name = `AWS_IAM${suffix}`;
    id = asId('Authorizer', state.ids.take('Authorizer', name));
    addAuthorizer(state, { id, name, kind: 'IAM', providerArns: [], jwtAudience: [], extensions: { [authKey]: cloneJson(value) } });
    state.iamByAuthValue.set(identity, id);
  }
  return id;
}

/** Operation fields read into the operation's documentation and authorization. */
const readFields = new Set([
  'operationId',
  'summary',
  'description',
  'tags',
  'deprecated',
  'parameters',
  'requestBody',
  'responses',
  'security',
  'consumes',
  'produces',
]);

function readOperation(
  state: ImportState,
  operation: JsonObject,
  pathParameters: JsonValue | undefined,
  where: string,
): Pick<PendingOperation, 'owner' | 'target' | 'iam'> {
  const read = state.read;
  const pending: Pick<PendingOperation, 'target' | 'iam'> = { target: undefined, iam: undefined };
  // `id` first, so that saved designs read well; it is set once all paths are read.
  const owner: OwnerFields = { id: '', tags: [], parameters: [], responses: [], authorizationScopes: [], apiKeyRequired: false };
  const operationId = own(operation, 'operationId');
  if (typeof operationId === 'string') owner.operationName = operationId;
  const summary = own(operation, 'summary');
  if (typeof summary === 'string') owner.summary = summary;
  const description = own(operation, 'description');
  if (typeof description === 'string') owner.description = description;
  const tags = stringList(own(operation, 'tags'));
  if (tags) owner.tags = tags;
  if (own(operation, 'deprecated') === true) owner.deprecated = true;
  const parameters = mergedParameters(pathParameters, own(operation, 'parameters'), read, where);
  if (state.version === '3.0') {
    parameters.forEach((parameter, index) => {
      const result = readOas3Parameter(parameter, read, at(where, 'parameters', index));
      if (result) owner.parameters.push(result);
    });
    const body = own(operation, 'requestBody');
    if (body !== undefined) {
      const requestBody = readOas3RequestBody(body, read, at(where, 'requestBody'));
      if (requestBody) owner.requestBody = requestBody;
    }
    owner.responses = readOas3Responses(own(operation, 'responses'), read, where);
  } else {
    const consumes = stringList(own(operation, 'consumes')) ?? stringList(own(state.document, 'consumes')) ?? ['application/json'];
    const produces = stringList(own(operation, 'produces')) ?? stringList(own(state.document, 'produces')) ?? ['application/json'];
    const result = readSwagger2Parameters(parameters, consumes, read, where);
    owner.parameters = result.parameters;
    if (result.requestBody) owner.requestBody = result.requestBody;
    owner.responses = readSwagger2Responses(own(operation, 'responses'), produces, read, where);
    if (own(operation, 'consumes') !== undefined && !result.requestBody) dropField(read, 'operation "consumes" without a body');
    if (own(operation, 'produces') !== undefined && owner.responses.every((response) => Object.keys(response.content).length === 0))
      dropField(read, 'operation "produces" without a response schema');
  }
  // An operation that states its authorization with x-amazon-apigateway-auth takes none from the document.
  const ownSecurity = own(operation, 'security');
  const security = readSecurity(ownSecurity === undefined && own(operation, authKey) !== undefined ? [] : ownSecurity, state.schemes);
  for (const note of security.notes) state.notes.add(note, at(where, 'security'), security.severities.get(note));
  if (security.authorizerId !== undefined) owner.authorizerId = security.authorizerId;
  owner.authorizationScopes = security.scopes;
  owner.apiKeyRequired = security.apiKeyRequired;

  const extensions: Extensions = {};
  for (const [key, value] of Object.entries(operation)) {
    if (readFields.has(key)) continue;
    if (key === integrationKey) readOperationIntegration(state, operation, pending, extensions, where);
    else if (key === authKey) readOperationAuth(state, value, owner, pending, extensions, where);
    else if (key === requestValidatorKey) {
      const id = typeof value === 'string' ? state.validatorIdByName.get(value) : undefined;
      if (id !== undefined) owner.requestValidatorId = id;
      else {
        state.notes.add(`${requestValidatorKey} names no request validator of this document; it was kept as written.`, where);
        setOwn(extensions, key, cloneJson(value));
      }
    } else if (key === 'isDefaultRoute' && state.apiType === 'HTTP') continue;
    else if (key === internalKey && typeof value === 'boolean') {
      if (value) owner.internal = true;
    } else if (isExtensionKey(key) || key === 'externalDocs') setOwn(extensions, key, cloneJson(value));
    else dropField(read, `operation "${key}"`);
  }
  if (Object.keys(extensions).length > 0) owner.extensions = extensions;
  // API Gateway needs a method response for every status code an integration response maps to.
  if (state.apiType === 'REST' && pending.target)
    for (const response of pending.target.integration.binding.responses)
      if (response.statusCode !== '' && !owner.responses.some((methodResponse) => methodResponse.statusCode === response.statusCode)) {
        const added: MethodResponse = { statusCode: response.statusCode, headers: {}, content: {} };
        owner.responses.push(added);
        state.notes.add(
          `A method response ${response.statusCode} was added: the integration maps responses to it, and API Gateway requires it.`,
          where,
        );
      }
  return { owner, ...pending };
}

/**
 * Declares the path parameters a path names but an operation leaves out: OpenAPI requires them, and
 * API Gateway creates them (`method.request.path.x`) either way.
 */
function declarePathParameters(state: ImportState, owner: OwnerFields, path: string): void {
  // `(?<!\$)`: a template placeholder (`${path_key}`) is not a path variable.
  for (const match of path.matchAll(/(?<!\$)\{([^}/]+?)\+?\}/g)) {
    const name = match[1] as string;
    if (owner.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) continue;
    owner.parameters.push({ in: 'path', name, required: true, schema: { type: 'string' } });
    state.addedPathParameters += 1;
  }
}

/** Resources and methods (REST) or routes (HTTP) from `paths`. */
export function importPaths(state: ImportState, rootId: ResourceId): void {
  // A REST API's CORS settings come back from the preflights an export wrote (see rest-cors.ts).
  takeGeneratedCors(state);
  const paths = own(state.document, 'paths');
  if (paths === undefined) {
    state.notes.add('The document has no "paths": the API has no resources yet.');
    return;
  }
  if (!isJsonObject(paths)) {
    state.notes.add('"paths" is not a map of paths; it was ignored.', 'paths');
    return;
  }
  const operationIds = new Set<string>();
  const pending: PendingOperation[] = [];
  const pathGroups = new Map<string, number>();
  for (const [rawPath, rawItem] of Object.entries(paths)) {
    const where = at('paths', rawPath);
    const item = dereference(state.document, rawItem, state.notes, where);
    if (!isJsonObject(item)) {
      if (item !== undefined) state.notes.add('This path is not an object; it was left out.', where, 'error');
      continue;
    }
    const path = normalisePath(state, rawPath, where);
    if (path === undefined) continue;
    const placeholders = placeholdersIn(path);
    if (placeholders.length > 0)
      state.notes.add(
        `The path "${path}" holds the template placeholder${placeholders.length === 1 ? '' : 's'} ${placeholders.map((name) => `\${${name}}`).join(', ')}: it is kept as written; substitute it before deploying (API Gateway receives the substituted path).`,
        where,
        'info',
      );
    let resourceId: ResourceId | undefined;
    if (state.apiType === 'REST') {
      resourceId = resourceFor(state, rootId, path, where);
      if (resourceId === undefined) continue;
    }
    if (!pathGroups.has(path)) pathGroups.set(path, pathGroups.size);
    const pathExtensions: Extensions = {};
    for (const [key, value] of Object.entries(item)) {
      if (Object.hasOwn(verbs, key) || key === 'parameters' || key === '$ref') continue;
      if (key === 'trace') state.notes.add('API Gateway has no TRACE methods; the trace operation was left out.', where, 'error');
      else if (isExtensionKey(key)) {
        if (state.apiType === 'REST') setOwn(pathExtensions, key, cloneJson(value));
        else state.notes.add(`The path-level field "${key}" has no place in an HTTP API's routes; it was left out.`, where);
      } else dropField(state.read, `path-level "${key}"`);
    }
    if (resourceId !== undefined && Object.keys(pathExtensions).length > 0) {
      const resource = state.design.resources[resourceId];
      if (resource) state.design.resources[resourceId] = { ...resource, extensions: { ...resource.extensions, ...pathExtensions } };
    }
    for (const [key, rawOperation] of Object.entries(item)) {
      if (!Object.hasOwn(verbs, key)) continue;
      const verb = verbs[key] as HttpMethod;
      const operationWhere = at(where, key);
      const operation = dereference(state.document, rawOperation, state.notes, operationWhere);
      if (!isJsonObject(operation)) {
        if (operation !== undefined) state.notes.add('This operation is not an object; it was left out.', operationWhere, 'error');
        continue;
      }
      const read = readOperation(state, operation, own(item, 'parameters'), operationWhere);
      const owner = read.owner;
      declarePathParameters(state, owner, path);
      if (owner.operationName !== undefined) {
        if (operationIds.has(owner.operationName))
          state.notes.add(
            `The operationId "${owner.operationName}" is used by more than one operation; generated SDKs need unique ones.`,
            operationWhere,
          );
        operationIds.add(owner.operationName);
      }
      if (state.apiType === 'REST' && resourceId !== undefined) {
        const key = `${resourceId} ${verb}`;
        if (state.operationKeys.has(key)) {
          state.notes.add(`${verb} ${path} appears twice; the second one was left out.`, operationWhere, 'error');
          continue;
        }
        state.operationKeys.add(key);
        pending.push({
          owner: read.owner,
          target: read.target,
          iam: read.iam,
          group: state.resourceIndex.get(resourceId) ?? 0,
          order: pending.length,
          place: { kind: 'method', resourceId, verb, path },
        });
      } else if (state.apiType === 'HTTP') {
        const isDefault = path === '$default' || own(operation, 'isDefaultRoute') === true;
        const routeKey = isDefault ? '$default' : `${verb} ${path}`;
        const problem = routeKeyProblem(routeKey, 'HTTP');
        if (problem) {
          state.notes.add(`The route ${routeKey} was left out: ${problem}`, operationWhere, 'error');
          continue;
        }
        if (state.operationKeys.has(routeKey)) {
          state.notes.add(`The route ${routeKey} appears twice; the second one was left out.`, operationWhere, 'error');
          continue;
        }
        state.operationKeys.add(routeKey);
        if (owner.requestValidatorId !== undefined)
          state.notes.add('HTTP APIs do not validate requests; the request validator was left out.', operationWhere);
        if (owner.apiKeyRequired)
          state.notes.add('HTTP APIs have no API keys; the API key requirement was left out.', operationWhere, 'error');
        pending.push({
          owner: read.owner,
          target: read.target,
          iam: read.iam,
          group: pathGroups.get(isDefault ? '$default' : path) ?? 0,
          order: pending.length,
          place: { kind: 'route', routeKey },
        });
      }
    }
  }
  finishOperations(state, pending);
}

/**
 * Hands out ids in a canonical order: methods by resource (in creation order), routes by path (in
 * first appearance), then as written; integration targets and IAM authorizers in the order of their
 * first use. The export writes paths in that same order, so importing an export gives the same ids.
 */
function finishOperations(state: ImportState, pending: PendingOperation[]): void {
  pending.sort((a, b) => a.group - b.group || a.order - b.order);
  for (const operation of pending) {
    // The owner and binding objects were made for this operation alone: completing them in place
    // (rather than copying) keeps big imports light on memory.
    const owner = operation.owner;
    const ownerId =
      operation.place.kind === 'method'
        ? state.ids.take('Method', `${operation.place.path} ${operation.place.verb}`)
        : state.ids.take('Route', operation.place.routeKey);
    if (operation.iam !== undefined) owner.authorizerId = iamAuthorizerFor(state, operation.iam);
    if (operation.target) {
      const binding = operation.target.integration.binding as IntegrationBinding;
      // Re-importing over a design: the backend this operation called before, when it is the same one.
      const before = state.ids.previousTargetOf(ownerId);
      binding.integrationId = targetFor(state, operation.target.integration, operation.target.reusableName, before);
      owner.integration = binding;
    }
    if (operation.place.kind === 'method') {
      const method = owner as unknown as Method;
      method.id = asId('Method', ownerId);
      method.resourceId = operation.place.resourceId;
      method.httpMethod = operation.place.verb;
      addMethod(state, method);
    } else {
      const route = owner as unknown as Route;
      if (owner.requestValidatorId !== undefined) delete owner.requestValidatorId;
      route.id = asId('Route', ownerId);
      route.routeKey = operation.place.routeKey;
      route.apiKeyRequired = false;
      addRoute(state, route);
    }
  }
}
