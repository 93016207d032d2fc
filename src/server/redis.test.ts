import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDesignToDoc } from '../core/collab';
import { type Design, updateBinding, updateMethod } from '../core/model';
import { ids, restPetStore } from '../core/model/testing/design-builder';
import { createSession, SessionClient } from './testing/clients';
import { RedisProcess, ServeProcess, temporaryFolder } from './testing/processes';

let redis: RedisProcess;
const servers: ServeProcess[] = [];
const folders = [temporaryFolder('portico-redis-a-'), temporaryFolder('portico-redis-b-')];
const clients: SessionClient[] = [];

beforeAll(async () => {
  // Debian's redis-server, started here on a free port; a machine without it fails this test (it is not skipped).
  redis = await RedisProcess.start();
  for (const folder of folders) servers.push(await ServeProcess.start({ dataDir: folder.path, redisUrl: redis.url }));
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const server of servers) await server.stop();
  await redis?.stop();
  for (const folder of folders) folder.remove();
});

function edit(client: SessionClient, operation: (design: Design) => Design): void {
  const before = client.design();
  applyDesignToDoc(client.doc, before, operation(before));
}

describe('two server instances sharing rooms through Redis', () => {
  it('clients on different instances of one session converge', async () => {
    const [first, second] = servers as [ServeProcess, ServeProcess];
    const session = await createSession(first.httpUrl, restPetStore());
    const ana = new SessionClient(first.wsUrl, session.sessionId, session.tokens.owner);
    // Joins the second instance with a token the first issued, for a room the second never stored.
    const ben = new SessionClient(second.wsUrl, session.sessionId, session.tokens.editor);
    clients.push(ana, ben);
    await Promise.all([ana.synced(), ben.synced()]);
    await ben.until(() => ben.read().ok, 'the design to reach the second instance');
    expect(JSON.stringify(ben.design())).toBe(JSON.stringify(ana.design()));

    edit(ana, (design) => updateMethod(design, ids.mth('list'), { summary: 'from the first instance' }));
    edit(ben, (design) => updateBinding(design, ids.mth('list'), { timeoutInMillis: 12_000 }));
    const both = (client: SessionClient) => {
      const method = client.read().ok ? client.design().methods[ids.mth('list')] : undefined;
      return method?.summary === 'from the first instance' && method.integration?.timeoutInMillis === 12_000;
    };
    await Promise.all([ana, ben].map((client) => client.until(() => both(client), 'both edits')));
    expect(JSON.stringify(ben.design())).toBe(JSON.stringify(ana.design()));

    const times: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const text = `round ${round}`;
      const started = performance.now();
      edit(ana, (design) => updateMethod(design, ids.mth('get'), { summary: text }));
      await ben.until(() => ben.design().methods[ids.mth('get')]?.summary === text, 'the edit to cross instances');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`edit to a client on the other instance: median ${times[10]?.toFixed(1)} ms, worst ${times[19]?.toFixed(1)} ms`);
    expect(times[10]).toBeLessThan(1000);
  });
});
