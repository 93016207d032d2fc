import { describe, expect, it } from 'vitest';
import { addUsagePlan } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { usagePlanWithoutApiKeys as rule } from './usage-plan-without-api-keys';

const bare = () => build(restPetStore(), (d) => addUsagePlan(d, { name: 'Gold', id: ids.plan('gold') }));

describe('usage-plan-without-api-keys', () => {
  it('names a plan without keys', () => {
    expect(lintWith(rule, bare())).toMatchObject([
      { severity: 'warning', message: 'Usage plan Gold has no API keys.', target: { id: ids.plan('gold') } },
    ]);
  });

  it('is quiet on plans with keys', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix attaches the only key', () => {
    const design = bare();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
