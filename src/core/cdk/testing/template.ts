import type { AuthorizerKind, Design, IntegrationTarget, Method, Route } from '../../model';
import { allResourcePaths } from '../../model';
import type { CfnTemplate } from './synth-harness';

/**
 * Reading a synthesized CloudFormation template the way the tests need it: resources by type, REST
 * methods by `VERB /path` (rebuilt from the `AWS::ApiGateway::Resource` tree), HTTP/WebSocket routes by
 * route key, and what the design says each should look like.
 */

export type Properties = Record<string, unknown>;

export function resourcesOf(template: CfnTemplate | undefined, type: string): { id: string; properties: Properties }[] {
  return Object.entries(template?.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => ({ id, properties: resource.Properties ?? {} }));
}

export function countByType(template: CfnTemplate | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of Object.values(template?.Resources ?? {})) counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  return counts;
}

export function resourceCount(template: CfnTemplate | undefined): number {
  return Object.keys(template?.Resources ?? {}).length;
}

function refOf(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'Ref' in value) return String((value as { Ref: unknown }).Ref);
  return undefined;
}

/** REST methods of a template keyed `GET /pets/{petId}`. */
export function restMethods(template: CfnTemplate | undefined): Map<string, Properties> {
  const resources = new Map(resourcesOf(template, 'AWS::ApiGateway::Resource').map((resource) => [resource.id, resource.properties]));
  const paths = new Map<string, string>();
  const pathOf = (id: string | undefined, guard = 0): string => {
    if (id === undefined || guard > 100) return '/';
    const known = paths.get(id);
    if (known) return known;
    const resource = resources.get(id);
    if (!resource) return '/';
    const parent = pathOf(refOf(resource.ParentId), guard + 1);
    const path = `${parent === '/' ? '' : parent}/${String(resource.PathPart)}`;
    paths.set(id, path);
    return path;
  };
  const methods = new Map<string, Properties>();
  for (const method of resourcesOf(template, 'AWS::ApiGateway::Method')) {
    const path = pathOf(refOf(method.properties.ResourceId));
    methods.set(`${String(method.properties.HttpMethod)} ${path}`, method.properties);
  }
  return methods;
}

/** HTTP and WebSocket routes of a template keyed by route key. */
export function routes(template: CfnTemplate | undefined): Map<string, Properties> {
  return new Map(resourcesOf(template, 'AWS::ApiGatewayV2::Route').map((route) => [String(route.properties.RouteKey), route.properties]));
}

/** The integration a v2 route targets (`Target: integrations/{Ref}`). */
export function routeIntegration(template: CfnTemplate | undefined, route: Properties): Properties | undefined {
  const target = route.Target;
  const joined =
    typeof target === 'object' && target !== null && 'Fn::Join' in target
      ? (target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]
      : [];
  const id = joined.map(refOf).find((ref) => ref !== undefined);
  return id ? template?.Resources?.[id]?.Properties : undefined;
}

/** The authorization type API Gateway records for an authorizer kind (none: NONE). */
export function expectedAuthorizationType(kind: AuthorizerKind | undefined, apiType: Design['api']['type']): string {
  switch (kind) {
    case undefined:
      return 'NONE';
    case 'IAM':
      return 'AWS_IAM';
    case 'COGNITO_USER_POOLS':
      return 'COGNITO_USER_POOLS';
    case 'JWT':
      return 'JWT';
    default:
      return apiType === 'REST' ? 'CUSTOM' : 'CUSTOM';
  }
}

/** The REST integration type of a method as designed (a method without integration gets the placeholder mock). */
export function expectedRestIntegrationType(design: Design, method: Method): string {
  const binding = method.integration;
  const target: IntegrationTarget | undefined = binding ? design.integrations[binding.integrationId] : undefined;
  if (!binding || !target) return 'MOCK';
  switch (target.kind) {
    case 'LAMBDA':
    case 'AWS_SERVICE':
      return binding.proxy ? 'AWS_PROXY' : 'AWS';
    case 'HTTP':
    case 'VPC_LINK':
      return binding.proxy ? 'HTTP_PROXY' : 'HTTP';
    case 'MOCK':
      return 'MOCK';
  }
}

/**
 * A designed path as the template holds it: a template placeholder (`${path_key}`) is the value the
 * program declares for it, its name (API Gateway's own `${stageVariables.x}` stays).
 */
function asSynthesized(path: string): string {
  return path.replace(/\$\{([^}]*)\}/g, (whole, name: string) =>
    /^(stageVariables|context|input|util|method|request)\./.test(name.trim()) || name.trim().startsWith('!') ? whole : name.trim(),
  );
}

/** `GET /pets/{petId}` for every method of a design (placeholders in paths as the program writes them). */
export function designedMethods(design: Design): Map<string, Method> {
  const paths = allResourcePaths(design);
  return new Map(
    Object.values(design.methods).map((method) => [`${method.httpMethod} ${asSynthesized(paths.get(method.resourceId) ?? '/')}`, method]),
  );
}

export function designedRoutes(design: Design): Map<string, Route> {
  return new Map(Object.values(design.routes).map((route) => [route.routeKey, route]));
}

/** Every string anywhere in a template, to look for text the design carried. */
export function templateStrings(template: CfnTemplate | undefined): string[] {
  const strings: string[] = [];
  const stack: unknown[] = [template];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) stack.push(...value);
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) stack.push(key, item);
  }
  return strings;
}
