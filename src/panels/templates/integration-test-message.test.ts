import { describe, expect, it } from 'vitest';
import { mockTeachingApi } from '../../core/examples/mock-teaching';
import { restPetStore } from '../../core/examples/rest-pet-store';
import { sqsIngestion } from '../../core/examples/sqs-ingestion';
import { asId, updateBinding } from '../../core/model';
import { setTestSamples } from '../../core/model/operations/test-samples';
import { handleIntegrationTestMessage } from '../../core/templates/integration-test';
import { integrationTestMessage, workbenchSubject } from './integration-test-message';

describe('integrationTestMessage', () => {
  it("sends the target's exported URI and verb, the binding's texts and the saved samples", () => {
    const send = asId('Method', 'mth_send');
    let design = sqsIngestion();
    design = setTestSamples(design, send, {
      request: { pathParameters: {}, queryStringParameters: {}, headers: {}, body: '{"type": "x"}', context: {} },
      response: { statusCode: '500', headers: {}, body: 'down' },
    });
    const built = integrationTestMessage(design, send);
    if (!('message' in built)) throw new Error(built.reason);
    expect(built.message).toMatchObject({
      target: { kind: 'AWS_SERVICE', uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/events', httpMethod: 'POST' },
      binding: {
        passthroughBehavior: 'NEVER',
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      },
      request: { httpMethod: 'POST', resourcePath: '/events', body: '{"type": "x"}' },
      backend: { statusCode: '500', body: 'down' },
    });
    // What the worker answers for it: SQS's 500 is the 5\d{2} response.
    const answer = handleIntegrationTestMessage({ ...built.message, type: 'integration-test' });
    expect(answer).toMatchObject({ ok: true, methodResponse: { response: { statusCode: 500 } } });
  });

  it('leaves a CloudFormation expression out of the test with a note, and a mock without a backend answer', () => {
    const greet = asId('Method', 'mth_greet');
    const design = updateBinding(mockTeachingApi(), greet, {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation substitution is the data under test.
      requestParameters: { 'integration.request.header.x': { 'Fn::Sub': '${Stage}' } },
    });
    const built = integrationTestMessage(design, greet);
    if (!('message' in built)) throw new Error(built.reason);
    expect(built.message.binding).toMatchObject({ requestParameters: {} });
    expect(built.message).not.toHaveProperty('backend');
    expect(built.notes.join(' ')).toContain('integration.request.header.x is a CloudFormation expression');
  });

  it('says why a proxy integration or a method without one has nothing to test', () => {
    const design = restPetStore();
    expect(workbenchSubject(design, asId('Method', 'mth_list'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('proxy integration'),
    });
    expect(workbenchSubject(design, asId('Method', 'mth_gone'))).toMatchObject({ ok: false, reason: 'This method no longer exists.' });
  });
});
