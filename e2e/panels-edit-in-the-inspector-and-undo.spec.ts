import { expect, test } from './fixtures/portico';

test('renaming a resource in the inspector shows on the canvas at once and undoes in one step, by keyboard and toolbar', async ({
  app,
  page,
}) => {
  await app.open();
  const before = await app.design();
  const resource = Object.values(before.resources).find((candidate) => candidate.parentId !== null);
  if (!resource) throw new Error('the example has no resource to rename');
  const node = page.getByTestId(`node-${resource.id}`);
  // The card's header is the resource itself (its rows are its methods).
  await node.locator('.portico-card-header').click();

  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(panel.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  const pathPart = panel.getByLabel('Path part');
  await expect(pathPart).toHaveValue(resource.pathPart);

  // Typed key by key: every keystroke reaches the canvas, the burst is one undo step.
  await pathPart.fill('');
  await pathPart.pressSequentially('animals');
  await expect(node).toContainText('animals');
  expect((await app.design()).resources[resource.id]?.pathPart).toBe('animals');

  await pathPart.blur();
  await page.keyboard.press('Control+z');
  await expect(node).toContainText(resource.pathPart);
  await expect(pathPart).toHaveValue(resource.pathPart);
  expect((await app.design()).resources[resource.id]?.pathPart).toBe(resource.pathPart);

  await page.keyboard.press('Control+Shift+z');
  await expect(node).toContainText('animals');
  await expect(pathPart).toHaveValue('animals');

  // The toolbar buttons name the step they take back or redo.
  const toolbar = page.getByRole('toolbar', { name: 'Toolbar' });
  const undo = toolbar.getByRole('button', { name: /^Undo / });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(node).toContainText(resource.pathPart);
  await expect(node).not.toContainText('animals');
  await expect(pathPart).toHaveValue(resource.pathPart);
  expect((await app.design()).resources[resource.id]?.pathPart).toBe(resource.pathPart);
  await toolbar.getByRole('button', { name: /^Redo / }).click();
  await expect(node).toContainText('animals');
  await expect(pathPart).toHaveValue('animals');
  expect((await app.design()).resources[resource.id]?.pathPart).toBe('animals');
  await expect(toolbar.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();
});

test('a refused path part stays in the field with the reason and never reaches the design', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  const resource = Object.values(before.resources).find((candidate) => candidate.parentId !== null);
  if (!resource) throw new Error('the example has no resource to rename');
  await page.getByTestId(`node-${resource.id}`).locator('.portico-card-header').click();
  const pathPart = page.getByLabel('Path part');
  await pathPart.fill('bad part/x');
  await expect(pathPart).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-error')).toContainText('/');
  await expect(pathPart).toHaveValue('bad part/x');
  expect((await app.design()).resources[resource.id]?.pathPart).toBe(resource.pathPart);
});

test('a method shows every property group, and its operation name is saved', async ({ app, page }) => {
  await app.open();
  const method = Object.values((await app.design()).methods)[0];
  if (!method) throw new Error('the example has no method');
  const row = page.getByTestId(`row-${method.id}`);
  await row.click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  for (const group of ['Documentation', 'Method request', 'Request parameters', 'Request body', 'Method responses', 'Integration'])
    await expect(panel.locator('summary').filter({ hasText: new RegExp(`^${group}$`, 'i') })).toBeVisible();
  await panel.getByLabel('Operation name').fill('listAnimals');
  expect((await app.design()).methods[method.id]?.operationName).toBe('listAnimals');
  await expect(row).toHaveAccessibleName(/\(listAnimals\)$/);
  await panel.getByRole('button', { name: 'Add parameter' }).click();
  await expect.poll(async () => (await app.design()).methods[method.id]?.parameters.length).toBe(method.parameters.length + 1);
});
