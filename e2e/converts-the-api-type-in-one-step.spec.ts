import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/portico';

test('converts the pet store from REST to HTTP in one step: the plan lists what goes first, one click converts, one undo restores it exactly', async ({
  app,
  page,
}) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'API' }).click();

  // A request validator and a gateway response, added through the API panel.
  await panel.locator('summary', { hasText: 'Request validators' }).click();
  await panel.getByRole('button', { name: 'Add request validator' }).click();
  await panel.locator('summary', { hasText: 'Gateway responses' }).click();
  await panel.getByLabel('Response type').selectOption('DEFAULT_4XX');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'DEFAULT_4XX' })).toBeVisible();
  const before = await app.design();
  expect(before.api.type).toBe('REST');
  expect(Object.values(before.requestValidators).map((validator) => validator.name)).toContain('Validate body and parameters');
  expect(Object.keys(before.gatewayResponses)).toEqual(['DEFAULT_4XX']);

  await panel.getByLabel('API type').selectOption('HTTP');
  const dialog = page.getByRole('dialog', { name: 'Convert to an HTTP API?' });
  await expect(dialog).toBeVisible();
  const removed = dialog.getByRole('region', { name: /^Removed \(\d+\)$/ });
  const converted = dialog.getByRole('region', { name: /^Converted \(\d+\)$/ });
  for (const item of [
    'Request validator "Validate body and parameters"',
    'Gateway response DEFAULT_4XX',
    'Authorizer "PetOwners" (Cognito user pool)',
    'Mock integration "Health check"',
    'Usage plan "Partners"',
    'API key "partner"',
    'Cache cluster of stage prod',
  ])
    await expect(removed.getByRole('listitem').filter({ hasText: item })).toHaveCount(1);
  await expect(converted.getByRole('listitem').filter({ hasText: 'Method GET /pets/{petId}' })).toContainText(
    'becomes the route GET /pets/{petId}',
  );
  await expect(converted.getByRole('listitem').filter({ hasText: 'Endpoint type' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: /^Blocked/ })).toHaveCount(0);
  // The count in the heading is the number of items listed.
  const count = Number((await removed.getByRole('heading').textContent())?.match(/\((\d+)\)/)?.[1]);
  await expect(removed.getByRole('listitem')).toHaveCount(count);
  // Nothing has changed while the plan is shown.
  expect(await app.design()).toEqual(before);
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Convert to HTTP API' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice').filter({ hasText: 'Converted to an HTTP API' })).toContainText('Ctrl+Z');
  await expect(panel.getByLabel('API type')).toHaveValue('HTTP');
  const after = await app.design();
  expect(after.api.type).toBe('HTTP');
  expect(after.requestValidators).toEqual({});
  expect(after.gatewayResponses).toEqual({});
  expect(after.authorizers).toEqual({});
  expect(after.usagePlans).toEqual({});
  expect(after.apiKeys).toEqual({});
  expect(Object.values(after.integrations).map((target) => target.name)).toEqual(['Pets function']);
  expect(Object.values(after.routes).map((route) => route.routeKey)).toEqual([
    'GET /pets',
    'POST /pets',
    'GET /pets/{petId}',
    'GET /health',
  ]);
  // One step in the history, named after the conversion.
  await expect(page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Undo Convert to HTTP API' })).toBeEnabled();

  // Focus is back on the API type; Ctrl+Z there undoes the whole conversion, once.
  await expect(panel.getByLabel('API type')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(panel.getByLabel('API type')).toHaveValue('REST');
  expect(await app.design()).toEqual(before);
});

test('a conversion that something blocks says what and why, cannot be confirmed, and changes nothing', async ({ app, page }) => {
  // The dark theme here (the other story checks the light one): blocked and removed items have their own colours.
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open();
  const before = await app.design();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'API' }).click();
  await panel.getByLabel('API type').selectOption('WEBSOCKET');
  const dialog = page.getByRole('dialog', { name: 'Convert to a WebSocket API?' });
  const blocked = dialog.getByRole('region', { name: 'Blocked (1)' });
  await expect(blocked.getByRole('listitem')).toContainText('do not convert into each other: delete them first');
  await expect(dialog.getByRole('alert')).toContainText('One thing blocks the conversion');
  await expect(
    dialog
      .getByRole('region', { name: /^Removed/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Convert to WebSocket API' });
  await expect(confirm).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  // Keyboard: the dialog takes the focus, Tab reaches the plan (which then scrolls with the arrow keys)
  // and Cancel, and Escape leaves as Cancel does.
  expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
  const plan = dialog.getByRole('region', { name: 'Conversion plan' });
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const reached: string[] = [];
  for (let step = 0; step < 4; step += 1) {
    await page.keyboard.press('Tab');
    if (await plan.evaluate((element) => element === document.activeElement)) reached.push('plan');
    if (await cancel.evaluate((element) => element === document.activeElement)) reached.push('cancel');
  }
  expect(reached).toEqual(expect.arrayContaining(['plan', 'cancel']));
  expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.getByLabel('API type')).toHaveValue('REST');
  expect(await app.design()).toEqual(before);
});

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('dialog[open]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
}
