import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures/portico';
import { syntheticDocument } from './helpers/synthetic-document';

const corpus = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/corpus/real-world');

test('an architect imports an API Gateway document and sees its resources on the canvas', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page.getByTestId('import-file').setInputFiles(resolve(corpus, 'lambda-token-authorizer-validators-gateway-responses-rest.yaml'));
  // The import closes the dialog, or lists what needs attention first.
  await page.waitForFunction(
    () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
  );
  if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  for (const path of ['/locations', '/locations/{locationid}/resources/{resourceid}/bookings', '/users/{userid}/bookings'])
    await expect(page.getByRole('group', { name: new RegExp(`^Resource ${path.replace(/[{}]/g, '\\$&')}( |$)`) })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Method GET \/locations( |$)/ })).toBeVisible();
  const imported = await app.design();
  expect(Object.values(imported.authorizers).map((authorizer) => authorizer.kind)).toContain('LAMBDA_TOKEN');

  // The import is one undoable step.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => (await app.design()).api.name).toBe(before.api.name);
  expect(await app.design()).toEqual(before);
});

test('a file that is not an OpenAPI document is refused with a reason and changes nothing', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
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

  // Chosen again and left to finish, it replaces the design.
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(progress).toBeVisible();
  await expect.poll(async () => Object.keys((await app.design()).methods).length, { timeout: 30_000 }).toBe(3000);
});
