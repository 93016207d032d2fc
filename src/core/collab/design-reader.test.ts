import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syntheticDesign } from '../examples';
import { updateApi, updateAuthorizer, updateMethod } from '../model';
import { ids, restPetStore } from '../model/testing/design-builder';
import { operationCount, toStep } from '../model/testing/random-operations';
import { DesignReader } from './design-reader';
import { docToDesign } from './doc-to-design';
import { Replica } from './testing/replicas';

/** A remote author and a local doc that receives each of its updates, read by a DesignReader. */
function pair(start = restPetStore()) {
  const author = new Replica('author', start);
  const local = new Y.Doc();
  author.doc.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  author.seed();
  return { author, local, reader: new DesignReader(local) };
}

describe('DesignReader', () => {
  it('reads what docToDesign reads, text for text, after every kind of remote change', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              operation: fc.nat({ max: operationCount - 1 }),
              a: fc.nat({ max: 8 }),
              b: fc.nat({ max: 8 }),
              text: fc.constant('x'),
            }),
            fc.record({ summary: fc.string({ maxLength: 6 }), method: fc.constantFrom('list', 'get', 'create', 'gone') }),
          ),
          { maxLength: 25 },
        ),
        (edits) => {
          const { author, local, reader } = pair();
          for (const edit of edits) {
            if ('summary' in edit) author.edit((d) => updateMethod(d, ids.mth(edit.method), { summary: edit.summary || undefined }));
            else author.edit(toStep(edit));
            const expected = docToDesign(local);
            const read = reader.read();
            expect(JSON.stringify(read)).toBe(JSON.stringify(expected));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('patches typing into the last design, and keeps every element that did not change', () => {
    const { author, reader } = pair(syntheticDesign({ operations: 300, seed: 5 }));
    const first = reader.read();
    if (!first.ok) throw new Error(first.message);
    expect(reader.read()).toBe(first);
    const [one, two] = Object.keys(first.design.methods) as (keyof typeof first.design.methods)[];
    author.edit((d) => updateMethod(d, one as typeof one & string, { summary: 'Typed', description: 'More' }));
    author.edit((d) => updateApi(d, { name: 'Renamed API' }));
    const second = reader.read();
    if (!second.ok) throw new Error(second.message);
    expect(reader.fullReads).toBe(1);
    expect(second.design.methods[one as typeof one & string]).toMatchObject({ summary: 'Typed', description: 'More' });
    expect(second.design.api.name).toBe('Renamed API');
    expect(second.design.methods[two as typeof two & string]).toBe(first.design.methods[two as typeof two & string]);
    expect(second.design.resources).toBe(first.design.resources);

    // A change that is not text is read whole; unchanged elements still keep their objects.
    author.edit((d) => updateMethod(d, two as typeof two & string, { apiKeyRequired: true }));
    const third = reader.read();
    if (!third.ok) throw new Error(third.message);
    expect(reader.fullReads).toBe(2);
    expect(third.design.methods[two as typeof two & string]?.apiKeyRequired).toBe(true);
    expect(third.design.methods[one as typeof one & string]).toBe(second.design.methods[one as typeof one & string]);
    expect(third.design.resources).toBe(first.design.resources);
  });

  it('reads a required name taken away in full (where the gate refuses it)', () => {
    const { author, local, reader } = pair();
    reader.read();
    author.edit((d) => updateAuthorizer(d, ids.auth('users'), { name: 'Users' }));
    expect(reader.read().ok).toBe(true);
    const fullReads = reader.fullReads;
    const element = local.getMap('authorizers').get(ids.auth('users')) as Y.Map<unknown>;
    element.delete('name');
    expect(reader.read()).toMatchObject({ ok: false, code: 'invalid' });
    expect(reader.fullReads).toBe(fullReads + 1);
  });
});
