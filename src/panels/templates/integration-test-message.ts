import {
  type Design,
  type IntegrationBinding,
  type IntegrationTarget,
  isStreaming,
  type Method,
  type MethodId,
  resourcePath,
  type TestRequestSample,
  type TestResponseSample,
  type TextOrIntrinsic,
} from '../../core/model';
import { integrationUri } from '../../core/openapi/extensions/integration';
import type { IntegrationTestMessage } from '../../core/templates/integration-test';
import { defaultTestRequest, defaultTestResponse, sampleRequestOf } from '../../core/templates/test-sample';
import { textOf } from '../inspector/owner';

/** A method's integration as the workbench needs it, or why it cannot be tested offline. */
export type WorkbenchSubject =
  | {
      ok: true;
      method: Method;
      path: string;
      binding: IntegrationBinding;
      target: IntegrationTarget;
      request: TestRequestSample;
      response: TestResponseSample;
    }
  | { ok: false; reason: string; method?: Method; path?: string };

export function workbenchSubject(design: Design, methodId: MethodId): WorkbenchSubject {
  const method = Object.hasOwn(design.methods, methodId) ? design.methods[methodId] : undefined;
  if (!method) return { ok: false, reason: 'This method no longer exists.' };
  const path = resourcePath(design, method.resourceId);
  const binding = method.integration;
  const target =
    binding && Object.hasOwn(design.integrations, binding.integrationId) ? design.integrations[binding.integrationId] : undefined;
  if (!binding || !target) return { ok: false, reason: 'Connect an integration to this method first.', method, path };
  if (binding.proxy)
    return {
      ok: false,
      reason:
        'A proxy integration passes the request and the response through unchanged: there are no mapping templates or integration responses to test. Turn off "Proxy integration" to map them.',
      method,
      path,
    };
  return {
    ok: true,
    method,
    path,
    binding,
    target,
    request: binding.testSamples?.request ?? defaultTestRequest(design, methodId),
    response: binding.testSamples?.response ?? defaultTestResponse(),
  };
}

/** Texts of a record; a CloudFormation expression cannot be tried, so it is left out with a note. */
function texts(record: Record<string, TextOrIntrinsic>, what: string, notes: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') result[key] = value;
    else
      notes.push(
        `The ${what} ${key} is a CloudFormation expression (${textOf(value)}), filled in at deployment: it is left out of the test.`,
      );
  }
  return result;
}

/** The test bench message for a method's saved (or first) samples, and what it had to leave out. */
export function integrationTestMessage(
  design: Design,
  methodId: MethodId,
): { message: Omit<IntegrationTestMessage, 'type' | 'limits'>; notes: string[] } | { reason: string } {
  const subject = workbenchSubject(design, methodId);
  if (!subject.ok) return { reason: subject.reason };
  const { binding, target, request, response } = subject;
  const notes: string[] = [];
  const uri = integrationUri(target, isStreaming(binding, target));
  if (uri !== undefined && typeof uri !== 'string')
    notes.push(`The integration's URI is a CloudFormation expression (${textOf(uri)}): the test shows where it goes without it.`);
  const httpMethod = 'httpMethod' in target ? target.httpMethod : undefined;
  return {
    notes,
    message: {
      target: {
        kind: target.kind,
        ...(typeof uri === 'string' ? { uri } : {}),
        ...(httpMethod === undefined ? {} : { httpMethod }),
      },
      binding: {
        requestParameters: texts(binding.requestParameters, 'request parameter', notes),
        requestTemplates: texts(binding.requestTemplates, 'request template', notes),
        responses: binding.responses,
        ...(binding.passthroughBehavior === undefined ? {} : { passthroughBehavior: binding.passthroughBehavior }),
      },
      request: sampleRequestOf(design, methodId, request),
      ...(target.kind === 'MOCK'
        ? {}
        : {
            backend: {
              statusCode: target.kind === 'LAMBDA' ? '200' : response.statusCode,
              headers: response.headers,
              body: response.body,
              ...(target.kind === 'LAMBDA' && response.errorMessage !== undefined ? { errorMessage: response.errorMessage } : {}),
            },
          }),
    },
  };
}
