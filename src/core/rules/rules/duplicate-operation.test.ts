import { describe, expect, it } from 'vitest';
import { checkDesign, type Design } from '../../model';
import { httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { duplicateOperation as rule } from './duplicate-operation';

/** Built directly: the operations and checkDesign refuse duplicates; the rule guards data from elsewhere. */
function restDuplicates(): Design {
  const design = restPetStore();
  const method = { ...design.methods[ids.mth('list')]!, id: ids.mth('again') };
  const resource = { id: ids.res('pets2'), parentId: ids.root, pathPart: 'pets' };
  return { ...design, methods: { ...design.methods, [method.id]: method }, resources: { ...design.resources, [resource.id]: resource } };
}

describe('duplicate-operation', () => {
  it('names a second resource with the same path and a second method with the same verb', () => {
    const design = restDuplicates();
    expect(checkDesign(design).length).toBeGreaterThan(0);
    expect(lintWith(rule, design)).toMatchObject([
      { severity: 'error', message: 'The path /pets is defined by two resources.', target: { kind: 'resource', id: ids.res('pets2') } },
      { message: 'GET /pets is defined twice.', target: { kind: 'method', id: ids.mth('again') } },
    ]);
  });

  it('names a repeated route key', () => {
    const design = httpPets();
    const route = { ...design.routes[ids.rte('list')]!, id: ids.rte('again') };
    expect(lintWith(rule, { ...design, routes: { ...design.routes, [route.id]: route } })).toMatchObject([
      { message: 'GET /pets is defined twice.', target: { kind: 'route', id: ids.rte('again') } },
    ]);
  });

  it('is quiet on designs the operations built', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });
});
