import type { Locator, Page } from '@playwright/test';
import { type Design, nodeSizes } from '../src/core/model';
import { expect, test } from './fixtures/portico';

type Kind = keyof typeof nodeSizes;

/** Every canvas element of a design with its kind. */
function elements(design: Design): { id: string; kind: Kind }[] {
  return [
    ...Object.keys(design.resources).map((id) => ({ id, kind: 'resource' as const })),
    ...Object.keys(design.methods).map((id) => ({ id, kind: 'method' as const })),
    ...Object.keys(design.routes).map((id) => ({ id, kind: 'route' as const })),
    ...Object.keys(design.authorizers).map((id) => ({ id, kind: 'authorizer' as const })),
    ...Object.keys(design.integrations).map((id) => ({ id, kind: 'integration' as const })),
  ];
}

/** How many nodes are drawn wholly inside the visible canvas. */
async function nodesInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!canvas) return 0;
    return [...document.querySelectorAll('.react-flow__node')].filter((node) => {
      const box = node.getBoundingClientRect();
      return box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom;
    }).length;
  });
}

/** The pan and zoom of the canvas, as React Flow applies them. */
async function viewport(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
}

async function zoomIn(page: Page, times: number): Promise<void> {
  for (let step = 0; step < times; step += 1) await page.getByRole('button', { name: 'Zoom In' }).click();
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not on screen.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Pairs of elements whose boxes on the canvas overlap, by their saved positions and drawn sizes. */
function overlaps(design: Design): string[] {
  const boxes = elements(design).map(({ id, kind }) => {
    const at = design.layout[id as keyof Design['layout']] ?? { x: 0, y: 0 };
    return { id, x: at.x, y: at.y, width: nodeSizes[kind].width, height: nodeSizes[kind].height };
  });
  const found: string[] = [];
  for (const [index, a] of boxes.entries())
    for (const b of boxes.slice(index + 1))
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} / ${b.id}`);
  return found;
}

test('the minimap draws every element, marks the selection, and moves the view without touching the design', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toBeVisible();
  await expect(minimap.locator('.react-flow__minimap-node')).toHaveCount(elements(design).length);

  const method = Object.keys(design.methods)[0];
  if (!method) throw new Error('the example has no method');
  await page.getByTestId(`node-${method}`).click();
  await expect(minimap.locator('.react-flow__minimap-node.selected')).toHaveCount(1);

  // Dragging in the minimap pans the canvas; the view is not part of the design, so there is nothing to undo.
  const before = await viewport(page);
  const from = await centreOf(minimap);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 20, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => viewport(page)).not.toBe(before);
  expect(await app.design()).toEqual(design);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('zoom to fit brings every element back into view, from the toolbar and with Shift+1', async ({ app, page }) => {
  await app.open();
  const total = elements(await app.design()).length;
  await expect.poll(() => nodesInView(page)).toBe(total);

  await zoomIn(page, 6);
  await expect.poll(() => nodesInView(page)).toBeLessThan(total);
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(() => nodesInView(page)).toBe(total);

  await zoomIn(page, 6);
  await expect.poll(() => nodesInView(page)).toBeLessThan(total);
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  await expect.poll(() => nodesInView(page)).toBe(total);
});

test('auto layout tidies a messy canvas without overlaps, in one undo step, from the toolbar and with Shift+L', async ({ app, page }) => {
  await app.open();
  const tidy = await app.design();
  expect(overlaps(tidy)).toEqual([]);

  // Drop one integration onto another: a mess.
  const [first, second] = Object.keys(tidy.integrations);
  if (!first || !second) throw new Error('the example needs two integrations');
  const from = await centreOf(page.getByTestId(`node-${first}`));
  const to = await centreOf(page.getByTestId(`node-${second}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y + 10, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => overlaps(await app.design()).length).toBeGreaterThan(0);
  const messy = await app.design();

  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect.poll(async () => overlaps(await app.design())).toEqual([]);
  // The layout depends on the structure only, so it is the example's own again.
  expect((await app.design()).layout).toEqual(tidy.layout);
  await expect.poll(() => nodesInView(page)).toBe(elements(tidy).length);

  await page.getByRole('button', { name: 'Undo Auto layout' }).click();
  await expect.poll(async () => (await app.design()).layout).toEqual(messy.layout);

  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+L');
  await expect.poll(async () => (await app.design()).layout).toEqual(tidy.layout);
});
