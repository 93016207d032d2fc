import { describe, expect, it } from 'vitest';
import { setMethodOverride, setResponseTransferMode, updateStage } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith, summary } from '../testing/rule-tester';
import { streamingWithCaching as rule } from './streaming-with-caching';

describe('streaming-with-caching', () => {
  it('names a streaming method that its stage caches (the pet store caches GET /pets on prod), and the fix turns that caching off', () => {
    const design = build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'));
    const findings = lintWith(rule, design);
    expect(findings.map(summary)).toEqual([
      {
        ruleId: 'streaming-with-caching',
        severity: 'warning',
        message: 'GET /pets streams its response, so stage prod cannot cache it.',
        target: { kind: 'method', id: ids.mth('list') },
        fix: 'Turn caching off for it on stage prod',
      },
    ]);
    const fixed = applyFix(rule, design, findings[0]!);
    expect(fixed).toMatchObject({ ok: true, remaining: [], problems: [] });
    // The override keeps its TTL.
    if (fixed.ok)
      expect(fixed.design.stages[ids.stg('prod')]?.methodOverrides[ids.mth('list')]).toEqual({
        cachingEnabled: false,
        cacheTtlSeconds: 60,
      });
  });

  it('names a streaming method that the stage-wide settings cache', () => {
    const design = build(
      restPetStore(),
      (d) => setResponseTransferMode(d, ids.mth('get'), 'STREAM'),
      (d) => updateStage(d, ids.stg('prod'), { methodSettings: { ...d.stages[ids.stg('prod')]!.methodSettings, cachingEnabled: true } }),
    );
    expect(lintWith(rule, design).map((finding) => finding.target.id)).toEqual([ids.mth('get')]);
  });

  it('is quiet when the streaming method is not cached, or nothing streams', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(
          restPetStore(),
          (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
          (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), undefined),
        ),
      ),
    ).toEqual([]);
  });
});
