// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and stage variable placeholders are the data under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLambdaUri, buildServiceUri, functionLabel, parseFunctionArn, parseLambdaUri, parseServiceUri } from './uris';

describe('Lambda invocation URIs', () => {
  it('takes apart the forms API Gateway uses, with CloudFormation and stage variable placeholders', () => {
    expect(
      parseLambdaUri(
        'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn:live/invocations',
      ),
    ).toEqual({
      partition: 'aws',
      region: 'us-east-1',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn:live',
      streaming: false,
    });
    expect(
      parseLambdaUri('arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations'),
    ).toEqual({
      partition: '${AWS::Partition}',
      region: '${AWS::Region}',
      functionArn: '${Fn.Arn}',
      streaming: false,
    });
    expect(
      parseLambdaUri(
        'arn:aws:apigateway:eu-west-1:lambda:path/2021-11-15/functions/arn:aws:lambda:eu-west-1:1:function:s/response-streaming-invocations',
      )?.streaming,
    ).toBe(true);
  });

  it('refuses what is not an invocation URI (including mixed streaming halves)', () => {
    expect(parseLambdaUri('arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/x/invocations')).toBeUndefined();
    expect(parseLambdaUri('arn:aws:apigateway:us-east-1:sqs:action/SendMessage')).toBeUndefined();
    expect(parseLambdaUri('https://example.com')).toBeUndefined();
  });

  it('builds back exactly what it took apart', () => {
    const part = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(part, part, part, fc.boolean(), (partition, region, name, streaming) => {
        const uri = buildLambdaUri({
          partition,
          region,
          functionArn: `arn:${partition}:lambda:${region}:123456789012:function:${name}`,
          streaming,
        });
        const parsed = parseLambdaUri(uri);
        expect(parsed && buildLambdaUri(parsed)).toBe(uri);
      }),
    );
  });

  it('reads function ARNs and labels', () => {
    expect(parseFunctionArn('arn:aws-cn:lambda:cn-north-1:123456789012:function:orders:3')).toEqual({
      partition: 'aws-cn',
      region: 'cn-north-1',
      account: '123456789012',
      name: 'orders:3',
    });
    expect(functionLabel('arn:aws:lambda:us-east-1:1:function:orders')).toBe('orders');
    expect(functionLabel('${OrdersFunction.Arn}')).toBe('OrdersFunction');
    expect(functionLabel('${lambda_arn}')).toBe('lambda_arn');
    expect(functionLabel('arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${stageVariables.fn}')).toBe('stageVariables.fn');
  });
});

describe('AWS service URIs', () => {
  it.each([
    ['arn:aws:apigateway:us-east-1:sqs:action/SendMessage', { service: 'sqs', style: 'action', actionOrPath: 'SendMessage' }],
    [
      'arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Queue.QueueName}',
      { region: '${AWS::Region}', style: 'path', actionOrPath: '${AWS::AccountId}/${Queue.QueueName}' },
    ],
    ['arn:aws:apigateway:us-east-1:sns:path//', { service: 'sns', actionOrPath: '/' }],
    ['arn:aws:apigateway:us-west-2:my-bucket.s3:path/{key}', { service: 's3', subdomain: 'my-bucket', actionOrPath: '{key}' }],
    ['arn:aws:apigateway:us-east-1:states:action/StartSyncExecution', { service: 'states', actionOrPath: 'StartSyncExecution' }],
  ])('takes apart and rebuilds %s', (uri, parts) => {
    const parsed = parseServiceUri(uri);
    expect(parsed).toMatchObject(parts);
    expect(parsed && buildServiceUri(parsed)).toBe(uri);
  });

  it('refuses URLs and other ARNs', () => {
    expect(parseServiceUri('https://example.com/x')).toBeUndefined();
    expect(parseServiceUri('arn:aws:lambda:us-east-1:1:function:f')).toBeUndefined();
  });
});
