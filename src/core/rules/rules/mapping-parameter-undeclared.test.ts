import { describe, expect, it } from 'vitest';
import { updateBinding, updateMethod } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { mappingParameterUndeclared as rule } from './mapping-parameter-undeclared';

/** GET /pets/{petId} maps a query string and a header it does not declare, and caches on the path variable. */
const mapped = () =>
  build(restPetStore(), (d) =>
    updateBinding(d, ids.mth('get'), {
      requestParameters: {
        'integration.request.querystring.version': 'method.request.querystring.v',
        'integration.request.header.x-user': 'method.request.header.X-User',
        'integration.request.path.id': 'method.request.path.petId',
        'integration.request.header.x-static': "'fixed'",
      },
      cacheKeyParameters: ['method.request.querystring.v', 'method.request.path.petId'],
    }),
  );

describe('mapping-parameter-undeclared', () => {
  it('names the undeclared query string and header parameters a mapping or cache key reads', () => {
    expect(lintWith(rule, mapped())).toMatchObject([
      {
        severity: 'error',
        message: 'GET /pets/{petId} maps from the undeclared query string parameter v and header parameter X-User.',
        target: { kind: 'method', id: ids.mth('get') },
      },
    ]);
  });

  it('is quiet when they are declared, on the path variables of the resource, and on HTTP APIs', () => {
    const declared = build(mapped(), (d) =>
      updateMethod(d, ids.mth('get'), {
        parameters: [
          { in: 'query', name: 'v', required: false },
          { in: 'header', name: 'X-User', required: true },
        ],
      }),
    );
    expect(lintWith(rule, declared)).toEqual([]);
    const http = build(httpPets(), (d) =>
      updateBinding(d, ids.rte('list'), { requestParameters: { 'overwrite:header.x': 'method.request.header.y' } }),
    );
    expect(lintWith(rule, http)).toEqual([]);
  });

  it('is fixed by declaring the parameters', () => {
    const design = mapped();
    const [finding] = lintWith(rule, design);
    const outcome = finding && applyFix(rule, design, finding);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome?.ok)
      expect(outcome.design.methods[ids.mth('get')]?.parameters).toEqual([
        { in: 'query', name: 'v', required: false, schema: { type: 'string' } },
        { in: 'header', name: 'X-User', required: false, schema: { type: 'string' } },
      ]);
  });
});
