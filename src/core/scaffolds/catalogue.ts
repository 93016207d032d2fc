import type { ApiType } from '../model';

/**
 * The AWS service actions Portico can scaffold, without their builders: small enough for the commands
 * and forms loaded before first paint. Each has its own file (`sqs-send-message.ts`…) with the form it
 * asks and what it fills in. `http`: HTTP APIs call the action as a first-class integration
 * (`SQS-SendMessage`…); they have none for the others, and cannot call those without a Lambda function.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
export const scaffoldCatalogue = [
  { id: 'sqs-send-message', title: 'SQS SendMessage', http: true },
  { id: 'sns-publish', title: 'SNS Publish' },
  { id: 'dynamodb-put-item', title: 'DynamoDB PutItem' },
  { id: 'dynamodb-get-item', title: 'DynamoDB GetItem' },
  { id: 'dynamodb-query', title: 'DynamoDB Query' },
  { id: 'dynamodb-update-item', title: 'DynamoDB UpdateItem' },
  { id: 'dynamodb-delete-item', title: 'DynamoDB DeleteItem' },
  { id: 'kinesis-put-record', title: 'Kinesis PutRecord', http: true },
  { id: 'eventbridge-put-events', title: 'EventBridge PutEvents', http: true },
  { id: 'step-functions-start-execution', title: 'Step Functions StartExecution', http: true },
  { id: 'step-functions-start-sync-execution', title: 'Step Functions StartSyncExecution', http: true },
  { id: 's3-get-object', title: 'S3 GetObject' },
  { id: 's3-put-object', title: 'S3 PutObject' },
] as const satisfies readonly { id: string; title: string; http?: true }[];

export type ScaffoldEntry = (typeof scaffoldCatalogue)[number];
export type ScaffoldId = ScaffoldEntry['id'];

/** Whether an API type can call the action (REST APIs all, HTTP APIs the first-class ones, WebSocket APIs none here). */
export function scaffoldAvailable(entry: ScaffoldEntry, apiType: ApiType): boolean {
  return apiType === 'REST' || (apiType === 'HTTP' && 'http' in entry);
}
