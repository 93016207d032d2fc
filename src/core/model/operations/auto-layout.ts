import { hierarchy } from 'd3-hierarchy';
import type { Design, Position } from '../design';
import type { NodeId, ResourceId } from '../ids';
import type { Method } from '../method';
import type { Resource } from '../resource';
import type { Route } from '../route';
import { samePlainValue } from './helpers';

/** Node sizes the canvas draws, known up front so that layout and rendering never measure the DOM. */
export const nodeSizes = {
  resource: { width: 200, height: 48 },
  method: { width: 240, height: 56 },
  route: { width: 260, height: 56 },
  authorizer: { width: 220, height: 56 },
  integration: { width: 240, height: 56 },
} as const;

const rowGap = 16;
const columnGap = 80;
const rowHeight = nodeSizes.method.height + rowGap;

/** Spreads nodes in a column near the rows they serve, without overlaps (sorted by wish, pushed down). */
function placeColumn(items: { id: NodeId; wishY: number }[], x: number, height: number, into: Record<string, Position>): void {
  items.sort((a, b) => a.wishY - b.wishY);
  let nextFree = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const y = Math.max(item.wishY, nextFree);
    into[item.id] = { x, y };
    nextFree = y + height + rowGap;
  }
}

function placeBackends(
  design: Design,
  owners: (Method | Route)[],
  ownerX: number,
  ownerWidth: number,
  positions: Record<string, Position>,
): void {
  const integrationRows = new Map<string, number[]>();
  const authorizerRows = new Map<string, number[]>();
  for (const owner of owners) {
    const y = positions[owner.id]?.y ?? 0;
    if (owner.integration)
      integrationRows.set(owner.integration.integrationId, [...(integrationRows.get(owner.integration.integrationId) ?? []), y]);
    if (owner.authorizerId) authorizerRows.set(owner.authorizerId, [...(authorizerRows.get(owner.authorizerId) ?? []), y]);
  }
  const median = (values: number[] | undefined): number => {
    if (!values || values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };
  const integrationX = ownerX + ownerWidth + columnGap * 2;
  placeColumn(
    Object.keys(design.integrations).map((id) => ({ id: id as NodeId, wishY: median(integrationRows.get(id)) })),
    integrationX,
    nodeSizes.integration.height,
    positions,
  );
  placeColumn(
    Object.keys(design.authorizers).map((id) => ({ id: id as NodeId, wishY: median(authorizerRows.get(id)) })),
    integrationX + nodeSizes.integration.width + columnGap,
    nodeSizes.authorizer.height,
    positions,
  );
}

function layoutRest(design: Design): Record<string, Position> {
  const positions: Record<string, Position> = {};
  const resources = Object.values(design.resources) as Resource[];
  const root = resources.find((resource) => resource.parentId === null);
  if (!root) return positions;
  const children = new Map<ResourceId, Resource[]>();
  for (const resource of resources)
    if (resource.parentId !== null) children.set(resource.parentId, [...(children.get(resource.parentId) ?? []), resource]);
  const methodsOf = new Map<ResourceId, Method[]>();
  for (const method of Object.values(design.methods) as Method[])
    methodsOf.set(method.resourceId, [...(methodsOf.get(method.resourceId) ?? []), method]);
  for (const list of children.values()) list.sort((a, b) => a.pathPart.localeCompare(b.pathPart));
  // An outline of the resource tree (d3-hierarchy, pre-order), read left to right: each resource takes a
  // band of as many rows as it has methods, so no two nodes in a column can overlap and the method
  // column lines up with the resources. (A tidy tree centres a parent on its children, which puts the
  // methods of a parent and of its middle child on the same row.)
  const rows = (resource: Resource) => Math.max(1, methodsOf.get(resource.id)?.length ?? 0);
  const rootNode = hierarchy(root, (resource) => children.get(resource.id));
  const methodX = (rootNode.height + 1) * (nodeSizes.resource.width + columnGap);
  let row = 0;
  rootNode.eachBefore((node) => {
    const y = row * rowHeight;
    positions[node.data.id] = { x: node.depth * (nodeSizes.resource.width + columnGap), y };
    const methods = (methodsOf.get(node.data.id) ?? []).sort((a, b) => httpOrder(a.httpMethod) - httpOrder(b.httpMethod));
    methods.forEach((method, index) => {
      positions[method.id] = { x: methodX, y: y + index * rowHeight };
    });
    row += rows(node.data);
  });
  placeBackends(design, Object.values(design.methods) as Method[], methodX, nodeSizes.method.width, positions);
  return positions;
}

const verbOrder = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
function httpOrder(verb: string): number {
  const index = verbOrder.indexOf(verb);
  return index === -1 ? verbOrder.length : index;
}

function routeSortKey(route: Route): string {
  if (route.routeKey.startsWith('$')) return ` ${route.routeKey}`;
  const space = route.routeKey.indexOf(' ');
  return space === -1 ? route.routeKey : `${route.routeKey.slice(space + 1)} ${httpOrder(route.routeKey.slice(0, space))}`;
}

function layoutRoutes(design: Design): Record<string, Position> {
  const positions: Record<string, Position> = {};
  const routes = (Object.values(design.routes) as Route[]).sort((a, b) => routeSortKey(a).localeCompare(routeSortKey(b)));
  routes.forEach((route, index) => {
    positions[route.id] = { x: 0, y: index * rowHeight };
  });
  placeBackends(design, routes, 0, nodeSizes.route.width, positions);
  return positions;
}

/** Lays out the whole canvas: resource tree (or route list), then integrations and authorizers beside what uses them. */
export function autoLayout(design: Design): Design {
  const positions = design.api.type === 'REST' ? layoutRest(design) : layoutRoutes(design);
  // Laying out a tidy canvas again changes nothing, and so records no undo step.
  if (samePlainValue(positions, design.layout)) return design;
  return { ...design, layout: positions as Design['layout'] };
}
