import type { Page } from '@playwright/test';
import type { Design, Method } from '../src/core/model';
import { expect, test } from './fixtures/portico';

/** GET /pets/{petId} and GET /pets/{petId}/toys read the path parameter in a mapping, a cache key and templates. */
const petsById = `openapi: 3.0.1
info:
  title: Pets by id
  version: '1.0'
paths:
  /pets/{petId}:
    get:
      parameters:
        - name: petId
          in: path
          required: true
          schema:
            type: string
        - name: X-Trace
          in: header
          required: false
          schema:
            type: string
      responses:
        '200':
          description: OK
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations
        requestParameters:
          integration.request.header.X-Pet: method.request.path.petId
        cacheKeyParameters:
          - method.request.path.petId
        requestTemplates:
          application/json: |-
            {"pet": "$input.params('petId')", "trace": "$input.params().header.get('X-Trace')"}
            ## petId is the pet to fetch
        responses:
          default:
            statusCode: '200'
  /pets/{petId}/toys:
    get:
      parameters:
        - name: petId
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: OK
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations
        requestTemplates:
          application/json: '{"pet": "$input.params().path.petId"}'
        responses:
          default:
            statusCode: '200'
`;

async function importDocument(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'pets-by-id.yaml', mimeType: 'application/yaml', buffer: Buffer.from(petsById) });
  await page.waitForFunction(
    () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
  );
  if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

function methodAt(design: Design, pathPart: string): Method {
  const resource = Object.values(design.resources).find((candidate) => candidate.pathPart === pathPart);
  const method = Object.values(design.methods).find((candidate) => candidate.resourceId === resource?.id);
  if (!method) throw new Error(`no method on ${pathPart}`);
  return method;
}

/** What each method reads its pet id with: the mapping, the cache key and the templates. */
function references(design: Design): string {
  const get = methodAt(design, '{petId}');
  return JSON.stringify([get.parameters, get.integration, methodAt(design, 'toys').integration, methodAt(design, 'toys').parameters]);
}

test('a person renames a path parameter and every mapping, cache key and template that reads it follows, in one undo step, with what changed listed', async ({
  app,
  page,
}) => {
  await app.open();
  await importDocument(page);
  const before = await app.design();
  const resource = Object.values(before.resources).find((candidate) => candidate.pathPart === '{petId}');
  if (!resource) throw new Error('the import has no {petId} resource');

  await page.getByTestId(`node-${resource.id}`).locator('.portico-card-header').click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  const pathPart = panel.getByLabel('Path part');
  await expect(pathPart).toHaveValue('{petId}');
  await pathPart.fill('{id}');

  const after = await app.design();
  const get = after.methods[methodAt(before, '{petId}').id];
  expect(get?.parameters.find((parameter) => parameter.in === 'path')?.name).toBe('id');
  expect(get?.integration?.requestParameters).toEqual({ 'integration.request.header.X-Pet': 'method.request.path.id' });
  expect(get?.integration?.cacheKeyParameters).toEqual(['method.request.path.id']);
  expect(get?.integration?.requestTemplates['application/json']).toContain(`"pet": "$input.params('id')"`);
  // The comment only looks like the name: it stays, and the notice lists it for review.
  expect(get?.integration?.requestTemplates['application/json']).toContain('## petId is the pet to fetch');
  expect(after.methods[methodAt(before, 'toys').id]?.integration?.requestTemplates['application/json']).toBe(
    '{"pet": "$input.params().path.id"}',
  );

  const notice = page.getByTestId('notice').filter({ hasText: 'Renamed {petId} to {id}' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('GET /pets/{id} · cache key: method.request.path.petId → method.request.path.id');
  await expect(notice).toContainText('GET /pets/{id}/toys · request template (application/json)');
  await expect(notice).toContainText('Not changed, for you to check');
  await expect(notice).toContainText('## petId is the pet to fetch');

  // One undo step takes the whole rename back.
  await pathPart.blur();
  await page
    .getByRole('toolbar', { name: 'Toolbar' })
    .getByRole('button', { name: /^Undo / })
    .click();
  await expect(pathPart).toHaveValue('{petId}');
  expect(references(await app.design())).toBe(references(before));
  await notice.getByRole('button', { name: 'Dismiss' }).click();

  // Typed key by key, the references follow every keystroke and the notice describes the whole rename.
  await pathPart.click();
  await pathPart.press('End');
  await pathPart.press('ArrowLeft');
  await pathPart.pressSequentially('Number');
  await expect(pathPart).toHaveValue('{petIdNumber}');
  const typed = await app.design();
  expect(typed.methods[methodAt(before, '{petId}').id]?.integration?.cacheKeyParameters).toEqual(['method.request.path.petIdNumber']);
  const typedNotice = page.getByTestId('notice').filter({ hasText: 'Renamed' });
  await expect(typedNotice).toHaveCount(1);
  await expect(typedNotice).toContainText('Renamed {petId} to {petIdNumber}');
  await expect(typedNotice).toContainText('method.request.path.petId → method.request.path.petIdNumber');
  await pathPart.blur();
  await page
    .getByRole('toolbar', { name: 'Toolbar' })
    .getByRole('button', { name: /^Undo / })
    .click();
  expect(references(await app.design())).toBe(references(before));

  // A header renamed in the method form follows into its template the same way.
  await page.getByTestId(`row-${methodAt(before, '{petId}').id}`).click();
  await panel.getByLabel('Parameter 2 name').fill('X-Request-Id');
  expect((await app.design()).methods[methodAt(before, '{petId}').id]?.integration?.requestTemplates['application/json']).toContain(
    `$input.params().header.get('X-Request-Id')`,
  );
});
