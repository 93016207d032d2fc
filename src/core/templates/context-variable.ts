import type { SampleRequest } from './sample-request';
import { fromJson, isMap, javaString, markReadsAsNull, newMap, type TemplateMap } from './template-values';

/** A header, query string or path override: one value, or several for a multi-value header. */
export type OverrideValue = string | string[];

/** What the template assigned to `$context.requestOverride` and `$context.responseOverride`. */
export interface TemplateOverrides {
  requestOverride: {
    header: Record<string, OverrideValue>;
    querystring: Record<string, OverrideValue>;
    path: Record<string, OverrideValue>;
  };
  responseOverride: {
    /** The status code to answer with instead of the method response's, or null when none was set. */
    status: number | null;
    header: Record<string, OverrideValue>;
  };
}

export function emptyOverrides(): TemplateOverrides {
  return { requestOverride: { header: {}, querystring: {}, path: {} }, responseOverride: { status: null, header: {} } };
}

function mapFrom(values: Record<string, OverrideValue>): TemplateMap {
  const map = newMap();
  for (const [key, value] of Object.entries(values)) map[key] = Array.isArray(value) ? [...value] : value;
  return map;
}

/**
 * `$context` for one render: the sample's values, nested as API Gateway names them, with
 * - `httpMethod` and `resourcePath` from the sample request when the context does not give them;
 * - a Lambda authorizer's values as strings: "calling `$context.authorizer.numKey` returns the "1" string"
 *   (api-gateway-mapping-template-reference.md, `$context.authorizer.property`);
 * - `$context.authorizer.claims` reading as null while `$context.authorizer.claims.sub` works: "Calling
 *   `$context.authorizer.claims` returns null" (same table);
 * - empty `requestOverride` (header, querystring, path) and `responseOverride` (header) maps for the
 *   template to assign to (apigateway-override-request-response-parameters.md), holding what a request
 *   template rendered before this one assigned.
 */
export function createContextVariable(request: SampleRequest, carried: TemplateOverrides | undefined, maxJsonDepth: number): TemplateMap {
  const context = fromJson(request.context, maxJsonDepth) as TemplateMap;
  if (!Object.hasOwn(context, 'httpMethod') && request.httpMethod) context.httpMethod = request.httpMethod;
  if (!Object.hasOwn(context, 'resourcePath') && request.resourcePath) context.resourcePath = request.resourcePath;
  const authorizer = context.authorizer;
  if (isMap(authorizer)) {
    for (const key of Object.keys(authorizer)) {
      const value = authorizer[key];
      if (key === 'claims' && isMap(value)) markReadsAsNull(value);
      else if (value !== null && typeof value !== 'object') authorizer[key] = javaString(value);
    }
  }
  const start = carried ?? emptyOverrides();
  const requestOverride = newMap();
  requestOverride.header = mapFrom(start.requestOverride.header);
  requestOverride.querystring = mapFrom(start.requestOverride.querystring);
  requestOverride.path = mapFrom(start.requestOverride.path);
  const responseOverride = newMap();
  responseOverride.header = mapFrom(start.responseOverride.header);
  if (start.responseOverride.status !== null) responseOverride.status = start.responseOverride.status;
  context.requestOverride = requestOverride;
  context.responseOverride = responseOverride;
  return context;
}

function readValues(value: unknown): Record<string, OverrideValue> {
  const entries: [string, OverrideValue][] = [];
  if (isMap(value))
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === null || item === undefined || typeof item === 'function') continue;
      entries.push([key, Array.isArray(item) ? item.map((part) => javaString(part)) : javaString(item)]);
    }
  return Object.fromEntries(entries);
}

export interface ReadOverrides {
  overrides: TemplateOverrides;
  /** A status that is not an HTTP status code, described. */
  statusProblem?: string;
}

/** The overrides a render left in its `$context`, as plain data. */
export function readOverrides(context: TemplateMap): ReadOverrides {
  const requestOverride = isMap(context.requestOverride) ? context.requestOverride : newMap();
  const responseOverride = isMap(context.responseOverride) ? context.responseOverride : newMap();
  const overrides: TemplateOverrides = {
    requestOverride: {
      header: readValues(requestOverride.header),
      querystring: readValues(requestOverride.querystring),
      path: readValues(requestOverride.path),
    },
    responseOverride: { status: null, header: readValues(responseOverride.header) },
  };
  const status = responseOverride.status;
  if (status === null || status === undefined) return { overrides };
  const text = javaString(status).trim();
  if (/^[1-5]\d\d$/.test(text)) {
    overrides.responseOverride.status = Number(text);
    return { overrides };
  }
  return {
    overrides,
    statusProblem: `$context.responseOverride.status is "${text}", which is not an HTTP status code (100-599); API Gateway would fail the response`,
  };
}
