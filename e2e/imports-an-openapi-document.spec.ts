import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures/portico';
import { libraryEntries, openDesignId } from './helpers/saved-designs';
import { syntheticDocument } from './helpers/synthetic-document';

const corpus = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/corpus/real-world');

test('an architect imports an API Gateway document: it opens as a new design on the canvas, and the design before stays in My designs', async ({
  app,
  page,
}) => {
  await app.open();
  const before = await app.design();
  const beforeId = await openDesignId(page);
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page.getByTestId('import-file').setInputFiles(resolve(corpus, 'lambda-token-authorizer-validators-gateway-responses-rest.yaml'));
  // The import closes the dialog, or lists what needs attention first.
  await page.waitForFunction(
    () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
  );
  if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The opening view is readable: the top of the outline, /locations with its GET as a row of its card.
  await expect(
    page.getByRole('group', { name: /^Resource \/locations( |$)/ }).getByRole('button', { name: /^Method GET \/locations( |$)/ }),
  ).toBeVisible();
  // Zoomed to fit, every resource is a card on the canvas, the deepest paths included.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  for (const path of ['/locations', '/locations/{locationid}/resources/{resourceid}/bookings', '/users/{userid}/bookings'])
    await expect(page.getByRole('group', { name: new RegExp(`^Resource ${path.replace(/[{}]/g, '\\$&')}( |$)`) })).toBeInViewport();
  const imported = await app.design();
  expect(Object.values(imported.authorizers).map((authorizer) => authorizer.kind)).toContain('LAMBDA_TOKEN');

  // The import is a new design with a history of its own: there is nothing to undo, and Ctrl+Z changes nothing.
  const importedId = await openDesignId(page);
  expect(importedId).not.toBe(beforeId);
  await expect(page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+z');
  expect(await app.design()).toEqual(imported);

  // Both are in My designs (the new one once autosave has written it); the design before opens from there exactly as it was.
  await expect
    .poll(async () => (await libraryEntries(page)).map(({ id, name, origin, deletedAt }) => ({ id, name, origin, deletedAt })))
    .toEqual(
      expect.arrayContaining([
        { id: beforeId, name: before.api.name, origin: 'example', deletedAt: undefined },
        { id: importedId, name: imported.api.name, origin: 'import', deletedAt: undefined },
      ]),
    );
  await page.getByRole('button', { name: 'My designs' }).click();
  await page.getByRole('dialog', { name: 'My designs' }).getByRole('button', { name: before.api.name, exact: true }).click();
  await expect.poll(() => openDesignId(page)).toBe(beforeId);
  expect(await app.design()).toEqual(before);
});

test('a file that is not an OpenAPI document is refused with a reason and changes nothing', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  const beforeId = await openDesignId(page);
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'shopping.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('name: my shopping list\nitems: [eggs, milk]\n'),
  });
  await expect(page.getByTestId('import-error')).toContainText('shopping.yaml could not be imported');
  await page.getByTestId('import-file').setInputFiles({
    name: 'photo.json',
    mimeType: 'application/json',
    buffer: Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 131 + 7) % 256)),
  });
  await expect(page.getByTestId('import-error')).toContainText('not UTF-8');
  await page.getByTestId('import-file').setInputFiles({
    name: 'bomb.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(billionLaughs()),
  });
  await expect(page.getByTestId('import-error')).toContainText(/bomb\.yaml could not be imported.*alias/);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  expect(await app.design()).toEqual(before);
  // No design was opened for any of them.
  expect(await openDesignId(page)).toBe(beforeId);
});

/** The YAML alias bomb: a few hundred bytes that expand to billions of nodes if aliases are followed naively. */
function billionLaughs(): string {
  const lines = ['openapi: 3.0.1', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level += 1)
    lines.push(
      `a${level}: &a${level} [${Array(9)
        .fill(`*a${level - 1}`)
        .join(',')}]`,
    );
  lines.push('paths: {}');
  return `${lines.join('\n')}\n`;
}

test('a big YAML document imports in the background: progress shows, the page keeps drawing, and the import can be cancelled', async ({
  app,
  page,
}) => {
  await app.open();
  const before = await app.design();
  const file = {
    name: 'platform-api.yaml',
    mimeType: 'application/yaml',
    buffer: syntheticDocument(3000, 11, 'yaml'),
  };

  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page.getByTestId('import-file').setInputFiles(file);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText(/Importing platform-api\.yaml \(\d+\.\d MB\)/);
  // The page keeps drawing frames while the document is parsed (the import runs in a worker).
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let count = 0;
        const started = performance.now();
        const tick = () => {
          count += 1;
          if (performance.now() - started < 500) requestAnimationFrame(tick);
          else resolve(count);
        };
        requestAnimationFrame(tick);
      }),
  );
  await expect(progress).toBeVisible();
  expect(frames).toBeGreaterThan(10);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByTestId('import-cancelled')).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect(await app.design()).toEqual(before);

  // Chosen again and left to finish, it opens as a new design (the cancelled attempt left none behind).
  const beforeId = await openDesignId(page);
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(progress).toBeVisible();
  await expect.poll(async () => Object.keys((await app.design()).methods).length, { timeout: 30_000 }).toBe(3000);
  expect(await openDesignId(page)).not.toBe(beforeId);
  await expect.poll(async () => (await libraryEntries(page)).map((entry) => entry.origin).sort()).toEqual(['example', 'import']);
});
