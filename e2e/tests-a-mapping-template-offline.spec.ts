import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';

/** Replaces a template editor's text by pasting, as a person pasting a template would. */
async function pasteTemplate(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Open example', exact: true }).click();
  await page.getByTestId(`example-${id}`).click();
}

function requestTemplateOf(design: Design, methodId: string): unknown {
  return design.methods[methodId as keyof Design['methods']]?.integration?.requestTemplates['application/json'];
}

const broken = [
  'Action=SendMessage',
  "#set($type = $input.path('$.type'))",
  "#if($type == 'order')",
  '&MessageBody=$util.urlEncode($input.body)',
].join('\n');

test('a person writes a request template with an error, sees it at its line, fixes it, and tests the integration offline: the integration request SQS would get, and the method response for its answers', async ({
  app,
  page,
}) => {
  await app.open();
  await openExample(page, 'sqs-ingestion');
  await page.getByTestId('row-mth_send').click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });

  // The request template is edited in Monaco (VTL), which replaces the plain text area once it has loaded.
  const templates = panel.getByRole('group', { name: 'Integration request templates' });
  const editor = templates.getByTestId('template-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('Action=SendMessage');

  // An #if without its #end: the problem is said under the editor with its line, and marked at that line.
  await pasteTemplate(page, editor, broken);
  const problem = templates.getByTestId('template-problem');
  await expect(problem).toHaveText('Line 3, column 1: #if (line 3) has no #end');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1);
  const marked = await editor.locator('.squiggly-error').boundingBox();
  const thirdLine = await editor.locator('.view-line', { hasText: "#if($type == 'order')" }).boundingBox();
  expect(Math.abs((marked?.y ?? 0) - (thirdLine?.y ?? -100))).toBeLessThan(4);
  expect(requestTemplateOf(await app.design(), 'mth_send')).toBe(broken);

  // Completions know API Gateway's variables and the method's request model.
  const suggestions = page.locator('.suggest-widget');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('$util.');
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText('urlEncode()');
  await expect(suggestions).toContainText('escapeJavaScript()');
  await page.keyboard.press('Escape');
  await page.keyboard.type("$input.path('");
  await expect(suggestions).toContainText('$.payload');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Shift+KeyK');
  await expect.poll(async () => requestTemplateOf(await app.design(), 'mth_send')).toBe(broken);

  // The fix: the #end it lacked. The problem goes, and the design holds the fixed template.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('#end');
  await page.keyboard.press('Escape');
  await expect(problem).toHaveText('');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);
  await expect.poll(async () => requestTemplateOf(await app.design(), 'mth_send')).toBe(`${broken}\n#end`);

  // The workbench: a sample request (its body from the request model) renders the integration request.
  await panel.getByRole('button', { name: 'Test mapping templates offline' }).click();
  const workbench = page.getByTestId('integration-workbench');
  await expect(workbench.getByRole('heading', { name: 'Test POST /events offline' })).toBeVisible();
  const integrationRequest = workbench.getByTestId('workbench-integration-request');
  await expect(integrationRequest.getByTestId('workbench-uri')).toHaveText(
    'POST arn:aws:apigateway:us-east-1:sqs:path/123456789012/events',
  );
  await expect(integrationRequest.getByTestId('workbench-request-headers')).toContainText('Content-Type:application/x-www-form-urlencoded');
  await expect(integrationRequest.getByTestId('workbench-request-body')).toHaveText('Action=SendMessage');
  await workbench.getByLabel('Body', { exact: true }).fill('{"type": "order", "payload": {"id": 7}}');
  await expect(integrationRequest.getByTestId('workbench-request-body')).toHaveText(
    'Action=SendMessage\n&MessageBody=%7B%22type%22%3A+%22order%22%2C+%22payload%22%3A+%7B%22id%22%3A+7%7D%7D\n',
  );

  // A sample answer from SQS goes through the integration responses: a 403 matches 4\d{2}.
  const methodResponse = workbench.getByTestId('workbench-method-response');
  await workbench.getByLabel('Backend status code', { exact: true }).fill('403');
  await workbench
    .getByLabel('Backend body', { exact: true })
    .fill('<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>');
  await expect(methodResponse).toContainText('Integration response 4\\d{2} → 400');
  await expect(methodResponse.getByTestId('workbench-status-code')).toHaveText('400');
  await expect(methodResponse.getByTestId('workbench-response-body')).toHaveText('{"message": "The event was refused."}');
  await expect(methodResponse.getByTestId('workbench-response-headers')).toContainText('Content-Type:application/json');

  // SQS's success: the default response reads the message id out of SQS's answer.
  await workbench.getByLabel('Backend status code', { exact: true }).fill('200');
  await workbench
    .getByLabel('Backend body', { exact: true })
    .fill('{"SendMessageResponse": {"SendMessageResult": {"MessageId": "5fea7756-0ea4-451a-a703-a558b933e274"}}}');
  await expect(methodResponse).toContainText('Integration response default → 200');
  await expect(methodResponse.getByTestId('workbench-response-body')).toHaveText('{"messageId": "5fea7756-0ea4-451a-a703-a558b933e274"}');

  // A template error found while rendering is shown with its line, and the editor opens on that template.
  await workbench.getByLabel('Template', { exact: true }).selectOption({ label: 'Response default → 200 · application/json' });
  const large = workbench.getByTestId('template-editor');
  await expect(large.locator('.view-lines')).toContainText('SendMessageResult');
  await pasteTemplate(page, large, '{"messageId": "$input.path(\'$.SendMessageResponse[\')"}');
  await expect(methodResponse.getByRole('alert')).toContainText(
    'The application/json template of integration response default does not render. Line 1',
  );

  // Samples are kept with the design and are there after a reload; they are in no export.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(methodResponse.getByTestId('workbench-status-code')).toHaveText('200');
  await workbench.getByRole('button', { name: 'Close the workbench' }).click();
  await expect(workbench).toBeHidden();
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  const saved = (await app.design()).methods['mth_send' as keyof Design['methods']]?.integration?.testSamples;
  expect(saved?.request?.body).toBe('{"type": "order", "payload": {"id": 7}}');
  expect(saved?.response?.statusCode).toBe('200');
  await page.getByTestId('row-mth_send').click();
  await panel.getByRole('button', { name: 'Test mapping templates offline' }).click();
  await expect(workbench.getByLabel('Body', { exact: true })).toHaveValue('{"type": "order", "payload": {"id": 7}}');
  await expect(methodResponse.getByTestId('workbench-status-code')).toHaveText('200');
});

test('a template that runs too long is stopped after two seconds and said so; the next test runs in a fresh worker', async ({
  app,
  page,
}) => {
  await app.open();
  await openExample(page, 'mock-teaching');
  await page.getByTestId('row-mth_greet').click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('button', { name: 'Expand mapping template application/json' }).click();
  const workbench = page.getByTestId('integration-workbench');
  const methodResponse = workbench.getByTestId('workbench-method-response');
  await expect(methodResponse.getByTestId('workbench-response-body')).toHaveText('{"message": "Hello, sample-name"}');
  await workbench.getByLabel('Path parameter {name}', { exact: true }).fill('nobody');
  await expect(methodResponse.getByTestId('workbench-status-code')).toHaveText('404');

  // (a|a)* backtracks through 2^40 ways before it fails: one regular expression step the engine cannot interrupt.
  const large = workbench.getByTestId('template-editor');
  await expect(large.locator('.view-lines')).toContainText('statusCode');
  await pasteTemplate(
    page,
    large,
    "#set($s = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')#if($s.matches('(a|a)*b'))x#end{\"statusCode\": 200}",
  );
  await expect(workbench.getByRole('alert')).toContainText('The test took longer than 2 seconds and was stopped', { timeout: 15_000 });

  await page.keyboard.press('ControlOrMeta+z');
  await expect(methodResponse.getByTestId('workbench-status-code')).toHaveText('404', { timeout: 15_000 });
  await expect(workbench.getByRole('alert')).toBeHidden();
});

/** Serious and critical WCAG 2 A/AA violations inside `scope`. */
async function seriousViolations(page: Page, scope: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include(scope).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

for (const colorScheme of ['light', 'dark'] as const)
  test(`the template editors and the workbench have no serious accessibility violations and work from the keyboard (${colorScheme})`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await app.open();
    await openExample(page, 'mock-teaching');
    await page.getByTestId('row-mth_greet').click();
    const panel = page.getByRole('complementary', { name: 'Side panel' });
    await expect(panel.getByTestId('template-editor').first().locator('.monaco-editor')).toBeVisible();
    expect(await seriousViolations(page, '[data-testid="inspector"]')).toEqual([]);

    // From the content type field, Tab reaches Expand, and Enter opens the workbench on that template.
    await panel.getByLabel('Template content type 1', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Expand mapping template application/json' })).toBeFocused();
    await page.keyboard.press('Enter');
    const workbench = page.getByTestId('integration-workbench');
    await expect(workbench.getByTestId('workbench-method-response').getByTestId('workbench-status-code')).toHaveText('200');
    await expect(workbench.getByTestId('template-editor').locator('.monaco-editor')).toBeVisible();
    expect(await seriousViolations(page, '[data-testid="integration-workbench"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(workbench).toBeHidden();
  });

test("the template editors' suggestions stay theirs: in the code view, opened after them, Enter still starts a new line", async ({
  app,
  page,
}) => {
  await app.open();
  await openExample(page, 'mock-teaching');
  await page.getByTestId('row-mth_greet').click();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(panel.getByTestId('template-editor').first().locator('.monaco-editor')).toBeVisible();
  await page.getByRole('button', { name: 'Code view' }).click();
  const code = page.getByTestId('code-editor');
  await expect(code.locator('.monaco-editor')).toBeVisible();
  await code.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nin');
  // Word suggestions come from Monaco's worker a moment after typing: give them the time to appear.
  await page.waitForTimeout(1000);
  await expect(code.locator('.suggest-widget.visible')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await page.keyboard.type('x');
  await expect(code.locator('.view-line', { hasText: /^\s*x$/ })).toHaveCount(1);
  await expect(code.locator('.view-line', { hasText: /^\s*in$/ })).toHaveCount(1);
});
