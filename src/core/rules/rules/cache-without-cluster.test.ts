import { describe, expect, it } from 'vitest';
import { setMethodOverride, updateStage } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { cacheWithoutCluster as rule } from './cache-without-cluster';

describe('cache-without-cluster', () => {
  it('names a stage that caches a method but has no cache cluster', () => {
    // The fixture turns caching on for GET /pets on prod without provisioning the cluster.
    expect(lintWith(rule, restPetStore())).toMatchObject([{ severity: 'warning', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet once the cluster exists, or when nothing caches', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateStage(d, ids.stg('prod'), { cacheClusterEnabled: true })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), undefined)),
      ),
    ).toEqual([]);
  });

  it('quick fix provisions the cluster', () => {
    const design = restPetStore();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
