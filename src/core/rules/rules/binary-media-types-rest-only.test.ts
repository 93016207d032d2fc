import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { binaryMediaTypesRestOnly as rule } from './binary-media-types-rest-only';

describe('binary-media-types-rest-only', () => {
  it('names an HTTP API with binary media types (updateApi accepts them on any type)', () => {
    const design = build(emptyDesign('HTTP'), (d) => updateApi(d, { binaryMediaTypes: ['image/png'] }));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on a REST API with binary media types', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { binaryMediaTypes: ['image/png'] })),
      ),
    ).toEqual([]);
  });

  it('quick fix clears the list', () => {
    const design = build(emptyDesign('WEBSOCKET'), (d) => updateApi(d, { binaryMediaTypes: ['*/*'] }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
