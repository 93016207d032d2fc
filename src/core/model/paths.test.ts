import { describe, expect, it } from 'vitest';
import { checkDesign } from './check-design';
import { type Design, emptyDesign } from './design';
import type { ResourceId } from './ids';
import { allResourcePaths, childResources, resourcePath, rootResourceId, subtreeIds } from './paths';
import { ids, restPetStore } from './testing/design-builder';

/** A REST design whose resources form one chain `/r1/r2/…/rN`. */
function chain(length: number): Design {
  const design = emptyDesign('REST');
  let parentId: ResourceId = ids.root;
  for (let index = 1; index <= length; index += 1) {
    const id = ids.res(String(index));
    design.resources[id] = { id, parentId, pathPart: `r${index}` };
    parentId = id;
  }
  return design;
}

describe('paths', () => {
  it('names the path of every resource', () => {
    const design = restPetStore();
    expect(resourcePath(design, ids.root)).toBe('/');
    expect(resourcePath(design, ids.res('pet'))).toBe('/pets/{petId}');
    expect([...allResourcePaths(design).entries()]).toEqual([
      [ids.root, '/'],
      [ids.res('pets'), '/pets'],
      [ids.res('pet'), '/pets/{petId}'],
    ]);
    expect(rootResourceId(design)).toBe(ids.root);
    expect(rootResourceId(emptyDesign('HTTP'))).toBeUndefined();
    expect(childResources(design, ids.res('pets')).map((resource) => resource.id)).toEqual([ids.res('pet')]);
    expect([...subtreeIds(design, ids.res('pets'))]).toEqual([ids.res('pets'), ids.res('pet')]);
  });

  it('handles a 20,000-deep chain without recursion and checks it in linear time', () => {
    const design = chain(20_000);
    const started = performance.now();
    expect(allResourcePaths(design).get(ids.res('20000'))).toMatch(/^\/r1\/r2\/.*\/r20000$/);
    expect(checkDesign(design)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('ends on a cycle in a damaged design, and checkDesign reports it', () => {
    const design = chain(3);
    design.resources[ids.res('1')] = { ...design.resources[ids.res('1')]!, parentId: ids.res('3') };
    expect(allResourcePaths(design).size).toBe(4);
    expect(checkDesign(design).filter((problem) => problem.includes('cycle'))).toHaveLength(3);
  });
});
