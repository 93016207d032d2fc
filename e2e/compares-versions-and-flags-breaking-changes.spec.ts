import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Design, Method } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { downloadCode, openCodeView } from './helpers/code-view';
import { libraryEntries, openDesignId } from './helpers/saved-designs';

/** A method of the design by its verb and its resource's path part. */
function method(design: Design, verb: string, pathPart: string): Method {
  const resource = Object.values(design.resources).find((candidate) => candidate.pathPart === pathPart);
  const found = Object.values(design.methods).find((candidate) => candidate.resourceId === resource?.id && candidate.httpMethod === verb);
  if (!found) throw new Error(`The example has no ${verb} on ${pathPart}`);
  return found;
}

/** Serious and critical WCAG 2 A/AA violations inside `scope`. */
async function seriousViolations(page: Page, scope: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include(scope).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`);
}

test('a person saves a version, removes an operation and makes a parameter required, sees both flagged as breaking on the canvas and in the list, and restores the version', async ({
  app,
  page,
}, testInfo) => {
  test.slow();
  await app.open();
  const original = await app.design();
  const list = method(original, 'GET', 'pets');
  const create = method(original, 'POST', 'pets');
  const pets = list.resourceId;
  const note = 'Before the v2 changes';
  /** A screenshot kept with the test's results, to look at the colours. */
  const shoot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };

  // Save a version with a note: Mod+Shift+S opens Versions with the typing in the note.
  await app.waitForSave();
  await page.keyboard.press('ControlOrMeta+Shift+S');
  const panel = page.getByRole('complementary', { name: 'Versions' });
  await expect(panel.getByLabel('Version note')).toBeFocused();
  await page.keyboard.type(note);
  await page.keyboard.press('Enter');
  const saved = panel.getByRole('listitem', { name: `Version ${note}` });
  await expect(saved).toBeVisible();
  await expect(saved).toContainText(`${Object.keys(original.methods).length} operations`);
  await panel.getByRole('button', { name: 'Close versions' }).click();

  // Remove POST /pets, and make GET /pets's optional `limit` required.
  const createRow = page.getByTestId(`row-${create.id}`);
  await createRow.click();
  await page.keyboard.press('Delete');
  await expect(createRow).toHaveCount(0);
  const listRow = page.getByTestId(`row-${list.id}`);
  await listRow.click();
  const side = page.getByRole('complementary', { name: 'Side panel' });
  const limit = list.parameters.findIndex((parameter) => parameter.name === 'limit' && !parameter.required);
  expect(limit).toBeGreaterThanOrEqual(0);
  await side.getByRole('checkbox', { name: 'Required', exact: true }).nth(limit).check();
  await expect.poll(async () => (await app.design()).methods[list.id]?.parameters[limit]?.required).toBe(true);
  const edited = await app.design();

  // Compare the version with the current design.
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  await panel.getByRole('button', { name: `Compare ${note} with the current design` }).click();
  const compare = panel.getByTestId('compare-view');
  await expect(compare.getByTestId('compare-summary')).toContainText('breaking change');
  const breaking = compare.getByTestId('findings-breaking');
  const removed = breaking.locator('[data-finding-id="api-removed-without-deprecation"]');
  const required = breaking.locator('[data-finding-id="request-parameter-became-required"]');
  await expect(removed).toContainText('POST /pets');
  await expect(removed).toContainText('removed');
  await expect(required).toContainText('GET /pets');
  await expect(required).toContainText('limit');
  // Each says why it breaks clients.
  await expect(required).toContainText('Clients that leave the parameter out are refused');
  // Removed elements cannot be on the canvas: the list shows them as ghosts.
  await expect(compare.getByTestId('compare-ghost').filter({ hasText: 'POST /pets' })).toBeVisible();

  // On the canvas: the changed method outlined and tagged breaking, the removed one named on its resource's card.
  await expect(listRow).toHaveAttribute('data-change', 'changed');
  await expect(listRow).toHaveAttribute('data-change-level', 'breaking');
  await expect(listRow.getByTestId('change-level-tag')).toHaveText('breaking');
  const petsCard = page.getByTestId(`node-${pets}`);
  await expect(petsCard).toHaveAttribute('data-change-level', 'breaking');
  await expect(petsCard.getByTestId('removed-tag')).toHaveText('−1 removed, breaking');
  await expect(petsCard.getByTestId('removed-tag')).toHaveAttribute('title', 'Removed: POST /pets (breaking)');
  // An untouched method carries no mark.
  await expect(page.getByTestId(`row-${method(original, 'GET', '{petId}').id}`)).not.toHaveAttribute('data-change', /.+/);

  // A finding goes to its element; the selected element's properties show what changed.
  await required.click();
  await expect(listRow).toHaveAttribute('aria-pressed', 'true');
  await expect(compare.getByTestId('property-diff')).toContainText('parameters[query limit].required');
  await expect(compare.getByTestId('property-diff')).toContainText('false');
  await expect(compare.getByTestId('property-diff')).toContainText('true');
  await removed.click();
  await expect(compare.getByTestId('compare-ghost').filter({ hasText: 'POST /pets' })).toHaveClass(/ring-2/);
  // The canvas goes to the card the removed operation is named on.
  await expect(page.locator(`.react-flow__node[data-id="${pets}"]`)).toHaveClass(/\bselected\b/);

  // What the colours look like, light and dark (looked at by a person: see the attachments).
  await page.mouse.move(0, 0);
  await shoot('compare-light');
  expect(await seriousViolations(page, '[data-testid="versions-panel"]')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shoot('compare-dark');
  expect(await seriousViolations(page, '[data-testid="versions-panel"]')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // The other way round the version is what the canvas shows (read-only), with POST /pets added.
  await compare.getByRole('button', { name: 'Swap the two sides' }).click();
  await expect(page.getByTestId('version-banner')).toContainText(note);
  await expect(createRow).toHaveAttribute('data-change', 'added');
  await expect(listRow).toHaveAttribute('data-change', 'changed');
  await expect(compare.getByTestId('findings-breaking')).toBeHidden();
  await shoot('compare-swapped-light');
  expect(await seriousViolations(page, '[data-testid="version-banner"]')).toEqual([]);
  await compare.getByRole('button', { name: 'Swap the two sides' }).click();
  await expect(page.getByTestId('version-banner')).toBeHidden();
  await expect(createRow).toHaveCount(0);

  // The OpenAPI and CDK text diff, in Monaco's diff editor.
  await compare.getByRole('button', { name: 'Text diff: OpenAPI and CDK' }).click();
  const textDiff = page.getByRole('dialog', { name: `Text diff: ${note} → the current design` });
  await expect(textDiff.locator('.monaco-diff-editor')).toBeVisible();
  // The line the edit added is marked inserted; the CDK program differs too.
  const inserted = textDiff.locator('.monaco-diff-editor .line-insert:visible');
  await expect(inserted.first()).toBeVisible();
  await expect(textDiff.locator('.monaco-diff-editor .editor.modified')).toContainText('required: true');
  await shoot('text-diff-openapi');
  await textDiff.getByRole('tab', { name: 'AWS CDK' }).click();
  await expect(textDiff.locator('.monaco-diff-editor .editor.modified')).toContainText('aws-cdk-lib');
  await expect(textDiff.locator('.monaco-diff-editor :is(.line-insert, .line-delete):visible').first()).toBeVisible();
  await shoot('text-diff-cdk');
  await page.keyboard.press('Escape');
  await expect(textDiff).toBeHidden();

  // View the version read-only: the canvas shows it, editing is refused.
  await panel.getByRole('button', { name: `View ${note}` }).click();
  const banner = page.getByTestId('version-banner');
  await expect(banner).toContainText(`Viewing version “${note}” — read-only.`);
  await expect(createRow).toBeVisible();
  await expect(listRow).not.toHaveAttribute('data-change', /.+/);
  await page.getByRole('button', { name: /^Undo / }).click();
  await expect(page.getByTestId('notice').filter({ hasText: 'which is read-only' })).toBeVisible();
  expect(await app.design()).toEqual(original);

  // Restore it: the design it replaces is kept as a version, and one undo step brings it back.
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('notice').filter({ hasText: `Restored “${note}”` })).toBeVisible();
  expect(await app.design()).toEqual(original);
  await expect(panel.getByRole('listitem', { name: `Version Before restoring “${note}”` })).toBeVisible();
  await page.getByRole('button', { name: `Undo Restore version “${note}”` }).click();
  await expect(createRow).toHaveCount(0);
  expect(await app.design()).toEqual(edited);
  await page.getByRole('button', { name: `Redo Restore version “${note}”` }).click();
  await expect(createRow).toBeVisible();

  // Everything is kept across a reload: the restored design and both versions.
  await app.waitForSave();
  await page.reload();
  await app.open();
  expect(await app.design()).toEqual(original);
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveCount(2);
});

test('the stages panel says whether the design changed since the version exported for a stage, with the changes one click away; the exported file compares with the design', async ({
  app,
  page,
}, testInfo) => {
  test.slow();
  await app.open();
  const original = await app.design();
  const stageId = original.stageOrder[0] as keyof Design['stages'];
  const stage = original.stages[stageId];
  if (!stage) throw new Error('The example has no stage');

  // Download the stage's OpenAPI document from the code view: the export is recorded for the stage.
  await openCodeView(page);
  await page.getByTestId('code-view').getByLabel('Stage').selectOption(stage.name);
  await expect(page.getByTestId('code-view-status')).toHaveText('In step with the design');
  const exported = await downloadCode(page);
  const file = testInfo.outputPath(exported.name);
  await writeFile(file, exported.text);
  const side = page.getByRole('complementary', { name: 'Side panel' });
  await side.getByRole('tab', { name: 'Stages' }).click();
  const status = page.getByTestId(`stage-export-${stageId}`);
  await expect(status).toContainText('as exported on');
  await expect(status.getByRole('button', { name: 'Show changes' })).toHaveCount(0);

  // The design moves on: POST /pets removed.
  const create = method(original, 'POST', 'pets');
  await page.getByTestId(`row-${create.id}`).click();
  await page.keyboard.press('Delete');
  await side.getByRole('tab', { name: 'Stages' }).click();
  await expect(status).toContainText(/changed since export on .+: 1 change, 1 breaking/);
  await status.getByRole('button', { name: 'Show changes' }).click();
  const panel = page.getByRole('complementary', { name: 'Versions' });
  const compare = panel.getByTestId('compare-view');
  await expect(compare).toContainText(`Exported OpenAPI 3.0 for ${stage.name}`);
  await expect(compare.getByTestId('findings-breaking').locator('[data-finding-id="api-removed-without-deprecation"]')).toContainText(
    'POST /pets',
  );
  // The export kept what it exported as a version of its own.
  await expect(panel.getByRole('listitem', { name: `Version Exported OpenAPI 3.0 for ${stage.name}` })).toContainText('exported');

  // The downloaded document itself, read for the comparison alone, against the design.
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Compare with an OpenAPI file…' }).click();
  await (await chooser).setFiles(file);
  await expect(compare.getByRole('heading', { level: 3 })).toContainText(exported.name);
  await expect(compare.getByTestId('findings-breaking').locator('[data-finding-id="api-removed-without-deprecation"]')).toContainText(
    'POST /pets',
  );
  await expect(page.getByTestId(`node-${create.resourceId}`).getByTestId('removed-tag')).toHaveText('−1 removed, breaking');
  await page.screenshot({ path: testInfo.outputPath('compare-openapi-file.png') });
  // Nothing was added to the library by reading it.
  await expect(panel.getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveCount(1);
  expect((await libraryEntries(page)).length).toBe(1);
});

test('a design file carries its versions: saved with the design, opened with it, each read through the design gate', async ({
  app,
  page,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Versions' });
  await panel.getByLabel('Version note').fill('First release');
  await panel.getByRole('button', { name: 'Save version' }).click();
  await expect(panel.getByRole('listitem', { name: 'Version First release' })).toBeVisible();
  const original = await app.design();

  const downloading = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+s');
  const path = await (await downloading).path();
  const saved = JSON.parse(await readFile(path, 'utf8'));
  const { versions, ...design } = saved;
  expect(design).toEqual(original);
  expect(versions).toHaveLength(1);
  expect(versions[0]).toMatchObject({ note: 'First release', origin: 'saved', design: original });

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open design file' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('notice').filter({ hasText: 'carried 1 saved version' })).toBeVisible();
  const openedId = await openDesignId(page);
  await expect.poll(async () => (await libraryEntries(page)).find((entry) => entry.id === openedId)?.origin).toBe('file');
  await expect(panel.getByRole('listitem', { name: 'Version First release' })).toBeVisible();

  // A file whose version is damaged is refused, saying which version and why; nothing opens.
  const damaged = { ...saved, versions: [{ note: 'Broken', savedAt: 1, design: { api: { name: 'x' } } }] };
  const refused = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open design file' }).click();
  await (await refused).setFiles({
    name: 'damaged.portico.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(damaged)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Version 1 (“Broken”) is damaged' })).toBeVisible();
  expect(await openDesignId(page)).toBe(openedId);
});
