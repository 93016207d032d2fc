import { jsonText } from './common';
import { keyJson, payloadAttribute, tableScaffold } from './dynamodb-table';

/**
 * DynamoDB PutItem: stores the client's JSON body as the item's `payload`, under the key from the path
 * (or the request id when the path has none), and answers with the key.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
 */
export const dynamoDbPutItem = tableScaffold(
  {
    action: 'PutItem',
    keyOptional: true,
    success: 'The item was stored.',
    answersNotFound: false,
    template: (request) => `{
  "TableName": "${request.table}",
  "Item": {
    ${keyJson(request)},
    "${payloadAttribute}": {"S": "${jsonText('$input.body')}"}
  }
}`,
    response: (request) => `{"${request.partitionKey}": "${jsonText(request.key)}"}`,
  },
  [
    'https://aws.amazon.com/blogs/compute/using-amazon-api-gateway-as-a-proxy-for-dynamodb/',
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html',
  ],
);
