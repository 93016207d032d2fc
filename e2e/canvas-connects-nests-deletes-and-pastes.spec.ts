import type { Locator, Page } from '@playwright/test';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { afterPaletteAdd } from './helpers/palette';

async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('The canvas is not on screen.');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas is not on screen.');
  await afterPaletteAdd(page, () =>
    page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x: at.x - box.x, y: at.y - box.y } }),
  );
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not on screen.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The box of an element once it has stopped moving (the view animates when it fits). */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = await locator.boundingBox();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await locator.page().waitForTimeout(100);
    const next = await locator.boundingBox();
    if (!next) throw new Error('Not on screen.');
    if (previous && previous.x === next.x && previous.y === next.y && previous.width === next.width) return next;
    previous = next;
  }
  throw new Error('The element kept moving.');
}

/** Presses the mouse at one point and moves to another in small steps, like a hand would. */
async function pressAndMove(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
}

/**
 * The visible handle dot on one side of a card (not the invisible drop target that covers it); a method's
 * own dot is on the right end of its row in the resource card.
 */
const handle = (page: Page, id: string, side: 'left' | 'right') =>
  id.startsWith('mth_')
    ? page.locator(`[data-testid="row-${id}"] .react-flow__handle-${side}.portico-handle`)
    : page.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle-${side}.portico-handle`);

/** Adds one element from the palette and returns its id. */
async function add(page: Page, app: { design: () => Promise<Design> }, kind: string, at: { x: number; y: number }): Promise<string> {
  const before = await app.design();
  await dropFromPalette(page, kind, at);
  const collections = ['resources', 'methods', 'routes', 'authorizers', 'integrations'] as const;
  const added = async () => {
    const after = await app.design();
    for (const collection of collections)
      for (const id of Object.keys(after[collection])) if (!Object.hasOwn(before[collection], id)) return id;
    return undefined;
  };
  // The first add may wait for the palette's code to load (see add-from-palette.ts): a moment, as a person sees it.
  await expect.poll(added, { message: `Dropping ${kind} added nothing.` }).toBeDefined();
  return (await added()) as string;
}

async function startWithParts(page: Page, app: { design: () => Promise<Design> }) {
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByRole('radio', { name: /^REST API/ }).check();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const pets = await add(page, app, 'resource', await canvasPoint(page, 0.15, 0.2));
  const orders = await add(page, app, 'resource', await canvasPoint(page, 0.15, 0.75));
  const method = await add(page, app, 'method', await centreOf(page.getByTestId(`node-${pets}`)));
  const lambda = await add(page, app, 'integration-LAMBDA', await canvasPoint(page, 0.85, 0.15));
  const pool = await add(page, app, 'authorizer-COGNITO_USER_POOLS', await canvasPoint(page, 0.85, 0.5));
  return { pets, orders, method, lambda, pool };
}

test('a designer wires a method to an integration and an authorizer by dragging between handles', async ({ app, page }) => {
  await app.open();
  const { method, lambda, pool } = await startWithParts(page, app);

  await pressAndMove(page, await centreOf(handle(page, method, 'right')), await centreOf(handle(page, lambda, 'left')));
  await expect(page.getByTestId('connection-hint')).toContainText('connect integration');
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).methods[method as never]?.integration?.integrationId).toBe(lambda);

  await pressAndMove(page, await centreOf(handle(page, method, 'right')), await centreOf(handle(page, pool, 'left')));
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).methods[method as never]?.authorizerId).toBe(pool);
  // The method's row says which integration and which authorizer it is wired to.
  const design = await app.design();
  await expect(page.getByTestId(`row-${method}`)).toContainText(design.authorizers[pool as never]?.name ?? 'missing');
  await expect(page.getByTestId(`row-${method}`)).toContainText(design.integrations[lambda as never]?.name ?? 'missing');
});

test('a refused connection says why, while dragging and after the drop', async ({ app, page }) => {
  await app.open();
  const { lambda, pool } = await startWithParts(page, app);
  const before = await app.design();
  await pressAndMove(page, await centreOf(handle(page, lambda, 'left')), await centreOf(handle(page, pool, 'left')));
  const reason = page.getByTestId('connection-reason');
  await expect(reason).toBeVisible();
  await expect(reason).toHaveText(/An authorizer and an integration do not connect to each other/);
  await expect(reason).toHaveAttribute('role', 'status');
  await page.mouse.up();
  await expect(reason).toHaveCount(0);
  await expect(page.getByText(/An authorizer and an integration do not connect to each other/)).toBeVisible();
  expect(await app.design()).toEqual(before);
});

test('a designer nests a resource by dropping its card onto another resource', async ({ app, page }) => {
  await app.open();
  const { pets, orders } = await startWithParts(page, app);
  await pressAndMove(page, await centreOf(page.getByTestId(`node-${orders}`)), await centreOf(page.getByTestId(`node-${pets}`)));
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).resources[orders as never]?.parentId).toBe(pets);
  await expect(page.getByTestId(`node-${orders}`)).toContainText('/resource/resource2');
  // One gesture, one undo step.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(async () => (await app.design()).resources[orders as never]?.parentId).toBe('res_root');
});

test('a designer deletes with the Delete key, copies and pastes with the keyboard, and selects all', async ({ app, page }) => {
  await app.open();
  const { pets, method, lambda } = await startWithParts(page, app);
  await pressAndMove(page, await centreOf(handle(page, method, 'right')), await centreOf(handle(page, lambda, 'left')));
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).methods[method as never]?.integration?.integrationId).toBe(lambda);

  await page.getByTestId(`node-${lambda}`).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId(`node-${lambda}`)).toHaveCount(0);
  let design = await app.design();
  expect(design.integrations[lambda as never]).toBeUndefined();
  expect(design.methods[method as never]?.integration).toBeUndefined();

  // Copying a resource (its card, clicked on its header) brings its method along; the paste gets a free path part and is selected.
  await page.getByTestId(`node-${pets}`).locator('.portico-card-header').click();
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  await page.keyboard.press(`${mod}+C`);
  await page.keyboard.press(`${mod}+V`);
  await expect.poll(async () => Object.keys((await app.design()).resources).length).toBe(Object.keys(design.resources).length + 1);
  const after = await app.design();
  const pasted = Object.values(after.resources).find((resource) => !Object.hasOwn(design.resources, resource.id));
  expect(pasted).toMatchObject({ pathPart: 'resource-copy', parentId: 'res_root' });
  expect(Object.values(after.methods).filter((m) => m.resourceId === pasted?.id)).toHaveLength(1);
  await expect(page.locator(`.react-flow__node[data-id="${pasted?.id}"]`)).toHaveClass(/selected/);
  await expect(page.locator(`.react-flow__node[data-id="${pets}"]`)).not.toHaveClass(/selected/);

  design = after;
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+A`);
  // Every card is selected (methods are rows of their resources' cards).
  const cards = Object.keys(design.resources).length + Object.keys(design.authorizers).length + Object.keys(design.integrations).length;
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(cards);
});

test('a connection dropped anywhere on a node connects to it, and a refusal there says why', async ({ app, page }) => {
  await app.open();
  const { method, lambda, pool } = await startWithParts(page, app);

  // Released on the middle of the card, far from its handle: nobody aims at a 12 px dot.
  await pressAndMove(page, await centreOf(handle(page, method, 'right')), await centreOf(page.getByTestId(`node-${lambda}`)));
  await expect(page.getByTestId('connection-hint')).toHaveText('Release to connect integration');
  await page.mouse.up();
  await expect(page.getByTestId('connection-hint')).toHaveCount(0);
  await expect.poll(async () => (await app.design()).methods[method as never]?.integration?.integrationId).toBe(lambda);

  await pressAndMove(page, await centreOf(handle(page, method, 'right')), await centreOf(page.getByTestId(`node-${pool}`)));
  await expect(page.getByTestId('connection-hint')).toHaveText('Release to connect authorizer');
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).methods[method as never]?.authorizerId).toBe(pool);

  const before = await app.design();
  await pressAndMove(page, await centreOf(handle(page, lambda, 'left')), await centreOf(page.getByTestId(`node-${pool}`)));
  await expect(page.getByTestId('connection-reason')).toHaveText(/An authorizer and an integration do not connect to each other/);
  await page.mouse.up();
  await expect(page.getByTestId('connection-reason')).toHaveCount(0);
  expect(await app.design()).toEqual(before);

  // The card still moves when dragged by its body: the drop target exists only while connecting.
  const box = await page.getByTestId(`node-${pool}`).boundingBox();
  if (!box) throw new Error('Not on screen.');
  await pressAndMove(page, await centreOf(page.getByTestId(`node-${pool}`)), { x: box.x + box.width / 2, y: box.y + box.height / 2 + 120 });
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).layout[pool as never]?.y).toBeGreaterThan(before.layout[pool as never]?.y ?? 0);
  expect((await app.design()).methods[method as never]?.authorizerId).toBe(pool);
});

test('a designer selects with a box, deletes with Backspace, and cuts a connection by deleting its edge', async ({ app, page }) => {
  await app.open();
  const { pets, orders, method, lambda } = await startWithParts(page, app);
  await pressAndMove(page, await centreOf(handle(page, method, 'right')), await centreOf(handle(page, lambda, 'left')));
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).methods[method as never]?.integration?.integrationId).toBe(lambda);

  // A selected edge and Backspace disconnect; both ends stay.
  const edge = page.locator(`.react-flow__edge[data-id="integration:${method}->${lambda}"]`);
  await edge.click();
  await expect(edge).toHaveClass(/selected/);
  await page.keyboard.press('Backspace');
  await expect(edge).toHaveCount(0);
  let design = await app.design();
  expect(design.methods[method as never]?.integration).toBeUndefined();
  expect(design.integrations[lambda as never]).toBeDefined();

  // Dragging on the empty canvas draws a selection box; what it encloses is selected. Zoom to fit first:
  // a box started near the canvas edge pans the view while it is drawn, as React Flow does.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const a = await settledBox(page.getByTestId(`node-${pets}`));
  const b = await settledBox(page.getByTestId(`node-${orders}`));
  // Started just outside the cards (a press closer than 40 px to the canvas's edge would pan the view as the box grows).
  const from = { x: Math.min(a.x, b.x) - 12, y: Math.min(a.y, b.y) - 8 };
  const to = { x: Math.max(a.x + a.width, b.x + b.width) + 16, y: Math.max(a.y + a.height, b.y + b.height) + 16 };
  await pressAndMove(page, from, to);
  await page.mouse.up();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await expect(page.locator(`.react-flow__node[data-id="${pets}"]`)).toHaveClass(/selected/);
  await expect(page.locator(`.react-flow__node[data-id="${orders}"]`)).toHaveClass(/selected/);
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toContainText('2 elements selected');

  // Backspace deletes the whole selection (and the method of the deleted resource) as one undo step.
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId(`node-${pets}`)).toHaveCount(0);
  await expect(page.getByTestId(`node-${orders}`)).toHaveCount(0);
  design = await app.design();
  expect(design.resources[pets as never]).toBeUndefined();
  expect(design.resources[orders as never]).toBeUndefined();
  expect(design.methods[method as never]).toBeUndefined();
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByTestId(`node-${pets}`)).toBeVisible();
  await expect(page.getByTestId(`node-${orders}`)).toBeVisible();
  expect((await app.design()).methods[method as never]).toBeDefined();
});
