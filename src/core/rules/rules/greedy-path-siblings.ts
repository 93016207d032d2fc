import { isGreedy, isPathParameter, type Resource, type ResourceId } from '../../model';
import { guide, listed } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * On a REST API, a specific sibling takes precedence over `{proxy+}` for everything below it: requests
 * under `/pets` never reach `/{proxy+}`, even where `/pets` has no matching child or method (they get 403
 * "Missing Authentication Token" instead). HTTP APIs fall back to the greedy route, so this is REST only.
 */
export const greedyPathSiblings = defineDesignRule({
  id: 'greedy-path-siblings',
  severity: 'info',
  title: 'Siblings take paths away from a {proxy+} resource',
  why: 'When a proxy resource has non-proxy siblings, the siblings and everything below them are excluded from what the proxy resource matches. A request to /pets/42 goes to the /pets branch, and if that branch has no {id} child it fails there instead of reaching /{proxy+}.',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  reads: ['api', 'resources'],
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    const children = new Map<ResourceId, Resource[]>();
    for (const resource of index.values<Resource>(design.resources)) {
      if (resource.parentId === null) continue;
      const list = children.get(resource.parentId);
      if (list) list.push(resource);
      else children.set(resource.parentId, [resource]);
    }
    const paths = index.resourcePaths(design.resources);
    for (const siblings of children.values()) {
      const greedy = siblings.find((resource) => isGreedy(resource.pathPart));
      if (!greedy) continue;
      const specific = siblings.filter((resource) => !isPathParameter(resource.pathPart)).map((resource) => paths.get(resource.id) ?? '');
      if (specific.length === 0) continue;
      report({
        message: `${paths.get(greedy.id)} does not catch requests under ${listed(specific)}: ${specific.length === 1 ? 'that sibling takes' : 'those siblings take'} them.`,
        target: { kind: 'resource', id: greedy.id },
      });
    }
  },
});
