import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portico';
import { downloadCode, openCodeView, showCodeTab } from './helpers/code-view';

async function showCdk(page: Page): Promise<string> {
  await showCodeTab(page, 'AWS CDK');
  const file = await downloadCode(page);
  expect(file.name).toMatch(/-stack\.ts$/);
  return file.text;
}

test('a stage with caching and an override, a usage plan with a quota and an API key show in the CDK tab and survive a reload', async ({
  app,
  page,
}) => {
  await app.open();
  const start = await app.design();
  const method = Object.values(start.methods)[0];
  if (!method) throw new Error('the example has no method');
  const panel = page.getByRole('complementary', { name: 'Side panel' });

  await panel.getByRole('tab', { name: 'Stages' }).click();
  await panel.getByLabel('New stage name').fill('beta');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await panel.getByLabel('Cache cluster enabled', { exact: true }).check();
  await panel.getByLabel('Cache size (GB)', { exact: true }).selectOption('6.1');
  await panel.getByLabel('Caching enabled', { exact: true }).check();
  await panel.getByLabel('Cache TTL (seconds)', { exact: true }).fill('900');
  await panel.getByLabel('Method to override').selectOption(method.id);
  await panel.getByRole('button', { name: 'Add override' }).click();
  await panel
    .getByTestId(`override-${method.id}`)
    .getByLabel(/Cache TTL/)
    .fill('45');

  await panel.getByRole('tab', { name: 'Usage plans & keys' }).click();
  await panel.getByRole('button', { name: 'Add usage plan' }).click();
  const plan = panel.locator('[data-testid^="usage-plan-"]').last();
  await plan.getByLabel('Plan name').fill('Platinum');
  await plan.getByLabel('Quota', { exact: true }).check();
  await plan.getByLabel('Quota limit (requests)').fill('98765');
  await plan.getByLabel('Quota period').selectOption('MONTH');
  await plan.getByLabel('Covers stage beta').check();
  await panel.getByRole('button', { name: 'Add API key' }).click();
  const key = panel.locator('[data-testid^="api-key-"]').last();
  await key.getByLabel('Key name').fill('platinum-partner');
  await plan.getByLabel('Attach platinum-partner').check();

  await openCodeView(page);
  const expectInCdk = (code: string) => {
    for (const text of ["'beta'", "'6.1'", '900', '45', "'Platinum'", '98765', 'apigateway.Period.MONTH', "'platinum-partner'"])
      expect(code, `the CDK program mentions ${text}`).toContain(text);
  };
  expectInCdk(await showCdk(page));

  await app.waitForSave();
  await page.reload();
  await app.open();
  await openCodeView(page);
  expectInCdk(await showCdk(page));
});
