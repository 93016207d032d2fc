import { describe, expect, it } from 'vitest';
import { addAuthorizer, disconnectAuthorizer } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { unusedAuthorizer as rule } from './unused-authorizer';

describe('unused-authorizer', () => {
  it('names an authorizer no method uses', () => {
    const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token'), name: 'Token' }));
    expect(lintWith(rule, design)).toMatchObject([
      { severity: 'warning', message: 'Authorizer Token protects no method.', target: { id: ids.auth('token') } },
    ]);
  });

  it('names an authorizer after its only route lets go of it', () => {
    const design = build(httpPets(), (d) => disconnectAuthorizer(d, ids.rte('create')));
    expect(lintWith(rule, design)).toMatchObject([{ message: 'Authorizer JwtAuthorizer protects no route.' }]);
  });

  it('is quiet when every authorizer is used', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix deletes the authorizer', () => {
    const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'IAM' }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
