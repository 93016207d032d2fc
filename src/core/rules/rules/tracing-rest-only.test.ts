import { describe, expect, it } from 'vitest';
import { addStage, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { tracingRestOnly as rule } from './tracing-rest-only';

/** changeApiType turns tracing off (and says so); an imported or hand-edited design may still have it on. */
const traced = (type: 'REST' | 'HTTP' | 'WEBSOCKET' = 'REST') =>
  build(
    emptyDesign(type),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { tracingEnabled: true }),
  );

describe('tracing-rest-only', () => {
  it('names a stage of a WebSocket API that has X-Ray tracing on', () => {
    const design = traced('WEBSOCKET');
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on a traced REST stage', () => {
    expect(lintWith(rule, traced())).toEqual([]);
  });

  it('quick fix turns tracing off', () => {
    const design = traced('HTTP');
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
