import { keyJson, notFound, payloadAttribute, tableScaffold } from './dynamodb-table';

/**
 * DynamoDB GetItem: reads the item of the key in the path and answers with its `payload` (the JSON a
 * PutItem stored), or 404 when there is no such item (GetItem answers 200 without `Item` then).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
 */
export const dynamoDbGetItem = tableScaffold(
  {
    action: 'GetItem',
    keyOptional: false,
    success: 'The item.',
    answersNotFound: true,
    template: (request) => `{
  "TableName": "${request.table}",
  "Key": {
    ${keyJson(request)}
  }
}`,
    response: () => `#set($payload = $input.path('$.Item.${payloadAttribute}.S'))
#if("$!payload" == "")
${notFound}
#else
$payload
#end`,
  },
  [
    'https://aws.amazon.com/blogs/compute/using-amazon-api-gateway-as-a-proxy-for-dynamodb/',
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html',
  ],
);
