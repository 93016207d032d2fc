import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { resourcePath } from '../paths';
import { build, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addResource, deleteResources, ensureRoot, moveResource, renameResource } from './resources';

describe('addResource', () => {
  it('adds a path part under a parent, with its canvas position', () => {
    const design = build(emptyDesign('REST'), (d) =>
      addResource(d, { parentId: ids.root, pathPart: ' pets ', id: ids.res('pets'), position: { x: 1, y: 200 } }),
    );
    expect(design.resources[ids.res('pets')]).toEqual({ id: ids.res('pets'), parentId: ids.root, pathPart: 'pets' });
    expect(design.layout[ids.res('pets')]).toEqual({ x: 1, y: 200 });
    expect(resourcePath(design, ids.res('pets'))).toBe('/pets');
  });

  it('accepts path parameters and the greedy {proxy+}', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addResource(d, { parentId: ids.root, pathPart: '{id}', id: ids.res('id') }),
      (d) => addResource(d, { parentId: ids.res('id'), pathPart: '{proxy+}', id: ids.res('proxy') }),
    );
    expect(resourcePath(design, ids.res('proxy'))).toBe('/{id}/{proxy+}');
  });

  it('refuses a duplicate path part under one parent, naming the path', () => {
    const error = refusalOf(restPetStore(), (d) => addResource(d, { parentId: ids.root, pathPart: 'pets' }));
    expect(error.code).toBe('duplicate');
    expect(error.message).toBe('/pets already exists.');
    const nested = refusalOf(restPetStore(), (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{petId}' }));
    expect(nested.message).toBe('/pets/{petId} already exists.');
  });

  it.each([
    ['', 'cannot be empty'],
    ['  ', 'cannot be empty'],
    ['a/b', 'remove the "/"'],
    ['pe ts', 'characters API Gateway refuses'],
    ['{id', 'not a path parameter'],
    ['x{id}', 'not a path parameter'],
  ])('refuses the invalid path part %j', (pathPart, message) => {
    const error = refusalOf(emptyDesign('REST'), (d) => addResource(d, { parentId: ids.root, pathPart }));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toContain(message);
  });

  it('refuses children under a greedy {proxy+}', () => {
    const design = build(emptyDesign('REST'), (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }));
    const error = refusalOf(design, (d) => addResource(d, { parentId: ids.res('proxy'), pathPart: 'x' }));
    expect(error.code).toBe('not-allowed');
    expect(error.message).toContain('greedy');
  });

  it('refuses a missing parent, a taken id, and non-REST APIs', () => {
    expect(refusalOf(emptyDesign('REST'), (d) => addResource(d, { parentId: ids.res('nope'), pathPart: 'x' })).message).toBe(
      'There is no resource with id "res_nope".',
    );
    expect(refusalOf(restPetStore(), (d) => addResource(d, { parentId: ids.root, pathPart: 'x', id: ids.res('pets') })).code).toBe(
      'duplicate',
    );
    const http = refusalOf(emptyDesign('HTTP'), (d) => addResource(d, { parentId: ids.root, pathPart: 'x' }));
    expect(http.code).toBe('wrong-api-type');
    expect(http.message).toBe('Resources exist only in REST APIs; this is an HTTP API.');
  });
});

describe('renameResource', () => {
  it('changes the path part, and returns the same design when unchanged', () => {
    const design = restPetStore();
    const renamed = build(design, (d) => renameResource(d, ids.res('pets'), 'animals'));
    expect(resourcePath(renamed, ids.res('pet'))).toBe('/animals/{petId}');
    expect(renameResource(design, ids.res('pets'), ' pets ')).toBe(design);
  });

  it('refuses renaming the root, a clash, an invalid part, and a greedy part over children', () => {
    const design = build(restPetStore(), (d) => addResource(d, { parentId: ids.root, pathPart: 'owners', id: ids.res('owners') }));
    expect(refusalOf(design, (d) => renameResource(d, ids.root, 'x')).message).toContain('root resource "/"');
    expect(refusalOf(design, (d) => renameResource(d, ids.res('owners'), 'pets')).message).toBe('/pets already exists.');
    expect(refusalOf(design, (d) => renameResource(d, ids.res('owners'), 'a b')).code).toBe('invalid-value');
    const greedy = refusalOf(design, (d) => renameResource(d, ids.res('pets'), '{proxy+}'));
    expect(greedy.code).toBe('not-allowed');
    expect(greedy.message).toContain('move its children first');
    expect(refusalOf(design, (d) => renameResource(d, ids.res('gone'), 'x')).code).toBe('not-found');
  });
});

describe('moveResource', () => {
  it('moves a subtree under another parent', () => {
    const design = build(
      restPetStore(),
      (d) => addResource(d, { parentId: ids.root, pathPart: 'shop', id: ids.res('shop') }),
      (d) => moveResource(d, ids.res('pets'), ids.res('shop')),
    );
    expect(resourcePath(design, ids.res('pet'))).toBe('/shop/pets/{petId}');
    expect(checkDesign(design)).toEqual([]);
  });

  it('returns the same design when the parent does not change', () => {
    const design = restPetStore();
    expect(moveResource(design, ids.res('pets'), ids.root)).toBe(design);
  });

  it('refuses nesting a resource under itself or its own descendant', () => {
    const design = restPetStore();
    const self = refusalOf(design, (d) => moveResource(d, ids.res('pets'), ids.res('pets')));
    expect(self.code).toBe('not-allowed');
    expect(self.message).toContain('cannot be nested under itself');
    const below = refusalOf(design, (d) => moveResource(d, ids.res('pets'), ids.res('pet')));
    expect(below.message).toBe('/pets/{petId} is inside /pets: a resource cannot be nested under itself.');
  });

  it('refuses moving the root, a clash at the new parent, and moving under {proxy+}', () => {
    const design = build(
      restPetStore(),
      (d) => addResource(d, { parentId: ids.root, pathPart: 'shop', id: ids.res('shop') }),
      (d) => addResource(d, { parentId: ids.res('shop'), pathPart: 'pets', id: ids.res('shopPets') }),
      (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }),
    );
    expect(refusalOf(design, (d) => moveResource(d, ids.root, ids.res('shop'))).message).toContain('root resource "/" cannot be nested');
    expect(refusalOf(design, (d) => moveResource(d, ids.res('pets'), ids.res('shop'))).message).toBe('/shop/pets already exists.');
    expect(refusalOf(design, (d) => moveResource(d, ids.res('pets'), ids.res('proxy'))).message).toContain('greedy');
    expect(refusalOf(design, (d) => moveResource(d, ids.res('pets'), ids.res('gone'))).code).toBe('not-found');
  });
});

describe('deleteResources', () => {
  it('deletes the subtree with its methods and every reference to them', () => {
    const design = build(restPetStore(), (d) => deleteResources(d, [ids.res('pets')]));
    expect(Object.keys(design.resources)).toEqual([ids.root]);
    expect(design.methods).toEqual({});
    expect(Object.keys(design.layout)).toEqual([ids.root, ids.int('fn'), ids.auth('users')]);
    expect(design.stages[ids.stg('prod')]?.methodOverrides).toEqual({});
    expect(design.usagePlans[ids.plan('basic')]?.stages).toEqual([{ stageId: ids.stg('prod'), methodThrottles: {} }]);
    expect(Object.keys(design.integrations)).toEqual([ids.int('fn')]);
    expect(checkDesign(design)).toEqual([]);
  });

  it('refuses the root and missing resources; an empty list changes nothing', () => {
    const design = restPetStore();
    const root = refusalOf(design, (d) => deleteResources(d, [ids.res('pets'), ids.root]));
    expect(root.code).toBe('not-allowed');
    expect(root.message).toBe('The root resource "/" cannot be deleted.');
    expect(refusalOf(design, (d) => deleteResources(d, [ids.res('gone')])).code).toBe('not-found');
    expect(deleteResources(design, [])).toBe(design);
  });
});

describe('ensureRoot', () => {
  it('keeps an existing root and creates a missing one', () => {
    const design = emptyDesign('REST');
    expect(ensureRoot(design)).toEqual({ design, rootId: ids.root });
    const rootless = { ...design, resources: {} };
    const { design: repaired, rootId } = ensureRoot(rootless);
    expect(repaired.resources[rootId]).toEqual({ id: rootId, parentId: null, pathPart: '' });
  });
});
