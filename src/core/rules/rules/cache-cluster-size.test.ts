import { describe, expect, it } from 'vitest';
import type { CacheClusterSize, Design, Stage } from '../../model';
import { ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { cacheClusterSize as rule } from './cache-cluster-size';

/** Built directly: updateStage and parseDesign refuse sizes outside the list; the rule guards other sources. */
function sized(size: string): Design {
  const design = restPetStore();
  const stage = design.stages[ids.stg('prod')] as Stage;
  return {
    ...design,
    stages: { ...design.stages, [stage.id]: { ...stage, cacheClusterEnabled: true, cacheClusterSize: size as CacheClusterSize } },
  };
}

describe('cache-cluster-size', () => {
  it('names a stage with a size API Gateway does not offer', () => {
    expect(lintWith(rule, sized('2'))).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on the offered sizes', () => {
    expect(lintWith(rule, sized('6.1'))).toEqual([]);
  });

  it('quick fix picks 0.5 GB', () => {
    const design = sized('2');
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
