import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../design';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import type { QuotaPeriod } from '../usage-plan';
import { addStage } from './stages';
import {
  addApiKey,
  addUsagePlan,
  deleteApiKey,
  deleteUsagePlan,
  maxQuotaOffset,
  setPlanMethodThrottle,
  updateApiKey,
  updateUsagePlan,
} from './usage-plans';

describe('addUsagePlan', () => {
  it('adds an empty plan to a REST API', () => {
    const design = build(emptyDesign('REST'), (d) => addUsagePlan(d, { name: ' Gold ', id: ids.plan('gold') }));
    expect(design.usagePlans[ids.plan('gold')]).toEqual({ id: ids.plan('gold'), name: 'Gold', stages: [], apiKeyIds: [] });
  });

  it('refuses an empty name, a taken id and HTTP APIs', () => {
    expect(refusalOf(emptyDesign('REST'), (d) => addUsagePlan(d, { name: ' ' })).message).toBe('A usage plan needs a name.');
    expect(refusalOf(restPetStore(), (d) => addUsagePlan(d, { name: 'x', id: ids.plan('basic') })).code).toBe('duplicate');
    expect(refusalOf(emptyDesign('HTTP'), (d) => addUsagePlan(d, { name: 'x' })).message).toBe(
      'Usage plans exist only in REST APIs; this is an HTTP API.',
    );
  });
});

describe('updateUsagePlan', () => {
  it('sets throttle and quota; an equal patch returns the same design', () => {
    const design = build(restPetStore(), (d) =>
      updateUsagePlan(d, ids.plan('basic'), {
        throttle: { rateLimit: 0.5, burstLimit: 1 },
        quota: { limit: 1000, period: 'MONTH', offset: 27 },
      }),
    );
    expect(design.usagePlans[ids.plan('basic')]).toMatchObject({
      throttle: { rateLimit: 0.5, burstLimit: 1 },
      quota: { period: 'MONTH', offset: 27 },
    });
    const plan = design.usagePlans[ids.plan('basic')]!;
    expect(updateUsagePlan(design, ids.plan('basic'), { quota: { ...plan.quota! }, stages: structuredClone(plan.stages) })).toBe(design);
  });

  it.each([
    ['DAY', 0],
    ['WEEK', 6],
    ['MONTH', 27],
  ] as const)('allows a %s quota offset up to %d and refuses one more', (period, max) => {
    expect(maxQuotaOffset(period)).toBe(max);
    expect(build(restPetStore(), (d) => updateUsagePlan(d, ids.plan('basic'), { quota: { limit: 1, period, offset: max } }))).toBeDefined();
    const error = refusalOf(restPetStore(), (d) => updateUsagePlan(d, ids.plan('basic'), { quota: { limit: 1, period, offset: max + 1 } }));
    expect(error.message).toBe(`The quota offset for a ${period} period must be a whole number from 0 to ${max}.`);
  });

  it('refuses negative rates, bad quotas, unknown stages, methods and keys', () => {
    const design = restPetStore();
    const plan = ids.plan('basic');
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { throttle: { rateLimit: -1, burstLimit: 1 } })).message).toBe(
      'The plan throttling rate (requests per second) must be a number from 0 to 1000000.',
    );
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { throttle: { rateLimit: 1, burstLimit: 0.5 } })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { quota: { limit: -1, period: 'DAY', offset: 0 } })).message).toContain(
      'quota limit',
    );
    expect(
      refusalOf(design, (d) => updateUsagePlan(d, plan, { quota: { limit: 1, period: 'YEAR' as QuotaPeriod, offset: 0 } })).message,
    ).toBe('The quota period is DAY, WEEK or MONTH.');
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { stages: [{ stageId: ids.stg('gone'), methodThrottles: {} }] })).code).toBe(
      'not-found',
    );
    const twice = [
      { stageId: ids.stg('prod'), methodThrottles: {} },
      { stageId: ids.stg('prod'), methodThrottles: {} },
    ];
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { stages: twice })).message).toBe('A usage plan covers each stage once.');
    expect(
      refusalOf(design, (d) =>
        updateUsagePlan(d, plan, {
          stages: [{ stageId: ids.stg('prod'), methodThrottles: { [ids.mth('gone')]: { rateLimit: 1, burstLimit: 1 } } }],
        }),
      ).code,
    ).toBe('not-found');
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { apiKeyIds: [ids.key('gone')] })).message).toBe(
      'There is no API key with id "key_gone".',
    );
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { apiKeyIds: [ids.key('partner'), ids.key('partner')] })).message).toBe(
      'A usage plan lists each API key once.',
    );
    expect(refusalOf(design, (d) => updateUsagePlan(d, plan, { name: '' })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateUsagePlan(d, ids.plan('gone'), {})).code).toBe('not-found');
  });

  it('refuses more than 20 method throttles per stage', () => {
    let design = restPetStore();
    const throttles: Record<string, { rateLimit: number; burstLimit: number }> = {};
    for (let index = 0; index < 21; index += 1) {
      design = build(design, (d) => ({
        ...d,
        methods: { ...d.methods, [`mth_${index}`]: { ...d.methods[ids.mth('list')]!, id: ids.mth(String(index)) } },
      }));
      throttles[`mth_${index}`] = { rateLimit: 1, burstLimit: 1 };
    }
    const error = refusalOf(design, (d) =>
      updateUsagePlan(d, ids.plan('basic'), { stages: [{ stageId: ids.stg('prod'), methodThrottles: throttles }] }),
    );
    expect(error.message).toBe('A usage plan allows at most 20 method throttles per stage.');
  });
});

describe('setPlanMethodThrottle', () => {
  it('sets and removes one method throttle', () => {
    const design = restPetStore();
    expect(design.usagePlans[ids.plan('basic')]?.stages[0]?.methodThrottles).toEqual({
      [ids.mth('list')]: { rateLimit: 10, burstLimit: 20 },
    });
    const removed = build(design, (d) => setPlanMethodThrottle(d, ids.plan('basic'), ids.stg('prod'), ids.mth('list'), undefined));
    expect(removed.usagePlans[ids.plan('basic')]?.stages[0]?.methodThrottles).toEqual({});
    expect(setPlanMethodThrottle(removed, ids.plan('basic'), ids.stg('prod'), ids.mth('list'), undefined)).toBe(removed);
  });

  it('refuses a stage the plan does not cover, a negative rate and a missing method', () => {
    const design = build(restPetStore(), (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }));
    expect(
      refusalOf(design, (d) =>
        setPlanMethodThrottle(d, ids.plan('basic'), ids.stg('dev'), ids.mth('list'), { rateLimit: 1, burstLimit: 1 }),
      ).message,
    ).toBe('Add the stage to the usage plan first.');
    expect(
      refusalOf(design, (d) =>
        setPlanMethodThrottle(d, ids.plan('basic'), ids.stg('prod'), ids.mth('list'), { rateLimit: -2, burstLimit: 1 }),
      ).code,
    ).toBe('invalid-value');
    expect(
      refusalOf(design, (d) =>
        setPlanMethodThrottle(d, ids.plan('basic'), ids.stg('prod'), ids.mth('gone'), { rateLimit: 1, burstLimit: 1 }),
      ).code,
    ).toBe('not-found');
  });
});

describe('deleteUsagePlan', () => {
  it('deletes the plan and keeps its keys', () => {
    const design = build(restPetStore(), (d) => deleteUsagePlan(d, ids.plan('basic')));
    expect(design.usagePlans).toEqual({});
    expect(design.apiKeys[ids.key('partner')]).toBeDefined();
    expect(refusalOf(design, (d) => deleteUsagePlan(d, ids.plan('basic'))).code).toBe('not-found');
  });
});

describe('API keys', () => {
  it('adds a key with a value of at least 20 characters, or none', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addApiKey(d, { name: 'a', id: ids.key('a'), value: 'x'.repeat(20) }),
      (d) => addApiKey(d, { name: 'b', id: ids.key('b'), value: '' }),
    );
    expect(design.apiKeys[ids.key('a')]).toEqual({ id: ids.key('a'), name: 'a', enabled: true, value: 'x'.repeat(20) });
    expect(design.apiKeys[ids.key('b')]).toEqual({ id: ids.key('b'), name: 'b', enabled: true });
  });

  it('refuses a value under 20 or over 128 characters, an empty name and HTTP APIs', () => {
    expect(refusalOf(emptyDesign('REST'), (d) => addApiKey(d, { name: 'a', value: 'x'.repeat(19) })).message).toBe(
      'An API key value has at least 20 characters; this one has 19. Leave it empty to have API Gateway generate one.',
    );
    expect(refusalOf(emptyDesign('REST'), (d) => addApiKey(d, { name: 'a', value: 'x'.repeat(129) })).message).toBe(
      'An API key value has at most 128 characters.',
    );
    expect(refusalOf(emptyDesign('REST'), (d) => addApiKey(d, { name: ' ' })).message).toBe('An API key needs a name.');
    expect(refusalOf(httpPets(), (d) => addApiKey(d, { name: 'a' })).code).toBe('wrong-api-type');
    expect(refusalOf(restPetStore(), (d) => addApiKey(d, { name: 'a', id: ids.key('partner') })).code).toBe('duplicate');
  });

  it('updates a key; an empty value removes it; unchanged returns the same design', () => {
    const design = build(restPetStore(), (d) => updateApiKey(d, ids.key('partner'), { value: 'v'.repeat(30), enabled: false }));
    expect(design.apiKeys[ids.key('partner')]).toMatchObject({ value: 'v'.repeat(30), enabled: false });
    const cleared = build(design, (d) => updateApiKey(d, ids.key('partner'), { value: '' }));
    expect('value' in (cleared.apiKeys[ids.key('partner')] ?? {})).toBe(false);
    expect(updateApiKey(cleared, ids.key('partner'), { enabled: false })).toBe(cleared);
    expect(refusalOf(cleared, (d) => updateApiKey(d, ids.key('partner'), { value: 'short' })).code).toBe('invalid-value');
    expect(refusalOf(cleared, (d) => updateApiKey(d, ids.key('gone'), {})).code).toBe('not-found');
  });

  it('deletes a key and detaches it from every plan', () => {
    const design = build(restPetStore(), (d) => deleteApiKey(d, ids.key('partner')));
    expect(design.apiKeys).toEqual({});
    expect(design.usagePlans[ids.plan('basic')]?.apiKeyIds).toEqual([]);
    expect(refusalOf(design, (d) => deleteApiKey(d, ids.key('partner'))).code).toBe('not-found');
  });
});
