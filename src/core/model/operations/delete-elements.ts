import type { Design } from '../design';
import {
  type AuthorizerId,
  type DomainId,
  type IntegrationId,
  idKindOf,
  type MethodId,
  type NodeId,
  type ResourceId,
  type RouteId,
} from '../ids';
import { deleteAuthorizers } from './authorizers';
import { deleteDomain } from './domains';
import { deleteIntegrations } from './integrations';
import { deleteMethods } from './methods';
import { deleteResources } from './resources';
import { deleteRoutes } from './routes';

/**
 * Deletes any mix of canvas nodes (Delete/Backspace on a selection). The root resource is skipped,
 * not refused, so that selecting everything and deleting clears the canvas.
 */
export function deleteElements(design: Design, ids: Iterable<NodeId>): Design {
  const resources: ResourceId[] = [];
  const methods: MethodId[] = [];
  const routes: RouteId[] = [];
  const authorizers: AuthorizerId[] = [];
  const integrations: IntegrationId[] = [];
  const domains: DomainId[] = [];
  for (const id of ids) {
    if (Object.hasOwn(design.resources, id)) {
      if (design.resources[id as ResourceId]?.parentId !== null) resources.push(id as ResourceId);
    } else if (Object.hasOwn(design.methods, id)) methods.push(id as MethodId);
    else if (Object.hasOwn(design.routes, id)) routes.push(id as RouteId);
    else if (Object.hasOwn(design.authorizers, id)) authorizers.push(id as AuthorizerId);
    else if (Object.hasOwn(design.integrations, id)) integrations.push(id as IntegrationId);
    else if (Object.hasOwn(design.domains ?? {}, id)) domains.push(id as DomainId);
    else if (idKindOf(id) === undefined) continue;
  }
  let next = domains.reduce(deleteDomain, design);
  next = deleteIntegrations(next, integrations);
  next = deleteAuthorizers(next, authorizers);
  next = deleteRoutes(next, routes);
  // Methods under a deleted resource go with it; delete the others explicitly.
  next = deleteResources(next, resources);
  next = deleteMethods(
    next,
    methods.filter((id) => Object.hasOwn(next.methods, id)),
  );
  return next;
}
