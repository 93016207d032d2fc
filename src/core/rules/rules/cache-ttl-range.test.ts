import { describe, expect, it } from 'vitest';
import type { Design, Stage } from '../../model';
import { ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { cacheTtlRange as rule } from './cache-ttl-range';

/** Built directly: updateStage and setMethodOverride refuse TTLs outside 0–3600 s; imported data may not. */
function withTtls(stageTtl: number, overrideTtl: number): Design {
  const design = restPetStore();
  const stage = design.stages[ids.stg('prod')] as Stage;
  const next: Stage = {
    ...stage,
    methodSettings: { ...stage.methodSettings, cacheTtlSeconds: stageTtl },
    methodOverrides: { ...stage.methodOverrides, [ids.mth('list')]: { cachingEnabled: true, cacheTtlSeconds: overrideTtl } },
  };
  return { ...design, stages: { ...design.stages, [stage.id]: next } };
}

describe('cache-ttl-range', () => {
  it('names a stage-wide TTL and a method TTL above 3600 s', () => {
    expect(lintWith(rule, withTtls(7200, 4000))).toMatchObject([
      { severity: 'error', message: 'Stage prod keeps cached answers for 7200 s; the cache TTL is a whole number from 0 to 3600 s.' },
      { message: 'Stage prod keeps cached answers of GET /pets for 4000 s; the cache TTL is a whole number from 0 to 3600 s.' },
    ]);
  });

  it('is quiet on TTLs from 0 to 3600 s', () => {
    expect(lintWith(rule, withTtls(0, 3600))).toEqual([]);
  });

  it('quick fixes bring each TTL into range', () => {
    const design = withTtls(-5, 4000);
    for (const finding of lintWith(rule, design))
      expect(applyFix(rule, design, finding)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
