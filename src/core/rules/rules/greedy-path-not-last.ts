import { isGreedy, type Resource } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * A greedy `{proxy+}` resource matches everything below it and cannot have children. The operations
 * and `checkDesign` refuse such children; this rule names one that arrives in data built outside them.
 * (Route keys with `{proxy+}` before the end are reported by route-key-invalid.)
 */
export const greedyPathNotLast = defineDesignRule({
  id: 'greedy-path-not-last',
  severity: 'error',
  title: 'A greedy {proxy+} path part that is not the last',
  why: 'A greedy path variable such as {proxy+} stands for the whole rest of the path, so it must be the last part: a resource below it could never be reached, and API Gateway refuses to create one.',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  reads: ['resources'],
  check(design, index, report) {
    const paths = index.resourcePaths(design.resources);
    for (const resource of index.values<Resource>(design.resources)) {
      if (resource.parentId === null) continue;
      const parent = design.resources[resource.parentId];
      if (parent && isGreedy(parent.pathPart))
        report({
          message: `${paths.get(resource.id) ?? resource.pathPart} is below the greedy ${parent.pathPart}, which cannot have children.`,
          target: { kind: 'resource', id: resource.id },
        });
    }
  },
});
