import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

const queueArn = 'arn:aws:sqs:eu-west-1:123456789012:orders';

/** Opens Ctrl+K and types a query; returns the palette dialog. */
async function palette(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await dialog.getByRole('combobox', { name: 'Search commands and elements' }).fill(query);
  return dialog;
}

function methodByOperation(design: Design, operationName: string) {
  const method = Object.values(design.methods).find((candidate) => candidate.operationName === operationName);
  if (!method) throw new Error(`the example has no operation ${operationName}`);
  return method;
}

test('a designer sends POST /pets to an SQS queue from the command palette and finds the role in the CDK tab', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  const create = methodByOperation(before, 'createPet');

  // Select POST /pets through the palette, then ask for the SQS SendMessage integration.
  let dialog = await palette(page, 'createPet');
  await dialog.getByRole('option').first().click();
  dialog = await palette(page, 'SQS SendMessage');
  await dialog.getByRole('option', { name: /Add SQS SendMessage integration/ }).click();

  const form = page.getByRole('dialog', { name: 'Add SQS SendMessage integration' });
  await expect(form.getByLabel('Method')).toHaveValue(create.id);
  await form.getByLabel('Queue ARN or URL').fill('orders');
  await expect(form.getByTestId('field-error')).toContainText('is not an ARN');
  await form.getByLabel('Queue ARN or URL').fill(queueArn);
  await expect(form.getByTestId('field-error')).toHaveCount(0);
  const policy = JSON.parse(await form.getByLabel('IAM policy document').inputValue());
  expect(policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queueArn }] });
  await expect(form).toContainText('The CDK program creates a role that API Gateway assumes');
  // The form is accessible in both its states (axe, WCAG 2 A and AA, serious and critical).
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('dialog[open]').analyze();
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await form.getByRole('button', { name: 'Add integration' }).click();
  await expect(form).toBeHidden();

  // One step: the target, the binding and the method responses.
  const after = await app.design();
  const method = after.methods[create.id];
  const target = after.integrations[method?.integration?.integrationId as keyof Design['integrations']];
  expect(target).toMatchObject({
    kind: 'AWS_SERVICE',
    name: 'SQS SendMessage: orders',
    service: 'sqs',
    actionOrPath: '123456789012/orders',
    rolePolicy: { statements: [{ actions: ['sqs:SendMessage'], resources: [queueArn] }] },
  });
  expect(method?.integration?.requestParameters).toEqual({
    'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
  });
  expect(method?.responses.map((response) => response.statusCode)).toEqual(expect.arrayContaining(['400', '500']));

  // The new integration is selected: its form shows the role's policy, read-only.
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  const role = panel.getByRole('region', { name: 'Role the CDK program creates' });
  await expect(role.getByLabel('IAM policy document')).toHaveValue(/"Action": "sqs:SendMessage"/);
  await expect(page.getByTestId(`node-${target?.id}`)).toBeVisible();

  await openCodeView(page);
  const openApi = await showCodeTab(page, 'OpenAPI');
  for (const text of [
    'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
    "'application/x-www-form-urlencoded'",
    'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders',
    'arn:aws:iam::123456789012:role/apigateway-sqs-sendmessage-orders',
  ])
    expect(openApi, `the OpenAPI document has ${text}`).toContain(text);
  const cdk = await showCodeTab(page, 'AWS CDK');
  for (const text of [
    'new iam.Role(this, ',
    "assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com')",
    "actions: ['sqs:SendMessage']",
    `resources: ['${queueArn}']`,
    'credentialsRole: sqsSendMessageOrdersRole',
  ])
    expect(cdk, `the CDK program has ${text}`).toContain(text);

  // Undo takes the whole setup back in one step.
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await app.design()).methods[create.id]?.integration?.integrationId)
    .toBe(create.integration?.integrationId);
  expect(Object.keys((await app.design()).integrations)).toEqual(Object.keys(before.integrations));
});

test('an AWS service integration from the palette is set up as a DynamoDB GetItem in its form', async ({ app, page }) => {
  await app.open();
  const before = await app.design();
  const getPet = methodByOperation(before, 'getPet');

  await page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: 'Add AWS service integration' }).click();
  const design = await app.design();
  const added = Object.values(design.integrations).find((target) => !Object.hasOwn(before.integrations, target.id));
  if (!added) throw new Error('the palette added no integration');
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByLabel('Service action').selectOption({ label: 'DynamoDB GetItem' });
  await panel.getByRole('button', { name: 'Set up…' }).click();

  const form = page.getByRole('dialog', { name: 'Set up an AWS service action' });
  await expect(form.getByLabel('Service action')).toHaveValue('dynamodb-get-item');
  await form.getByLabel('Method').selectOption(getPet.id);
  await expect(form.getByLabel('Path variable holding the key')).toHaveValue('petId');
  await form.getByLabel('Table ARN').fill('arn:aws:dynamodb:eu-west-1:123456789012:table/Pets');
  await expect(form.getByLabel('IAM policy document')).toHaveValue(/"dynamodb:GetItem"/);
  await form.getByRole('button', { name: 'Set up' }).click();
  await expect(form).toBeHidden();

  const after = await app.design();
  expect(after.integrations[added.id]).toMatchObject({
    kind: 'AWS_SERVICE',
    service: 'dynamodb',
    actionOrPath: 'GetItem',
    rolePolicy: { statements: [{ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/Pets'] }] },
  });
  expect(after.integrations[added.id]).not.toHaveProperty('credentials');
  expect(after.methods[getPet.id]?.integration?.integrationId).toBe(added.id);
  expect(String(after.methods[getPet.id]?.integration?.requestTemplates['application/json'])).toContain('"TableName": "Pets"');
  await expect(panel.getByLabel('IAM policy document')).toHaveValue(/arn:aws:dynamodb:eu-west-1:123456789012:table\/Pets/);
});

test('on an HTTP API the dialog says which service actions it can call instead of SNS Publish', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByRole('radio', { name: /^HTTP API/ }).check();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('navigation', { name: 'Palette' }).getByRole('button', { name: 'Add route' }).click();

  const dialog = await palette(page, 'SNS Publish');
  await dialog.getByRole('option', { name: /Add SNS Publish integration/ }).click();
  // The dialog is named after the action chosen in it.
  const form = page.getByRole('dialog', { name: /^Add .+ integration$/ });
  await expect(form).toHaveAccessibleName('Add SNS Publish integration');
  await expect(form.getByRole('alert')).toContainText('HTTP APIs cannot call SNS Publish');
  await expect(form.getByRole('alert')).toContainText('SQS SendMessage, Kinesis PutRecord');
  await expect(form.getByLabel('Service action').locator('option', { hasText: 'SNS Publish' })).toBeDisabled();
  const before = await app.design();
  await form.getByRole('button', { name: 'Add integration' }).click();
  await expect(form).toBeVisible();
  expect(await app.design()).toEqual(before);

  // The first-class SQS-SendMessage integration is offered instead.
  await form.getByLabel('Service action').selectOption('sqs-send-message');
  await expect(form).toHaveAccessibleName('Add SQS SendMessage integration');
  await form.getByLabel('Queue ARN or URL').fill('https://sqs.us-east-1.amazonaws.com/123456789012/orders');
  await form.getByRole('button', { name: 'Add integration' }).click();
  await expect(form).toBeHidden();
  const target = Object.values((await app.design()).integrations)[0];
  expect(target).toMatchObject({ kind: 'AWS_SERVICE', integrationSubtype: 'SQS-SendMessage' });
});
