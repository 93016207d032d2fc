import { describe, expect, it } from 'vitest';
import { setResponseTransferMode, updateBinding } from '../../model';
import { changeApiType } from '../../model/operations/convert-api-type';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith, summary } from '../testing/rule-tester';
import { streamingRestOnly as rule } from './streaming-rest-only';

describe('streaming-rest-only', () => {
  it('names an HTTP API route that streams (as an imported document or a converted design can hold it)', () => {
    const design = build(httpPets(), (d) => updateBinding(d, ids.rte('list'), { responseTransferMode: 'STREAM' }));
    expect(lintWith(rule, design).map(summary)).toEqual([
      {
        ruleId: 'streaming-rest-only',
        severity: 'error',
        message: 'GET /pets streams its response, but HTTP APIs do not stream.',
        target: { kind: 'route', id: ids.rte('list') },
        fix: 'Stop streaming',
      },
    ]);
    const fixed = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(fixed).toMatchObject({ ok: true, remaining: [], problems: [] });
  });

  it('is quiet on a streaming REST method and on routes that buffer', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM')),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateBinding(d, ids.rte('list'), { responseTransferMode: 'BUFFERED' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('names the route a streaming REST method becomes when the API turns HTTP', () => {
    const streaming = build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'));
    const converted = changeApiType(streaming, 'HTTP');
    const streamingRoutes = Object.values(converted.routes).filter((route) => route.integration?.responseTransferMode === 'STREAM');
    expect(lintWith(rule, converted)).toHaveLength(streamingRoutes.length);
  });
});
