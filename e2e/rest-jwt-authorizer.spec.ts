import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

type Json = Record<string, unknown>;

async function showTab(page: Page, name: 'OpenAPI 3.0' | 'AWS CDK'): Promise<string> {
  return showCodeTab(page, name);
}

/** The JWT authorizer this story builds, as the design holds it. */
const expected = {
  kind: 'JWT',
  identitySource: 'method.request.header.X-Access-Token',
  jwtAlgorithms: ['RS256', 'ES256'],
  jwtIssuers: [
    {
      issuer: 'https://login.example.com/',
      audiences: ['api://pets'],
      additionalClaims: [{ claimName: 'tenant', format: 'SINGLE_STRING', required: true, expectedValues: ['acme'] }],
    },
    { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pets', audiences: ['pets-app'], additionalClaims: [] },
  ],
};

function jwtAuthorizer(design: Design) {
  return Object.values(design.authorizers).find((authorizer) => authorizer.kind === 'JWT');
}

/** The OpenAPI 3.0 export shows the authorizer in x-amazon-apigateway-authorizer and GET /pets requiring it with its scope. */
function expectInOpenApi(text: string, name: string): void {
  const document = parse(text) as Json;
  const scheme = ((document.components as Json).securitySchemes as Json)[name] as Json;
  expect(scheme).toMatchObject({
    type: 'apiKey',
    name: 'X-Access-Token',
    in: 'header',
    'x-amazon-apigateway-authorizer': {
      type: 'jwt',
      identitySource: 'method.request.header.X-Access-Token',
      jwtConfiguration: {
        defaultAlgorithms: ['RS256', 'ES256'],
        issuers: [
          {
            issuer: 'https://login.example.com/',
            audiences: ['api://pets'],
            additionalClaims: [{ claimName: 'tenant', format: 'SINGLE_STRING', required: true, expectedValues: ['acme'] }],
          },
          { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pets', audiences: ['pets-app'] },
        ],
      },
    },
  });
  const list = ((document.paths as Json)['/pets'] as Json).get as Json;
  expect(list.security).toContainEqual({ [name]: ['pets/read'] });
}

function expectInCdk(code: string): void {
  for (const text of [
    "new apigateway.CfnAuthorizer(this, 'JwtAuthorizerAuthorizer', {",
    "type: 'JWT',",
    "identitySource: 'method.request.header.X-Access-Token',",
    "addPropertyOverride('JwtConfiguration', {",
    "DefaultAlgorithms: ['RS256', 'ES256'],",
    "Issuer: 'https://login.example.com/',",
    "{ ClaimName: 'tenant', Format: 'SINGLE_STRING', Required: true, ExpectedValues: ['acme'] }",
    "Issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pets',",
    "authorizationType: 'JWT' as apigateway.AuthorizationType,",
    'authorizer: jwtAuthorizerAuthorizer',
  ])
    expect(code, `the CDK program says ${text}`).toContain(text);
}

async function fill(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

test('a person protects a REST method with a JWT authorizer of two issuers, sees it in the OpenAPI and CDK tabs, and finds it kept after a reload', async ({
  app,
  page,
}) => {
  await app.open();
  const start = await app.design();
  expect(start.api.type).toBe('REST');
  const list = Object.values(start.methods).find(
    (method) => method.httpMethod === 'GET' && start.resources[method.resourceId]?.pathPart === 'pets',
  );
  if (!list) throw new Error('the example has no GET /pets');

  // The palette offers a JWT authorizer on a REST API; the new one opens in the inspector.
  await page.getByRole('button', { name: 'Add JWT authorizer' }).click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(panel.getByRole('heading', { name: 'Authorizer JwtAuthorizer' })).toBeVisible();
  const id = jwtAuthorizer(await app.design())?.id;
  if (!id) throw new Error('no JWT authorizer was added');

  await fill(panel.getByLabel('Token header', { exact: true }), 'X-Access-Token');
  await panel.getByRole('group', { name: 'Signing algorithms' }).getByLabel('ES256').check();

  // The first issuer: the example user pool, replaced by the company's identity provider.
  await fill(panel.getByLabel('Issuer 1 Issuer URL', { exact: true }), 'https://login.example.com/');
  await fill(panel.getByLabel('Issuer 1 Audiences', { exact: true }), 'api://pets');
  await panel.getByLabel('New claim of issuer 1', { exact: true }).fill('tenant');
  await panel.getByRole('button', { name: 'Add claim' }).click();
  await fill(panel.getByLabel('issuer 1, claim 1 Accepted values', { exact: true }), 'acme');

  // A second issuer; an http URL is refused with what to do, and nothing changes.
  const newIssuer = panel.getByLabel('New issuer URL', { exact: true });
  await newIssuer.fill('http://login.example.net');
  await panel.getByLabel('Its audiences', { exact: true }).fill('pets-app');
  await panel.getByRole('button', { name: 'Add issuer' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'The issuer URL must use https: API Gateway fetches its discovery document over TLS only.',
  );
  expect(jwtAuthorizer(await app.design())?.jwtIssuers).toHaveLength(1);
  await newIssuer.fill('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pets');
  await panel.getByRole('button', { name: 'Add issuer' }).click();
  await expect(panel.getByLabel('Issuer 2 Issuer URL', { exact: true })).toHaveValue(
    'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pets',
  );
  expect(jwtAuthorizer(await app.design())).toMatchObject(expected);
  // The form is accessible: serious or critical WCAG 2 A/AA violations in the side panel fail the test.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('aside').analyze();
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id),
  ).toEqual([]);

  // GET /pets takes the authorizer and requires a scope.
  await page.getByTestId(`row-${list.id}`).click();
  await panel.getByLabel('Authorizer', { exact: true }).selectOption(id);
  await fill(panel.getByLabel('Authorization scopes', { exact: true }), 'pets/read');
  expect((await app.design()).methods[list.id]).toMatchObject({ authorizerId: id, authorizationScopes: ['pets/read'] });

  await openCodeView(page);
  expectInOpenApi(await showTab(page, 'OpenAPI 3.0'), 'JwtAuthorizer');
  expectInCdk(await showTab(page, 'AWS CDK'));

  await app.waitForSave();
  await page.reload();
  await app.open();
  const reloaded = await app.design();
  expect(reloaded.authorizers[id]).toMatchObject(expected);
  expect(reloaded.methods[list.id]).toMatchObject({ authorizerId: id, authorizationScopes: ['pets/read'] });
  await openCodeView(page);
  expectInOpenApi(await showTab(page, 'OpenAPI 3.0'), 'JwtAuthorizer');
  expectInCdk(await showTab(page, 'AWS CDK'));
});
