import { describe, expect, it } from 'vitest';
import type { IntegrationResponse } from '../model';
import { buildMethodResponse, chooseResponseTemplate, selectIntegrationResponse } from './integration-response';
import { parseSampleRequest, type SampleRequest } from './sample-request';

function sample(fields: Record<string, unknown> = {}): SampleRequest {
  const parsed = parseSampleRequest(fields);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.request;
}

function response(selectionPattern: string, statusCode: string, more: Partial<IntegrationResponse> = {}): IntegrationResponse {
  return { selectionPattern, statusCode, responseParameters: {}, responseTemplates: {}, ...more };
}

const ok = (statusCode: string, body = '{}', headers: Record<string, string> = {}) => ({ statusCode, headers, body });

describe('selectIntegrationResponse', () => {
  const http = [response('default', '200'), response('4\\d{2}', '400'), response('5\\d{2}', '500')];

  it.each([
    ['200', 0],
    ['404', 1],
    ['503', 2],
    ['302', 0],
  ])('an HTTP backend answering %s gets integration response %i (the pattern must match the whole status code)', (status, index) => {
    expect(selectIntegrationResponse(http, 'HTTP', ok(status))).toMatchObject({ found: true, index });
  });

  it("matches a Lambda function's errorMessage, not its status code (handle-errors-in-lambda-integration.md)", () => {
    const lambda = [response('default', '200'), response('Malformed.*', '400'), response('.*not found.*', '404')];
    expect(selectIntegrationResponse(lambda, 'LAMBDA', { ...ok('200'), errorMessage: 'Malformed input ...' })).toMatchObject({ index: 1 });
    expect(selectIntegrationResponse(lambda, 'LAMBDA', { ...ok('200'), errorMessage: 'Pet 7 not found' })).toMatchObject({ index: 2 });
    expect(selectIntegrationResponse(lambda, 'LAMBDA', { ...ok('200'), errorMessage: 'Timeout' })).toMatchObject({ index: 0 });
    expect(selectIntegrationResponse(lambda, 'LAMBDA', ok('200'))).toMatchObject({ index: 0 });
  });

  it('.* matches every Lambda answer, a success (no error message) included: the guide calls it resetting the default', () => {
    expect(selectIntegrationResponse([response('default', '200'), response('.*', '418')], 'LAMBDA', ok('200'))).toMatchObject({ index: 1 });
  });

  it('takes the first of several matching patterns and lists the others', () => {
    expect(selectIntegrationResponse([response('4\\d{2}', '400'), response('40.', '404')], 'HTTP', ok('404'))).toMatchObject({
      index: 0,
      alsoMatching: [1],
    });
  });

  it('finds nothing when no pattern matches and there is no default, and says which pattern cannot be read', () => {
    expect(selectIntegrationResponse([response('4\\d{2}', '400')], 'HTTP', ok('200'))).toEqual({ found: false, matchedOn: '200' });
    expect(selectIntegrationResponse([response('(a+)+', '400')], 'HTTP', ok('200'))).toMatchObject({
      found: false,
      problem: expect.stringContaining('(a+)+'),
    });
  });
});

describe('chooseResponseTemplate (by the Accept header, else application/json, else the first)', () => {
  const templates = { 'application/xml': 'X', 'application/json': 'J' };
  it.each([
    [undefined, 'application/json'],
    ['application/xml', 'application/xml'],
    ['text/html, application/xml;q=0.9', 'application/xml'],
  ])('Accept %s → %s', (accept, contentType) => {
    expect(chooseResponseTemplate(templates, accept)).toMatchObject({ contentType });
  });
  it('falls back to the first template, and passes the body through without one', () => {
    expect(chooseResponseTemplate({ 'application/xml': 'X' }, undefined)).toMatchObject({ contentType: 'application/xml' });
    expect(chooseResponseTemplate({}, 'application/json')).toEqual({ kind: 'passthrough' });
  });
});

describe('buildMethodResponse', () => {
  it("maps the chosen response's parameters (header, body JSONPath, static value) and renders its template on the backend body", () => {
    const result = buildMethodResponse({
      kind: 'HTTP',
      responses: [
        response('default', '200'),
        response('3\\d{2}', '302', {
          responseParameters: {
            'method.response.header.Location': 'integration.response.body.redirect.url',
            'method.response.header.X-App-Id': 'integration.response.header.x-app-id',
            'method.response.header.Cache-Control': "'no-store'",
            'method.response.header.X-Request-Id': 'context.requestId',
          },
          responseTemplates: {
            'application/json': '#set($root = $input.path(\'$\'))\n{"id": "$input.params(\'id\')", "to": "$root.redirect.url"}',
          },
        }),
      ],
      request: sample({ pathParameters: { id: '7' }, context: { requestId: 'r-1' } }),
      backend: ok('301', '{"redirect": {"url": "https://example.com/new"}}', { 'X-App-Id': 'app-9' }),
    });
    expect(result).toMatchObject({
      outcome: 'answered',
      selected: { index: 1, statusCode: '302' },
      response: {
        statusCode: 302,
        headers: {
          Location: ['https://example.com/new'],
          'X-App-Id': ['app-9'],
          'Cache-Control': ['no-store'],
          'X-Request-Id': ['r-1'],
          'Content-Type': ['application/json'],
        },
        body: '{"id": "7", "to": "https://example.com/new"}',
      },
    });
  });

  it('applies $context.responseOverride: its status and headers win over the integration response', () => {
    const result = buildMethodResponse({
      kind: 'HTTP',
      responses: [
        response('default', '200', {
          responseParameters: { 'method.response.header.X-Kind': "'mapped'" },
          responseTemplates: {
            'application/json': [
              "#set($inputRoot = $input.path('$'))",
              "$input.json('$')",
              '#if($inputRoot.toString().contains("error"))',
              '#set($context.responseOverride.status = 400)',
              "#set($context.responseOverride.header.X-Kind = 'override')",
              '#end',
            ].join('\n'),
          },
        }),
      ],
      request: sample(),
      backend: ok('200', '{"errors": [{"message": "The value is out of range."}]}'),
    });
    expect(result).toMatchObject({ outcome: 'answered', response: { statusCode: 400, headers: { 'X-Kind': ['override'] } } });
    if (result.outcome === 'answered') {
      expect(result.response.body.trim()).toBe('{"errors":[{"message":"The value is out of range."}]}');
      expect(result.notes.join(' ')).toContain('the client gets 400 instead of 200');
    }
  });

  it("turns a Lambda function's failure into its error object for the template when no body is given", () => {
    const result = buildMethodResponse({
      kind: 'LAMBDA',
      responses: [
        response('default', '200'),
        response('Malformed.*', '400', { responseTemplates: { 'application/json': '{"reason": "$input.path(\'$.errorMessage\')"}' } }),
      ],
      request: sample(),
      backend: { statusCode: '200', headers: {}, body: '', errorMessage: 'Malformed input ...' },
    });
    expect(result).toMatchObject({ outcome: 'answered', response: { statusCode: 400, body: '{"reason": "Malformed input ..."}' } });
  });

  it('answers 500 Internal server error when nothing matches and there is no default', () => {
    const result = buildMethodResponse({ kind: 'HTTP', responses: [response('2\\d{2}', '200')], request: sample(), backend: ok('404') });
    expect(result).toMatchObject({ outcome: 'answered', response: { statusCode: 500, body: '{"message": "Internal server error"}' } });
    if (result.outcome === 'answered')
      expect(result.notes.join(' ')).toContain('No match for output mapping and no default output mapping specified');
  });

  it('passes the backend body through when the response has no template', () => {
    const result = buildMethodResponse({
      kind: 'HTTP',
      responses: [response('default', '201')],
      request: sample(),
      backend: ok('200', 'plain text'),
    });
    expect(result).toMatchObject({ outcome: 'answered', response: { statusCode: 201, headers: {}, body: 'plain text' } });
  });

  it('answers a response template error with its line and the response it belongs to', () => {
    const result = buildMethodResponse({
      kind: 'HTTP',
      responses: [response('default', '200', { responseTemplates: { 'application/json': 'ok\n#foreach($a in $b)' } })],
      request: sample(),
      backend: ok('200'),
    });
    expect(result).toMatchObject({ outcome: 'error', selected: { index: 0 }, error: { line: 2 } });
  });
});
