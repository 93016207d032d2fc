import {
  type AuthorizerId,
  type Design,
  type IntegrationTarget,
  type Method,
  type Position,
  parseHttpRouteKey,
  type Resource,
  type Route,
  valuesOf,
} from '../model';

/**
 * Renames in an edited export keep their elements: a resource whose path part changed (`/pets` →
 * `/animals`, `{petId}` → `{id}`) is the only new child of a parent that also lost exactly one child, so
 * it takes that child's id, and so do the resources and methods under it that kept their path part and
 * verb; an HTTP route whose path changed takes the id of the one route of the same verb and path length
 * that disappeared. Everything keyed by those ids (canvas positions, stage and usage plan settings)
 * then follows the rename instead of being dropped. Ambiguous cases (two new children, two lost ones)
 * are left as new elements.
 */
export function followRenames(design: Design, previous: Design): Design {
  if (design.api.type !== previous.api.type) return design;
  const renamed = design.api.type === 'REST' ? followResourceRenames(design, previous) : followRouteRenames(design, previous);
  return followAuthorizerRenames(followTargetChanges(renamed, previous), previous);
}

/** The id each method or route had, by its id in `design` (the same id, once renames were followed). */
function previousOwnerOf(previous: Design, id: string): Method | Route | undefined {
  if (Object.hasOwn(previous.methods, id)) return previous.methods[id as Method['id']];
  return Object.hasOwn(previous.routes, id) ? previous.routes[id as Route['id']] : undefined;
}

/**
 * A renamed authorizer (its security scheme key and the requirements naming it) is a new authorizer to
 * the importer; when every method or route it protects was protected by one same authorizer that is
 * gone, it is that authorizer renamed and takes its id (its canvas position stays).
 */
function followAuthorizerRenames(design: Design, previous: Design): Design {
  const owners = [...valuesOf(design.methods), ...valuesOf(design.routes)] as (Method | Route)[];
  const rename = new Map<string, string>();
  const claimed = new Set<string>();
  for (const authorizer of valuesOf(design.authorizers)) {
    if (Object.hasOwn(previous.authorizers, authorizer.id)) continue;
    const before = new Set<string>();
    for (const owner of owners)
      if (owner.authorizerId === authorizer.id) before.add(previousOwnerOf(previous, owner.id)?.authorizerId ?? '');
    const [only] = [...before];
    if (before.size !== 1 || !only || claimed.has(only) || Object.hasOwn(design.authorizers, only)) continue;
    if (previous.authorizers[only as AuthorizerId]?.kind !== authorizer.kind) continue;
    rename.set(authorizer.id, only);
    claimed.add(only);
  }
  if (rename.size === 0) return design;
  const mapped = (id: string) => rename.get(id) ?? id;
  const authorizers = Object.fromEntries(
    valuesOf(design.authorizers).map((authorizer) => [mapped(authorizer.id), { ...authorizer, id: mapped(authorizer.id) }]),
  ) as Design['authorizers'];
  const protect = <T extends Method | Route>(owner: T): T =>
    owner.authorizerId && rename.has(owner.authorizerId) ? { ...owner, authorizerId: mapped(owner.authorizerId) } : owner;
  const layout: Record<string, Position> = {};
  for (const [id, position] of Object.entries(design.layout)) layout[mapped(id)] = position;
  return {
    ...design,
    authorizers,
    methods: Object.fromEntries((valuesOf(design.methods) as Method[]).map((method) => [method.id, protect(method)])) as Design['methods'],
    routes: Object.fromEntries((valuesOf(design.routes) as Route[]).map((route) => [route.id, protect(route)])) as Design['routes'],
    layout: layout as Design['layout'],
  };
}

/**
 * A backend whose URI (or other identity) was edited is a new target to the importer; when every method
 * or route that uses it used one same target before, and that target is gone, it is that target edited:
 * it takes its id, so that its canvas position and label stay.
 */
function followTargetChanges(design: Design, previous: Design): Design {
  const owners = [...valuesOf(design.methods), ...valuesOf(design.routes)] as (Method | Route)[];
  const rename = new Map<string, string>();
  const claimed = new Set<string>();
  for (const target of valuesOf(design.integrations) as IntegrationTarget[]) {
    if (Object.hasOwn(previous.integrations, target.id)) continue;
    const before = new Set<string>();
    for (const owner of owners)
      if (owner.integration?.integrationId === target.id) {
        const old = previousOwnerOf(previous, owner.id)?.integration?.integrationId;
        before.add(old ?? '');
      }
    const [only] = [...before];
    if (before.size !== 1 || !only || claimed.has(only) || Object.hasOwn(design.integrations, only)) continue;
    if (previous.integrations[only as IntegrationTarget['id']]?.kind !== target.kind) continue;
    rename.set(target.id, only);
    claimed.add(only);
  }
  if (rename.size === 0) return design;
  const mapped = (id: string) => rename.get(id) ?? id;
  const integrations: Record<string, IntegrationTarget> = {};
  for (const target of valuesOf(design.integrations) as IntegrationTarget[])
    integrations[mapped(target.id)] = { ...target, id: mapped(target.id) } as IntegrationTarget;
  const rebind = <T extends Method | Route>(owner: T): T =>
    owner.integration && rename.has(owner.integration.integrationId)
      ? { ...owner, integration: { ...owner.integration, integrationId: mapped(owner.integration.integrationId) } }
      : owner;
  const layout: Record<string, Position> = {};
  for (const [id, position] of Object.entries(design.layout)) layout[mapped(id)] = position;
  return {
    ...design,
    integrations: integrations as Design['integrations'],
    methods: Object.fromEntries((valuesOf(design.methods) as Method[]).map((method) => [method.id, rebind(method)])) as Design['methods'],
    routes: Object.fromEntries((valuesOf(design.routes) as Route[]).map((route) => [route.id, rebind(route)])) as Design['routes'],
    layout: layout as Design['layout'],
  };
}

function childrenByParent(resources: Iterable<Resource>): Map<string, Resource[]> {
  const map = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (resource.parentId === null) continue;
    const list = map.get(resource.parentId);
    if (list) list.push(resource);
    else map.set(resource.parentId, [resource]);
  }
  return map;
}

function followResourceRenames(design: Design, previous: Design): Design {
  const rename = new Map<string, string>();
  const claimed = new Set<string>();
  const isNew = (id: string) => !Object.hasOwn(previous.resources, id);
  const newChildren = childrenByParent(valuesOf(design.resources) as Resource[]);
  const oldChildren = childrenByParent(valuesOf(previous.resources) as Resource[]);
  const roots = (valuesOf(design.resources) as Resource[]).filter((resource) => resource.parentId === null);
  const queue = roots.map((resource) => resource.id as string);
  for (let index = 0; index < queue.length; index += 1) {
    const parent = queue[index] as string;
    const oldParent = rename.get(parent) ?? parent;
    const children = newChildren.get(parent) ?? [];
    queue.push(...children.map((child) => child.id));
    const fresh = children.filter((child) => isNew(child.id));
    if (fresh.length === 0 || !Object.hasOwn(previous.resources, oldParent)) continue;
    const lost = (oldChildren.get(oldParent) ?? []).filter((child) => !Object.hasOwn(design.resources, child.id) && !claimed.has(child.id));
    const pair = (child: Resource, old: Resource) => {
      rename.set(child.id, old.id);
      claimed.add(old.id);
    };
    // Under a renamed parent, children that kept their path part are the same resources.
    const unpaired: Resource[] = [];
    for (const child of fresh) {
      const same = lost.find((old) => old.pathPart === child.pathPart && !claimed.has(old.id));
      if (same) pair(child, same);
      else unpaired.push(child);
    }
    const remaining = lost.filter((old) => !claimed.has(old.id));
    if (unpaired.length === 1 && remaining.length === 1) pair(unpaired[0] as Resource, remaining[0] as Resource);
  }
  if (rename.size === 0) return design;
  const mapped = (id: string) => rename.get(id) ?? id;
  const resources: Record<string, Resource> = {};
  for (const resource of valuesOf(design.resources) as Resource[]) {
    const id = mapped(resource.id);
    resources[id] = { ...resource, id, parentId: resource.parentId === null ? null : mapped(resource.parentId) } as Resource;
  }
  // Methods on a renamed resource take the id of the same verb's method there.
  const takenMethods = new Set(Object.keys(design.methods));
  const methods: Record<string, Method> = {};
  for (const method of valuesOf(design.methods) as Method[]) {
    const resourceId = mapped(method.resourceId);
    let id: string = method.id;
    if (resourceId !== method.resourceId && !Object.hasOwn(previous.methods, method.id)) {
      const old = (valuesOf(previous.methods) as Method[]).find(
        (candidate) => candidate.resourceId === resourceId && candidate.httpMethod === method.httpMethod && !takenMethods.has(candidate.id),
      );
      if (old) {
        id = old.id;
        takenMethods.add(old.id);
      }
    }
    methods[id] = { ...method, id, resourceId } as Method;
  }
  const layout: Record<string, Position> = {};
  for (const [id, position] of Object.entries(design.layout)) layout[mapped(id)] = position;
  return {
    ...design,
    resources: resources as Design['resources'],
    methods: methods as Design['methods'],
    layout: layout as Design['layout'],
  };
}

function routeShape(routeKey: string): string | undefined {
  const parsed = parseHttpRouteKey(routeKey);
  return parsed ? `${parsed.method} ${parsed.path.split('/').length}` : undefined;
}

function followRouteRenames(design: Design, previous: Design): Design {
  const fresh = (valuesOf(design.routes) as Route[]).filter((route) => !Object.hasOwn(previous.routes, route.id));
  const lost = (valuesOf(previous.routes) as Route[]).filter((route) => !Object.hasOwn(design.routes, route.id));
  const rename = new Map<string, string>();
  for (const route of fresh) {
    const shape = routeShape(route.routeKey);
    if (shape === undefined) continue;
    const sameShape = (candidate: Route) => routeShape(candidate.routeKey) === shape;
    const candidates = lost.filter(sameShape);
    if (candidates.length === 1 && fresh.filter(sameShape).length === 1) rename.set(route.id, (candidates[0] as Route).id);
  }
  if (rename.size === 0) return design;
  const routes: Record<string, Route> = {};
  for (const route of valuesOf(design.routes) as Route[]) {
    const id = rename.get(route.id) ?? route.id;
    routes[id] = { ...route, id } as Route;
  }
  const layout: Record<string, Position> = {};
  for (const [id, position] of Object.entries(design.layout)) layout[rename.get(id) ?? id] = position;
  return { ...design, routes: routes as Design['routes'], layout: layout as Design['layout'] };
}
