import { describe, expect, it } from 'vitest';
import { addStage, deleteUsagePlan, emptyDesign, updateMethod } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { apiKeyRequiredWithoutUsagePlan as rule } from './api-key-required-without-usage-plan';

const keyed = () => build(restPetStore(), (d) => updateMethod(d, ids.mth('list'), { apiKeyRequired: true }));

describe('api-key-required-without-usage-plan', () => {
  it('names a stage that no usage plan covers', () => {
    const design = build(keyed(), (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }));
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'warning',
        message: 'Stage dev is in no usage plan, so GET /pets refuses every call there.',
        target: { kind: 'stage', id: ids.stg('dev') },
      },
    ]);
  });

  it('names each method that requires a key when no plan covers any stage', () => {
    const design = build(keyed(), (d) => deleteUsagePlan(d, ids.plan('basic')));
    expect(lintWith(rule, design)).toMatchObject([
      {
        message: 'GET /pets requires an API key, but no usage plan covers any stage, so every call is refused.',
        target: { kind: 'method', id: ids.mth('list') },
      },
    ]);
  });

  it('is quiet when every stage is covered, or no method requires a key', () => {
    expect(lintWith(rule, keyed())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => addStage(d, { name: 'dev' })),
      ),
    ).toEqual([]);
  });

  it('quick fix adds the stage to the only usage plan', () => {
    const design = build(keyed(), (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
