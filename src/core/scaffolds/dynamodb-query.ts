import { jsonText } from './common';
import { payloadAttribute, tableScaffold } from './dynamodb-table';

/**
 * DynamoDB Query: the items whose partition key is the path's value (several when the table has a sort
 * key), answered as a JSON array of their payloads. Names and values go through
 * ExpressionAttributeNames/Values, so that a key named like a reserved word still works.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
export const dynamoDbQuery = tableScaffold(
  {
    action: 'Query',
    keyOptional: false,
    success: 'The items with this key, as a JSON array.',
    answersNotFound: false,
    template: (request) => `{
  "TableName": "${request.table}",
  "KeyConditionExpression": "#key = :key",
  "ExpressionAttributeNames": {"#key": "${request.partitionKey}"},
  "ExpressionAttributeValues": {":key": {"S": "${jsonText(request.key)}"}}
}`,
    response: () => `[
#foreach($item in $input.path('$.Items'))
#set($payload = $item.${payloadAttribute}.S)
#if("$!payload" == "")null#else$payload#end#if($foreach.hasNext),#end
#end
]`,
  },
  [
    'https://aws.amazon.com/blogs/compute/using-amazon-api-gateway-as-a-proxy-for-dynamodb/',
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html',
  ],
);
