import { expect, test } from './fixtures/portico';

test('a stage with caching and a method override, a usage plan with a quota and an API key are kept after reload', async ({
  app,
  page,
}) => {
  await app.open();
  const start = await app.design();
  test.skip(start.api.type !== 'REST', 'the first-start example must be a REST API for this story');
  const method = Object.values(start.methods)[0];
  if (!method) throw new Error('the example has no method');
  const panel = page.getByRole('complementary', { name: 'Side panel' });

  await panel.getByRole('tab', { name: 'Stages' }).click();
  await panel.getByLabel('New stage name').fill('e2e_stage');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await expect(panel.getByRole('button', { name: 'e2e_stage', exact: true })).toHaveAttribute('aria-current', 'true');
  await panel.getByLabel('Cache cluster enabled', { exact: true }).check();
  await panel.getByLabel('Cache size (GB)', { exact: true }).selectOption('1.6');
  await panel.getByLabel('Caching enabled', { exact: true }).check();
  await panel.getByLabel('Cache TTL (seconds)', { exact: true }).fill('600');
  await panel.getByLabel('Method to override').selectOption(method.id);
  await panel.getByRole('button', { name: 'Add override' }).click();
  const override = panel.getByTestId(`override-${method.id}`);
  await override.getByLabel(/Cache TTL/).fill('60');
  await override.getByLabel(/Throttling rate/).fill('25');

  await panel.getByRole('tab', { name: 'Usage plans & keys' }).click();
  await panel.getByRole('button', { name: 'Add usage plan' }).click();
  const plan = panel.locator('[data-testid^="usage-plan-"]').last();
  await plan.getByLabel('Plan name').fill('Gold');
  await plan.getByLabel('Quota', { exact: true }).check();
  await plan.getByLabel('Quota limit (requests)').fill('1234');
  await plan.getByLabel('Quota period').selectOption('WEEK');
  await plan.getByLabel('Covers stage e2e_stage').check();
  await panel.getByRole('button', { name: 'Add API key' }).click();
  const key = panel.locator('[data-testid^="api-key-"]').last();
  await key.getByLabel('Key name').fill('partner-key');
  await key.getByLabel('Key value').fill('abcdefghijklmnopqrstuvwxyz012345');
  await plan.getByLabel('Attach partner-key').check();

  const edited = await app.design();
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __portico?: unknown }).__portico));
  const restored = await app.design();
  expect(restored).toEqual(edited);

  const stage = Object.values(restored.stages).find((candidate) => candidate.name === 'e2e_stage');
  expect(stage).toMatchObject({
    cacheClusterEnabled: true,
    cacheClusterSize: '1.6',
    methodSettings: { cachingEnabled: true, cacheTtlSeconds: 600 },
  });
  expect(stage?.methodOverrides[method.id]).toEqual({ cacheTtlSeconds: 60, throttlingRateLimit: 25 });
  const gold = Object.values(restored.usagePlans).find((candidate) => candidate.name === 'Gold');
  const partner = Object.values(restored.apiKeys).find((candidate) => candidate.name === 'partner-key');
  expect(gold?.quota).toEqual({ limit: 1234, period: 'WEEK', offset: 0 });
  expect(gold?.stages.map((entry) => entry.stageId)).toEqual([stage?.id]);
  expect(gold?.apiKeyIds).toEqual([partner?.id]);
  expect(partner?.value).toBe('abcdefghijklmnopqrstuvwxyz012345');

  // And the panels show them again.
  const after = page.getByRole('complementary', { name: 'Side panel' });
  await after.getByRole('tab', { name: 'Stages' }).click();
  await after.getByRole('button', { name: 'e2e_stage', exact: true }).click();
  await expect(after.getByLabel('Cache TTL (seconds)', { exact: true })).toHaveValue('600');
  await after.getByRole('tab', { name: 'Usage plans & keys' }).click();
  await expect(after.getByLabel('Plan name').last()).toHaveValue('Gold');
});
