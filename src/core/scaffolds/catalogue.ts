import type { ApiType } from '../model';

/**
 * The AWS service actions Portico can scaffold, without their builders: small enough for the commands
 * and forms loaded before first paint. Each has its own file (`sqs-send-message.ts`…) with the form it
 * asks and what it fills in.
 */
export const scaffoldIds = [
  'sqs-send-message',
  'sns-publish',
  'dynamodb-put-item',
  'dynamodb-get-item',
  'dynamodb-query',
  'dynamodb-update-item',
  'dynamodb-delete-item',
  'kinesis-put-record',
  'eventbridge-put-events',
  'step-functions-start-execution',
  'step-functions-start-sync-execution',
  's3-get-object',
  's3-put-object',
] as const;
export type ScaffoldId = (typeof scaffoldIds)[number];

export interface ScaffoldEntry {
  id: ScaffoldId;
  /** `SQS SendMessage`: the service as people call it, then the action. */
  title: string;
  /**
   * HTTP APIs call a few AWS service actions as first-class integrations (`SQS-SendMessage`); the others
   * have none, and an HTTP API cannot call them without a Lambda function.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
   */
  httpSubtype?: string;
}

export const scaffoldCatalogue: readonly ScaffoldEntry[] = [
  { id: 'sqs-send-message', title: 'SQS SendMessage', httpSubtype: 'SQS-SendMessage' },
  { id: 'sns-publish', title: 'SNS Publish' },
  { id: 'dynamodb-put-item', title: 'DynamoDB PutItem' },
  { id: 'dynamodb-get-item', title: 'DynamoDB GetItem' },
  { id: 'dynamodb-query', title: 'DynamoDB Query' },
  { id: 'dynamodb-update-item', title: 'DynamoDB UpdateItem' },
  { id: 'dynamodb-delete-item', title: 'DynamoDB DeleteItem' },
  { id: 'kinesis-put-record', title: 'Kinesis PutRecord', httpSubtype: 'Kinesis-PutRecord' },
  { id: 'eventbridge-put-events', title: 'EventBridge PutEvents', httpSubtype: 'EventBridge-PutEvents' },
  { id: 'step-functions-start-execution', title: 'Step Functions StartExecution', httpSubtype: 'StepFunctions-StartExecution' },
  {
    id: 'step-functions-start-sync-execution',
    title: 'Step Functions StartSyncExecution',
    httpSubtype: 'StepFunctions-StartSyncExecution',
  },
  { id: 's3-get-object', title: 'S3 GetObject' },
  { id: 's3-put-object', title: 'S3 PutObject' },
];

export function isScaffoldId(value: string): value is ScaffoldId {
  return (scaffoldIds as readonly string[]).includes(value);
}

export function scaffoldEntry(id: ScaffoldId): ScaffoldEntry {
  return scaffoldCatalogue.find((entry) => entry.id === id) as ScaffoldEntry;
}

/** Why a scaffold cannot be applied on an API type, or undefined when it can. */
export function scaffoldProblem(id: ScaffoldId, apiType: ApiType): string | undefined {
  const entry = scaffoldEntry(id);
  if (apiType === 'WEBSOCKET')
    return `${entry.title} is scaffolded for REST and HTTP APIs; on a WebSocket API, set up the AWS service integration by hand.`;
  if (apiType === 'HTTP' && !entry.httpSubtype) {
    const offered = scaffoldCatalogue
      .filter((candidate) => candidate.httpSubtype)
      .map((candidate) => candidate.title)
      .join(', ');
    return `HTTP APIs cannot call ${entry.title}: they call AWS services only through first-class integrations (${offered}). Use a REST API, or a Lambda function.`;
  }
  return undefined;
}
