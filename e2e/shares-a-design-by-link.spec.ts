import { expect, test } from './fixtures/portico';
import { libraryEntries } from './helpers/saved-designs';

test('a share link opens the same design in a fresh browser', async ({ app, page, browser }) => {
  await app.open();
  const design = await app.design();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#p=');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  // The fresh browser, too, must ask no other host and log no error.
  await app.watch(other);
  await other.goto(url);
  await expect(other.getByTestId('share-preview')).toContainText(design.api.name);
  await expect(other.getByTestId('share-preview')).toContainText('opens as a new design');
  await other.getByRole('button', { name: 'Open as a new design' }).click();
  const opened = await other.evaluate(() => (window as unknown as { __portico: { getDesign: () => unknown } }).__portico.getDesign());
  expect(opened).toEqual(design);
  expect(new URL(other.url()).hash).toBe('');
  // The design that was open there before (the first-start example) is still in the library.
  await expect.poll(async () => (await libraryEntries(other)).map((entry) => entry.origin).sort()).toEqual(['example', 'share-link']);
  await fresh.close();
});

test('"Not now" keeps the current design and adds nothing', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  const before = await app.design();
  await page.evaluate((hash) => {
    location.hash = hash;
  }, new URL(url).hash);
  await page.getByRole('button', { name: 'Not now' }).click();
  expect(await app.design()).toEqual(before);
  await app.waitForSave();
  expect(await libraryEntries(page)).toHaveLength(1);
});

test('a corrupted share link leaves the current design intact', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByLabel('API name').fill('Keep me');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  const before = await app.design();
  const cut = url.slice(0, url.length - 12);
  await page.evaluate((hash) => {
    location.hash = hash;
  }, new URL(cut).hash);
  await expect(page.getByText('This share link could not be opened')).toBeVisible();
  expect(await app.design()).toEqual(before);
});
