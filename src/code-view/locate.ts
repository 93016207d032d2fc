import {
  type Design,
  type IntegrationId,
  type MethodId,
  parseHttpRouteKey,
  type ResourceId,
  type RouteId,
  resourcePath,
  valuesOf,
} from '../core/model';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key at the start of a line, quoted or not, as YAML and JSON write it: `  /pets:`, `"get": {`. */
const keyLine = (key: string) => new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*:`);

/** Where in an OpenAPI export an element is written: the path key, then the operation key under it. */
export type ExportLocation = { steps: RegExp[] };

function operationSteps(path: string, verb: string): RegExp[] {
  const operation = verb === 'ANY' ? 'x-amazon-apigateway-any-method' : verb.toLowerCase();
  return [/^\s*["']?paths["']?\s*:/, keyLine(path), keyLine(operation)];
}

function methodSteps(design: Design, id: MethodId): RegExp[] | undefined {
  const method = design.methods[id];
  if (!method) return undefined;
  return operationSteps(resourcePath(design, method.resourceId), method.httpMethod);
}

function routeSteps(design: Design, id: RouteId): RegExp[] | undefined {
  const route = design.routes[id];
  if (!route) return undefined;
  const parsed = parseHttpRouteKey(route.routeKey);
  if (parsed) return operationSteps(parsed.path, parsed.method);
  return [/^\s*["']?paths["']?\s*:/, keyLine(`/${route.routeKey}`)];
}

/**
 * The lines to look for, in order, to find a canvas element in its OpenAPI export: a method is its
 * path key and then its verb below it; an authorizer its security scheme; an integration the first
 * method that uses it. Undefined when the element is not written in the export.
 */
export function locateInExport(design: Design, id: string): ExportLocation | undefined {
  if (Object.hasOwn(design.methods, id)) {
    const steps = methodSteps(design, id as MethodId);
    return steps ? { steps } : undefined;
  }
  if (Object.hasOwn(design.routes, id)) {
    const steps = routeSteps(design, id as RouteId);
    return steps ? { steps } : undefined;
  }
  if (Object.hasOwn(design.resources, id)) return { steps: [/^\s*["']?paths["']?\s*:/, keyLine(resourcePath(design, id as ResourceId))] };
  const authorizer = design.authorizers[id as keyof Design['authorizers']];
  if (authorizer) return { steps: [/^\s*["']?(securitySchemes|securityDefinitions)["']?\s*:/, keyLine(authorizer.name)] };
  if (Object.hasOwn(design.integrations, id)) {
    const integrationId = id as IntegrationId;
    const method = valuesOf(design.methods).find((candidate) => candidate.integration?.integrationId === integrationId);
    if (method) return locateInExport(design, method.id);
    const route = valuesOf(design.routes).find((candidate) => candidate.integration?.integrationId === integrationId);
    if (route) return locateInExport(design, route.id);
  }
  return undefined;
}

/** The 1-based line where the location's last step matches, each step searched after the previous one. */
export function findLocation(lines: readonly string[], location: ExportLocation): number | undefined {
  let from = 0;
  let found: number | undefined;
  for (const step of location.steps) {
    found = undefined;
    for (let index = from; index < lines.length; index += 1) {
      if (step.test(lines[index] as string)) {
        found = index;
        break;
      }
    }
    if (found === undefined) return undefined;
    from = found + 1;
  }
  return found === undefined ? undefined : found + 1;
}
