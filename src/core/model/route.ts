import type { AuthorizerId, RouteId } from './ids';
import type { IntegrationBinding } from './integration';
import type { Extensions } from './json';
import type { OperationDoc } from './operation-doc';

/**
 * A route of an HTTP or WebSocket API. HTTP route keys are `VERB /path` (`GET /pets/{id}`,
 * `ANY /{proxy+}`) or `$default`; WebSocket route keys are `$connect`, `$disconnect`, `$default` or a
 * custom value matched by the route selection expression (`sendMessage`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export interface Route extends OperationDoc {
  id: RouteId;
  routeKey: string;
  authorizerId?: AuthorizerId;
  authorizationScopes: string[];
  /** WebSocket routes may require an API key. */
  apiKeyRequired: boolean;
  integration?: IntegrationBinding;
  /** WebSocket: send the integration's answer back to the client (`$default` route response). */
  returnResponse?: boolean;
  extensions?: Extensions;
}

export const webSocketReservedRouteKeys = ['$connect', '$disconnect', '$default'] as const;

const httpVerbs = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];

/** Splits `GET /pets/{id}` into verb and path; undefined for `$default` and malformed keys. */
export function parseHttpRouteKey(routeKey: string): { method: string; path: string } | undefined {
  const match = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  if (!match?.[1] || !match[2] || !httpVerbs.includes(match[1])) return undefined;
  return { method: match[1], path: match[2] };
}

/** Why a route key is not allowed for the API type, or undefined when it is. */
export function routeKeyProblem(routeKey: string, apiType: 'HTTP' | 'WEBSOCKET'): string | undefined {
  if (routeKey.trim() !== routeKey || routeKey.length === 0) return 'A route key cannot be empty or start or end with spaces.';
  if (apiType === 'HTTP') {
    if (routeKey === '$default') return undefined;
    if (routeKey.startsWith('$')) return `"${routeKey}" is a WebSocket route key; HTTP APIs use "VERB /path" or $default.`;
    const parsed = parseHttpRouteKey(routeKey);
    if (!parsed) return `"${routeKey}" is not a route key: write it as VERB /path, e.g. GET /pets/{id}.`;
    if (parsed.path !== '/' && parsed.path.endsWith('/')) return 'A route path cannot end with "/".';
    const greedy = parsed.path.indexOf('+}');
    if (greedy !== -1 && greedy !== parsed.path.length - 2)
      return 'A greedy path variable such as {proxy+} must be the last part of the path.';
    return undefined;
  }
  if (routeKey.startsWith('$') && !(webSocketReservedRouteKeys as readonly string[]).includes(routeKey))
    return `"${routeKey}" is not a WebSocket route key: only $connect, $disconnect and $default start with "$".`;
  if (parseHttpRouteKey(routeKey))
    return `"${routeKey}" looks like an HTTP route; WebSocket routes are matched on a message value such as sendMessage.`;
  return undefined;
}
