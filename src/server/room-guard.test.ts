import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDesignToDoc, collectionMap, designToDoc, docToDesign, writeSessionSettings } from '../core/collab';
import { type Design, moveCards, updateAuthorizer, updateMethod } from '../core/model';
import { ids, restPetStore } from '../core/model/testing/design-builder';
import { defaultLimits } from './options';
import { RoomGuard } from './room-guard';

/** A room holding the pet store, its guard, and a client's copy of it. */
function room(limits = defaultLimits) {
  const doc = new Y.Doc();
  designToDoc(doc, restPetStore(), 'server');
  const guard = new RoomGuard(doc, limits);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const change = (write: (copy: Y.Doc) => void): Uint8Array => {
    let update: Uint8Array = new Uint8Array();
    const capture = (bytes: Uint8Array) => {
      update = bytes;
    };
    client.on('update', capture);
    write(client);
    client.off('update', capture);
    return update;
  };
  return { doc, guard, client, change };
}

const editDesign = (operation: (design: Design) => Design) => (copy: Y.Doc) => {
  const read = docToDesign(copy);
  if (!read.ok) throw new Error(read.message);
  applyDesignToDoc(copy, read.design, operation(read.design));
};

describe('RoomGuard', () => {
  it('accepts edits of the design and an owner’s settings', () => {
    const { guard, change } = room();
    expect(guard.check(change(editDesign((d) => updateMethod(d, ids.mth('list'), { summary: 'typed' }))), 'editor')).toEqual({
      needsRepair: false,
    });
    expect(guard.check(change(editDesign((d) => updateMethod(d, ids.mth('list'), { httpMethod: 'PUT' }))), 'editor')).toEqual({
      needsRepair: false,
    });
    expect(
      guard.check(
        change((copy) => writeSessionSettings(copy, { readOnly: true }, 'ui')),
        'owner',
      ),
    ).toEqual({ needsRepair: false });
  });

  it('refuses a free-text field given a value of another type, or a required name taken away', () => {
    const { guard, change } = room();
    expect(
      guard.check(
        change((copy) => collectionMap(copy, 'methods').get(ids.mth('list'))?.set('summary', 42)),
        'editor',
      ).refusal?.reason,
    ).toBe('invalid-design');
    const second = room();
    expect(
      second.guard.check(
        second.change((copy) => collectionMap(copy, 'authorizers').get(ids.auth('users'))?.delete('name')),
        'editor',
      ).refusal?.reason,
    ).toBe('invalid-design');
    const third = room();
    expect(third.guard.check(third.change(editDesign((d) => updateAuthorizer(d, ids.auth('users'), { name: 'Users' }))), 'editor')).toEqual(
      { needsRepair: false },
    );
  });

  it('accepts moving cards without reading the design, and refuses a position that is not one', () => {
    const { guard, change } = room();
    expect(guard.check(change(editDesign((d) => moveCards(d, { [ids.res('pets')]: { x: 900, y: 40 } }))), 'editor')).toEqual({
      needsRepair: false,
    });
    expect(
      guard.check(
        change((copy) => copy.getMap('layout').set(ids.res('pets'), { x: 'left', y: 0 })),
        'editor',
      ).refusal?.reason,
    ).toBe('invalid-design');
  });

  it('refuses settings changed by anyone but the owner, and types no design has', () => {
    const { guard, change } = room();
    expect(
      guard.check(
        change((copy) => writeSessionSettings(copy, { followOwner: true }, 'ui')),
        'editor',
      ).refusal?.reason,
    ).toBe('forbidden');
    const other = room();
    expect(
      other.guard.check(
        other.change((copy) => copy.getArray('notes').push(['x'])),
        'editor',
      ).refusal?.reason,
    ).toBe('forbidden');
  });

  it('checks each update on what it accepted before: a refused one leaves no trace for the next', () => {
    const { doc, guard, change } = room();
    const bad = change((copy) => collectionMap(copy, 'methods').get(ids.mth('list'))?.set('httpMethod', 'FETCH'));
    expect(guard.check(bad, 'editor').refusal?.reason).toBe('invalid-design');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    let good: Uint8Array = new Uint8Array();
    fresh.on('update', (bytes: Uint8Array) => {
      good = bytes;
    });
    editDesign((d) => updateMethod(d, ids.mth('get'), { description: 'fine' }))(fresh);
    expect(guard.check(good, 'editor')).toEqual({ needsRepair: false });
  });

  it('refuses an update that would make the room larger than the limit', () => {
    const { guard, change } = room({ ...defaultLimits, maxDocumentBytes: 20_000 });
    expect(
      guard.check(change(editDesign((d) => updateMethod(d, ids.mth('list'), { description: 'x'.repeat(30_000) }))), 'editor').refusal
        ?.reason,
    ).toBe('too-large');
  });

  it('says when an accepted update needs a repair once merged', () => {
    const { doc, guard } = room();
    // Someone deleted the authorizer; this client, not knowing, wires it.
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(doc));
    collectionMap(doc, 'authorizers').delete(ids.auth('users'));
    let update: Uint8Array = new Uint8Array();
    stale.on('update', (bytes: Uint8Array) => {
      update = bytes;
    });
    collectionMap(stale, 'methods').get(ids.mth('list'))?.set('authorizerId', ids.auth('users'));
    expect(guard.check(update, 'editor')).toEqual({ needsRepair: true });
  });
});
