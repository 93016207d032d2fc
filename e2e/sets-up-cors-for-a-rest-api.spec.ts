import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Design, Method } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

/** Serious and critical WCAG 2 A/AA violations inside an element. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id);
}

function lambdaProxyMethod(design: Design): Method | undefined {
  return Object.values(design.methods).find((method) => {
    const binding = method.integration;
    return binding?.proxy === true && design.integrations[binding.integrationId]?.kind === 'LAMBDA';
  });
}

test('a person enables CORS on the REST example, previews what a browser gets, sees what the Lambda function must return, and finds the preflights in the OpenAPI and CDK tabs', async ({
  app,
  page,
}) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'API' }).click();
  const settings = panel.getByTestId('api-panel');
  await settings.getByText('CORS', { exact: true }).click();
  await settings.getByLabel('Enable CORS', { exact: true }).check();
  await settings.getByLabel('Allowed origins', { exact: true }).fill('https://app.example.com');
  await settings.getByLabel('Allowed methods', { exact: true }).fill('GET, POST, PUT');
  expect((await app.design()).api.cors).toMatchObject({ allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST', 'PUT'] });

  // The preview answers as the generated OPTIONS method would, and the browser's verdict with it.
  const preview = settings.getByTestId('preflight-preview');
  await preview.getByLabel('Page origin').fill('https://app.example.com');
  await preview.getByLabel('Request method').fill('PUT');
  await preview.getByLabel('Request headers').fill('Content-Type');
  await expect(preview.getByTestId('preflight-verdict')).toHaveAttribute('data-allowed', 'true');
  await expect(preview.getByTestId('preflight-headers')).toContainText('https://app.example.com');
  await preview.getByLabel('Request method').fill('DELETE');
  await expect(preview.getByTestId('preflight-verdict')).toHaveAttribute('data-allowed', 'false');
  await expect(preview.getByTestId('preflight-verdict')).toContainText('DELETE is not among the allowed methods');
  await preview.getByLabel('Request method').fill('PUT');
  await preview.getByLabel('Page origin').fill('https://evil.example');
  await expect(preview.getByTestId('preflight-verdict')).toContainText('not the page');
  expect(await seriousViolations(page, '[data-testid="preflight-preview"]')).toEqual([]);

  // A Lambda proxy method's form shows the headers its function returns, with a handler to copy.
  const method = lambdaProxyMethod(await app.design());
  if (!method) throw new Error('the example has no Lambda proxy method');
  await page.getByTestId(`row-${method.id}`).click();
  await panel.getByRole('tab', { name: 'Inspector' }).click();
  const headers = panel.getByTestId('cors-proxy-headers');
  await expect(headers).toContainText('Access-Control-Allow-Origin');
  await expect(headers.getByTestId('cors-snippet')).toContainText('export const handler = async (event)');
  await headers.getByRole('tab', { name: 'Python' }).click();
  await expect(headers.getByTestId('cors-snippet')).toContainText('def lambda_handler(event, context):');
  await expect(headers.getByTestId('cors-snippet')).toContainText('"Access-Control-Allow-Origin": "https://app.example.com"');
  expect(await seriousViolations(page, '[data-testid="cors-proxy-headers"]')).toEqual([]);
  // The Problems panel says so too.
  await panel.getByRole('tab', { name: 'Problems' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText('through a Lambda proxy integration: with CORS on');

  await openCodeView(page);
  const openApi = await showCodeTab(page, 'OpenAPI 3.0');
  expect(openApi).toContain('options:');
  expect(openApi).toContain('method.response.header.Access-Control-Allow-Origin: "\'https://app.example.com\'"');
  expect(openApi).toContain('DEFAULT_4XX:');
  expect(openApi).toContain('gatewayresponse.header.Access-Control-Allow-Origin: "\'https://app.example.com\'"');
  const cdk = await showCodeTab(page, 'AWS CDK');
  expect(cdk).toContain('defaultCorsPreflightOptions');
  expect(cdk).toContain('apigateway.ResponseType.DEFAULT_4XX');
});
