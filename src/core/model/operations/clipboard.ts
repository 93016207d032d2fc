import type { ApiType } from '../api';
import type { Authorizer } from '../authorizer';
import type { CardId } from '../cards';
import type { Design, Position } from '../design';
import { refuse } from '../errors';
import { type AuthorizerId, createId, type IntegrationId, type MethodId, type NodeId, type ResourceId, type RouteId } from '../ids';
import type { IntegrationTarget } from '../integration';
import type { Method } from '../method';
import type { BodyContent } from '../operation-doc';
import { rootResourceId, subtreeIds } from '../paths';
import type { Resource } from '../resource';
import { parseHttpRouteKey, type Route, routeKeyProblem } from '../route';
import { authorizerKindProblem } from './authorizers';
import { integrationKindProblem } from './integrations';

/** What Copy puts on the clipboard: the selected elements with their positions. Plain data. */
export interface Clipboard {
  format: 'portico-clipboard';
  apiType: ApiType;
  resources: Resource[];
  methods: Method[];
  routes: Route[];
  authorizers: Authorizer[];
  integrations: IntegrationTarget[];
  layout: Record<string, Position>;
}

/** Copies the selected nodes; a selected resource brings its subtree and methods along. */
export function copyElements(design: Design, ids: Iterable<NodeId>): Clipboard {
  const resourceIds = new Set<ResourceId>();
  const methodIds = new Set<MethodId>();
  const clip: Clipboard = {
    format: 'portico-clipboard',
    apiType: design.api.type,
    resources: [],
    methods: [],
    routes: [],
    authorizers: [],
    integrations: [],
    layout: {},
  };
  for (const id of ids) {
    const resource = design.resources[id as ResourceId];
    if (resource && resource.parentId !== null) for (const below of subtreeIds(design, resource.id)) resourceIds.add(below);
    if (design.methods[id as MethodId]) methodIds.add(id as MethodId);
    const route = design.routes[id as RouteId];
    if (route) clip.routes.push(route);
    const authorizer = design.authorizers[id as AuthorizerId];
    if (authorizer) clip.authorizers.push(authorizer);
    const integration = design.integrations[id as IntegrationId];
    if (integration) clip.integrations.push(integration);
  }
  for (const method of Object.values(design.methods)) if (resourceIds.has(method.resourceId)) methodIds.add(method.id);
  for (const resource of Object.values(design.resources)) if (resourceIds.has(resource.id)) clip.resources.push(resource);
  for (const methodId of methodIds) {
    const method = design.methods[methodId];
    if (method) clip.methods.push(method);
  }
  const all = [...clip.resources, ...clip.methods, ...clip.routes, ...clip.authorizers, ...clip.integrations];
  for (const element of all) {
    const position = design.layout[element.id as CardId];
    if (position) clip.layout[element.id] = position;
  }
  return clip;
}

function freeName(taken: Set<string>, base: string, separator: string): string {
  if (!taken.has(base)) return base;
  let candidate = `${base}${separator}copy`;
  let index = 2;
  while (taken.has(candidate)) candidate = `${base}${separator}copy${index++}`;
  return candidate;
}

/**
 * A free route key for a pasted copy that is still a valid key: `GET /pets` becomes `GET /pets-copy`;
 * a path ending in a variable (`ANY /{proxy+}`) gets a `copy` segment in front instead.
 */
function freeRouteKey(taken: Set<string>, routeKey: string, apiType: ApiType): string {
  const parsed = parseHttpRouteKey(routeKey);
  for (let index = 1; ; index += 1) {
    const suffix = index === 1 ? 'copy' : `copy${index}`;
    let candidate = `${routeKey}-${suffix}`;
    if (parsed) {
      const last = parsed.path.slice(parsed.path.lastIndexOf('/') + 1);
      if (parsed.path === '/') candidate = `${parsed.method} /${suffix}`;
      else if (last.startsWith('{')) candidate = `${parsed.method} /${suffix}${parsed.path}`;
      else candidate = `${parsed.method} ${parsed.path}-${suffix}`;
    }
    if (!taken.has(candidate) && !routeKeyProblem(candidate, apiType === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP')) return candidate;
  }
}

const apiName: Record<ApiType, string> = { REST: 'a REST API', HTTP: 'an HTTP API', WEBSOCKET: 'a WebSocket API' };

/**
 * Pastes a clipboard with fresh ids, offset on the canvas. Names and path parts that would clash get a
 * `copy` suffix; references to elements outside the clipboard are kept when they still exist.
 */
export function pasteClipboard(
  design: Design,
  clip: Clipboard,
  offset: Position = { x: 40, y: 40 },
): { design: Design; pastedIds: NodeId[] } {
  if (clip.apiType !== design.api.type && (clip.methods.length > 0 || clip.routes.length > 0 || clip.resources.length > 0))
    refuse(
      'wrong-api-type',
      `These elements were copied from ${apiName[clip.apiType]} and cannot be pasted into ${apiName[design.api.type]}.`,
    );
  for (const authorizer of clip.authorizers) {
    const problem = authorizerKindProblem(authorizer.kind, design.api.type);
    if (problem) refuse('wrong-api-type', `The authorizer "${authorizer.name}" cannot be pasted here: ${problem}`);
  }
  for (const target of clip.integrations) {
    const problem = integrationKindProblem(target.kind, design.api.type);
    if (problem) refuse('wrong-api-type', `The integration "${target.name}" cannot be pasted here: ${problem}`);
  }
  const idMap = new Map<string, string>();
  const pastedIds: NodeId[] = [];
  const next: Design = {
    ...design,
    resources: { ...design.resources },
    methods: { ...design.methods },
    routes: { ...design.routes },
    authorizers: { ...design.authorizers },
    integrations: { ...design.integrations },
    layout: { ...design.layout },
  };
  const place = (oldId: string, newId: NodeId) => {
    const position = clip.layout[oldId];
    if (position) next.layout[newId as CardId] = { x: position.x + offset.x, y: position.y + offset.y };
    pastedIds.push(newId);
    idMap.set(oldId, newId);
  };
  const authorizerNames = new Set(Object.values(next.authorizers).map((authorizer) => authorizer.name));
  for (const authorizer of clip.authorizers) {
    const id = createId('Authorizer');
    const name = freeName(authorizerNames, authorizer.name, '');
    authorizerNames.add(name);
    next.authorizers[id] = { ...authorizer, id, name };
    place(authorizer.id, id);
  }
  for (const target of clip.integrations) {
    const id = createId('Integration');
    next.integrations[id] = { ...target, id };
    place(target.id, id);
  }
  // operationId names one operation (SDK method names, the duplicate-operation-name rule): a pasted
  // copy of an operation keeps its name only while no other operation has it.
  const operationNames = new Set(
    [...Object.values(design.methods), ...Object.values(design.routes)].flatMap((owner) =>
      owner.operationName === undefined ? [] : [owner.operationName],
    ),
  );
  const remapOwner = <T extends Method | Route>(owner: T): T => {
    const copy = { ...owner };
    if (copy.operationName !== undefined) {
      copy.operationName = freeName(operationNames, copy.operationName, '');
      operationNames.add(copy.operationName);
    }
    if (copy.authorizerId) {
      const mapped = (idMap.get(copy.authorizerId) ?? copy.authorizerId) as AuthorizerId;
      if (Object.hasOwn(next.authorizers, mapped)) copy.authorizerId = mapped;
      else {
        delete copy.authorizerId;
        copy.authorizationScopes = [];
      }
    }
    if (copy.integration) {
      const mapped = (idMap.get(copy.integration.integrationId) ?? copy.integration.integrationId) as IntegrationId;
      if (Object.hasOwn(next.integrations, mapped)) copy.integration = { ...copy.integration, integrationId: mapped };
      else delete copy.integration;
    }
    // Validators and models are not copied: references to ones this design lacks (a paste from another
    // design) are dropped, a body's model falling back to no schema.
    if (
      'requestValidatorId' in copy &&
      copy.requestValidatorId !== undefined &&
      !Object.hasOwn(next.requestValidators, copy.requestValidatorId)
    )
      delete copy.requestValidatorId;
    const knownModels = (content: Record<string, BodyContent>): Record<string, BodyContent> => {
      const kept: Record<string, BodyContent> = {};
      for (const [contentType, body] of Object.entries(content)) {
        if (body.modelId === undefined || Object.hasOwn(next.models, body.modelId)) kept[contentType] = body;
        else {
          const { modelId: _dropped, ...rest } = body;
          kept[contentType] = rest;
        }
      }
      return kept;
    };
    if (copy.requestBody) copy.requestBody = { ...copy.requestBody, content: knownModels(copy.requestBody.content) };
    copy.responses = copy.responses.map((response) => ({ ...response, content: knownModels(response.content) }));
    return copy;
  };
  const rootId = rootResourceId(next);
  const copiedResourceIds = new Set(clip.resources.map((resource) => resource.id));
  for (const resource of clip.resources) {
    const id = createId('Resource');
    idMap.set(resource.id, id);
  }
  for (const resource of clip.resources) {
    const id = idMap.get(resource.id) as ResourceId;
    let parentId: ResourceId | null;
    if (resource.parentId && copiedResourceIds.has(resource.parentId)) parentId = idMap.get(resource.parentId) as ResourceId;
    else parentId = resource.parentId && next.resources[resource.parentId] ? resource.parentId : (rootId ?? null);
    if (parentId === null) refuse('not-allowed', 'Resources can only be pasted into a REST API with a root resource.');
    let pathPart = resource.pathPart;
    if (!copiedResourceIds.has(resource.parentId as ResourceId)) {
      const siblings = new Set(
        Object.values(next.resources)
          .filter((other) => other.parentId === parentId)
          .map((other) => other.pathPart),
      );
      // A clashing {param} becomes a plain part: `{id}-copy` is not a path part API Gateway accepts.
      if (siblings.has(pathPart)) pathPart = freeName(siblings, pathPart.startsWith('{') ? pathPart.replace(/[{}+]/g, '') : pathPart, '-');
    }
    next.resources[id] = { ...resource, id, parentId, pathPart };
    place(resource.id, id);
    idMap.set(resource.id, id);
  }
  for (const method of clip.methods) {
    const id = createId('Method');
    const resourceId = (idMap.get(method.resourceId) ?? method.resourceId) as ResourceId;
    if (!next.resources[resourceId])
      refuse('not-found', 'The resource these methods belonged to no longer exists; select a resource and paste again.');
    if (Object.values(next.methods).some((other) => other.resourceId === resourceId && other.httpMethod === method.httpMethod))
      refuse('duplicate', `The resource already has a ${method.httpMethod} method: one method per verb per resource.`);
    next.methods[id] = remapOwner({ ...method, id, resourceId });
    place(method.id, id);
  }
  const routeKeys = new Set(Object.values(next.routes).map((route) => route.routeKey));
  for (const route of clip.routes) {
    const id = createId('Route');
    let routeKey = route.routeKey;
    if (routeKeys.has(routeKey)) {
      if (routeKey.startsWith('$')) refuse('duplicate', `The route ${routeKey} already exists and there can be only one.`);
      routeKey = freeRouteKey(routeKeys, routeKey, design.api.type);
    }
    routeKeys.add(routeKey);
    next.routes[id] = remapOwner({ ...route, id, routeKey });
    place(route.id, id);
  }
  return { design: next, pastedIds };
}

/** Whether a value read back from the system clipboard is a Portico clipboard (checked again by paste). */
export function isClipboard(value: unknown): value is Clipboard {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'portico-clipboard';
}
