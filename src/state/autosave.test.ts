import { describe, expect, it } from 'vitest';
import { emptyDesign, serializeDesign, updateApi } from '../core/model';
import { currentKey, recoveryKeys, restoreDesign, startAutosave } from './autosave';
import { type DesignStorage, memoryStorage } from './design-storage';
import { createPorticoStore } from './store';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('restoreDesign', () => {
  it('reports a first start when nothing is saved', async () => {
    expect((await restoreDesign(memoryStorage())).kind).toBe('first-start');
  });

  it('restores a saved design exactly', async () => {
    const storage = memoryStorage();
    const design = emptyDesign('HTTP', 'Saved API');
    await storage.write(currentKey, {
      format: 'portico.autosave',
      schemaVersion: 1,
      savedAt: 5,
      design: JSON.parse(serializeDesign(design)),
    });
    const outcome = await restoreDesign(storage);
    expect(outcome.kind).toBe('restored');
    if (outcome.kind === 'restored') expect(outcome.design).toEqual(design);
  });

  it('keeps a damaged saved design aside instead of wiping it', async () => {
    const storage = memoryStorage();
    await storage.write(currentKey, { format: 'portico.autosave', schemaVersion: 1, savedAt: 5, design: { api: 'broken' } });
    const outcome = await restoreDesign(storage, 1234);
    expect(outcome.kind).toBe('quarantined');
    expect(recoveryKeys(await storage.keys())).toEqual(['recovery:1234']);
    expect(await storage.read('recovery:1234')).toEqual({
      format: 'portico.autosave',
      schemaVersion: 1,
      savedAt: 5,
      design: { api: 'broken' },
    });
  });

  it('keeps a design from a newer Portico aside and says so', async () => {
    const storage = memoryStorage();
    const newer = { ...JSON.parse(serializeDesign(emptyDesign())), schemaVersion: 99 };
    await storage.write(currentKey, { format: 'portico.autosave', schemaVersion: 99, savedAt: 5, design: newer });
    const outcome = await restoreDesign(storage);
    expect(outcome.kind).toBe('quarantined');
    if (outcome.kind === 'quarantined') expect(outcome.message).toMatch(/newer Portico/);
  });
});

describe('startAutosave', () => {
  it('saves after a change', async () => {
    const storage = memoryStorage();
    const store = createPorticoStore(emptyDesign('REST', 'A'));
    const autosave = startAutosave(store, storage, { delayMs: 5, downloadDesign: () => undefined });
    store.getState().apply('Rename', (design) => updateApi(design, { name: 'B' }));
    expect(autosave.isSaved()).toBe(false);
    await wait(30);
    expect(autosave.isSaved()).toBe(true);
    const saved = (await storage.read(currentKey)) as { design: { api: { name: string } } };
    expect(saved.design.api.name).toBe('B');
    autosave.stop();
  });

  it('keeps the work in memory and offers a download when storage is full', async () => {
    const full: DesignStorage = {
      ...memoryStorage(),
      write: async () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
    };
    const store = createPorticoStore(emptyDesign('REST', 'A'));
    let downloads = 0;
    const autosave = startAutosave(store, full, { delayMs: 5, downloadDesign: () => downloads++ });
    store.getState().apply('Rename', (design) => updateApi(design, { name: 'B' }));
    await wait(30);
    expect(store.getState().design.api.name).toBe('B');
    expect(store.getState().persistence.state).toBe('failed');
    const notice = store.getState().notices.at(-1);
    expect(notice?.message).toMatch(/storage is full/);
    notice?.action?.run();
    expect(downloads).toBe(1);
    autosave.stop();
  });
});
