import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/portico';
import { libraryEntries } from './helpers/saved-designs';

test('saves the design as a file and opens it again', async ({ app, page }) => {
  await app.open();
  const original = await app.design();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save design file' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.portico\.json$/);
  const path = await download.path();
  const saved = JSON.parse(await readFile(path, 'utf8'));
  expect(saved).toEqual(original);

  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  expect((await app.design()).api.name).not.toBe(original.api.name);

  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open design file' }).click();
  await (await chooserPromise).setFiles(path);
  await expect(page.getByTestId('api-name')).toHaveText(original.api.name);
  expect(await app.design()).toEqual(original);
  // Opened as a new design: the new design made before it is still in the library, and so is the original.
  await expect.poll(async () => (await libraryEntries(page)).map((entry) => entry.origin).sort()).toEqual(['example', 'file', 'new']);
});

test('a file that is not a design is refused and nothing changes', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open design file' }).click();
  await (await chooserPromise).setFiles({ name: 'junk.portico.json', mimeType: 'application/json', buffer: Buffer.from('{"api": 42') });
  await expect(page.getByRole('alert').filter({ hasText: 'junk.portico.json could not be opened' })).toBeVisible();
  expect(await app.design()).toEqual(before);
});
