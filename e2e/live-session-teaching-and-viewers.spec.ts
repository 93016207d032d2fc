import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import {
  anotherPerson,
  claimWritable,
  converged,
  designOf,
  joinSession,
  openApp,
  SessionServer,
  SocketGate,
  startSession,
} from './helpers/live-session';

let server: SessionServer;

test.afterEach(async () => {
  await server?.stop();
});

function methodNamed(design: Design, operationName: string) {
  const method = Object.values(design.methods).find((candidate) => candidate.operationName === operationName);
  if (!method) throw new Error(`no method ${operationName}`);
  return method;
}

/** The canvas's view as React Flow applies it (translate and scale of the viewport). */
function viewOf(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
}

async function typeSummary(page: Page, methodId: string, text: string): Promise<void> {
  await page.getByTestId(`row-${methodId}`).click();
  await page.getByRole('complementary', { name: 'Side panel' }).getByLabel('Summary', { exact: true }).fill(text);
}

test('a workshop from the sessions server: viewers cannot edit, the teacher makes it read-only and asks everyone to follow, a student forks', async ({
  app,
  page,
  browser,
}) => {
  test.slow();
  // The server serves the built app: a workshop's one address, here under a name other than localhost
  // (Chromium resolves *.localhost to this machine), so the app reaches its server as 'self'.
  server = await SessionServer.start({ app: resolve(process.env.PORTICO_E2E_DIST ?? 'dist') });
  const workshop = `http://workshop.localhost:${server.process.port}`;
  app.allow(workshop);
  await openApp(page, `${workshop}/`);
  await page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Live session' }).click();
  // Opened from a sessions server, the dialog offers that server.
  await expect(page.getByRole('dialog', { name: 'Start a live session' }).getByLabel('Sessions server')).toHaveValue(workshop);
  await page.keyboard.press('Escape');
  const links = await startSession(page, 'Teacher', workshop);
  expect(links.editor.startsWith(`${workshop}/#session=`)).toBe(true);

  const ben = await anotherPerson(browser, app, workshop);
  const vera = await anotherPerson(browser, app, workshop);
  await joinSession(ben, links.editor, 'Ben');
  await joinSession(vera, links.viewer, 'Vera');
  const everyone = [page, ben, vera];
  const start = await converged(everyone);
  const list = methodNamed(start, 'listPets');
  const get = methodNamed(start, 'getPet');

  // A viewer's interface is read-only: an edit is refused and said so, and reaches nobody.
  await expect(vera.getByTestId('session-read-only')).toHaveText('You are a viewer: the design is read-only for you.');
  await typeSummary(vera, list.id, 'A viewer typed this');
  await expect(vera.getByTestId('notice').filter({ hasText: 'You are a viewer in this live session' }).first()).toBeVisible();
  expect((await designOf(vera)).methods[list.id]?.summary).toBe(list.summary);
  await expect(vera.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // Read-only for others: Ben's edits are refused until the teacher lifts it; the teacher still edits.
  await page.getByRole('button', { name: 'People and modes' }).click();
  const teaching = page.getByRole('region', { name: 'Teaching modes' });
  // The session's banner and panel, and a student's outline on the teacher's canvas, are accessible.
  await ben.getByTestId(`row-${get.id}`).click();
  await expect(page.locator('[data-testid="presence-outline"][data-name="Ben"]')).toBeVisible();
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .include('[data-testid="session-panel"]')
    .include('[data-testid="session-banner"]')
    .include('[data-testid="presence-outline"]')
    .analyze();
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id),
  ).toEqual([]);
  await teaching.getByLabel('Read-only for others').check();
  await expect(ben.getByTestId('session-read-only')).toHaveText('The owner has made the session read-only for now.');
  await typeSummary(ben, get.id, 'Ben while read-only');
  await expect(ben.getByTestId('notice').filter({ hasText: 'read-only for now' }).first()).toBeVisible();
  await typeSummary(page, list.id, 'The teacher explains');
  await expect.poll(async () => (await designOf(ben)).methods[list.id]?.summary).toBe('The teacher explains');
  await teaching.getByLabel('Read-only for others').uncheck();
  await expect(ben.getByTestId('session-read-only')).toHaveCount(0);
  await typeSummary(ben, get.id, 'Ben again');
  await expect.poll(async () => (await designOf(page)).methods[get.id]?.summary).toBe('Ben again');
  expect((await converged(everyone)).methods[get.id]?.summary).toBe('Ben again');

  // Follow me: the students' canvases show the teacher's view, until one stops following.
  await teaching.getByLabel('Everyone follows my view').check();
  await expect(ben.getByTestId('session-following')).toHaveText('Following Teacher’s view.');
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  const zoomed = await viewOf(page);
  await expect.poll(() => viewOf(ben)).toBe(zoomed);
  await expect.poll(() => viewOf(vera)).toBe(zoomed);
  await ben.getByRole('button', { name: 'Stop following' }).click();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 400);
  await page.keyboard.up('Control');
  await expect.poll(() => viewOf(vera)).not.toBe(zoomed);
  expect(await viewOf(ben)).toBe(zoomed);
  await expect(ben.getByRole('button', { name: 'Follow Teacher' })).toBeVisible();

  // Ben leaves: the design stays in his library, out of the session (a reload does not rejoin it).
  await ben.getByRole('button', { name: 'People and modes' }).click();
  await ben.getByRole('button', { name: 'Leave session' }).click();
  await expect(ben.getByTestId('session-banner')).toHaveCount(0);
  await expect(page.getByTestId('session-status')).toHaveText('Live session · 2 people');
  await ben.reload();
  await expect(ben.getByTestId('canvas')).toBeVisible();
  expect((await designOf(ben)).methods[get.id]?.summary).toBe('Ben again');
  await expect(ben.getByTestId('session-banner')).toHaveCount(0);

  // Vera forks the session into a design of her own: hers to edit, disconnected from the others.
  await vera.getByRole('button', { name: 'People and modes' }).click();
  await vera.getByRole('button', { name: 'Fork into my designs' }).click();
  await expect(vera.getByTestId('session-banner')).toHaveCount(0);
  await typeSummary(vera, list.id, 'My own copy');
  expect((await designOf(vera)).methods[list.id]?.summary).toBe('My own copy');
  expect((await designOf(page)).methods[list.id]?.summary).toBe('The teacher explains');
  // In her library: the first-start example, the session's design and the fork.
  await expect
    .poll(async () =>
      (
        await vera.evaluate(() =>
          (window as unknown as { __portico: { getLibrary: () => Promise<{ origin: string }[]> } }).__portico.getLibrary(),
        )
      )
        .map((entry) => entry.origin)
        .sort(),
    )
    .toEqual(['duplicate', 'example', 'share-link']);
});

test('the server refuses a viewer’s edit even from a client that ignores being read-only', async ({ app, page, browser, baseURL }) => {
  server = await SessionServer.start();
  app.allow(server.origin);
  await openApp(page);
  const links = await startSession(page, 'Ana', server.origin);
  const mallory = await anotherPerson(browser, app, baseURL);
  const gate = await SocketGate.install(mallory, server.origin);
  // Mallory's copy of the app is told it may write (as a modified client would believe).
  gate.rewriteFromServer = claimWritable;
  await joinSession(mallory, links.viewer, 'Mallory');
  const start = await converged([page, mallory]);
  const list = methodNamed(start, 'listPets');
  await expect(mallory.getByTestId('session-read-only')).toHaveText('You are a viewer: the design is read-only for you.');

  await typeSummary(mallory, list.id, 'Forced by a viewer');
  // Her page shows it (her client let it through), the server did not take it.
  expect((await designOf(mallory)).methods[list.id]?.summary).toBe('Forced by a viewer');
  await server.process.waitForLog((line) => line.event === 'read-only-update-refused', 'the server to refuse the viewer’s change');
  const editor = await anotherPerson(browser, app, baseURL);
  await joinSession(editor, links.editor, 'Eve');
  for (const other of [page, editor]) expect((await designOf(other)).methods[list.id]?.summary).toBe(list.summary);
});
