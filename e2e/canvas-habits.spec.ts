import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portico';

const corpus = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/corpus/real-world');

async function transform(page: Page): Promise<[number, number, number]> {
  const text = await page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  const [x = 0, y = 0, zoom = 1] = [...text.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((match) => Number(match[0]));
  return [x, y, zoom];
}

test('the mouse wheel scrolls or zooms, as the canvas settings say; Ctrl+wheel always zooms', async ({ app, page }) => {
  await app.open();
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);

  // By default the wheel scrolls the canvas: the view moves, the zoom stays.
  let before = await transform(page);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await transform(page))[1]).not.toBe(before[1]);
  expect((await transform(page))[2]).toBe(before[2]);

  // Ctrl + wheel (and a trackpad pinch, which sends it) zooms.
  before = await transform(page);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await transform(page))[2]).toBeGreaterThan(before[2]);

  // Switched to zoom, the plain wheel zooms; the choice outlives a reload.
  await page.getByRole('button', { name: 'Canvas settings' }).click();
  await page.getByRole('radio', { name: /^Zooms/ }).check();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  before = await transform(page);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await transform(page))[2]).toBeLessThan(before[2]);
  expect(await app.design()).toBeDefined();
});

test('an OpenAPI file dropped on the canvas opens as a new design; F2 renames and Delete removes the selected method', async ({
  app,
  page,
}) => {
  await app.open();
  const first = await app.design();
  const text = readFileSync(resolve(corpus, 'sns-publish-path-rest.yaml'), 'utf8');
  // A file dragged from the desktop: a drop event carrying it, as the browser sends one.
  const drop = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'sns-publish.yaml', { type: 'application/yaml' }));
    return transfer;
  }, text);
  await page.getByTestId('canvas').dispatchEvent('dragover', { dataTransfer: drop });
  await expect(page.getByText('Drop an OpenAPI document or a Portico design file')).toBeVisible();
  await page.getByTestId('canvas').dispatchEvent('drop', { dataTransfer: drop });
  // The file is read, then imported in the import dialog (with its progress); once it is in, the dialog
  // closes, or lists what needs attention first.
  await expect.poll(async () => (await app.design()).api.name).not.toBe(first.api.name);
  await page.waitForFunction(
    () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
  );
  if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(async () => (await app.design()).api.name).not.toBe(first.api.name);
  const imported = await app.design();
  expect(Object.keys(imported.methods).length).toBeGreaterThan(0);

  // Select a method row from the keyboard (its wiring stands out), F2 to name its operation, Delete to remove
  // it (one undo step each).
  const method = Object.values(imported.methods)[0];
  if (!method) throw new Error('no method');
  await page.getByTestId(`row-${method.id}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`row-${method.id}`)).toHaveAttribute('aria-pressed', 'true');
  if (method.integration)
    await expect(page.locator(`.react-flow__edge[data-id="integration:${method.id}->${method.integration.integrationId}"]`)).toHaveClass(
      /portico-edge-active/,
    );
  await page.keyboard.press('F2');
  const field = page.getByRole('textbox', { name: 'New operation name' });
  await field.fill('publishMessage');
  await field.press('Enter');
  await expect.poll(async () => (await app.design()).methods[method.id]?.operationName).toBe('publishMessage');
  await page.getByTestId(`row-${method.id}`).click();
  await page.keyboard.press('Delete');
  await expect.poll(async () => Object.hasOwn((await app.design()).methods, method.id)).toBe(false);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => Object.hasOwn((await app.design()).methods, method.id)).toBe(true);
});
