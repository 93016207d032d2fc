import { jsonText } from './common';
import { keyJson, payloadAttribute, tableScaffold } from './dynamodb-table';

/**
 * DynamoDB UpdateItem: replaces the `payload` of the item of the key in the path with the client's JSON
 * body (creating the item when there is none, as UpdateItem does) and answers with the new payload.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 */
export const dynamoDbUpdateItem = tableScaffold(
  {
    action: 'UpdateItem',
    keyOptional: false,
    success: 'The item as updated.',
    answersNotFound: false,
    template: (request) => `{
  "TableName": "${request.table}",
  "Key": {
    ${keyJson(request)}
  },
  "UpdateExpression": "SET #payload = :payload",
  "ExpressionAttributeNames": {"#payload": "${payloadAttribute}"},
  "ExpressionAttributeValues": {":payload": {"S": "${jsonText('$input.body')}"}},
  "ReturnValues": "ALL_NEW"
}`,
    response: () => `$input.path('$.Attributes.${payloadAttribute}.S')`,
  },
  [
    'https://aws.amazon.com/blogs/compute/using-amazon-api-gateway-as-a-proxy-for-dynamodb/',
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html',
  ],
);
