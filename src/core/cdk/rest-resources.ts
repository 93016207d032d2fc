import {
  allResourcePaths,
  type Design,
  isGreedy,
  type Method,
  type MethodId,
  type Resource,
  type ResourceId,
  rootResourceId,
  valuesOf,
} from '../model';
import type { ProgramContext } from './context';
import { isTemplated } from './intrinsics';

/**
 * The REST resource tree as the program writes it: every resource whose path parts the CDK accepts,
 * children in design order, and the methods of each.
 */

/** The CDK's own check of a path part (cdk-mapping.md §3.2): `[a-zA-Z0-9:._-$]`, optionally `{…}`/`{…+}`. */
function cdkPathPartProblem(pathPart: string): boolean {
  let inner = pathPart;
  if (inner.startsWith('{') && inner.endsWith('}')) {
    inner = inner.slice(1, -1);
    if (inner.endsWith('+')) inner = inner.slice(0, -1);
  }
  return !/^[a-zA-Z0-9:._\-$]+$/.test(inner);
}

export interface ResourceTree {
  rootId: ResourceId;
  /**
   * Resources the CDK's `Resource` refuses but API Gateway takes (a `,` in the path part, `__proto__`, a
   * template placeholder such as `${path_key}` filled in before deployment): written as their L1
   * resource (rest-l1-resource.ts), so that they and their methods stay in the program.
   */
  l1: Set<ResourceId>;
  paths: Map<ResourceId, string>;
  children: Map<ResourceId, Resource[]>;
  methods: Map<ResourceId, Method[]>;
  /** Methods on resources the program writes, in design order. */
  written: Method[];
  /** Resources the program writes, root first, parents before children. */
  order: Resource[];
}

const verbs = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);

export function resourceTree(ctx: ProgramContext, design: Design): ResourceTree | undefined {
  const rootId = rootResourceId(design);
  if (rootId === undefined) return undefined;
  const paths = allResourcePaths(design);
  const children = new Map<ResourceId, Resource[]>();
  for (const resource of valuesOf(design.resources)) {
    if (resource.parentId === null) continue;
    const list = children.get(resource.parentId) ?? [];
    list.push(resource);
    children.set(resource.parentId, list);
  }
  const methodsByResource = new Map<ResourceId, Method[]>();
  for (const method of valuesOf(design.methods)) {
    const list = methodsByResource.get(method.resourceId) ?? [];
    list.push(method);
    methodsByResource.set(method.resourceId, list);
  }
  const order: Resource[] = [];
  const written: Method[] = [];
  const l1 = new Set<ResourceId>();
  const root = design.resources[rootId] as Resource;
  const stack: Resource[] = [root];
  const seen = new Set<ResourceId>();
  while (stack.length > 0) {
    const resource = stack.pop() as Resource;
    if (seen.has(resource.id)) continue;
    seen.add(resource.id);
    order.push(resource);
    const verbsSeen = new Set<string>();
    for (const method of methodsByResource.get(resource.id) ?? []) {
      if (!verbs.has(method.httpMethod) || verbsSeen.has(method.httpMethod)) {
        ctx.note(
          `${method.httpMethod} ${paths.get(resource.id) ?? ''}: the method is not a distinct HTTP verb of its resource, so the program leaves it out.`,
        );
        continue;
      }
      verbsSeen.add(method.httpMethod);
      written.push(method);
    }
    const kids = children.get(resource.id) ?? [];
    for (let index = kids.length - 1; index >= 0; index -= 1) {
      const child = kids[index] as Resource;
      if (child.pathPart === '__proto__' || cdkPathPartProblem(child.pathPart) || isTemplated(child.pathPart)) l1.add(child.id);
      if (isGreedy(resource.pathPart)) {
        ctx.note(
          `${paths.get(child.id) ?? child.pathPart} is below a greedy {proxy+} resource, which cannot have children; the program leaves it out.`,
        );
        continue;
      }
      stack.push(child);
    }
  }
  // Depth-first order with children in design order: each parent comes before its children.
  return { rootId, l1, paths, children, methods: methodsByResource, written, order };
}

/** `methodOptions` and usage-plan key of a method: `/pets/{petId}/GET` (`//GET` on the root). */
function methodKey(tree: ResourceTree, method: Method): string {
  return `${tree.paths.get(method.resourceId) ?? '/'}/${method.httpMethod}`;
}

export function methodKeys(tree: ResourceTree): Map<MethodId, string> {
  return new Map(tree.written.map((method) => [method.id, methodKey(tree, method)]));
}
