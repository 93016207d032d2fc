import { describe, expect, it } from 'vitest';
import { assessApiType, detectApiType } from './detect-api-type';
import { ambiguousDocument, kinesisRestWithHttpExtensions, lambdaAuthtypeRest } from './testing/api-type-documents';

const base = { openapi: '3.0.1', info: { title: 'x', version: '1' } };

describe('detectApiType', () => {
  it('reads Swagger 2.0 as REST, always', () => {
    expect(detectApiType({ swagger: '2.0', 'x-amazon-apigateway-cors': {} }, '2.0').type).toBe('REST');
  });

  it('defaults to REST when nothing points either way', () => {
    expect(detectApiType({ ...base, paths: { '/a': { get: {} } } }, '3.0')).toEqual({ type: 'REST', httpSignals: [], restSignals: [] });
  });

  it.each([
    [{ 'x-amazon-apigateway-importexport-version': '1.0' }, 'x-amazon-apigateway-importexport-version'],
    [{ 'x-amazon-apigateway-cors': {} }, 'x-amazon-apigateway-cors'],
    [{ tags: [{ name: 'a', 'x-amazon-apigateway-tag-value': 'b' }] }, 'x-amazon-apigateway-tag-value'],
    [{ components: { 'x-amazon-apigateway-integrations': {} } }, 'x-amazon-apigateway-integrations'],
    [{ paths: { $default: {} } }, 'a $default route'],
    [{ paths: { '/a': { 'x-amazon-apigateway-any-method': { isDefaultRoute: true } } } }, 'a $default route'],
    [
      { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', payloadFormatVersion: '2.0' } } } } },
      'payloadFormatVersion',
    ],
    [{ paths: { '/a': { get: { 'x-amazon-apigateway-integration': { integrationSubtype: 'SQS-SendMessage' } } } } }, 'integrationSubtype'],
    [{ components: { securitySchemes: { j: { 'x-amazon-apigateway-authorizer': { type: 'jwt' } } } } }, 'a JWT authorizer'],
    [
      { components: { securitySchemes: { l: { 'x-amazon-apigateway-authorizer': { type: 'request', enableSimpleResponses: true } } } } },
      'a Lambda authorizer with a payload format version',
    ],
  ])('reads %j as an HTTP API', (extra, signal) => {
    const guess = detectApiType({ ...base, ...extra }, '3.0');
    expect(guess.type).toBe('HTTP');
    expect(guess.httpSignals).toContain(signal);
  });

  it('lets the product with more signals win, and lists both', () => {
    const document = {
      ...base,
      'x-amazon-apigateway-cors': {},
      'x-amazon-apigateway-request-validators': {},
      'x-amazon-apigateway-gateway-responses': {},
      paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } },
    };
    expect(detectApiType(document, '3.0')).toEqual({
      type: 'REST',
      httpSignals: ['x-amazon-apigateway-cors'],
      restSignals: ['x-amazon-apigateway-request-validators', 'x-amazon-apigateway-gateway-responses', 'a mock integration'],
    });
  });
});

describe('assessApiType: the type under which nothing is lost', () => {
  it('reads a REST API with HTTP-only extensions as REST: as HTTP it would drop the Kinesis aws integration', () => {
    const assessment = assessApiType(kinesisRestWithHttpExtensions, '3.0');
    expect(assessment.type).toBe('REST');
    expect(assessment.losses.HTTP).toEqual([
      {
        message:
          'the aws integration of PUT /streams/{name}/record (HTTP APIs call AWS services only through Lambda proxy and first-class integrations)',
        path: 'paths./streams/{name}/record.put.x-amazon-apigateway-integration',
        effect: 'dropped',
      },
    ]);
    // As REST only the CORS setting has no effect (REST APIs answer CORS with OPTIONS methods).
    expect(assessment.losses.REST.map((loss) => loss.effect)).toEqual(['ignored']);
  });

  it("reads AWS's REST example with a Lambda authorizer and a custom authtype as REST: as HTTP its authorizer could not be created", () => {
    const assessment = assessApiType(lambdaAuthtypeRest, '3.0');
    expect(assessment.type).toBe('REST');
    expect(assessment.losses.REST).toEqual([]);
    expect(assessment.losses.HTTP).toEqual([
      expect.objectContaining({
        effect: 'dropped',
        path: 'components.securitySchemes.myAuthorizer',
        message: expect.stringMatching(/a REST API authorizer/),
      }),
    ]);
  });

  it('reads an HTTP API export as HTTP: as REST its payload format 2.0 would be lost (its JWT authorizer REST APIs have too, since 2026)', () => {
    const document = {
      ...base,
      'x-amazon-apigateway-importexport-version': '1.0',
      components: { securitySchemes: { jwt: { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt' } } } },
      paths: {
        '/a': {
          get: {
            security: [{ jwt: [] }],
            'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: 'arn:aws:lambda:x', payloadFormatVersion: '2.0' },
          },
        },
      },
    };
    const assessment = assessApiType(document, '3.0');
    expect(assessment.type).toBe('HTTP');
    expect(assessment.losses.REST.map((loss) => loss.message)).toEqual([
      'the integration of GET /a, whose function reads payload format 2.0 (REST APIs send 1.0)',
    ]);
  });

  it('finds authorizers under a root securityDefinitions of an OpenAPI 3 document too', () => {
    const document = {
      ...base,
      'x-amazon-apigateway-cors': {},
      securityDefinitions: { pool: { type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools' } } },
    };
    const assessment = assessApiType(document, '3.0');
    expect(assessment.type).toBe('REST');
    expect(assessment.losses.HTTP[0]).toMatchObject({ effect: 'dropped', path: 'securityDefinitions.pool' });
  });

  it('is ambiguous when each type drops something, and says what', () => {
    const assessment = assessApiType(ambiguousDocument, '3.0');
    expect(assessment.type).toBeUndefined();
    expect(assessment.losses.REST.map((loss) => loss.message)).toEqual([
      'the Lambda authorizer "simple", whose function answers with simple responses (REST authorizers must return an IAM policy)',
    ]);
    expect(assessment.losses.HTTP.map((loss) => loss.message)).toEqual([
      'the mock integration of GET /health (HTTP APIs have no mock integrations)',
    ]);
  });

  it('is ambiguous when nothing is lost but the extensions point both ways, unless it is marked an HTTP API export', () => {
    const document = { ...base, 'x-amazon-apigateway-cors': {}, 'x-amazon-apigateway-binary-media-types': ['image/png'] };
    expect(assessApiType(document, '3.0').type).toBeUndefined();
    expect(assessApiType({ ...document, 'x-amazon-apigateway-importexport-version': '1.0' }, '3.0').type).toBe('HTTP');
  });

  it('keeps an HTTP API with REST-only API settings left over an HTTP API: they have no effect there, and are listed', () => {
    const document = {
      ...base,
      'x-amazon-apigateway-importexport-version': '1.0',
      'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [] },
      'x-amazon-apigateway-gateway-responses': {},
      paths: {
        '/a': { get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: 'arn:aws:lambda:x', payloadFormatVersion: '1.0' } } },
      },
    };
    const assessment = assessApiType(document, '3.0');
    expect(assessment.type).toBe('HTTP');
    expect(assessment.losses.HTTP.map((loss) => loss.effect)).toEqual(['ignored', 'ignored']);
  });

  it.each([
    [
      { paths: { '/a': { post: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', integrationSubtype: 'SQS-SendMessage' } } } } },
      'REST',
      /SQS-SendMessage integration/,
    ],
    [
      { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/fn' } } } } },
      'REST',
      /reusable integration/,
    ],
    [{ paths: { $default: { 'x-amazon-apigateway-any-method': {} } } }, 'REST', /\$default route/],
    [
      {
        paths: {
          '/a': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', requestParameters: { 'overwrite:header.x': 'y' } } } },
        },
      },
      'REST',
      /written for HTTP APIs/,
    ],
    [
      {
        paths: {
          '/a': {
            get: {
              'x-amazon-apigateway-integration': { type: 'http_proxy', responseParameters: { '500': { 'overwrite:statuscode': '503' } } },
            },
          },
        },
      },
      'REST',
      /response parameter mappings of GET \/a/,
    ],
    [
      { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'http', uri: 'https://x' } } } } },
      'HTTP',
      /http integration of GET \/a/,
    ],
    [{ paths: { '/a': { get: { 'x-amazon-apigateway-request-validator': 'all' } } } }, 'HTTP', /request validation of GET \/a/],
    [
      {
        components: { securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
        paths: { '/a': { get: { security: [{ api_key: [] }] } } },
      },
      'HTTP',
      /API key requirement of GET \/a/,
    ],
    [
      { components: { securitySchemes: { t: { type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'token' } } } } },
      'HTTP',
      /Lambda TOKEN authorizer "t"/,
    ],
  ])('%j is dropped as %s', (extra, type, message) => {
    const losses = assessApiType({ ...base, ...extra }, '3.0').losses[type as 'REST' | 'HTTP'];
    expect(losses).toContainEqual(expect.objectContaining({ effect: 'dropped', message: expect.stringMatching(message) }));
  });

  it('weighs nothing for Swagger 2.0, which API Gateway imports as REST only', () => {
    expect(assessApiType({ swagger: '2.0', 'x-amazon-apigateway-cors': {} }, '2.0')).toMatchObject({
      type: 'REST',
      losses: { REST: [], HTTP: [] },
    });
  });
});
