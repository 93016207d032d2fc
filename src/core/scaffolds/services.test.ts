import { describe, expect, it } from 'vitest';
import type { SampleRequest } from '../templates';
import { renderMappingTemplate } from '../templates';
import { eventBridgePutEvents } from './eventbridge-put-events';
import { kinesisPutRecord } from './kinesis-put-record';
import { snsPublish } from './sns-publish';
import { stepFunctionsStartExecution } from './step-functions-start-execution';
import { stepFunctionsStartSyncExecution } from './step-functions-start-sync-execution';
import type { ScaffoldContext, ScaffoldSetup, ServiceScaffold } from './types';

/** SNS, Kinesis, EventBridge and Step Functions, each rendered in the offline bench with a sample request. */
const request = (body: string | null, pathParameters: Record<string, string> = {}): SampleRequest => ({
  httpMethod: 'POST',
  resourcePath: '/things',
  path: '/things',
  headers: {},
  queryStringParameters: {},
  pathParameters,
  stageVariables: {},
  body,
  context: { requestId: 'req-1' },
});

const rest: ScaffoldContext = { apiType: 'REST', pathParameters: [] };

function setupOf(scaffold: ServiceScaffold, values: Record<string, string>, context: ScaffoldContext = rest): ScaffoldSetup {
  const result = scaffold.build(values, context);
  if (!result.ok) throw new Error(result.message);
  return result.setup;
}

function render(template: string | undefined, sample: SampleRequest, phase: 'request' | 'response' = 'request') {
  const result = renderMappingTemplate({ template: template ?? '', request: sample, phase });
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result;
}

const requestOutput = (setup: ScaffoldSetup, sample: SampleRequest) =>
  render(setup.binding.requestTemplates['application/json'], sample).output;
const okTemplate = (setup: ScaffoldSetup) =>
  setup.binding.responses.find((response) => response.selectionPattern === 'default')?.responseTemplates['application/json'];

describe('SNS Publish scaffold', () => {
  const topic = 'arn:aws:sns:us-east-1:123456789012:alerts';
  const setup = setupOf(snsPublish, { topicArn: topic });

  it('publishes the body to the topic, form-encoded, with sns:Publish on that topic only', () => {
    expect(setup.target).toMatchObject({ service: 'sns', style: 'path', actionOrPath: '/', httpMethod: 'POST' });
    expect(setup.binding.requestParameters).toEqual({ 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" });
    const form = new URLSearchParams(requestOutput(setup, request('{"level": "high"}')));
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('TopicArn')).toBe(topic);
    expect(form.get('Message')).toBe('{"level": "high"}');
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['sns:Publish'], resources: [topic] }]);
    const answer = JSON.stringify({ PublishResponse: { PublishResult: { MessageId: 'm-9' } } });
    expect(JSON.parse(render(okTemplate(setup), request(answer), 'response').output)).toEqual({ messageId: 'm-9' });
  });
});

describe('Kinesis PutRecord scaffold', () => {
  const stream = 'arn:aws:kinesis:us-west-2:123456789012:stream/clicks';

  it('puts the body, base64-encoded, with the partition key from the path', () => {
    const setup = setupOf(kinesisPutRecord, { streamArn: stream, keyParameter: 'user' }, { apiType: 'REST', pathParameters: ['user'] });
    expect(setup.target).toMatchObject({ service: 'kinesis', region: 'us-west-2', style: 'action', actionOrPath: 'PutRecord' });
    expect(setup.binding.requestParameters['integration.request.header.Content-Type']).toBe("'application/x-amz-json-1.1'");
    const body = '{"click": "buy"}';
    const record = JSON.parse(requestOutput(setup, request(body, { user: 'u-1' })));
    expect(record).toEqual({ StreamName: 'clicks', Data: Buffer.from(body).toString('base64'), PartitionKey: 'u-1' });
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['kinesis:PutRecord'], resources: [stream] }]);
    const answer = JSON.stringify({ ShardId: 'shardId-000000000001', SequenceNumber: '4955' });
    expect(JSON.parse(render(okTemplate(setup), request(answer), 'response').output)).toEqual({
      shardId: 'shardId-000000000001',
      sequenceNumber: '4955',
    });
  });

  it('keys by the request id without a path variable, and uses Kinesis-PutRecord on an HTTP API', () => {
    const setup = setupOf(kinesisPutRecord, { streamArn: stream });
    expect(JSON.parse(requestOutput(setup, request('{}'))).PartitionKey).toBe('req-1');
    const http = setupOf(kinesisPutRecord, { streamArn: stream }, { apiType: 'HTTP', pathParameters: [] });
    expect(http.target.integrationSubtype).toBe('Kinesis-PutRecord');
    expect(http.binding.requestParameters).toEqual({ StreamName: 'clicks', Data: '$request.body', PartitionKey: '$context.requestId' });
  });
});

describe('EventBridge PutEvents scaffold', () => {
  const bus = 'arn:aws:events:us-east-1:123456789012:event-bus/orders';
  const setup = setupOf(eventBridgePutEvents, { eventBusArn: bus, source: 'com.example.orders', detailType: 'OrderPlaced' });

  it('names the action in X-Amz-Target and sends the body as the detail of one entry', () => {
    expect(setup.binding.requestParameters).toEqual({
      'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
      'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
    });
    const body = JSON.stringify({ orderId: 'o-1', note: "it's" });
    const events = JSON.parse(requestOutput(setup, request(body)));
    expect(events).toEqual({ Entries: [{ EventBusName: bus, Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: body }] });
    expect(JSON.parse(events.Entries[0].Detail)).toEqual({ orderId: 'o-1', note: "it's" });
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['events:PutEvents'], resources: [bus] }]);
  });

  it('answers the event id, or 500 when EventBridge refused the entry (PutEvents still answers 200)', () => {
    const accepted = render(okTemplate(setup), request(JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] })), 'response');
    expect(JSON.parse(accepted.output)).toEqual({ eventId: 'e-1' });
    expect(accepted.overrides.responseOverride.status).toBeNull();
    const refused = render(
      okTemplate(setup),
      request(JSON.stringify({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] })),
      'response',
    );
    expect(refused.overrides.responseOverride.status).toBe(500);
  });

  it('refuses a source a template cannot write as it is', () => {
    expect(eventBridgePutEvents.build({ eventBusArn: bus, source: 'a"b', detailType: 'X' }, rest)).toMatchObject({
      ok: false,
      field: 'source',
    });
  });
});

describe('Step Functions scaffolds', () => {
  const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:Checkout';

  it('StartExecution sends the body as the input of that state machine, {} for no body', () => {
    const setup = setupOf(stepFunctionsStartExecution, { stateMachineArn: machine });
    expect(setup.target).toMatchObject({ service: 'states', style: 'action', actionOrPath: 'StartExecution' });
    const start = JSON.parse(requestOutput(setup, request('{"cart": ["a"]}')));
    expect(start).toEqual({ stateMachineArn: machine, input: '{"cart": ["a"]}' });
    expect(JSON.parse(requestOutput(setup, request(null))).input).toBe('{}');
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['states:StartExecution'], resources: [machine] }]);
    const answer = JSON.stringify({ executionArn: `${machine}:run-1`, startDate: 1.7e9 });
    expect(JSON.parse(render(okTemplate(setup), request(answer), 'response').output)).toEqual({ executionArn: `${machine}:run-1` });
  });

  it('StartSyncExecution answers the output, or 500 with the error when the execution failed', () => {
    const setup = setupOf(stepFunctionsStartSyncExecution, { stateMachineArn: machine });
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['states:StartSyncExecution'], resources: [machine] }]);
    const succeeded = render(okTemplate(setup), request(JSON.stringify({ status: 'SUCCEEDED', output: '{"total":3}' })), 'response');
    expect(JSON.parse(succeeded.output)).toEqual({ total: 3 });
    const failed = render(okTemplate(setup), request(JSON.stringify({ status: 'FAILED', error: 'States.TaskFailed' })), 'response');
    expect(failed.overrides.responseOverride.status).toBe(500);
    expect(JSON.parse(failed.output)).toMatchObject({ message: 'The execution ended with status FAILED.', error: 'States.TaskFailed' });
  });

  it('uses the first-class integrations on an HTTP API', () => {
    const http = setupOf(stepFunctionsStartSyncExecution, { stateMachineArn: machine }, { apiType: 'HTTP', pathParameters: [] });
    expect(http.target.integrationSubtype).toBe('StepFunctions-StartSyncExecution');
    expect(http.binding.requestParameters).toEqual({ StateMachineArn: machine, Input: '$request.body' });
  });
});
