import type { Design } from './design';
import { OperationError } from './errors';
import type { AuthorizerId, IntegrationId, MethodId, NodeId, ResourceId, RouteId } from './ids';
import { moveMethod } from './operations/methods';
import { moveResource } from './operations/resources';
import { connectAuthorizer, connectIntegration } from './operations/wiring';

export type NodeKind = 'resource' | 'method' | 'route' | 'authorizer' | 'integration';

export function nodeKindOf(design: Design, id: string): NodeKind | undefined {
  if (Object.hasOwn(design.resources, id)) return 'resource';
  if (Object.hasOwn(design.methods, id)) return 'method';
  if (Object.hasOwn(design.routes, id)) return 'route';
  if (Object.hasOwn(design.authorizers, id)) return 'authorizer';
  if (Object.hasOwn(design.integrations, id)) return 'integration';
  return undefined;
}

export type Connection = { ok: true; label: string; apply: (design: Design) => Design } | { ok: false; reason: string };

const article: Record<NodeKind, string> = {
  resource: 'a resource',
  method: 'a method',
  route: 'a route',
  authorizer: 'an authorizer',
  integration: 'an integration',
};

/**
 * What dragging a connection from `sourceId` to `targetId` means, or why it makes no sense. The canvas
 * asks this while the user drags (to refuse with a visible reason) and applies it on drop.
 */
export function describeConnection(design: Design, sourceId: string, targetId: string): Connection {
  if (sourceId === targetId) return { ok: false, reason: 'A node cannot be connected to itself.' };
  const source = nodeKindOf(design, sourceId);
  const target = nodeKindOf(design, targetId);
  if (!source || !target) return { ok: false, reason: 'One end of this connection no longer exists.' };
  // Either direction of drag means the same thing; normalise so the owner comes first.
  const pair = `${source}->${target}`;
  const swapped = `${target}->${source}`;
  const attempt = (label: string, apply: (design: Design) => Design): Connection => {
    try {
      apply(design);
      return { ok: true, label, apply };
    } catch (error) {
      if (error instanceof OperationError) return { ok: false, reason: error.message };
      throw error;
    }
  };
  if (pair === 'resource->resource')
    return attempt('Nest resource', (d) => moveResource(d, targetId as ResourceId, sourceId as ResourceId));
  if (pair === 'resource->method' || swapped === 'resource->method') {
    const [resourceId, methodId] = source === 'resource' ? [sourceId, targetId] : [targetId, sourceId];
    return attempt('Move method', (d) => moveMethod(d, methodId as MethodId, resourceId as ResourceId));
  }
  for (const owner of ['method', 'route'] as const) {
    if (pair === `${owner}->integration` || swapped === `${owner}->integration`) {
      const [ownerId, integrationId] = source === owner ? [sourceId, targetId] : [targetId, sourceId];
      return attempt('Connect integration', (d) => connectIntegration(d, ownerId as MethodId | RouteId, integrationId as IntegrationId));
    }
    if (pair === `${owner}->authorizer` || swapped === `${owner}->authorizer`) {
      const [ownerId, authorizerId] = source === owner ? [sourceId, targetId] : [targetId, sourceId];
      return attempt('Connect authorizer', (d) => connectAuthorizer(d, ownerId as MethodId | RouteId, authorizerId as AuthorizerId));
    }
  }
  if (source === target) return { ok: false, reason: `Connecting ${article[source]} to ${article[target]} means nothing in API Gateway.` };
  if (pair === 'resource->route' || swapped === 'resource->route')
    return { ok: false, reason: 'Routes belong to HTTP and WebSocket APIs; resources to REST APIs.' };
  if (pair === 'method->route' || swapped === 'method->route')
    return { ok: false, reason: 'Methods belong to REST APIs and routes to HTTP and WebSocket APIs: they do not connect.' };
  if (pair === 'authorizer->integration' || swapped === 'authorizer->integration')
    return { ok: false, reason: 'An authorizer and an integration do not connect to each other: connect each to a method or route.' };
  if (
    (source === 'resource' || target === 'resource') &&
    (source === 'integration' || target === 'integration' || source === 'authorizer' || target === 'authorizer')
  )
    return {
      ok: false,
      reason: 'Integrations and authorizers connect to methods, not to resources: connect a method of this resource instead.',
    };
  return {
    ok: false,
    reason: `An ${source === 'authorizer' || target === 'authorizer' ? 'authorizer' : 'integration'} connects to a method or route, not to ${article[source === 'authorizer' || source === 'integration' ? target : source]}.`,
  };
}

export type { NodeId };
