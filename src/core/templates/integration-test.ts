import { type IntegrationResponse, integrationKinds, passthroughBehaviors } from '../model';
import { buildIntegrationRequest, type IntegrationRequestResult, type TestBinding, type TestTarget } from './integration-request';
import { type BackendResponse, buildMethodResponse, type MethodResponseResult } from './integration-response';
import type { TemplateLimits } from './limits';
import { parseSampleRequest, type SampleRequest } from './sample-request';

/**
 * The offline test bench in one call: a sample method request through the integration request, and the
 * backend's sample answer (for a mock, the status code its request template chose) through the
 * integration responses to the method response. Pure: a Web Worker runs it behind `handleIntegrationTestMessage`.
 */
export interface IntegrationTestOptions {
  target: TestTarget;
  binding: TestBinding & { responses: IntegrationResponse[] };
  request: SampleRequest;
  /** The backend's answer; a mock has none (its request template chooses the status code). */
  backend?: BackendResponse;
  limits?: Partial<TemplateLimits>;
}

export interface IntegrationTestResult {
  integrationRequest: IntegrationRequestResult;
  /** Absent when the integration request failed to render, or there is no backend answer to map. */
  methodResponse?: MethodResponseResult;
}

export function runIntegrationTest(options: IntegrationTestOptions): IntegrationTestResult {
  const integrationRequest = buildIntegrationRequest(options);
  if (integrationRequest.outcome !== 'sent') return { integrationRequest };
  const mockStatus = integrationRequest.request.mockStatusCode;
  const backend: BackendResponse | undefined =
    options.target.kind === 'MOCK' ? { statusCode: String(mockStatus ?? 200), headers: {}, body: '' } : options.backend;
  if (!backend) return { integrationRequest };
  const methodResponse = buildMethodResponse({
    kind: options.target.kind,
    responses: options.binding.responses,
    request: options.request,
    backend,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return { integrationRequest, methodResponse };
}

export interface IntegrationTestMessage {
  type: 'integration-test';
  target: unknown;
  binding: unknown;
  /** A sample request object (see `SampleRequest`). */
  request: unknown;
  backend?: unknown;
  limits?: unknown;
  id?: string | number;
}

export type IntegrationTestAnswer =
  | ({ type: 'integration-test'; ok: true; id?: string | number } & IntegrationTestResult)
  | { type: 'integration-test'; ok: false; message: string; id?: string | number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTextRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
}

function optionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

class BadMessage extends Error {}

function readTarget(value: unknown): TestTarget {
  if (
    !isRecord(value) ||
    !(integrationKinds as readonly unknown[]).includes(value.kind) ||
    !optionalText(value.uri) ||
    !optionalText(value.httpMethod)
  )
    throw new BadMessage('target must be {kind, uri?, httpMethod?}');
  return {
    kind: value.kind as TestTarget['kind'],
    ...(typeof value.uri === 'string' ? { uri: value.uri } : {}),
    ...(typeof value.httpMethod === 'string' ? { httpMethod: value.httpMethod } : {}),
  };
}

function readResponse(value: unknown, index: number): IntegrationResponse {
  if (
    !isRecord(value) ||
    typeof value.selectionPattern !== 'string' ||
    typeof value.statusCode !== 'string' ||
    !isTextRecord(value.responseParameters) ||
    !isTextRecord(value.responseTemplates)
  )
    throw new BadMessage(
      `binding.responses[${index}] must be {selectionPattern, statusCode, responseParameters, responseTemplates} of texts`,
    );
  return {
    selectionPattern: value.selectionPattern,
    statusCode: value.statusCode,
    responseParameters: { ...value.responseParameters },
    responseTemplates: { ...value.responseTemplates },
  };
}

function readBinding(value: unknown): IntegrationTestOptions['binding'] {
  if (
    !isRecord(value) ||
    !isTextRecord(value.requestParameters) ||
    !isTextRecord(value.requestTemplates) ||
    !Array.isArray(value.responses)
  )
    throw new BadMessage('binding must be {requestParameters, requestTemplates, responses}, with texts as values');
  const passthrough = value.passthroughBehavior;
  if (passthrough !== undefined && !(passthroughBehaviors as readonly unknown[]).includes(passthrough))
    throw new BadMessage(`binding.passthroughBehavior must be one of ${passthroughBehaviors.join(', ')}`);
  return {
    requestParameters: { ...value.requestParameters },
    requestTemplates: { ...value.requestTemplates },
    responses: value.responses.map(readResponse),
    ...(passthrough === undefined ? {} : { passthroughBehavior: passthrough as TestBinding['passthroughBehavior'] }),
  };
}

function readBackend(value: unknown): BackendResponse | undefined {
  if (value === undefined) return undefined;
  if (
    !isRecord(value) ||
    typeof value.statusCode !== 'string' ||
    !isTextRecord(value.headers) ||
    typeof value.body !== 'string' ||
    !optionalText(value.errorMessage)
  )
    throw new BadMessage('backend must be {statusCode, headers, body, errorMessage?} of texts');
  return {
    statusCode: value.statusCode,
    headers: { ...value.headers },
    body: value.body,
    ...(typeof value.errorMessage === 'string' ? { errorMessage: value.errorMessage } : {}),
  };
}

function readLimits(value: unknown): Partial<TemplateLimits> | undefined {
  if (!isRecord(value)) return undefined;
  const limits: Record<string, number> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'number') limits[key] = item;
  return limits as Partial<TemplateLimits>;
}

/** Answers one test bench message; never throws, whatever the message holds. */
export function handleIntegrationTestMessage(message: unknown): IntegrationTestAnswer {
  let id: string | number | undefined;
  try {
    if (!isRecord(message) || message.type !== 'integration-test')
      return { type: 'integration-test', ok: false, message: 'the message must be {type: "integration-test", target, binding, request}' };
    if (typeof message.id === 'string' || typeof message.id === 'number') id = message.id;
    const withId = id === undefined ? {} : { id };
    const parsed = parseSampleRequest(message.request);
    if (!parsed.ok) return { type: 'integration-test', ok: false, message: parsed.error.message, ...withId };
    const backend = readBackend(message.backend);
    const limits = readLimits(message.limits);
    const result = runIntegrationTest({
      target: readTarget(message.target),
      binding: readBinding(message.binding),
      request: parsed.request,
      ...(backend ? { backend } : {}),
      ...(limits ? { limits } : {}),
    });
    return { type: 'integration-test', ok: true, ...result, ...withId };
  } catch (error) {
    const text =
      error instanceof BadMessage ? error.message : `the test could not run (${error instanceof Error ? error.message : String(error)})`;
    return { type: 'integration-test', ok: false, message: text, ...(id === undefined ? {} : { id }) };
  }
}
