import { describe, expect, it } from 'vitest';
import { setMethodOverride, updateStage } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { cacheClusterUnused as rule } from './cache-cluster-unused';

const idleCluster = () =>
  build(
    restPetStore(),
    (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), undefined),
    (d) => updateStage(d, ids.stg('prod'), { cacheClusterEnabled: true }),
  );

describe('cache-cluster-unused', () => {
  it('names a stage that pays for a cache no method uses', () => {
    expect(lintWith(rule, idleCluster())).toMatchObject([
      { severity: 'warning', message: 'Stage prod has a 0.5 GB cache cluster, but caching is on for no method.' },
    ]);
  });

  it('is quiet when a method caches', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateStage(d, ids.stg('prod'), { cacheClusterEnabled: true })),
      ),
    ).toEqual([]);
  });

  it('quick fix removes the cluster', () => {
    const design = idleCluster();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
