import { parseRegionalArn } from './arns';
import { built, errorResponses, jsonType, okResponse, refused, roleField, standardMethodResponses, valuesOf, withRole } from './common';
import type { ScaffoldField, ServiceScaffold } from './types';

const fields: ScaffoldField[] = [
  { key: 'topicArn', label: 'Topic ARN', kind: 'text', placeholder: 'arn:aws:sns:us-east-1:123456789012:alerts' },
  roleField,
];

/**
 * SNS Publish, for REST APIs (HTTP APIs have no first-class SNS integration). Like SQS, SNS reads a
 * form-encoded query request: `Content-Type: application/x-www-form-urlencoded` and a template writing
 * `Action=Publish&TopicArn=…&Message=…` to the service's root path; the role may publish to that topic only.
 * @see https://repost.aws/knowledge-center/api-gateway-proxy-integrate-service
 * @see https://serverlessland.com/snippets/apigateway-sns-integration-mapping-template
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
export const snsPublish: ServiceScaffold = {
  id: 'sns-publish',
  title: 'SNS Publish',
  docs: [
    'https://repost.aws/knowledge-center/api-gateway-proxy-integrate-service',
    'https://serverlessland.com/snippets/apigateway-sns-integration-mapping-template',
    'https://docs.aws.amazon.com/sns/latest/api/API_Publish.html',
  ],
  fields,
  build(input) {
    const values = valuesOf(fields, input);
    return withRole(values, () => {
      const arn = parseRegionalArn(values.topicArn ?? '', 'sns', 'arn:aws:sns:us-east-1:123456789012:alerts');
      if (typeof arn === 'string') return refused('topicArn', arn);
      if (!/^[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/.test(arn.resource))
        return refused('topicArn', 'A topic name is letters, digits, - and _ (and .fifo for a FIFO topic).');
      const fifo = arn.resource.endsWith('.fifo') ? '&MessageGroupId=default&MessageDeduplicationId=$context.requestId' : '';
      return built({
        name: `SNS Publish: ${arn.resource}`,
        target: {
          service: 'sns',
          region: arn.region,
          ...(arn.partition === 'aws' ? {} : { partition: arn.partition }),
          style: 'path',
          actionOrPath: '/',
          httpMethod: 'POST',
        },
        rolePolicy: { statements: [{ actions: ['sns:Publish'], resources: [arn.text] }] },
        binding: {
          proxy: false,
          requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
          requestTemplates: {
            [jsonType]: `Action=Publish&TopicArn=${encodeURIComponent(arn.text)}&Message=$util.urlEncode($input.body)${fifo}`,
          },
          responses: [
            okResponse(`{"messageId": "$input.path('$.PublishResponse.PublishResult.MessageId')"}`),
            ...errorResponses('Amazon SNS'),
          ],
          passthroughBehavior: 'NEVER',
        },
        methodResponses: standardMethodResponses('The message was published.'),
        methodParameters: [],
      });
    });
  },
};
