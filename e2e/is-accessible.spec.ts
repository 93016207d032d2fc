import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/portico';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

test('the main screen has no serious accessibility violations', async ({ app, page }) => {
  await app.open();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the side panels have no serious accessibility violations', async ({ app, page }) => {
  await app.open();
  for (const panel of ['API', 'Stages', 'Usage plans', 'Problems', 'Cost']) {
    await page
      .getByRole('tab', { name: new RegExp(panel) })
      .first()
      .click();
    expect(await seriousViolations(page), panel).toEqual([]);
  }
});

test('dialogs have no serious accessibility violations and work from the keyboard', async ({ app, page }) => {
  await app.open();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search commands' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.type('shortcuts');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Open example' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
