import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/portico';

/** `paths:` written twice (API Gateway reads the second one), and a {proxy+} that is not the last part of a path. */
const document = [
  'openapi: 3.0.1',
  'info: {title: Files, version: "1"}',
  'paths:',
  '  /old: {get: {responses: {"200": {description: ok}}}}',
  'paths:',
  '  /files/{proxy+}/meta:',
  '    get:',
  '      responses: {"200": {description: ok}}',
  '  /files/{id}:',
  '    get:',
  '      responses: {"200": {description: ok}}',
  '      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "https://example.com/files/{id}"}',
  '',
].join('\n');

test('what an import changed or dropped shows in the Problems panel, with its severity and where, until dismissed', async ({
  app,
  page,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import OpenAPI' });
  await dialog
    .getByTestId('import-file')
    .setInputFiles({ name: 'files.yaml', mimeType: 'application/yaml', buffer: Buffer.from(document) });
  await expect(dialog.getByTestId('import-notes')).toContainText(
    'paths: written twice (lines 3 and 5); the second one is used, as API Gateway does.',
  );
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  expect(Object.keys((await app.design()).methods)).toHaveLength(1);

  await page.getByRole('complementary', { name: 'Side panel' }).getByRole('tab', { name: 'Problems' }).click();
  const group = page.getByTestId('import-findings');
  await expect(group.getByRole('heading', { name: 'From the import' })).toBeVisible();
  await expect(group).toContainText('files.yaml');
  const duplicate = group.getByTestId('import-finding-import/duplicate-key');
  await expect(duplicate).toContainText('paths: written twice (lines 3 and 5)');
  await expect(duplicate.getByLabel('Warning')).toBeVisible();
  await expect(duplicate).toContainText('line 5');
  const dropped = group.getByRole('listitem').filter({ hasText: '"/files/{proxy+}/meta" was left out' });
  await expect(dropped).toBeVisible();
  await expect(dropped).toContainText('paths./files/{proxy+}/meta');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('[data-testid="import-findings"]').analyze();
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id),
  ).toEqual([]);

  // The severity filter applies to them too; they are not part of the design, and go when dismissed.
  await page.getByRole('radio', { name: 'Errors' }).check();
  await expect(duplicate).toHaveCount(0);
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(duplicate).toBeVisible();
  expect(JSON.stringify(await app.design())).not.toContain('written twice');
  await group.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('import-findings')).toHaveCount(0);
});
