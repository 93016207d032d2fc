import { describe, expect, it } from 'vitest';
import { updateRoute } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { routeScopeQuota as rule } from './route-scope-quota';

const scopes = (count: number) => Array.from({ length: count }, (_, index) => `pets/scope${index}`);

describe('route-scope-quota', () => {
  it('names a route with 11 scopes', () => {
    const design = build(httpPets(), (d) => updateRoute(d, ids.rte('create'), { authorizationScopes: scopes(11) }));
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'error',
        message: 'POST /pets lists 11 authorization scopes; a route lists at most 10.',
        target: { kind: 'route', id: ids.rte('create') },
      },
    ]);
  });

  it('is quiet at 10 scopes', () => {
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateRoute(d, ids.rte('create'), { authorizationScopes: scopes(10) })),
      ),
    ).toEqual([]);
  });
});
