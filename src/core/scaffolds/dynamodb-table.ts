import { type Arn, parseRegionalArn, resourceAfter } from './arns';
import {
  built,
  errorResponses,
  jsonText,
  jsonType,
  methodResponse,
  okResponse,
  pathParameter,
  pathParameterProblem,
  refused,
  roleField,
  valuesOf,
  withRole,
} from './common';
import type { ScaffoldBuild, ScaffoldContext, ScaffoldField, ServiceScaffold } from './types';

/**
 * What the DynamoDB scaffolds share. They agree on one layout so that they work together: an item is its
 * key (a string partition key, read from a path variable) and `payload`, the client's JSON body as text.
 * PutItem stores it, GetItem and Query return it, UpdateItem replaces it, DeleteItem removes the item.
 * The body is kept as text because DynamoDB needs every attribute typed (`{"S": …}`), which a template
 * cannot do for an arbitrary document. The request is DynamoDB's JSON protocol
 * (`Content-Type: application/x-amz-json-1.0`), called by action name.
 * @see https://aws.amazon.com/blogs/compute/using-amazon-api-gateway-as-a-proxy-for-dynamodb/
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html
 */
export type DynamoDbAction = 'PutItem' | 'GetItem' | 'Query' | 'UpdateItem' | 'DeleteItem';

export const payloadAttribute = 'payload';

export function tableFields(keyOptional: boolean): ScaffoldField[] {
  return [
    { key: 'tableArn', label: 'Table ARN', kind: 'text', placeholder: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' },
    {
      key: 'partitionKey',
      label: 'Partition key attribute',
      kind: 'text',
      defaultValue: 'id',
      hint: 'The name of the table’s partition key (a string attribute).',
    },
    {
      key: 'keyParameter',
      label: 'Path variable holding the key',
      kind: 'path-parameter',
      optional: keyOptional,
      hint: keyOptional ? 'None: each item gets the request id as its key.' : 'The item’s key comes from this part of the path.',
    },
    roleField,
  ];
}

export interface TableRequest {
  arn: Arn;
  table: string;
  partitionKey: string;
  /** The template expression of the key. */
  key: string;
}

function readTable(values: Record<string, string>, context: ScaffoldContext, keyOptional: boolean): TableRequest | ScaffoldBuild {
  const arn = parseRegionalArn(values.tableArn ?? '', 'dynamodb', 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders');
  if (typeof arn === 'string') return refused('tableArn', arn);
  const table = resourceAfter(arn, 'table/');
  if (!table || !/^[A-Za-z0-9_.-]{3,255}$/.test(table))
    return refused('tableArn', 'The ARN should end in table/{name}, a name of 3 to 255 letters, digits, _, . or -.');
  const partitionKey = values.partitionKey ?? '';
  if (!/^[A-Za-z0-9_.-]{1,255}$/.test(partitionKey))
    return refused('partitionKey', 'An attribute name the scaffold writes is 1 to 255 letters, digits, _, . or -.');
  if (partitionKey === payloadAttribute)
    return refused('partitionKey', `The scaffold keeps the body in the attribute "${payloadAttribute}": the key needs another name.`);
  const parameter = values.keyParameter ?? '';
  if (parameter === '') {
    if (!keyOptional) return refused('keyParameter', pathParameterProblem('', context, 'The key') ?? 'Choose the path variable.');
    return { arn, table, partitionKey, key: '$context.requestId' };
  }
  const problem = pathParameterProblem(parameter, context, 'The key');
  if (problem) return refused('keyParameter', problem);
  return { arn, table, partitionKey, key: pathParameter(parameter) };
}

/** `"id": {"S": "…"}`: the key of the item, as DynamoDB's typed JSON. */
export function keyJson(request: TableRequest): string {
  return `"${request.partitionKey}": {"S": "${jsonText(request.key)}"}`;
}

interface TableScaffold {
  action: DynamoDbAction;
  keyOptional: boolean;
  success: string;
  template: (request: TableRequest) => string;
  /** The 200 response template; it may answer 404 through `$context.responseOverride.status`. */
  response: (request: TableRequest) => string;
  answersNotFound: boolean;
}

/**
 * One DynamoDB action as a scaffold; REST APIs only (HTTP APIs have no first-class DynamoDB integration).
 * The role may call that action on that table only.
 */
export function tableScaffold(spec: TableScaffold, docs: string[]): ServiceScaffold {
  const fields = tableFields(spec.keyOptional);
  return {
    id: `dynamodb-${kebab(spec.action)}` as ServiceScaffold['id'],
    title: `DynamoDB ${spec.action}`,
    docs,
    fields,
    build(input, context) {
      const values = valuesOf(fields, input);
      return withRole(values, () => {
        const request = readTable(values, context, spec.keyOptional);
        if (!('arn' in request)) return request;
        return built({
          name: `DynamoDB ${spec.action}: ${request.table}`,
          target: {
            service: 'dynamodb',
            region: request.arn.region,
            ...(request.arn.partition === 'aws' ? {} : { partition: request.arn.partition }),
            style: 'action',
            actionOrPath: spec.action,
            httpMethod: 'POST',
          },
          rolePolicy: { statements: [{ actions: [`dynamodb:${spec.action}`], resources: [request.arn.text] }] },
          binding: {
            proxy: false,
            requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.0'" },
            requestTemplates: { [jsonType]: spec.template(request) },
            responses: [okResponse(spec.response(request)), ...errorResponses('Amazon DynamoDB')],
            passthroughBehavior: 'NEVER',
          },
          methodResponses: [
            methodResponse('200', spec.success),
            ...(spec.answersNotFound ? [methodResponse('404', 'No item has this key.')] : []),
            methodResponse('400', 'The service refused the request.'),
            methodResponse('500', 'The service could not handle the request.'),
          ],
          methodParameters: [],
        });
      });
    },
  };
}

function kebab(action: DynamoDbAction): string {
  return action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/** A 404 answer from a 200 integration response: API Gateway lets a template override the status. */
export const notFound = `#set($context.responseOverride.status = 404)
{"message": "No item has this key.", "requestId": "$context.requestId"}`;
