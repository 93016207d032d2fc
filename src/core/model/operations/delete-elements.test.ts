import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import type { NodeId } from '../ids';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { deleteElements } from './delete-elements';
import { moveNodes } from './layout';

describe('deleteElements', () => {
  it('deletes a mixed selection, skipping the root, and leaves a consistent design', () => {
    const design = build(restPetStore(), (d) =>
      deleteElements(d, [ids.root, ids.res('pet'), ids.mth('list'), ids.int('fn'), ids.auth('users'), ids.mth('get')]),
    );
    expect(Object.keys(design.resources)).toEqual([ids.root, ids.res('pets')]);
    expect(Object.keys(design.methods)).toEqual([ids.mth('create')]);
    expect(design.methods[ids.mth('create')]?.integration).toBeUndefined();
    expect(design.methods[ids.mth('create')]?.authorizerId).toBeUndefined();
    expect(checkDesign(design)).toEqual([]);
  });

  it('deletes everything selectable on an HTTP API', () => {
    const design = httpPets();
    const all = Object.keys(design.layout) as NodeId[];
    const cleared = build(design, (d) => deleteElements(d, all));
    expect(cleared.routes).toEqual({});
    expect(cleared.layout).toEqual({});
    expect(checkDesign(cleared)).toEqual([]);
  });

  it('ignores unknown ids', () => {
    const design = restPetStore();
    expect(build(design, (d) => deleteElements(d, ['res_gone' as NodeId, 'toString' as NodeId])).methods).toEqual(design.methods);
  });
});

describe('moveNodes', () => {
  it('moves nodes; unchanged positions return the same design', () => {
    const design = restPetStore();
    const moved = build(design, (d) => moveNodes(d, { [ids.res('pets')]: { x: 9, y: 9 } }));
    expect(moved.layout[ids.res('pets')]).toEqual({ x: 9, y: 9 });
    expect(moveNodes(design, { [ids.res('pets')]: { x: 280, y: 0 } })).toBe(design);
    expect(moveNodes(design, {})).toBe(design);
  });

  it('stores -0 as 0, as a saved design would', () => {
    const moved = build(restPetStore(), (d) => moveNodes(d, { [ids.res('pets')]: { x: -0, y: 1 } }));
    expect(Object.is(moved.layout[ids.res('pets')]?.x, 0)).toBe(true);
  });

  it('ignores ids that are not nodes on the canvas', () => {
    const design = restPetStore();
    expect(moveNodes(design, { ['res_gone' as NodeId]: { x: 1, y: 1 }, [ids.stg('prod') as unknown as NodeId]: { x: 1, y: 1 } })).toBe(
      design,
    );
  });

  it('refuses non-finite positions', () => {
    const error = refusalOf(restPetStore(), (d) => moveNodes(d, { [ids.res('pets')]: { x: Number.NaN, y: 0 } }));
    expect(error.message).toBe('A canvas position must be a finite number.');
  });
});
