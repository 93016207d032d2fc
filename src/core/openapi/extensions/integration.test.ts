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

describe('response streaming (responseTransferMode)', () => {
  const plainUri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:ask/invocations';
  const streamingUri =
    'arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:1:function:ask/response-streaming-invocations';

  it('reads STREAM onto the method’s binding and the Lambda function as one backend, whichever URI it is called through', () => {
    const cache: TargetCache = new Map();
    const streamed = readIntegration(
      { type: 'aws_proxy', httpMethod: 'POST', uri: streamingUri, responseTransferMode: 'STREAM' },
      'REST',
      cache,
    );
    const buffered = readIntegration({ type: 'aws_proxy', httpMethod: 'POST', uri: plainUri }, 'REST', cache);
    if (!streamed.ok || !buffered.ok) throw new Error('not read');
    expect(streamed.integration.binding.responseTransferMode).toBe('STREAM');
    expect(streamed.integration.target).toEqual({ kind: 'LAMBDA', name: 'ask', functionArn: 'arn:aws:lambda:us-east-1:1:function:ask' });
    expect(streamed.integration.binding.extensions).toBeUndefined();
    expect(buffered.integration.binding).not.toHaveProperty('responseTransferMode');
    expect(streamed.integration.identity).toBe(buffered.integration.identity);
    // Written back, each method gets its own URI from its own mode.
    expect(writeIntegration(streamed.integration.target, streamed.integration.binding, 'REST').uri).toBe(streamingUri);
    expect(writeIntegration(streamed.integration.target, buffered.integration.binding, 'REST').uri).toBe(plainUri);
  });

  it.each([
    // AWS's sample (aws-samples/serverless-samples, corpus lambda-response-streaming-rest.yaml): the URI is a CloudFormation expression.
    {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: {
        'Fn::Sub':
          'arn:aws:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${StreamingResponseFunction.Arn}/response-streaming-invocations',
      },
      responseTransferMode: 'STREAM',
    },
    // AWS's HTTP proxy sample (response-streaming-http), with the 15-minute timeout streaming allows.
    { type: 'http_proxy', httpMethod: 'GET', uri: 'https://example.com', responseTransferMode: 'STREAM', timeoutInMillis: 900000 },
    { type: 'aws_proxy', httpMethod: 'POST', uri: plainUri, responseTransferMode: 'BUFFERED' },
    // Modes API Gateway does not know stay as written.
    { type: 'aws_proxy', httpMethod: 'POST', uri: plainUri, responseTransferMode: 'stream' },
    // Mismatched halves (tf#45649: the ordinary URI with STREAM fails at PutIntegration) are kept as written.
    { type: 'aws_proxy', httpMethod: 'POST', uri: plainUri, responseTransferMode: 'STREAM' },
    { type: 'aws_proxy', httpMethod: 'POST', uri: streamingUri },
  ] as JsonObject[])('writes %j back as it came', (raw) => {
    expect(roundTrip(raw)).toEqual(raw);
  });

  it('says so when a Lambda URI does not match the transfer mode', () => {
    expect(read({ type: 'aws_proxy', httpMethod: 'POST', uri: plainUri, responseTransferMode: 'STREAM' }).notes).toEqual([
      expect.stringContaining('API Gateway needs …/2021-11-15/functions/{arn}/response-streaming-invocations to stream'),
    ]);
    expect(read({ type: 'aws_proxy', httpMethod: 'POST', uri: streamingUri }).notes).toEqual([
      expect.stringContaining('without responseTransferMode STREAM is kept as written'),
    ]);
    expect(read({ type: 'aws_proxy', httpMethod: 'POST', uri: streamingUri, responseTransferMode: 'STREAM' }).notes).toEqual([]);
  });

  it('writes an older design’s streaming Lambda target as STREAM through the streaming URI', () => {
    const target = { kind: 'LAMBDA' as const, name: 'ask', functionArn: 'arn:aws:lambda:us-east-1:1:function:ask', streaming: true };
    const binding = { proxy: true, requestParameters: {}, requestTemplates: {}, responses: [], cacheKeyParameters: [] };
    expect(writeIntegration(target, binding, 'REST')).toMatchObject({ uri: streamingUri, responseTransferMode: 'STREAM' });
    expect(writeIntegration(target, { ...binding, responseTransferMode: 'BUFFERED' }, 'REST')).toMatchObject({
      uri: plainUri,
      responseTransferMode: 'BUFFERED',
    });
  });
});

describe('private integrations through a VPC link V2 (integrationTarget)', () => {
  const alb = 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/myLoadBalancerName/1234567891011';

  it.each([
    // AWS's put-integration example (set-up-private-integration), as an OpenAPI integration.
    {
      type: 'http_proxy',
      httpMethod: 'GET',
      uri: 'https://example.com:443/path',
      connectionType: 'VPC_LINK',
      connectionId: 'bbb111',
      integrationTarget: alb,
    },
    // The connection named by a stage variable, as AWS's page shows too.
    {
      type: 'http_proxy',
      httpMethod: 'GET',
      uri: 'https://example.com:443/path',
      connectionType: 'VPC_LINK',
      connectionId: '${stageVariables.vpcLinkV2Id}',
      integrationTarget: alb,
    },
    // A V2 link whose load balancer is not chosen yet (the rules say API Gateway refuses it).
    {
      type: 'http_proxy',
      httpMethod: 'ANY',
      uri: 'http://internal.example.com',
      connectionType: 'VPC_LINK',
      connectionId: 'bbb111',
      integrationTarget: '',
    },
  ] as JsonObject[])('writes %j back as it came', (raw) => {
    expect(roundTrip(raw)).toEqual(raw);
  });

  it('reads the load balancer onto the target, and two load balancers behind one link as two backends', () => {
    const raw = {
      type: 'http_proxy',
      httpMethod: 'ANY',
      uri: 'http://internal.example.com',
      connectionType: 'VPC_LINK',
      connectionId: 'bbb111',
    };
    const v2 = read({ ...raw, integrationTarget: alb });
    expect(v2.target).toMatchObject({ kind: 'VPC_LINK', connectionId: 'bbb111', integrationTarget: alb });
    const other = read({ ...raw, integrationTarget: alb.replace('myLoadBalancerName', 'other') });
    expect(other.identity).not.toBe(v2.identity);
    expect(read(raw).target).not.toHaveProperty('integrationTarget');
  });
});
