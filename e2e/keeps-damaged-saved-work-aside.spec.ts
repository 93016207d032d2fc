import { expect, test } from './fixtures/portico';

async function writeSaved(page: import('@playwright/test').Page, value: unknown): Promise<void> {
  await page.evaluate(
    (saved) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('portico', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('designs');
        open.onsuccess = () => {
          const tx = open.result.transaction('designs', 'readwrite');
          tx.objectStore('designs').put(saved, 'current');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    value,
  );
}

async function savedKeys(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('portico', 1);
        open.onsuccess = () => {
          const request = open.result.transaction('designs').objectStore('designs').getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
        };
      }),
  );
}

test('a damaged saved design is kept aside and the user is told', async ({ app, page }) => {
  await app.open();
  await writeSaved(page, { format: 'portico.autosave', schemaVersion: 1, savedAt: 1, design: { api: { name: 'half-written' } } });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Your last saved design was not opened' })).toBeVisible();
  expect((await savedKeys(page)).some((key) => key.startsWith('recovery:'))).toBe(true);
  // The app still works: it opened the example.
  expect((await app.design()).api.type).toBe('REST');
});

test('a design saved by a newer Portico is not overwritten', async ({ app, page }) => {
  await app.open();
  const newer = { ...(await app.design()), schemaVersion: 42 };
  await writeSaved(page, { format: 'portico.autosave', schemaVersion: 42, savedAt: 1, design: newer });
  await page.reload();
  await expect(page.getByText('saved by a newer Portico')).toBeVisible();
  expect((await savedKeys(page)).some((key) => key.startsWith('recovery:'))).toBe(true);
});

test('a second tab on the same design is noticed and read-only', async ({ app, context }) => {
  await app.open();
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('This design is open in another Portico tab.')).toBeVisible();
  await expect(second.getByTestId('save-status')).toHaveText(/Read-only/);
  await second.close();
  expect((await app.design()).api.type).toBe('REST');
});
