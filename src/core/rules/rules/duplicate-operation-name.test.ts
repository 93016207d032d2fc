import { describe, expect, it } from 'vitest';
import { updateMethod, updateRoute } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { duplicateOperationName as rule } from './duplicate-operation-name';

const twice = () =>
  build(
    restPetStore(),
    (d) => updateMethod(d, ids.mth('list'), { operationName: 'getPets' }),
    (d) => updateMethod(d, ids.mth('get'), { operationName: 'getPets' }),
  );

describe('duplicate-operation-name', () => {
  it('names the second operation with a repeated operation name (updateMethod allows it)', () => {
    expect(lintWith(rule, twice())).toMatchObject([
      {
        severity: 'error',
        message: 'GET /pets/{petId} has the operation name getPets, which GET /pets already has.',
        target: { id: ids.mth('get') },
      },
    ]);
  });

  it('is quiet on unique names and on routes without names', () => {
    expect(
      lintWith(
        rule,
        build(twice(), (d) => updateMethod(d, ids.mth('get'), { operationName: 'getPet' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fix picks a free name', () => {
    const design = build(
      httpPets(),
      (d) => updateRoute(d, ids.rte('list'), { operationName: 'pets' }),
      (d) => updateRoute(d, ids.rte('create'), { operationName: 'pets' }),
    );
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.routes[ids.rte('create')]?.operationName).toBe('pets2');
  });
});
