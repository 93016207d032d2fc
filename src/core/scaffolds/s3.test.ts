import { describe, expect, it } from 'vitest';
import type { SampleRequest } from '../templates';
import { renderMappingTemplate } from '../templates';
import { s3GetObject } from './s3-get-object';
import { s3PutObject } from './s3-put-object';
import type { ScaffoldSetup, ServiceScaffold } from './types';

const context = { apiType: 'REST' as const, pathParameters: ['folder', 'key'] };

function setupOf(scaffold: ServiceScaffold, values: Record<string, string>): ScaffoldSetup {
  const result = scaffold.build(values, context);
  if (!result.ok) throw new Error(result.message);
  return result.setup;
}

const request = (key: string): SampleRequest => ({
  httpMethod: 'PUT',
  resourcePath: '/files/{key+}',
  path: `/files/${key}`,
  headers: { 'Content-Type': 'image/png' },
  queryStringParameters: {},
  pathParameters: { key },
  stageVariables: {},
  body: 'PNG…',
  context: { requestId: 'req-1' },
});

/** API Gateway matches a selection pattern against the whole status code. */
function selected(setup: ScaffoldSetup, status: string): string | undefined {
  const match = setup.binding.responses.find(
    (response) => response.selectionPattern !== 'default' && new RegExp(`^(?:${response.selectionPattern})$`).test(status),
  );
  return (match ?? setup.binding.responses.find((response) => response.selectionPattern === 'default'))?.statusCode;
}

describe('S3 scaffolds', () => {
  it('GetObject maps the key from the path into {object} under the prefix, with s3:GetObject under that prefix only', () => {
    const setup = setupOf(s3GetObject, { bucket: 'my-uploads', region: 'eu-central-1', prefix: 'public', keyParameter: 'key' });
    expect(setup.target).toEqual({
      service: 's3',
      region: 'eu-central-1',
      style: 'path',
      actionOrPath: 'my-uploads/public/{object}',
      httpMethod: 'GET',
    });
    expect(setup.binding.requestParameters).toEqual({ 'integration.request.path.object': 'method.request.path.key' });
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::my-uploads/public/*'] }]);
    expect(setup.binding.responses[0]?.responseParameters).toEqual({
      'method.response.header.Content-Type': 'integration.response.header.Content-Type',
    });
    expect(setup.methodResponses[0]?.headers).toHaveProperty('Content-Type');
  });

  it('GetObject answers 404 for a missing key (403 without s3:ListBucket) and every status code to exactly one response', () => {
    const setup = setupOf(s3GetObject, { bucket: 'my-uploads', keyParameter: 'key' });
    expect(setup.target.region).toBe('us-east-1');
    expect(['200', '403', '404', '400', '409', '412', '500', '503'].map((status) => selected(setup, status))).toEqual([
      '200',
      '404',
      '404',
      '400',
      '400',
      '400',
      '500',
      '500',
    ]);
    for (const status of ['403', '404', '400', '429', '500'])
      expect(
        setup.binding.responses.filter(
          (response) => response.selectionPattern !== 'default' && new RegExp(`^(?:${response.selectionPattern})$`).test(status),
        ),
      ).toHaveLength(1);
  });

  it('PutObject passes the body through with the client’s Content-Type and answers where it stored it', () => {
    const setup = setupOf(s3PutObject, { bucket: 'my-uploads', keyParameter: 'key', prefix: 'in/' });
    expect(setup.target).toMatchObject({ httpMethod: 'PUT', actionOrPath: 'my-uploads/in/{object}' });
    expect(setup.binding.requestParameters).toEqual({
      'integration.request.path.object': 'method.request.path.key',
      'integration.request.header.Content-Type': 'method.request.header.Content-Type',
    });
    expect(setup.binding.requestTemplates).toEqual({});
    expect(setup.binding.passthroughBehavior).toBe('WHEN_NO_MATCH');
    expect(setup.methodParameters).toEqual([{ in: 'header', name: 'Content-Type', required: false, schema: { type: 'string' } }]);
    const template = setup.binding.responses[0]?.responseTemplates['application/json'] ?? '';
    const rendered = renderMappingTemplate({ template, request: request("cats/tom's.png"), phase: 'response' });
    if (!rendered.ok) throw new Error(rendered.error.message);
    expect(JSON.parse(rendered.output)).toEqual({ bucket: 'my-uploads', key: "in/cats/tom's.png" });
    expect(setup.rolePolicy.statements).toEqual([{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::my-uploads/in/*'] }]);
  });

  it('refuses a bucket name S3 would not have, a prefix with a wildcard, and a method without a key in its path', () => {
    expect(s3GetObject.build({ bucket: 'My_Bucket', keyParameter: 'key' }, context)).toMatchObject({ ok: false, field: 'bucket' });
    expect(s3GetObject.build({ bucket: 'my-uploads', prefix: 'a*', keyParameter: 'key' }, context)).toMatchObject({
      ok: false,
      field: 'prefix',
    });
    expect(s3PutObject.build({ bucket: 'my-uploads' }, { apiType: 'REST', pathParameters: [] })).toMatchObject({
      ok: false,
      field: 'keyParameter',
      message: expect.stringContaining('no variable'),
    });
  });
});
