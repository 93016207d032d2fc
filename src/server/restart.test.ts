import { afterAll, describe, expect, it } from 'vitest';
import { applyDesignToDoc } from '../core/collab';
import { addResource, type Design, updateMethod } from '../core/model';
import { ids, restPetStore } from '../core/model/testing/design-builder';
import { createSession, SessionClient } from './testing/clients';
import { freePort, ServeProcess, temporaryFolder } from './testing/processes';

const folder = temporaryFolder('portico-restart-');
const servers: ServeProcess[] = [];
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const server of servers) await server.stop('SIGKILL');
  folder.remove();
});

async function start(port: number): Promise<ServeProcess> {
  const server = await ServeProcess.start({ dataDir: folder.path, port });
  servers.push(server);
  return server;
}

function edit(client: SessionClient, operation: (design: Design) => Design): void {
  const before = client.design();
  applyDesignToDoc(client.doc, before, operation(before));
}

describe('a live session across server restarts', () => {
  it('keeps every acknowledged change when the server is killed, and merges what a participant did offline meanwhile', async () => {
    const port = await freePort();
    let server = await start(port);
    const session = await createSession(server.httpUrl, restPetStore());
    const ana = new SessionClient(server.wsUrl, session.sessionId, session.tokens.owner);
    clients.push(ana);
    await ana.synced();
    edit(ana, (design) => updateMethod(design, ids.mth('list'), { summary: 'before the crash' }));
    await ana.saved();
    await server.flushed();
    // Killed without warning: nothing runs on the way down.
    await server.stop('SIGKILL');

    // Ana goes on while the server is down; her provider keeps trying to reconnect.
    edit(ana, (design) => addResource(design, { parentId: ids.root, pathPart: 'offline', id: ids.res('offline') }));
    server = await start(port);
    await ana.until(
      () => ana.provider.isSynced && !ana.provider.hasUnsyncedChanges && ana.closes.length > 0,
      'Ana to reconnect and be saved',
    );

    const ben = new SessionClient(server.wsUrl, session.sessionId, session.tokens.editor);
    clients.push(ben);
    await ben.synced();
    const design = ben.design();
    expect(design.methods[ids.mth('list')]?.summary).toBe('before the crash');
    expect(design.resources[ids.res('offline')]?.pathPart).toBe('offline');
    expect(JSON.stringify(design)).toBe(JSON.stringify(ana.design()));
    await server.waitForLog((line) => line.event === 'room-loaded' && line.room === session.sessionId, 'the room to load');

    // A stop by signal folds the room into one state; it reads back the same.
    ben.destroy();
    await server.flushed();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.lines.some((line) => line.event === 'stopped')).toBe(true);
    server = await start(port);
    const cleo = new SessionClient(server.wsUrl, session.sessionId, session.tokens.viewer);
    clients.push(cleo);
    await cleo.synced();
    expect(JSON.stringify(cleo.design())).toBe(JSON.stringify(design));
  });
});
