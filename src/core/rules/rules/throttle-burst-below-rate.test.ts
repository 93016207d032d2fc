import { describe, expect, it } from 'vitest';
import { defaultMethodSettings, setPlanMethodThrottle, setRouteOverride, updateStage, updateUsagePlan } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { throttleBurstBelowRate as rule } from './throttle-burst-below-rate';

const restThrottles = () =>
  build(
    restPetStore(),
    (d) =>
      updateStage(d, ids.stg('prod'), {
        methodSettings: { ...defaultMethodSettings(), throttlingRateLimit: 100, throttlingBurstLimit: 10 },
      }),
    (d) => updateUsagePlan(d, ids.plan('basic'), { throttle: { rateLimit: 50, burstLimit: 0 } }),
    (d) => setPlanMethodThrottle(d, ids.plan('basic'), ids.stg('prod'), ids.mth('list'), { rateLimit: 30, burstLimit: 3 }),
  );

describe('throttle-burst-below-rate', () => {
  it('names stage, plan and plan-method throttles whose burst is below the rate', () => {
    expect(lintWith(rule, restThrottles()).map((finding) => finding.message)).toEqual([
      'Stage prod throttles at 100 requests per second with a burst of only 10.',
      'Usage plan Basic throttles at 50 requests per second with a burst of only 0.',
      'Usage plan Basic throttles GET /pets on stage prod at 30 requests per second with a burst of only 3.',
    ]);
  });

  it('names a route override, with the stage default burst filled in', () => {
    const design = build(
      httpPets(),
      (d) => updateStage(d, ids.stg('dev'), { methodSettings: { ...defaultMethodSettings(), throttlingBurstLimit: 5 } }),
      (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('list'), { throttlingRateLimit: 20 }),
    );
    expect(lintWith(rule, design)).toMatchObject([
      { severity: 'warning', message: 'Stage dev throttles GET /pets at 20 requests per second with a burst of only 5.' },
    ]);
  });

  it('is quiet when every burst is at least the rate', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fixes raise each burst to the rate', () => {
    const design = restThrottles();
    for (const finding of lintWith(rule, design))
      expect(applyFix(rule, design, finding)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
