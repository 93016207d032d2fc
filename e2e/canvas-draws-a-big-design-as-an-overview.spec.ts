import type { Page } from '@playwright/test';
import { cardGeometry, type Design, type ResourceId } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { cardTextSizes } from './helpers/canvas-geometry';
import { syntheticDocument } from './helpers/synthetic-document';

/** Where a resource card's header is on screen, from the viewport React Flow applies. */
async function screenPointOf(page: Page, design: Design, id: ResourceId) {
  const position = design.layout[id];
  if (!position) throw new Error(`${id} has no position`);
  const pane = await page.getByTestId('canvas').boundingBox();
  const transform = await page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  const [x = 0, y = 0, zoom = 1] = [...transform.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((match) => Number(match[0]));
  if (!pane) throw new Error('The canvas is not on screen.');
  return {
    x: pane.x + x + (position.x + cardGeometry.apiWidth / 2) * zoom,
    y: pane.y + y + (position.y + cardGeometry.headerHeight / 2) * zoom,
  };
}

test('a design of 1,000 operations opens readable on its root; zoomed to fit it is an overview where a click selects, and zooming in brings the cards back', async ({
  app,
  page,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'big-api.json', mimeType: 'application/json', buffer: syntheticDocument(1000, 7, 'json') });
  // OpenAPI does not say the endpoint type: the import says so, and the design is there behind the note.
  await expect(page.getByTestId('import-notes')).toContainText('endpoint type');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const design = await app.design();
  expect(Object.keys(design.methods)).toHaveLength(1000);

  // Too big to be read whole: it opens at a readable zoom on its root, with the minimap for the rest.
  await expect(page.getByRole('group', { name: /^Resource \/( |$)/ })).toBeInViewport();
  const sizes = await cardTextSizes(page);
  expect(Math.min(...sizes.map((size) => size.px))).toBeGreaterThanOrEqual(11);
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
  // Only the cards near the view are handed to React Flow, not a thousand.
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(150);

  // Zoom to fit: the whole design, drawn as one picture rather than hundreds of cards.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const overview = page.getByTestId('canvas-overview');
  await expect(overview).toBeVisible();
  await expect.poll(async () => Number(await overview.getAttribute('data-drawn'))).toBeGreaterThan(300);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // A click on a card in the overview selects it and opens its inspector.
  const resource = Object.values(design.resources).find((candidate) => candidate.parentId === 'res_root');
  if (!resource) throw new Error('The design has no top-level resource.');
  const point = await screenPointOf(page, design, resource.id);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByLabel('Path part', { exact: false }).first()).toHaveValue(resource.pathPart);

  // Zooming in around it (Ctrl + wheel, as a trackpad pinch sends) brings back the cards, that one among them.
  for (let step = 0; step < 40 && !(await page.getByTestId(`node-${resource.id}`).isVisible()); step += 1) {
    const at = await screenPointOf(page, design, resource.id);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(50);
  }
  await expect(page.getByTestId(`node-${resource.id}`)).toBeVisible();
  await expect(page.getByTestId(`node-${resource.id}`)).toContainText(resource.pathPart);
  await expect(overview).toHaveCount(0);
});
