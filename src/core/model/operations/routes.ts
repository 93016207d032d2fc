import { routeGroupId, withoutEmptyGroups } from '../cards';
import type { Design, Position } from '../design';
import { refuse } from '../errors';
import { createId, type RouteId } from '../ids';
import { emptyOperationDoc } from '../operation-doc';
import { type Route, routeKeyProblem } from '../route';
import type { Stage } from '../stage';
import { assertModelsExist, mustGet, patchObject, requireType, without } from './helpers';

function normaliseRouteKey(routeKey: string): string {
  const trimmed = routeKey.trim();
  const match = /^([a-zA-Z]+)\s+(\/.*)$/.exec(trimmed);
  return match?.[1] && match[2] ? `${match[1].toUpperCase()} ${match[2]}` : trimmed;
}

function assertRouteKey(design: Design, routeKey: string, ignoreId?: RouteId): void {
  const apiType = design.api.type === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP';
  const problem = routeKeyProblem(routeKey, apiType);
  if (problem) refuse('invalid-value', problem);
  for (const route of Object.values(design.routes))
    if (route.routeKey === routeKey && route.id !== ignoreId)
      refuse('duplicate', `The route "${routeKey}" already exists: route keys are unique.`);
}

export interface AddRouteArgs {
  routeKey: string;
  id?: RouteId;
  /** Where the route's card goes when the route starts a new one (the first route of a path). */
  position?: Position;
}

/** Adds a route to an HTTP or WebSocket API. */
export function addRoute(design: Design, args: AddRouteArgs): Design {
  requireType(design, ['HTTP', 'WEBSOCKET'], 'Routes');
  const routeKey = normaliseRouteKey(args.routeKey);
  assertRouteKey(design, routeKey);
  const id = args.id ?? createId('Route');
  if (Object.hasOwn(design.routes, id)) refuse('duplicate', `A route with id "${id}" already exists.`);
  const route: Route = { ...emptyOperationDoc(), id, routeKey, authorizationScopes: [], apiKeyRequired: false };
  const group = routeGroupId(route, design.api.type);
  const placed = args.position && !design.layout[group];
  return {
    ...design,
    routes: { ...design.routes, [id]: route },
    layout: placed ? { ...design.layout, [group]: args.position as Position } : design.layout,
  };
}

export type RoutePatch = Partial<Omit<Route, 'id' | 'authorizerId' | 'integration'>>;

export function updateRoute(design: Design, routeId: RouteId, patch: RoutePatch): Design {
  const route = mustGet(design.routes, routeId, 'route');
  let effective = patch;
  if (patch.routeKey !== undefined) {
    const routeKey = normaliseRouteKey(patch.routeKey);
    if (routeKey !== route.routeKey) assertRouteKey(design, routeKey, routeId);
    effective = { ...patch, routeKey };
    if (route.authorizerId && design.api.type === 'WEBSOCKET' && routeKey !== '$connect')
      refuse('not-allowed', 'WebSocket authorizers run only on $connect: disconnect the authorizer before renaming this route.');
  }
  assertModelsExist(design, patch);
  const next = patchObject(route, effective);
  if (next === route) return design;
  return withoutEmptyGroups({ ...design, routes: { ...design.routes, [routeId]: next } });
}

export function deleteRoutes(design: Design, routeIds: Iterable<RouteId>): Design {
  const ids = new Set<string>();
  for (const id of routeIds) {
    mustGet(design.routes, id, 'route');
    ids.add(id);
  }
  if (ids.size === 0) return design;
  const stages: Record<string, Stage> = { ...design.stages };
  for (const stage of Object.values(design.stages)) {
    const routeOverrides = without(stage.routeOverrides as Record<string, unknown>, ids);
    if (routeOverrides !== stage.routeOverrides) stages[stage.id] = { ...stage, routeOverrides: routeOverrides as Stage['routeOverrides'] };
  }
  return withoutEmptyGroups({
    ...design,
    routes: without(design.routes, ids),
    stages: stages as Design['stages'],
  });
}
