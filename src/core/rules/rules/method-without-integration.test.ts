import { describe, expect, it } from 'vitest';
import { addMethod } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { methodWithoutIntegration as rule } from './method-without-integration';

describe('method-without-integration', () => {
  it('names a method without an integration', () => {
    const design = build(restPetStore(), (d) => addMethod(d, { resourceId: ids.res('pet'), httpMethod: 'DELETE', id: ids.mth('delete') }));
    expect(lintWith(rule, design)).toMatchObject([
      {
        ruleId: 'method-without-integration',
        severity: 'error',
        message: 'DELETE /pets/{petId} has no integration.',
        target: { kind: 'method', id: ids.mth('delete') },
      },
    ]);
  });

  it('is quiet when every method has one', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });
});
