import { describe, expect, it } from 'vitest';
import { addMethod, addResource, changeApiType, type Design, emptyDesign, updateMethod } from '../../model';
import { build, httpPets, ids } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { httpApiNoApiKeys as rule } from './http-api-no-api-keys';

/** A REST method that requires a key, switched to HTTP: changeApiType keeps the flag on the route. */
const converted = () =>
  build(
    emptyDesign('REST'),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'pets', id: ids.res('pets') }),
    (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'GET', id: ids.mth('list') }),
    (d) => updateMethod(d, ids.mth('list'), { apiKeyRequired: true }),
    (d) => changeApiType(d, 'HTTP'),
  );

describe('http-api-no-api-keys', () => {
  it('names a route converted from a REST method that required an API key', () => {
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
