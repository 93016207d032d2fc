import { describe, expect, it } from 'vitest';
import { addAuthorizer, connectAuthorizer, updateMethod, updateRoute } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { authorizationScopesWithoutAuthorizer as rule } from './authorization-scopes-without-authorizer';

describe('authorization-scopes-without-authorizer', () => {
  it('names a method with scopes and no authorizer, and one whose authorizer does not check scopes', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateMethod(d, ids.mth('list'), { authorizationScopes: ['pets/read'] })),
      ),
    ).toMatchObject([{ severity: 'warning', message: 'GET /pets requires OAuth scopes, but it has no authorizer to check them.' }]);
    const iam = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam') }),
      (d) => connectAuthorizer(d, ids.mth('get'), ids.auth('iam')),
      (d) => updateMethod(d, ids.mth('get'), { authorizationScopes: ['pets/read'] }),
    );
    expect(lintWith(rule, iam)).toMatchObject([
      { message: 'GET /pets/{petId} requires OAuth scopes, but its IAM authorizer does not check scopes.' },
    ]);
  });

  it('is quiet on scopes checked by a Cognito or JWT authorizer', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateMethod(d, ids.mth('create'), { authorizationScopes: ['pets/write'] })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateRoute(d, ids.rte('create'), { authorizationScopes: ['pets/write'] })),
      ),
    ).toEqual([]);
  });

  it('quick fix removes the scopes', () => {
    const design = build(httpPets(), (d) => updateRoute(d, ids.rte('list'), { authorizationScopes: ['pets/read'] }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
