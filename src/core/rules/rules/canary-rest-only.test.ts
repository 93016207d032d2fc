import { describe, expect, it } from 'vitest';
import { addStage, changeApiType, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { canaryRestOnly as rule } from './canary-rest-only';

const canaryRest = () =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { canary: { percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false } }),
  );

describe('canary-rest-only', () => {
  it('names a stage that keeps its canary after the API became an HTTP API', () => {
    const design = build(canaryRest(), (d) => changeApiType(d, 'HTTP'));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on a REST stage with a canary', () => {
    expect(lintWith(rule, canaryRest())).toEqual([]);
  });

  it('quick fix removes the canary', () => {
    const design = build(canaryRest(), (d) => changeApiType(d, 'HTTP'));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
