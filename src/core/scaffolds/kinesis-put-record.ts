import { parseRegionalArn, resourceAfter } from './arns';
import {
  built,
  errorResponses,
  jsonText,
  jsonType,
  okResponse,
  pathParameter,
  pathParameterProblem,
  refused,
  roleField,
  standardMethodResponses,
  valuesOf,
  withRole,
} from './common';
import type { ScaffoldField, ServiceScaffold } from './types';

const fields: ScaffoldField[] = [
  { key: 'streamArn', label: 'Stream ARN', kind: 'text', placeholder: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks' },
  {
    key: 'keyParameter',
    label: 'Path variable holding the partition key',
    kind: 'path-parameter',
    optional: true,
    hint: 'None: the request id is the partition key, which spreads records over the shards.',
  },
  roleField,
];

/**
 * Kinesis PutRecord: the client's body becomes one record's data (base64, as Kinesis's JSON protocol
 * wants), with `Content-Type: application/x-amz-json-1.1` as AWS's Kinesis proxy tutorial sets it; the
 * role may put records on that stream only. An HTTP API uses the first-class `Kinesis-PutRecord`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-kinesis.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-as-kinesis-proxy-export-swagger-with-extensions.html
 * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html
 */
export const kinesisPutRecord: ServiceScaffold = {
  id: 'kinesis-put-record',
  title: 'Kinesis PutRecord',
  docs: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-kinesis.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-as-kinesis-proxy-export-swagger-with-extensions.html',
    'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html',
  ],
  fields,
  build(input, context) {
    const values = valuesOf(fields, input);
    return withRole(values, () => {
      const arn = parseRegionalArn(values.streamArn ?? '', 'kinesis', 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks');
      if (typeof arn === 'string') return refused('streamArn', arn);
      const stream = resourceAfter(arn, 'stream/');
      if (!stream || !/^[A-Za-z0-9_.-]{1,128}$/.test(stream))
        return refused('streamArn', 'The ARN should end in stream/{name}, a name of letters, digits, _, . or -.');
      const parameter = values.keyParameter ?? '';
      if (parameter !== '') {
        const problem = pathParameterProblem(parameter, context, 'The partition key');
        if (problem) return refused('keyParameter', problem);
      }
      const name = `Kinesis PutRecord: ${stream}`;
      const rolePolicy = { statements: [{ actions: ['kinesis:PutRecord'], resources: [arn.text] }] };
      const partition = arn.partition === 'aws' ? {} : { partition: arn.partition };
      if (context.apiType === 'HTTP')
        return built({
          name,
          target: {
            service: 'kinesis',
            region: arn.region,
            ...partition,
            style: 'action',
            actionOrPath: 'PutRecord',
            httpMethod: 'POST',
            integrationSubtype: 'Kinesis-PutRecord',
          },
          rolePolicy,
          binding: {
            proxy: true,
            payloadFormatVersion: '1.0',
            requestParameters: {
              StreamName: stream,
              Data: '$request.body',
              PartitionKey: parameter === '' ? '$context.requestId' : `$request.path.${parameter}`,
            },
            requestTemplates: {},
            responses: [],
          },
          methodResponses: standardMethodResponses('The record was stored.').slice(0, 1),
          methodParameters: [],
        });
      const key = parameter === '' ? '$context.requestId' : pathParameter(parameter);
      return built({
        name,
        target: { service: 'kinesis', region: arn.region, ...partition, style: 'action', actionOrPath: 'PutRecord', httpMethod: 'POST' },
        rolePolicy,
        binding: {
          proxy: false,
          requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.1'" },
          requestTemplates: {
            [jsonType]: `{
  "StreamName": "${stream}",
  "Data": "$util.base64Encode($input.body)",
  "PartitionKey": "${jsonText(key)}"
}`,
          },
          responses: [
            okResponse(`{"shardId": "$input.path('$.ShardId')", "sequenceNumber": "$input.path('$.SequenceNumber')"}`),
            ...errorResponses('Amazon Kinesis'),
          ],
          passthroughBehavior: 'NEVER',
        },
        methodResponses: standardMethodResponses('The record was stored.'),
        methodParameters: [],
      });
    });
  },
};
