import type { Design } from '../../model';
import type { CfnTemplate } from './synth-harness';
import {
  designedMethods,
  designedRoutes,
  expectedAuthorizationType,
  expectedRestIntegrationType,
  resourcesOf,
  restMethods,
  routeIntegration,
  routes,
} from './template';

/**
 * Whether a synthesized template is the design: one `AWS::ApiGateway::Method` per designed method with
 * the designed authorization type, integration type and API key flag (REST), one
 * `AWS::ApiGatewayV2::Route` per designed route with its authorization and integration (HTTP,
 * WebSocket), and no method or route the design does not have (but the OPTIONS methods CORS adds).
 * Operations without an integration the program can write have the placeholder integration. Returns
 * what differs; `skip` lists methods/routes a caller knows the program cannot have.
 */
export function conformanceProblems(design: Design, template: CfnTemplate | undefined, skip: Set<string> = new Set()): string[] {
  const problems: string[] = [];
  const authorizerKind = (id: string | undefined) => (id ? design.authorizers[id as keyof Design['authorizers']]?.kind : undefined);
  if (design.api.type === 'REST') {
    const actual = restMethods(template);
    for (const [key, method] of designedMethods(design)) {
      if (skip.has(key)) continue;
      const found = actual.get(key);
      if (!found) {
        problems.push(`${key}: no AWS::ApiGateway::Method`);
        continue;
      }
      const authorization = expectedAuthorizationType(authorizerKind(method.authorizerId), 'REST');
      if (found.AuthorizationType !== authorization)
        problems.push(`${key}: AuthorizationType ${String(found.AuthorizationType)}, expected ${authorization}`);
      const integration = (found.Integration ?? {}) as Record<string, unknown>;
      const type = expectedRestIntegrationType(design, method);
      if (integration.Type !== type) problems.push(`${key}: Integration.Type ${String(integration.Type)}, expected ${type}`);
      if (Boolean(found.ApiKeyRequired) !== method.apiKeyRequired) problems.push(`${key}: ApiKeyRequired ${String(found.ApiKeyRequired)}`);
    }
    const designedKeys = new Set(designedMethods(design).keys());
    for (const key of actual.keys())
      if (!designedKeys.has(key) && !(key.startsWith('OPTIONS ') && design.api.cors))
        problems.push(`${key}: a method the design does not have`);
    const written = resourcesOf(template, 'AWS::ApiGateway::Method').length;
    if (written !== actual.size) problems.push(`${written - actual.size} AWS::ApiGateway::Method more than distinct verb and path pairs`);
    return problems;
  }
  const actual = routes(template);
  for (const [key, route] of designedRoutes(design)) {
    if (skip.has(key)) continue;
    const found = actual.get(key);
    if (!found) {
      problems.push(`${key}: no AWS::ApiGatewayV2::Route`);
      continue;
    }
    const authorization = expectedAuthorizationType(authorizerKind(route.authorizerId), design.api.type);
    if ((found.AuthorizationType ?? 'NONE') !== authorization)
      problems.push(`${key}: AuthorizationType ${String(found.AuthorizationType)}, expected ${authorization}`);
    const target = route.integration ? design.integrations[route.integration.integrationId] : undefined;
    const integration = routeIntegration(template, found);
    if (!integration) {
      problems.push(`${key}: the route targets no integration`);
      continue;
    }
    // A route without an integration the program can write gets the placeholder: a mock on WebSocket
    // APIs, an HTTP proxy to a placeholder URL on HTTP APIs (which have no mock).
    const placeholder =
      !target || (design.api.type === 'HTTP' && (target.kind === 'MOCK' || (target.kind === 'AWS_SERVICE' && !target.integrationSubtype)));
    const expected = placeholder
      ? design.api.type === 'HTTP'
        ? 'HTTP_PROXY'
        : 'MOCK'
      : target?.kind === 'MOCK'
        ? 'MOCK'
        : target?.kind === 'HTTP' || target?.kind === 'VPC_LINK'
          ? 'HTTP_PROXY'
          : target?.kind === 'AWS_SERVICE' && design.api.type === 'WEBSOCKET'
            ? route.integration?.proxy
              ? 'AWS_PROXY'
              : 'AWS'
            : 'AWS_PROXY';
    if (design.api.type === 'WEBSOCKET' && target?.kind === 'HTTP' && !route.integration?.proxy) continue;
    if (integration.IntegrationType !== expected)
      problems.push(`${key}: IntegrationType ${String(integration.IntegrationType)}, expected ${expected}`);
  }
  const designedKeys = new Set(designedRoutes(design).keys());
  for (const key of actual.keys()) if (!designedKeys.has(key)) problems.push(`${key}: a route the design does not have`);
  const written = resourcesOf(template, 'AWS::ApiGatewayV2::Route').length;
  if (written !== actual.size) problems.push(`${written - actual.size} AWS::ApiGatewayV2::Route more than distinct route keys`);
  return problems;
}
