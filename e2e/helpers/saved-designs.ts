import type { Page } from '@playwright/test';
import type { DesignMeta } from '../../src/state/library/types';

/**
 * Before the app's first load in this tab, writes the browser storage as Portico's first storage version
 * left it: database 'portico' version 1 with one key-value store 'designs' (the autosaved design under
 * 'current'). Runs once per tab, so a reload finds what the app made of it.
 */
export async function seedFirstStorageVersion(page: Page, values: Record<string, unknown>): Promise<void> {
  await page.addInitScript((seed) => {
    if (sessionStorage.getItem('portico.test.seeded')) return;
    sessionStorage.setItem('portico.test.seeded', '1');
    const open = indexedDB.open('portico', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('designs');
    open.onsuccess = () => {
      const tx = open.result.transaction('designs', 'readwrite');
      for (const [key, value] of Object.entries(seed)) tx.objectStore('designs').put(value, key);
      // The app's own open (version 2) waits until this connection closes.
      tx.oncomplete = () => open.result.close();
    };
  }, values);
}

/** Keys of the first version's key-value store ('current', 'recovery:<time>'). */
export async function keyValueKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('portico');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('designs').objectStore('designs').getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map(String));
          };
        };
      }),
  );
}

/** Every library entry, the Trash included, as stored. */
export async function libraryEntries(page: Page): Promise<DesignMeta[]> {
  return page.evaluate(() => (window as unknown as { __portico: { getLibrary: () => Promise<DesignMeta[]> } }).__portico.getLibrary());
}

export async function openDesignId(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { __portico: { getDesignId: () => string | null } }).__portico.getDesignId());
}
