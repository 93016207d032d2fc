import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { examples } from '../src/core/examples';
import { cardBoxes, type Design, overlaps } from '../src/core/model';
import { expect, type PorticoApp, test } from './fixtures/portico';
import { canvasZoom, cardTextSizes, edgeCrossings, overlappingCards } from './helpers/canvas-geometry';

const corpus = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/corpus/real-world');

/** Pairs of cards of the whole design (drawn or not) that cover each other. */
function coveredInModel(design: Design): string[] {
  const boxes = cardBoxes(design);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) if (overlaps(boxes[i]!, boxes[j]!)) pairs.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
  return pairs;
}

/** What a person sees at the view a design opens with: readable labels, no card on another, no edge through a card. */
async function expectReadable(page: Page, app: PorticoApp, what: string): Promise<void> {
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The opening view settles in the frame after the design is drawn.
  await page.waitForTimeout(300);
  const sizes = await cardTextSizes(page);
  expect(sizes.length, `${what}: card labels on screen`).toBeGreaterThan(5);
  const smallest = sizes.reduce((min, size) => (size.px < min.px ? size : min));
  expect(smallest.px, `${what}: the smallest label, "${smallest.text}", at zoom ${await canvasZoom(page)}`).toBeGreaterThanOrEqual(11);
  expect(await overlappingCards(page), `${what}: cards drawn over cards`).toEqual([]);
  expect(coveredInModel(await app.design()), `${what}: cards over cards anywhere in the design`).toEqual([]);
  expect(await edgeCrossings(page), `${what}: edges through cards they do not connect`).toEqual([]);
  expect(await page.locator('.react-flow__edge-path[data-source]').count(), `${what}: edges drawn`).toBeGreaterThan(0);
}

test.describe('the canvas reads like the API at the view it opens with (1440×900, panels open)', () => {
  test('the pet store on first start', async ({ app, page }) => {
    await app.open();
    await expectReadable(page, app, 'pet store');
    // Small enough to be seen whole at that zoom: every card is drawn.
    const design = await app.design();
    await expect(page.locator('.react-flow__node')).toHaveCount(cardBoxes(design).length);
    await page.screenshot({ path: 'test-results/canvas-pet-store.png' });
  });

  for (const example of examples)
    test(`the example ${example.title}`, async ({ app, page }) => {
      await app.open();
      await page.getByRole('button', { name: 'Open example', exact: true }).click();
      await page.getByTestId(`example-${example.id}`).click();
      await expect.poll(async () => (await app.design()).api.name).toBe(example.build().api.name);
      await expectReadable(page, app, example.title);
    });

  test('a 27-element corpus document, imported', async ({ app, page }) => {
    await app.open();
    await page.getByRole('button', { name: 'Import OpenAPI' }).click();
    await page.getByTestId('import-file').setInputFiles(resolve(corpus, 'lambda-token-authorizer-validators-gateway-responses-rest.yaml'));
    await page.waitForFunction(
      () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
    );
    if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => Object.keys((await app.design()).methods).length).toBe(13);
    await expectReadable(page, app, 'lambda-token-authorizer corpus import');
    // Too tall to fit readably: it opens at a readable zoom on its root, the minimap showing the rest.
    await expect(page.getByRole('group', { name: /^Resource \/( |$)/ })).toBeInViewport();
    await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
    await page.screenshot({ path: 'test-results/canvas-corpus-import.png' });
  });
});
