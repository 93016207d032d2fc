import { describe, expect, it } from 'vitest';
import type { SampleRequest } from '../templates';
import { renderMappingTemplate } from '../templates';
import { sqsSendMessage } from './sqs-send-message';
import type { ScaffoldSetup } from './types';

const request = (body: string | null, extra: Partial<SampleRequest> = {}): SampleRequest => ({
  httpMethod: 'POST',
  resourcePath: '/events',
  path: '/events',
  headers: { 'Content-Type': 'application/json' },
  queryStringParameters: {},
  pathParameters: {},
  stageVariables: {},
  body,
  context: { requestId: 'req-1' },
  ...extra,
});

function setupOf(values: Record<string, string>, apiType: 'REST' | 'HTTP' = 'REST'): ScaffoldSetup {
  const result = sqsSendMessage.build(values, { apiType, pathParameters: [] });
  if (!result.ok) throw new Error(result.message);
  return result.setup;
}

function render(template: string | undefined, sample: SampleRequest, phase: 'request' | 'response' = 'request'): string {
  const result = renderMappingTemplate({ template: template ?? '', request: sample, phase });
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result.output;
}

describe('SQS SendMessage scaffold', () => {
  const setup = setupOf({ queue: 'arn:aws:sqs:eu-west-1:123456789012:orders' });

  it('calls the queue by path, form-encoded, with a role that may send to that queue only', () => {
    expect(setup.target).toEqual({
      service: 'sqs',
      region: 'eu-west-1',
      style: 'path',
      actionOrPath: '123456789012/orders',
      httpMethod: 'POST',
    });
    expect(setup.binding.requestParameters).toEqual({ 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" });
    expect(setup.rolePolicy).toEqual({
      statements: [{ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:123456789012:orders'] }],
    });
    expect(setup.name).toBe('SQS SendMessage: orders');
  });

  it('renders Action=SendMessage with the body URL-encoded (the bench renders the template)', () => {
    const body = '{"order": "42", "note": "a&b = c"}';
    const output = render(setup.binding.requestTemplates['application/json'], request(body));
    expect(output).toBe(`Action=SendMessage&MessageBody=${encodeURIComponent(body).replace(/%20/g, '+')}`);
    expect(new URLSearchParams(output).get('MessageBody')).toBe(body);
    expect(new URLSearchParams(output).get('Action')).toBe('SendMessage');
  });

  it('answers the message id from SQS’s answer, and fixed messages for errors', () => {
    const answer = JSON.stringify({
      SendMessageResponse: { ResponseMetadata: { RequestId: 'r' }, SendMessageResult: { MD5OfMessageBody: 'x', MessageId: 'm-1' } },
    });
    const ok = setup.binding.responses.find((response) => response.selectionPattern === 'default');
    expect(ok?.statusCode).toBe('200');
    expect(JSON.parse(render(ok?.responseTemplates['application/json'], request(answer), 'response'))).toEqual({ messageId: 'm-1' });
    const patterns = setup.binding.responses.map((response) => [response.selectionPattern, response.statusCode]);
    expect(patterns).toEqual([
      ['default', '200'],
      ['4\\d{2}', '400'],
      ['5\\d{2}', '500'],
    ]);
    const clientError = setup.binding.responses[1]?.responseTemplates['application/json'];
    expect(JSON.parse(render(clientError, request('<ErrorResponse/>'), 'response'))).toEqual({
      message: 'Amazon SQS refused the request.',
      requestId: 'req-1',
    });
    expect(setup.methodResponses.map((response) => response.statusCode)).toEqual(['200', '400', '500']);
  });

  it('reads a queue URL as well as an ARN, and groups the messages of a FIFO queue', () => {
    const fifo = setupOf({ queue: 'https://sqs.us-east-2.amazonaws.com/123456789012/orders.fifo', messageGroupId: 'tenant-1' });
    expect(fifo.rolePolicy.statements[0]?.resources).toEqual(['arn:aws:sqs:us-east-2:123456789012:orders.fifo']);
    const output = render(fifo.binding.requestTemplates['application/json'], request('{}'));
    const form = new URLSearchParams(output);
    expect(form.get('MessageGroupId')).toBe('tenant-1');
    expect(form.get('MessageDeduplicationId')).toBe('req-1');
  });

  it('uses the first-class SQS-SendMessage integration on an HTTP API', () => {
    const http = setupOf({ queue: 'arn:aws:sqs:eu-west-1:123456789012:orders' }, 'HTTP');
    expect(http.target.integrationSubtype).toBe('SQS-SendMessage');
    expect(http.binding).toMatchObject({
      proxy: true,
      payloadFormatVersion: '1.0',
      requestParameters: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders', MessageBody: '$request.body' },
    });
  });

  it('names the field it cannot use', () => {
    expect(sqsSendMessage.build({ queue: 'orders' }, { apiType: 'REST', pathParameters: [] })).toMatchObject({ ok: false, field: 'queue' });
    expect(
      sqsSendMessage.build({ queue: 'arn:aws:sns:eu-west-1:123456789012:orders' }, { apiType: 'REST', pathParameters: [] }),
    ).toMatchObject({
      ok: false,
      field: 'queue',
      message: expect.stringContaining('not sqs'),
    });
    expect(
      sqsSendMessage.build(
        { queue: 'arn:aws:sqs:eu-west-1:123456789012:orders', roleArn: 'admin' },
        { apiType: 'REST', pathParameters: [] },
      ),
    ).toMatchObject({ ok: false, field: 'roleArn' });
  });
});
