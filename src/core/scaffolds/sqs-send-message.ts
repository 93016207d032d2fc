import { parseQueue } from './arns';
import { built, errorResponses, jsonType, okResponse, refused, roleField, standardMethodResponses, valuesOf, withRole } from './common';
import type { ScaffoldField, ServiceScaffold } from './types';

const fields: ScaffoldField[] = [
  {
    key: 'queue',
    label: 'Queue ARN or URL',
    kind: 'text',
    placeholder: 'arn:aws:sqs:us-east-1:123456789012:orders',
    hint: 'As the SQS console shows it: the ARN, or the URL https://sqs.{region}.amazonaws.com/{account}/{queue}.',
  },
  {
    key: 'messageGroupId',
    label: 'Message group (FIFO queues)',
    kind: 'text',
    optional: true,
    defaultValue: 'default',
    hint: 'A FIFO queue (name ending in .fifo) needs a message group; messages of one group are delivered in order.',
  },
  roleField,
];

/**
 * SQS SendMessage. A REST API calls the queue by path (`{account}/{queue}`) with a form-encoded body,
 * so the integration request sets `Content-Type: application/x-www-form-urlencoded` and the template
 * writes `Action=SendMessage&MessageBody=…` with the client's body URL-encoded; the role may send
 * messages to that queue only. An HTTP API uses the first-class `SQS-SendMessage` integration.
 * @see https://docs.aws.amazon.com/prescriptive-guidance/latest/patterns/integrate-amazon-api-gateway-with-amazon-sqs-to-handle-asynchronous-rest-apis.html
 * @see https://repost.aws/knowledge-center/api-gateway-rest-api-sqs-errors
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html#SQS-SendMessage
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
export const sqsSendMessage: ServiceScaffold = {
  id: 'sqs-send-message',
  title: 'SQS SendMessage',
  docs: [
    'https://docs.aws.amazon.com/prescriptive-guidance/latest/patterns/integrate-amazon-api-gateway-with-amazon-sqs-to-handle-asynchronous-rest-apis.html',
    'https://repost.aws/knowledge-center/api-gateway-rest-api-sqs-errors',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html',
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html',
  ],
  fields,
  build(input, context) {
    const values = valuesOf(fields, input);
    return withRole(values, () => {
      const queue = parseQueue(values.queue ?? '');
      if (typeof queue === 'string') return refused('queue', queue);
      const fifo = queue.name.endsWith('.fifo');
      const group = values.messageGroupId ?? 'default';
      if (fifo && !/^[A-Za-z0-9_.-]{1,128}$/.test(group))
        return refused('messageGroupId', 'A message group is 1 to 128 letters, digits, _, . or -.');
      const name = `SQS SendMessage: ${queue.name}`;
      const rolePolicy = { statements: [{ actions: ['sqs:SendMessage'], resources: [queue.arn.text] }] };
      const partition = queue.arn.partition === 'aws' ? {} : { partition: queue.arn.partition };
      if (context.apiType === 'HTTP')
        return built({
          name,
          target: {
            service: 'sqs',
            region: queue.arn.region,
            ...partition,
            style: 'action',
            actionOrPath: 'SendMessage',
            httpMethod: 'POST',
            integrationSubtype: 'SQS-SendMessage',
          },
          rolePolicy,
          binding: {
            proxy: true,
            payloadFormatVersion: '1.0',
            requestParameters: {
              QueueUrl: queue.url,
              MessageBody: '$request.body',
              ...(fifo ? { MessageGroupId: group, MessageDeduplicationId: '$context.requestId' } : {}),
            },
            requestTemplates: {},
            responses: [],
          },
          methodResponses: standardMethodResponses('The message was queued.').slice(0, 1),
          methodParameters: [],
        });
      // A FIFO queue refuses a message without a group, and without a deduplication id unless the queue
      // deduplicates by content: the request id is unique per call.
      const fifoPart = fifo ? `&MessageGroupId=${encodeURIComponent(group)}&MessageDeduplicationId=$context.requestId` : '';
      return built({
        name,
        target: {
          service: 'sqs',
          region: queue.arn.region,
          ...partition,
          style: 'path',
          actionOrPath: `${queue.arn.account}/${queue.name}`,
          httpMethod: 'POST',
        },
        rolePolicy,
        binding: {
          proxy: false,
          requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
          requestTemplates: { [jsonType]: `Action=SendMessage&MessageBody=$util.urlEncode($input.body)${fifoPart}` },
          responses: [
            okResponse(`{"messageId": "$input.path('$.SendMessageResponse.SendMessageResult.MessageId')"}`),
            ...errorResponses('Amazon SQS'),
          ],
          passthroughBehavior: 'NEVER',
        },
        methodResponses: standardMethodResponses('The message was queued.'),
        methodParameters: [],
      });
    });
  },
};
