import { describe, expect, it } from 'vitest';
import { mockTeachingApi } from '../examples/mock-teaching';
import type { MethodId } from '../model';
import { handleIntegrationTestMessage, runIntegrationTest } from './integration-test';
import { defaultTestRequest, sampleRequestOf } from './test-sample';

describe('runIntegrationTest', () => {
  const design = mockTeachingApi();
  const methodId = 'mth_greet' as MethodId;
  const binding = design.methods[methodId]?.integration;
  if (!binding) throw new Error('the mock example has no GET /greetings/{name} integration');
  const greet = (name: string) => {
    const saved = defaultTestRequest(design, methodId);
    saved.pathParameters.name = name;
    return runIntegrationTest({
      target: { kind: 'MOCK' },
      binding: binding as Parameters<typeof runIntegrationTest>[0]['binding'],
      request: sampleRequestOf(design, methodId, saved),
    });
  };

  it("runs the gallery's mock: the request template's status code picks the integration response, whose template reads the path", () => {
    expect(greet('Rex')).toMatchObject({
      integrationRequest: { outcome: 'sent', request: { mockStatusCode: 200 } },
      methodResponse: { outcome: 'answered', selected: { index: 0 }, response: { statusCode: 200, body: '{"message": "Hello, Rex"}' } },
    });
    expect(greet('nobody')).toMatchObject({
      integrationRequest: { outcome: 'sent', request: { mockStatusCode: 404 } },
      methodResponse: { outcome: 'answered', selected: { index: 1, selectionPattern: '404' }, response: { statusCode: 404 } },
    });
  });

  it('escapes what the caller sent where the template says so', () => {
    expect(greet('a"b')).toMatchObject({ methodResponse: { response: { body: '{"message": "Hello, a\\"b"}' } } });
  });

  it('stops after the integration request when it does not render, or when a non-mock has no backend answer', () => {
    const broken = runIntegrationTest({
      target: { kind: 'MOCK' },
      binding: { requestParameters: {}, requestTemplates: { 'application/json': '#end' }, responses: [] },
      request: sampleRequestOf(design, methodId, defaultTestRequest(design, methodId)),
    });
    expect(broken.integrationRequest.outcome).toBe('error');
    expect(broken.methodResponse).toBeUndefined();
    const http = runIntegrationTest({
      target: { kind: 'HTTP', uri: 'https://example.com', httpMethod: 'GET' },
      binding: { requestParameters: {}, requestTemplates: {}, responses: [] },
      request: sampleRequestOf(design, methodId, defaultTestRequest(design, methodId)),
    });
    expect(http.methodResponse).toBeUndefined();
  });
});

describe('handleIntegrationTestMessage', () => {
  const message = {
    type: 'integration-test',
    id: 3,
    target: { kind: 'HTTP', uri: 'https://example.com/{id}', httpMethod: 'GET' },
    binding: {
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
      requestTemplates: {},
      responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
    },
    request: { pathParameters: { id: '7' } },
    backend: { statusCode: '200', headers: {}, body: 'done' },
  };

  it('answers with plain data a worker can post back, paired by id', () => {
    const answer = handleIntegrationTestMessage(message);
    expect(answer).toMatchObject({
      type: 'integration-test',
      ok: true,
      id: 3,
      integrationRequest: { request: { uri: 'https://example.com/7' } },
      methodResponse: { response: { statusCode: 200, body: 'done' } },
    });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it.each([
    [null, 'the message must be'],
    [{ ...message, target: { kind: 'FTP' } }, 'target must be'],
    [{ ...message, binding: { ...message.binding, requestTemplates: { 'application/json': { 'Fn::Sub': 'x' } } } }, 'binding must be'],
    [{ ...message, binding: { ...message.binding, passthroughBehavior: 'SOMETIMES' } }, 'passthroughBehavior must be one of'],
    [{ ...message, binding: { ...message.binding, responses: [{ statusCode: 200 }] } }, 'binding.responses[0]'],
    [{ ...message, backend: { statusCode: 200 } }, 'backend must be'],
    [{ ...message, request: { surprise: 1 } }, 'does not know'],
  ])('refuses a malformed message with a reason: %#', (input, reason) => {
    const answer = handleIntegrationTestMessage(input);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.message).toContain(reason);
  });

  it('never throws, even on a message whose fields throw when read', () => {
    const hostile = {
      type: 'integration-test',
      get target(): never {
        throw new Error('boom');
      },
      binding: message.binding,
      request: {},
    };
    expect(handleIntegrationTestMessage(hostile)).toMatchObject({ ok: false, message: expect.stringContaining('boom') });
  });
});
