import type { Locator, Page } from '@playwright/test';
import { cardBoxes, type Design, overlaps } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { drawnCards } from './helpers/canvas-geometry';

/** How many cards are drawn wholly inside the visible canvas. */
async function cardsInView(page: Page): Promise<number> {
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

function covered(design: Design): string[] {
  const boxes = cardBoxes(design);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) if (overlaps(boxes[i]!, boxes[j]!)) pairs.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
  return pairs;
}

/** Cards drawn under the minimap. */
async function cardsUnderMinimap(page: Page): Promise<string[]> {
  const minimap = await page.getByRole('img', { name: 'Minimap' }).boundingBox();
  if (!minimap) return [];
  return (await drawnCards(page))
    .filter(
      (card) =>
        card.x < minimap.x + minimap.width &&
        minimap.x < card.x + card.width &&
        card.y < minimap.y + minimap.height &&
        minimap.y < card.y + card.height,
    )
    .map((card) => card.id);
}

test('the minimap draws every card, marks the selection, moves the view, hides and follows the theme', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toBeVisible();
  await expect(minimap.locator('.react-flow__minimap-node')).toHaveCount(cardBoxes(design).length);

  const integration = Object.keys(design.integrations)[0];
  if (!integration) throw new Error('the example has no integration');
  await page.getByTestId(`node-${integration}`).click();
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

  // In dark mode it is dark, as the canvas around it.
  const background = () => minimap.evaluate((svg) => getComputedStyle(svg.closest('.react-flow__minimap') ?? svg).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  const [r = 255, g = 255, b = 255] = ((await background()).match(/\d+/g) ?? []).map(Number);
  expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(80);

  // It can be hidden, and stays hidden after a reload.
  await page.getByRole('button', { name: 'Hide the minimap' }).click();
  await expect(minimap).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the minimap' }).click();
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
});

test('zoom to fit brings every card into view, beside or above the minimap, never under it', async ({ app, page }) => {
  await app.open();
  const total = cardBoxes(await app.design()).length;
  await expect.poll(() => cardsInView(page)).toBe(total);
  expect(await cardsUnderMinimap(page)).toEqual([]);

  await zoomIn(page, 3);
  await expect.poll(() => cardsInView(page)).toBeLessThan(total);
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(() => cardsInView(page)).toBe(total);
  expect(await cardsUnderMinimap(page)).toEqual([]);

  await zoomIn(page, 3);
  await expect.poll(() => cardsInView(page)).toBeLessThan(total);
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  await expect.poll(() => cardsInView(page)).toBe(total);
  expect(await cardsUnderMinimap(page)).toEqual([]);

  // A tall design (the SQS example has few cards; the private REST API is taller) fits beside the minimap.
  await page.getByRole('button', { name: 'Open example', exact: true }).click();
  await page.getByTestId('example-private-rest-api').click();
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(async () => cardsInView(page)).toBe(cardBoxes(await app.design()).length);
  expect(await cardsUnderMinimap(page)).toEqual([]);
});

test('auto layout (elkjs, in a worker) tidies a moved-about canvas without overlaps, in one undo step, from the toolbar and with Shift+L', async ({
  app,
  page,
}) => {
  await app.open();
  const tidy = await app.design();
  expect(covered(tidy)).toEqual([]);

  // Drag one integration onto another: it is moved off it (nothing covers anything), but the canvas is untidy.
  const [first, second] = Object.keys(tidy.integrations);
  if (!first || !second) throw new Error('the example needs two integrations');
  const from = await centreOf(page.getByTestId(`node-${first}`));
  const to = await centreOf(page.getByTestId(`node-${second}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y + 10, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await app.design()).layout).not.toEqual(tidy.layout);
  const messy = await app.design();
  expect(covered(messy)).toEqual([]);

  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-layout', 'done');
  const laidOut = await app.design();
  expect(covered(laidOut)).toEqual([]);
  expect(laidOut.layout).not.toEqual(messy.layout);
  await expect.poll(() => cardsInView(page)).toBe(cardBoxes(tidy).length);

  await page.getByRole('button', { name: 'Undo Auto layout' }).click();
  await expect.poll(async () => (await app.design()).layout).toEqual(messy.layout);

  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+L');
  await expect.poll(async () => (await app.design()).layout).toEqual(laidOut.layout);
});
