import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { httpApiWithJwt } from '../src/core/examples';
import type { Design } from '../src/core/model';
import { expect, test } from './fixtures/portico';
import { libraryEntries, openDesignId, seedFirstStorageVersion } from './helpers/saved-designs';

const corpus = resolve(import.meta.dirname, '../../shared/corpus/real-world');

async function openLibrary(page: Page) {
  await page.getByRole('button', { name: 'My designs' }).click();
  const dialog = page.getByRole('dialog', { name: 'My designs' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Waits until the open design and its history are written, then reloads the tab. */
async function reload(app: { waitForSave: () => Promise<void>; open: () => Promise<void> }, page: Page) {
  await app.waitForSave();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __portico?: unknown }).__portico));
}

async function waitForCount(page: Page, count: number) {
  await expect.poll(async () => (await libraryEntries(page)).filter((entry) => entry.deletedAt === undefined).length).toBe(count);
}

test('a share link, an example and an import each add a design; every design survives a reload, the Trash and undo', async ({
  app,
  page,
}) => {
  test.slow();
  await app.open();
  await waitForCount(page, 1);
  const exampleId = (await openDesignId(page)) as string;
  const exampleName = (await app.design()).api.name;

  // An edit of the first design, to undo after the reload: renamed from My designs (F2).
  let dialog = await openLibrary(page);
  await dialog.getByTestId(`library-entry-${exampleId}`).getByRole('button').first().focus();
  await page.keyboard.press('F2');
  await dialog.getByRole('textbox', { name: 'Design name' }).fill('My own pet store');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('api-name')).toHaveText('My own pet store');
  await page.keyboard.press('Escape');
  const mine = await app.design();

  // A share link (of the HTTP example, made in this tab) opens as a new design.
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByTestId('example-http-api-jwt').click();
  await expect(page.getByTestId('api-name')).toHaveText(httpApiWithJwt().api.name);
  await expect(page.getByRole('status').filter({ hasText: 'as a new design' })).toBeVisible();
  await waitForCount(page, 2);
  const example = await app.design();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  await app.waitForSave();
  await page.goto(url);
  await expect(page.getByTestId('share-preview')).toBeVisible();
  await expect(page.getByTestId('share-preview')).not.toContainText('Undo');
  await page.getByRole('button', { name: 'Open as a new design' }).click();
  await waitForCount(page, 3);
  const shared = await app.design();
  expect(shared).toEqual(example);

  // An import opens as a new design too.
  await page.getByRole('button', { name: 'Import OpenAPI' }).click();
  await page.getByTestId('import-file').setInputFiles(resolve(corpus, 'lambda-token-authorizer-validators-gateway-responses-rest.yaml'));
  await page.waitForFunction(() => !document.querySelector('dialog[open]') || document.querySelector('[data-testid="import-notes"]'));
  if (await page.getByTestId('import-notes').isVisible()) await page.getByRole('button', { name: 'Done' }).click();
  await waitForCount(page, 4);
  const imported = await app.design();
  const entries = await libraryEntries(page);
  expect(entries.map((entry) => entry.origin).sort()).toEqual(['example', 'example', 'import', 'share-link']);

  // Every design is intact after a reload.
  await reload(app, page);
  expect(await app.design()).toEqual(imported);
  await waitForCount(page, 4);
  const byId = new Map((await libraryEntries(page)).map((entry) => [entry.id, entry]));
  // The first design last: its undo is tried next.
  const expected = new Map<string, Design>([
    [[...byId.values()].find((entry) => entry.origin === 'share-link')?.id as string, shared],
    [[...byId.values()].find((entry) => entry.origin === 'example' && entry.id !== exampleId)?.id as string, example],
    [exampleId, mine],
  ]);
  for (const [id, design] of expected) {
    dialog = await openLibrary(page);
    await dialog.getByTestId(`library-entry-${id}`).getByRole('button', { name: design.api.name, exact: true }).click();
    await expect.poll(() => openDesignId(page)).toBe(id);
    expect(await app.design()).toEqual(design);
  }

  // Undo works after the reload: the first design's rename is one step away.
  await page.getByRole('button', { name: 'Undo Rename API' }).click();
  await expect(page.getByTestId('api-name')).toHaveText(exampleName);
  await page.getByRole('button', { name: 'Redo Rename API' }).click();
  await expect(page.getByTestId('api-name')).toHaveText('My own pet store');

  // A deleted design goes to the Trash and comes back whole.
  const sharedId = [...byId.values()].find((entry) => entry.origin === 'share-link')?.id as string;
  dialog = await openLibrary(page);
  await dialog
    .getByTestId(`library-entry-${sharedId}`)
    .getByRole('button', { name: `Move ${shared.api.name} to the Trash` })
    .click();
  await expect(dialog.getByRole('status').filter({ hasText: 'to the Trash' })).toBeVisible();
  await waitForCount(page, 3);
  await dialog.getByRole('button', { name: /^Trash \(1\)/ }).click();
  await expect(dialog.getByTestId(`library-entry-${sharedId}`)).toContainText('Deleted for good in 30 days');
  await reload(app, page);
  dialog = await openLibrary(page);
  await dialog.getByRole('button', { name: /^Trash \(1\)/ }).click();
  await dialog.getByTestId(`library-entry-${sharedId}`).getByRole('button', { name: 'Restore' }).click();
  await waitForCount(page, 4);
  await dialog.getByRole('button', { name: /^Designs \(4\)/ }).click();
  await dialog.getByTestId(`library-entry-${sharedId}`).getByRole('button', { name: shared.api.name, exact: true }).click();
  await expect.poll(() => openDesignId(page)).toBe(sharedId);
  expect(await app.design()).toEqual(shared);
});

test('the one design saved by the previous version becomes the first library entry', async ({ app, page }) => {
  const saved = { ...httpApiWithJwt(), api: { ...httpApiWithJwt().api, name: 'Saved before the upgrade' } };
  await seedFirstStorageVersion(page, {
    current: { format: 'portico.autosave', schemaVersion: saved.schemaVersion, savedAt: 1_700_000_000_000, design: saved },
    'recovery:1700000000001': { kept: 'aside' },
  });
  await app.open();
  await expect(page.getByTestId('api-name')).toHaveText('Saved before the upgrade');
  expect(await app.design()).toEqual(saved);
  const entries = await libraryEntries(page);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ name: 'Saved before the upgrade', origin: 'upgrade', apiType: 'HTTP', updatedAt: 1_700_000_000_000 });
  // The designs kept aside by the previous version are still offered.
  await page.keyboard.press('Control+Shift+O');
  const dialog = page.getByRole('dialog', { name: 'My designs' });
  await expect(dialog.getByTestId(`library-entry-${entries[0]?.id}`)).toContainText('Open now');
});

test('two tabs edit two different designs at the same time', async ({ app, page, context }) => {
  await app.open();
  const firstId = (await openDesignId(page)) as string;
  await app.waitForSave();
  await page.getByRole('button', { name: 'New design' }).click();
  await page.getByLabel('API name').fill('Tab one API');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('api-name')).toHaveText('Tab one API');
  await app.waitForSave();

  // A second tab opens the most recently changed design, which the first tab edits: read-only.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('This design is open in another Portico tab.')).toBeVisible();
  await expect(second.getByTestId('save-status')).toHaveText(/Read-only/);
  await second.getByRole('button', { name: 'Open another design' }).click();
  const dialog = second.getByRole('dialog', { name: 'My designs' });
  await expect(dialog.getByTestId(`library-entry-${firstId}`)).toBeVisible();
  await dialog.getByTestId(`library-entry-${firstId}`).getByRole('button').first().click();
  await expect.poll(() => openDesignId(second)).toBe(firstId);
  await expect(second.getByTestId('save-status')).not.toHaveText(/Read-only/);

  // Both edit, both save: each design has its own writer.
  for (const [tab, name] of [
    [page, 'Edited in tab one'],
    [second, 'Edited in tab two'],
  ] as const) {
    await tab.getByRole('button', { name: 'My designs' }).click();
    const library = tab.getByRole('dialog', { name: 'My designs' });
    await library
      .locator('li[aria-current="true"]')
      .getByRole('button', { name: /^Rename / })
      .click();
    await library.getByRole('textbox', { name: 'Design name' }).fill(name);
    await tab.keyboard.press('Enter');
    await expect(tab.getByTestId('api-name')).toHaveText(name);
    await tab.keyboard.press('Escape');
  }
  await expect
    .poll(async () => (await libraryEntries(page)).map((entry) => entry.name).sort())
    .toEqual(['Edited in tab one', 'Edited in tab two']);
  // A design another tab edits is marked, and is not moved to the Trash from here.
  const oneId = (await openDesignId(page)) as string;
  await second.getByRole('button', { name: 'My designs' }).click();
  const library = second.getByRole('dialog', { name: 'My designs' });
  await expect(library.getByTestId(`library-entry-${oneId}`)).toContainText('Open in another tab');
  await library
    .getByTestId(`library-entry-${oneId}`)
    .getByRole('button', { name: /to the Trash$/ })
    .click();
  await expect(library.getByRole('alert')).toContainText('is open in another tab');
  expect((await libraryEntries(page)).every((entry) => entry.deletedAt === undefined)).toBe(true);
  await second.close();
});

test('exports every design as files in one zip, each with its saved versions', async ({ app, page }) => {
  await app.open();
  const first = await app.design();
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByTestId('example-websocket-chat').click();
  await waitForCount(page, 2);
  const second = await app.design();
  // A saved version of the second design goes into its file, as "Save design file" writes it.
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  const versionsPanel = page.getByRole('complementary', { name: 'Versions' });
  await versionsPanel.getByLabel('Version note').fill('Before the workshop');
  await versionsPanel.getByRole('button', { name: 'Save version' }).click();
  await expect(versionsPanel.getByRole('listitem', { name: 'Version Before the workshop' })).toBeVisible();
  const dialog = await openLibrary(page);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export all designs' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^portico-designs-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const designs = Object.entries(files).map(([name, bytes]) => {
    const { versions, ...design } = JSON.parse(strFromU8(bytes)) as Design & { versions?: { note: string; design: Design }[] };
    return { name, design: design as Design, versions };
  });
  expect(designs.map((entry) => entry.name).sort()).toEqual(
    [`${first.api.name}`, `${second.api.name}`]
      .map((name) =>
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, ''),
      )
      .map((slug) => `${slug}.portico.json`)
      .sort(),
  );
  expect(designs.map((entry) => entry.design).sort((a, b) => a.api.name.localeCompare(b.api.name))).toEqual(
    [first, second].sort((a, b) => a.api.name.localeCompare(b.api.name)),
  );
  const withVersion = designs.find((entry) => entry.design.api.name === second.api.name);
  expect(withVersion?.versions?.map((version) => version.note)).toEqual(['Before the workshop']);
  expect(withVersion?.versions?.[0]?.design).toEqual(second);
  expect(designs.find((entry) => entry.design.api.name === first.api.name)?.versions).toBeUndefined();
  await expect(page.getByTestId('notice').filter({ hasText: 'each with its saved versions' })).toBeVisible();
});
