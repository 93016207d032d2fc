import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDesignToDoc, collectionMap, readSessionSettings, writeSessionSettings } from '../core/collab';
import { connectAuthorizer, type Design, deleteAuthorizers, updateBinding, updateMethod } from '../core/model';
import { ids, restPetStore } from '../core/model/testing/design-builder';
import { defaultLimits } from './options';
import { createSession, SessionClient } from './testing/clients';
import { ServeProcess, temporaryFolder } from './testing/processes';
import { RawClient } from './testing/raw-client';

/** One server for this file (a real `portico serve` process); every test makes its own session. */
let server: ServeProcess;
const folder = temporaryFolder('portico-serve-');
const clients: SessionClient[] = [];

function join(sessionId: string, token: string): SessionClient {
  const client = new SessionClient(server.wsUrl, sessionId, token);
  clients.push(client);
  return client;
}

/** Applies a model operation as the app does: to the design read from the client's doc, written back. */
function edit(client: SessionClient, operation: (design: Design) => Design): void {
  const before = client.design();
  applyDesignToDoc(client.doc, before, operation(before));
}

beforeAll(async () => {
  server = await ServeProcess.start({ dataDir: folder.path });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
  folder.remove();
});

describe('portico serve', () => {
  it('answers GET /health with 200 once it accepts connections, and 404 elsewhere', async () => {
    const health = await fetch(`${server.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', rooms: expect.any(Number), connections: expect.any(Number) });
    expect((await fetch(`${server.httpUrl}/nothing`)).status).toBe(404);
    const refused = await fetch(`${server.httpUrl}/sessions`, { method: 'POST', body: JSON.stringify({ design: { api: 'no' } }) });
    expect(refused.status).toBe(400);
  });

  it('three people in one session converge, two of them editing the same method form at once', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const owner = join(session.sessionId, session.tokens.owner);
    const ana = join(session.sessionId, session.tokens.editor);
    const ben = join(session.sessionId, session.tokens.editor);
    await Promise.all([owner.synced(), ana.synced(), ben.synced()]);
    expect(JSON.stringify(ana.design())).toBe(JSON.stringify(owner.design()));
    expect(owner.design().methods[ids.mth('list')]?.httpMethod).toBe('GET');

    edit(ana, (design) => updateMethod(design, ids.mth('list'), { summary: 'List the pets' }));
    edit(ben, (design) => updateBinding(design, ids.mth('list'), { timeoutInMillis: 9000 }));
    const both = (client: SessionClient) => {
      const method = client.read().ok ? client.design().methods[ids.mth('list')] : undefined;
      return method?.summary === 'List the pets' && method.integration?.timeoutInMillis === 9000;
    };
    await Promise.all([owner, ana, ben].map((client) => client.until(() => both(client), 'both edits')));
    expect(JSON.stringify(ana.design())).toBe(JSON.stringify(owner.design()));
    expect(JSON.stringify(ben.design())).toBe(JSON.stringify(owner.design()));

    // Time for an edit to reach another client through the server, over 20 edits.
    const times: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const text = `round ${round}`;
      const started = performance.now();
      edit(ana, (design) => updateMethod(design, ids.mth('get'), { summary: text }));
      await ben.until(() => ben.design().methods[ids.mth('get')]?.summary === text, 'the edit to arrive');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`edit to another client: median ${times[10]?.toFixed(1)} ms, worst ${times[19]?.toFixed(1)} ms`);
    expect(times[10]).toBeLessThan(500);
  });

  it('one deletes an authorizer while another (offline) wires it: everyone converges on a valid design and is told the repair', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const ana = join(session.sessionId, session.tokens.owner);
    const ben = join(session.sessionId, session.tokens.editor);
    await Promise.all([ana.synced(), ben.synced()]);
    ben.socket.disconnect();
    await ben.until(() => ben.closes.length > 0, 'Ben to be offline');
    edit(ben, (design) => connectAuthorizer(design, ids.mth('list'), ids.auth('users')));
    edit(ana, (design) => deleteAuthorizers(design, [ids.auth('users')]));
    await ana.saved();
    await ben.socket.connect();
    const settled = (client: SessionClient) => {
      const read = client.read();
      return (
        read.ok &&
        read.repairs.length === 0 &&
        read.design.authorizers[ids.auth('users')] === undefined &&
        client.notices.some((notice) => notice.type === 'repairs')
      );
    };
    await Promise.all([ana, ben].map((client) => client.until(() => settled(client), 'the repaired design'))).catch((error) => {
      console.log(
        JSON.stringify(server.lines.slice(-12)),
        JSON.stringify(ana.notices),
        JSON.stringify(ben.notices),
        JSON.stringify(ana.read().ok && ana.read()),
        JSON.stringify(ben.closes),
      );
      throw error;
    });
    expect(JSON.stringify(ben.design())).toBe(JSON.stringify(ana.design()));
    expect(ana.design().methods[ids.mth('list')]?.authorizerId).toBeUndefined();
    expect(ana.notices.find((notice) => notice.type === 'repairs')).toEqual({
      type: 'repairs',
      repairs: [
        {
          message: 'GET /pets used an authorizer that was deleted at the same time: it has no authorizer now (open to any caller).',
          elementId: ids.mth('list'),
        },
      ],
    });
    await server.waitForLog((line) => line.event === 'room-repaired' && line.room === session.sessionId, 'the repair in the log');
  });

  it('refuses a viewer’s edit on the server, not only in the UI', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const owner = join(session.sessionId, session.tokens.owner);
    const viewer = join(session.sessionId, session.tokens.viewer);
    await Promise.all([owner.synced(), viewer.synced()]);
    expect(viewer.notices).toContainEqual({ type: 'welcome', role: 'viewer', readOnly: true });
    edit(viewer, (design) => updateMethod(design, ids.mth('list'), { summary: 'written by a viewer' }));
    await server.waitForLog((line) => line.event === 'read-only-update-refused' && line.room === session.sessionId, 'the refusal');
    // The owner edits after: once the viewer sees that, the server has handled the viewer's update before it.
    edit(owner, (design) => updateMethod(design, ids.mth('get'), { summary: 'by the owner' }));
    await viewer.until(() => viewer.design().methods[ids.mth('get')]?.summary === 'by the owner', 'the owner’s edit');
    const fresh = join(session.sessionId, session.tokens.editor);
    await fresh.synced();
    expect(fresh.design().methods[ids.mth('list')]?.summary).toBeUndefined();
    expect(owner.design().methods[ids.mth('list')]?.summary).toBeUndefined();
  });

  it('lets only the owner make the session read-only, which then refuses editors’ edits', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const owner = join(session.sessionId, session.tokens.owner);
    const editor = join(session.sessionId, session.tokens.editor);
    await Promise.all([owner.synced(), editor.synced()]);
    writeSessionSettings(editor.doc, { readOnly: true }, 'ui');
    await editor
      .until(() => editor.closes.some((close) => close.code === 4403), 'the editor to be disconnected')
      .catch((error) => {
        console.log(JSON.stringify(server.lines.slice(-15)), JSON.stringify(editor.closes));
        throw error;
      });
    expect(readSessionSettings(owner.doc).readOnly).toBe(false);
    editor.destroy();

    const student = join(session.sessionId, session.tokens.editor);
    await student.synced();
    writeSessionSettings(owner.doc, { readOnly: true, followOwner: true }, 'ui');
    await student.until(() => student.notices.some((notice) => notice.type === 'mode' && notice.readOnly), 'the read-only mode');
    expect(readSessionSettings(student.doc)).toEqual({ readOnly: true, followOwner: true });
    edit(student, (design) => updateMethod(design, ids.mth('list'), { summary: 'while read-only' }));
    await server.waitForLog((line) => line.event === 'read-only-update-refused' && line.room === session.sessionId, 'the refusal');
    edit(owner, (design) => updateMethod(design, ids.mth('get'), { summary: 'teacher' }));
    await student.until(() => student.design().methods[ids.mth('get')]?.summary === 'teacher', 'the teacher’s edit');
    expect(owner.design().methods[ids.mth('list')]?.summary).toBeUndefined();
  });

  it('lets a standard provider relay the others’ presence, and still refuses a presence claiming another role', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const owner = join(session.sessionId, session.tokens.owner);
    const viewer = join(session.sessionId, session.tokens.viewer);
    await Promise.all([owner.synced(), viewer.synced()]);
    owner.provider.awareness?.setLocalState({ role: 'owner', name: 'Teacher' });
    viewer.provider.awareness?.setLocalState({ role: 'viewer', name: 'Student' });
    // Hocuspocus' provider sends on every presence it learns of, the owner's included: the viewer's
    // connection carries the owner's state back to the server, twice here.
    await viewer.until(() => viewer.presences().some((state) => state.name === 'Teacher'), 'the owner’s presence');
    owner.provider.awareness?.setLocalStateField('selection', ['mth_get']);
    await viewer.until(() => viewer.presences().some((state) => Array.isArray(state.selection)), 'the owner’s selection');
    await owner.until(() => owner.presences().some((state) => state.name === 'Student'), 'the viewer’s presence');
    // Handled in order: once the owner's later edit reaches the viewer, the server has read the relays.
    edit(owner, (design) => updateMethod(design, ids.mth('get'), { summary: 'after the relays' }));
    await viewer.until(() => viewer.design().methods[ids.mth('get')]?.summary === 'after the relays', 'the owner’s edit');
    expect(viewer.closes).toEqual([]);
    expect(server.lines.some((line) => line.event === 'message-refused' && line.room === session.sessionId)).toBe(false);

    // A presence the room does not have yet (a newer clock) that claims the owner's role, from a viewer: refused.
    const poser = await RawClient.open(server.wsUrl, session.sessionId);
    await poser.authenticate(session.tokens.viewer);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 424_242);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, JSON.stringify({ role: 'owner', name: 'Teacher' }));
    poser.sendAwareness(encoding.toUint8Array(encoder));
    expect(await poser.closed).toEqual({ code: 4403, reason: 'forbidden' });
    // So is the owner's own client id with a clock ahead of the room's.
    const ownerClock = (owner.provider.awareness?.meta.get(owner.doc.clientID)?.clock ?? 0) + 5;
    const impostor = await RawClient.open(server.wsUrl, session.sessionId);
    await impostor.authenticate(session.tokens.editor);
    const forged = encoding.createEncoder();
    encoding.writeVarUint(forged, 1);
    encoding.writeVarUint(forged, owner.doc.clientID);
    encoding.writeVarUint(forged, ownerClock);
    encoding.writeVarString(forged, JSON.stringify({ role: 'owner', name: 'Teacher', selection: [] }));
    impostor.sendAwareness(encoding.toUint8Array(forged));
    expect(await impostor.closed).toEqual({ code: 4403, reason: 'forbidden' });
  });

  it('refuses a token of another session or a forged one', async () => {
    const first = await createSession(server.httpUrl);
    const second = await createSession(server.httpUrl);
    const stranger = join(second.sessionId, first.tokens.owner);
    const forger = join(second.sessionId, 'v1.owner.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await stranger.until(() => stranger.authenticationFailed !== undefined, 'the refusal');
    await forger.until(() => forger.authenticationFailed !== undefined, 'the refusal');
    expect(stranger.authenticationFailed).toBe('invalid-token');
  });

  it('refuses oversized, malformed and design-breaking updates, closing only that connection', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const owner = join(session.sessionId, session.tokens.owner);
    await owner.synced();
    const before = JSON.stringify(owner.design());

    const huge = await RawClient.open(server.wsUrl, session.sessionId);
    await huge.authenticate(session.tokens.editor);
    huge.sendUpdate(new Uint8Array(defaultLimits.maxMessageBytes + 1));
    expect((await huge.closed).code).toBe(1009);

    const presence = await RawClient.open(server.wsUrl, session.sessionId);
    await presence.authenticate(session.tokens.editor);
    presence.sendAwareness(new Uint8Array(defaultLimits.maxAwarenessBytes + 1));
    expect(await presence.closed).toEqual({ code: 4413, reason: 'too-large' });

    const garbage = await RawClient.open(server.wsUrl, session.sessionId);
    await garbage.authenticate(session.tokens.editor);
    garbage.sendUpdate(new Uint8Array([1, 2, 3, 4, 5, 250, 251, 252]));
    expect(await garbage.closed).toEqual({ code: 4400, reason: 'malformed-message' });

    const noise = await RawClient.open(server.wsUrl, session.sessionId);
    noise.send(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]));
    expect((await noise.closed).code).toBeGreaterThanOrEqual(4000);

    // A well-formed Yjs update that would make the design unreadable (a verb API Gateway does not have).
    const hostile = await RawClient.open(server.wsUrl, session.sessionId);
    await hostile.authenticate(session.tokens.editor);
    const updateOf = (change: (doc: Y.Doc) => void): Uint8Array => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(owner.doc));
      let update: Uint8Array = new Uint8Array();
      copy.on('update', (bytes: Uint8Array) => {
        update = bytes;
      });
      change(copy);
      return update;
    };
    hostile.sendUpdate(updateOf((doc) => collectionMap(doc, 'methods').get(ids.mth('list'))?.set('httpMethod', 'FETCH')));
    expect(await hostile.closed).toEqual({ code: 4422, reason: 'invalid-design' });
    // Something that is not part of a design at all.
    const intruder = await RawClient.open(server.wsUrl, session.sessionId);
    await intruder.authenticate(session.tokens.editor);
    intruder.sendUpdate(updateOf((doc) => doc.getMap('somethingElse').set('x', 1)));
    expect(await intruder.closed).toEqual({ code: 4403, reason: 'forbidden' });

    // Nothing else was affected: the owner stayed connected, a newcomer reads the same design, the server is up.
    const newcomer = join(session.sessionId, session.tokens.editor);
    await newcomer.synced();
    expect(JSON.stringify(newcomer.design())).toBe(before);
    expect(JSON.stringify(owner.design())).toBe(before);
    expect(owner.closes).toEqual([]);
    expect((await fetch(`${server.httpUrl}/health`)).status).toBe(200);
    const refusals = server.lines
      .filter((line) => line.event === 'message-refused' && line.room === session.sessionId)
      .map((line) => line.reason);
    expect(refusals).toEqual(expect.arrayContaining(['too-large', 'malformed-message', 'invalid-design', 'forbidden']));
  });

  it('closes a connection that sends messages faster than the rate limit', async () => {
    const session = await createSession(server.httpUrl, restPetStore());
    const flood = await RawClient.open(server.wsUrl, session.sessionId);
    await flood.authenticate(session.tokens.editor);
    for (let index = 0; index < defaultLimits.messageBurst + 50; index += 1) flood.sendQueryAwareness();
    expect(await flood.closed).toEqual({ code: 4429, reason: 'rate-limited' });
    expect((await fetch(`${server.httpUrl}/health`)).status).toBe(200);
  });
});
