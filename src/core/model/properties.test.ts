import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation } from './apply';
import { checkDesign } from './check-design';
import { type Design, emptyDesign } from './design';
import { commit, createHistory, historyLimit, redo, undo } from './history';
import { parseDesign, serializeDesign } from './parse-design';
import { restPetStore } from './testing/design-builder';
import { operationCount, type RandomEdit, toStep } from './testing/random-operations';

const edit: fc.Arbitrary<RandomEdit> = fc.record({
  operation: fc.nat({ max: operationCount - 1 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom('', ' ', 'x'.repeat(20), '__proto__', 'constructor', '\u202E', 'Pets'), fc.string({ maxLength: 24 })),
});
const startType = fc.constantFrom('REST', 'HTTP', 'WEBSOCKET') as fc.Arbitrary<'REST' | 'HTTP' | 'WEBSOCKET'>;
const edits = fc.array(edit, { minLength: 1, maxLength: 40 });

/** Applies edits in order, skipping refusals; returns the designs reached after each accepted change. */
function run(start: Design, list: RandomEdit[]): Design[] {
  const reached = [start];
  for (const item of list) {
    const before = JSON.stringify(reached.at(-1));
    const result = applyOperation(reached.at(-1) as Design, toStep(item));
    // A refusal or an accepted edit never mutates the design it was given.
    expect(JSON.stringify(reached.at(-1))).toBe(before);
    if (result.ok && result.design !== reached.at(-1)) reached.push(result.design);
  }
  return reached;
}

describe('design model properties', () => {
  it('random operation sequences never produce a design that fails checkDesign', () => {
    fc.assert(
      fc.property(startType, fc.boolean(), edits, (type, rich, list) => {
        const start = rich && type === 'REST' ? restPetStore() : emptyDesign(type);
        for (const design of run(start, list)) expect(checkDesign(design)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('undo k times then redo k times returns the same design', () => {
    fc.assert(
      fc.property(startType, edits, fc.nat({ max: 40 }), (type, list, k) => {
        let history = createHistory(emptyDesign(type));
        let now = 0;
        for (const design of run(history.present, list).slice(1)) {
          now += 1500;
          history = commit(history, design, 'Edit', { now });
        }
        const latest = history.present;
        const steps = Math.min(k, history.past.length);
        for (let index = 0; index < steps; index += 1) history = undo(history);
        expect(history.past.length + history.future.length).toBeLessThanOrEqual(historyLimit + steps);
        for (let index = 0; index < steps; index += 1) history = redo(history);
        expect(history.present).toBe(latest);
        expect(history.future).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('parseDesign(serializeDesign(d)) equals d for designs built by operations', () => {
    fc.assert(
      fc.property(startType, edits, (type, list) => {
        const design = run(emptyDesign(type), list).at(-1) as Design;
        expect(parseDesign(serializeDesign(design))).toEqual({ ok: true, design });
      }),
      { numRuns: 150 },
    );
  });

  it('parseDesign never throws on arbitrary values or JSON text, and leaves Object.prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withDate: true })),
        (value) => {
          const direct = parseDesign(value);
          expect(typeof direct.ok).toBe('boolean');
          const text = JSON.stringify(value);
          if (text !== undefined) expect(typeof parseDesign(text).ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('a damaged saved design is either refused or accepted as a consistent design', () => {
    const saved = JSON.parse(serializeDesign(restPetStore()));
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(saved, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((path) => path.length > 0)),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)),
        (path, value) => {
          const copy = structuredClone(saved);
          let parent = copy;
          for (const key of path.slice(0, -1)) parent = parent[key];
          const last = path.at(-1) as string;
          if (value === undefined) delete parent[last];
          else parent[last] = value;
          const result = parseDesign(JSON.stringify(copy));
          if (result.ok) expect(checkDesign(result.design)).toEqual([]);
          else expect(result.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
