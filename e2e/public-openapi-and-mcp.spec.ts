import { parse as parseYaml } from 'yaml';
import { expect, test } from './fixtures/portico';
import { downloadCode, openCodeView } from './helpers/code-view';

test('a person marks an operation internal, reads the public OpenAPI without it or any API Gateway extension, and sees whether the API can serve MCP clients', async ({
  app,
  page,
}) => {
  await app.open();
  const design = await app.design();
  const health = Object.values(design.methods).find((method) => method.operationName === 'getHealth');
  if (!health) throw new Error('The first-start example has no getHealth operation.');

  // Mark GET /health internal in its form: the operation form also says what MCP clients see.
  await page.getByTestId(`row-${health.id}`).click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(panel.getByText("The OpenAPI operationId; SDKs name functions after it, and it becomes the MCP tool's name.")).toBeVisible();
  await expect(panel.getByText("Becomes the MCP tool's description: say what the operation does and when to use it.")).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Internal' }).check();
  await expect.poll(async () => (await app.design()).methods[health.id]?.internal).toBe(true);

  // The AWS document keeps it, marked; the public one has neither it nor any x-amazon-apigateway key.
  await openCodeView(page);
  const aws = await downloadCode(page);
  expect(aws.text).toContain('operationId: getHealth');
  expect(aws.text).toContain('x-portico-internal: true');
  expect(aws.text).toContain('x-amazon-apigateway-integration');

  const profile = page.getByTestId('code-view-profile');
  await profile.getByRole('radio', { name: 'Public' }).check();
  await expect(page.getByTestId('code-view-status')).toHaveText('Public document, read-only: in step with the design');
  await expect(page.getByTestId('code-view-apply')).toHaveCount(0);
  await expect(page.getByTestId('code-editor').locator('.view-lines')).not.toContainText('x-amazon-apigateway');
  const published = await downloadCode(page);
  expect(published.name).toMatch(/-openapi3-public\.yaml$/);
  expect(published.text).not.toContain('getHealth');
  expect(published.text).not.toContain('/health');
  expect(published.text).not.toContain('x-amazon-apigateway');
  expect(published.text).not.toContain('arn:aws');
  const document = parseYaml(published.text) as { servers: { url: string }[]; paths: Record<string, unknown> };
  expect(document.servers[0]?.url).toBe('https://{restapi-id}.execute-api.{region}.amazonaws.com/prod');
  expect(Object.keys(document.paths)).toContain('/pets');

  // Problems: the MCP readiness section says how many methods can become tools.
  await page.getByTestId('problems-badge').click();
  const section = page.getByTestId('mcp-readiness');
  await expect(section.getByRole('heading', { name: 'MCP readiness (Amazon Bedrock AgentCore Gateway)' })).toBeVisible();
  const methods = Object.keys(design.methods).length;
  await expect(section.getByTestId('mcp-summary')).toContainText(new RegExp(`^\\d+ of ${methods} methods can become MCP tools\\.`));
  // The method behind the Cognito authorizer is one MCP clients cannot call; its finding says why.
  await section.getByText(/\d+ findings?/).click();
  const finding = section.getByTestId('finding-mcp-authorizer-unreachable').first();
  await expect(finding).toContainText('is guarded by an Amazon Cognito user pool authorizer');
  await finding.getByRole('button', { name: 'Why?' }).click();
  await expect(finding.getByRole('link', { name: /AWS documentation/ })).toHaveAttribute(
    'href',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/mcp-server.html',
  );
});
