import { allResourcePaths, type Design, valuesOf } from '../model';
import type { ImportNote } from './types';

const verbKeys: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

/** The design's paths and operations (`/pets`, `GET /pets`), as a note location names them. */
function operationsOf(design: Design): { paths: Set<string>; operations: Set<string> } {
  const paths = new Set<string>();
  const operations = new Set<string>();
  if (design.api.type === 'REST') {
    const byResource = allResourcePaths(design);
    for (const path of byResource.values()) paths.add(path);
    for (const method of valuesOf(design.methods)) {
      const path = byResource.get(method.resourceId);
      if (path !== undefined) operations.add(`${method.httpMethod} ${path}`);
    }
  } else
    for (const route of valuesOf(design.routes)) {
      const space = route.routeKey.indexOf(' ');
      const path = space === -1 ? route.routeKey : route.routeKey.slice(space + 1);
      paths.add(path);
      operations.add(space === -1 ? route.routeKey : `${route.routeKey.slice(0, space)} ${path}`);
    }
  return { paths, operations };
}

/** `paths./pets.get.responses` → the path and the operation it is under, when the design can tell (paths may hold dots). */
function operationOfLocation(location: string, known: Set<string>): { path: string; operation?: string } | undefined {
  if (!location.startsWith('paths.')) return undefined;
  const rest = location.slice('paths.'.length);
  let path: string | undefined;
  for (const candidate of known)
    if ((rest === candidate || rest.startsWith(`${candidate}.`)) && candidate.length > (path?.length ?? -1)) path = candidate;
  // A path the design does not have (it was dropped): up to the first "." that starts a verb.
  if (path === undefined) {
    const match = /^(.*?)(?:\.(get|put|post|delete|options|head|patch|trace|x-amazon-apigateway-any-method)(?:\.|$)|$)/.exec(rest);
    path = match?.[1] ?? rest;
  }
  const after = rest.slice(path.length + 1);
  const verbKey = after.split('.')[0] ?? '';
  const verb = verbKeys[verbKey];
  return verb === undefined ? { path } : { path, operation: `${verb} ${path}` };
}

/** Whether the element a location names (a path, an operation, an authorizer by name) is in a design; undefined when it names none. */
function presence(location: string, design: Design): boolean | undefined {
  const scheme = /^(?:components\.securitySchemes|securityDefinitions)\.(.+)$/.exec(location);
  if (scheme) return valuesOf(design.authorizers).some((authorizer) => authorizer.name === scheme[1]);
  const { paths, operations } = operationsOf(design);
  const where = operationOfLocation(location, paths);
  if (!where) return undefined;
  return where.operation === undefined ? paths.has(where.path) : operations.has(where.operation);
}

/**
 * Whether an import finding still applies to the design the import opened (`imported`), as the user
 * edits it. Findings are about the document, so they stay until dismissed, unless the design has moved
 * past them: the element a finding names is there now and was not (a dropped operation, path or
 * authorizer added again), or was there and is not (the operation a note was about deleted), or the API
 * type the document was read as was converted.
 */
export function importFindingApplies(finding: ImportNote, design: Design, imported: Design): boolean {
  if (design === imported) return true;
  if (finding.rule === 'import/api-type' && design.api.type !== imported.api.type) return false;
  if (finding.path === undefined) return true;
  const before = presence(finding.path, imported);
  return before === undefined || presence(finding.path, design) === before;
}
