import { allResourcePaths, type Design, type MethodId, type RouteId } from '../core/model';

export interface OperationLabel<Id extends string> {
  id: Id;
  label: string;
}

let lastMethods: Design['methods'] | undefined;
let lastResources: Design['resources'] | undefined;
let lastMethodLabels: OperationLabel<MethodId>[] = [];

/**
 * "GET /pets/{id}" for every method, recomputed only when methods or resources change, so that a
 * selector using it returns the same array on unrelated edits (no re-render, no O(n) work per keystroke).
 */
export function selectMethodLabels(design: Design): OperationLabel<MethodId>[] {
  if (design.methods === lastMethods && design.resources === lastResources) return lastMethodLabels;
  lastMethods = design.methods;
  lastResources = design.resources;
  const paths = allResourcePaths(design);
  lastMethodLabels = Object.values(design.methods).map((method) => ({
    id: method.id,
    label: `${method.httpMethod} ${paths.get(method.resourceId) ?? '?'}`,
  }));
  return lastMethodLabels;
}

let lastRoutes: Design['routes'] | undefined;
let lastRouteLabels: OperationLabel<RouteId>[] = [];

export function selectRouteLabels(design: Design): OperationLabel<RouteId>[] {
  if (design.routes === lastRoutes) return lastRouteLabels;
  lastRoutes = design.routes;
  lastRouteLabels = Object.values(design.routes).map((route) => ({ id: route.id, label: route.routeKey }));
  return lastRouteLabels;
}
