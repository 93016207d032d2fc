import type { ApiType } from './api';
import type { Design } from './design';
import type { CustomDomain } from './domain';
import type { AuthorizerId, DomainId, IntegrationId, MethodId, ResourceId, RouteId } from './ids';
import type { Method } from './method';
import type { Resource } from './resource';
import { parseHttpRouteKey, type Route } from './route';

/**
 * The canvas draws cards, not one box per element: a resource card lists its methods as rows (as the
 * console's resource tree does), a route-group card lists the routes of one path (HTTP) or all routes
 * (WebSocket), and every integration and authorizer is a card of its own. Card geometry lives in core
 * because positions are part of the design: layout, placement and the canvas must agree on every size.
 */
declare const groupBrand: unique symbol;
/** `grp:/pets/{id}` for the HTTP routes of one path, `grp:$default`, `grp:$ws` for a WebSocket API's routes. */
export type RouteGroupId = string & { readonly [groupBrand]: 'RouteGroup' };
export type CardId = ResourceId | RouteGroupId | AuthorizerId | IntegrationId | DomainId;
/**
 * A custom domain is a card too: the callers' way in, drawn left of the API with one line per API
 * mapping and routing rule (each naming the stage it sends traffic to) and an edge into the API.
 */
export type CardKind = 'resource' | 'routes' | 'integration' | 'authorizer' | 'domain';
/** An element drawn as a row of a card. */
export type RowId = MethodId | RouteId;

export interface Card {
  id: CardId;
  kind: CardKind;
  /** Methods (resource card) or routes (route group) drawn as rows, in verb order. */
  rows: RowId[];
  /** Indentation level: depth in the resource tree, nesting among route paths; 0 for backends. */
  depth: number;
  /** The parent resource (resource cards other than the root). */
  parentId?: ResourceId;
  /** What the card's header says: the full path, `$default`, or `Routes`. */
  title: string;
  /** Domain cards: how many lines (API mappings and routing rules) the card lists. */
  lines?: number;
}

/** Every size the canvas draws, in flow units (CSS pixels at zoom 1). */
export const cardGeometry = {
  apiWidth: 320,
  backendWidth: 264,
  headerHeight: 40,
  rowHeight: 44,
  /** Below the last row, so the rounded corner does not cut into it. */
  rowsPadding: 4,
  backendHeight: 60,
  /** Indentation per tree level. */
  indent: 24,
  /** Vertical gap between cards in a column. */
  gap: 16,
  /** Horizontal room between the API column and the backends, where edges run. */
  channel: 176,
  /** A line of a domain card (an API mapping or a routing rule). */
  lineHeight: 28,
  /** Domain cards: host names and rule conditions are long. */
  domainWidth: 300,
  /** Between the domains and the API: their edges all run into the API's first card, on one track. */
  domainChannel: 96,
} as const;

/** Where domain cards stand, left of an API outline that starts at x 0. */
export const domainColumnX = -(cardGeometry.domainWidth + cardGeometry.domainChannel);

/** The API's own cards (resources, route groups), as opposed to backends and domains. */
export function isApiCard(card: Pick<Card, 'kind'>): boolean {
  return card.kind === 'resource' || card.kind === 'routes';
}

/** Integrations and authorizers: the column right of the API. */
export function isBackendCard(card: Pick<Card, 'kind'>): boolean {
  return card.kind === 'integration' || card.kind === 'authorizer';
}

/** The lines a domain card lists: its API mappings, then its routing rules; an empty domain says so on one line. */
export function domainLineCount(domain: Pick<CustomDomain, 'mappings' | 'routingRules'>): number {
  return Math.max(1, domain.mappings.length + domain.routingRules.length);
}

const groupPrefix = 'grp:';
const webSocketGroup = `${groupPrefix}$ws` as RouteGroupId;

export function isRouteGroupId(key: string): key is RouteGroupId {
  return key.startsWith(groupPrefix);
}

/** The card a route is a row of. */
export function routeGroupId(route: Route, apiType: ApiType): RouteGroupId {
  if (apiType === 'WEBSOCKET') return webSocketGroup;
  const parsed = parseHttpRouteKey(route.routeKey);
  return `${groupPrefix}${parsed ? parsed.path : route.routeKey}` as RouteGroupId;
}

const verbOrder = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
/** Rows in the order the console lists verbs. */
export function verbRank(verb: string): number {
  const index = verbOrder.indexOf(verb);
  return index === -1 ? verbOrder.length : index;
}

const webSocketRank: Record<string, number> = { $connect: 0, $disconnect: 1, $default: 2 };

export function cardSize(card: Pick<Card, 'kind' | 'rows' | 'lines'>): { width: number; height: number } {
  if (isBackendCard(card)) return { width: cardGeometry.backendWidth, height: cardGeometry.backendHeight };
  if (card.kind === 'domain')
    return {
      width: cardGeometry.domainWidth,
      height: cardGeometry.headerHeight + (card.lines ?? 1) * cardGeometry.lineHeight + cardGeometry.rowsPadding * 2,
    };
  const rows = card.rows.length;
  return {
    width: cardGeometry.apiWidth,
    height: cardGeometry.headerHeight + rows * cardGeometry.rowHeight + (rows > 0 ? cardGeometry.rowsPadding : 0),
  };
}

/** Centre height of a row inside its card, from the card's top. */
export function rowCentre(index: number): number {
  return cardGeometry.headerHeight + index * cardGeometry.rowHeight + cardGeometry.rowHeight / 2;
}

export interface DesignCards {
  /** API cards first (resource tree in pre-order, or route groups by path), then integrations, authorizers, domains. */
  cards: Card[];
  byId: Map<string, Card>;
  /** The card each row element (method, route) is drawn in. */
  cardOfRow: Map<string, CardId>;
}

/** Splits a path into segments for an ordering where `/a/b` follows `/a` and precedes `/a-b`. */
function pathKey(path: string): string {
  return path.split('/').join('\u0000');
}

function restCards(design: Design, cards: Card[], cardOfRow: Map<string, CardId>): void {
  const children = new Map<ResourceId, Resource[]>();
  let root: Resource | undefined;
  for (const resource of Object.values(design.resources) as Resource[]) {
    if (resource.parentId === null) {
      root ??= resource;
      continue;
    }
    const list = children.get(resource.parentId);
    if (list) list.push(resource);
    else children.set(resource.parentId, [resource]);
  }
  const methodsOf = new Map<ResourceId, Method[]>();
  for (const method of Object.values(design.methods) as Method[]) {
    const list = methodsOf.get(method.resourceId);
    if (list) list.push(method);
    else methodsOf.set(method.resourceId, [method]);
  }
  const paths = new Map<ResourceId, string>();
  const seen = new Set<ResourceId>();
  // Iterative pre-order walk: a tree thousands deep cannot overflow the stack, and a damaged design's cycle ends.
  const stack: { resource: Resource; depth: number; path: string }[] = root ? [{ resource: root, depth: 0, path: '/' }] : [];
  while (stack.length > 0) {
    const { resource, depth, path } = stack.pop() as { resource: Resource; depth: number; path: string };
    if (seen.has(resource.id)) continue;
    seen.add(resource.id);
    paths.set(resource.id, path);
    const rows = (methodsOf.get(resource.id) ?? [])
      .sort((a, b) => verbRank(a.httpMethod) - verbRank(b.httpMethod))
      .map((method) => method.id);
    for (const row of rows) cardOfRow.set(row, resource.id);
    cards.push({
      id: resource.id,
      kind: 'resource',
      rows,
      depth,
      ...(resource.parentId !== null ? { parentId: resource.parentId } : {}),
      title: path,
    });
    const kids = (children.get(resource.id) ?? []).slice().sort((a, b) => (a.pathPart < b.pathPart ? -1 : a.pathPart > b.pathPart ? 1 : 0));
    for (let index = kids.length - 1; index >= 0; index -= 1) {
      const child = kids[index] as Resource;
      stack.push({ resource: child, depth: depth + 1, path: path === '/' ? `/${child.pathPart}` : `${path}/${child.pathPart}` });
    }
  }
  // Resources cut off from the root (only in a damaged design) still get a card, at the top level.
  for (const resource of Object.values(design.resources) as Resource[])
    if (!seen.has(resource.id)) {
      const rows = (methodsOf.get(resource.id) ?? []).map((method) => method.id);
      for (const row of rows) cardOfRow.set(row, resource.id);
      cards.push({ id: resource.id, kind: 'resource', rows, depth: 0, title: `…/${resource.pathPart}` });
    }
}

function routeCards(design: Design, cards: Card[], cardOfRow: Map<string, CardId>): void {
  const apiType = design.api.type;
  const groups = new Map<RouteGroupId, Route[]>();
  for (const route of Object.values(design.routes) as Route[]) {
    const id = routeGroupId(route, apiType);
    const list = groups.get(id);
    if (list) list.push(route);
    else groups.set(id, [route]);
  }
  const ids = [...groups.keys()].sort((a, b) => {
    const pa = pathKey(a);
    const pb = pathKey(b);
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  const present = new Set<string>(ids);
  for (const id of ids) {
    const routes = groups.get(id) as Route[];
    routes.sort((a, b) => {
      if (apiType === 'WEBSOCKET') {
        const ra = webSocketRank[a.routeKey] ?? 3;
        const rb = webSocketRank[b.routeKey] ?? 3;
        return ra !== rb ? ra - rb : a.routeKey < b.routeKey ? -1 : 1;
      }
      return verbRank(parseHttpRouteKey(a.routeKey)?.method ?? '') - verbRank(parseHttpRouteKey(b.routeKey)?.method ?? '');
    });
    const rows = routes.map((route) => route.id);
    for (const row of rows) cardOfRow.set(row, id);
    const path = id.slice(groupPrefix.length);
    // Nested under the closest shorter path that also has routes, as resources nest in a REST API.
    let depth = 0;
    if (path.startsWith('/')) {
      const parts = path.split('/').filter(Boolean);
      for (let cut = parts.length - 1; cut >= 1; cut -= 1) if (present.has(`${groupPrefix}/${parts.slice(0, cut).join('/')}`)) depth += 1;
    }
    cards.push({ id, kind: 'routes', rows, depth, title: apiType === 'WEBSOCKET' ? 'Routes' : path });
  }
}

/** The design without positions of route groups that lost their last route. */
export function withoutEmptyGroups(design: Design): Design {
  let layout: Record<string, unknown> | undefined;
  const live = new Set<string>();
  for (const route of Object.values(design.routes) as Route[]) live.add(routeGroupId(route, design.api.type));
  for (const key of Object.keys(design.layout))
    if (isRouteGroupId(key) && !live.has(key)) {
      layout ??= { ...design.layout };
      delete layout[key];
    }
  return layout ? { ...design, layout: layout as Design['layout'] } : design;
}

const memo = new WeakMap<Design, DesignCards>();

/** The cards of a design, remembered per design object (designs are never mutated). */
export function designCards(design: Design): DesignCards {
  const cached = memo.get(design);
  if (cached) return cached;
  const cards: Card[] = [];
  const cardOfRow = new Map<string, CardId>();
  if (design.api.type === 'REST') restCards(design, cards, cardOfRow);
  else routeCards(design, cards, cardOfRow);
  for (const id of Object.keys(design.integrations))
    cards.push({ id: id as IntegrationId, kind: 'integration', rows: [], depth: 0, title: '' });
  for (const id of Object.keys(design.authorizers))
    cards.push({ id: id as AuthorizerId, kind: 'authorizer', rows: [], depth: 0, title: '' });
  // Designs from before custom domains (and partial designs built by tests and the layout worker) have none.
  for (const domain of Object.values(design.domains ?? {}) as CustomDomain[])
    cards.push({ id: domain.id, kind: 'domain', rows: [], depth: 0, title: domain.domainName, lines: domainLineCount(domain) });
  const byId = new Map<string, Card>();
  for (const card of cards) byId.set(card.id, card);
  const result = { cards, byId, cardOfRow };
  memo.set(design, result);
  return result;
}

/** The card that shows an element: a method's resource, a route's group, or the element's own card. */
export function cardOfElement(design: Design, elementId: string): CardId | undefined {
  const { byId, cardOfRow } = designCards(design);
  if (byId.has(elementId)) return elementId as CardId;
  return cardOfRow.get(elementId);
}

/**
 * Whether two versions of a design draw the same cards with the same rows and connections (what typing
 * in a form leaves alone). Compares only the elements that changed, so it stays cheap on big designs.
 */
export function sameCardShape(previous: Design, next: Design): boolean {
  if (previous === next) return true;
  if (previous.api.type !== next.api.type) return false;
  const same = <T>(a: Record<string, T>, b: Record<string, T>, equal: (x: T, y: T) => boolean): boolean => {
    if (a === b) return true;
    let count = 0;
    for (const key in b) {
      count += 1;
      const before = a[key];
      const after = b[key] as T;
      if (before === after) continue;
      if (before === undefined || !equal(before, after)) return false;
    }
    return count === Object.keys(a).length;
  };
  const always = () => true;
  return (
    same(previous.resources, next.resources, (a, b) => a.parentId === b.parentId) &&
    same(
      previous.methods,
      next.methods,
      (a, b) =>
        a.resourceId === b.resourceId &&
        a.httpMethod === b.httpMethod &&
        a.authorizerId === b.authorizerId &&
        a.integration?.integrationId === b.integration?.integrationId,
    ) &&
    same(
      previous.routes,
      next.routes,
      (a, b) =>
        a.routeKey === b.routeKey && a.authorizerId === b.authorizerId && a.integration?.integrationId === b.integration?.integrationId,
    ) &&
    same(previous.authorizers, next.authorizers, always) &&
    same(previous.integrations, next.integrations, always) &&
    same(previous.domains ?? {}, next.domains ?? {}, (a, b) => domainLineCount(a) === domainLineCount(b))
  );
}
