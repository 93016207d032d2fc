import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { examples, syntheticDesign } from '../examples';
import { checkDesign, type Design, emptyDesign, parseDesign, updateMethod } from '../model';
import { httpPets, ids, restPetStore, webSocketChat } from '../model/testing/design-builder';
import { collectionMap, orderArray } from './doc-layout';
import { docToDesign, repairDoc } from './doc-to-design';
import { readDocJson } from './read-doc';
import { applyDesignToDoc, designToDoc } from './write-design';

function roundTrip(design: Design): Design {
  const doc = new Y.Doc();
  designToDoc(doc, design);
  const read = docToDesign(doc);
  if (!read.ok) throw new Error(read.message);
  expect(read.repairs).toEqual([]);
  return read.design;
}

/** The same design in every client's copy: same JSON text, so key order (which exports follow) too. */
function sameText(a: Design, b: Design): void {
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
}

describe('a design in a shared doc', () => {
  it.each<[string, Design]>([
    ...examples.map((example): [string, Design] => [example.id, example.build()]),
    ['builder REST', restPetStore()],
    ['builder HTTP', httpPets()],
    ['builder WebSocket', webSocketChat()],
    ['empty HTTP', emptyDesign('HTTP')],
    ['synthetic 200', syntheticDesign({ operations: 200, seed: 7 })],
  ])('%s reads back as the same design, collections in the same order', (_name, design) => {
    const read = roundTrip(design);
    // What the model's gate makes of the design (a design without positions is laid out).
    const gated = parseDesign(design);
    if (!gated.ok) throw new Error(gated.message);
    expect(read).toEqual(gated.design);
    for (const key of Object.keys(design) as (keyof Design)[])
      if (typeof design[key] === 'object' && !Array.isArray(design[key]) && key !== 'api' && key !== 'layout')
        expect(Object.keys(read[key] as object)).toEqual(Object.keys(design[key] as object));
  });

  it('reads the same text from two docs that received the same updates in different orders', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const seed = new Y.Doc();
    designToDoc(seed, restPetStore());
    const base = Y.encodeStateAsUpdate(seed);
    Y.applyUpdate(a, base);
    Y.applyUpdate(b, base);
    const design = restPetStore();
    const updates: Uint8Array[] = [];
    a.on('update', (update: Uint8Array) => updates.push(update));
    b.on('update', (update: Uint8Array) => updates.push(update));
    applyDesignToDoc(a, design, updateMethod(design, ids.mth('list'), { summary: 'List pets', tags: ['pets'] }));
    applyDesignToDoc(b, design, updateMethod(design, ids.mth('get'), { description: 'One pet' }));
    const c = new Y.Doc();
    const d = new Y.Doc();
    Y.applyUpdate(c, base);
    Y.applyUpdate(d, base);
    for (const update of updates) Y.applyUpdate(c, update);
    for (const update of [...updates].reverse()) Y.applyUpdate(d, update);
    const fromC = docToDesign(c);
    const fromD = docToDesign(d);
    if (!fromC.ok || !fromD.ok) throw new Error('unreadable');
    sameText(fromC.design, fromD.design);
  });

  it('writes only what changed: an edit to one method is one small update', () => {
    const design = syntheticDesign({ operations: 1000, seed: 3 });
    const doc = new Y.Doc();
    designToDoc(doc, design);
    const full = Y.encodeStateAsUpdate(doc).byteLength;
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (bytes: Uint8Array) => {
      update = bytes;
    });
    const methodId = Object.keys(design.methods)[500] as keyof Design['methods'];
    const started = performance.now();
    applyDesignToDoc(doc, design, updateMethod(design, methodId, { summary: 'Changed' }));
    const took = performance.now() - started;
    expect(update.byteLength).toBeLessThan(200);
    expect(full).toBeGreaterThan(100_000);
    expect(took).toBeLessThan(50);
  });

  it('says an empty doc holds no design yet', () => {
    const read = docToDesign(new Y.Doc());
    expect(read).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses, without throwing, a doc that holds what no client writes', () => {
    const damaged = (mutate: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      designToDoc(doc, restPetStore());
      mutate(doc);
      return docToDesign(doc);
    };
    expect(damaged((doc) => collectionMap(doc, 'methods').get(ids.mth('list'))?.set('httpMethod', 'FETCH'))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(damaged((doc) => collectionMap(doc, 'methods').get(ids.mth('list'))?.set('responses', 7))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(damaged((doc) => collectionMap(doc, 'methods').get(ids.mth('list'))?.delete('apiKeyRequired'))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(damaged((doc) => (collectionMap(doc, 'methods') as unknown as Y.Map<unknown>).set('mth_x', 'not an element'))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(damaged((doc) => doc.getMap('api').set('name', new Y.Map()))).toMatchObject({ ok: false, code: 'invalid' });
    expect(damaged((doc) => doc.getMap('meta').set('schemaVersion', 99))).toMatchObject({ ok: false, code: 'newer-version' });
    expect(damaged((doc) => orderArray(doc, 'methods').insert(0, [7 as unknown as string]))).toMatchObject({ ok: true });
  });

  it('repairDoc writes a repair once: afterwards the doc reads with no repair and the same design', () => {
    const doc = new Y.Doc();
    designToDoc(doc, restPetStore());
    // A method that names an authorizer the doc does not have (as after a concurrent delete).
    collectionMap(doc, 'methods').get(ids.mth('list'))?.set('authorizerId', 'auth_gone');
    const first = docToDesign(doc);
    if (!first.ok) throw new Error(first.message);
    expect(first.repairs).toHaveLength(1);
    repairDoc(doc, 'server');
    const second = docToDesign(doc);
    if (!second.ok) throw new Error(second.message);
    expect(second.repairs).toEqual([]);
    sameText(second.design, first.design);
    expect(checkDesign(second.design)).toEqual([]);
    expect(readDocJson(doc).methods).not.toHaveProperty([ids.mth('list'), 'authorizerId']);
  });
});
