import { describe, expect, it } from 'vitest';
import { addUsagePlan, updateUsagePlan } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { usagePlanWithoutStage as rule } from './usage-plan-without-stage';

const bare = () => build(restPetStore(), (d) => addUsagePlan(d, { name: 'Gold', id: ids.plan('gold') }));

describe('usage-plan-without-stage', () => {
  it('names a plan that covers no stage', () => {
    expect(lintWith(rule, bare())).toMatchObject([
      { severity: 'warning', message: 'Usage plan Gold covers no stage.', target: { id: ids.plan('gold') } },
    ]);
  });

  it('is quiet once the plan covers a stage', () => {
    expect(
      lintWith(
        rule,
        build(bare(), (d) => updateUsagePlan(d, ids.plan('gold'), { stages: [{ stageId: ids.stg('prod'), methodThrottles: {} }] })),
      ),
    ).toEqual([]);
  });

  it('quick fix covers the only stage', () => {
    const design = bare();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
