import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import type { DomainId, NodeId } from '../ids';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { deleteElements } from './delete-elements';
import { addDomain } from './domains';
import { moveCards } from './layout';

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
    const all = [...Object.keys(design.routes), ...Object.keys(design.integrations), ...Object.keys(design.authorizers)] as NodeId[];
    const cleared = build(design, (d) => deleteElements(d, all));
    expect(cleared.routes).toEqual({});
    expect(cleared.layout).toEqual({});
    expect(checkDesign(cleared)).toEqual([]);
  });

  it('deletes a custom domain (its card), leaving the stages it served', () => {
    const design = build(restPetStore(), (d) => addDomain(d, { id: 'dom_api' as DomainId, domainName: 'api.example.com' }));
    const next = deleteElements(design, ['dom_api' as NodeId]);
    expect(next.domains).toEqual({});
    expect(next.stages).toBe(design.stages);
  });

  it('ignores unknown ids', () => {
    const design = restPetStore();
    expect(build(design, (d) => deleteElements(d, ['res_gone' as NodeId, 'toString' as NodeId])).methods).toEqual(design.methods);
  });
});

describe('moveCards', () => {
  it('moves nodes; unchanged positions return the same design', () => {
    const design = restPetStore();
    const moved = build(design, (d) => moveCards(d, { [ids.res('pets')]: { x: 2009, y: 9 } }));
    expect(moved.layout[ids.res('pets')]).toEqual({ x: 2009, y: 9 });
    expect(moveCards(design, { [ids.res('pets')]: { ...design.layout[ids.res('pets')]! } })).toBe(design);
    expect(moveCards(design, {})).toBe(design);
  });

  it('stores -0 as 0, as a saved design would', () => {
    const moved = build(restPetStore(), (d) => moveCards(d, { [ids.res('pets')]: { x: -0, y: 2001 } }));
    expect(Object.is(moved.layout[ids.res('pets')]?.x, 0)).toBe(true);
  });

  it('ignores ids that are not cards on the canvas', () => {
    const design = restPetStore();
    expect(moveCards(design, { res_gone: { x: 1, y: 1 }, [ids.stg('prod')]: { x: 1, y: 1 }, [ids.mth('list')]: { x: 1, y: 1 } })).toBe(
      design,
    );
  });

  it('refuses non-finite positions', () => {
    const error = refusalOf(restPetStore(), (d) => moveCards(d, { [ids.res('pets')]: { x: Number.NaN, y: 0 } }));
    expect(error.message).toBe('A canvas position must be a finite number.');
  });
});
