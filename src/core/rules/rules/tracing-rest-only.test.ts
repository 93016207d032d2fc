import { describe, expect, it } from 'vitest';
import { addStage, changeApiType, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { tracingRestOnly as rule } from './tracing-rest-only';

const tracedRest = () =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { tracingEnabled: true }),
  );

describe('tracing-rest-only', () => {
  it('names a stage that keeps X-Ray tracing after the API became a WebSocket API', () => {
    const design = build(tracedRest(), (d) => changeApiType(d, 'WEBSOCKET'));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on a traced REST stage', () => {
    expect(lintWith(rule, tracedRest())).toEqual([]);
  });

  it('quick fix turns tracing off', () => {
    const design = build(tracedRest(), (d) => changeApiType(d, 'HTTP'));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
