import { describe, expect, it } from 'vitest';
import { buildServiceUri } from '../openapi/uris';
import { runIntegrationTest, type SampleRequest } from '../templates';
import { s3GetObject } from './s3-get-object';
import { sqsSendMessage } from './sqs-send-message';
import type { ScaffoldSetup, ServiceScaffold } from './types';

/**
 * Scaffolds through the whole offline test bench, as the method's test panel runs them: the sample request
 * through the integration request (header mappings, path mappings, the template chosen by Content-Type),
 * then a backend answer through the integration responses to what the client gets.
 */
function setupOf(scaffold: ServiceScaffold, values: Record<string, string>, pathParameters: string[] = []): ScaffoldSetup {
  const result = scaffold.build(values, { apiType: 'REST', pathParameters });
  if (!result.ok) throw new Error(result.message);
  return result.setup;
}

function bench(
  setup: ScaffoldSetup,
  request: SampleRequest,
  backend: { statusCode: string; body: string; headers?: Record<string, string> },
) {
  return runIntegrationTest({
    target: {
      kind: 'AWS_SERVICE',
      uri: buildServiceUri({ partition: 'aws', ...setup.target }),
      httpMethod: setup.target.httpMethod,
    },
    binding: { ...setup.binding },
    request,
    backend: { headers: {}, ...backend },
  });
}

const sample = (overrides: Partial<SampleRequest>): SampleRequest => ({
  httpMethod: 'POST',
  resourcePath: '/events',
  path: '/events',
  headers: { 'Content-Type': 'application/json' },
  queryStringParameters: {},
  pathParameters: {},
  stageVariables: {},
  body: null,
  context: { requestId: 'req-1' },
  ...overrides,
});

describe('scaffolds in the offline test bench', () => {
  it('SQS SendMessage: a form-encoded POST to the queue, its answer as 200, SQS refusals as 400, and 415 for a body that is not JSON', () => {
    const setup = setupOf(sqsSendMessage, { queue: 'arn:aws:sqs:us-east-1:123456789012:orders' });
    const sent = bench(setup, sample({ body: '{"id": 1}' }), {
      statusCode: '200',
      body: JSON.stringify({ SendMessageResponse: { SendMessageResult: { MessageId: 'm-1' } } }),
    });
    if (sent.integrationRequest.outcome !== 'sent') throw new Error(sent.integrationRequest.outcome);
    const request = sent.integrationRequest.request;
    expect(request.uri).toBe('arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders');
    expect(request.headers['Content-Type']).toEqual(['application/x-www-form-urlencoded']);
    expect(request.body).toBe('Action=SendMessage&MessageBody=%7B%22id%22%3A+1%7D');
    expect(sent.methodResponse).toMatchObject({ outcome: 'answered', response: { statusCode: 200 } });
    if (sent.methodResponse?.outcome !== 'answered') throw new Error('no answer');
    expect(JSON.parse(sent.methodResponse.response.body)).toEqual({ messageId: 'm-1' });

    const refused = bench(setup, sample({ body: '{}' }), { statusCode: '403', body: '{"Error": {"Code": "AccessDenied"}}' });
    expect(refused.methodResponse).toMatchObject({ outcome: 'answered', response: { statusCode: 400 } });
    const failed = bench(setup, sample({ body: '{}' }), { statusCode: '503', body: '' });
    expect(failed.methodResponse).toMatchObject({ outcome: 'answered', response: { statusCode: 500 } });

    // passthroughBehavior NEVER: a body of a type the template was not written for is refused, not forwarded.
    const text = bench(setup, sample({ headers: { 'Content-Type': 'text/plain' }, body: 'hello' }), { statusCode: '200', body: '{}' });
    expect(text.integrationRequest).toMatchObject({ outcome: 'rejected', statusCode: 415 });
  });

  it('S3 GetObject: the key from the path in the object’s URI, its Content-Type passed on, a missing key as 404', () => {
    const setup = setupOf(s3GetObject, { bucket: 'my-uploads', prefix: 'public/', keyParameter: 'key' }, ['key']);
    const request = sample({
      httpMethod: 'GET',
      resourcePath: '/files/{key}',
      path: '/files/cat.png',
      headers: {},
      pathParameters: { key: 'cat.png' },
    });
    const found = bench(setup, request, { statusCode: '200', headers: { 'Content-Type': 'image/png' }, body: 'PNG' });
    if (found.integrationRequest.outcome !== 'sent') throw new Error(found.integrationRequest.outcome);
    expect(found.integrationRequest.request.uri).toBe('arn:aws:apigateway:us-east-1:s3:path/my-uploads/public/cat.png');
    expect(found.methodResponse).toMatchObject({
      outcome: 'answered',
      response: { statusCode: 200, headers: { 'Content-Type': ['image/png'] }, body: 'PNG' },
    });
    const missing = bench(setup, request, { statusCode: '403', body: '<Error><Code>AccessDenied</Code></Error>' });
    expect(missing.methodResponse).toMatchObject({ outcome: 'answered', response: { statusCode: 404 } });
  });
});
