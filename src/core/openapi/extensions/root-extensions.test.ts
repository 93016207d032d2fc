import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../model';
import { readCors, writeCors } from './cors';
import { readEndpointConfiguration, writeEndpointConfiguration } from './endpoint-configuration';
import { readGatewayResponses, writeGatewayResponses } from './gateway-responses';
import { readRequestValidators } from './request-validators';
import { readRootSetting, writeRootSettings } from './root-settings';
import { readHttpApiTags, writeHttpApiTags } from './tags';

describe('root extensions, read and written', () => {
  it('x-amazon-apigateway-gateway-responses: status codes written as numbers are read as text; unknown fields kept', () => {
    const responses = readGatewayResponses({
      BAD_REQUEST_BODY: { statusCode: 400, responseTemplates: { 'application/json': '{}' }, future: true },
    });
    expect(responses).toEqual({
      BAD_REQUEST_BODY: {
        statusCode: '400',
        responseParameters: {},
        responseTemplates: { 'application/json': '{}' },
        extensions: { future: true },
      },
    });
    expect(responses && writeGatewayResponses(responses)).toEqual({
      BAD_REQUEST_BODY: { statusCode: '400', responseTemplates: { 'application/json': '{}' }, future: true },
    });
    expect(readGatewayResponses(['x'])).toBeUndefined();
  });

  it('x-amazon-apigateway-request-validators: absent flags are false; odd values are refused', () => {
    expect(readRequestValidators({ body: { validateRequestBody: true } })).toEqual([
      { name: 'body', validateRequestBody: true, validateRequestParameters: false },
    ]);
    expect(readRequestValidators({ body: { validateRequestBody: 'yes' } })).toBeUndefined();
    expect(readRequestValidators({ body: { validateRequestBody: true, other: 1 } })).toBeUndefined();
  });

  it('x-amazon-apigateway-cors: defaults for what is absent, refusal for the unknown', () => {
    const cors = readCors({ allowOrigins: ['*'], maxAge: 0, allowCredentials: false });
    expect(cors).toEqual({
      allowOrigins: ['*'],
      allowMethods: [],
      allowHeaders: [],
      exposeHeaders: [],
      allowCredentials: false,
      maxAgeSeconds: 0,
    });
    expect(cors && writeCors(cors)).toEqual({ allowOrigins: ['*'], maxAge: 0 });
    expect(readCors({ allowOrigins: '*' })).toBeUndefined();
    expect(readCors({ allowOrigin: ['*'] })).toBeUndefined();
  });

  it('x-amazon-apigateway-endpoint-configuration: nothing written at the defaults', () => {
    expect(readEndpointConfiguration({ vpcEndpointIds: ['vpce-1'] })).toEqual({
      disableExecuteApiEndpoint: false,
      vpcEndpointIds: ['vpce-1'],
    });
    expect(writeEndpointConfiguration({ disableExecuteApiEndpoint: false, vpcEndpointIds: [] })).toBeUndefined();
    expect(readEndpointConfiguration({ types: ['PRIVATE'] })).toBeUndefined();
  });

  it('x-amazon-apigateway-tag-value: tags with and without values, details kept', () => {
    const reading = readHttpApiTags([
      { name: 'team', 'x-amazon-apigateway-tag-value': 'a' },
      { name: 'plain' },
      { name: 'docs', description: 'described' },
    ]);
    expect(reading).toEqual({
      tags: { team: 'a', plain: '', docs: '' },
      details: [{ name: 'team' }, { name: 'plain' }, { name: 'docs', description: 'described' }],
      notes: [],
    });
    expect(reading && writeHttpApiTags(reading.tags, reading.details)).toEqual([
      { name: 'team', 'x-amazon-apigateway-tag-value': 'a' },
      { name: 'plain' },
      { name: 'docs', description: 'described' },
    ]);
    expect(readHttpApiTags([{ name: 1 }])).toBeUndefined();
  });

  it('the one-value root settings', () => {
    const api = emptyDesign('REST').api;
    expect(readRootSetting('x-amazon-apigateway-api-key-source', 'AUTHORIZER', api)).toEqual({ kept: false });
    expect(readRootSetting('x-amazon-apigateway-api-key-source', 'header', api).kept).toBe(true);
    expect(readRootSetting('x-amazon-apigateway-binary-media-types', 'image/png', api)).toMatchObject({
      kept: false,
      note: expect.stringMatching(/should be a list/),
    });
    expect(readRootSetting('x-amazon-apigateway-minimum-compression-size', 20_000_000, api).kept).toBe(true);
    expect(readRootSetting('x-amazon-apigateway-minimum-compression-size', 0, api)).toEqual({ kept: false });
    expect(readRootSetting('x-amazon-apigateway-policy', '{"Version": "2012-10-17"}', api).kept).toBe(true);
    expect(api).toMatchObject({ apiKeySource: 'AUTHORIZER', binaryMediaTypes: ['image/png'], minimumCompressionSize: 0 });
    const out = {};
    const notes = new Set<string>();
    writeRootSettings(api, out, notes);
    expect(out).toEqual({
      'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
      'x-amazon-apigateway-binary-media-types': ['image/png'],
      'x-amazon-apigateway-minimum-compression-size': 0,
    });
  });
});
