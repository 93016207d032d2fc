import { describe, expect, it } from 'vitest';
import { type CorsConfiguration, updateApi } from '../../model';
import { build, httpPets } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { corsWildcardCredentials as rule } from './cors-wildcard-credentials';

const cors = (allowOrigins: string[], allowCredentials: boolean): CorsConfiguration => ({
  allowOrigins,
  allowMethods: ['GET'],
  allowHeaders: [],
  exposeHeaders: [],
  allowCredentials,
});

describe('cors-wildcard-credentials', () => {
  it('names CORS that allows every origin with credentials', () => {
    const design = build(httpPets(), (d) => updateApi(d, { cors: cors(['*'], true) }));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on named origins with credentials, and on * without', () => {
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateApi(d, { cors: cors(['https://app.example.com'], true) })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateApi(d, { cors: cors(['*'], false) })),
      ),
    ).toEqual([]);
  });

  it('quick fix stops allowing credentials', () => {
    const design = build(httpPets(), (d) => updateApi(d, { cors: cors(['*'], true) }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
