import { compileJsonPath, evaluateJsonPath } from './jsonpath';
import { defaultTemplateLimits } from './limits';
import type { SampleRequest } from './sample-request';
import { fromJson, javaString, toJsonText } from './template-values';

/**
 * Parameter mappings: the values of `requestParameters` (method request → integration request) and of an
 * integration response's `responseParameters` (integration response → method response), evaluated against
 * a sample. The expressions are those of request-response-data-mappings.md: `method.request.{path |
 * querystring | multivaluequerystring | header | multivalueheader}.NAME`, `method.request.body[.JSONPath]`,
 * `integration.response.{header | multivalueheader}.NAME`, `integration.response.body[.JSONPath]`,
 * `stageVariables.NAME`, `context.NAME` and a static `'value'`.
 */
export type MappedValue = string | string[];

export type MappingOutcome = { ok: true; value: MappedValue | undefined } | { ok: false; problem: string };

/** What a mapping reads: the method request, and on the response side the backend's answer too. */
export interface MappingSources {
  request: SampleRequest;
  integrationResponse?: { headers: Record<string, string>; body: string };
}

/** A header by name, as HTTP compares them: regardless of case. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  if (Object.hasOwn(headers, name)) return headers[name];
  const lower = name.toLowerCase();
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : headers[key];
}

function own(record: Record<string, string>, name: string): string | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** `$context` values by dotted name; what the template sees as `$context.httpMethod` is there too. */
function contextValue(request: SampleRequest, name: string): string | undefined {
  if (name === 'httpMethod' && !Object.hasOwn(request.context, 'httpMethod')) return request.httpMethod || undefined;
  if (name === 'resourcePath' && !Object.hasOwn(request.context, 'resourcePath')) return request.resourcePath || undefined;
  let value: unknown = request.context;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === null || value === undefined) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A body's JSON field: a string as it is, anything else as JSON text (what API Gateway sends in a header). */
function bodyValue(body: string, path: string | undefined, what: string): MappingOutcome {
  if (path === undefined) return { ok: true, value: body };
  const compiled = compileJsonPath(`$.${path}`);
  if (!compiled.ok) return { ok: false, problem: `${what}.${path}: ${compiled.message}` };
  let document: unknown;
  try {
    document = fromJson(JSON.parse(body === '' ? '{}' : body), defaultTemplateLimits.maxJsonDepth);
  } catch (error) {
    return { ok: false, problem: `${what}.${path} reads the body as JSON, but it is not JSON (${(error as Error).message})` };
  }
  const found = evaluateJsonPath(compiled.path, document);
  if (found === undefined || found === null) return { ok: true, value: undefined };
  return { ok: true, value: typeof found === 'string' ? found : typeof found === 'object' ? toJsonText(found) : javaString(found) };
}

/** One mapping expression's value: undefined when the sample has no such value (API Gateway then sends nothing). */
export function evaluateMapping(expression: string, sources: MappingSources): MappingOutcome {
  const source = expression.trim();
  const { request } = sources;
  if (/^'.*'$/s.test(source)) return { ok: true, value: source.slice(1, -1) };
  const stage = /^stageVariables\.(.+)$/.exec(source);
  if (stage) return { ok: true, value: own(request.stageVariables, stage[1] as string) };
  const context = /^context\.(.+)$/.exec(source);
  if (context) return { ok: true, value: contextValue(request, context[1] as string) };
  const method = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/.exec(source);
  if (method) {
    const [, where, name] = method as unknown as [string, string, string];
    const value =
      where === 'path'
        ? own(request.pathParameters, name)
        : where === 'querystring' || where === 'multivaluequerystring'
          ? own(request.queryStringParameters, name)
          : headerValue(request.headers, name);
    // A sample holds one value per name: the multi-value forms read it as a list of one.
    return { ok: true, value: value !== undefined && where.startsWith('multivalue') ? [value] : value };
  }
  const methodBody = /^method\.request\.body(?:\.(.+))?$/.exec(source);
  if (methodBody) return bodyValue(request.body ?? '', methodBody[1], 'method.request.body');
  const response = sources.integrationResponse;
  const integration = /^integration\.response\.(header|multivalueheader)\.(.+)$/.exec(source);
  if (integration && response) {
    const value = headerValue(response.headers, integration[2] as string);
    return { ok: true, value: value !== undefined && integration[1] === 'multivalueheader' ? [value] : value };
  }
  const integrationBody = /^integration\.response\.body(?:\.(.+))?$/.exec(source);
  if (integrationBody && response) return bodyValue(response.body, integrationBody[1], 'integration.response.body');
  return {
    ok: false,
    problem: response
      ? `${source} is not a response mapping API Gateway knows (integration.response.header.NAME, integration.response.body, stageVariables.NAME, context.NAME or a 'static value')`
      : `${source} is not a request mapping API Gateway knows (method.request.path|querystring|header.NAME, method.request.body, stageVariables.NAME, context.NAME or a 'static value')`,
  };
}

/** Where an integration request parameter goes: `integration.request.header.x-user` → header `x-user`. */
export function integrationRequestTarget(
  key: string,
): { where: 'path' | 'querystring' | 'header'; name: string; multiValue: boolean } | undefined {
  const match = /^integration\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/.exec(key.trim());
  if (!match) return undefined;
  const where = match[1] as string;
  return {
    where: where === 'path' ? 'path' : where.endsWith('querystring') ? 'querystring' : 'header',
    name: match[2] as string,
    multiValue: where.startsWith('multivalue'),
  };
}

/** A method response header a response parameter sets: `method.response.header.Location` → `Location`. */
export function methodResponseHeader(key: string): string | undefined {
  return /^method\.response\.header\.(.+)$/.exec(key.trim())?.[1];
}
