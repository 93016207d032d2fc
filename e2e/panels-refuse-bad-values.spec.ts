import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/portico';

async function expectRefused(field: Locator, message: RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await field.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  const errorId = describedBy?.split(' ')[0] ?? '';
  await expect(field.page().locator(`[id="${errorId}"]`)).toHaveText(message);
}

test('bad stage values are refused at the field with a message and never saved', async ({ app, page }) => {
  await app.open();
  test.skip((await app.design()).api.type !== 'REST', 'the first-start example must be a REST API for this story');
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'Stages' }).click();
  const newName = panel.getByLabel('New stage name');

  await newName.fill('my stage');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await expectRefused(newName, /no spaces/);
  expect(Object.values((await app.design()).stages).some((stage) => stage.name === 'my stage')).toBe(false);

  await newName.fill('e2e_one');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await newName.fill('e2e_one');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await expectRefused(newName, /already exists/);
  expect(Object.values((await app.design()).stages).filter((stage) => stage.name === 'e2e_one')).toHaveLength(1);

  await newName.fill('e2e_two');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  const stageName = panel.getByLabel('Stage name', { exact: true });
  await expect(stageName).toHaveValue('e2e_two');
  await stageName.fill('e2e_one');
  await expectRefused(stageName, /already exists/);
  await expect(stageName).toHaveValue('e2e_one');
  const two = Object.values((await app.design()).stages).find((stage) => stage.name === 'e2e_two');
  expect(two).toBeDefined();
  await stageName.fill('e2e_two');
  await expect(stageName).not.toHaveAttribute('aria-invalid', 'true');

  const ttl = panel.getByLabel('Cache TTL (seconds)', { exact: true });
  await ttl.fill('5000');
  await expectRefused(ttl, /0 to 3600/);
  await expect(ttl).toHaveValue('5000');
  const rate = panel.getByLabel('Throttling rate (requests per second)', { exact: true });
  await rate.fill('-5');
  await expectRefused(rate, /from 0/);

  const saved = Object.values((await app.design()).stages).find((candidate) => candidate.id === two?.id);
  expect(saved?.methodSettings.cacheTtlSeconds).toBe(300);
  expect(saved?.methodSettings.throttlingRateLimit).toBeUndefined();

  // A good value clears the message and is saved.
  await ttl.fill('120');
  await expect(ttl).not.toHaveAttribute('aria-invalid', 'true');
  expect(Object.values((await app.design()).stages).find((candidate) => candidate.id === two?.id)?.methodSettings.cacheTtlSeconds).toBe(
    120,
  );
});

test('an API key value shorter than 20 characters is refused at the field', async ({ app, page }) => {
  await app.open();
  test.skip((await app.design()).api.type !== 'REST', 'the first-start example must be a REST API for this story');
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'Usage plans & keys' }).click();
  await panel.getByRole('button', { name: 'Add API key' }).click();
  const value = panel.locator('[data-testid^="api-key-"]').last().getByLabel('Key value');
  await value.fill('short');
  await expectRefused(value, /at least 20 characters/);
  expect(Object.values((await app.design()).apiKeys).some((key) => key.value === 'short')).toBe(false);
});
