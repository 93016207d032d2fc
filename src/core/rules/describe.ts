import { type Method, parseHttpRouteKey, type Route } from '../model';

/** A page of the API Gateway Developer Guide. */
export function guide(page: string): string {
  return `https://docs.aws.amazon.com/apigateway/latest/developerguide/${page}.html`;
}

/** A page of the API Gateway (v1) API Reference. */
export function apiReference(page: string): string {
  return `https://docs.aws.amazon.com/apigateway/latest/api/${page}.html`;
}

export function isRoute(owner: Method | Route): owner is Route {
  return 'routeKey' in owner;
}

/** The path of an HTTP route key (`GET /pets/{id}` → `/pets/{id}`); undefined for `$default` and WebSocket keys. */
export function routePath(route: Route): string | undefined {
  return parseHttpRouteKey(route.routeKey)?.path;
}

/** How messages name a method or route: `GET /pets/{petId}`, or `the sendMessage route`. */
export function operationLabel(owner: Method | Route, path: string | undefined): string {
  if (isRoute(owner)) return parseHttpRouteKey(owner.routeKey) ? owner.routeKey : `the ${owner.routeKey} route`;
  return `${owner.httpMethod} ${path ?? '(a missing resource)'}`;
}

/** The label at the start of a sentence. */
export function capitalized(text: string): string {
  return text.length > 0 ? `${(text[0] as string).toUpperCase()}${text.slice(1)}` : text;
}

/** The parameter names of a path template: `/a/{id}/{proxy+}` → `id`, `proxy`. */
export function pathTemplateNames(path: string): string[] {
  const names: string[] = [];
  for (const segment of path.split('/')) {
    const match = /^\{([^{}]+?)\+?\}$/.exec(segment);
    if (match?.[1]) names.push(match[1]);
  }
  return names;
}

/** `a`, `a and b`, `a, b and 2 more`: short lists in messages. */
export function listed(items: readonly string[], most = 3): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length <= most) return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${items.slice(0, most).join(', ')} and ${items.length - most} more`;
}

/** The fields of a method or route that `operationLabel` reads (for a design rule's `operationFields`). */
export function labelFields(owner: Method | Route): readonly unknown[] {
  return isRoute(owner) ? [owner.routeKey] : [owner.resourceId, owner.httpMethod];
}
