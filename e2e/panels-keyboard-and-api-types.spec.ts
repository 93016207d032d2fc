import { expect, test } from './fixtures/portico';

test('the side panel tabs work from the keyboard', async ({ app, page }) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  const inspector = panel.getByRole('tab', { name: 'Inspector' });
  await inspector.click();
  await inspector.focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'API' })).toBeFocused();
  await expect(panel.getByRole('tab', { name: 'API' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel')).toContainText('API settings');
  await page.keyboard.press('End');
  await expect(panel.getByRole('tab', { name: 'Cost' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(inspector).toHaveAttribute('aria-selected', 'true');
});

test('changing the API type asks first, and cancelling leaves the design as it was', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'API' }).click();
  const other = before.api.type === 'HTTP' ? 'REST' : 'HTTP';
  await panel.getByLabel('API type').selectOption(other);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Convert');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByLabel('API type')).toHaveValue(before.api.type);
  expect((await app.design()).api.type).toBe(before.api.type);
});

test('several selected methods (rows of their cards) show a summary and can be deleted together', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  const ids = Object.values(design.methods)
    .slice(0, 2)
    .map((method) => method.id);
  test.skip(ids.length < 2, 'needs two methods in the example');
  await page.getByTestId(`row-${ids[0]}`).click();
  await page.getByTestId(`row-${ids[1]}`).click({ modifiers: ['Shift'] });
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(panel).toContainText('2 elements selected');
  await panel.getByRole('button', { name: 'Delete 2 elements' }).click();
  const after = await app.design();
  expect(ids.every((id) => !(id in after.methods))).toBe(true);
});
