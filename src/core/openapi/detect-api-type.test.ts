import { describe, expect, it } from 'vitest';
import { detectApiType } from './detect-api-type';

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
