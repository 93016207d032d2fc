import type { AuthorizerId, Design, IntegrationId, Method, MethodId, Resource, ResourceId, Route, RouteId } from '../model';

/**
 * The part of a design the layout reads: the API type, the resource tree and the verbs (or route keys),
 * which integration and authorizer each row uses, and which integrations and authorizers exist. Sent to
 * the layout worker instead of the whole design: copying a 5,000-operation design into a worker blocks
 * the page for ~170 ms (a visible stutter); this part copies in a fraction of that.
 *
 * The result has the shape of a design with everything else left out: good for `layoutWithElk` only,
 * never for anything that reads the rest (its elements are cast from partial records for that reason).
 */
export function layoutInputOf(design: Design): Design {
  const resources: Record<string, Pick<Resource, 'id' | 'parentId' | 'pathPart'>> = {};
  for (const [id, resource] of Object.entries(design.resources) as [ResourceId, Resource][])
    resources[id] = { id: resource.id, parentId: resource.parentId, pathPart: resource.pathPart };
  const binding = (row: Method | Route) => (row.integration ? { integrationId: row.integration.integrationId } : undefined);
  const methods: Record<string, Partial<Method>> = {};
  for (const [id, method] of Object.entries(design.methods) as [MethodId, Method][])
    methods[id] = {
      id: method.id,
      resourceId: method.resourceId,
      httpMethod: method.httpMethod,
      ...(method.authorizerId ? { authorizerId: method.authorizerId } : {}),
      ...(method.integration ? { integration: binding(method) as Method['integration'] } : {}),
    };
  const routes: Record<string, Partial<Route>> = {};
  for (const [id, route] of Object.entries(design.routes) as [RouteId, Route][])
    routes[id] = {
      id: route.id,
      routeKey: route.routeKey,
      ...(route.authorizerId ? { authorizerId: route.authorizerId } : {}),
      ...(route.integration ? { integration: binding(route) as Route['integration'] } : {}),
    };
  // Backends count by their ids alone; an empty object stands for each.
  const present = <K extends string>(ids: K[]) => Object.fromEntries(ids.map((id) => [id, {}]));
  return {
    schemaVersion: design.schemaVersion,
    // The cards read the API type only (a resource policy or description can be large).
    api: { type: design.api.type } as Design['api'],
    resources: resources as Design['resources'],
    methods: methods as Design['methods'],
    routes: routes as Design['routes'],
    integrations: present(Object.keys(design.integrations) as IntegrationId[]) as Design['integrations'],
    authorizers: present(Object.keys(design.authorizers) as AuthorizerId[]) as Design['authorizers'],
    models: {} as Design['models'],
    requestValidators: {} as Design['requestValidators'],
    gatewayResponses: {},
    stages: {} as Design['stages'],
    stageOrder: [],
    usagePlans: {} as Design['usagePlans'],
    apiKeys: {} as Design['apiKeys'],
    // Domain cards are sized by their lines: mappings and rules travel, small as they are.
    domains: design.domains ?? ({} as Design['domains']),
    layout: {} as Design['layout'],
  };
}
