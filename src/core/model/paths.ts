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
export function allResourcePaths(design: Design): Map<ResourceId, string> {
  const paths = new Map<ResourceId, string>();
  const visit = (resource: Resource): string => {
    const known = paths.get(resource.id);
    if (known !== undefined) return known;
    let path: string;
    if (resource.parentId === null) path = '/';
    else {
      const parent = design.resources[resource.parentId];
      const parentPath = parent ? visit(parent) : '/';
      path = parentPath === '/' ? `/${resource.pathPart}` : `${parentPath}/${resource.pathPart}`;
    }
    paths.set(resource.id, path);
    return path;
  };
  for (const resource of Object.values(design.resources) as Resource[]) visit(resource);
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
