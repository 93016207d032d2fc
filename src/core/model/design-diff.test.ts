import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation } from './apply';
import { type Design, emptyDesign } from './design';
import { diffDesigns, patchDesign, patchWeight } from './design-diff';
import { updateApi } from './operations/api-settings';
import { renameResource } from './operations/resources';
import { restPetStore } from './testing/design-builder';
import { operationCount, type RandomEdit, toStep } from './testing/random-operations';

const edit: fc.Arbitrary<RandomEdit> = fc.record({
  operation: fc.nat({ max: operationCount - 1 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom('', 'x'.repeat(20), '__proto__', 'constructor', '0', '12', 'Pets'), fc.string({ maxLength: 12 })),
});
const startType = fc.constantFrom('REST', 'HTTP', 'WEBSOCKET') as fc.Arbitrary<'REST' | 'HTTP' | 'WEBSOCKET'>;

function run(start: Design, list: RandomEdit[]): Design[] {
  const reached = [start];
  for (const item of list) {
    const result = applyOperation(reached.at(-1) as Design, toStep(item));
    if (result.ok && result.design !== reached.at(-1)) reached.push(result.design);
  }
  return reached;
}

/** Equal as stored: same values and the same key order everywhere. */
const exact = (design: Design) => JSON.stringify(design);

/** Stored and read back as IndexedDB would (structured clone), so nothing is shared with the original. */
const stored = <T>(value: T): T => structuredClone(value);

describe('diffDesigns / patchDesign', () => {
  it('rebuilds every design of random operation sequences exactly, forwards and backwards', () => {
    fc.assert(
      fc.property(startType, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 30 }), (type, rich, list) => {
        const designs = run(rich && type === 'REST' ? restPetStore() : emptyDesign(type), list);
        for (let index = 1; index < designs.length; index += 1) {
          const before = designs[index - 1] as Design;
          const after = designs[index] as Design;
          const forward = patchDesign(before, stored(diffDesigns(before, after)));
          const backward = patchDesign(after, stored(diffDesigns(after, before)));
          if (!forward.ok || !backward.ok) throw new Error('a patch of a real change was refused');
          expect(exact(forward.design)).toBe(exact(after));
          expect(exact(backward.design)).toBe(exact(before));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds a whole chain from its last design (as a stored undo history does)', () => {
    fc.assert(
      fc.property(startType, fc.array(edit, { minLength: 1, maxLength: 40 }), (type, list) => {
        const designs = run(emptyDesign(type), list);
        const patches = designs.slice(1).map((after, index) => stored(diffDesigns(after, designs[index] as Design)));
        let current = designs.at(-1) as Design;
        for (let index = patches.length - 1; index >= 0; index -= 1) {
          const result = patchDesign(current, patches[index]);
          if (!result.ok) throw new Error(result.message);
          current = result.design;
          expect(exact(current)).toBe(exact(designs[index] as Design));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('records only what changed, and shares everything else with the design it patches', () => {
    const before = restPetStore();
    const pets = Object.values(before.resources).find((resource) => resource.pathPart === 'pets');
    if (!pets) throw new Error('no /pets');
    const after = renameResource(before, pets.id, 'animals');
    const patch = diffDesigns(before, after);
    expect(Object.keys(patch.nested ?? {})).toEqual(['resources']);
    expect(Object.keys(patch.nested?.resources?.set ?? {})).toEqual([pets.id]);
    expect(patch.set).toBeUndefined();
    const rebuilt = patchDesign(before, stored(patch));
    if (!rebuilt.ok) throw new Error(rebuilt.message);
    expect(rebuilt.design.methods).toBe(before.methods);
    expect(rebuilt.design.layout).toBe(before.layout);
    expect(patchWeight(patch)).toBeLessThan(5);
  });

  it('keeps key order when a change reorders a collection', () => {
    const before = updateApi(emptyDesign('HTTP'), { name: 'A' });
    const { name, ...rest } = before.api;
    const reordered: Design = { ...before, api: { ...rest, name } };
    const patch = diffDesigns(before, reordered);
    expect(patch.nested?.api?.order?.at(-1)).toBe('name');
    const rebuilt = patchDesign(before, stored(patch));
    if (!rebuilt.ok) throw new Error(rebuilt.message);
    expect(exact(rebuilt.design)).toBe(exact(reordered));
  });

  it('refuses damaged patches with a reason instead of throwing', () => {
    const design = restPetStore();
    const damaged: unknown[] = [
      null,
      'text',
      [],
      { set: 5 },
      { remove: 'api' },
      { order: ['api', 'nope'] },
      { nested: { api: { nested: { name: {} } } } },
      { nested: { schemaVersion: { set: { a: 1 } } } },
      { set: { api: 1 }, remove: ['api'] },
      JSON.parse('{"set": {"__proto__": {"polluted": true}}}'),
      { order: ['__proto__'] },
    ];
    for (const patch of damaged) {
      const result = patchDesign(design, patch);
      expect(result.ok, JSON.stringify(patch)).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty patch is the same design', () => {
    const design = restPetStore();
    expect(diffDesigns(design, design)).toEqual({});
    const result = patchDesign(design, {});
    expect(result.ok && result.design).toBe(design);
  });
});
