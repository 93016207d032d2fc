import { describe, expect, it } from 'vitest';
import { addStage, defaultMethodSettings, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { cachingRestOnly as rule } from './caching-rest-only';

/** changeApiType turns caching off (and says so); an imported or hand-edited design may still have it on. */
const cachedStage = (type: 'REST' | 'HTTP' = 'REST') =>
  build(
    emptyDesign(type),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { methodSettings: { ...defaultMethodSettings(), cachingEnabled: true } }),
  );

describe('caching-rest-only', () => {
  it('names a stage of an HTTP API that has stage-wide caching on', () => {
    const design = cachedStage('HTTP');
    expect(lintWith(rule, design)).toMatchObject([
      { ruleId: 'caching-rest-only', severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } },
    ]);
  });

  it('is quiet on a cached REST stage and on an HTTP stage without caching', () => {
    expect(lintWith(rule, cachedStage())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('HTTP'), (d) => addStage(d, { name: 'dev' })),
      ),
    ).toEqual([]);
  });

  it('quick fix turns caching off', () => {
    const design = cachedStage('HTTP');
    const [finding] = lintWith(rule, design);
    expect(applyFix(rule, design, finding!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
