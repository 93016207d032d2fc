import { describe, expect, it } from 'vitest';
import { addIntegration, addMethod, connectIntegration, setResponseTransferMode, updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith, summary } from '../testing/rule-tester';
import { streamingProxyOnly as rule } from './streaming-proxy-only';

const streaming = () => build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'));

describe('streaming-proxy-only', () => {
  it('names a streaming method whose integration was turned custom, and the fix makes it a proxy again', () => {
    const design = build(streaming(), (d) => updateBinding(d, ids.mth('list'), { proxy: false }));
    const findings = lintWith(rule, design);
    expect(findings.map(summary)).toEqual([
      {
        ruleId: 'streaming-proxy-only',
        severity: 'error',
        message: 'GET /pets streams through a custom (non-proxy) integration; only proxy integrations stream.',
        target: { kind: 'method', id: ids.mth('list') },
        fix: 'Make it a proxy integration',
      },
    ]);
    expect(applyFix(rule, design, findings[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });

  it('names a mock that streams (as an imported document can say)', () => {
    const design = build(
      restPetStore(),
      (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('hello') }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
      (d) => connectIntegration(d, ids.mth('hello'), ids.int('mock')),
      (d) => updateBinding(d, ids.mth('hello'), { responseTransferMode: 'STREAM' }),
    );
    expect(lintWith(rule, design).map((finding) => [finding.message, finding.fix?.label])).toEqual([
      ['GET / streams from a mock integration, which cannot stream.', 'Stop streaming'],
    ]);
  });

  it('is quiet on a streaming Lambda proxy method and on custom integrations that buffer', () => {
    expect(lintWith(rule, streaming())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { proxy: false })),
      ),
    ).toEqual([]);
  });
});
