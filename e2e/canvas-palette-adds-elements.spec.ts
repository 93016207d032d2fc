import type { Page } from '@playwright/test';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { afterPaletteAdd } from './helpers/palette';

async function newDesign(page: Page, type: 'REST API' | 'HTTP API' | 'WebSocket API'): Promise<void> {
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

/** A point on the canvas, as a fraction of its size. */
async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('The canvas is not on screen.');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Drags a palette entry and drops it at a page point (HTML5 drag and drop, as a mouse would). */
async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  const entry = page.getByTestId(`palette-${kind}`);
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The canvas is not on screen.');
  await afterPaletteAdd(page, () => entry.dragTo(canvas, { targetPosition: { x: at.x - box.x, y: at.y - box.y } }));
}

function added<K extends keyof Design>(before: Design, after: Design, collection: K): Design[K][keyof Design[K]][] {
  const old = before[collection] as Record<string, unknown>;
  return Object.entries(after[collection] as Record<string, unknown>)
    .filter(([id]) => !Object.hasOwn(old, id))
    .map(([, value]) => value) as Design[K][keyof Design[K]][];
}

/** Drops every authorizer and integration entry the palette offers and checks each adds one element of its kind. */
async function dropEveryBackend(page: Page, app: { design: () => Promise<Design> }): Promise<string[]> {
  const kinds = await page
    .getByRole('navigation', { name: 'Palette' })
    .locator('[data-testid^="palette-authorizer-"], [data-testid^="palette-integration-"]')
    .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-testid')?.slice('palette-'.length) ?? ''));
  for (const [index, entry] of kinds.entries()) {
    const [prefix, kind] = entry.split(/-(.+)/) as [string, string];
    const collection = prefix === 'authorizer' ? 'authorizers' : 'integrations';
    const before = await app.design();
    await dropFromPalette(page, entry, await canvasPoint(page, 0.12 + 0.08 * index, 0.8));
    const created = added(before, await app.design(), collection);
    expect(created, entry).toEqual([expect.objectContaining({ kind })]);
    await expect(page.getByTestId(`node-${(created[0] as { id: string }).id}`)).toBeVisible();
  }
  return kinds;
}

test('a REST designer drags every kind of element from the palette onto the canvas', async ({ app, page }) => {
  await app.open();
  await newDesign(page, 'REST API');
  await expect(page.getByText('Drag a resource from the palette to start')).toBeVisible();
  const palette = page.getByRole('navigation', { name: 'Palette' });
  await expect(palette.getByTestId('palette-route')).toHaveCount(0);

  // A resource dropped on empty canvas goes under the root, gets a free path part and is selected.
  let before = await app.design();
  await dropFromPalette(page, 'resource', await canvasPoint(page, 0.2, 0.2));
  let after = await app.design();
  const [first] = added(before, after, 'resources');
  expect(first).toMatchObject({ parentId: 'res_root', pathPart: 'resource' });
  if (!first) throw new Error('No resource was added.');
  await expect(page.getByTestId(`node-${first.id}`)).toBeVisible();
  await expect(page.getByText('Drag a resource from the palette to start')).toHaveCount(0);

  // A resource dropped onto that resource nests under it.
  const firstBox = await page.getByTestId(`node-${first.id}`).boundingBox();
  if (!firstBox) throw new Error('The resource node is not on screen.');
  const onFirst = { x: firstBox.x + firstBox.width / 2, y: firstBox.y + firstBox.height / 2 };
  before = after;
  await dropFromPalette(page, 'resource', onFirst);
  after = await app.design();
  expect(added(before, after, 'resources')).toEqual([expect.objectContaining({ parentId: first.id, pathPart: 'resource' })]);

  // A method dropped onto the resource is added to it with the first free verb.
  before = after;
  await dropFromPalette(page, 'method', onFirst);
  after = await app.design();
  expect(added(before, after, 'methods')).toEqual([expect.objectContaining({ resourceId: first.id, httpMethod: 'GET' })]);
  before = after;
  await dropFromPalette(page, 'method', onFirst);
  after = await app.design();
  expect(added(before, after, 'methods')).toEqual([expect.objectContaining({ resourceId: first.id, httpMethod: 'POST' })]);

  // Every authorizer and integration kind REST offers.
  const kinds = [
    ['authorizer-IAM', 'authorizers', 'IAM'],
    ['authorizer-COGNITO_USER_POOLS', 'authorizers', 'COGNITO_USER_POOLS'],
    ['authorizer-LAMBDA_TOKEN', 'authorizers', 'LAMBDA_TOKEN'],
    ['authorizer-LAMBDA_REQUEST', 'authorizers', 'LAMBDA_REQUEST'],
    ['integration-LAMBDA', 'integrations', 'LAMBDA'],
    ['integration-HTTP', 'integrations', 'HTTP'],
    ['integration-AWS_SERVICE', 'integrations', 'AWS_SERVICE'],
    ['integration-MOCK', 'integrations', 'MOCK'],
    ['integration-VPC_LINK', 'integrations', 'VPC_LINK'],
  ] as const;
  for (const [index, [entry, collection, kind]] of kinds.entries()) {
    before = after;
    await dropFromPalette(page, entry, await canvasPoint(page, 0.15 + 0.07 * index, 0.75));
    after = await app.design();
    const created = added(before, after, collection);
    expect(created, entry).toEqual([expect.objectContaining({ kind })]);
    const id = (created[0] as { id: string }).id;
    await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  }
});

test('palette entries are buttons: Enter adds the element at the centre of the view', async ({ app, page }) => {
  await app.open();
  await newDesign(page, 'REST API');
  const before = await app.design();
  const entry = page.getByRole('button', { name: 'Add Lambda function integration' });
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.keys((await app.design()).integrations).length).toBe(Object.keys(before.integrations).length + 1);
  const created = added(before, await app.design(), 'integrations')[0] as { id: string; kind: string };
  expect(created.kind).toBe('LAMBDA');
  await expect(page.getByTestId(`node-${created.id}`)).toBeInViewport();
});

test('an HTTP API designer drags routes with unique keys, and sees only the kinds HTTP APIs have', async ({ app, page }) => {
  await app.open();
  await newDesign(page, 'HTTP API');
  await expect(page.getByText('Drag a route from the palette to start')).toBeVisible();
  await expect(page.getByTestId('palette-resource')).toHaveCount(0);
  await expect(page.getByTestId('palette-integration-MOCK')).toHaveCount(0);
  await expect(page.getByTestId('palette-authorizer-JWT')).toBeVisible();
  await dropFromPalette(page, 'route', await canvasPoint(page, 0.3, 0.3));
  await dropFromPalette(page, 'route', await canvasPoint(page, 0.3, 0.6));
  const design = await app.design();
  expect(Object.values(design.routes).map((route) => route.routeKey)).toEqual(['GET /new-route', 'GET /new-route2']);
  // Every authorizer and integration kind an HTTP API offers, JWT among them.
  expect(await dropEveryBackend(page, app)).toContain('authorizer-JWT');
});

test('a WebSocket route from the palette gets a message-style key, and every backend kind drops too', async ({ app, page }) => {
  await app.open();
  await newDesign(page, 'WebSocket API');
  await dropFromPalette(page, 'route', await canvasPoint(page, 0.3, 0.3));
  expect(Object.values((await app.design()).routes).map((route) => route.routeKey)).toEqual(['newRoute']);
  expect((await dropEveryBackend(page, app)).length).toBeGreaterThan(2);
});
