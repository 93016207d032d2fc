import { bundleFromString, createConfig } from '@redocly/openapi-core';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { expect, test } from './fixtures/portico';
import { downloadCode, openCodeView, pasteIntoEditor } from './helpers/code-view';

test('the code view follows an edit in the side panel and downloads a valid OpenAPI file', async ({ app, page }) => {
  await app.open();
  const design = await app.design();
  const list = Object.values(design.methods).find(
    (method) => method.httpMethod === 'GET' && design.resources[method.resourceId]?.pathPart === 'pets',
  );
  if (!list) throw new Error('The first-start example has no GET /pets.');
  await openCodeView(page);

  // A method is a row of its resource's card: clicking the row opens the method in the inspector.
  await page.getByTestId(`row-${list.id}`).click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByLabel('Summary', { exact: true }).fill('List every pet in the store');
  await panel.getByLabel('Summary', { exact: true }).press('Tab');
  await expect(page.getByTestId('code-view-status')).toHaveText('In step with the design');
  // The selected method's lines are brought into view, so the new summary is on screen.
  await expect(page.getByTestId('code-editor').locator('.view-lines')).toContainText('List every pet in the store');

  const file = await downloadCode(page);
  expect(file.name).toMatch(/-openapi3\.yaml$/);
  const document = parseYaml(file.text) as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
  expect(document.openapi).toMatch(/^3\.0\./);
  expect(document.paths['/pets']?.get?.summary).toBe('List every pet in the store');
  const { problems } = await bundleFromString({ source: file.text, config: await createConfig({ extends: ['minimal'] }) });
  expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toEqual([]);
});

test('an edited OpenAPI text applied in the code view changes the canvas; a broken one changes nothing', async ({ app, page }) => {
  await app.open();
  await openCodeView(page);
  const original = await downloadCode(page);

  // A broken document: the error names its line, the design stays as it was.
  const before = await app.design();
  await pasteIntoEditor(page, 'openapi: 3.0.1\ninfo:\n  title: Broken\n  version: "1"\npaths: [unclosed\n');
  await expect(page.getByTestId('code-view-status')).toHaveText('Edited: apply to update the design');
  await page.getByTestId('code-view-apply').click();
  await expect(page.getByTestId('code-view-error')).toContainText(/Line \d+/);
  expect(await app.design()).toEqual(before);

  // A valid edit: a new resource /toys with a mock GET appears on the canvas as one undoable step.
  const edited = parseYaml(original.text) as { paths: Record<string, unknown> };
  edited.paths['/toys'] = {
    get: {
      summary: 'List toys',
      responses: { '200': { description: 'The toys' } },
      'x-amazon-apigateway-integration': {
        type: 'mock',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        responses: { default: { statusCode: '200' } },
      },
    },
  };
  await pasteIntoEditor(page, stringifyYaml(edited));
  await page.getByTestId('code-view-apply').click();
  await expect.poll(async () => Object.values((await app.design()).resources).map((resource) => resource.pathPart)).toContain('toys');
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect(page.getByRole('group', { name: /^Resource \/toys/ })).toBeVisible();
  // The new GET is a row of the /toys card.
  await expect(page.getByRole('group', { name: /^Resource \/toys/ }).getByRole('button', { name: /^Method GET \/toys/ })).toBeVisible();
  await expect(page.getByTestId('code-view-status')).toHaveText('In step with the design');
  // Elements that were there keep their ids and places on the canvas.
  const after = await app.design();
  for (const [id, position] of Object.entries(before.layout)) expect(after.layout[id as never], id).toEqual(position);

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('group', { name: /^Resource \/toys/ })).toHaveCount(0);
  expect(await app.design()).toEqual(before);
});
