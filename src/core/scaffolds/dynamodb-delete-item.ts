import { jsonText } from './common';
import { keyJson, notFound, tableScaffold } from './dynamodb-table';

/**
 * DynamoDB DeleteItem: removes the item of the key in the path. DeleteItem succeeds whether or not the
 * item existed; asking for the old attributes (`ReturnValues: ALL_OLD`) tells the two apart, so a missing
 * item answers 404.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
 */
export const dynamoDbDeleteItem = tableScaffold(
  {
    action: 'DeleteItem',
    keyOptional: false,
    success: 'The item was deleted.',
    answersNotFound: true,
    template: (request) => `{
  "TableName": "${request.table}",
  "Key": {
    ${keyJson(request)}
  },
  "ReturnValues": "ALL_OLD"
}`,
    response: (request) => `#set($old = $input.path('$.Attributes'))
#if("$!old" == "")
${notFound}
#else
{"deleted": "${jsonText(request.key)}"}
#end`,
  },
  [
    'https://aws.amazon.com/blogs/compute/using-amazon-api-gateway-as-a-proxy-for-dynamodb/',
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html',
  ],
);
