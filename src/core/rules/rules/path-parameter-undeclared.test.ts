import { describe, expect, it } from 'vitest';
import { type Design, updateMethod } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { pathParameterUndeclared as rule } from './path-parameter-undeclared';

describe('path-parameter-undeclared', () => {
  it('names a method whose path variable has no request parameter', () => {
    expect(lintWith(rule, restPetStore())).toMatchObject([
      {
        severity: 'warning',
        message: 'GET /pets/{petId} has no request parameter for {petId}.',
        target: { kind: 'method', id: ids.mth('get') },
      },
    ]);
  });

  it('is quiet when the parameter is declared on the method or on the path item', () => {
    const declared = build(restPetStore(), (d) =>
      updateMethod(d, ids.mth('get'), { parameters: [{ in: 'path', name: 'petId', required: true }] }),
    );
    expect(lintWith(rule, declared)).toEqual([]);
    const base = restPetStore();
    const resource = base.resources[ids.res('pet')]!;
    const shared: Design = {
      ...base,
      resources: {
        ...base.resources,
        [resource.id]: { ...resource, extensions: { parameters: [{ in: 'path', name: 'petId', required: true }] } },
      },
    };
    expect(lintWith(rule, shared)).toEqual([]);
  });

  it('quick fix declares the parameter', () => {
    const design = restPetStore();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
