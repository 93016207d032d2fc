import { describe, expect, it } from 'vitest';
import { setResponseTransferMode, updateApi } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith, summary } from '../testing/rule-tester';
import { streamingWithCompression as rule } from './streaming-with-compression';

describe('streaming-with-compression', () => {
  it('names a streaming method of an API that compresses its responses', () => {
    const design = build(
      restPetStore(),
      (d) => updateApi(d, { minimumCompressionSize: 1024 }),
      (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
    );
    const findings = lintWith(rule, design);
    expect(findings.map(summary)).toEqual([
      {
        ruleId: 'streaming-with-compression',
        severity: 'warning',
        message: 'GET /pets streams its response, so the API’s payload compression does not apply to it; compress in the integration.',
        target: { kind: 'method', id: ids.mth('list') },
        fix: 'Buffer the response instead',
      },
    ]);
    expect(applyFix(rule, design, findings[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });

  it('is quiet without compression, or when nothing streams', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM')),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateApi(d, { minimumCompressionSize: 0 })),
      ),
    ).toEqual([]);
  });
});
