import {
  type AuthorizerKind,
  addAuthorizer,
  addIntegration,
  addMethod,
  addResource,
  addRoute,
  type CardId,
  cardGeometry,
  cardOfElement,
  connectAuthorizer,
  connectIntegration,
  createId,
  type Design,
  designCards,
  httpMethods,
  type IntegrationKind,
  isGreedy,
  isRouteGroupId,
  type MethodId,
  type NodeId,
  type Position,
  type ResourceId,
  type RowId,
  refuse,
  rootResourceId,
} from '../core/model';
import type { PaletteKind } from './palette-entries';

export interface PalettePlacement {
  /** Where the user dropped (flow coordinates); the new card is centred on it. */
  point: Position;
  /** The card under the drop point, if any. */
  targetId?: string;
  /** The method or route row under the drop point, if any: a backend dropped there is connected to it. */
  rowId?: RowId;
  /** The current selection, used when a method is added with no resource under it. */
  selection?: readonly string[];
}

export interface PaletteCreation {
  label: string;
  id: NodeId;
  operation: (design: Design) => Design;
}

function sizeOf(kind: PaletteKind): { width: number; height: number } {
  if (kind === 'resource' || kind === 'route') return { width: cardGeometry.apiWidth, height: cardGeometry.headerHeight };
  return { width: cardGeometry.backendWidth, height: cardGeometry.backendHeight };
}

/** The first of `base`, `base2`, `base3`… that `taken` does not hold. */
export function uniqueName(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  let index = 2;
  while (taken(`${base}${index}`)) index += 1;
  return `${base}${index}`;
}

/**
 * A backend dropped onto a row goes into the backend column beside that row (not on top of the card it
 * was dropped on); `settleLayout` then finds the nearest free place there.
 */
function besideRow(design: Design, rowId: RowId | undefined): Position | undefined {
  if (!rowId) return undefined;
  const cardId = cardOfElement(design, rowId);
  const card = cardId ? designCards(design).byId.get(cardId) : undefined;
  const at = cardId ? design.layout[cardId as CardId] : undefined;
  if (!card || !at) return undefined;
  const index = card.rows.indexOf(rowId);
  let columnX = at.x + cardGeometry.apiWidth + cardGeometry.channel;
  for (const other of designCards(design).cards)
    if (other.kind === 'integration' || other.kind === 'authorizer') {
      const position = design.layout[other.id];
      if (position) {
        columnX = position.x;
        break;
      }
    }
  return { x: columnX, y: at.y + cardGeometry.headerHeight + index * cardGeometry.rowHeight - 8 };
}

function resourceFor(design: Design, placement: PalettePlacement): ResourceId | undefined {
  const { targetId, rowId, selection = [] } = placement;
  if (targetId && Object.hasOwn(design.resources, targetId)) return targetId as ResourceId;
  if (rowId && Object.hasOwn(design.methods, rowId)) return design.methods[rowId as MethodId]?.resourceId;
  for (const id of selection) {
    if (Object.hasOwn(design.resources, id)) return id as ResourceId;
    const method = design.methods[id as MethodId];
    if (method) return method.resourceId;
  }
  return rootResourceId(design);
}

/** The path of the route-group card a drop landed on (`/pets`), when it has one. */
function groupPath(placement: PalettePlacement): string | undefined {
  const { targetId } = placement;
  if (!targetId || !isRouteGroupId(targetId)) return undefined;
  const path = targetId.slice('grp:'.length);
  return path.startsWith('/') ? path : undefined;
}

/**
 * What dropping (or pressing Enter on) a palette entry creates: a named operation and the id of the new
 * element, so the canvas can select it. The operation itself refuses what the model refuses. Where the new
 * card goes is the drop point; `settleLayout` (run with every operation) moves it off any card it would
 * cover, and puts a resource dropped onto another into the outline under it.
 */
export function createFromPalette(_design: Design, kind: PaletteKind, placement: PalettePlacement): PaletteCreation {
  const size = sizeOf(kind);
  const position = {
    x: Math.round(placement.point.x - size.width / 2),
    y: Math.round(placement.point.y - size.height / 2),
  };
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
        // Dropped onto its parent: no position, so the placement puts it into the outline under the parent.
        return addResource(d, target ? { id, parentId, pathPart } : { id, parentId, pathPart, position });
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
        return addMethod(d, { id, resourceId, httpMethod });
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
        const path = groupPath(placement);
        // Dropped onto a path's card: the next free verb on that path. Elsewhere: a new path of its own.
        const verb = path ? httpMethods.find((candidate) => !keys.has(`${candidate} ${path}`)) : undefined;
        if (path && !verb) refuse('duplicate', `${path} already has a route for every verb.`);
        const routeKey =
          d.api.type === 'WEBSOCKET'
            ? uniqueName('newRoute', (candidate) => keys.has(candidate))
            : path
              ? `${verb} ${path}`
              : `GET ${uniqueName('/new-route', (candidate) => keys.has(`GET ${candidate}`))}`;
        return addRoute(d, path ? { id, routeKey } : { id, routeKey, position });
      },
    };
  }
  if (kind.startsWith('authorizer-')) {
    const id = createId('Authorizer');
    const authorizerKind = kind.slice('authorizer-'.length) as AuthorizerKind;
    const row = placement.rowId;
    return {
      label: row ? 'Add and connect authorizer' : 'Add authorizer',
      id,
      operation: (d) => {
        const added = addAuthorizer(d, { id, kind: authorizerKind, position: besideRow(d, row) ?? position });
        return row ? connectAuthorizer(added, row, id) : added;
      },
    };
  }
  const id = createId('Integration');
  const integrationKind = kind.slice('integration-'.length) as IntegrationKind;
  const row = placement.rowId;
  return {
    label: row ? 'Add and connect integration' : 'Add integration',
    id,
    operation: (d) => {
      const added = addIntegration(d, { id, kind: integrationKind, position: besideRow(d, row) ?? position });
      return row ? connectIntegration(added, row, id) : added;
    },
  };
}
