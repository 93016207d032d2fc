import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { compressionRestOnly as rule } from './compression-rest-only';

describe('compression-rest-only', () => {
  it('names an HTTP API with a minimum compression size (updateApi accepts it on any type)', () => {
    const design = build(emptyDesign('HTTP'), (d) => updateApi(d, { minimumCompressionSize: 1024 }));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on a REST API that compresses, and on an HTTP API that does not', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { minimumCompressionSize: 0 })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, emptyDesign('HTTP'))).toEqual([]);
  });

  it('quick fix turns compression off', () => {
    const design = build(emptyDesign('HTTP'), (d) => updateApi(d, { minimumCompressionSize: 1024 }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
