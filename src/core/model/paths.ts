import type { Design } from './design';
import type { ResourceId } from './ids';
import type { Resource } from './resource';

/** The full path of a resource (`/pets/{petId}`); `/` for the root. */
export function resourcePath(design: Design, resourceId: ResourceId): string {
  const parts: string[] = [];
  let current: Resource | undefined = design.resources[resourceId];
  let guard = 0;
  while (current && current.parentId !== null && guard < 10_000) {
    parts.push(current.pathPart);
    current = design.resources[current.parentId];
    guard += 1;
  }
  return `/${parts.reverse().join('/')}`;
}

/** Every resource's full path in one pass (cheaper than `resourcePath` per resource on big designs). */
export function allResourcePaths(design: Pick<Design, 'resources'>): Map<ResourceId, string> {
  const paths = new Map<ResourceId, string>();
  // Iterative, so that a very deep tree cannot overflow the stack; a cycle (only in a damaged design)
  // ends the walk instead of looping.
  for (const start of Object.values(design.resources) as Resource[]) {
    const pending: Resource[] = [];
    const seen = new Set<ResourceId>();
    let current: Resource | undefined = start;
    while (current && !paths.has(current.id) && !seen.has(current.id)) {
      seen.add(current.id);
      pending.push(current);
      current = current.parentId === null ? undefined : design.resources[current.parentId];
    }
    let parentPath = current ? (paths.get(current.id) ?? '/') : '/';
    for (let index = pending.length - 1; index >= 0; index -= 1) {
      const resource = pending[index] as Resource;
      const path = resource.parentId === null ? '/' : parentPath === '/' ? `/${resource.pathPart}` : `${parentPath}/${resource.pathPart}`;
      paths.set(resource.id, path);
      parentPath = path;
    }
  }
  return paths;
}

export function rootResourceId(design: Design): ResourceId | undefined {
  for (const resource of Object.values(design.resources) as Resource[]) if (resource.parentId === null) return resource.id;
  return undefined;
}

/** Children of a resource, in creation order. */
export function childResources(design: Design, parentId: ResourceId): Resource[] {
  return (Object.values(design.resources) as Resource[]).filter((resource) => resource.parentId === parentId);
}

/** The resource and all below it. */
export function subtreeIds(design: Design, resourceId: ResourceId): Set<ResourceId> {
  const byParent = new Map<ResourceId, ResourceId[]>();
  for (const resource of Object.values(design.resources) as Resource[]) {
    if (resource.parentId === null) continue;
    const list = byParent.get(resource.parentId) ?? [];
    list.push(resource.id);
    byParent.set(resource.parentId, list);
  }
  const result = new Set<ResourceId>();
  const stack = [resourceId];
  while (stack.length > 0) {
    const id = stack.pop() as ResourceId;
    if (result.has(id)) continue;
    result.add(id);
    for (const child of byParent.get(id) ?? []) stack.push(child);
  }
  return result;
}
