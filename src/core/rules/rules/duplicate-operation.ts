import type { Method, Resource, Route } from '../../model';
import { capitalized, guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * One method per verb per resource, one resource per path part under a parent, one route per route key.
 * The operations and `checkDesign` refuse duplicates; this rule names one that arrives in data built
 * outside them (an importer, a hand-edited file), where API Gateway would refuse the import.
 */
export const duplicateOperation = defineDesignRule({
  id: 'duplicate-operation',
  severity: 'error',
  title: 'Duplicate method, resource or route',
  why: 'A REST API resource has at most one method per HTTP verb, and a parent resource at most one child per path part; an HTTP or WebSocket API has each route key once. A second definition would have to replace the first, so API Gateway refuses it.',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  reads: ['resources', 'methods', 'routes'],
  operationFields: labelFields,
  check(design, index, report) {
    const parts = new Set<string>();
    const paths = index.resourcePaths(design.resources);
    for (const resource of index.values<Resource>(design.resources)) {
      if (resource.parentId === null) continue;
      const key = `${resource.parentId}\u0000${resource.pathPart}`;
      if (parts.has(key))
        report({
          message: `The path ${paths.get(resource.id) ?? resource.pathPart} is defined by two resources.`,
          target: { kind: 'resource', id: resource.id },
        });
      parts.add(key);
    }
    const verbs = new Set<string>();
    for (const method of index.values<Method>(design.methods)) {
      const key = `${method.resourceId}\u0000${method.httpMethod}`;
      if (verbs.has(key))
        report({ message: `${index.label(method, design.resources)} is defined twice.`, target: { kind: 'method', id: method.id } });
      verbs.add(key);
    }
    const keys = new Set<string>();
    for (const route of index.values<Route>(design.routes)) {
      if (keys.has(route.routeKey))
        report({
          message: `${capitalized(index.label(route, design.resources))} is defined twice.`,
          target: { kind: 'route', id: route.id },
        });
      keys.add(route.routeKey);
    }
  },
});
