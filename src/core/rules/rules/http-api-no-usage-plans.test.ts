import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign } from '../../model';
import { ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiNoUsagePlans as rule } from './http-api-no-usage-plans';

/** Built directly: addUsagePlan and changeApiType refuse usage plans on HTTP APIs, but imported data may carry one. */
function httpWithPlan(): Design {
  const design = emptyDesign('HTTP');
  return { ...design, usagePlans: { [ids.plan('basic')]: { id: ids.plan('basic'), name: 'Basic', stages: [], apiKeyIds: [] } } };
}

describe('http-api-no-usage-plans', () => {
  it('names a usage plan on an HTTP API', () => {
    expect(lintWith(rule, httpWithPlan())).toMatchObject([{ severity: 'error', target: { kind: 'usagePlan', id: ids.plan('basic') } }]);
  });

  it('is quiet on a REST API with usage plans', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix deletes the plan', () => {
    const design = httpWithPlan();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
