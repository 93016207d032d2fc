import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/portico';
import { openCodeView, showCodeTab } from './helpers/code-view';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

async function showCdk(page: Page): Promise<string> {
  return showCodeTab(page, 'AWS CDK');
}

function expectInCdk(code: string): void {
  for (const text of [
    'new apigateway.DomainName(',
    "domainName: 'api.example.com'",
    "ipAddressType: 'dualstack'",
    "routingMode = 'ROUTING_RULE_THEN_BASE_PATH_MAPPING'",
    "addBasePathMapping(api, { basePath: 'pets', stage: liveStage })",
    'new apigwv2.CfnRoutingRule(',
    'priority: 100',
    "{ matchHeaders: { anyOf: [{ header: 'x-version', valueGlob: 'beta*' }] } }",
    'stage: liveStage.stageName',
    certificateArn,
  ])
    expect(code, `the CDK program says ${text}`).toContain(text);
}

async function openDomains(panel: Locator): Promise<Locator> {
  await panel.getByRole('tab', { name: 'Domains' }).click();
  return panel.getByTestId('domains-panel');
}

test('a person adds a custom domain with a base path mapping and a routing rule to a stage, sees them in the CDK tab, and finds them kept after a reload', async ({
  app,
  page,
}) => {
  await app.open();
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await panel.getByRole('tab', { name: 'Stages' }).click();
  await panel.getByLabel('New stage name').fill('live');
  await panel.getByRole('button', { name: 'Add stage' }).click();

  const domains = await openDomains(panel);
  await expect(domains).toContainText('No custom domains yet. A custom domain gives callers your own address');
  // A name that is not a host name is refused where it was typed, saying what to write.
  await domains.getByLabel('New domain name').fill('api');
  await domains.getByRole('button', { name: 'Add domain' }).click();
  await expect(domains.getByRole('alert')).toContainText('write it with its parent domain, such as api.example.com');
  await domains.getByLabel('New domain name').fill('api.example.com');
  await domains.getByLabel('New domain name').press('Enter');
  await expect(domains.getByRole('list', { name: 'Custom domains' })).toContainText('api.example.com');

  const form = domains.getByTestId('domain-form');
  await form.getByLabel('ACM certificate ARN', { exact: true }).fill(certificateArn);
  await form.getByLabel('IP address type', { exact: true }).selectOption('dualstack');

  // An API mapping: https://api.example.com/pets/… goes to stage live.
  await form.getByLabel("New mapping's base path").fill('pets');
  await form.getByLabel('to stage').selectOption({ label: 'live' });
  await form.getByRole('button', { name: 'Add mapping' }).click();
  await expect(form.getByRole('list', { name: 'API mappings of api.example.com' }).getByRole('textbox')).toHaveValue('pets');

  // Rules need a routing mode that uses them; the rules section says so and offers it.
  const rules = form.getByTestId('routing-rules');
  await expect(rules).toContainText('routes by API mappings only');
  await rules.getByRole('button', { name: 'Route by rules, then API mappings' }).click();
  await expect(form.getByLabel('Routing mode', { exact: true })).toHaveValue('ROUTING_RULE_THEN_API_MAPPING');
  await expect(rules).toContainText('up to 2 header conditions and 1 base path; a domain has up to 50 rules (0 used)');

  const addRule = rules.getByRole('form', { name: 'Add a routing rule' });
  await addRule.getByLabel('Rule header', { exact: true }).fill('x-version');
  await addRule.getByLabel('Rule header value (glob)').fill('beta*');
  await addRule.getByLabel('Rule invokes stage').selectOption({ label: 'live' });
  await addRule.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByTestId('routing-rule')).toHaveCount(1);
  await expect(rules.getByLabel('Rule 100 of api.example.com: Priority')).toHaveValue('100');

  // A second rule with the same priority is refused with what to do.
  await addRule.getByLabel('Rule priority').fill('100');
  await addRule.getByRole('button', { name: 'Add rule' }).click();
  await expect(addRule.getByRole('alert')).toHaveText(
    'api.example.com already has a rule with priority 100; each rule needs its own priority.',
  );
  await addRule.getByLabel('Rule priority').fill('');

  const design = await app.design();
  const live = design.stageOrder.find((id) => design.stages[id]?.name === 'live');
  expect(Object.values(design.domains)).toEqual([
    expect.objectContaining({
      domainName: 'api.example.com',
      certificateArn,
      ipAddressType: 'dualstack',
      routingMode: 'ROUTING_RULE_THEN_API_MAPPING',
      mappings: [{ basePath: 'pets', stageId: live }],
      routingRules: [
        {
          priority: 100,
          conditions: { headers: [{ header: 'x-version', valueGlob: 'beta*' }], basePaths: [] },
          action: { stageId: live, stripBasePath: false },
        },
      ],
    }),
  ]);

  await openCodeView(page);
  expectInCdk(await showCdk(page));

  await app.waitForSave();
  await page.reload();
  await app.open();
  const again = await openDomains(panel);
  await expect(again.getByRole('list', { name: 'Custom domains' })).toContainText('api.example.com');
  const kept = again.getByTestId('domain-form');
  await expect(kept.getByLabel('ACM certificate ARN', { exact: true })).toHaveValue(certificateArn);
  await expect(kept.getByLabel('IP address type', { exact: true })).toHaveValue('dualstack');
  await expect(kept.getByRole('list', { name: 'API mappings of api.example.com' }).getByRole('textbox')).toHaveValue('pets');
  await expect(kept.getByLabel('Rule 100 of api.example.com: condition 1 Header', { exact: true })).toHaveValue('x-version');
  await expect(kept.getByLabel('Rule 100 of api.example.com: condition 1 Value (glob)', { exact: true })).toHaveValue('beta*');
  await openCodeView(page);
  expectInCdk(await showCdk(page));
});

/** Serious and critical WCAG 2 A/AA violations inside the side panel. */
async function panelViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('[data-testid="side-panel"]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}

for (const colorScheme of ['light', 'dark'] as const)
  test(`the Domains panel works from the keyboard and has no serious accessibility violations (${colorScheme})`, async ({ app, page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    await app.open();
    const panel = page.getByRole('complementary', { name: 'Side panel' });
    const domains = await openDomains(panel);
    expect(await panelViolations(page), 'empty').toEqual([]);

    // Keyboard only: type the name, Enter adds it; Tab reaches the form's fields.
    await domains.getByLabel('New domain name').focus();
    await page.keyboard.type('shop.example.com');
    await page.keyboard.press('Enter');
    await expect(domains.getByRole('list', { name: 'Custom domains' })).toContainText('shop.example.com');
    await domains.getByLabel('New domain name').focus();
    await page.keyboard.press('Tab');
    await expect(domains.getByRole('button', { name: 'Add domain' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(domains.getByLabel('Domain name', { exact: true })).toBeFocused();

    await domains.getByTestId('routing-rules').getByRole('button', { name: 'Route by rules, then API mappings' }).click();
    const addRule = domains.getByRole('form', { name: 'Add a routing rule' });
    await addRule.getByLabel('Rule header', { exact: true }).fill('x-tenant');
    await addRule.getByRole('button', { name: 'Add rule' }).click();
    await expect(domains.getByTestId('routing-rule')).toHaveCount(1);
    for (const group of await panel.locator('details').all()) await group.evaluate((element) => element.setAttribute('open', ''));
    expect(await panelViolations(page), 'a domain with a rule').toEqual([]);
  });
