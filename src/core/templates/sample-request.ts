import { defaultTemplateLimits, sizeText } from './limits';

/**
 * A sample method request, the REQUEST_JSON of issue 13: what a client sent (and, for a response template,
 * the backend's answer in `body`), plus the stage variables and `$context` values of the stage it reached.
 */
export interface SampleRequest {
  httpMethod: string;
  /** The resource path as designed, e.g. `/pets/{id}`. */
  resourcePath: string;
  /** The path as called, e.g. `/pets/7`. */
  path: string;
  headers: Record<string, string>;
  queryStringParameters: Record<string, string>;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  /** The raw payload, or null for none. */
  body: string | null;
  /** `$context` values nested as API Gateway names them: `{ "identity": { "sourceIp": "…" }, "authorizer": {…} }`. */
  context: Record<string, unknown>;
}

export interface SampleRequestError {
  kind: 'request';
  /** One line a person understands, naming the field. */
  message: string;
}

export type ParsedSampleRequest = { ok: true; request: SampleRequest } | { ok: false; error: SampleRequestError };

const textFields = ['httpMethod', 'resourcePath', 'path'] as const;
const mapFields = ['headers', 'queryStringParameters', 'pathParameters', 'stageVariables'] as const;
const knownFields: readonly string[] = [...textFields, ...mapFields, 'body', 'context'];
const maxContextDepth = 32;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function depthOf(value: unknown, depth = 0): number {
  if (typeof value !== 'object' || value === null || depth > maxContextDepth) return depth;
  let deepest = depth;
  for (const item of Object.values(value)) deepest = Math.max(deepest, depthOf(item, depth + 1));
  return deepest;
}

/**
 * Reads a sample request (an object, or its JSON text) from an untrusted source, with a reason naming the
 * field when it is not one. Every field may be left out: a missing map is empty, a missing body is null.
 * Map values may be strings, numbers or booleans (written as text, as they arrive over HTTP); a null map
 * (as a Lambda proxy event has for no query string) is empty.
 */
export function parseSampleRequest(input: unknown, maxBodyLength = defaultTemplateLimits.maxBodyLength): ParsedSampleRequest {
  const fail = (message: string): ParsedSampleRequest => ({ ok: false, error: { kind: 'request', message } });
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return fail(`the sample request is not JSON (${(error as Error).message})`);
    }
  }
  if (!isPlainObject(value)) return fail('the sample request must be a JSON object such as {"httpMethod": "GET", "path": "/pets/7"}');
  const unknown = Object.keys(value).filter((key) => !knownFields.includes(key));
  if (unknown.length > 0)
    return fail(
      `the sample request has ${unknown.map((key) => `"${key}"`).join(', ')}, which it does not know; its fields are ${knownFields.join(', ')}`,
    );
  const request: SampleRequest = {
    httpMethod: '',
    resourcePath: '',
    path: '',
    headers: {},
    queryStringParameters: {},
    pathParameters: {},
    stageVariables: {},
    body: null,
    context: {},
  };
  for (const field of textFields) {
    const text = value[field];
    if (text === undefined || text === null) continue;
    if (typeof text !== 'string') return fail(`${field} must be a string`);
    request[field] = text;
  }
  for (const field of mapFields) {
    const map = value[field];
    if (map === undefined || map === null) continue;
    if (!isPlainObject(map)) return fail(`${field} must be an object of names to values`);
    const entries: Record<string, string> = {};
    for (const [name, item] of Object.entries(map)) {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
        return fail(
          `${field}.${name} must be a string (or a number or boolean), not ${item === null ? 'null' : Array.isArray(item) ? 'a list' : typeof item}`,
        );
      Object.defineProperty(entries, name, { value: String(item), enumerable: true, writable: true, configurable: true });
    }
    request[field] = entries;
  }
  const body = value.body;
  if (body !== undefined && body !== null) {
    if (typeof body !== 'string') return fail('body must be a string (the raw payload, e.g. "{\\"name\\": \\"Rex\\"}") or null');
    if (body.length > maxBodyLength)
      return fail(`body is ${sizeText(body.length)}; API Gateway's payload limit is ${sizeText(maxBodyLength)}`);
    request.body = body;
  }
  const context = value.context;
  if (context !== undefined && context !== null) {
    if (!isPlainObject(context))
      return fail('context must be an object of $context values, e.g. {"stage": "prod", "identity": {"sourceIp": "192.0.2.1"}}');
    for (const key of ['requestOverride', 'responseOverride'])
      if (key in context) return fail(`context.${key} is what a template sets, not part of the request; leave it out`);
    if (depthOf(context) > maxContextDepth) return fail(`context nests deeper than ${maxContextDepth} levels`);
    request.context = context;
  }
  return { ok: true, request };
}
