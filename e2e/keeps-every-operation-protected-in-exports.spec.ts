import { parse as parseYaml } from 'yaml';
import { expect, test } from './fixtures/portico';
import { downloadCode, openCodeView, showCodeTab } from './helpers/code-view';

/**
 * A deployed OpenAPI 3 document that keeps its Cognito authorizer under a root `securityDefinitions`
 * (as deployed samples do), with one method whose integration is not designed yet.
 */
const deployed = {
  openapi: '3.0.1',
  info: { title: 'Orders', version: '1' },
  paths: {
    '/orders': {
      get: {
        security: [{ OrdersPool: ['orders/read'] }],
        responses: { '200': { description: 'The orders' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
      post: { security: [{ OrdersPool: [] }], responses: { '201': { description: 'Created' } } },
    },
  },
  securityDefinitions: {
    OrdersPool: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Orders'],
      },
    },
  },
};
const file = { name: 'orders.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deployed, null, 2)) };

test('an architect imports a document whose authorizer sits under securityDefinitions and whose POST has no integration yet: both methods stay protected in the OpenAPI export, and the CDK program keeps both, the POST with a marked placeholder', async ({
  app,
  page,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.waitForFunction(
    () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
  );
  if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const design = await app.design();
  const pool = Object.values(design.authorizers).find((authorizer) => authorizer.name === 'OrdersPool');
  expect(pool?.kind).toBe('COGNITO_USER_POOLS');
  expect(Object.values(design.methods).map((method) => [method.httpMethod, method.authorizerId === pool?.id])).toEqual(
    expect.arrayContaining([
      ['GET', true],
      ['POST', true],
    ]),
  );

  await openCodeView(page);
  const openApi = parseYaml((await downloadCode(page)).text) as {
    paths: Record<string, Record<string, { security?: unknown }>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  expect(openApi.paths['/orders']?.get?.security).toEqual([{ OrdersPool: ['orders/read'] }]);
  expect(openApi.paths['/orders']?.post?.security).toEqual([{ OrdersPool: [] }]);
  expect(openApi.components.securitySchemes).toHaveProperty('OrdersPool');

  const cdk = await showCodeTab(page, 'AWS CDK');
  expect(cdk).toContain('// TODO: design the integration of POST /orders; until then a placeholder answers 501 Not Implemented.');
  expect(cdk.match(/authorizer: ordersPoolAuthorizer,/g)).toHaveLength(2);
  await page
    .getByTestId('code-view')
    .getByText(/notes? on this export/)
    .click();
  await expect(page.getByTestId('code-view')).toContainText('no integration the program can write, so it gets a placeholder');
});
