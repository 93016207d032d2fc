import type { Locator, Page } from '@playwright/test';
import { cardBoxes, type Design, overlaps } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { overlappingCards } from './helpers/canvas-geometry';
import { afterPaletteAdd } from './helpers/palette';

function covered(design: Design): string[] {
  const boxes = cardBoxes(design);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) if (overlaps(boxes[i]!, boxes[j]!)) pairs.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
  return pairs;
}

function methodNamed(design: Design, operationName: string) {
  const method = Object.values(design.methods).find((candidate) => candidate.operationName === operationName);
  if (!method) throw new Error(`No method ${operationName}`);
  return method;
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette entry and drops it at a page point (HTML5 drag and drop, as a mouse would). */
async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas is not on screen.');
  await afterPaletteAdd(page, () =>
    page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x: at.x - box.x, y: at.y - box.y } }),
  );
}

/** Drags a card with the mouse (pointer events, as React Flow listens for them). */
async function dragCard(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

test('a new element never lands on another, and a backend dropped on a method connects to it', async ({ app, page }) => {
  await app.open();
  const start = await app.design();
  const listPets = methodNamed(start, 'listPets');
  const pets = page.getByTestId(`node-${listPets.resourceId}`);

  // A Lambda integration dropped onto the /pets card (not onto a row): added beside, covering nothing.
  const header = pets.locator('.portico-card-header');
  await dropFromPalette(page, 'integration-LAMBDA', await centre(header));
  let design = await app.design();
  const added = Object.values(design.integrations).filter((target) => !Object.hasOwn(start.integrations, target.id));
  expect(added).toHaveLength(1);
  expect(covered(design)).toEqual([]);
  await expect(page.getByTestId(`node-${added[0]!.id}`)).toBeVisible();
  expect(await overlappingCards(page)).toEqual([]);
  // Nothing else moved.
  for (const [id, position] of Object.entries(start.layout)) expect(design.layout[id as keyof Design['layout']], id).toEqual(position);

  // An HTTP integration dropped onto the GET /pets row: added and connected to that method.
  await dropFromPalette(page, 'integration-HTTP', await centre(page.getByTestId(`row-${listPets.id}`)));
  design = await app.design();
  const http = Object.values(design.integrations).find((target) => target.kind === 'HTTP');
  expect(http).toBeDefined();
  expect(design.methods[listPets.id]?.integration?.integrationId).toBe(http?.id);
  expect(covered(design)).toEqual([]);
  await expect(page.getByTestId(`row-${listPets.id}`)).toContainText(http?.name ?? '');

  // The mock card dragged onto the getPet row: connected, and the card goes back where it was.
  const getPet = methodNamed(design, 'getPet');
  const mock = Object.values(design.integrations).find((target) => target.kind === 'MOCK');
  if (!mock) throw new Error('no mock');
  const mockAt = design.layout[mock.id];
  await dragCard(page, await centre(page.getByTestId(`node-${mock.id}`)), await centre(page.getByTestId(`row-${getPet.id}`)));
  await expect.poll(async () => (await app.design()).methods[getPet.id]?.integration?.integrationId).toBe(mock.id);
  expect((await app.design()).layout[mock.id]).toEqual(mockAt);

  // An authorizer card dropped onto a row connects it as the method's authorizer.
  const pool = Object.values(design.authorizers)[0];
  if (!pool) throw new Error('no authorizer');
  await dragCard(page, await centre(page.getByTestId(`node-${pool.id}`)), await centre(page.getByTestId(`row-${getPet.id}`)));
  await expect.poll(async () => (await app.design()).methods[getPet.id]?.authorizerId).toBe(pool.id);

  // Each of these was one undo step.
  for (let step = 0; step < 4; step += 1) await page.keyboard.press('ControlOrMeta+z');
  expect(await app.design()).toEqual(start);
});

test('a method row dragged onto another resource moves there; a new method grows its card and pushes the cards below', async ({
  app,
  page,
}) => {
  await app.open();
  const start = await app.design();
  const createPet = methodNamed(start, 'createPet');
  const getPet = methodNamed(start, 'getPet');
  const petCard = page.getByTestId(`node-${getPet.resourceId}`);
  await page.getByTestId(`row-${createPet.id}`).dragTo(petCard.locator('.portico-card-header'));
  let design = await app.design();
  expect(design.methods[createPet.id]?.resourceId).toBe(getPet.resourceId);
  await expect(petCard.getByTestId(`row-${createPet.id}`)).toBeVisible();
  expect(covered(design)).toEqual([]);
  expect(await overlappingCards(page)).toEqual([]);

  // A method added to the root through its context menu: the root card grows, what was below moves down.
  const root = page.getByTestId('node-res_root');
  await root.locator('.portico-card-header').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add method' }).click();
  design = await app.design();
  expect(Object.values(design.methods).filter((method) => method.resourceId === 'res_root')).toHaveLength(1);
  expect(covered(design)).toEqual([]);
  expect(await overlappingCards(page)).toEqual([]);
});

test('context menus and renaming in place', async ({ app, page }) => {
  await app.open();
  const start = await app.design();
  const listPets = methodNamed(start, 'listPets');
  const mock = Object.values(start.integrations).find((target) => target.kind === 'MOCK');
  if (!mock) throw new Error('no mock');

  // Right-click a method: connect it to another integration from the menu, with the keyboard.
  await page.getByTestId(`row-${listPets.id}`).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Canvas actions' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: mock.name }).click();
  await expect.poll(async () => (await app.design()).methods[listPets.id]?.integration?.integrationId).toBe(mock.id);

  // Double-click an integration's name and type a new one.
  await page.getByTestId(`node-${mock.id}`).dblclick();
  const field = page.getByRole('textbox', { name: 'New integration name' });
  await field.fill('Canned answer');
  await field.press('Enter');
  await expect.poll(async () => (await app.design()).integrations[mock.id]?.name).toBe('Canned answer');
  await expect(page.getByTestId(`row-${listPets.id}`)).toContainText('Canned answer');

  // The empty canvas's menu adds at the pointer; Escape closes a menu without doing anything.
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  await page.mouse.click(canvas.x + canvas.width * 0.5, canvas.y + canvas.height * 0.85, { button: 'right' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await page.mouse.click(canvas.x + canvas.width * 0.5, canvas.y + canvas.height * 0.85, { button: 'right' });
  await menu.getByRole('menuitem', { name: 'Mock integration' }).click();
  const design = await app.design();
  expect(Object.values(design.integrations).filter((target) => target.kind === 'MOCK')).toHaveLength(2);
  expect(covered(design)).toEqual([]);
});
