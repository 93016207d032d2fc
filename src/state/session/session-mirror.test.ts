import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { designToDoc, docToDesign } from '../../core/collab';
import {
  addIntegration,
  connectAuthorizer,
  createHistory,
  type Design,
  deleteAuthorizers,
  parseDesign,
  updateApi,
  updateMethod,
} from '../../core/model';
import { coveredCards } from '../../core/model/testing/card-overlaps';
import { ids, restPetStore } from '../../core/model/testing/design-builder';
import { createPorticoStore, type PorticoStore } from '../store';
import { SessionMirror } from './session-mirror';

/** A participant: a store showing the session's design, a doc, and a mirror between them. */
interface Person {
  store: PorticoStore;
  doc: Y.Doc;
  mirror: SessionMirror;
  refusal?: string;
}

/** Docs linked in memory as the server links them; `offline` holds a person's updates until `online`. */
class Room {
  readonly people: Person[] = [];
  private readonly held = new Map<Y.Doc, Uint8Array[]>();

  join(design: Design, options: { refusal?: string } = {}): Person {
    const doc = new Y.Doc();
    if (this.people.length === 0) designToDoc(doc, design, 'server');
    else Y.applyUpdate(doc, Y.encodeStateAsUpdate((this.people[0] as Person).doc), 'remote');
    const store = createPorticoStore(design);
    store.getState().showDesign('dsn_session', createHistory(design));
    const person = { store, doc } as Person;
    if (options.refusal) person.refusal = options.refusal;
    person.mirror = new SessionMirror(store, doc, { designId: 'dsn_session', refusal: () => person.refusal });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      const held = this.held.get(doc);
      if (held) held.push(update);
      else this.send(doc, update);
    });
    this.people.push(person);
    return person;
  }

  private send(from: Y.Doc, update: Uint8Array) {
    for (const other of this.people) if (other.doc !== from && !this.held.has(other.doc)) Y.applyUpdate(other.doc, update, 'remote');
  }

  offline(person: Person) {
    this.held.set(person.doc, []);
  }

  /** Back online: what each side missed is exchanged (as a provider's sync does). */
  online(person: Person) {
    const held = this.held.get(person.doc) ?? [];
    this.held.delete(person.doc);
    for (const other of this.people) {
      if (other === person) continue;
      Y.applyUpdate(person.doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(person.doc)), 'remote');
    }
    for (const update of held) this.send(person.doc, update);
  }
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const design = (person: Person) => person.store.getState().history.present;

function edit(person: Person, label: string, operation: (design: Design) => Design): void {
  expect(person.store.getState().apply(label, operation)).toBe(true);
}

async function started(room: Room, people: Person[]) {
  for (const person of people) expect(person.mirror.start()).toEqual({ ok: true });
  await settle();
  return room;
}

describe('a live session mirrored into the store', () => {
  it('shows each person’s edits to the others, as the present, without an undo step of theirs', async () => {
    const room = new Room();
    const ana = room.join(restPetStore());
    const ben = room.join(restPetStore());
    await started(room, [ana, ben]);
    edit(ana, 'Summary', (d) => updateMethod(d, ids.mth('list'), { summary: 'List pets' }));
    await settle();
    expect(design(ben).methods[ids.mth('list')]?.summary).toBe('List pets');
    expect(ben.store.getState().history.past).toHaveLength(0);
    expect(ana.store.getState().history.past.map((step) => step.label)).toEqual(['Summary']);
  });

  it('undoes one’s own changes only, step by step, and redoes them', async () => {
    const room = new Room();
    const ana = room.join(restPetStore());
    const ben = room.join(restPetStore());
    await started(room, [ana, ben]);
    edit(ana, 'Summary', (d) => updateMethod(d, ids.mth('list'), { summary: 'List pets' }));
    // Typing coalesces into one step, in the store and in the doc alike.
    edit(ana, 'Description', (d) => updateMethod(d, ids.mth('list'), { description: 'A' }));
    ana.store.getState().apply('Description', (d) => updateMethod(d, ids.mth('list'), { description: 'Al' }), { coalesceKey: 'd' });
    ana.store.getState().apply('Description', (d) => updateMethod(d, ids.mth('list'), { description: 'All' }), { coalesceKey: 'd' });
    edit(ben, 'Rename API', (d) => updateApi(d, { name: 'Ben’s pets' }));
    await settle();
    expect(ana.store.getState().history.past.map((step) => step.label)).toEqual(['Summary', 'Description', 'Description']);

    ana.store.getState().undo();
    await settle();
    expect(design(ana).methods[ids.mth('list')]?.description).toBe('A');
    ana.store.getState().undo();
    ana.store.getState().undo();
    await settle();
    for (const person of [ana, ben]) {
      expect(design(person).methods[ids.mth('list')]?.summary).toBeUndefined();
      expect(design(person).methods[ids.mth('list')]?.description).toBeUndefined();
      // Ben's change made in between stays.
      expect(design(person).api.name).toBe('Ben’s pets');
    }
    expect(ana.store.getState().history.future.map((step) => step.label)).toEqual(['Description', 'Description', 'Summary']);
    ana.store.getState().redo();
    await settle();
    expect(design(ben).methods[ids.mth('list')]?.summary).toBe('List pets');
    expect(ana.store.getState().history.past.map((step) => step.label)).toEqual(['Summary']);
  });

  it('merges an edit made offline, and a deleted authorizer someone was wiring, to one valid design everywhere', async () => {
    const room = new Room();
    const ana = room.join(restPetStore());
    const ben = room.join(restPetStore());
    const cleo = room.join(restPetStore());
    await started(room, [ana, ben, cleo]);
    room.offline(ben);
    edit(ana, 'Delete authorizer', (d) => deleteAuthorizers(d, [ids.auth('users')]));
    edit(ben, 'Wire authorizer', (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('users')));
    edit(ben, 'Summary', (d) => updateMethod(d, ids.mth('list'), { summary: 'made offline' }));
    await settle();
    expect(design(cleo).authorizers[ids.auth('users')]).toBeUndefined();
    room.online(ben);
    await settle();
    const results = [ana, ben, cleo].map((person) => design(person));
    for (const result of results) {
      expect(JSON.stringify(result)).toBe(JSON.stringify(results[0]));
      expect(parseDesign(result).ok).toBe(true);
      expect(result.methods[ids.mth('list')]?.authorizerId).toBeUndefined();
      expect(result.methods[ids.mth('list')]?.summary).toBe('made offline');
    }
  });

  it('separates cards two people dropped on one spot at once, the same on every screen and in the doc', async () => {
    const room = new Room();
    const ana = room.join(restPetStore());
    const ben = room.join(restPetStore());
    const viewer = room.join(restPetStore(), { refusal: 'viewer' });
    await started(room, [ana, ben, viewer]);
    room.offline(ben);
    const spot = { x: 1200, y: 600 };
    edit(ana, 'Add integration', (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('ana'), position: spot }));
    edit(ben, 'Add integration', (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('ben'), position: spot }));
    room.online(ben);
    await settle();
    await settle();
    const results = [ana, ben, viewer].map((person) => design(person));
    for (const result of results) {
      expect(coveredCards(result)).toEqual([]);
      expect(result.layout).toEqual(results[0]?.layout);
    }
    // The fix is in the doc (the same positions written by both), so a newcomer reads it too.
    const read = docToDesign(viewer.doc);
    expect(read.ok && coveredCards(read.design)).toEqual([]);
    expect(read.ok && read.design.layout).toEqual(results[0]?.layout);
    // Neither person's undo history got a step for it.
    expect(ana.store.getState().history.past).toHaveLength(1);
  });

  it('refuses edits while the session refuses them, and writes nothing', async () => {
    const room = new Room();
    const ana = room.join(restPetStore());
    const viewer = room.join(restPetStore(), { refusal: 'You are a viewer in this live session.' });
    await started(room, [ana, viewer]);
    const before = Y.encodeStateVector(viewer.doc);
    expect(viewer.store.getState().apply('Rename', (d) => updateApi(d, { name: 'No' }))).toBe(false);
    expect(viewer.store.getState().notices.at(-1)?.message).toBe('You are a viewer in this live session.');
    expect(Y.encodeStateVector(viewer.doc)).toEqual(before);
    expect(design(ana).api.name).toBe('Pet store');
  });

  it('lets go of the store when another design opens (a fork): that design edits and undoes on its own', async () => {
    const room = new Room();
    const ana = room.join(restPetStore());
    const viewer = room.join(restPetStore(), { refusal: 'You are a viewer in this live session.' });
    await started(room, [ana, viewer]);
    viewer.store.getState().openNewDesign(design(viewer), { label: 'a copy of the live session', origin: 'duplicate' });
    edit(viewer, 'Rename API', (d) => updateApi(d, { name: 'My fork' }));
    await settle();
    expect(design(ana).api.name).toBe('Pet store');
    viewer.store.getState().undo();
    expect(design(viewer).api.name).toBe('Pet store');
    expect(viewer.store.getState().history.future.map((step) => step.label)).toEqual(['Rename API']);
  });

  it('writes what changed before it started (offline, or while connecting) as edits over what the doc held', async () => {
    const room = new Room();
    const base = restPetStore();
    const ana = room.join(base);
    const ben = room.join(base);
    expect(ben.mirror.start()).toEqual({ ok: true });
    edit(ben, 'Rename API', (d) => updateApi(d, { name: 'Renamed by Ben' }));
    // Ana changed her copy before connecting; the doc meanwhile has Ben's change.
    ana.store.getState().apply('Summary', (d) => updateMethod(d, ids.mth('get'), { summary: 'Get a pet' }));
    expect(ana.mirror.start(base)).toEqual({ ok: true });
    await settle();
    for (const person of [ana, ben]) {
      expect(design(person).api.name).toBe('Renamed by Ben');
      expect(design(person).methods[ids.mth('get')]?.summary).toBe('Get a pet');
    }
    expect(ana.store.getState().history.past).toHaveLength(0);
  });
});
