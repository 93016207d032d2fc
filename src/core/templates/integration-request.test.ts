import { describe, expect, it } from 'vitest';
import { sqsIngestion } from '../examples/sqs-ingestion';
import type { MethodId } from '../model';
import { buildIntegrationRequest, chooseRequestTemplate, type TestBinding } from './integration-request';
import { parseSampleRequest, type SampleRequest } from './sample-request';
import { defaultTestRequest, sampleRequestOf } from './test-sample';

function sample(fields: Record<string, unknown>): SampleRequest {
  const parsed = parseSampleRequest(fields);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.request;
}

const noBinding: TestBinding = { requestParameters: {}, requestTemplates: {} };

describe('chooseRequestTemplate (integration-passthrough-behaviors.md)', () => {
  const json = { 'application/json': 'J' };
  const xml = { 'application/xml': 'X' };
  // Example 1 of the guide: one template for application/json.
  it.each([
    [undefined, 'WHEN_NO_MATCH', 'template'],
    ['application/json', 'WHEN_NO_TEMPLATES', 'template'],
    ['application/json; charset=UTF-8', 'NEVER', 'template'],
    ['application/xml', 'WHEN_NO_MATCH', 'passthrough'],
    ['application/xml', 'WHEN_NO_TEMPLATES', 'reject'],
    ['application/xml', 'NEVER', 'reject'],
  ] as const)('a JSON template, Content-Type %s, %s: %s', (contentType, behavior, kind) => {
    expect(chooseRequestTemplate(json, contentType, behavior).kind).toBe(kind);
  });

  // Example 2: one template for application/xml; a request without Content-Type counts as JSON.
  it.each([
    [undefined, 'WHEN_NO_MATCH', 'passthrough'],
    [undefined, 'WHEN_NO_TEMPLATES', 'reject'],
    ['application/json', 'NEVER', 'reject'],
    ['Application/XML', 'NEVER', 'template'],
  ] as const)('an XML template, Content-Type %s, %s: %s', (contentType, behavior, kind) => {
    expect(chooseRequestTemplate(xml, contentType, behavior).kind).toBe(kind);
  });

  it('with no templates, only NEVER refuses the request', () => {
    expect(chooseRequestTemplate({}, 'text/plain', 'WHEN_NO_MATCH').kind).toBe('passthrough');
    expect(chooseRequestTemplate({}, 'text/plain', 'WHEN_NO_TEMPLATES').kind).toBe('passthrough');
    expect(chooseRequestTemplate({}, 'text/plain', 'NEVER').kind).toBe('reject');
    expect(chooseRequestTemplate({}, 'text/plain').kind).toBe('passthrough');
  });
});

describe('buildIntegrationRequest', () => {
  it("sends the gallery's SQS SendMessage: the queue's URI, the form Content-Type and the form-encoded body", () => {
    const design = sqsIngestion();
    const methodId = 'mth_send' as MethodId;
    const binding = design.methods[methodId]?.integration;
    if (!binding) throw new Error('the example has no integration on POST /events');
    const saved = { ...defaultTestRequest(design, methodId), body: '{"type": "order", "payload": {"id": 7}}' };
    const result = buildIntegrationRequest({
      target: { kind: 'AWS_SERVICE', uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/events', httpMethod: 'POST' },
      binding: binding as TestBinding,
      request: sampleRequestOf(design, methodId, saved),
    });
    expect(result).toMatchObject({
      outcome: 'sent',
      request: {
        httpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/events',
        headers: { 'Content-Type': ['application/x-www-form-urlencoded'] },
        body: 'Action=SendMessage&MessageBody=%7B%22type%22%3A+%22order%22%2C+%22payload%22%3A+%7B%22id%22%3A+7%7D%7D',
        templateContentType: 'application/json',
      },
    });
  });

  it('fills the URI from path, query string and header mappings, stage variables and the body', () => {
    const result = buildIntegrationRequest({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a stage variable placeholder in a URI is the data under test.
      target: { kind: 'HTTP', uri: 'https://${stageVariables.host}/pets/{id}/{rest+}', httpMethod: 'GET' },
      binding: {
        requestParameters: {
          'integration.request.path.id': 'method.request.path.petId',
          'integration.request.path.rest': "'a b/c'",
          'integration.request.querystring.owner': 'method.request.body.owner.name',
          'integration.request.header.x-user': 'context.authorizer.claims.sub',
          'integration.request.header.x-stage': 'stageVariables.label',
          'integration.request.header.x-agent': 'method.request.header.user-agent',
        },
        requestTemplates: {},
      },
      request: sample({
        httpMethod: 'GET',
        pathParameters: { petId: '7' },
        headers: { 'User-Agent': 'curl/8' },
        body: '{"owner": {"name": "Ana Lee"}}',
        stageVariables: { host: 'pets.example.com', label: 'beta' },
        context: { authorizer: { claims: { sub: 'u-1' } } },
      }),
    });
    expect(result).toMatchObject({
      outcome: 'sent',
      request: {
        httpMethod: 'GET',
        uri: 'https://pets.example.com/pets/7/a%20b/c?owner=Ana%20Lee',
        headers: { 'x-user': ['u-1'], 'x-stage': ['beta'], 'x-agent': ['curl/8'] },
        body: '{"owner": {"name": "Ana Lee"}}',
      },
    });
    if (result.outcome === 'sent') expect(result.notes.join(' ')).toContain('passthrough behavior WHEN_NO_MATCH');
  });

  it('applies $context.requestOverride after the mappings: the override wins (apigateway-override-request-response-parameters.md)', () => {
    const result = buildIntegrationRequest({
      target: { kind: 'HTTP', uri: 'https://example.com/items/{id}', httpMethod: 'POST' },
      binding: {
        requestParameters: { 'integration.request.header.X-Source': "'mapped'", 'integration.request.path.id': "'1'" },
        requestTemplates: {
          'application/json': [
            "#set($context.requestOverride.header.x-source = 'template')",
            "#set($context.requestOverride.path.id = $input.path('$.id'))",
            "#set($context.requestOverride.querystring.q = 'a&b')",
            '{}',
          ].join('\n'),
        },
      },
      request: sample({ body: '{"id": 42}' }),
    });
    expect(result).toMatchObject({
      outcome: 'sent',
      request: { uri: 'https://example.com/items/42?q=a%26b', headers: { 'x-source': ['template'] }, body: '{}' },
    });
    if (result.outcome === 'sent') expect(Object.keys(result.request.headers)).toEqual(['x-source']);
  });

  it('says which mapped values the sample lacks, and which keys are not integration parameters', () => {
    const result = buildIntegrationRequest({
      target: { kind: 'HTTP', uri: 'https://example.com/{id}', httpMethod: 'GET' },
      binding: {
        requestParameters: { 'integration.request.querystring.page': 'method.request.querystring.page', 'method.request.header.x': "'1'" },
        requestTemplates: {},
      },
      request: sample({}),
    });
    expect(result.outcome).toBe('sent');
    const notes = result.notes.join('\n');
    expect(notes).toContain(
      'integration.request.querystring.page maps method.request.querystring.page, which the sample request does not have',
    );
    expect(notes).toContain('method.request.header.x is not an integration request parameter');
    expect(notes).toContain('The URI names {id}, but no integration.request.path.id is mapped');
  });

  it('answers a template error with its line and the template it is in', () => {
    const result = buildIntegrationRequest({
      target: { kind: 'MOCK' },
      binding: { requestParameters: {}, requestTemplates: { 'application/json': '{\n#if($input.params(\'a\') == "b")\n"x"\n}' } },
      request: sample({}),
    });
    expect(result).toMatchObject({ outcome: 'error', templateContentType: 'application/json', error: { kind: 'syntax', line: 2 } });
  });

  it('refuses with 415 what neither a template nor the passthrough behavior lets through', () => {
    const result = buildIntegrationRequest({
      target: { kind: 'HTTP', uri: 'https://example.com', httpMethod: 'POST' },
      binding: { passthroughBehavior: 'NEVER', requestParameters: {}, requestTemplates: { 'application/json': '{}' } },
      request: sample({ headers: { 'content-type': 'text/csv' }, body: 'a,b' }),
    });
    expect(result).toMatchObject({ outcome: 'rejected', statusCode: 415, body: '{"message": "Unsupported Media Type"}' });
  });

  it("reads a mock's status code from what its request template writes, and assumes 200 when it writes none", () => {
    const template = { 'application/json': '#if($input.params(\'scope\') == "internal"){"statusCode": 200}#else{"statusCode": 500}#end' };
    const mock = (query: Record<string, string>) =>
      buildIntegrationRequest({
        target: { kind: 'MOCK' },
        binding: { requestParameters: {}, requestTemplates: template },
        request: sample({ queryStringParameters: query }),
      });
    expect(mock({ scope: 'internal' })).toMatchObject({ outcome: 'sent', request: { mockStatusCode: 200 } });
    expect(mock({})).toMatchObject({ outcome: 'sent', request: { mockStatusCode: 500 } });
    const none = buildIntegrationRequest({ target: { kind: 'MOCK' }, binding: noBinding, request: sample({}) });
    expect(none).toMatchObject({ outcome: 'sent', request: { mockStatusCode: 200 } });
    expect(none.notes.join(' ')).toContain('Portico assumes 200');
  });

  it('invokes a Lambda function with POST whatever the method, and says when the URI is not there yet', () => {
    const lambda = buildIntegrationRequest({
      target: {
        kind: 'LAMBDA',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
      },
      binding: noBinding,
      request: sample({ httpMethod: 'GET' }),
    });
    expect(lambda).toMatchObject({ outcome: 'sent', request: { httpMethod: 'POST' } });
    const empty = buildIntegrationRequest({
      target: { kind: 'HTTP', uri: '', httpMethod: 'GET' },
      binding: noBinding,
      request: sample({}),
    });
    expect(empty.notes.join(' ')).toContain('no URI yet');
  });
});
