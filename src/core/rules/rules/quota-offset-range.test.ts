import { describe, expect, it } from 'vitest';
import { type Design, type QuotaPeriod, updateUsagePlan } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { quotaOffsetRange as rule } from './quota-offset-range';

/** Built directly: updateUsagePlan refuses offsets beyond the period; imported data may not. */
function offset(period: QuotaPeriod, days: number): Design {
  const design = restPetStore();
  const plan = design.usagePlans[ids.plan('basic')]!;
  return { ...design, usagePlans: { ...design.usagePlans, [plan.id]: { ...plan, quota: { limit: 1000, period, offset: days } } } };
}

describe('quota-offset-range', () => {
  it('names offsets beyond their period', () => {
    expect(lintWith(rule, offset('WEEK', 7))).toMatchObject([
      { severity: 'error', message: 'Usage plan Basic offsets its weekly quota by 7 days; the offset is 0 to 6 days.' },
    ]);
    expect(lintWith(rule, offset('DAY', 1))).toMatchObject([
      { message: 'Usage plan Basic offsets its daily quota by 1 days; a daily quota cannot be offset.' },
    ]);
  });

  it('is quiet on offsets inside the period', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateUsagePlan(d, ids.plan('basic'), { quota: { limit: 10, period: 'MONTH', offset: 27 } })),
      ),
    ).toEqual([]);
  });

  it('quick fix removes the offset', () => {
    const design = offset('MONTH', 28);
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
