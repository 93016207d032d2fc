import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDesign, type Design, emptyDesign } from '../model';
import { httpPets, restPetStore, webSocketChat } from '../model/testing/design-builder';
import { operationCount, type RandomEdit, toStep } from '../model/testing/random-operations';
import { docToDesign, repairDoc } from './doc-to-design';
import { Replica, syncAll } from './testing/replicas';

const edit: fc.Arbitrary<RandomEdit> = fc.record({
  operation: fc.nat({ max: operationCount - 1 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  text: fc.constantFrom('', 'x', 'Pets', '__proto__'),
});

type Action = { kind: 'edit'; replica: number; edit: RandomEdit } | { kind: 'deliver'; from: number; to: number; reversed: boolean };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat({ max: 2 }), edit }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: fc.nat({ max: 2 }),
      to: fc.nat({ max: 2 }),
      reversed: fc.boolean(),
    }),
  },
);

const starts: Record<string, () => Design> = {
  'REST pet store': restPetStore,
  'HTTP pets': httpPets,
  'WebSocket chat': webSocketChat,
  'empty REST': () => emptyDesign('REST'),
};

/** Plays the actions on three replicas, then syncs them all; checks they converge; returns the repairs. */
function play(design: Design, actions: Action[]): string[] {
  const replicas = [0, 1, 2].map((index) => new Replica(`client ${index}`, design));
  replicas[0]?.seed();
  syncAll(replicas);
  // delivered[from][to]: how much of `from`'s log `to` has been given directly.
  const delivered = replicas.map(() => replicas.map(() => 0));
  // Once an update was delivered before one it depends on, logs hold its deletions apart from its
  // insertions (Yjs applied the first at once and held the second back), and a replica may briefly read a
  // field as missing: the app then keeps its design. Until then, every read must succeed.
  let disordered = false;
  for (const step of actions) {
    if (step.kind === 'edit') {
      (replicas[step.replica] as Replica).edit(toStep(step.edit));
      continue;
    }
    if (step.from === step.to) continue;
    const from = replicas[step.from] as Replica;
    const to = replicas[step.to] as Replica;
    const row = delivered[step.from] as number[];
    const pending = from.log.slice(row[step.to]);
    row[step.to] = from.log.length;
    // Reversed, an update arrives before one it depends on: Yjs holds it back until that one arrives.
    if (step.reversed && pending.length > 1) disordered = true;
    for (const update of step.reversed ? pending.reverse() : pending) to.receive(update, !disordered);
  }
  syncAll(replicas);
  const reads = replicas.map((replica) => docToDesign(replica.doc));
  const first = reads[0];
  if (!first?.ok) throw new Error(first?.message);
  for (const read of reads) {
    if (!read.ok) throw new Error(read.message);
    expect(JSON.stringify(read.design)).toBe(JSON.stringify(first.design));
    expect(read.repairs).toEqual(first.repairs);
  }
  expect(checkDesign(first.design)).toEqual([]);
  // The server writes the repairs; afterwards nobody needs one and the design is the same.
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(replicas[0]?.doc as Y.Doc));
  repairDoc(server, 'server');
  const repaired = docToDesign(server);
  if (!repaired.ok) throw new Error(repaired.message);
  expect(repaired.repairs).toEqual([]);
  expect(JSON.stringify(repaired.design)).toBe(JSON.stringify(first.design));
  return first.repairs.map((repair) => repair.message);
}

/** Edits that touch the same few elements of a REST design: resources, methods, wiring, stages, plans. */
const conflictingOperations = [
  0, 1, 2, 3, 4, 5, 6, 7, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 25, 27, 28, 29, 31, 33, 37, 38, 39, 40, 41, 42,
];
const conflictingEdit: fc.Arbitrary<RandomEdit> = fc.record({
  operation: fc.constantFrom(...conflictingOperations),
  a: fc.nat({ max: 5 }),
  b: fc.nat({ max: 5 }),
  text: fc.constantFrom('', 'x', 'pets'),
});
const conflictingAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat({ max: 2 }), edit: conflictingEdit }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: fc.nat({ max: 2 }),
      to: fc.nat({ max: 2 }),
      reversed: fc.boolean(),
    }),
  },
);

describe('live sessions converge', () => {
  it('three clients making random edits, exchanging updates in random orders, end with the same valid design', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(starts)), fc.array(action, { minLength: 1, maxLength: 30 }), (start, actions) => {
        play((starts[start] as () => Design)(), actions);
      }),
      { numRuns: 200 },
    );
  }, 180_000);

  it('three clients editing the same few resources, methods and wirings at once converge, repaired where needed', () => {
    let runsWithRepairs = 0;
    fc.assert(
      fc.property(fc.array(conflictingAction, { minLength: 4, maxLength: 30 }), (actions) => {
        if (play(restPetStore(), actions).length > 0) runsWithRepairs += 1;
      }),
      { numRuns: 200 },
    );
    // The runs must reach conflicts, or this test would prove nothing about repairs.
    expect(runsWithRepairs).toBeGreaterThan(10);
  }, 180_000);
});
