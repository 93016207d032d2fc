import { parseRegionalArn, resourceAfter } from './arns';
import {
  built,
  errorResponses,
  jsonText,
  jsonType,
  okResponse,
  plainProblem,
  refused,
  roleField,
  standardMethodResponses,
  valuesOf,
  withRole,
} from './common';
import type { ScaffoldField, ServiceScaffold } from './types';

const fields: ScaffoldField[] = [
  {
    key: 'eventBusArn',
    label: 'Event bus ARN',
    kind: 'text',
    placeholder: 'arn:aws:events:us-east-1:123456789012:event-bus/default',
  },
  { key: 'source', label: 'Event source', kind: 'text', placeholder: 'com.example.orders', hint: 'What rules match as "source".' },
  { key: 'detailType', label: 'Detail type', kind: 'text', placeholder: 'OrderPlaced', hint: 'What rules match as "detail-type".' },
  roleField,
];

/**
 * EventBridge PutEvents: the client's JSON body becomes one event's detail on the bus. EventBridge reads
 * the JSON 1.1 protocol, the action named by a header (the API reference's sample request sends
 * `X-Amz-Target: AWSEvents.PutEvents` and `Content-Type: application/x-amz-json-1.1`), so the
 * integration request sets both. PutEvents answers 200 even when it refuses
 * an entry (`FailedEntryCount`), so the 200 response turns that into a 500. The role may put events on
 * that bus only. An HTTP API uses the first-class `EventBridge-PutEvents`.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html#EventBridge-PutEvents
 */
export const eventBridgePutEvents: ServiceScaffold = {
  id: 'eventbridge-put-events',
  title: 'EventBridge PutEvents',
  docs: [
    'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html',
  ],
  fields,
  build(input, context) {
    const values = valuesOf(fields, input);
    return withRole(values, () => {
      const arn = parseRegionalArn(values.eventBusArn ?? '', 'events', 'arn:aws:events:us-east-1:123456789012:event-bus/default');
      if (typeof arn === 'string') return refused('eventBusArn', arn);
      const bus = resourceAfter(arn, 'event-bus/');
      if (!bus || !/^[A-Za-z0-9_.\-/]{1,256}$/.test(bus))
        return refused('eventBusArn', 'The ARN should end in event-bus/{name}, such as event-bus/default.');
      const source = values.source ?? '';
      const sourceProblem = plainProblem(source, 'The event source', /^[A-Za-z0-9_.-]{1,256}$/, '1 to 256 letters, digits, _, . or -');
      if (sourceProblem) return refused('source', sourceProblem);
      const detailType = values.detailType ?? '';
      const typeProblem = plainProblem(
        detailType,
        'The detail type',
        /^[A-Za-z0-9_.: -]{1,128}$/,
        '1 to 128 letters, digits, spaces, _, ., : or -',
      );
      if (typeProblem) return refused('detailType', typeProblem);
      const name = `EventBridge PutEvents: ${bus}`;
      const rolePolicy = { statements: [{ actions: ['events:PutEvents'], resources: [arn.text] }] };
      const partition = arn.partition === 'aws' ? {} : { partition: arn.partition };
      if (context.apiType === 'HTTP')
        return built({
          name,
          target: {
            service: 'events',
            region: arn.region,
            ...partition,
            style: 'action',
            actionOrPath: 'PutEvents',
            httpMethod: 'POST',
            integrationSubtype: 'EventBridge-PutEvents',
          },
          rolePolicy,
          binding: {
            proxy: true,
            payloadFormatVersion: '1.0',
            requestParameters: { EventBusName: arn.text, Source: source, DetailType: detailType, Detail: '$request.body' },
            requestTemplates: {},
            responses: [],
          },
          methodResponses: standardMethodResponses('The event was sent.').slice(0, 1),
          methodParameters: [],
        });
      return built({
        name,
        target: { service: 'events', region: arn.region, ...partition, style: 'action', actionOrPath: 'PutEvents', httpMethod: 'POST' },
        rolePolicy,
        binding: {
          proxy: false,
          requestParameters: {
            'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
            'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
          },
          requestTemplates: {
            [jsonType]: `{
  "Entries": [
    {
      "EventBusName": "${arn.text}",
      "Source": "${source}",
      "DetailType": "${detailType}",
      "Detail": "${jsonText('$input.body')}"
    }
  ]
}`,
          },
          responses: [
            okResponse(`#if($input.path('$.FailedEntryCount') > 0)
#set($context.responseOverride.status = 500)
{"message": "Amazon EventBridge did not accept the event.", "requestId": "$context.requestId"}
#else
{"eventId": "$input.path('$.Entries[0].EventId')"}
#end`),
            ...errorResponses('Amazon EventBridge'),
          ],
          passthroughBehavior: 'NEVER',
        },
        methodResponses: standardMethodResponses('The event was sent.'),
        methodParameters: [],
      });
    });
  },
};
