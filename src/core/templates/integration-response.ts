import type { IntegrationKind, IntegrationResponse } from '../model';
import { findTemplateKey, mediaTypeOf } from './integration-request';
import { javaMatches } from './java-regex';
import type { TemplateLimits } from './limits';
import { evaluateMapping, headerValue, methodResponseHeader } from './parameter-mapping';
import { renderMappingTemplate } from './render-template';
import type { SampleRequest } from './sample-request';
import type { TemplateError, TemplateWarning } from './template-errors';

/** What the backend answered: an HTTP response, or a Lambda function's result or failure. */
export interface BackendResponse {
  statusCode: string;
  headers: Record<string, string>;
  body: string;
  /** A Lambda function that failed: its error message (the body is then its error object). */
  errorMessage?: string;
}

export type IntegrationResponseChoice =
  | { found: true; index: number; response: IntegrationResponse; matchedOn: string; alsoMatching: number[] }
  | { found: false; matchedOn: string; problem?: string };

/** `default` (or no pattern) is the catch-all, not a regular expression. */
export function isDefaultResponse(response: IntegrationResponse): boolean {
  const pattern = response.selectionPattern.trim();
  return pattern === '' || pattern === 'default';
}

/**
 * What the selection patterns are matched against (api-gateway-swagger-extensions-integration-responses.md):
 * the status code for HTTP, AWS service and private integrations (and the status code a mock's request
 * template chose), a Lambda function's `errorMessage` for Lambda integrations. A successful function has
 * none; API Gateway reads it as null, which `.*` matches (handle-errors-in-lambda-integration.md), so an
 * empty text stands for it here.
 */
export function selectionSubject(kind: IntegrationKind, backend: BackendResponse): string {
  if (kind === 'LAMBDA') return backend.errorMessage ?? '';
  return backend.statusCode.trim();
}

/**
 * The integration response API Gateway picks: one whose pattern (a Java regular expression) matches the
 * whole subject, else the default one. API Gateway does not say which of several matching patterns wins;
 * Portico takes the first in the list and reports the others.
 */
export function selectIntegrationResponse(
  responses: readonly IntegrationResponse[],
  kind: IntegrationKind,
  backend: BackendResponse,
): IntegrationResponseChoice {
  const subject = selectionSubject(kind, backend);
  const matching: number[] = [];
  const problems: string[] = [];
  responses.forEach((response, index) => {
    if (isDefaultResponse(response)) return;
    try {
      if (javaMatches(subject, response.selectionPattern)) matching.push(index);
    } catch (error) {
      problems.push(`the selection pattern ${response.selectionPattern} cannot be read (${(error as Error).message})`);
    }
  });
  const problem = problems.length > 0 ? problems.join('; ') : undefined;
  const first = matching[0];
  if (first !== undefined)
    return {
      found: true,
      index: first,
      response: responses[first] as IntegrationResponse,
      matchedOn: subject,
      alsoMatching: matching.slice(1),
    };
  const fallback = responses.findIndex(isDefaultResponse);
  if (fallback >= 0)
    return { found: true, index: fallback, response: responses[fallback] as IntegrationResponse, matchedOn: subject, alsoMatching: [] };
  return { found: false, matchedOn: subject, ...(problem ? { problem } : {}) };
}

export type ResponseTemplateChoice = { kind: 'template'; contentType: string; template: string } | { kind: 'passthrough' };

/**
 * The response template API Gateway applies, chosen by the method request's Accept header (its first MIME
 * type; `application/json` when absent), else the first template, else none: the body passes through
 * (request-response-data-mappings.md, "Select a VTL mapping template").
 */
export function chooseResponseTemplate(templates: Record<string, string>, acceptHeader: string | undefined): ResponseTemplateChoice {
  const mediaType = mediaTypeOf(acceptHeader) ?? 'application/json';
  const key = findTemplateKey(templates, mediaType) ?? Object.keys(templates)[0];
  if (key === undefined) return { kind: 'passthrough' };
  return { kind: 'template', contentType: key, template: templates[key] as string };
}

/** The answer a client gets. */
export interface MethodResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

export type MethodResponseResult =
  | {
      outcome: 'answered';
      /** The integration response used (its place in the list), or undefined when none matched. */
      selected?: { index: number; selectionPattern: string; statusCode: string };
      response: MethodResponse;
      templateContentType?: string;
      warnings: TemplateWarning[];
      notes: string[];
    }
  | {
      outcome: 'error';
      selected: { index: number; selectionPattern: string; statusCode: string };
      error: TemplateError;
      templateContentType: string;
      warnings: TemplateWarning[];
      notes: string[];
    };

export interface MethodResponseOptions {
  kind: IntegrationKind;
  responses: readonly IntegrationResponse[];
  /** The method request: `$input.params()` and `$context` still read it while the body is the backend's. */
  request: SampleRequest;
  backend: BackendResponse;
  limits?: Partial<TemplateLimits>;
}

function setHeader(headers: Record<string, string[]>, name: string, value: string | string[]): void {
  const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
  if (existing !== undefined) delete headers[existing];
  headers[name] = Array.isArray(value) ? [...value] : [value];
}

/** A Lambda function's failure as it reaches the integration response (handle-errors-in-lambda-integration.md). */
export function lambdaErrorBody(errorMessage: string): string {
  return JSON.stringify({ errorMessage, errorType: 'Error', stackTrace: [] });
}

/**
 * The method response a client would get for a backend answer: the integration response its status code or
 * Lambda error selects, that response's parameter mappings and template, then the template's
 * `$context.responseOverride` status and headers, which win over the mappings.
 */
export function buildMethodResponse(options: MethodResponseOptions): MethodResponseResult {
  const { kind, responses, request } = options;
  const notes: string[] = [];
  const backend: BackendResponse =
    kind === 'LAMBDA' && options.backend.errorMessage !== undefined && options.backend.body.trim() === ''
      ? { ...options.backend, body: lambdaErrorBody(options.backend.errorMessage) }
      : options.backend;
  const choice = selectIntegrationResponse(responses, kind, backend);
  const on =
    kind === 'LAMBDA'
      ? backend.errorMessage === undefined
        ? 'no error message'
        : `the error message "${choice.matchedOn}"`
      : `status ${choice.matchedOn}`;
  if (choice.found === false) {
    if (choice.problem) notes.push(`${choice.problem[0]?.toUpperCase()}${choice.problem.slice(1)}.`);
    notes.push(
      `No integration response matches ${on} and none is the default: API Gateway answers 500 (Execution failed due to configuration error: No match for output mapping and no default output mapping specified).`,
    );
    return {
      outcome: 'answered',
      response: { statusCode: 500, headers: { 'Content-Type': ['application/json'] }, body: '{"message": "Internal server error"}' },
      warnings: [],
      notes,
    };
  }
  const chosen = choice.response;
  const selected = { index: choice.index, selectionPattern: chosen.selectionPattern, statusCode: chosen.statusCode };
  notes.push(
    isDefaultResponse(chosen)
      ? `No selection pattern matches ${on}: the default integration response answers ${chosen.statusCode}.`
      : `The selection pattern ${chosen.selectionPattern} matches ${on}: the integration response answers ${chosen.statusCode}.`,
  );
  if (choice.alsoMatching.length > 0)
    notes.push(
      `${choice.alsoMatching.map((index) => responses[index]?.selectionPattern).join(', ')} match${choice.alsoMatching.length === 1 ? 'es' : ''} too; API Gateway does not promise which of several matching patterns it uses.`,
    );

  const headers: Record<string, string[]> = {};
  const responseSide = { headers: backend.headers, body: backend.body };
  for (const [key, expression] of Object.entries(chosen.responseParameters)) {
    const header = methodResponseHeader(key);
    if (header === undefined) {
      notes.push(`${key} is not a method response header (method.response.header.NAME); it is left out.`);
      continue;
    }
    const mapped = evaluateMapping(expression, { request, integrationResponse: responseSide });
    if (!mapped.ok) notes.push(`${key}: ${mapped.problem}.`);
    else if (mapped.value === undefined)
      notes.push(`${key} maps ${expression.trim()}, which this answer does not have: the header is not sent.`);
    else setHeader(headers, header, mapped.value);
  }

  const template = chooseResponseTemplate(chosen.responseTemplates, headerValue(request.headers, 'Accept'));
  let body = backend.body;
  let status = Number(chosen.statusCode);
  let templateContentType: string | undefined;
  let warnings: TemplateWarning[] = [];
  if (template.kind === 'template') {
    templateContentType = template.contentType;
    const rendered = renderMappingTemplate({
      template: template.template,
      request: { ...request, body: backend.body },
      phase: 'response',
      ...(options.limits ? { limits: options.limits } : {}),
    });
    warnings = rendered.warnings;
    if (!rendered.ok)
      return { outcome: 'error', selected, error: rendered.error, templateContentType: template.contentType, warnings, notes };
    body = rendered.output;
    const override = rendered.overrides.responseOverride;
    if (override.status !== null) {
      notes.push(`The template sets $context.responseOverride.status: the client gets ${override.status} instead of ${chosen.statusCode}.`);
      status = override.status;
    }
    for (const [name, value] of Object.entries(override.header)) setHeader(headers, name, value);
    // The mapped answer is of the template's content type unless a mapping or override says otherwise.
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = [template.contentType];
  } else notes.push('The integration response has no template: the backend body reaches the client unchanged.');
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    notes.push(`The integration response's status code "${chosen.statusCode}" is not an HTTP status code: API Gateway would refuse it.`);
    status = 500;
  }
  return {
    outcome: 'answered',
    selected,
    response: { statusCode: status, headers, body },
    ...(templateContentType === undefined ? {} : { templateContentType }),
    warnings,
    notes,
  };
}
