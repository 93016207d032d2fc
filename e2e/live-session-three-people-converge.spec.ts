import type { Page } from '@playwright/test';
import { cardGeometry, type Design } from '../src/core/model';
import { coveredCards } from '../src/core/model/testing/card-overlaps';
import { expect, test } from './fixtures/portico';
import { anotherPerson, converged, designOf, joinSession, openApp, SessionServer, SocketGate, startSession } from './helpers/live-session';
import { afterPaletteAdd } from './helpers/palette';

let server: SessionServer;

test.beforeEach(async ({ app }) => {
  server = await SessionServer.start();
  app.allow(server.origin);
});

test.afterEach(async () => {
  await server?.stop();
});

function methodOf(design: Design, verb: string, path: string) {
  const resource = Object.values(design.resources).find((candidate) => candidate.pathPart === path.split('/').at(-1));
  const method = Object.values(design.methods).find((candidate) => candidate.resourceId === resource?.id && candidate.httpMethod === verb);
  if (!method) throw new Error(`no ${verb} ${path}`);
  return method;
}

test('three people edit one design live: the same method’s form at once, an authorizer deleted while another wires it; all converge to one valid design, and each sees the others', async ({
  app,
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  await openApp(page);
  const links = await startSession(page, 'Ana', server.origin);
  // The owner's own token is never in a link it shares.
  expect(links.editor).toContain('token=v1.editor.');
  expect(links.viewer).toContain('token=v1.viewer.');

  const ben = await anotherPerson(browser, app, baseURL);
  const cleo = await anotherPerson(browser, app, baseURL);
  const benGate = await SocketGate.install(ben, server.origin);
  const cleoGate = await SocketGate.install(cleo, server.origin);
  await joinSession(ben, links.editor, 'Ben');
  await joinSession(cleo, links.editor, 'Cleo');
  const everyone = [page, ben, cleo];
  const start = await converged(everyone);
  // The joiners' address bar no longer holds the token.
  expect(ben.url()).not.toContain('token=');
  const list = methodOf(start, 'GET', '/pets');
  const authorizer = Object.values(start.authorizers)[0];
  if (!authorizer) throw new Error('the example has no authorizer');

  // Presence: everyone is listed, and Ben's selection shows on Ana's canvas with his name.
  await expect(page.getByTestId('session-status')).toContainText('3 people');
  await ben.getByTestId(`row-${list.id}`).click();
  const outline = page.locator(`[data-testid="presence-outline"][data-element="${list.id}"]`);
  await expect(outline).toHaveAttribute('data-name', 'Ben');
  await expect(outline).toContainText('Ben');
  await page.getByRole('button', { name: 'People and modes' }).click();
  const benInList = page.locator('[data-testid="session-participant"][data-name="Ben"]');
  await expect(benInList.getByTestId('session-participant-where')).toHaveText('Inspector · GET /pets');
  await expect(page.locator('[data-testid="session-participant"][data-name="Cleo"]')).toBeVisible();
  // Click to go where Ben is.
  await benInList.click();
  const anaPanel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(anaPanel.getByLabel('Operation name')).toHaveValue(list.operationName ?? '');
  await page.getByRole('button', { name: 'Close the session panel' }).click();

  // Ana and Cleo edit GET /pets' form at the same moment: Cleo's connection holds both ways until both are typed.
  await cleo.getByTestId(`row-${list.id}`).click();
  cleoGate.hold();
  await anaPanel.getByLabel('Summary', { exact: true }).fill('Every pet, a page at a time');
  const cleoPanel = cleo.getByRole('complementary', { name: 'Side panel' });
  await cleoPanel.getByRole('textbox', { name: 'Description', exact: true }).first().fill('Pets in the order they were added.');
  await cleoPanel.getByLabel('Summary', { exact: true }).fill('List the pets');
  await expect.poll(async () => (await designOf(ben)).methods[list.id]?.summary).toBe('Every pet, a page at a time');
  cleoGate.release();
  const afterForms = await converged(everyone);
  const edited = afterForms.methods[list.id];
  // Different fields both survive; the field both typed holds one of the two, the same everywhere.
  expect(edited?.description).toBe('Pets in the order they were added.');
  expect(['Every pet, a page at a time', 'List the pets']).toContain(edited?.summary);

  // Ana deletes the authorizer while Ben, not yet seeing that, wires GET /pets to it.
  benGate.hold();
  await page.getByTestId(`node-${authorizer.id}`).click();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await designOf(cleo)).authorizers[authorizer.id]).toBeUndefined();
  await ben.getByTestId(`row-${list.id}`).click();
  await ben.getByRole('complementary', { name: 'Side panel' }).getByLabel('Authorizer').selectOption(authorizer.id);
  expect((await designOf(ben)).methods[list.id]?.authorizerId).toBe(authorizer.id);
  benGate.release();
  const final = await converged(everyone);
  expect(final.authorizers[authorizer.id]).toBeUndefined();
  expect(final.methods[list.id]?.authorizerId).toBeUndefined();
  expect(final.methods[list.id]?.description).toBe('Pets in the order they were added.');
  // Valid: every reference points at something that exists.
  for (const method of Object.values(final.methods)) {
    if (method.authorizerId) expect(final.authorizers[method.authorizerId]).toBeDefined();
    if (method.integration) expect(final.integrations[method.integration.integrationId]).toBeDefined();
  }
  // The repair is said, naming what it changed, to the one whose wiring was undone too.
  await expect(ben.getByTestId('notice').filter({ hasText: 'used an authorizer that was deleted at the same time' })).toBeVisible();
  // Each person's design is in their own library, saved.
  await expect
    .poll(() => ben.evaluate(() => (window as unknown as { __portico: { isSaved: () => boolean } }).__portico.isSaved()))
    .toBe(true);
});

/** Drops a palette entry on the canvas at a fraction of its size (HTML5 drag and drop, as a mouse would). */
async function dropFromPalette(page: Page, kind: string, fx: number, fy: number): Promise<void> {
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas is not on screen.');
  await afterPaletteAdd(page, () =>
    page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x: box.width * fx, y: box.height * fy } }),
  );
}

function addedIntegration(before: Design, after: Design): string {
  const id = Object.keys(after.integrations).find((candidate) => !Object.hasOwn(before.integrations, candidate));
  if (!id) throw new Error('no integration was added');
  return id;
}

test('two people drop a card on the same spot at once: after the merge no card covers another, the same on every screen', async ({
  app,
  page,
  browser,
  baseURL,
}) => {
  await openApp(page);
  const links = await startSession(page, 'Ana', server.origin);
  const ben = await anotherPerson(browser, app, baseURL);
  const benGate = await SocketGate.install(ben, server.origin);
  await joinSession(ben, links.editor, 'Ben');
  const before = await converged([page, ben]);

  benGate.hold();
  await dropFromPalette(page, 'integration-HTTP', 0.62, 0.7);
  await dropFromPalette(ben, 'integration-MOCK', 0.62, 0.7);
  const anaDesign = await designOf(page);
  const benDesign = await designOf(ben);
  const anaCard = addedIntegration(before, anaDesign);
  const benCard = addedIntegration(before, benDesign);
  // Each placed its card where it was dropped (free on its own screen): on top of the other's.
  const anaAt = anaDesign.layout[anaCard as keyof Design['layout']];
  const benAt = benDesign.layout[benCard as keyof Design['layout']];
  if (!anaAt || !benAt) throw new Error('a dropped card has no place');
  expect(Math.abs(anaAt.x - benAt.x)).toBeLessThan(cardGeometry.backendWidth);
  expect(Math.abs(anaAt.y - benAt.y)).toBeLessThan(cardGeometry.backendHeight);
  benGate.release();

  const merged = await converged([page, ben]);
  expect(Object.keys(merged.integrations)).toEqual(expect.arrayContaining([anaCard, benCard]));
  expect(coveredCards(merged)).toEqual([]);
});
