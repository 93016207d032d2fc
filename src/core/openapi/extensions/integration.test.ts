// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and stage variable placeholders are the data under test.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../model';
import { type ImportedIntegration, readIntegration, type TargetCache, writeIntegration } from './integration';

function read(raw: JsonObject, apiType: 'REST' | 'HTTP' = 'REST'): ImportedIntegration {
  const result = readIntegration(raw, apiType);
  if (!result.ok) throw new Error(result.reason);
  return result.integration;
}

/** Reading then writing gives the integration object back. */
function roundTrip(raw: JsonObject, apiType: 'REST' | 'HTTP' = 'REST'): JsonObject {
  const { target, binding } = read(raw, apiType);
  return writeIntegration(target, binding, apiType);
}

describe('readIntegration', () => {
  it.each([
    [{ uri: 'x' }, /no "type"/],
    [{ type: 'lambda', uri: 'x' }, /"lambda" is not one API Gateway knows/],
    [{ type: 'aws', uri: 42 }, /"uri" is neither text/],
    [{ type: 'aws' }, /needs a "uri"/],
    [{ type: 'http_proxy' }, /needs a "uri"/],
    [{ type: 'aws', uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage', httpMethod: 7 }, /"httpMethod" is not text/],
  ])('says why %j is kept as written', (raw, reason) => {
    const result = readIntegration(raw as JsonObject, 'REST');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses mock integrations in HTTP APIs, which have none', () => {
    expect(readIntegration({ type: 'mock' }, 'HTTP')).toEqual({ ok: false, reason: 'HTTP APIs have no mock integrations' });
  });

  it.each([
    {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations' },
    },
    { type: 'AWS_PROXY', httpMethod: 'POST', uri: '${openapi_demo_lambda_uri}' },
    {
      type: 'aws',
      httpMethod: 'POST',
      uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem' },
      credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
    },
    { type: 'aws', httpMethod: 'POST', uri: { Ref: 'SomeUri' } },
    { type: 'http_proxy', httpMethod: 'ANY', uri: { 'Fn::Sub': 'http://${Alb.DNSName}/{proxy}' } },
    { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:aws:lambda:us-east-1:123456789012:function:bare', payloadFormatVersion: '2.0' },
    {
      type: 'aws_proxy',
      httpMethod: 'GET',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
    },
    {
      type: 'mock',
      httpMethod: 'POST',
      uri: 'ignored',
      requestTemplates: { 'application/json': { 'Fn::Sub': '{"statusCode": ${Code}}' } },
    },
    {
      type: 'aws',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage',
      responses: { default: { statusCode: 200, unknown: true } },
    },
    {
      type: 'aws',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage',
      passthroughBehavior: 'sometimes',
      contentHandling: 'convert_to_text',
      timeoutInMillis: '29000',
      tlsConfig: { other: 1 },
    },
    {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:1:function:s/response-streaming-invocations',
      responseTransferMode: 'STREAM',
    },
  ] as JsonObject[])('writes %j back with the same values', (raw) => {
    expect(roundTrip(raw)).toEqual(raw);
  });

  it('keeps CloudFormation URIs as written, and still names the backend', () => {
    const integration = read({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations' },
    });
    expect(integration.target).toMatchObject({
      kind: 'LAMBDA',
      functionArn: '${Orders.Arn}',
      name: 'Orders',
      rawUri: { 'Fn::Sub': expect.any(String) },
    });
  });

  it('reads HTTP API first-class integrations (no URI, a subtype)', () => {
    const integration = read(
      {
        type: 'aws_proxy',
        integrationSubtype: 'EventBridge-PutEvents',
        credentials: 'arn:aws:iam::1:role/r',
        requestParameters: { Detail: '$request.body.Detail' },
        payloadFormatVersion: 1.0,
      },
      'HTTP',
    );
    expect(integration.target).toMatchObject({
      kind: 'AWS_SERVICE',
      service: 'eventbridge',
      actionOrPath: 'PutEvents',
      integrationSubtype: 'EventBridge-PutEvents',
      name: 'EventBridge-PutEvents',
    });
    expect(integration.binding.payloadFormatVersion).toBe('1.0');
  });

  it('reads the same backend once per import (the target cache) and gives it one identity', () => {
    const cache: TargetCache = new Map();
    const raw = {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
    };
    const first = readIntegration(raw, 'REST', cache);
    const second = readIntegration({ ...raw, timeoutInMillis: 1000 }, 'REST', cache);
    expect(cache.size).toBe(1);
    expect(first.ok && second.ok && first.integration.identity === second.integration.identity).toBe(true);
    const withRole = readIntegration({ ...raw, credentials: 'arn:aws:iam::1:role/other' }, 'REST', cache);
    expect(withRole.ok && first.ok && withRole.integration.identity !== first.integration.identity).toBe(true);
  });

  it('keeps the case of type; another case of passthroughBehavior follows it', () => {
    expect(
      roundTrip({
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
        passthroughBehavior: 'when_no_match',
      }),
    ).toMatchObject({
      type: 'AWS_PROXY',
      passthroughBehavior: 'WHEN_NO_MATCH',
    });
  });
});
