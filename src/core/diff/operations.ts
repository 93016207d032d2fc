import {
  type Authorizer,
  allResourcePaths,
  type Design,
  type IntegrationBinding,
  type Method,
  type OperationDoc,
  parseHttpRouteKey,
  type RequestValidator,
  type Route,
  valuesOf,
} from '../model';
import { pointer } from './finding';

/**
 * One operation as the API's clients see it: a REST method or an HTTP/WebSocket route, with what decides
 * whether a call succeeds (its authorizer, API key, validator) resolved from the design's ids.
 */
export interface ClientOperation {
  /**
   * What the operation is, independent of ids and of path parameter names: `GET /pets/{}` (a client
   * calling `/pets/7` does not know the parameter's name), a WebSocket route key, `$default`.
   */
  key: string;
  /** How people name it: `GET /pets/{petId}`, `sendMessage`. */
  label: string;
  /** Upper-case verb; empty for WebSocket routes and `$default`. */
  verb: string;
  /** `/pets/{petId}`; the route key for WebSocket routes and `$default`. */
  path: string;
  /** The operation's place in an OpenAPI document (`/paths/~1pets/get`). */
  where: string;
  kind: 'method' | 'route';
  id: string;
  doc: OperationDoc;
  authorizer?: Authorizer;
  scopes: string[];
  apiKeyRequired: boolean;
  /** The validator in force: the method's own, else the API's default. */
  validator?: RequestValidator;
  binding?: IntegrationBinding;
}

/** `{petId}` → `{}`, `{proxy+}` → `{+}`: clients address a path by its shape, not its parameter names. */
export function normalizedPath(path: string): string {
  return path.replace(/\{[^}/]*?(\+?)\}/g, (_match, greedy: string) => `{${greedy}}`);
}

/** The names of a path's parameters, in order (`/a/{x}/{y+}` → `x`, `y`). */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}/]*?)\+?\}/g)].map((match) => match[1] as string);
}

function common(design: Design, element: Method | Route): Pick<ClientOperation, 'authorizer' | 'scopes' | 'apiKeyRequired' | 'binding'> {
  const authorizer = element.authorizerId === undefined ? undefined : design.authorizers[element.authorizerId];
  return {
    ...(authorizer ? { authorizer } : {}),
    scopes: element.authorizationScopes,
    apiKeyRequired: element.apiKeyRequired,
    ...(element.integration ? { binding: element.integration } : {}),
  };
}

/** Every operation of a design, by key; a second operation with the same key (a damaged design) is left out. */
export function clientOperations(design: Design): Map<string, ClientOperation> {
  const operations = new Map<string, ClientOperation>();
  const add = (operation: ClientOperation) => {
    if (!operations.has(operation.key)) operations.set(operation.key, operation);
  };
  if (design.api.type === 'REST') {
    const paths = allResourcePaths(design);
    for (const method of valuesOf(design.methods)) {
      const path = paths.get(method.resourceId);
      if (path === undefined) continue;
      const validatorId = method.requestValidatorId ?? design.api.defaultRequestValidatorId;
      const validator = validatorId === undefined ? undefined : design.requestValidators[validatorId];
      add({
        key: `${method.httpMethod} ${normalizedPath(path)}`,
        label: `${method.httpMethod} ${path}`,
        verb: method.httpMethod,
        path,
        where: pointer('paths', path, method.httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : method.httpMethod.toLowerCase()),
        kind: 'method',
        id: method.id,
        doc: method,
        ...common(design, method),
        ...(validator ? { validator } : {}),
      });
    }
    return operations;
  }
  for (const route of valuesOf(design.routes)) {
    const http = design.api.type === 'HTTP' ? parseHttpRouteKey(route.routeKey) : undefined;
    add({
      key: http ? `${http.method} ${normalizedPath(http.path)}` : route.routeKey,
      label: route.routeKey,
      verb: http?.method ?? '',
      path: http?.path ?? route.routeKey,
      where: http
        ? pointer('paths', http.path, http.method === 'ANY' ? 'x-amazon-apigateway-any-method' : http.method.toLowerCase())
        : pointer('routes', route.routeKey),
      kind: 'route',
      id: route.id,
      doc: route,
      ...common(design, route),
    });
  }
  return operations;
}
