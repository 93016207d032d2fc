import { expect, test } from './fixtures/portico';

test('stages can be reordered and are deleted only after confirming', async ({ app, page }) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'Stages' }).click();
  for (const name of ['e2e_alpha', 'e2e_beta']) {
    await panel.getByLabel('New stage name').fill(name);
    await panel.getByRole('button', { name: 'Add stage' }).click();
  }
  const names = async () => {
    const design = await app.design();
    return design.stageOrder.map((id) => design.stages[id]?.name).filter((name) => name?.startsWith('e2e_'));
  };
  expect(await names()).toEqual(['e2e_alpha', 'e2e_beta']);

  await panel.getByRole('button', { name: 'Move e2e_beta up' }).click();
  expect(await names()).toEqual(['e2e_beta', 'e2e_alpha']);

  await panel.getByRole('button', { name: 'Delete stage e2e_alpha' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete stage e2e_alpha?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await names()).toEqual(['e2e_beta', 'e2e_alpha']);

  await panel.getByRole('button', { name: 'Delete stage e2e_alpha' }).click();
  await dialog.getByRole('button', { name: 'Delete stage' }).click();
  expect(await names()).toEqual(['e2e_beta']);
  await expect(panel.getByRole('list', { name: 'Stages' })).not.toContainText('e2e_alpha');
});
