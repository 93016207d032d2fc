import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

async function showCdk(page: Page): Promise<string> {
  return showCodeTab(page, 'AWS CDK');
}

function expectInCdk(code: string): void {
  for (const text of [
    'types: [apigateway.EndpointType.REGIONAL]',
    'ipAddressType: apigateway.IpAddressType.DUAL_STACK',
    "(api.node.defaultChild as apigateway.CfnRestApi).securityPolicy = 'SecurityPolicy_TLS13_1_3_2025_09';",
    "(api.node.defaultChild as apigateway.CfnRestApi).endpointAccessMode = 'STRICT';",
  ])
    expect(code, `the CDK program says ${text}`).toContain(text);
}

test('a person makes the API dual-stack with an enhanced TLS policy and its access mode, sees them in the CDK tab, and finds them kept after a reload', async ({
  app,
  page,
}) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'API' }).click();
  const settings = panel.getByTestId('api-panel');

  await settings.getByLabel('Endpoint type', { exact: true }).selectOption('REGIONAL');
  const ipAddressType = settings.getByLabel('IP address type', { exact: true });
  await expect(ipAddressType).toHaveValue('ipv4');
  await ipAddressType.selectOption('dualstack');

  // Only the policies a Regional API takes are offered: no edge policy.
  const policy = settings.getByLabel('TLS security policy', { exact: true });
  await expect(policy.locator('option[value="SecurityPolicy_TLS13_2025_EDGE"]')).toHaveCount(0);
  await expect(settings.getByLabel('Endpoint access mode', { exact: true })).toHaveCount(0);
  await policy.selectOption('SecurityPolicy_TLS13_1_3_2025_09');

  // An enhanced policy asks for its endpoint access mode, and the Problems panel says it is missing.
  const accessMode = settings.getByLabel('Endpoint access mode', { exact: true });
  await expect(accessMode).toHaveValue('');
  await panel.getByRole('tab', { name: 'Problems' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText('needs an endpoint access mode');
  await panel.getByRole('tab', { name: 'API' }).click();
  await settings.getByLabel('Endpoint access mode', { exact: true }).selectOption('STRICT');

  expect((await app.design()).api).toMatchObject({
    endpointType: 'REGIONAL',
    ipAddressType: 'dualstack',
    securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
    endpointAccessMode: 'STRICT',
  });
  await openCodeView(page);
  expectInCdk(await showCdk(page));

  await app.waitForSave();
  await page.reload();
  await app.open();
  await panel.getByRole('tab', { name: 'API' }).click();
  await expect(settings.getByLabel('IP address type', { exact: true })).toHaveValue('dualstack');
  await expect(settings.getByLabel('TLS security policy', { exact: true })).toHaveValue('SecurityPolicy_TLS13_1_3_2025_09');
  await expect(settings.getByLabel('Endpoint access mode', { exact: true })).toHaveValue('STRICT');
  await openCodeView(page);
  expectInCdk(await showCdk(page));
});
