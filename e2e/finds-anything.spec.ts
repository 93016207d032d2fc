import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';

/** Opens the palette with Ctrl+K and types a query; returns the palette dialog. */
async function search(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const box = palette.getByRole('combobox', { name: 'Search commands and elements' });
  await expect(box).toBeFocused();
  await box.fill(query);
  return palette;
}

/** Whether the element drawn for `id` lies wholly inside the canvas viewport (a card, or a row in a card). */
async function insideCanvas(page: Page, id: string): Promise<boolean> {
  const element = page.locator(`[data-element-id="${id}"]`);
  if ((await element.count()) === 0) return false;
  const box = await element.first().boundingBox();
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!box || !canvas) return false;
  return (
    box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height
  );
}

/** Pans the canvas until everything drawn is far off screen: two middle-button drags (the pan gesture that works on any spot). */
async function panAway(page: Page): Promise<void> {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  for (let drag = 0; drag < 2; drag += 1) {
    await page.mouse.move(canvas.x + 12, canvas.y + 12);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(canvas.x + canvas.width - 12, canvas.y + canvas.height - 12, { steps: 8 });
    await page.mouse.up({ button: 'middle' });
  }
}

function methodByOperation(design: Design, operationName: string) {
  const method = Object.values(design.methods).find((candidate) => candidate.operationName === operationName);
  if (!method) throw new Error(`the example has no operation ${operationName}`);
  return method;
}

test('a designer finds a method by its operation name: it is selected, opened in the inspector and brought into view', async ({
  app,
  page,
}) => {
  await app.open();
  const before = await app.design();
  const method = methodByOperation(before, 'createPet');
  await panAway(page);
  await expect.poll(() => insideCanvas(page, method.id), 'the method is off screen before the search').toBe(false);

  const palette = await search(page, 'createPet');
  const first = palette.getByRole('option').first();
  await expect(first).toContainText('POST /pets');
  await expect(first).toContainText('Method');
  await expect(first.locator('mark')).toHaveText(['createPet']);
  await expect(palette.getByRole('group', { name: 'Elements' })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(palette).toBeHidden();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'Method POST /pets' })).toBeVisible();
  await expect.poll(() => insideCanvas(page, method.id), 'the method is inside the canvas view').toBe(true);
  // Finding changes nothing in the design.
  expect(await app.design()).toEqual(before);
});

test('a designer finds an integration by part of its Lambda ARN', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  const target = Object.values(design.integrations).find((candidate) => candidate.kind === 'LAMBDA');
  if (target?.kind !== 'LAMBDA') throw new Error('the example has no Lambda integration');
  await panAway(page);
  await expect.poll(() => insideCanvas(page, target.id)).toBe(false);

  // The account and function part of the ARN, as someone would paste it from a console.
  const part = target.functionArn.slice(target.functionArn.indexOf(':function:') - 12);
  const palette = await search(page, part);
  const first = palette.getByRole('option').first();
  await expect(first).toContainText(target.name);
  await expect(first).toContainText(target.functionArn);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('inspector').getByRole('heading', { name: `Lambda function: ${target.name}` })).toBeVisible();
  await expect.poll(() => insideCanvas(page, target.id)).toBe(true);
});

test('a stage found by name opens the stages panel on it, its name field focused', async ({ app, page }) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  // A second stage, chosen in the panel, so that the search has to switch to the one asked for.
  await panel.getByRole('tab', { name: 'Stages' }).click();
  await panel.getByLabel('New stage name').fill('dev');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await expect(panel.getByRole('button', { name: 'dev', exact: true })).toHaveAttribute('aria-current', 'true');
  await panel.getByRole('tab', { name: 'Inspector' }).click();

  const palette = await search(page, 'prod');
  await expect(palette.getByRole('option').first()).toContainText('Stage');
  await page.keyboard.press('Enter');

  await expect(panel.getByRole('tab', { name: 'Stages' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('button', { name: 'prod', exact: true })).toHaveAttribute('aria-current', 'true');
  const name = panel.getByLabel('Stage name', { exact: true });
  await expect(name).toHaveValue('prod');
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
});

test('a model, a request validator and an API key found by name open their panel, unfolded and focused', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  const model = Object.values(design.models).find((candidate) => candidate.name === 'NewPet');
  if (!model) throw new Error('the example has no NewPet model');

  let palette = await search(page, 'NewPet');
  await expect(palette.getByRole('option').first()).toContainText('Model');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('tab', { name: 'API' })).toHaveAttribute('aria-selected', 'true');
  const modelName = panel.getByTestId(`model-${model.id}`).getByLabel('Model name');
  await expect(modelName).toHaveValue('NewPet');
  await expect(modelName).toBeFocused();
  await expect(modelName).toBeInViewport();

  palette = await search(page, 'validate parameters');
  await expect(palette.getByRole('option').first()).toContainText('Request validator');
  await page.keyboard.press('Enter');
  const validatorName = panel.getByLabel('Validator name').and(page.locator(':focus'));
  await expect(validatorName).toHaveValue('Validate parameters');
  await expect(validatorName).toBeInViewport();

  const key = Object.values(design.apiKeys)[0];
  if (!key) throw new Error('the example has no API key');
  palette = await search(page, key.name);
  await expect(palette.getByRole('option').first()).toContainText('API key');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('tab', { name: /Usage plans/ })).toHaveAttribute('aria-selected', 'true');
  const keyName = panel.getByTestId(`api-key-${key.id}`).getByLabel('Key name');
  await expect(keyName).toBeFocused();
  await expect(keyName).toBeInViewport();
});

test('the palette says when nothing matches, lists commands and a hint on an empty query, and still runs commands', async ({
  app,
  page,
}) => {
  await app.open();
  const palette = await search(page, '');
  await expect(palette.getByText('Type to find paths, operations, integrations, ARNs, stages, models…')).toBeVisible();
  await expect(palette.getByRole('group', { name: 'Commands' }).getByRole('option').first()).toBeVisible();
  await expect(palette.getByRole('group', { name: 'Elements' })).toHaveCount(0);

  const box = palette.getByRole('combobox');
  await box.fill('qqqxzzj');
  await expect(palette.getByRole('status')).toHaveText('No element or command matches.');
  await expect(palette.getByRole('option')).toHaveCount(0);

  // Arrow keys move through elements and commands alike; the mouse picks too.
  await box.fill('pets');
  const options = palette.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? '');
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await box.fill('shortcuts');
  await expect(palette.getByRole('group', { name: 'Commands' }).getByRole('option', { name: /Keyboard shortcuts/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Escape closes the palette and leaves everything as it was.
  const before = await app.design();
  await search(page, 'getPet');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  expect(await app.design()).toEqual(before);

  // A click on an element chooses it.
  const palette2 = await search(page, 'health');
  await palette2.getByRole('option').filter({ hasText: 'GET /health' }).click();
  await expect(page.getByTestId('inspector').getByRole('heading', { name: 'Method GET /health' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the palette listing elements and commands has no serious accessibility violations (${colorScheme} theme)`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await app.open();
    // "pe" finds elements of several kinds (marked matches included) and the "Open example" command.
    const palette = await search(page, 'pe');
    await expect(palette.getByRole('group', { name: 'Elements' }).locator('mark').first()).toBeVisible();
    await expect(palette.getByRole('group', { name: 'Commands' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('dialog[open]').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 3)
            .join('; ')}`,
      );
    expect(serious).toEqual([]);
  });
}
