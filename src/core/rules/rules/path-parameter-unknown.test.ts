import { describe, expect, it } from 'vitest';
import { addResource, moveMethod, updateMethod } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { pathParameterUnknown as rule } from './path-parameter-unknown';

/** A method with its {petId} parameter, moved from /pets/{petId} to /owners (moveMethod keeps the parameters). */
const moved = () =>
  build(
    restPetStore(),
    (d) => updateMethod(d, ids.mth('get'), { parameters: [{ in: 'path', name: 'petId', required: true }] }),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'owners', id: ids.res('owners') }),
    (d) => moveMethod(d, ids.mth('get'), ids.res('owners')),
  );

describe('path-parameter-unknown', () => {
  it('names a path parameter the path does not have', () => {
    expect(lintWith(rule, moved())).toMatchObject([
      {
        severity: 'warning',
        message: 'GET /owners declares the path parameter petId, which its path does not have.',
        target: { id: ids.mth('get') },
      },
    ]);
  });

  it('is quiet on parameters the path has', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateMethod(d, ids.mth('get'), { parameters: [{ in: 'path', name: 'petId', required: true }] })),
      ),
    ).toEqual([]);
  });

  it('quick fix removes the parameter', () => {
    const design = moved();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
