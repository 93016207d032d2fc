import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../core/examples';
import {
  applyOperation,
  autoLayout,
  commit,
  createHistory,
  type Design,
  emptyDesign,
  type History,
  historyLimit,
  type MethodId,
  moveCards,
  redo,
  undo,
  updateMethod,
} from '../../core/model';
import { operationCount, type RandomEdit, toStep } from '../../core/model/testing/random-operations';
import { decodeHistory, encodeHistory } from './stored-history';

const edit: fc.Arbitrary<RandomEdit> = fc.record({
  operation: fc.nat({ max: operationCount - 1 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  text: fc.string({ maxLength: 12 }),
});

/** Stored and read back as IndexedDB does. */
const stored = <T>(value: T): T => structuredClone(value);
const exact = (design: Design) => JSON.stringify(design);

function historyOf(start: Design, edits: RandomEdit[], undos: number): History {
  let history = createHistory(start);
  let now = 0;
  for (const item of edits) {
    const result = applyOperation(history.present, toStep(item));
    if (!result.ok) continue;
    now += 2000;
    history = commit(history, result.design, `Edit ${item.operation}`, { now });
  }
  for (let index = 0; index < undos; index += 1) history = undo(history);
  return history;
}

describe('stored undo history', () => {
  it('rebuilds past and future exactly after a store and read back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('REST', 'HTTP', 'WEBSOCKET') as fc.Arbitrary<'REST' | 'HTTP'>,
        fc.array(edit, { maxLength: 30 }),
        fc.nat({ max: 10 }),
        (type, edits, undos) => {
          const history = historyOf(emptyDesign(type), edits, undos);
          const present = stored(history.present);
          const decoded = decodeHistory(present, stored(encodeHistory(history, 'dsn_a', 3)), 'dsn_a', 3);
          if (!decoded.ok) throw new Error(decoded.message);
          expect(decoded.dropped).toBeUndefined();
          expect(decoded.history.past.map((entry) => entry.label)).toEqual(history.past.map((entry) => entry.label));
          expect(decoded.history.future.map((entry) => entry.label)).toEqual(history.future.map((entry) => entry.label));
          decoded.history.past.forEach((entry, index) => {
            expect(exact(entry.design)).toBe(exact(history.past[index]?.design as Design));
          });
          decoded.history.future.forEach((entry, index) => {
            expect(exact(entry.design)).toBe(exact(history.future[index]?.design as Design));
          });
          expect(decoded.unverified).toHaveLength(history.past.length + history.future.length);
          // Undo and redo walk the rebuilt history as they walked the original.
          let rebuilt = decoded.history;
          let original = history;
          while (rebuilt.past.length > 0) {
            rebuilt = undo(rebuilt);
            original = undo(original);
            expect(exact(rebuilt.present)).toBe(exact(original.present));
          }
          while (rebuilt.future.length > 0) {
            rebuilt = redo(rebuilt);
            original = redo(original);
            expect(exact(rebuilt.present)).toBe(exact(original.present));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('drops a damaged step and everything older, never the design', () => {
    const history = historyOf(
      emptyDesign('REST'),
      [0, 1, 2, 3, 4].map((a) => ({ operation: 0, a: 0, b: a, text: '' })),
      0,
    );
    expect(history.past.length).toBeGreaterThan(2);
    const encoded = stored(encodeHistory(history, 'dsn_a', 1));
    (encoded.past[1] as { patch: unknown }).patch = { set: 5 };
    const decoded = decodeHistory(history.present, encoded, 'dsn_a', 1);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.dropped).toMatch(/damaged/);
    expect(decoded.history.past).toHaveLength(history.past.length - 2);
    expect(decoded.history.present).toBe(history.present);
  });

  it('does not use a history of another revision or format', () => {
    const history = historyOf(emptyDesign('REST'), [{ operation: 0, a: 0, b: 1, text: '' }], 0);
    const encoded = encodeHistory(history, 'dsn_a', 1);
    expect(decodeHistory(history.present, encoded, 'dsn_a', 2).ok).toBe(false);
    expect(decodeHistory(history.present, { ...encoded, format: 'x' }, 'dsn_a', 1).ok).toBe(false);
    expect(decodeHistory(history.present, 'junk', 'dsn_a', 1).ok).toBe(false);
    expect(decodeHistory(history.present, undefined, 'dsn_a', 1)).toMatchObject({ ok: true, history: { past: [], future: [] } });
  });

  it('stores 200 small edits of a 1,000-operation design in a small fraction of one copy of it', () => {
    const start = autoLayout(syntheticDesign({ operations: 1000, seed: 1 }));
    const methods = Object.keys(start.methods) as MethodId[];
    const cards = Object.keys(start.layout);
    let history = createHistory(start);
    for (let index = 0; index < historyLimit; index += 1) {
      const step =
        index % 2 === 0
          ? (design: Design) => updateMethod(design, methods[(index * 7) % methods.length] as MethodId, { summary: `Summary ${index}` })
          : (design: Design) => {
              const id = cards[(index * 13) % cards.length] as string;
              const at = design.layout[id as keyof Design['layout']] ?? { x: 0, y: 0 };
              return moveCards(design, { [id]: { x: at.x + 40, y: at.y + 16 } });
            };
      const result = applyOperation(history.present, step);
      if (!result.ok) throw new Error(result.error.message);
      history = commit(history, result.design, 'Edit', { now: index * 2000 });
    }
    expect(history.past).toHaveLength(historyLimit);
    const started = performance.now();
    const encoded = encodeHistory(history, 'dsn_big', 1);
    const encodeMs = performance.now() - started;
    const historyBytes = JSON.stringify(encoded).length;
    const designBytes = JSON.stringify(start).length;
    const decodeStarted = performance.now();
    const decoded = decodeHistory(history.present, stored(encoded), 'dsn_big', 1);
    const decodeMs = performance.now() - decodeStarted;
    if (!decoded.ok) throw new Error(decoded.message);
    expect(exact(decoded.history.past[0]?.design as Design)).toBe(exact(history.past[0]?.design as Design));
    console.info(
      `200 small edits of a 1,000-operation design: stored history ${(historyBytes / 1024).toFixed(1)} KB ` +
        `(one copy of the design ${(designBytes / 1024).toFixed(0)} KB; 200 copies ${((designBytes * 200) / 1024 / 1024).toFixed(0)} MB); ` +
        `encode ${encodeMs.toFixed(0)} ms, rebuild ${decodeMs.toFixed(0)} ms`,
    );
    expect(historyBytes).toBeLessThan(designBytes / 4);
  });
});
