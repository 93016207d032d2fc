import type { Design } from '../design';
import { refuse } from '../errors';
import { mustGet } from './helpers';
import { updateMethod } from './methods';
import { updateRoute } from './routes';
import type { OperationOwnerId } from './wiring';

/**
 * Marks a method or an HTTP route as internal (for the API's owners only) or public again. An internal
 * operation is still deployed and served; it is left out of the public OpenAPI that portals, SDK generators
 * and MCP clients read. WebSocket APIs have no OpenAPI at all, so their routes cannot be marked.
 */
export function setOperationInternal(design: Design, ownerId: OperationOwnerId, internal: boolean): Design {
  if (Object.hasOwn(design.routes, ownerId)) {
    mustGet(design.routes, ownerId, 'route');
    if (design.api.type === 'WEBSOCKET' && internal)
      refuse('wrong-api-type', 'WebSocket APIs have no OpenAPI document, so there is no public document to leave this route out of.');
    return updateRoute(design, ownerId as keyof Design['routes'], { internal: internal || undefined });
  }
  mustGet(design.methods, ownerId, 'method');
  return updateMethod(design, ownerId as keyof Design['methods'], { internal: internal || undefined });
}
