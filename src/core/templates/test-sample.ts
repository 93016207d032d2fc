import {
  type Design,
  type Method,
  type MethodId,
  resourcePath,
  type Stage,
  type StageId,
  type TestRequestSample,
  type TestResponseSample,
} from '../model';
import { requestBodySchema, sampleFromSchema } from './request-schema';
import type { SampleRequest } from './sample-request';

/** The `{name}` and `{name+}` parameters of a resource path, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}+]+)\+?\}/g)].map((match) => match[1] as string);
}

function methodOf(design: Design, methodId: MethodId): Method | undefined {
  return Object.hasOwn(design.methods, methodId) ? design.methods[methodId] : undefined;
}

function exampleOf(method: Method, where: 'path' | 'query' | 'header', name: string): string {
  const schema = method.parameters.find((parameter) => parameter.in === where && parameter.name === name)?.schema;
  const value = schema?.example ?? schema?.default ?? (Array.isArray(schema?.enum) ? schema.enum[0] : undefined);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (schema?.type === 'integer' || schema?.type === 'number') return '1';
  return `sample-${name}`;
}

/** The stage a sample reaches: the one it names when that still exists, else the design's first. */
export function sampleStage(design: Design, stageId: string | undefined): Stage | undefined {
  const chosen = stageId !== undefined && Object.hasOwn(design.stages, stageId) ? design.stages[stageId as StageId] : undefined;
  if (chosen) return chosen;
  const first = design.stageOrder.find((id) => Object.hasOwn(design.stages, id));
  return first === undefined ? undefined : design.stages[first];
}

/**
 * A first sample request for a method: its path parameters (from the resource path) and required query
 * string and header parameters with example values, a JSON body following its request model, and the
 * caller's identity as an authorizer would leave it.
 */
export function defaultTestRequest(design: Design, methodId: MethodId): TestRequestSample {
  const method = methodOf(design, methodId);
  const sample: TestRequestSample = { pathParameters: {}, queryStringParameters: {}, headers: {}, body: '', context: {} };
  if (!method) return sample;
  for (const name of pathParameterNames(resourcePath(design, method.resourceId)))
    sample.pathParameters[name] = exampleOf(method, 'path', name);
  for (const parameter of method.parameters) {
    if (!parameter.required) continue;
    if (parameter.in === 'query') sample.queryStringParameters[parameter.name] = exampleOf(method, 'query', parameter.name);
    if (parameter.in === 'header') sample.headers[parameter.name] = exampleOf(method, 'header', parameter.name);
  }
  const schema = requestBodySchema(design, method);
  const templates = method.integration?.requestTemplates ?? {};
  if (schema || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method.httpMethod)) {
    sample.headers['Content-Type'] =
      Object.hasOwn(templates, 'application/json') || Object.keys(templates).length === 0
        ? 'application/json'
        : (Object.keys(templates)[0] as string);
    sample.body = schema ? JSON.stringify(sampleFromSchema(design, schema), null, 2) : '{}';
  }
  sample.context['identity.sourceIp'] = '203.0.113.7';
  const authorizer = method.authorizerId === undefined ? undefined : design.authorizers[method.authorizerId];
  if (authorizer?.kind === 'COGNITO_USER_POOLS' || authorizer?.kind === 'JWT') sample.context['authorizer.claims.sub'] = 'user-123';
  if (authorizer?.kind === 'LAMBDA_TOKEN' || authorizer?.kind === 'LAMBDA_REQUEST') sample.context['authorizer.principalId'] = 'user-123';
  const stage = sampleStage(design, undefined);
  if (stage) sample.stageId = stage.id;
  return sample;
}

/** A first backend answer: a 200 with a JSON body (a Lambda function's result is always a 200). */
export function defaultTestResponse(): TestResponseSample {
  return { statusCode: '200', headers: { 'Content-Type': 'application/json' }, body: '{}' };
}

/**
 * `$context` values API Gateway always has, so that a template reading them renders as it would there
 * (fixed, so that a test renders the same each time): from the developer guide's examples.
 */
function fixedContext(stageName: string, path: string): Record<string, string> {
  return {
    accountId: '123456789012',
    apiId: 'a1b2c3d4e5',
    domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'a1b2c3d4e5',
    extendedRequestId: 'cJd8ZGm4oAMFQ9w=',
    path: `/${stageName}${path}`,
    protocol: 'HTTP/1.1',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    requestTime: '09/Apr/2015:12:34:56 +0000',
    requestTimeEpoch: '1428582896000',
    resourceId: 'abc123',
    stage: stageName,
  };
}

/** Sets `a.b.c` in a nested object, making the levels it needs (never through `__proto__`). */
function setDotted(target: Record<string, unknown>, dotted: string, value: string): void {
  const parts = dotted.split('.').filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part === '__proto__')) return;
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else {
      const made: Record<string, unknown> = {};
      node[part] = made;
      node = made;
    }
  }
  node[parts[parts.length - 1] as string] = value;
}

/**
 * The sample method request a template sees: the saved sample on the method's verb and path, the chosen
 * stage's variables, and `$context` from the fixed values, the stage, the caller (`identity.userAgent`
 * from the User-Agent header) and the sample's own values, which win.
 */
export function sampleRequestOf(design: Design, methodId: MethodId, sample: TestRequestSample): SampleRequest {
  const method = methodOf(design, methodId);
  const designed = method ? resourcePath(design, method.resourceId) : '/';
  const path = designed.replace(/\{([^{}+]+)(\+?)\}/g, (whole, name: string, greedy: string) => {
    if (!Object.hasOwn(sample.pathParameters, name)) return whole;
    const value = sample.pathParameters[name] as string;
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  const stage = sampleStage(design, sample.stageId);
  const context: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fixedContext(stage?.name ?? 'test', path))) setDotted(context, name, value);
  const userAgent = Object.entries(sample.headers).find(([name]) => name.toLowerCase() === 'user-agent')?.[1];
  if (userAgent !== undefined) setDotted(context, 'identity.userAgent', userAgent);
  for (const [name, value] of Object.entries(sample.context)) setDotted(context, name.replace(/^\$?context\./, ''), value);
  return {
    httpMethod: method?.httpMethod ?? 'GET',
    resourcePath: designed,
    path,
    headers: { ...sample.headers },
    queryStringParameters: { ...sample.queryStringParameters },
    pathParameters: { ...sample.pathParameters },
    stageVariables: { ...(stage?.variables ?? {}) },
    body: sample.body === '' ? null : sample.body,
    context,
  };
}
