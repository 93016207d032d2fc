import type { ScaffoldId } from './catalogue';
import { dynamoDbDeleteItem } from './dynamodb-delete-item';
import { dynamoDbGetItem } from './dynamodb-get-item';
import { dynamoDbPutItem } from './dynamodb-put-item';
import { dynamoDbQuery } from './dynamodb-query';
import { dynamoDbUpdateItem } from './dynamodb-update-item';
import { eventBridgePutEvents } from './eventbridge-put-events';
import { kinesisPutRecord } from './kinesis-put-record';
import { s3GetObject } from './s3-get-object';
import { s3PutObject } from './s3-put-object';
import { isScaffoldId } from './scaffold-problem';
import { snsPublish } from './sns-publish';
import { sqsSendMessage } from './sqs-send-message';
import { stepFunctionsStartExecution } from './step-functions-start-execution';
import { stepFunctionsStartSyncExecution } from './step-functions-start-sync-execution';
import type { ServiceScaffold } from './types';

/** Every scaffold by id (the catalogue's order). */
export const scaffolds: Readonly<Record<ScaffoldId, ServiceScaffold>> = {
  'sqs-send-message': sqsSendMessage,
  'sns-publish': snsPublish,
  'dynamodb-put-item': dynamoDbPutItem,
  'dynamodb-get-item': dynamoDbGetItem,
  'dynamodb-query': dynamoDbQuery,
  'dynamodb-update-item': dynamoDbUpdateItem,
  'dynamodb-delete-item': dynamoDbDeleteItem,
  'kinesis-put-record': kinesisPutRecord,
  'eventbridge-put-events': eventBridgePutEvents,
  'step-functions-start-execution': stepFunctionsStartExecution,
  'step-functions-start-sync-execution': stepFunctionsStartSyncExecution,
  's3-get-object': s3GetObject,
  's3-put-object': s3PutObject,
};

export function scaffoldById(id: string): ServiceScaffold | undefined {
  return isScaffoldId(id) ? scaffolds[id] : undefined;
}
