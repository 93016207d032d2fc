import { describe, expect, it } from 'vitest';
import { mockTeachingApi } from '../examples/mock-teaching';
import { restPetStore } from '../examples/rest-pet-store';
import { sqsIngestion } from '../examples/sqs-ingestion';
import { addStage, asId, updateStage } from '../model';
import { parseSampleRequest } from './sample-request';
import { defaultTestRequest, pathParameterNames, sampleRequestOf } from './test-sample';

describe('defaultTestRequest', () => {
  it('prefills path parameters from the resource path', () => {
    expect(pathParameterNames('/shops/{shopId}/files/{path+}')).toEqual(['shopId', 'path']);
    const design = mockTeachingApi();
    expect(defaultTestRequest(design, asId('Method', 'mth_greet'))).toEqual({
      pathParameters: { name: 'sample-name' },
      queryStringParameters: {},
      headers: {},
      body: '',
      context: { 'identity.sourceIp': '203.0.113.7' },
      stageId: 'stg_dev',
    });
  });

  it("writes a JSON body that follows the request model, and a caller the method's authorizer would let in", () => {
    const sqs = defaultTestRequest(sqsIngestion(), asId('Method', 'mth_send'));
    expect(sqs.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(sqs.body)).toEqual({ type: 'text', payload: {} });
    const create = defaultTestRequest(restPetStore(), asId('Method', 'mth_create'));
    expect(create.context['authorizer.claims.sub']).toBe('user-123');
  });
});

describe('sampleRequestOf', () => {
  it("puts the sample on the method's verb and path, with the chosen stage's variables and $context", () => {
    let design = mockTeachingApi();
    design = updateStage(design, asId('Stage', 'stg_dev'), { variables: { greeting: 'Hi' } });
    design = addStage(design, { name: 'prod', id: asId('Stage', 'stg_prod') });
    design = updateStage(design, asId('Stage', 'stg_prod'), { variables: { greeting: 'Hello' } });
    const saved = {
      pathParameters: { name: 'Ana Lee' },
      queryStringParameters: { a: '1' },
      headers: { 'User-Agent': 'curl/8' },
      body: '',
      stageId: 'stg_prod',
      context: { 'authorizer.claims.sub': 'u-1', '$context.identity.sourceIp': '198.51.100.1', '__proto__.polluted': 'x' },
    };
    const request = sampleRequestOf(design, asId('Method', 'mth_greet'), saved);
    expect(request).toMatchObject({
      httpMethod: 'GET',
      resourcePath: '/greetings/{name}',
      path: '/greetings/Ana%20Lee',
      stageVariables: { greeting: 'Hello' },
      body: null,
      context: {
        stage: 'prod',
        path: '/prod/greetings/Ana%20Lee',
        authorizer: { claims: { sub: 'u-1' } },
        identity: { sourceIp: '198.51.100.1', userAgent: 'curl/8' },
      },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseSampleRequest(request).ok).toBe(true);
    // A stage that no longer exists falls back to the first one.
    expect(sampleRequestOf(design, asId('Method', 'mth_greet'), { ...saved, stageId: 'stg_gone' }).stageVariables).toEqual({
      greeting: 'Hi',
    });
  });
});
