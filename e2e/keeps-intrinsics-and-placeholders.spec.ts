// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and Terraform placeholders are the data under test.
import { parse as parseYaml } from 'yaml';
import { expect, test } from './fixtures/portico';
import { downloadCode, openCodeView } from './helpers/code-view';

/**
 * A document as teams keep it next to their templates: a SAM title (`!Sub '${AWS::StackName}-API'`), a
 * VPC endpoint given by `!Ref`, and a path that a Terraform `templatefile` fills in (`/${path_key}`).
 */
const templated = `openapi: 3.0.1
info:
  title: !Sub '\${AWS::StackName}-API'
  version: '1.0'
servers:
  - url: /
    x-amazon-apigateway-endpoint-configuration:
      vpcEndpointIds:
        - !Ref ApiVpcEndpoint
paths:
  /\${path_key}:
    get:
      responses:
        '200':
          description: The items
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: \${lambda_uri}
`;

test('an architect imports a templated document: the title shows as its expression, the templated path keeps its method, and the export writes both as they were', async ({
  app,
  page,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'templated.yaml', mimeType: 'application/yaml', buffer: Buffer.from(templated) });
  await page.waitForFunction(
    () => !document.querySelector('dialog[open], [role="dialog"]') || document.querySelector('[data-testid="import-notes"]'),
  );
  if (await page.getByTestId('import-notes').isVisible()) {
    await expect(page.getByTestId('import-notes')).toContainText('${path_key}');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The templated path is a resource card on the canvas, with its method as a row.
  const card = page.getByRole('group', { name: /^Resource \/\$\{path_key\}( |$)/ });
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: /^Method GET \/\$\{path_key\}( |$)/ })).toBeVisible();

  // The API panel shows the title as the expression, read only, and the VPC endpoint the same way.
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'API' }).click();
  const name = panel.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('!Sub ${AWS::StackName}-API');
  await expect(name).toHaveAttribute('readonly', '');
  await expect(panel.getByRole('textbox', { name: 'VPC endpoint ids' })).toHaveValue('[!Ref ApiVpcEndpoint]');

  // The export writes the expression and the path as the document had them.
  await openCodeView(page);
  const exported = parseYaml((await downloadCode(page)).text, {
    customTags: [
      { tag: '!Sub', resolve: (value: string) => ({ 'Fn::Sub': value }) },
      { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
    ],
  }) as {
    info: { title: unknown };
    servers: { 'x-amazon-apigateway-endpoint-configuration': unknown }[];
    paths: Record<string, { get: { 'x-amazon-apigateway-integration': { uri: unknown } } }>;
  };
  expect(exported.info.title).toEqual({ 'Fn::Sub': '${AWS::StackName}-API' });
  expect(exported.servers[0]?.['x-amazon-apigateway-endpoint-configuration']).toEqual({ vpcEndpointIds: [{ Ref: 'ApiVpcEndpoint' }] });
  expect(Object.keys(exported.paths)).toEqual(['/${path_key}']);
  expect(exported.paths['/${path_key}']?.get['x-amazon-apigateway-integration'].uri).toBe('${lambda_uri}');
  await page.getByRole('button', { name: 'Close code view' }).click();

  // "Edit as text" asks first; kept, nothing changes. Confirmed, the title is its text from then on.
  await panel.getByRole('button', { name: 'Edit as text' }).first().click();
  const confirm = page.getByRole('dialog', { name: 'Name: edit as text?' });
  await expect(confirm).toContainText('${AWS::StackName}-API');
  await confirm.getByRole('button', { name: 'Keep the expression' }).click();
  await expect(name).toHaveValue('!Sub ${AWS::StackName}-API');
  await panel.getByRole('button', { name: 'Edit as text' }).first().click();
  await page.getByRole('dialog', { name: 'Name: edit as text?' }).getByRole('button', { name: 'Edit as text' }).click();
  await expect(name).toHaveValue('${AWS::StackName}-API');
  await expect(name).not.toHaveAttribute('readonly', '');
  expect((await app.design()).api.expressions?.name).toBeUndefined();
});
