import type { IntegrationKind, PassthroughBehavior } from '../model';
import type { OverrideValue, TemplateOverrides } from './context-variable';
import type { TemplateLimits } from './limits';
import { evaluateMapping, headerValue, integrationRequestTarget } from './parameter-mapping';
import { renderMappingTemplate } from './render-template';
import type { SampleRequest } from './sample-request';
import type { TemplateError, TemplateWarning } from './template-errors';

/** The part of an integration target the integration request is sent to. */
export interface TestTarget {
  kind: IntegrationKind;
  /** The integration `uri` as exported (`{name}` path placeholders, `${stageVariables.x}`); none for a mock. */
  uri?: string;
  /** The verb API Gateway calls the backend with (a Lambda function is always invoked with POST). */
  httpMethod?: string;
}

/** The method's integration settings that shape the integration request (texts: a CloudFormation expression cannot be tried). */
export interface TestBinding {
  passthroughBehavior?: PassthroughBehavior;
  requestParameters: Record<string, string>;
  requestTemplates: Record<string, string>;
}

export interface IntegrationRequestOptions {
  target: TestTarget;
  binding: TestBinding;
  request: SampleRequest;
  limits?: Partial<TemplateLimits>;
}

/** What API Gateway would send to the backend. Values are lists: a multi-value mapping or override sends several. */
export interface IntegrationRequest {
  httpMethod?: string;
  /** The URI with its path parameters, stage variables and query string filled in; none for a mock. */
  uri?: string;
  path: Record<string, string>;
  querystring: Record<string, string[]>;
  headers: Record<string, string[]>;
  /** What the template rendered, or the method request's body passed through; null for none. */
  body: string | null;
  /** The request template's content type, or undefined when the body was passed through unmapped. */
  templateContentType?: string;
  overrides: TemplateOverrides;
  /** A mock answers with the status code its request template writes (`{"statusCode": 404}`). */
  mockStatusCode?: number;
}

export type IntegrationRequestResult =
  | { outcome: 'sent'; request: IntegrationRequest; warnings: TemplateWarning[]; notes: string[] }
  /** API Gateway refuses the request itself: no template for its content type and a passthrough behaviour that forbids sending it as is. */
  | { outcome: 'rejected'; statusCode: number; body: string; notes: string[] }
  | { outcome: 'error'; error: TemplateError; templateContentType: string; warnings: TemplateWarning[]; notes: string[] };

/** The MIME type of a Content-Type or Accept value, without parameters (`application/json; charset=UTF-8` → `application/json`). */
export function mediaTypeOf(value: string | undefined): string | undefined {
  const first = value?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  return first === '' ? undefined : first;
}

/** A template key as API Gateway matches it: by MIME type, regardless of case. */
export function findTemplateKey(templates: Record<string, string>, mediaType: string): string | undefined {
  return Object.keys(templates).find((key) => key.trim().toLowerCase() === mediaType);
}

export type RequestTemplateChoice =
  | { kind: 'template'; contentType: string; template: string }
  | { kind: 'passthrough'; reason: string }
  | { kind: 'reject'; reason: string };

/**
 * Which request template maps a request, or whether its body passes through or is refused with 415
 * (request-response-data-mappings.md, "Select a VTL mapping template"; integration-passthrough-behaviors.md):
 * the template is chosen by the request's Content-Type (its MIME type; `application/json` when absent).
 * Without a match, WHEN_NO_MATCH (the default) passes the body through; WHEN_NO_TEMPLATES passes it only
 * when the method has no templates at all; NEVER never does.
 */
export function chooseRequestTemplate(
  templates: Record<string, string>,
  contentTypeHeader: string | undefined,
  passthrough: PassthroughBehavior = 'WHEN_NO_MATCH',
): RequestTemplateChoice {
  const mediaType = mediaTypeOf(contentTypeHeader) ?? 'application/json';
  const key = findTemplateKey(templates, mediaType);
  if (key !== undefined) return { kind: 'template', contentType: key, template: templates[key] as string };
  const none = Object.keys(templates).length === 0;
  const what = none ? 'The method has no request template' : `No request template is for ${mediaType}`;
  if (passthrough === 'WHEN_NO_MATCH' || (passthrough === 'WHEN_NO_TEMPLATES' && none))
    return { kind: 'passthrough', reason: `${what}: the body is sent as it came (passthrough behavior ${passthrough}).` };
  return {
    kind: 'reject',
    reason: `${what}, and the passthrough behavior ${passthrough} refuses it: API Gateway answers 415 Unsupported Media Type.`,
  };
}

function addValue(record: Record<string, string[]>, name: string, value: OverrideValue | string[]): void {
  record[name] = Array.isArray(value) ? [...value] : [value];
}

function firstOf(value: OverrideValue | string[]): string {
  return Array.isArray(value) ? (value[0] ?? '') : value;
}

/** `{name}` and `{name+}` placeholders of a URI, filled from the integration request's path parameters. */
function fillPath(uri: string, path: Record<string, string>, notes: string[]): string {
  return uri.replace(/\{([A-Za-z0-9._-]+)(\+?)\}/g, (whole, name: string, greedy: string) => {
    if (!Object.hasOwn(path, name)) {
      notes.push(`The URI names ${whole}, but no integration.request.path.${name} is mapped: it is sent as written.`);
      return whole;
    }
    const value = path[name] as string;
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

/** `${stageVariables.name}` in a URI, as API Gateway fills it at run time (stage-variables.md). */
function fillStageVariables(uri: string, stageVariables: Record<string, string>, notes: string[]): string {
  return uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    if (Object.hasOwn(stageVariables, name)) return stageVariables[name] as string;
    notes.push(`The URI uses ${whole}, which the chosen stage does not define: API Gateway would fail the call.`);
    return '';
  });
}

function withQuery(uri: string, querystring: Record<string, string[]>): string {
  const pairs = Object.entries(querystring).flatMap(([name, values]) =>
    values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
  );
  if (pairs.length === 0) return uri;
  return `${uri}${uri.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

/** The status code a mock's request template writes; 200 when it writes none a mock could read. */
function mockStatus(body: string | null, notes: string[]): number {
  if (body !== null && body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(body);
      const status = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).statusCode : undefined;
      const code = typeof status === 'string' ? Number(status) : status;
      if (typeof code === 'number' && Number.isInteger(code) && code >= 100 && code <= 599) return code;
    } catch {
      // Not JSON: said below.
    }
  }
  notes.push('The request template writes no {"statusCode": N} a mock can read; Portico assumes 200.');
  return 200;
}

/**
 * The integration request API Gateway would send for a sample method request: the request template
 * chosen by Content-Type (or the passthrough behaviour's answer), the parameter mappings, then the
 * template's `$context.requestOverride` values, which are applied last (apigateway-override-request-response-parameters.md:
 * "override parameters after standard API Gateway mappings have been applied"), and the URI filled in.
 */
export function buildIntegrationRequest(options: IntegrationRequestOptions): IntegrationRequestResult {
  const { target, binding, request } = options;
  const notes: string[] = [];
  const choice = chooseRequestTemplate(binding.requestTemplates, headerValue(request.headers, 'Content-Type'), binding.passthroughBehavior);
  if (choice.kind === 'reject')
    return { outcome: 'rejected', statusCode: 415, body: '{"message": "Unsupported Media Type"}', notes: [choice.reason] };
  let body: string | null = request.body;
  let overrides: TemplateOverrides = {
    requestOverride: { header: {}, querystring: {}, path: {} },
    responseOverride: { status: null, header: {} },
  };
  let warnings: TemplateWarning[] = [];
  if (choice.kind === 'template') {
    const rendered = renderMappingTemplate({
      template: choice.template,
      request,
      phase: 'request',
      ...(options.limits ? { limits: options.limits } : {}),
    });
    warnings = rendered.warnings;
    if (!rendered.ok) return { outcome: 'error', error: rendered.error, templateContentType: choice.contentType, warnings, notes };
    body = rendered.output;
    overrides = rendered.overrides;
  } else notes.push(choice.reason);

  const path: Record<string, string> = {};
  const querystring: Record<string, string[]> = {};
  const headers: Record<string, string[]> = {};
  for (const [key, expression] of Object.entries(binding.requestParameters)) {
    const destination = integrationRequestTarget(key);
    if (!destination) {
      notes.push(`${key} is not an integration request parameter (integration.request.path|querystring|header.NAME); it is left out.`);
      continue;
    }
    const mapped = evaluateMapping(expression, { request });
    if (!mapped.ok) {
      notes.push(`${key}: ${mapped.problem}.`);
      continue;
    }
    if (mapped.value === undefined) {
      notes.push(`${key} maps ${expression.trim()}, which the sample request does not have: it is not sent.`);
      continue;
    }
    if (destination.where === 'path') path[destination.name] = firstOf(mapped.value);
    else addValue(destination.where === 'querystring' ? querystring : headers, destination.name, mapped.value);
  }
  const requestOverride = overrides.requestOverride;
  for (const [name, value] of Object.entries(requestOverride.path)) path[name] = firstOf(value);
  for (const [name, value] of Object.entries(requestOverride.querystring)) addValue(querystring, name, value);
  for (const [name, value] of Object.entries(requestOverride.header)) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) delete headers[existing];
    addValue(headers, name, value);
  }

  const sent: IntegrationRequest = {
    path,
    querystring,
    headers,
    body,
    overrides,
    ...(choice.kind === 'template' ? { templateContentType: choice.contentType } : {}),
  };
  if (target.kind === 'MOCK') {
    sent.mockStatusCode = mockStatus(body, notes);
    return { outcome: 'sent', request: sent, warnings, notes };
  }
  sent.httpMethod = target.kind === 'LAMBDA' ? 'POST' : (target.httpMethod ?? 'POST');
  if (target.uri !== undefined && target.uri !== '')
    sent.uri = withQuery(fillPath(fillStageVariables(target.uri, request.stageVariables, notes), path, notes), querystring);
  else notes.push('The integration has no URI yet: fill in its endpoint to see where the request goes.');
  return { outcome: 'sent', request: sent, warnings, notes };
}
