import {
  type AuthorizerKind,
  addAuthorizer,
  addIntegration,
  addMethod,
  addResource,
  addRoute,
  createId,
  type Design,
  httpMethods,
  type IntegrationKind,
  isGreedy,
  type MethodId,
  type NodeId,
  nodeSizes,
  type Position,
  type ResourceId,
  refuse,
  rootResourceId,
} from '../core/model';
import type { PaletteKind } from './palette-entries';

export interface PalettePlacement {
  /** Where the user dropped (flow coordinates); the new node is centred on it. */
  point: Position;
  /** The node under the drop point, if any. */
  targetId?: string;
  /** The current selection, used when a method is added with no resource under it. */
  selection?: readonly string[];
}

export interface PaletteCreation {
  label: string;
  id: NodeId;
  operation: (design: Design) => Design;
}

function sizeOf(kind: PaletteKind) {
  if (kind === 'resource' || kind === 'method' || kind === 'route') return nodeSizes[kind];
  return kind.startsWith('authorizer-') ? nodeSizes.authorizer : nodeSizes.integration;
}

/** The first of `base`, `base2`, `base3`… that `taken` does not hold. */
export function uniqueName(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  let index = 2;
  while (taken(`${base}${index}`)) index += 1;
  return `${base}${index}`;
}

/** Nudges a position down and right until no node sits exactly there, so repeated adds do not stack. */
export function freeSpot(design: Design, position: Position): Position {
  const occupied = new Set(Object.values(design.layout).map((p) => `${p.x},${p.y}`));
  let spot = position;
  while (occupied.has(`${spot.x},${spot.y}`)) spot = { x: spot.x + 24, y: spot.y + 24 };
  return spot;
}

function resourceFor(design: Design, placement: PalettePlacement): ResourceId | undefined {
  const { targetId, selection = [] } = placement;
  if (targetId && Object.hasOwn(design.resources, targetId)) return targetId as ResourceId;
  for (const id of selection) {
    if (Object.hasOwn(design.resources, id)) return id as ResourceId;
    const method = design.methods[id as MethodId];
    if (method) return method.resourceId;
  }
  return rootResourceId(design);
}

/**
 * What dropping (or pressing Enter on) a palette entry creates: a named operation and the id of the new
 * node, so the canvas can select it. The operation itself refuses what the model refuses.
 */
export function createFromPalette(design: Design, kind: PaletteKind, placement: PalettePlacement): PaletteCreation {
  const size = sizeOf(kind);
  const position = freeSpot(design, {
    x: Math.round(placement.point.x - size.width / 2),
    y: Math.round(placement.point.y - size.height / 2),
  });
  if (kind === 'resource') {
    const id = createId('Resource');
    return {
      label: 'Add resource',
      id,
      operation: (d) => {
        const target = placement.targetId ? d.resources[placement.targetId as ResourceId] : undefined;
        // A greedy {proxy+} cannot have children: a resource dropped on one goes under the root instead.
        const parentId = target && !isGreedy(target.pathPart) ? target.id : rootResourceId(d);
        if (!parentId) refuse('not-allowed', 'Resources belong to REST APIs: this design has no root resource.');
        const siblings = new Set(
          Object.values(d.resources)
            .filter((resource) => resource.parentId === parentId)
            .map((resource) => resource.pathPart),
        );
        const pathPart = uniqueName('resource', (candidate) => siblings.has(candidate));
        return addResource(d, { id, parentId, pathPart, position });
      },
    };
  }
  if (kind === 'method') {
    const id = createId('Method');
    return {
      label: 'Add method',
      id,
      operation: (d) => {
        const resourceId = resourceFor(d, placement);
        if (!resourceId) refuse('not-allowed', 'Methods belong to REST APIs: this design has no resource to add one to.');
        const used = new Set(
          Object.values(d.methods)
            .filter((method) => method.resourceId === resourceId)
            .map((method) => method.httpMethod),
        );
        const httpMethod = httpMethods.find((verb) => !used.has(verb));
        if (!httpMethod) refuse('duplicate', 'This resource already has a method for every verb.');
        return addMethod(d, { id, resourceId, httpMethod, position });
      },
    };
  }
  if (kind === 'route') {
    const id = createId('Route');
    return {
      label: 'Add route',
      id,
      operation: (d) => {
        const keys = new Set(Object.values(d.routes).map((route) => route.routeKey));
        const routeKey =
          d.api.type === 'WEBSOCKET'
            ? uniqueName('newRoute', (candidate) => keys.has(candidate))
            : `GET ${uniqueName('/new-route', (candidate) => keys.has(`GET ${candidate}`))}`;
        return addRoute(d, { id, routeKey, position });
      },
    };
  }
  if (kind.startsWith('authorizer-')) {
    const id = createId('Authorizer');
    const authorizerKind = kind.slice('authorizer-'.length) as AuthorizerKind;
    return { label: 'Add authorizer', id, operation: (d) => addAuthorizer(d, { id, kind: authorizerKind, position }) };
  }
  const id = createId('Integration');
  const integrationKind = kind.slice('integration-'.length) as IntegrationKind;
  return { label: 'Add integration', id, operation: (d) => addIntegration(d, { id, kind: integrationKind, position }) };
}
