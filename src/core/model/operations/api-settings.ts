import { type ApiSettings, type ApiType, apiKeySources, endpointTypes } from '../api';
import { type Design, emptyDesign, type Position } from '../design';
import { refuse } from '../errors';
import { createId, type MethodId, type ResourceId, type RouteId } from '../ids';
import type { HttpMethod, Method } from '../method';
import { allResourcePaths } from '../paths';
import { pathPartProblem } from '../resource';
import { parseHttpRouteKey, type Route } from '../route';
import type { MethodSettings, RouteThrottle, Stage } from '../stage';
import { authorizerKindProblem } from './authorizers';
import { patchObject, trimmedName, without } from './helpers';
import { integrationKindProblem } from './integrations';
import { assertNumber, defaultStageName } from './stages';

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

type Converted = { design: Design; idMap: Map<string, string> };

/**
 * Identity sources as the other API type writes them, entry by entry (a REQUEST authorizer may list
 * several): REST `method.request.header.X`, `method.request.querystring.X`, `stageVariables.X`,
 * `context.X`; HTTP the same places with `$request.…`, `$stageVariables.…`, `$context.…`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
const sourcePrefixes: [rest: string, http: string][] = [
  ['method.request.', '$request.'],
  ['stageVariables.', '$stageVariables.'],
  ['context.', '$context.'],
];

function convertedSources(design: Design, to: 'REST' | 'HTTP'): Design['authorizers'] {
  const authorizers = { ...design.authorizers };
  for (const authorizer of Object.values(authorizers)) {
    if (authorizer.identitySource === undefined) continue;
    const converted = authorizer.identitySource
      .split(',')
      .map((entry) => {
        const trimmed = entry.trim();
        for (const [rest, http] of sourcePrefixes) {
          const [from, into] = to === 'HTTP' ? [rest, http] : [http, rest];
          if (trimmed.startsWith(from)) return `${into}${trimmed.slice(from.length)}`;
        }
        return trimmed;
      })
      .join(', ');
    if (converted !== authorizer.identitySource) authorizers[authorizer.id] = { ...authorizer, identitySource: converted };
  }
  return authorizers;
}

function restToHttp(design: Design): Converted {
  const paths = allResourcePaths(design);
  const routes: Record<RouteId, Route> = {};
  const layout: Record<string, Position> = { ...design.layout };
  const idMap = new Map<string, string>();
  for (const method of Object.values(design.methods)) {
    const { id, resourceId, httpMethod, requestValidatorId: _validator, ...rest } = method;
    const routeId = id.replace(/^mth_/, 'rte_') as RouteId;
    idMap.set(id, routeId);
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
  return {
    design: {
      ...design,
      resources: {},
      methods: {},
      routes,
      authorizers: convertedSources(design, 'HTTP'),
      layout: layout as Design['layout'],
    },
    idMap,
  };
}

function httpToRest(design: Design): Converted {
  const base = emptyDesign('REST');
  let resources = { ...base.resources } as Design['resources'];
  const rootId = Object.keys(resources)[0] as ResourceId;
  const byPath = new Map<string, ResourceId>([['/', rootId]]);
  const resourceFor = (path: string, routeKey: string): ResourceId => {
    const known = byPath.get(path);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const parentPath = cut <= 0 ? '/' : path.slice(0, cut);
    const parentId = resourceFor(parentPath, routeKey);
    const pathPart = path.slice(cut + 1);
    const problem = pathPartProblem(pathPart);
    if (problem) refuse('not-allowed', `The route "${routeKey}" has no REST equivalent: ${problem}`);
    const id = createId('Resource');
    resources = { ...resources, [id]: { id, parentId, pathPart } };
    byPath.set(path, id);
    return id;
  };
  const methods: Record<string, Method> = {};
  const layout: Record<string, Position> = { ...design.layout, ...base.layout };
  const idMap = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const route of Object.values(design.routes)) {
    const parsed = route.routeKey === '$default' ? { method: 'ANY', path: '/{proxy+}' } : parseHttpRouteKey(route.routeKey);
    if (!parsed) refuse('not-allowed', `The route "${route.routeKey}" has no REST equivalent.`);
    const operation = `${parsed.method} ${parsed.path}`;
    const earlier = seen.get(operation);
    if (earlier !== undefined)
      refuse(
        'duplicate',
        `The routes "${earlier}" and "${route.routeKey}" would both become ${operation} on a REST API: delete one first.`,
      );
    seen.set(operation, route.routeKey);
    const { id, routeKey: _key, returnResponse: _response, ...rest } = route;
    const methodId = id.replace(/^rte_/, 'mth_') as Method['id'];
    idMap.set(id, methodId);
    methods[methodId] = {
      ...rest,
      id: methodId,
      resourceId: resourceFor(parsed.path, route.routeKey),
      httpMethod: parsed.method as HttpMethod,
    };
    if (layout[id]) layout[methodId] = layout[id] as Position;
    delete layout[id];
  }
  return {
    design: {
      ...design,
      resources,
      methods: methods as Design['methods'],
      routes: {},
      authorizers: convertedSources(design, 'REST'),
      layout: layout as Design['layout'],
    },
    idMap,
  };
}

const typeNames: Record<ApiType, string> = { REST: 'REST APIs', HTTP: 'HTTP APIs', WEBSOCKET: 'WebSocket APIs' };

/** Refuses, naming the element, when the design holds something the new API type cannot have. */
function assertConvertible(design: Design, type: ApiType): void {
  const hasOperations =
    Object.keys(design.methods).length > 0 ||
    Object.keys(design.routes).length > 0 ||
    Object.values(design.resources).some((resource) => resource.parentId !== null);
  if ((type === 'WEBSOCKET' || design.api.type === 'WEBSOCKET') && hasOperations)
    refuse(
      'not-allowed',
      'WebSocket routes and HTTP methods do not convert into each other: remove the routes or resources and methods first, or start a new design.',
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
  for (const authorizer of Object.values(design.authorizers)) {
    const problem = authorizerKindProblem(authorizer.kind, type);
    if (problem) refuse('wrong-api-type', `Replace the authorizer "${authorizer.name}" first: ${problem}`);
  }
  for (const target of Object.values(design.integrations)) {
    const problem = integrationKindProblem(target.kind, type);
    if (problem) refuse('wrong-api-type', `Delete the integration "${target.name}" first: ${problem}`);
  }
  if (type !== 'REST') {
    const plan = Object.values(design.usagePlans)[0];
    if (plan) refuse('wrong-api-type', `${typeNames[type]} have no usage plans in Portico: delete "${plan.name}" first.`);
    const validator = Object.values(design.requestValidators)[0];
    if (validator)
      refuse('wrong-api-type', `${typeNames[type]} have no request validators: delete the request validator "${validator.name}" first.`);
    const response = Object.keys(design.gatewayResponses)[0];
    if (response)
      refuse('wrong-api-type', `${typeNames[type]} have no customised gateway responses: remove the gateway response ${response} first.`);
  }
  if (design.api.type === 'HTTP') {
    const stage = Object.values(design.stages).find((candidate) => candidate.name === defaultStageName);
    if (stage) refuse('not-allowed', `Only HTTP APIs have a ${defaultStageName} stage: rename it first (letters, digits, "_" and "-").`);
  }
  if (type === 'HTTP') {
    const key = Object.values(design.apiKeys)[0];
    if (key) refuse('wrong-api-type', `HTTP APIs have no API keys: delete the API key "${key.name}" first.`);
  }
}

function throttleOf(settings: { throttlingRateLimit?: number; throttlingBurstLimit?: number } | undefined): RouteThrottle | undefined {
  if (settings?.throttlingRateLimit === undefined && settings?.throttlingBurstLimit === undefined) return undefined;
  const throttle: RouteThrottle = {};
  if (settings.throttlingRateLimit !== undefined) throttle.throttlingRateLimit = settings.throttlingRateLimit;
  if (settings.throttlingBurstLimit !== undefined) throttle.throttlingBurstLimit = settings.throttlingBurstLimit;
  return throttle;
}

/**
 * Changes the API type. REST ↔ HTTP converts methods to routes and back (per-method throttling moves
 * along); elements the new type cannot have are refused with the reason, so nothing is dropped silently.
 */
export function changeApiType(design: Design, type: ApiType): Design {
  if (design.api.type === type) return design;
  assertConvertible(design, type);
  let converted: Converted = { design, idMap: new Map() };
  if (design.api.type === 'REST' && type === 'HTTP') converted = restToHttp(design);
  else if (design.api.type === 'HTTP' && type === 'REST') converted = httpToRest(design);
  else if (type === 'REST') {
    const base = emptyDesign('REST');
    converted.design = { ...design, resources: base.resources, layout: { ...design.layout, ...base.layout } };
  } else converted.design = { ...design, resources: {}, methods: {}, layout: without(design.layout, Object.keys(design.resources)) };
  const next = converted.design;
  const api: ApiSettings = { ...next.api, type, endpointType: type === 'REST' ? next.api.endpointType : 'REGIONAL' };
  const stages = { ...next.stages };
  for (const stage of Object.values(stages)) {
    const methodOverrides: Stage['methodOverrides'] = {};
    const routeOverrides: Stage['routeOverrides'] = {};
    if (type === 'REST')
      for (const [routeId, throttle] of Object.entries(stage.routeOverrides) as [string, RouteThrottle][]) {
        const methodId = converted.idMap.get(routeId) as MethodId | undefined;
        const kept = throttleOf(throttle);
        if (methodId && kept) methodOverrides[methodId] = kept;
      }
    else
      for (const [methodId, settings] of Object.entries(stage.methodOverrides) as [string, Partial<MethodSettings>][]) {
        const routeId = converted.idMap.get(methodId) as RouteId | undefined;
        const kept = throttleOf(settings);
        if (routeId && kept) routeOverrides[routeId] = kept;
      }
    stages[stage.id] = {
      ...stage,
      methodOverrides,
      routeOverrides,
      cacheClusterEnabled: type === 'REST' && stage.cacheClusterEnabled,
    };
  }
  return { ...next, api, stages };
}
