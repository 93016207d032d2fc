import type { Design, Method } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

const alb = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/orders/50dc6c495c0c9188';

/** The methods of the example that call a Lambda function through a proxy integration. */
function lambdaProxyMethods(design: Design): Method[] {
  return Object.values(design.methods).filter((method) => {
    const binding = method.integration;
    return binding?.proxy === true && design.integrations[binding.integrationId]?.kind === 'LAMBDA';
  });
}

function expectStreamingAndAlb(cdk: string, openApi: string): void {
  expect(cdk, 'the CDK program streams the method').toContain('responseTransferMode: apigateway.ResponseTransferMode.STREAM');
  expect(cdk, 'the CDK program names the load balancer').toContain(`'${alb}'`);
  expect(cdk, 'the CDK program sets IntegrationTarget on the method').toMatch(/addPropertyOverride\(\s*'Integration\.IntegrationTarget'/);
  expect(openApi, 'the OpenAPI export streams the method').toMatch(/responseTransferMode: STREAM/);
  expect(openApi, 'through the Lambda streaming URI').toContain('/response-streaming-invocations');
  expect(openApi, 'the OpenAPI export names the load balancer').toContain(`integrationTarget: ${alb}`);
  expect(openApi).toContain('connectionType: VPC_LINK');
  expect(openApi).toContain('connectionId: vpclink-orders');
}

test('a person streams a Lambda proxy method, sends another through a VPC link V2 to an ALB, sees both in the CDK and OpenAPI tabs, and finds them kept after a reload', async ({
  app,
  page,
}) => {
  await app.open();
  const start = await app.design();
  const [streamed, privateOne] = lambdaProxyMethods(start);
  if (!streamed || !privateOne) throw new Error('the example has fewer than two Lambda proxy methods');
  const panel = page.getByRole('complementary', { name: 'Side panel' });

  // Streaming is a setting of the method's integration; the form says what it allows and rules out.
  await page.getByTestId(`row-${streamed.id}`).click();
  const transferMode = panel.getByLabel('Response transfer mode', { exact: true });
  await expect(transferMode).toHaveValue('');
  await expect(panel.getByText(/STREAM needs a proxy integration/)).toBeVisible();
  await transferMode.selectOption('STREAM');
  await expect(panel.getByText('At least 50 ms; up to 900,000 (15 minutes) while the response streams.')).toBeVisible();
  expect((await app.design()).methods[streamed.id]?.integration?.responseTransferMode).toBe('STREAM');

  // A private integration through a VPC link V2 to an Application Load Balancer.
  const before = await app.design();
  await page.getByTestId('palette-integration-VPC_LINK').click();
  const newIntegration = async () =>
    Object.values((await app.design()).integrations).find((target) => !Object.hasOwn(before.integrations, target.id));
  await expect.poll(newIntegration, { message: 'the palette added no integration' }).toBeDefined();
  const added = await newIntegration();
  if (!added) throw new Error('the palette added no integration');
  const version = panel.getByLabel('VPC link version', { exact: true });
  await expect(version).toHaveValue('V1');
  await version.selectOption('V2');
  // Until the load balancer is named, the Problems panel says what API Gateway would answer.
  await panel.getByRole('tab', { name: 'Problems' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText('IntegrationTarget is required for VpcLinkV2');
  await page.getByTestId(`node-${added.id}`).click();
  await panel.getByRole('tab', { name: 'Inspector' }).click();
  await panel.getByLabel('Load balancer ARN', { exact: true }).fill(alb);
  await panel.getByLabel('VPC link id', { exact: true }).fill('vpclink-orders');
  await panel.getByLabel('Endpoint URL', { exact: true }).fill('https://orders.internal.example.com/pets');

  await page.getByTestId(`row-${privateOne.id}`).click();
  await panel.getByLabel('Integration target', { exact: true }).selectOption(added.id);
  expect((await app.design()).methods[privateOne.id]?.integration?.integrationId).toBe(added.id);
  expect((await app.design()).integrations[added.id]).toMatchObject({
    kind: 'VPC_LINK',
    integrationTarget: alb,
    connectionId: 'vpclink-orders',
  });

  await openCodeView(page);
  expectStreamingAndAlb(await showCodeTab(page, 'AWS CDK'), await showCodeTab(page, 'OpenAPI 3.0'));

  await app.waitForSave();
  await page.reload();
  await app.open();
  const reloaded = await app.design();
  expect(reloaded.methods[streamed.id]?.integration?.responseTransferMode).toBe('STREAM');
  expect(reloaded.methods[privateOne.id]?.integration?.integrationId).toBe(added.id);
  expect(reloaded.integrations[added.id]).toMatchObject({ integrationTarget: alb });

  await page.getByTestId(`node-${added.id}`).click();
  await expect(panel.getByLabel('VPC link version', { exact: true })).toHaveValue('V2');
  await expect(panel.getByLabel('Load balancer ARN', { exact: true })).toHaveValue(alb);
  await page.getByTestId(`row-${streamed.id}`).click();
  await expect(panel.getByLabel('Response transfer mode', { exact: true })).toHaveValue('STREAM');
  await openCodeView(page);
  expectStreamingAndAlb(await showCodeTab(page, 'AWS CDK'), await showCodeTab(page, 'OpenAPI 3.0'));
});
