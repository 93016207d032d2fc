import { firstStartDesign } from '../src/core/examples';
import { expect, test } from './fixtures/portico';
import { keyValueKeys, libraryEntries, seedFirstStorageVersion } from './helpers/saved-designs';

test('a damaged saved design is kept aside and the user is told', async ({ app, page }) => {
  const damaged = { format: 'portico.autosave', schemaVersion: 1, savedAt: 1, design: { api: { name: 'half-written' } } };
  await seedFirstStorageVersion(page, { current: damaged });
  await app.open();
  await expect(page.getByRole('status').filter({ hasText: 'Your last saved design was not opened' })).toBeVisible();
  const kept = (await keyValueKeys(page)).filter((key) => key.startsWith('recovery:'));
  expect(kept).toHaveLength(1);
  // The app still works: it opened the example as the first design of the library.
  expect((await app.design()).api.name).toBe(firstStartDesign().api.name);
  await expect.poll(async () => (await libraryEntries(page)).map((entry) => entry.origin)).toEqual(['example']);
  // What was kept aside is offered as it was.
  await page.getByRole('button', { name: 'Download it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Designs kept aside' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  const { readFile } = await import('node:fs/promises');
  expect(JSON.parse(await readFile(await download.path(), 'utf8'))).toEqual(damaged);
});

test('a design saved by a newer Portico is not overwritten', async ({ app, page }) => {
  const newer = { ...firstStartDesign(), schemaVersion: 42 };
  await seedFirstStorageVersion(page, { current: { format: 'portico.autosave', schemaVersion: 42, savedAt: 1, design: newer } });
  await app.open();
  await expect(page.getByText('saved by a newer Portico')).toBeVisible();
  expect((await keyValueKeys(page)).some((key) => key.startsWith('recovery:'))).toBe(true);
  // A reload does not report (or copy) it again.
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  expect((await keyValueKeys(page)).filter((key) => key.startsWith('recovery:'))).toHaveLength(1);
});

test('a second tab on the same design is noticed and read-only, and edits it once the first tab leaves it', async ({ app, context }) => {
  await app.open();
  await app.waitForSave();
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('This design is open in another Portico tab.')).toBeVisible();
  await expect(second.getByTestId('save-status')).toHaveText(/Read-only/);
  await expect(second.getByRole('button', { name: 'Open another design' })).toBeVisible();
  // Once the first tab leaves that design (it opens another one), the second edits it by itself.
  await app.page.getByRole('button', { name: 'Open example' }).click();
  await app.page.getByTestId('example-http-api-jwt').click();
  await expect(second.getByTestId('save-status')).toHaveText('Saved in this browser');
  await expect(second.getByText('The other tab let go of this design')).toBeVisible();
  await second.close();
});
