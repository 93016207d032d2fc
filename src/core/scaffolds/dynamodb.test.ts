import { describe, expect, it } from 'vitest';
import type { SampleRequest } from '../templates';
import { renderMappingTemplate } from '../templates';
import { dynamoDbDeleteItem } from './dynamodb-delete-item';
import { dynamoDbGetItem } from './dynamodb-get-item';
import { dynamoDbPutItem } from './dynamodb-put-item';
import { dynamoDbQuery } from './dynamodb-query';
import { dynamoDbUpdateItem } from './dynamodb-update-item';
import type { ScaffoldSetup, ServiceScaffold } from './types';

const tableArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders';

const request = (body: string | null, pathParameters: Record<string, string> = { id: 'o-7' }): SampleRequest => ({
  httpMethod: 'POST',
  resourcePath: '/orders/{id}',
  path: `/orders/${pathParameters.id ?? ''}`,
  headers: {},
  queryStringParameters: {},
  pathParameters,
  stageVariables: {},
  body,
  context: { requestId: 'req-1' },
});

function setupOf(
  scaffold: ServiceScaffold,
  values: Record<string, string> = { tableArn, keyParameter: 'id' },
  pathParameters = ['id'],
): ScaffoldSetup {
  const result = scaffold.build(values, { apiType: 'REST', pathParameters });
  if (!result.ok) throw new Error(result.message);
  return result.setup;
}

function render(template: string | undefined, sample: SampleRequest, phase: 'request' | 'response' = 'request') {
  const result = renderMappingTemplate({ template: template ?? '', request: sample, phase });
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result;
}

const requestJson = (setup: ScaffoldSetup, sample: SampleRequest) =>
  JSON.parse(render(setup.binding.requestTemplates['application/json'], sample).output);
const okTemplate = (setup: ScaffoldSetup) =>
  setup.binding.responses.find((response) => response.selectionPattern === 'default')?.responseTemplates['application/json'];

describe('DynamoDB scaffolds', () => {
  it('each calls its action on the table by name, with a role for that action on that table only', () => {
    for (const [scaffold, action] of [
      [dynamoDbPutItem, 'PutItem'],
      [dynamoDbGetItem, 'GetItem'],
      [dynamoDbQuery, 'Query'],
      [dynamoDbUpdateItem, 'UpdateItem'],
      [dynamoDbDeleteItem, 'DeleteItem'],
    ] as const) {
      const setup = setupOf(scaffold);
      expect(setup.target).toEqual({ service: 'dynamodb', region: 'us-east-1', style: 'action', actionOrPath: action, httpMethod: 'POST' });
      expect(setup.rolePolicy).toEqual({ statements: [{ actions: [`dynamodb:${action}`], resources: [tableArn] }] });
      expect(setup.binding.requestParameters['integration.request.header.Content-Type']).toBe("'application/x-amz-json-1.0'");
      expect(requestJson(setup, request('{}')).TableName).toBe('Orders');
    }
  });

  it('PutItem stores the body as text under the key from the path (quotes and non-ASCII survive)', () => {
    const setup = setupOf(dynamoDbPutItem);
    const body = JSON.stringify({ name: "Rex's bowl", price: 12.5, tags: ['é', '"x"'] });
    const put = requestJson(setup, request(body));
    expect(put).toEqual({ TableName: 'Orders', Item: { id: { S: 'o-7' }, payload: { S: body } } });
    expect(JSON.parse(render(okTemplate(setup), request('{}'), 'response').output)).toEqual({ id: 'o-7' });
  });

  it('PutItem without a path variable keys the item by the request id', () => {
    const setup = setupOf(dynamoDbPutItem, { tableArn, partitionKey: 'orderId' }, []);
    expect(requestJson(setup, request('{"a":1}', {})).Item.orderId).toEqual({ S: 'req-1' });
  });

  it('GetItem answers the stored payload, or 404 when DynamoDB has no item', () => {
    const setup = setupOf(dynamoDbGetItem);
    expect(requestJson(setup, request(null))).toEqual({ TableName: 'Orders', Key: { id: { S: 'o-7' } } });
    const found = render(
      okTemplate(setup),
      request(JSON.stringify({ Item: { id: { S: 'o-7' }, payload: { S: '{"name":"Rex"}' } } })),
      'response',
    );
    expect(JSON.parse(found.output)).toEqual({ name: 'Rex' });
    expect(found.overrides.responseOverride.status).toBeNull();
    const missing = render(okTemplate(setup), request('{}'), 'response');
    expect(missing.overrides.responseOverride.status).toBe(404);
    expect(JSON.parse(missing.output)).toMatchObject({ message: 'No item has this key.' });
    expect(setup.methodResponses.map((response) => response.statusCode)).toEqual(['200', '404', '400', '500']);
  });

  it('Query asks for the partition key through expression names and answers the payloads as an array', () => {
    const setup = setupOf(dynamoDbQuery);
    expect(requestJson(setup, request(null))).toEqual({
      TableName: 'Orders',
      KeyConditionExpression: '#key = :key',
      ExpressionAttributeNames: { '#key': 'id' },
      ExpressionAttributeValues: { ':key': { S: 'o-7' } },
    });
    const answer = JSON.stringify({
      Count: 3,
      Items: [{ payload: { S: '{"n":1}' } }, { payload: { S: '{"n":2}' } }, { id: { S: 'no-payload' } }],
    });
    expect(JSON.parse(render(okTemplate(setup), request(answer), 'response').output)).toEqual([{ n: 1 }, { n: 2 }, null]);
    expect(JSON.parse(render(okTemplate(setup), request('{"Count":0,"Items":[]}'), 'response').output)).toEqual([]);
  });

  it('UpdateItem sets the payload and answers the new one', () => {
    const setup = setupOf(dynamoDbUpdateItem);
    const update = requestJson(setup, request('{"name":"Max"}'));
    expect(update).toMatchObject({
      Key: { id: { S: 'o-7' } },
      UpdateExpression: 'SET #payload = :payload',
      ExpressionAttributeNames: { '#payload': 'payload' },
      ExpressionAttributeValues: { ':payload': { S: '{"name":"Max"}' } },
      ReturnValues: 'ALL_NEW',
    });
    const answer = JSON.stringify({ Attributes: { id: { S: 'o-7' }, payload: { S: '{"name":"Max"}' } } });
    expect(JSON.parse(render(okTemplate(setup), request(answer), 'response').output)).toEqual({ name: 'Max' });
  });

  it('DeleteItem asks for the old item, answering 404 when there was none', () => {
    const setup = setupOf(dynamoDbDeleteItem);
    expect(requestJson(setup, request(null))).toEqual({ TableName: 'Orders', Key: { id: { S: 'o-7' } }, ReturnValues: 'ALL_OLD' });
    const deleted = render(okTemplate(setup), request(JSON.stringify({ Attributes: { id: { S: 'o-7' } } })), 'response');
    expect(JSON.parse(deleted.output)).toEqual({ deleted: 'o-7' });
    expect(deleted.overrides.responseOverride.status).toBeNull();
    expect(render(okTemplate(setup), request('{}'), 'response').overrides.responseOverride.status).toBe(404);
  });

  it('refuses what it cannot write: no path variable for a key read, a foreign ARN, an attribute name a template cannot quote', () => {
    const context = { apiType: 'REST' as const, pathParameters: [] };
    expect(dynamoDbGetItem.build({ tableArn }, context)).toMatchObject({ ok: false, field: 'keyParameter' });
    expect(dynamoDbGetItem.build({ tableArn, keyParameter: 'petId' }, { apiType: 'REST', pathParameters: ['id'] })).toMatchObject({
      ok: false,
      field: 'keyParameter',
      message: expect.stringContaining('{id}'),
    });
    expect(dynamoDbPutItem.build({ tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:Orders' }, context)).toMatchObject({
      ok: false,
      field: 'tableArn',
    });
    expect(dynamoDbPutItem.build({ tableArn, partitionKey: 'a"b' }, context)).toMatchObject({ ok: false, field: 'partitionKey' });
  });
});
