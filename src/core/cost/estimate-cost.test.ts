import { describe, expect, it } from 'vitest';
import { httpApiWithJwt, mockTeachingApi, privateRestApi, restPetStore, sqsIngestion, webSocketChat } from '../examples';
import { addStage, type Design, emptyDesign, type MethodId, type StageId, setResponseTransferMode, updateStage } from '../model';
import { estimateCost, meteredUnits } from './index';

const traffic = { requestsPerMonth: 0, averagePayloadKb: 1, connectionMinutesPerMonth: 0, cacheHoursPerMonth: 0 };
const rest = () => emptyDesign('REST');
/** The first method of a design that has an integration. */
const methodOf = (design: Design): MethodId => {
  const method = Object.values(design.methods).find((candidate) => candidate.integration?.proxy);
  if (!method) throw new Error('no proxy method');
  return method.id;
};

describe('estimateCost: REST requests by tier', () => {
  it('prices exactly 333 M requests in the first tier', () => {
    // 333 × $3.50 = $1,165.50
    const estimate = estimateCost(rest(), { ...traffic, requestsPerMonth: 333_000_000 });
    expect(estimate.lines).toHaveLength(1);
    expect(estimate.totalUsd).toBeCloseTo(1165.5, 6);
  });

  it('prices request 333,000,001 in the second tier', () => {
    // 333 × $3.50 + 0.000001 × $2.80 = $1,165.50 + $0.0000028 = $1,165.5000028
    const estimate = estimateCost(rest(), { ...traffic, requestsPerMonth: 333_000_001 });
    expect(estimate.lines.map((line) => line.amountUsd)).toEqual([1165.5, 0.000003]);
    expect(estimate.totalUsd).toBeCloseTo(1165.500003, 6);
  });

  it('walks all four tiers', () => {
    // 333 M × 3.50 = 1,165.50; 667 M × 2.80 = 1,867.60; 19,000 M × 2.38 = 45,220; 1,000 M × 1.51 = 1,510
    // total 49,763.10 for 21 billion requests
    const estimate = estimateCost(rest(), { ...traffic, requestsPerMonth: 21_000_000_000 });
    expect(estimate.lines.map((line) => line.amountUsd)).toEqual([1165.5, 1867.6, 45220, 1510]);
    expect(estimate.totalUsd).toBeCloseTo(49763.1, 6);
  });

  it('does not meter REST requests by payload size', () => {
    // 10 M × $3.50 = $35, whether 1 KB or 5 MB each
    expect(estimateCost(rest(), { ...traffic, requestsPerMonth: 10_000_000, averagePayloadKb: 5000 }).totalUsd).toBeCloseTo(35, 6);
  });

  it('reads zero, negative and non-finite traffic as none', () => {
    for (const requestsPerMonth of [0, -5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(estimateCost(rest(), { ...traffic, requestsPerMonth }).totalUsd).toBe(0);
  });
});

describe('estimateCost: cache clusters', () => {
  it('adds each cache-enabled stage by size and hours', () => {
    // prod 0.5 GB: 730 h × $0.020 = $14.60; big 237 GB: 730 h × $3.80 = $2,774; 1 M requests × $3.50 = $3.50
    let design = restPetStore();
    design = addStage(design, { name: 'big', id: 'stg_big' as StageId });
    design = updateStage(design, 'stg_big' as StageId, { cacheClusterEnabled: true, cacheClusterSize: '237' });
    design = addStage(design, { name: 'nocache', id: 'stg_nocache' as StageId });
    const estimate = estimateCost(design, { ...traffic, requestsPerMonth: 1_000_000, cacheHoursPerMonth: 730 });
    expect(estimate.lines.map((line) => [line.label, line.amountUsd])).toEqual([
      ['Requests (up to 333 M)', 3.5],
      ['Cache cluster 0.5 GB (stage prod)', 14.6],
      ['Cache cluster 237 GB (stage big)', 2774],
    ]);
    expect(estimate.totalUsd).toBeCloseTo(2792.1, 6);
  });

  it('prices every cache size', () => {
    // 100 h × the hourly price
    const expected = { '0.5': 2, '1.6': 3.8, '6.1': 20, '13.5': 25, '28.4': 50, '58.2': 100, '118': 190, '237': 380 } as const;
    for (const [size, usd] of Object.entries(expected)) {
      const design = updateStage(addStage(rest(), { name: 's', id: 'stg_s' as StageId }), 'stg_s' as StageId, {
        cacheClusterEnabled: true,
        cacheClusterSize: size as keyof typeof expected,
      });
      expect(estimateCost(design, { ...traffic, cacheHoursPerMonth: 100 }).totalUsd, size).toBeCloseTo(usd, 6);
    }
  });
});

describe('estimateCost: HTTP APIs', () => {
  it('meters requests in 512 KB increments', () => {
    // 512 KB → 1 unit: 10 M × $1.00 = $10; 513 KB → 2 units: 20 M × $1.00 = $20
    expect(meteredUnits(512, 512)).toBe(1);
    expect(meteredUnits(513, 512)).toBe(2);
    expect(meteredUnits(0, 512)).toBe(1);
    const design = httpApiWithJwt();
    expect(estimateCost(design, { ...traffic, requestsPerMonth: 10_000_000, averagePayloadKb: 512 }).totalUsd).toBeCloseTo(10, 6);
    const big = estimateCost(design, { ...traffic, requestsPerMonth: 10_000_000, averagePayloadKb: 513 });
    expect(big.totalUsd).toBeCloseTo(20, 6);
    expect(big.lines[0]?.quantity).toContain('2×');
  });

  it('prices above 300 M at the second tier', () => {
    // 300 M × $1.00 = $300; 100 M × $0.90 = $90; total $390
    const estimate = estimateCost(httpApiWithJwt(), { ...traffic, requestsPerMonth: 400_000_000 });
    expect(estimate.lines.map((line) => line.amountUsd)).toEqual([300, 90]);
    expect(estimate.totalUsd).toBeCloseTo(390, 6);
    // Exactly 300 M stays in the first tier: $300
    expect(estimateCost(httpApiWithJwt(), { ...traffic, requestsPerMonth: 300_000_000 }).lines).toHaveLength(1);
  });
});

describe('estimateCost: WebSocket APIs', () => {
  it('meters messages in 32 KB increments and adds connection minutes', () => {
    // 32 KB: 1 M messages × $1.00 = $1.00; 33 KB: 2 M × $1.00 = $2.00
    // connection minutes 10 M × $0.25 = $2.50
    const design = webSocketChat();
    const small = estimateCost(design, {
      ...traffic,
      requestsPerMonth: 1_000_000,
      averagePayloadKb: 32,
      connectionMinutesPerMonth: 10_000_000,
    });
    expect(small.totalUsd).toBeCloseTo(3.5, 6);
    const big = estimateCost(design, {
      ...traffic,
      requestsPerMonth: 1_000_000,
      averagePayloadKb: 33,
      connectionMinutesPerMonth: 10_000_000,
    });
    expect(big.totalUsd).toBeCloseTo(4.5, 6);
  });

  it('prices messages over 1 billion at $0.80 per million', () => {
    // 1,000 M × $1.00 = $1,000; 500 M × $0.80 = $400; total $1,400
    const estimate = estimateCost(webSocketChat(), { ...traffic, requestsPerMonth: 1_500_000_000 });
    expect(estimate.totalUsd).toBeCloseTo(1400, 6);
  });
});

describe('estimateCost: comparisons', () => {
  const tenMillion = {
    ...traffic,
    requestsPerMonth: 10_000_000,
    averagePayloadKb: 4,
    connectionMinutesPerMonth: 1_000_000,
    cacheHoursPerMonth: 730,
  };
  const comparison = (design: Design, type: 'REST' | 'HTTP' | 'WEBSOCKET') =>
    estimateCost(design, tenMillion).comparisons.find((entry) => entry.apiType === type);

  it('prices the pet store on HTTP without its cache, naming what it would lose', () => {
    // REST: 10 M × $3.50 = $35 + cache 730 h × $0.02 = $14.60 → $49.60; HTTP: 10 M × $1.00 = $10
    const estimate = estimateCost(restPetStore(), tenMillion);
    expect(estimate.totalUsd).toBeCloseTo(49.6, 6);
    expect(comparison(restPetStore(), 'HTTP')?.totalUsd).toBeCloseTo(10, 6);
    expect(comparison(restPetStore(), 'HTTP')?.lostFeatures).toEqual(
      expect.arrayContaining([
        'caching',
        'usage plans',
        'API keys',
        'request validation',
        'Cognito authorizer',
        'mapping templates',
        'mock integrations',
      ]),
    );
    // WebSocket: 10 M messages × $1.00 + 1 M minutes × $0.25 = $10.25
    expect(comparison(restPetStore(), 'WEBSOCKET')?.totalUsd).toBeCloseTo(10.25, 6);
    expect(estimate.priceSource).toEqual({
      region: 'us-east-1',
      date: expect.any(String),
      url: 'https://aws.amazon.com/api-gateway/pricing/',
    });
  });

  it('names the private endpoint, resource policy and mapping templates', () => {
    expect(comparison(privateRestApi(), 'HTTP')?.lostFeatures).toEqual(expect.arrayContaining(['private endpoint', 'resource policy']));
    expect(comparison(sqsIngestion(), 'HTTP')?.lostFeatures).toEqual(
      expect.arrayContaining(['mapping templates', 'usage plans', 'API keys']),
    );
    expect(comparison(mockTeachingApi(), 'HTTP')?.lostFeatures).toEqual(['mapping templates', 'mock integrations']);
  });

  it('prices an HTTP API on REST (no cache) and names the JWT authorizer', () => {
    // 10 M × $3.50 = $35
    expect(comparison(httpApiWithJwt(), 'REST')).toEqual({ apiType: 'REST', totalUsd: 35, lostFeatures: ['JWT authorizer'] });
  });

  it('names WebSocket routes as lost when leaving WebSocket', () => {
    expect(comparison(webSocketChat(), 'HTTP')?.lostFeatures).toContain('WebSocket routes (two-way connections)');
    // 10 M × $1.00 on HTTP (4 KB is one 512 KB unit)
    expect(comparison(webSocketChat(), 'HTTP')?.totalUsd).toBeCloseTo(10, 6);
  });
});

describe('estimateCost: response streaming', () => {
  const streaming = () => setResponseTransferMode(restPetStore(), methodOf(restPetStore()), 'STREAM');

  it('meters the requests of a REST API that streams per started 10 MB of response', () => {
    // 25 MB (25,600 KB) average → 3 units: 1 M requests count as 3 M × $3.50 = $10.50
    const estimate = estimateCost(streaming(), { ...traffic, requestsPerMonth: 1_000_000, averagePayloadKb: 25_600 });
    expect(estimate.lines[0]).toEqual({
      label: 'Requests (up to 333 M)',
      quantity: '3,000,000 requests × $3.50 per million (each request counts 3×: streamed responses are metered per 10 MB)',
      amountUsd: 10.5,
    });
    // 10 MB exactly is one unit: 1 M × $3.50
    expect(estimateCost(streaming(), { ...traffic, requestsPerMonth: 1_000_000, averagePayloadKb: 10_240 }).totalUsd).toBeCloseTo(3.5, 6);
  });

  it('leaves a REST API that buffers every response at one unit a request, and says HTTP and WebSocket APIs do not stream', () => {
    expect(estimateCost(restPetStore(), { ...traffic, requestsPerMonth: 1_000_000, averagePayloadKb: 25_600 }).totalUsd).toBeCloseTo(
      3.5,
      6,
    );
    const estimate = estimateCost(streaming(), { ...traffic, requestsPerMonth: 1_000_000 });
    for (const comparison of estimate.comparisons) expect(comparison.lostFeatures, comparison.apiType).toContain('response streaming');
    expect(estimateCost(restPetStore(), traffic).comparisons.flatMap((comparison) => comparison.lostFeatures)).not.toContain(
      'response streaming',
    );
  });
});
