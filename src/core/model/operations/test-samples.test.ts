import { describe, expect, it } from 'vitest';
import { generateCdk } from '../../cdk';
import { mockTeachingApi } from '../../examples/mock-teaching';
import { exportOpenApi } from '../../openapi';
import { applyOperation } from '../apply';
import type { Design } from '../design';
import { asId } from '../ids';
import type { IntegrationTestSamples } from '../integration';
import { parseDesign, serializeDesign } from '../parse-design';
import { maxTestSamplesLength, setTestRequestSample, setTestResponseSample, setTestSamples } from './test-samples';

const greet = asId('Method', 'mth_greet');
const samples: IntegrationTestSamples = {
  request: {
    pathParameters: { name: 'nobody-with-a-unique-marker' },
    queryStringParameters: { verbose: 'true' },
    headers: { 'Content-Type': 'application/json' },
    body: '',
    stageId: 'stg_dev',
    context: { 'identity.sourceIp': '198.51.100.9' },
  },
  response: { statusCode: '200', headers: {}, body: '{}' },
};

function withSamples(): Design {
  return setTestSamples(mockTeachingApi(), greet, samples);
}

describe('test bench samples', () => {
  it("are kept on the method's integration, set in parts, and removed when empty", () => {
    const design = withSamples();
    expect(design.methods[greet]?.integration?.testSamples).toEqual(samples);
    const response = { statusCode: '502', headers: {}, body: 'bad gateway', errorMessage: 'boom' };
    const changed = setTestResponseSample(design, greet, response);
    expect(changed.methods[greet]?.integration?.testSamples).toEqual({ request: samples.request, response });
    const request = { ...(samples.request as NonNullable<IntegrationTestSamples['request']>), body: '{"a": 1}' };
    expect(setTestRequestSample(changed, greet, request).methods[greet]?.integration?.testSamples?.request).toEqual(request);
    expect(setTestSamples(design, greet, {}).methods[greet]?.integration).not.toHaveProperty('testSamples');
    expect(setTestSamples(design, greet, samples)).toBe(design);
  });

  it('refuse a sample too large to keep with the design, leaving the design as it was', () => {
    const big = { ...samples, response: { statusCode: '200', headers: {}, body: 'x'.repeat(maxTestSamplesLength) } };
    const result = applyOperation(mockTeachingApi(), (design) => setTestSamples(design, greet, big));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-value', message: expect.stringContaining('256 KB') } });
  });

  it('survive a save and a reload through parseDesign', () => {
    const parsed = parseDesign(serializeDesign(withSamples()));
    expect(parsed.ok && parsed.design.methods[greet]?.integration?.testSamples).toEqual(samples);
  });

  it.each([
    [{ request: { ...samples.request, body: 7 } }, '/testSamples/request/body should be text'],
    [{ request: { ...samples.request, headers: { a: { b: 1 } } } }, '/testSamples/request/headers/a should be text'],
    [{ response: { statusCode: 200, headers: {}, body: '' } }, '/testSamples/response/statusCode should be text'],
    [{ request: { ...samples.request, context: [] } }, '/testSamples/request/context should be an object'],
  ])('are checked when a design comes from outside: %#', (bad, message) => {
    const text = JSON.parse(serializeDesign(mockTeachingApi()));
    text.methods[greet].integration.testSamples = bad;
    const parsed = parseDesign(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('are left out of every export: OpenAPI 3, Swagger 2 and the CDK program', () => {
    const design = withSamples();
    for (const version of ['3.0', '2.0'] as const) {
      const exported = exportOpenApi(design, { version });
      if (!exported.ok) throw new Error(exported.message);
      expect(JSON.stringify(exported.document)).not.toContain('nobody-with-a-unique-marker');
      expect(JSON.stringify(exported.document)).not.toMatch(/testSamples|198\.51\.100\.9/);
    }
    expect(generateCdk(design).code).not.toContain('nobody-with-a-unique-marker');
  });
});
