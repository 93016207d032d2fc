import {
  type Authorizer,
  allResourcePaths,
  type Design,
  type IntegrationBinding,
  type IntegrationTarget,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type Method,
  type Model,
  type ModelId,
  type OperationDoc,
  type Parameter,
  parseHttpRouteKey,
  type RequestValidator,
  type Resource,
  type ResourceId,
  type Route,
  valuesOf,
} from '../model';
import { gatewayResponsesWithCors } from '../model/cors-headers';
import { apiKeySchemeName, apiKeyScheme as apiKeySchemeObject, authKey, writeSecurityScheme } from './extensions/authorizer';
import { corsKey, writeCors } from './extensions/cors';
import { endpointConfigurationKey, writeEndpointConfiguration } from './extensions/endpoint-configuration';
import { gatewayResponsesKey, writeGatewayResponses } from './extensions/gateway-responses';
import { integrationKey, writeIntegration } from './extensions/integration';
import { noteCreatedRoles } from './extensions/integration-role';
import { internalKey } from './extensions/internal';
import { requestValidatorKey, requestValidatorsKey, writeRequestValidators } from './extensions/request-validators';
import { importExportVersionKey, writeRootSettings } from './extensions/root-settings';
import { writeSecurity } from './extensions/security';
import { writeHttpApiTags } from './extensions/tags';
import { reusableIntegrationsKey } from './import-state';
import { cloneJson, isExtensionKey, pointerOfKey, sameJson, setOwn } from './json-access';
import { writeOas3OperationDoc } from './oas3-operation';
import type { WriteContext } from './operation-context';
import { toPublicProfile } from './public-profile';
import { dropDanglingRefs } from './resolve-refs';
import { addRestPreflights } from './rest-cors';
import { exportSchema } from './schema-dialect';
import { writeSwagger2OperationDoc } from './swagger2-operation';
import type { ExportOptions, ExportResult } from './types';

const anyMethodKey = 'x-amazon-apigateway-any-method';

/** Root keys the exporter writes itself; a kept extension of the same name never replaces them. */
const reservedRootKeys = new Set([
  'openapi',
  'swagger',
  'info',
  'servers',
  'host',
  'basePath',
  'schemes',
  'paths',
  'components',
  'definitions',
  'securityDefinitions',
  'consumes',
  'produces',
]);
/** Root fields both versions share, written where OpenAPI puts them. */
const sharedRootFields = ['tags', 'security', 'externalDocs'];

interface ExportContext extends WriteContext {
  design: Design;
  apiType: 'REST' | 'HTTP';
  /** The API key scheme's name: `api_key`, unless an authorizer already has that name. */
  apiKeyScheme: string;
  /** HTTP APIs: the binding each reusable integration is written with, by target id. */
  reusable: Map<string, { name: string; binding: Omit<IntegrationBinding, 'integrationId'> }>;
}

function verbKey(verb: string): string {
  return verb === 'ANY' ? anyMethodKey : verb.toLowerCase();
}

function bindingWithoutId(binding: IntegrationBinding): Omit<IntegrationBinding, 'integrationId'> {
  const { integrationId: _id, ...rest } = binding;
  return rest;
}

/**
 * The operation's documentation with its path parameters matching its path, as OpenAPI requires ("each
 * template expression in the path MUST correspond to a path parameter", and a path parameter's name
 * "MUST correspond to a template expression occurring within the path"):
 * - every `{name}` of the path is declared (API Gateway's importer refuses some documents without it;
 *   Portico's importer declares them the same way, so a round trip is stable);
 * - a path parameter the path does not name (left by moving a method or renaming its resource) is left
 *   out with a note: no request can carry it, and it stays in the design.
 */
function withPathParameters(doc: OperationDoc, path: string, label: string, context: ExportContext): OperationDoc {
  const named = new Set<string>();
  for (const match of path.matchAll(/\{([^}/]+?)\+?\}/g)) named.add(match[1] as string);
  const kept = doc.parameters.filter((parameter) => parameter.in !== 'path' || named.has(parameter.name));
  for (const parameter of doc.parameters)
    if (!kept.includes(parameter))
      context.notes.add(
        `The path parameter "${parameter.name}" of ${label} is not part of its path; it was left out (OpenAPI requires every path parameter to name a part of the path).`,
      );
  const missing: Parameter[] = [];
  for (const name of named) {
    if (kept.some((parameter) => parameter.in === 'path' && parameter.name === name)) continue;
    missing.push({ in: 'path', name, required: true, schema: { type: 'string' } });
  }
  if (missing.length > 0)
    context.notes.add('Path parameters named by a path but not declared by its operation were declared, as OpenAPI requires.');
  if (missing.length === 0 && kept.length === doc.parameters.length) return doc;
  return { ...doc, parameters: [...kept, ...missing] };
}

/** Swagger 2.0's security requirement lists scopes as unique items; a scope written twice says nothing more. */
function withUniqueScopes(security: JsonValue[]): JsonValue[] {
  return security.map((requirement) => {
    if (!isJsonObject(requirement)) return requirement;
    const unique: JsonObject = {};
    for (const [name, scopes] of Object.entries(requirement)) setOwn(unique, name, Array.isArray(scopes) ? [...new Set(scopes)] : scopes);
    return unique;
  });
}

function writeOperation(owner: (Method | Route) & OperationDoc, path: string, context: ExportContext): JsonObject {
  const { design } = context;
  const out: JsonObject = {};
  const label = 'routeKey' in owner ? `the route "${owner.routeKey}"` : `${owner.httpMethod} ${path}`;
  const doc = withPathParameters(owner, path, label, context);
  // Swagger 2.0's operation tags are unique items; a tag written twice says nothing more.
  if (owner.tags.length > 0) out.tags = context.version === '2.0' ? [...new Set(owner.tags)] : [...owner.tags];
  if (owner.summary !== undefined) out.summary = owner.summary;
  if (owner.description !== undefined) out.description = owner.description;
  if (owner.operationName !== undefined) out.operationId = owner.operationName;
  if (context.version === '2.0') writeSwagger2OperationDoc(doc, context, out);
  else writeOas3OperationDoc(doc, context, out);
  const { security, auth } = writeSecurity(owner, design.authorizers, context.apiType, context.apiKeyScheme);
  if (security) out.security = context.version === '2.0' ? withUniqueScopes(security) : security;
  if (owner.deprecated) out.deprecated = true;
  if (owner.internal) out[internalKey] = true;
  if ('requestValidatorId' in owner && owner.requestValidatorId !== undefined) {
    const validator = design.requestValidators[owner.requestValidatorId];
    if (validator) out[requestValidatorKey] = validator.name;
  }
  if (owner.integration) {
    const target = design.integrations[owner.integration.integrationId];
    if (target) {
      const binding = bindingWithoutId(owner.integration);
      const reusable = context.reusable.get(target.id);
      out[integrationKey] =
        reusable && sameJson(reusable.binding as unknown as JsonObject, binding as unknown as JsonObject)
          ? { $ref: `#/components/${reusableIntegrationsKey}/${reusable.name.replace(/~/g, '~0').replace(/\//g, '~1')}` }
          : writeIntegration(target, binding, context.apiType);
    }
  }
  if (auth !== undefined) out[authKey] = auth;
  for (const [key, value] of Object.entries(owner.extensions ?? {}))
    if (!Object.hasOwn(out, key) && (isExtensionKey(key) || key === 'externalDocs')) setOwn(out, key, cloneJson(value));
  return out;
}

function restPaths(context: ExportContext): JsonObject {
  const { design } = context;
  const paths = allResourcePaths(design);
  const methodsByResource = new Map<ResourceId, Method[]>();
  const children = new Map<ResourceId, number>();
  for (const method of valuesOf(design.methods) as Method[]) {
    const list = methodsByResource.get(method.resourceId);
    if (list) list.push(method);
    else methodsByResource.set(method.resourceId, [method]);
  }
  for (const resource of valuesOf(design.resources) as Resource[])
    if (resource.parentId !== null) children.set(resource.parentId, (children.get(resource.parentId) ?? 0) + 1);
  const out: JsonObject = {};
  for (const resource of valuesOf(design.resources) as Resource[]) {
    const methods = methodsByResource.get(resource.id) ?? [];
    const extensions = Object.entries(resource.extensions ?? {}).filter(([key]) => isExtensionKey(key));
    const leaf = resource.parentId !== null && !children.has(resource.id);
    if (methods.length === 0 && extensions.length === 0 && !leaf) continue;
    const item: JsonObject = {};
    const path = paths.get(resource.id) ?? '/';
    for (const method of methods) setOwn(item, verbKey(method.httpMethod), writeOperation(method, path, context));
    for (const [key, value] of extensions) if (!Object.hasOwn(item, key)) setOwn(item, key, cloneJson(value));
    setOwn(out, path, item);
  }
  return out;
}

function httpPaths(context: ExportContext): JsonObject {
  const out: JsonObject = {};
  for (const route of valuesOf(context.design.routes) as Route[]) {
    const parsed = parseHttpRouteKey(route.routeKey);
    // AWS's own export writes the $default route under "/$default" (a path key must start with "/").
    const path = parsed ? parsed.path : '/$default';
    const verb = parsed ? parsed.method : 'ANY';
    const item = (Object.hasOwn(out, path) ? out[path] : undefined) as JsonObject | undefined;
    const target = item ?? {};
    const operation = writeOperation(route, path, context);
    setOwn(target, verbKey(verb), route.routeKey === '$default' ? { isDefaultRoute: true, ...operation } : operation);
    if (!item) setOwn(out, path, target);
  }
  return out;
}

/** HTTP APIs: the reusable integrations (targets imported from `components`), each with the binding of its first route. */
function reusableIntegrations(design: Design): Map<string, { name: string; binding: Omit<IntegrationBinding, 'integrationId'> }> {
  const result = new Map<string, { name: string; binding: Omit<IntegrationBinding, 'integrationId'> }>();
  if (design.api.type !== 'HTTP') return result;
  const marked = new Map<string, string>();
  for (const target of valuesOf(design.integrations) as IntegrationTarget[]) {
    const name = target.extensions?.[reusableIntegrationsKey];
    if (typeof name === 'string') marked.set(target.id, name);
  }
  if (marked.size === 0) return result;
  for (const route of valuesOf(design.routes) as Route[]) {
    const id = route.integration?.integrationId;
    if (id === undefined || result.has(id)) continue;
    const name = marked.get(id);
    if (name !== undefined && route.integration) result.set(id, { name, binding: bindingWithoutId(route.integration) });
  }
  for (const [id, name] of marked)
    if (!result.has(id))
      result.set(id, {
        name,
        binding: { proxy: true, requestParameters: {}, requestTemplates: {}, responses: [], cacheKeyParameters: [] },
      });
  return result;
}

function modelsOf(design: Design, context: ExportContext): JsonObject {
  const out: JsonObject = {};
  for (const model of valuesOf(design.models) as Model[]) {
    const schema = exportSchema(model.schema, context.version, context.notes);
    const written = isJsonObject(schema) ? schema : {};
    // API Gateway's console writes models with "$schema" (draft 4); an OpenAPI schema object may not carry it.
    if (Object.hasOwn(written, '$schema')) {
      delete written.$schema;
      context.notes.add(
        'The "$schema" of a model is not part of an OpenAPI schema; it was left out (API Gateway models are draft 4 anyway).',
      );
    }
    if (model.description !== undefined && !Object.hasOwn(written, 'description')) written.description = model.description;
    setOwn(out, model.name, written);
  }
  return out;
}

function apiKeySchemeNameFor(design: Design): string {
  const taken = new Set((valuesOf(design.authorizers) as Authorizer[]).map((authorizer) => authorizer.name));
  let name = apiKeySchemeName;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${apiKeySchemeName}_${suffix}`;
  return name;
}

function securitySchemesOf(design: Design, apiType: 'REST' | 'HTTP', apiKeyScheme: string): JsonObject {
  const out: JsonObject = {};
  for (const authorizer of valuesOf(design.authorizers) as Authorizer[]) {
    // IAM imported as the operation-level x-amazon-apigateway-auth has no scheme.
    if (authorizer.kind === 'IAM' && authorizer.extensions?.[authKey] !== undefined) continue;
    setOwn(out, authorizer.name, writeSecurityScheme(authorizer, apiType));
  }
  if (apiType === 'REST' && (valuesOf(design.methods) as Method[]).some((method) => method.apiKeyRequired))
    setOwn(out, apiKeyScheme, apiKeySchemeObject());
  return out;
}

function infoOf(design: Design): JsonObject {
  const info: JsonObject = { title: design.api.name };
  if (design.api.description !== undefined) info.description = design.api.description;
  info.version = design.api.version;
  const extra = design.api.extensions.info;
  if (isJsonObject(extra))
    for (const [key, value] of Object.entries(extra)) if (!Object.hasOwn(info, key)) setOwn(info, key, cloneJson(value));
  return info;
}

/**
 * A reference that points at nothing (a schema naming a model the design does not have: imported so,
 * or the model deleted since) cannot be exported as it is: every reader of the document would fail to
 * resolve it. It is left out, and the note names it and where it was.
 */
function noteDanglingRefs(dropped: { pointer: string; ref: string }[], notes: Set<string>): void {
  const byRef = new Map<string, string[]>();
  for (const { pointer, ref } of dropped) {
    const list = byRef.get(ref);
    if (list) list.push(pointer);
    else byRef.set(ref, [pointer]);
  }
  for (const [ref, pointers] of byRef) {
    const where = pointers.length === 1 ? pointers[0] : `${pointers[0]} and ${pointers.length - 1} more places`;
    notes.add(
      `The reference "${ref}" points at nothing in this design; it was left out at ${where} (a schema without it allows any value).`,
    );
  }
}

function buildDocument(design: Design, options: ExportOptions, stageName: string | undefined): ExportResult {
  const apiType = design.api.type as 'REST' | 'HTTP';
  const version = options.version;
  const modelNameById = new Map<ModelId, string>();
  for (const model of valuesOf(design.models) as Model[]) modelNameById.set(model.id, model.name);
  const context: ExportContext = {
    version,
    modelNameById,
    notes: new Set(),
    design,
    apiType,
    apiKeyScheme: apiKeySchemeNameFor(design),
    reusable: reusableIntegrations(design),
  };
  const document: JsonObject = version === '3.0' ? { openapi: '3.0.1' } : { swagger: '2.0' };
  document.info = infoOf(design);
  const endpoint = writeEndpointConfiguration({
    disableExecuteApiEndpoint: design.api.disableExecuteApiEndpoint,
    vpcEndpointIds: design.api.vpcEndpointIds,
    // REST APIs: not from OpenAPI (DG api-gateway-ip-address-type); writeRootSettings notes it.
    ipAddressType: apiType === 'HTTP' ? design.api.ipAddressType : undefined,
  });
  if (version === '3.0') {
    if (stageName !== undefined) {
      const server: JsonObject =
        apiType === 'HTTP' && stageName === '$default'
          ? { url: '/' }
          : { url: '/{basePath}', variables: { basePath: { default: stageName } } };
      if (endpoint) server[endpointConfigurationKey] = endpoint;
      document.servers = [server];
    } else if (endpoint) document.servers = [{ url: '/', [endpointConfigurationKey]: endpoint }];
  } else if (stageName !== undefined) {
    document.basePath = `/${stageName}`;
    document.schemes = ['https'];
  }
  document.paths = apiType === 'REST' ? restPaths(context) : httpPaths(context);
  // A REST API's CORS settings become preflight methods; callers of the public document never see them.
  if (apiType === 'REST' && options.profile !== 'public') addRestPreflights(design, document.paths, version, context.notes);
  noteCreatedRoles(design, context.notes);
  const models = modelsOf(design, context);
  const schemes = securitySchemesOf(design, apiType, context.apiKeyScheme);
  if (version === '3.0') {
    const components: JsonObject = {};
    if (Object.keys(models).length > 0) components.schemas = models;
    if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
    if (context.reusable.size > 0) {
      const integrations: JsonObject = {};
      for (const [id, { name, binding }] of context.reusable) {
        const target = design.integrations[id as keyof Design['integrations']];
        if (target) setOwn(integrations, name, writeIntegration(target, binding, apiType));
      }
      components[reusableIntegrationsKey] = integrations;
    }
    if (Object.keys(components).length > 0) document.components = components;
  } else {
    if (Object.keys(schemes).length > 0) document.securityDefinitions = schemes;
    if (Object.keys(models).length > 0) document.definitions = models;
  }
  const extensions = design.api.extensions;
  if (apiType === 'HTTP' && (Object.keys(design.api.tags).length > 0 || Array.isArray(extensions.tags)))
    document.tags = writeHttpApiTags(design.api.tags, extensions.tags);
  for (const key of sharedRootFields)
    if (!Object.hasOwn(document, key) && Object.hasOwn(extensions, key)) setOwn(document, key, cloneJson(extensions[key] ?? null));
  if (version === '2.0' && endpoint) document[endpointConfigurationKey] = endpoint;
  writeRootSettings(design.api, document, context.notes);
  const validators = valuesOf(design.requestValidators) as RequestValidator[];
  if (validators.length > 0) document[requestValidatorsKey] = writeRequestValidators(validators);
  const defaultValidator = design.api.defaultRequestValidatorId
    ? design.requestValidators[design.api.defaultRequestValidatorId]
    : undefined;
  if (defaultValidator) document[requestValidatorKey] = defaultValidator.name;
  // With CORS, a REST API's DEFAULT_4XX and DEFAULT_5XX carry the CORS headers too.
  const gatewayResponses = gatewayResponsesWithCors(design);
  if (Object.keys(gatewayResponses).length > 0) document[gatewayResponsesKey] = writeGatewayResponses(gatewayResponses);
  if (apiType === 'HTTP') {
    if (design.api.cors) document[corsKey] = writeCors(design.api.cors);
    document[importExportVersionKey] = '1.0';
  } else {
    if (Object.keys(design.api.tags).length > 0)
      context.notes.add("A REST API's AWS tags are not part of its OpenAPI; the CDK export sets them.");
  }
  // A custom domain is a resource of its own beside the API, with no OpenAPI form: nothing to write.
  if (Object.keys(design.domains).length > 0)
    context.notes.add(
      'Custom domain names, their API mappings and routing rules have no OpenAPI form (they live beside the API, not in it); they are left out here, and the CDK export creates them.',
    );
  for (const [key, value] of Object.entries(extensions)) {
    if (key === 'info' || sharedRootFields.includes(key) || reservedRootKeys.has(key) || Object.hasOwn(document, key)) continue;
    if (isExtensionKey(key)) setOwn(document, key, cloneJson(value));
    else context.notes.add(`The kept document field "${key}" is not part of OpenAPI ${version}; it was left out.`);
  }
  noteDanglingRefs(dropDanglingRefs(document), context.notes);
  return { ok: true, document, notes: [...context.notes] };
}

/** The public profile of an AWS export, with the notes of both. */
function publicExport(
  design: Design,
  built: ExportResult & { ok: true },
  version: ExportOptions['version'],
  stageName: string | undefined,
): ExportResult {
  const exported = toPublicProfile(design, built.document, version, stageName);
  return { ok: true, document: exported.document, notes: [...built.notes, ...exported.notes] };
}

/**
 * Writes a REST or HTTP API as OpenAPI 3.0 (or, REST only, Swagger 2.0) with every API Gateway
 * extension the design expresses, in the place and shape API Gateway's importer expects. With a
 * stage, the document names it the way API Gateway's own per-stage export does (3.0 `servers`, 2.0
 * `basePath`); stage variables stay `${stageVariables.x}` references either way.
 */
export function exportOpenApi(design: Design, options: ExportOptions): ExportResult {
  if (design.api.type === 'WEBSOCKET')
    return {
      ok: false,
      message: 'API Gateway has no OpenAPI import or export for WebSocket APIs; use the CDK export to deploy this API.',
    };
  if (options.version !== '3.0' && options.version !== '2.0')
    return { ok: false, message: `Unknown OpenAPI version "${String(options.version)}": use "3.0" or "2.0".` };
  if (design.api.type === 'HTTP' && options.version === '2.0')
    return {
      ok: false,
      message: 'HTTP APIs are written as OpenAPI 3.0 only: API Gateway imports HTTP APIs from OpenAPI 3.0, not Swagger 2.0.',
    };
  let stageName: string | undefined;
  if (options.stageName !== undefined) {
    const stage = valuesOf(design.stages).find((candidate) => candidate.name === options.stageName);
    if (!stage) {
      const names = design.stageOrder.map((id) => design.stages[id]?.name).filter((name) => name !== undefined);
      return {
        ok: false,
        message: `There is no stage named "${options.stageName}"${names.length > 0 ? ` (the stages are ${names.join(', ')})` : ' (the API has no stages)'}.`,
      };
    }
    stageName = stage.name;
  }
  try {
    const built = buildDocument(design, options, stageName);
    const result = built.ok && options.profile === 'public' ? publicExport(design, built, options.version, stageName) : built;
    // A name the user chose (a response header, a media type…) may become a key; "__proto__" is one that
    // every import refuses, Portico's included, so the export says so instead of writing it.
    const unsafe = result.ok ? pointerOfKey(result.document, '__proto__') : undefined;
    if (unsafe !== undefined)
      return {
        ok: false,
        message: `The export would hold the key "__proto__" (at ${unsafe}), which importers refuse as unsafe: rename it in the design.`,
      };
    return result;
  } catch (error) {
    // Designs reach the exporter through parseDesign and the operations; an exception is a bug.
    return {
      ok: false,
      message: `The export failed because of an internal error (${(error as Error)?.message ?? String(error)}); please report it.`,
    };
  }
}
