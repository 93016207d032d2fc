import { isGreedy, isPathParameter, parseHttpRouteKey, type Resource, type ResourceId, type Route } from '../../model';
import { capitalized, guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * At one level of a path, API Gateway allows one variable: `/pets/{id}` and `/pets/{petId}` conflict
 * ("only one variable path part is allowed" on REST, a ConflictException on HTTP APIs). The model allows
 * such siblings, since each is a legal path part on its own.
 */
export const pathParameterSiblings = defineDesignRule({
  id: 'path-parameter-siblings',
  severity: 'error',
  title: 'Differently named path variables at one level',
  why: 'API Gateway cannot tell /pets/{id} from /pets/{petId}: both match /pets/42. A REST resource may therefore have only one child that is a path variable, and on an HTTP API every route must use the same variable name at the same position of a path. Rename one so the names agree.',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  reads: ['api', 'resources', 'routes'],
  operationFields: labelFields,
  check(design, index, report) {
    if (design.api.type === 'REST') {
      const variable = new Map<ResourceId, Resource>();
      const paths = index.resourcePaths(design.resources);
      for (const resource of index.values<Resource>(design.resources)) {
        if (resource.parentId === null || !isPathParameter(resource.pathPart)) continue;
        const first = variable.get(resource.parentId);
        if (!first) {
          variable.set(resource.parentId, resource);
          continue;
        }
        report({
          message: `${paths.get(resource.id)} and ${paths.get(first.id)} are sibling path variables; a resource can have only one.`,
          target: { kind: 'resource', id: resource.id },
        });
      }
      return;
    }
    if (design.api.type !== 'HTTP') return;
    // Position (the path before it, variables written as {}) → the first variable seen there.
    const seen = new Map<string, { name: string; route: Route }>();
    for (const route of index.values<Route>(design.routes)) {
      const path = parseHttpRouteKey(route.routeKey)?.path;
      if (!path) continue;
      let prefix = '';
      for (const segment of path.split('/').slice(1)) {
        if (isPathParameter(segment) && !isGreedy(segment)) {
          const first = seen.get(prefix);
          if (!first) seen.set(prefix, { name: segment, route });
          else if (first.name !== segment) {
            report({
              message: `${capitalized(route.routeKey)} has the path variable ${segment} where ${first.route.routeKey} has ${first.name}; one position takes one name.`,
              target: { kind: 'route', id: route.id },
            });
            break;
          }
        }
        prefix += `/${isPathParameter(segment) ? (isGreedy(segment) ? '{+}' : '{}') : segment}`;
      }
    }
  },
});
