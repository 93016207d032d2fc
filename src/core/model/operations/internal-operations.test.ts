import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../parse-design';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { setOperationInternal } from './internal-operations';

describe('setOperationInternal', () => {
  it('marks a REST method internal and public again, leaving no field behind', () => {
    const marked = build(restPetStore(), (d) => setOperationInternal(d, ids.mth('list'), true));
    expect(marked.methods[ids.mth('list')]?.internal).toBe(true);
    expect(marked.methods[ids.mth('get')]).not.toHaveProperty('internal');
    const cleared = build(marked, (d) => setOperationInternal(d, ids.mth('list'), false));
    expect(cleared.methods[ids.mth('list')]).not.toHaveProperty('internal');
    // Nothing to change: the same design.
    expect(setOperationInternal(marked, ids.mth('list'), true)).toBe(marked);
  });

  it('marks an HTTP route internal', () => {
    const marked = build(httpPets(), (d) => setOperationInternal(d, ids.rte('list'), true));
    expect(marked.routes[ids.rte('list')]?.internal).toBe(true);
  });

  it('refuses a WebSocket route, whose API has no OpenAPI to leave it out of', () => {
    expect(refusalOf(webSocketChat(), (d) => setOperationInternal(d, ids.rte('send'), true))).toMatchObject({
      code: 'wrong-api-type',
      message: 'WebSocket APIs have no OpenAPI document, so there is no public document to leave this route out of.',
    });
  });

  it('refuses an operation that does not exist', () => {
    expect(refusalOf(restPetStore(), (d) => setOperationInternal(d, ids.mth('gone'), true)).code).toBe('not-found');
  });

  it('is kept by a saved design, and a saved flag that is not true or false is refused', () => {
    const marked = build(restPetStore(), (d) => setOperationInternal(d, ids.mth('list'), true));
    const read = parseDesign(serializeDesign(marked));
    if (!read.ok) throw new Error(read.message);
    expect(read.design.methods[ids.mth('list')]?.internal).toBe(true);
    const bad = JSON.parse(serializeDesign(marked));
    bad.methods[ids.mth('list')].internal = 'yes';
    const refused = parseDesign(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
  });
});
