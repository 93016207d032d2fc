import { expect, type Page } from '@playwright/test';

const designText = (page: Page) =>
  page.evaluate(() => JSON.stringify((window as unknown as { __portico: { getDesign: () => unknown } }).__portico.getDesign()));

/**
 * Runs a palette add (a drag onto the canvas, a click, a menu entry) and waits until the design has
 * changed: the first add of a page may wait a moment for the palette's code to load (add-from-palette.ts),
 * as a person would see the card appear.
 */
export async function afterPaletteAdd(page: Page, add: () => Promise<void>): Promise<void> {
  const before = await designText(page);
  await add();
  await expect.poll(() => designText(page), { message: 'The palette added nothing.' }).not.toBe(before);
}
