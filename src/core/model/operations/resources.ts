import { type Design, type Position, ROOT_RESOURCE_ID } from '../design';
import { refuse } from '../errors';
import { createId, type ResourceId } from '../ids';
import { resourcePath, rootResourceId, subtreeIds } from '../paths';
import { isGreedy, pathPartProblem } from '../resource';
import { mustGet, requireType } from './helpers';
import { deleteMethods } from './methods';

function assertFreePathPart(design: Design, parentId: ResourceId, pathPart: string, ignoreId?: ResourceId): void {
  for (const sibling of Object.values(design.resources)) {
    if (sibling.parentId !== parentId || sibling.id === ignoreId) continue;
    if (sibling.pathPart === pathPart)
      refuse('duplicate', `${resourcePath(design, parentId).replace(/\/$/, '')}/${pathPart} already exists.`);
  }
  const parent = mustGet(design.resources, parentId, 'resource');
  if (isGreedy(parent.pathPart))
    refuse('not-allowed', `${parent.pathPart} is greedy and matches everything below it: it cannot have child resources.`);
}

export interface AddResourceArgs {
  parentId: ResourceId;
  pathPart: string;
  id?: ResourceId;
  position?: Position;
}

/** Adds a path part under a parent resource. */
export function addResource(design: Design, args: AddResourceArgs): Design {
  requireType(design, ['REST'], 'Resources');
  const pathPart = args.pathPart.trim();
  const problem = pathPartProblem(pathPart);
  if (problem) refuse('invalid-value', problem);
  assertFreePathPart(design, args.parentId, pathPart);
  const id = args.id ?? createId('Resource');
  if (Object.hasOwn(design.resources, id)) refuse('duplicate', `A resource with id "${id}" already exists.`);
  return {
    ...design,
    resources: { ...design.resources, [id]: { id, parentId: args.parentId, pathPart } },
    layout: args.position ? { ...design.layout, [id]: args.position } : design.layout,
  };
}

/** Changes a resource's path part. */
export function renameResource(design: Design, resourceId: ResourceId, pathPart: string): Design {
  const resource = mustGet(design.resources, resourceId, 'resource');
  if (resource.parentId === null) refuse('not-allowed', 'The root resource "/" has no path part to change.');
  const next = pathPart.trim();
  if (next === resource.pathPart) return design;
  const problem = pathPartProblem(next);
  if (problem) refuse('invalid-value', problem);
  assertFreePathPart(design, resource.parentId, next, resourceId);
  if (isGreedy(next) && Object.values(design.resources).some((child) => child.parentId === resourceId))
    refuse('not-allowed', `${next} is greedy and cannot have child resources; move its children first.`);
  return { ...design, resources: { ...design.resources, [resourceId]: { ...resource, pathPart: next } } };
}

/** Moves a resource (with everything below it) under another parent: nesting on the canvas. */
export function moveResource(design: Design, resourceId: ResourceId, newParentId: ResourceId): Design {
  const resource = mustGet(design.resources, resourceId, 'resource');
  mustGet(design.resources, newParentId, 'resource');
  if (resource.parentId === null) refuse('not-allowed', 'The root resource "/" cannot be nested under another resource.');
  if (resource.parentId === newParentId) return design;
  if (subtreeIds(design, resourceId).has(newParentId))
    refuse(
      'not-allowed',
      `${resourcePath(design, newParentId)} is inside ${resourcePath(design, resourceId)}: a resource cannot be nested under itself.`,
    );
  assertFreePathPart(design, newParentId, resource.pathPart, resourceId);
  return { ...design, resources: { ...design.resources, [resourceId]: { ...resource, parentId: newParentId } } };
}

/** Deletes resources with their subtrees and methods. The root cannot be deleted. */
export function deleteResources(design: Design, resourceIds: Iterable<ResourceId>): Design {
  const doomed = new Set<ResourceId>();
  for (const id of resourceIds) {
    const resource = mustGet(design.resources, id, 'resource');
    if (resource.parentId === null) refuse('not-allowed', 'The root resource "/" cannot be deleted.');
    for (const below of subtreeIds(design, id)) doomed.add(below);
  }
  if (doomed.size === 0) return design;
  const methodIds = Object.values(design.methods)
    .filter((method) => doomed.has(method.resourceId))
    .map((method) => method.id);
  const afterMethods = deleteMethods(design, methodIds);
  const resources = { ...afterMethods.resources };
  const layout = { ...afterMethods.layout };
  for (const id of doomed) {
    delete resources[id];
    delete layout[id];
  }
  return { ...afterMethods, resources, layout };
}

/** The root resource id, creating the root if a REST design lacks one (older or hand-edited designs). */
export function ensureRoot(design: Design): { design: Design; rootId: ResourceId } {
  const existing = rootResourceId(design);
  if (existing) return { design, rootId: existing };
  return {
    design: {
      ...design,
      resources: { ...design.resources, [ROOT_RESOURCE_ID]: { id: ROOT_RESOURCE_ID, parentId: null, pathPart: '' } },
    },
    rootId: ROOT_RESOURCE_ID,
  };
}
