import { describe, expect, it } from 'vitest';
import { addIntegration, addMethod, addResource, addRoute, connectIntegration, emptyDesign, updateBinding } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { cacheKeysRestOnly as rule } from './cache-keys-rest-only';

/** A cached REST method (cache keyed on its path parameter), switched to an HTTP API: the route keeps the keys. */
const cachedRest = () =>
  build(
    emptyDesign('REST'),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'pets', id: ids.res('pets') }),
    (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{petId}', id: ids.res('pet') }),
    (d) => addMethod(d, { resourceId: ids.res('pet'), httpMethod: 'GET', id: ids.mth('get') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
    (d) => connectIntegration(d, ids.mth('get'), ids.int('fn')),
    (d) => updateBinding(d, ids.mth('get'), { cacheKeyParameters: ['method.request.path.petId'] }),
  );

/** A route with cache keys, as an import may bring it (changeApiType removes them, and says so). */
const cachedRoute = () =>
  build(
    emptyDesign('HTTP'),
    (d) => addRoute(d, { routeKey: 'GET /pets/{petId}', id: ids.rte('get') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
    (d) => connectIntegration(d, ids.rte('get'), ids.int('fn')),
    (d) => updateBinding(d, ids.rte('get'), { cacheKeyParameters: ['method.request.path.petId'] }),
  );

describe('cache-keys-rest-only', () => {
  it('names a route that has cache keys', () => {
    const findings = lintWith(rule, cachedRoute());
    expect(findings).toMatchObject([
      {
        severity: 'error',
        message: 'GET /pets/{petId} has cache key parameters, but HTTP APIs have no cache.',
        target: { kind: 'route' },
      },
    ]);
  });

  it('is quiet on the REST method itself and on plain HTTP routes', () => {
    expect(lintWith(rule, cachedRest())).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fix removes the cache keys', () => {
    const design = cachedRoute();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
