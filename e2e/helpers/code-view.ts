import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures/portico';

/** Opens the code view from the toolbar and waits until it shows the export of the current design. */
export async function openCodeView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Code view' }).click();
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();
  await expect(page.getByTestId('code-view-status')).toHaveText('In step with the design');
}

/** Downloads what the code view shows, as a person would, and returns the file name and text. */
export async function downloadCode(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('code-view-download').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Replaces the editor's text by pasting, as a person pasting a whole document would. */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.getByTestId('code-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Shows a code view tab and returns its text as Download saves it: once the tab is chosen and its text
 * written for it (Download waits for that; before, the status says it is updating).
 */
export async function showCodeTab(page: Page, tab: string): Promise<string> {
  const choice = page.getByTestId('code-view').getByRole('tab', { name: tab });
  await choice.click();
  await expect(choice).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('code-view-status')).toHaveText('In step with the design');
  return (await downloadCode(page)).text;
}
