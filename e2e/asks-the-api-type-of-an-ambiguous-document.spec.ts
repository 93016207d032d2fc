import AxeBuilder from '@axe-core/playwright';
import { ambiguousDocument } from '../src/core/openapi/testing/api-type-documents';
import { expect, test } from './fixtures/portico';
import { openDesignId } from './helpers/saved-designs';

/** A document that loses something as either type: a Lambda authorizer with simple responses (REST has none) and a mock integration (HTTP has none). */
const file = { name: 'orders.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ambiguousDocument, null, 2)) };

test('an architect imports a document that could be a REST API or an HTTP API: the dialog asks, with what each would drop, before anything opens', async ({
  app,
  page,
}) => {
  await app.open();
  const before = await app.design();
  const beforeId = await openDesignId(page);
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import OpenAPI' });
  await dialog.getByTestId('import-file').setInputFiles(file);

  const question = dialog.getByRole('group', { name: 'REST API or HTTP API?' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('orders.json');
  const asRest = question.getByRole('region', { name: 'As a REST API' });
  const asHttp = question.getByRole('region', { name: 'As an HTTP API' });
  await expect(asRest.getByRole('list', { name: 'What a REST API would drop' }).getByRole('listitem')).toHaveText([
    'the Lambda authorizer "simple", whose function answers with simple responses (REST authorizers must return an IAM policy)',
  ]);
  await expect(asHttp.getByRole('list', { name: 'What an HTTP API would drop' }).getByRole('listitem')).toHaveText([
    'the mock integration of GET /health (HTTP APIs have no mock integrations)',
  ]);
  // The question is accessible: serious or critical WCAG 2 A/AA violations in the dialog fail the test.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('dialog[open]').analyze();
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id),
  ).toEqual([]);
  // Nothing has opened while the question waits.
  expect(await openDesignId(page)).toBe(beforeId);
  expect(await app.design()).toEqual(before);

  // Cancel leaves everything as it was; asking again and choosing HTTP opens the document as an HTTP API.
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await openDesignId(page)).toBe(beforeId);
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await dialog.getByTestId('import-file').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Import as an HTTP API' }).click();

  await expect(dialog.getByTestId('import-notes')).toBeVisible();
  const notes = dialog.getByRole('list', { name: 'What the import changed or dropped' });
  await expect(notes.getByRole('listitem').filter({ has: page.getByLabel('Error') })).toContainText([
    'Read as an HTTP API, as you chose, which cannot hold the mock integration of GET /health',
  ]);
  const imported = await app.design();
  expect(imported.api.type).toBe('HTTP');
  expect(
    Object.values(imported.routes)
      .map((route) => route.routeKey)
      .sort(),
  ).toEqual(['GET /health', 'GET /orders']);
  expect(Object.values(imported.authorizers).map((authorizer) => authorizer.kind)).toEqual(['LAMBDA_REQUEST']);
  expect(await openDesignId(page)).not.toBe(beforeId);

  // The notes link to the Problems panel, where the same finding waits under "From the import" with its severity.
  await dialog.getByRole('button', { name: 'Show in the Problems panel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const fromImport = page.getByRole('list', { name: 'From the import' });
  const finding = fromImport.getByTestId('import-finding-import/api-type').filter({ hasText: 'mock integration of GET /health' });
  await expect(finding).toBeVisible();
  await expect(finding.getByLabel('Error')).toBeVisible();
  await expect(finding).toContainText('paths./health.get.x-amazon-apigateway-integration');
});
