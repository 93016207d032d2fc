import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

async function cdkProgram(page: Page): Promise<string> {
  return showCodeTab(page, 'AWS CDK');
}

/** What the CDK tab must say for the three features of this story. */
function expectInCdk(code: string): void {
  for (const text of [
    // The JWT authorizer on GET /pets, with its issuer and scope.
    "type: 'JWT',",
    "Issuer: 'https://login.example.com/',",
    "authorizationType: 'JWT' as apigateway.AuthorizationType,",
    'pets/read',
    // Dual-stack.
    'ipAddressType: apigateway.IpAddressType.DUAL_STACK',
    // The custom domain and its routing rule to the stage.
    'new apigateway.DomainName(',
    "domainName: 'api.example.com'",
    'new apigwv2.CfnRoutingRule(',
    "{ matchHeaders: { anyOf: [{ header: 'x-version', valueGlob: 'beta*' }] } }",
    'stage: liveStage.stageName',
  ])
    expect(code, `the CDK program says ${text}`).toContain(text);
}

async function fill(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

test('an architect designs a REST API of 2026: a JWT authorizer on one method, dual-stack, a custom domain with a routing rule to its stage; the CDK tab has all three, the canvas draws the domain, and a reload keeps them', async ({
  app,
  page,
}) => {
  await app.open();
  const start = await app.design();
  const list = Object.values(start.methods).find(
    (method) => method.httpMethod === 'GET' && start.resources[method.resourceId]?.pathPart === 'pets',
  );
  if (!list) throw new Error('the example has no GET /pets');
  const panel = page.getByRole('complementary', { name: 'Side panel' });

  // Dual-stack: a Regional API serving IPv4 and IPv6.
  await panel.getByRole('tab', { name: 'API' }).click();
  const settings = panel.getByTestId('api-panel');
  await settings.getByLabel('Endpoint type', { exact: true }).selectOption('REGIONAL');
  await settings.getByLabel('IP address type', { exact: true }).selectOption('dualstack');

  // A JWT authorizer trusting the company's identity provider, on GET /pets with a scope.
  await page.getByRole('button', { name: 'Add JWT authorizer' }).click();
  await expect(panel.getByRole('heading', { name: 'Authorizer JwtAuthorizer' })).toBeVisible();
  await fill(panel.getByLabel('Issuer 1 Issuer URL', { exact: true }), 'https://login.example.com/');
  await fill(panel.getByLabel('Issuer 1 Audiences', { exact: true }), 'api://pets');
  const authorizerId = Object.values((await app.design()).authorizers).find((authorizer) => authorizer.kind === 'JWT')?.id;
  if (!authorizerId) throw new Error('no JWT authorizer was added');
  await page.getByTestId(`row-${list.id}`).click();
  await panel.getByLabel('Authorizer', { exact: true }).selectOption(authorizerId);
  await fill(panel.getByLabel('Authorization scopes', { exact: true }), 'pets/read');

  // A stage, and a custom domain whose routing rule sends beta callers to it.
  await panel.getByRole('tab', { name: 'Stages' }).click();
  await panel.getByLabel('New stage name').fill('live');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await panel.getByRole('tab', { name: 'Domains' }).click();
  const domains = panel.getByTestId('domains-panel');
  await domains.getByLabel('New domain name').fill('api.example.com');
  await domains.getByLabel('New domain name').press('Enter');
  const form = domains.getByTestId('domain-form');
  await form.getByLabel('ACM certificate ARN', { exact: true }).fill(certificateArn);
  const rules = form.getByTestId('routing-rules');
  await rules.getByRole('button', { name: 'Route by rules, then API mappings' }).click();
  const addRule = rules.getByRole('form', { name: 'Add a routing rule' });
  await addRule.getByLabel('Rule header', { exact: true }).fill('x-version');
  await addRule.getByLabel('Rule header value (glob)').fill('beta*');
  await addRule.getByLabel('Rule invokes stage').selectOption({ label: 'live' });
  await addRule.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByTestId('routing-rule')).toHaveCount(1);

  const design = await app.design();
  const domain = Object.values(design.domains)[0];
  if (!domain) throw new Error('no custom domain was added');
  expect(design.api).toMatchObject({ endpointType: 'REGIONAL', ipAddressType: 'dualstack' });
  expect(design.methods[list.id]).toMatchObject({ authorizerId, authorizationScopes: ['pets/read'] });

  // The canvas draws the domain as a card left of the API, its rule naming the stage, with its way in.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const card = page.getByTestId(`node-${domain.id}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText('api.example.com');
  await expect(card).toContainText('x-version: beta*');
  await expect(card).toContainText('→ live');
  const root = Object.values(design.resources).find((resource) => resource.parentId === null);
  const cardBox = await card.boundingBox();
  const rootBox = await page.getByTestId(`node-${root?.id}`).boundingBox();
  expect(cardBox && rootBox && cardBox.x + cardBox.width < rootBox.x).toBe(true);
  await expect(page.locator(`.react-flow__edge-path[data-source="${domain.id}"]`)).toHaveCount(1);
  // A plain click on the card selects the domain alone (not beside the method row selected before) and opens its form.
  await card.click();
  await expect(panel.getByTestId('domain-form')).toBeVisible();
  await expect(panel).not.toContainText('elements selected');

  await openCodeView(page);
  expectInCdk(await cdkProgram(page));

  await app.waitForSave();
  await page.reload();
  await app.open();
  const kept = await app.design();
  expect(kept.api).toMatchObject({ endpointType: 'REGIONAL', ipAddressType: 'dualstack' });
  expect(kept.methods[list.id]).toMatchObject({ authorizerId, authorizationScopes: ['pets/read'] });
  expect(kept.domains[domain.id]).toMatchObject({
    domainName: 'api.example.com',
    routingRules: [expect.objectContaining({ priority: 100 })],
  });
  // The design opens at a readable zoom on its top left, where the domain stands: its name is at least 11 px.
  const reopened = page.getByTestId(`node-${domain.id}`);
  await expect(reopened).toContainText('→ live');
  const fontPx = await reopened
    .getByText('api.example.com', { exact: true })
    .evaluate(
      (element) =>
        (Number.parseFloat(getComputedStyle(element).fontSize) * element.getBoundingClientRect().height) /
        (element as HTMLElement).offsetHeight,
    );
  expect(fontPx).toBeGreaterThanOrEqual(11);
  await openCodeView(page);
  expectInCdk(await cdkProgram(page));
});
