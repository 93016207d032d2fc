import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portico';
import { openCodeView } from './helpers/code-view';

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

/** Serious and critical WCAG 2 A/AA violations on the page, or inside `scope` when given. */
async function seriousViolations(page: Page, scope?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  if (scope) builder.include(scope);
  return describeViolations((await builder.analyze()).violations);
}

/**
 * Contrast of the text on every canvas node. axe gives up on a node that an edge's SVG box overlaps (it
 * files it under "incomplete", not as a violation), so every node is selected first, which lifts it above
 * the edges; an unchecked node then counts as a failure too, so a node can never pass by being unreadable
 * to axe.
 */
async function nodeContrastProblems(page: Page): Promise<string[]> {
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+A');
  await expect(page.locator('.react-flow__node:not(.selected)')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).include('.react-flow__nodes').analyze();
  const unchecked = results.incomplete.flatMap((result) => result.nodes.map((node) => `unchecked: ${node.target.join(' ')}`));
  const checked = results.passes.flatMap((result) => result.nodes);
  expect(checked.length, 'text elements axe could check on the nodes').toBeGreaterThan(10);
  return [...describeViolations(results.violations), ...unchecked];
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the main screen has no serious accessibility violations', async ({ app, page }) => {
      await app.open();
      // The theme follows the system setting on a first start.
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('every kind of canvas node has text with enough contrast', async ({ app, page }) => {
      await app.open();
      expect(await nodeContrastProblems(page), 'REST pet store').toEqual([]);
      // Routes and a JWT authorizer, which the REST example does not have.
      await page.getByRole('button', { name: 'Open example' }).click();
      await page.getByTestId('example-http-api-jwt').click();
      await expect.poll(async () => Object.keys((await app.design()).routes).length).toBeGreaterThan(0);
      expect(await nodeContrastProblems(page), 'HTTP API with JWT').toEqual([]);
    });

    test('the side panels have no serious accessibility violations', async ({ app, page }) => {
      // axe takes a few seconds a run on a small machine, and this test runs it six times.
      test.slow();
      await app.open();
      const panel = page.getByRole('complementary', { name: 'Side panel' });
      // The method inspector, with every property group unfolded.
      const method = Object.values((await app.design()).methods)[0];
      if (!method) throw new Error('the example has no method');
      await page.getByTestId(`row-${method.id}`).click();
      for (const group of await panel.locator('details').all()) await group.evaluate((element) => element.setAttribute('open', ''));
      expect(await seriousViolations(page, '[data-testid="side-panel"]'), 'method inspector').toEqual([]);
      // A backend's inspector, with the methods that call it listed.
      const integration = Object.keys((await app.design()).integrations)[0];
      if (!integration) throw new Error('the example has no integration');
      await page.getByTestId(`node-${integration}`).click();
      await expect(panel.getByTestId('used-by').getByRole('button').first()).toBeVisible();
      expect(await seriousViolations(page, '[data-testid="side-panel"]'), 'integration inspector').toEqual([]);
      for (const name of ['API', 'Stages', 'Usage plans', 'Problems', 'Cost']) {
        await panel
          .getByRole('tab', { name: new RegExp(name) })
          .first()
          .click();
        expect(await seriousViolations(page, '[data-testid="side-panel"]'), name).toEqual([]);
      }
    });

    test('the code view has no serious accessibility violations, on each tab and with a highlighted selection', async ({ app, page }) => {
      test.slow();
      await app.open();
      await openCodeView(page);
      const method = Object.values((await app.design()).methods)[0];
      if (!method) throw new Error('the example has no method');
      await page.getByTestId(`row-${method.id}`).click();
      await expect(page.locator('.portico-code-highlight')).toHaveCount(1);
      expect(await seriousViolations(page, '[data-testid="code-view"]'), 'OpenAPI 3.0').toEqual([]);
      for (const tab of ['Swagger 2.0', 'AWS CDK']) {
        await page.getByTestId('code-view').getByRole('tab', { name: tab }).click();
        await expect(page.getByTestId('code-view-status')).toHaveText('In step with the design');
        expect(await seriousViolations(page, '[data-testid="code-view"]'), tab).toEqual([]);
      }
    });

    test('dialogs have no serious accessibility violations and work from the keyboard', async ({ app, page }) => {
      test.slow();
      await app.open();
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('combobox', { name: 'Search commands and elements' })).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      // A search that matches nothing says so, outside the list of options.
      await page.keyboard.type('no such command');
      await expect(page.getByRole('status').filter({ hasText: 'No element or command matches.' })).toBeVisible();
      expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);
      await page.keyboard.press('Control+a');
      await page.keyboard.type('shortcuts');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Open example' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('My designs has no serious accessibility violations and works from the keyboard', async ({ app, page }) => {
      test.slow();
      await app.open();
      // A second design, so that the list, the current mark and the Trash all have something to show.
      await page.getByRole('button', { name: 'Open example' }).click();
      await page.getByTestId('example-websocket-chat').click();
      await page.keyboard.press('Control+Shift+O');
      const dialog = page.getByRole('dialog', { name: 'My designs' });
      await expect(dialog.getByRole('listitem')).toHaveCount(2);
      expect(await seriousViolations(page, 'dialog[open]'), 'designs').toEqual([]);
      // Tab to the first design (the one open now is first: it changed last), rename it with F2.
      const first = dialog.locator('li').first().getByRole('button').first();
      await first.focus();
      await page.keyboard.press('F2');
      await expect(dialog.getByRole('textbox', { name: 'Design name' })).toBeFocused();
      await page.keyboard.type('Renamed from the keyboard');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('api-name')).toHaveText('Renamed from the keyboard');
      // Delete moves the other design to the Trash; the Trash view lists it.
      await dialog.locator('li').nth(1).getByRole('button').first().focus();
      await page.keyboard.press('Delete');
      await expect(dialog.getByRole('status').filter({ hasText: 'to the Trash' })).toBeVisible();
      await dialog.getByRole('button', { name: /^Trash/ }).click();
      await expect(dialog.getByRole('listitem')).toHaveCount(1);
      expect(await seriousViolations(page, 'dialog[open]'), 'trash').toEqual([]);
      await dialog.getByRole('button', { name: 'Delete forever' }).click();
      expect(await seriousViolations(page, 'dialog[open]'), 'confirm delete').toEqual([]);
      await dialog.getByRole('button', { name: 'Keep it' }).click();
      await dialog.getByRole('button', { name: 'Empty the Trash' }).click();
      await dialog.getByRole('button', { name: 'Delete all 1 forever' }).click();
      await expect(dialog.getByRole('status').filter({ hasText: 'The Trash is empty.' })).toBeVisible();
      expect(await seriousViolations(page, 'dialog[open]'), 'empty trash').toEqual([]);
      // A search that matches nothing says so.
      await dialog.getByRole('button', { name: /^Designs/ }).click();
      await dialog.getByRole('searchbox', { name: 'Search designs' }).fill('no such design');
      await expect(dialog.getByRole('status').filter({ hasText: 'No design matches' })).toBeVisible();
      expect(await seriousViolations(page, 'dialog[open]'), 'empty search').toEqual([]);
      // Escape clears the search first, then closes the dialog.
      await page.keyboard.press('Escape');
      await expect(dialog.getByRole('searchbox', { name: 'Search designs' })).toHaveValue('');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
  });
}
