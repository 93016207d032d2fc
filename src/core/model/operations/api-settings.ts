import { type ApiSettings, type ApiType, apiKeySources, endpointTypes } from '../api';
import { type Design, emptyDesign, type Position } from '../design';
import { refuse } from '../errors';
import { createId, type ResourceId, type RouteId } from '../ids';
import type { HttpMethod, Method } from '../method';
import { allResourcePaths } from '../paths';
import { parseHttpRouteKey, type Route } from '../route';
import { patchObject, trimmedName } from './helpers';
import { assertNumber } from './stages';

export type ApiPatch = Partial<Omit<ApiSettings, 'type'>>;

/** Changes the API's own settings (name, endpoint type, binary media types…). */
export function updateApi(design: Design, patch: ApiPatch): Design {
  if (patch.name !== undefined) patch = { ...patch, name: trimmedName(patch.name, 'The API') };
  if (patch.endpointType !== undefined && !endpointTypes.includes(patch.endpointType))
    refuse('invalid-value', 'The endpoint type is EDGE, REGIONAL or PRIVATE.');
  if (patch.endpointType !== undefined && patch.endpointType !== 'REGIONAL' && design.api.type !== 'REST')
    refuse(
      'wrong-api-type',
      `${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs are always regional: edge-optimized and private endpoints exist only for REST APIs.`,
    );
  if (patch.apiKeySource !== undefined && !apiKeySources.includes(patch.apiKeySource))
    refuse('invalid-value', 'The API key source is HEADER or AUTHORIZER.');
  assertNumber(patch.minimumCompressionSize, 'The minimum compression size (bytes)', 0, 10_485_760, true);
  if (patch.binaryMediaTypes)
    for (const type of patch.binaryMediaTypes)
      if (!/^[\w.+*-]+\/[\w.+*-]+$/.test(type)) refuse('invalid-value', `"${type}" is not a media type such as image/png or */*.`);
  if (patch.defaultRequestValidatorId !== undefined && !Object.hasOwn(design.requestValidators, patch.defaultRequestValidatorId))
    refuse('not-found', "The default request validator must be one of the API's validators.");
  const api = patchObject<ApiSettings>(design.api, patch);
  return api === design.api ? design : { ...design, api };
}

function restToHttp(design: Design): Design {
  const paths = allResourcePaths(design);
  const routes: Record<RouteId, Route> = {};
  const layout: Record<string, Position> = { ...design.layout };
  for (const method of Object.values(design.methods)) {
    const { id, resourceId, httpMethod, requestValidatorId: _validator, ...rest } = method;
    const routeId = id.replace(/^mth_/, 'rte_') as RouteId;
    const integration = rest.integration
      ? { ...rest.integration, proxy: true, payloadFormatVersion: rest.integration.payloadFormatVersion ?? '2.0' }
      : undefined;
    routes[routeId] = {
      ...rest,
      id: routeId,
      routeKey: `${httpMethod} ${paths.get(resourceId) ?? '/'}`,
      ...(integration ? { integration } : {}),
    };
    if (layout[id]) layout[routeId] = layout[id] as Position;
    delete layout[id];
  }
  for (const resourceId of Object.keys(design.resources)) delete layout[resourceId];
  const authorizers = { ...design.authorizers };
  for (const authorizer of Object.values(authorizers))
    if (authorizer.identitySource?.startsWith('method.request.header.'))
      authorizers[authorizer.id] = {
        ...authorizer,
        identitySource: `$request.header.${authorizer.identitySource.slice('method.request.header.'.length)}`,
      };
  return {
    ...design,
    resources: {},
    methods: {},
    routes,
    authorizers,
    layout,
    requestValidators: {},
    gatewayResponses: {},
    usagePlans: {},
    apiKeys: {},
  };
}

function httpToRest(design: Design): Design {
  const base = emptyDesign('REST');
  let resources = { ...base.resources } as Design['resources'];
  const rootId = Object.keys(resources)[0] as ResourceId;
  const byPath = new Map<string, ResourceId>([['/', rootId]]);
  const resourceFor = (path: string): ResourceId => {
    const known = byPath.get(path);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const parentPath = cut <= 0 ? '/' : path.slice(0, cut);
    const parentId = resourceFor(parentPath);
    const id = createId('Resource');
    resources = { ...resources, [id]: { id, parentId, pathPart: path.slice(cut + 1) } };
    byPath.set(path, id);
    return id;
  };
  const methods: Record<string, Method> = {};
  const layout: Record<string, Position> = { ...design.layout, ...base.layout };
  for (const route of Object.values(design.routes)) {
    const parsed = route.routeKey === '$default' ? { method: 'ANY', path: '/{proxy+}' } : parseHttpRouteKey(route.routeKey);
    if (!parsed) continue;
    const { id, routeKey: _key, returnResponse: _response, ...rest } = route;
    const methodId = id.replace(/^rte_/, 'mth_') as Method['id'];
    methods[methodId] = { ...rest, id: methodId, resourceId: resourceFor(parsed.path), httpMethod: parsed.method as HttpMethod };
    if (layout[id]) layout[methodId] = layout[id] as Position;
    delete layout[id];
  }
  const authorizers = { ...design.authorizers };
  for (const authorizer of Object.values(authorizers))
    if (authorizer.identitySource?.startsWith('$request.header.'))
      authorizers[authorizer.id] = {
        ...authorizer,
        identitySource: `method.request.header.${authorizer.identitySource.slice('$request.header.'.length)}`,
      };
  return { ...design, resources, methods: methods as Design['methods'], routes: {}, authorizers, layout: layout as Design['layout'] };
}

/**
 * Changes the API type. REST ↔ HTTP converts methods to routes and back; elements the new type cannot
 * have are refused with the reason, so nothing is dropped silently.
 */
export function changeApiType(design: Design, type: ApiType): Design {
  if (design.api.type === type) return design;
  const hasOperations = Object.keys(design.methods).length > 0 || Object.keys(design.routes).length > 0;
  if ((type === 'WEBSOCKET' || design.api.type === 'WEBSOCKET') && hasOperations)
    refuse(
      'not-allowed',
      'WebSocket routes and HTTP methods do not convert into each other: remove the routes or methods first, or start a new design.',
    );
  if (type === 'HTTP') {
    const mock = Object.values(design.integrations).find((target) => target.kind === 'MOCK');
    if (mock) refuse('wrong-api-type', `HTTP APIs have no mock integration: delete "${mock.name}" first.`);
    const wrong = Object.values(design.authorizers).find(
      (authorizer) => authorizer.kind === 'COGNITO_USER_POOLS' || authorizer.kind === 'LAMBDA_TOKEN',
    );
    if (wrong)
      refuse(
        'wrong-api-type',
        `HTTP APIs have no ${wrong.kind === 'LAMBDA_TOKEN' ? 'Lambda TOKEN' : 'Cognito user pool'} authorizer: replace "${wrong.name}" first (a JWT or Lambda REQUEST authorizer).`,
      );
  }
  if (type !== 'HTTP') {
    const jwt = Object.values(design.authorizers).find((authorizer) => authorizer.kind === 'JWT');
    if (jwt) refuse('wrong-api-type', `JWT authorizers exist only on HTTP APIs: replace "${jwt.name}" first.`);
  }
  let next: Design = design;
  if (design.api.type === 'REST' && type === 'HTTP') next = restToHttp(design);
  else if (design.api.type === 'HTTP' && type === 'REST') next = httpToRest(design);
  else if (type === 'REST') next = { ...design, resources: emptyDesign('REST').resources };
  else next = { ...design, resources: {}, methods: {} };
  const api: ApiSettings = { ...next.api, type, endpointType: type === 'REST' ? next.api.endpointType : 'REGIONAL' };
  const stages = { ...next.stages };
  for (const stage of Object.values(stages))
    stages[stage.id] = {
      ...stage,
      methodOverrides: type === 'REST' ? stage.methodOverrides : {},
      routeOverrides: type === 'REST' ? {} : stage.routeOverrides,
      cacheClusterEnabled: type === 'REST' && stage.cacheClusterEnabled,
    };
  return { ...next, api, stages };
}
