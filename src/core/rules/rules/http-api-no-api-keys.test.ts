import { describe, expect, it } from 'vitest';
import { addRoute, type Design, emptyDesign, updateRoute } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiNoApiKeys as rule } from './http-api-no-api-keys';

/** A route that requires a key, as an import may bring it (changeApiType clears the flag, and says so). */
const converted = () =>
  build(
    emptyDesign('HTTP'),
    (d) => addRoute(d, { routeKey: 'GET /pets', id: ids.rte('list') }),
    (d) => updateRoute(d, ids.rte('list'), { apiKeyRequired: true }),
  );

describe('http-api-no-api-keys', () => {
  it('names a route that requires an API key', () => {
    expect(lintWith(rule, converted())).toMatchObject([
      {
        severity: 'error',
        message: 'GET /pets requires an API key, but HTTP APIs have no API keys.',
        target: { kind: 'route', id: 'rte_list' },
      },
    ]);
  });

  it('names an API key on an HTTP API (built directly: addApiKey and changeApiType refuse it)', () => {
    const design: Design = { ...httpPets(), apiKeys: { [ids.key('k')]: { id: ids.key('k'), name: 'k', enabled: true } } };
    expect(lintWith(rule, design)).toMatchObject([{ target: { kind: 'apiKey', id: ids.key('k') } }]);
  });

  it('is quiet on an HTTP API without keys', () => {
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fixes clear both kinds of finding', () => {
    const design = converted();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
    const withKey: Design = { ...httpPets(), apiKeys: { [ids.key('k')]: { id: ids.key('k'), name: 'k', enabled: true } } };
    expect(applyFix(rule, withKey, lintWith(rule, withKey)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
