import {
  addApiKey,
  addAuthorizer,
  addIntegration,
  addMethod,
  addModel,
  addRequestValidator,
  addResource,
  addStage,
  addUsagePlan,
  autoLayout,
  connectAuthorizer,
  connectIntegration,
  type Design,
  emptyDesign,
  ROOT_RESOURCE_ID,
  updateApi,
  updateBinding,
  updateIntegration,
  updateMethod,
  updateUsagePlan,
} from '../model';
import { build, ids, jsonResponse } from './build';

/**
 * Ingestion without a function: `POST /events` sends the body straight to an SQS queue through an AWS
 * service integration. The mapping template turns the JSON body into SQS's form-encoded `SendMessage`
 * call; integration responses turn SQS's answers into 200, 400 and 500 for the caller.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-sqs.html
 */
export function sqsIngestion(): Design {
  const sendMessage = 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)';
  const accepted = '#set($r = $input.path(\'$.SendMessageResponse.SendMessageResult\'))\n{"messageId": "$r.MessageId"}';
  return autoLayout(
    build(
      emptyDesign('REST', 'Event ingestion'),
      (d) => updateApi(d, { description: 'Producers post events; API Gateway queues them in SQS.', endpointType: 'REGIONAL' }),
      (d) =>
        addModel(d, {
          id: ids.mdl('event'),
          name: 'Event',
          contentType: 'application/json',
          schema: {
            type: 'object',
            required: ['type', 'payload'],
            properties: { type: { type: 'string', maxLength: 64 }, payload: { type: 'object' } },
          },
        }),
      (d) =>
        addModel(d, {
          id: ids.mdl('accepted'),
          name: 'Accepted',
          contentType: 'application/json',
          schema: { type: 'object', properties: { messageId: { type: 'string' } } },
        }),
      (d) =>
        addRequestValidator(d, { id: ids.val('body'), name: 'Validate body', validateRequestBody: true, validateRequestParameters: false }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'events', id: ids.res('events') }),
      (d) => addMethod(d, { resourceId: ids.res('events'), httpMethod: 'POST', id: ids.mth('send') }),
      (d) =>
        updateMethod(d, ids.mth('send'), {
          operationName: 'sendEvent',
          summary: 'Queue an event',
          apiKeyRequired: true,
          requestValidatorId: ids.val('body'),
          requestBody: { required: true, content: { 'application/json': { modelId: ids.mdl('event') } } },
          responses: [
            jsonResponse('200', 'The event was queued', ids.mdl('accepted')),
            jsonResponse('400', 'SQS refused the message'),
            jsonResponse('500', 'SQS failed'),
          ],
        }),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('queue'), name: 'Events queue' }),
      (d) =>
        updateIntegration(d, ids.int('queue'), {
          service: 'sqs',
          region: 'us-east-1',
          style: 'path',
          actionOrPath: '123456789012/events',
          httpMethod: 'POST',
          credentials: 'arn:aws:iam::123456789012:role/apigateway-send-to-events-queue',
        }),
      (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('sigv4'), name: 'sigv4' }),
      (d) => connectIntegration(d, ids.mth('send'), ids.int('queue')),
      (d) => connectAuthorizer(d, ids.mth('send'), ids.auth('sigv4')),
      (d) =>
        updateBinding(d, ids.mth('send'), {
          passthroughBehavior: 'NEVER',
          requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
          requestTemplates: { 'application/json': sendMessage },
          responses: [
            {
              selectionPattern: 'default',
              statusCode: '200',
              responseParameters: {},
              responseTemplates: { 'application/json': accepted },
            },
            {
              selectionPattern: '4\\d{2}',
              statusCode: '400',
              responseParameters: {},
              responseTemplates: { 'application/json': '{"message": "The event was refused."}' },
            },
            {
              selectionPattern: '5\\d{2}',
              statusCode: '500',
              responseParameters: {},
              responseTemplates: { 'application/json': '{"message": "The queue is unavailable; retry later."}' },
            },
          ],
        }),
      (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
      (d) => addApiKey(d, { name: 'producer', id: ids.key('producer') }),
      (d) => addUsagePlan(d, { name: 'Producers', id: ids.plan('producers') }),
      (d) =>
        updateUsagePlan(d, ids.plan('producers'), {
          throttle: { rateLimit: 200, burstLimit: 400 },
          stages: [{ stageId: ids.stg('prod'), methodThrottles: {} }],
          apiKeyIds: [ids.key('producer')],
        }),
    ),
  );
}
