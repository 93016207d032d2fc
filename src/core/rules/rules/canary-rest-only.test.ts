import { describe, expect, it } from 'vitest';
import { addStage, type Design, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { canaryRestOnly as rule } from './canary-rest-only';

const canaryRest = () =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { canary: { percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false } }),
  );

/** Built directly: updateStage refuses a canary on an HTTP API and changeApiType removes it (saying so); imported data may carry one. */
function canaryHttp(): Design {
  const design = build(emptyDesign('HTTP'), (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }));
  const stage = design.stages[ids.stg('prod')]!;
  const canary = { percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false };
  return { ...design, stages: { ...design.stages, [stage.id]: { ...stage, canary } } };
}

describe('canary-rest-only', () => {
  it('names a stage of an HTTP API that has a canary', () => {
    const design = canaryHttp();
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on a REST stage with a canary', () => {
    expect(lintWith(rule, canaryRest())).toEqual([]);
  });

  it('quick fix removes the canary', () => {
    const design = canaryHttp();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
