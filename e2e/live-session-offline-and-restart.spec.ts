import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import {
  anotherPerson,
  converged,
  designOf,
  expectOnline,
  joinSession,
  openApp,
  SessionServer,
  SocketGate,
  startSession,
} from './helpers/live-session';

let server: SessionServer;

test.beforeEach(async ({ app }) => {
  server = await SessionServer.start();
  app.allow(server.origin);
});

test.afterEach(async () => {
  await server?.stop();
});

function methodNamed(design: Design, operationName: string) {
  const method = Object.values(design.methods).find((candidate) => candidate.operationName === operationName);
  if (!method) throw new Error(`no method ${operationName}`);
  return method;
}

test('a participant goes offline, edits (and reloads), comes back: the edits merge; the server is killed and restarted: the design is intact', async ({
  app,
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  // Every page reaches the server through a gate (see SocketGate.refuseNewConnections).
  const anaGate = await SocketGate.install(page, server.origin);
  await openApp(page);
  const links = await startSession(page, 'Ana', server.origin);
  const ben = await anotherPerson(browser, app, baseURL);
  const benGate = await SocketGate.install(ben, server.origin);
  await joinSession(ben, links.editor, 'Ben');
  const start = await converged([page, ben]);
  const list = methodNamed(start, 'listPets');
  const get = methodNamed(start, 'getPet');

  // Ben loses the network: the banner says his edits will merge later.
  await ben.context().setOffline(true);
  await benGate.goOffline();
  await expect(ben.getByTestId('session-status')).toHaveText('Offline — your edits will merge when the connection returns');
  await ben.getByTestId(`row-${list.id}`).click();
  const benPanel = ben.getByRole('complementary', { name: 'Side panel' });
  await benPanel.getByLabel('Summary', { exact: true }).fill('Edited offline by Ben');
  // Meanwhile Ana changes another method.
  await page.getByTestId(`row-${get.id}`).click();
  await page.getByRole('complementary', { name: 'Side panel' }).getByLabel('Summary', { exact: true }).fill('Edited by Ana meanwhile');

  // Ben reloads the page before the session's server can be reached again (his network is back, the
  // server not yet): his edit is kept in this browser, with what the session had.
  await expect
    .poll(() => ben.evaluate(() => (window as unknown as { __portico: { isSaved: () => boolean } }).__portico.isSaved()))
    .toBe(true);
  await ben.context().setOffline(false);
  await ben.reload();
  await expect(ben.getByTestId('canvas')).toBeVisible();
  await expect(ben.getByTestId('session-status')).toHaveText('Offline — your edits will merge when the connection returns');
  expect((await designOf(ben)).methods[list.id]?.summary).toBe('Edited offline by Ben');
  expect((await designOf(page)).methods[list.id]?.summary).not.toBe('Edited offline by Ben');

  // The server is reachable again: both edits everywhere.
  benGate.goOnline();
  await expectOnline(ben);
  const merged = await converged([page, ben]);
  expect(merged.methods[list.id]?.summary).toBe('Edited offline by Ben');
  expect(merged.methods[get.id]?.summary).toBe('Edited by Ana meanwhile');

  // Undo takes back one's own change only: Ana's, not Ben's made at the same time.
  await page
    .getByRole('toolbar', { name: 'Toolbar' })
    .getByRole('button', { name: /^Undo / })
    .click();
  const undone = await converged([page, ben]);
  expect(undone.methods[get.id]?.summary).toBe(get.summary);
  expect(undone.methods[list.id]?.summary).toBe('Edited offline by Ben');
  await page
    .getByRole('toolbar', { name: 'Toolbar' })
    .getByRole('button', { name: /^Redo / })
    .click();
  expect((await converged([page, ben])).methods[get.id]?.summary).toBe('Edited by Ana meanwhile');

  // The server is killed without warning and started again on its port and data folder.
  await server.process.flushed();
  anaGate.refuseNewConnections();
  benGate.refuseNewConnections();
  await server.killAndRestart();
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-connection', 'offline');
  await expect(ben.getByTestId('session-status')).toHaveAttribute('data-connection', 'offline');
  anaGate.goOnline();
  benGate.goOnline();
  await expectOnline(page);
  await expectOnline(ben);
  // A newcomer reads the session from the restarted server: nothing was lost.
  const cleo = await anotherPerson(browser, app, baseURL);
  await SocketGate.install(cleo, server.origin);
  await joinSession(cleo, links.viewer, 'Cleo');
  const after = await converged([page, ben, cleo]);
  expect(JSON.stringify(after)).toBe(JSON.stringify(merged));
  // And the session goes on.
  await page.getByRole('complementary', { name: 'Side panel' }).getByLabel('Summary', { exact: true }).fill('After the restart');
  await expect.poll(async () => (await designOf(cleo)).methods[get.id]?.summary).toBe('After the restart');
});
