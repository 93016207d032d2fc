import { describe, expect, it } from 'vitest';
import { addResource, asId, emptyDesign, ROOT_RESOURCE_ID, updateApi } from '../core/model';
import { createPorticoStore } from './store';

describe('store', () => {
  it('applies an operation and records one undo step with its label', () => {
    const store = createPorticoStore(emptyDesign('REST'));
    const ok = store
      .getState()
      .apply('Add resource', (design) =>
        addResource(design, { parentId: ROOT_RESOURCE_ID, pathPart: 'pets', id: asId('Resource', 'res_pets') }),
      );
    expect(ok).toBe(true);
    expect(store.getState().design.resources[asId('Resource', 'res_pets')]?.pathPart).toBe('pets');
    expect(store.getState().history.past.at(-1)?.label).toBe('Add resource');
  });

  it('refuses an invalid operation with a notice and leaves the design untouched', () => {
    const store = createPorticoStore(emptyDesign('REST'));
    const before = store.getState().design;
    const ok = store.getState().apply('Add resource', (design) => addResource(design, { parentId: ROOT_RESOURCE_ID, pathPart: 'pe ts' }));
    expect(ok).toBe(false);
    expect(store.getState().design).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().notices.at(-1)?.message).toMatch(/characters API Gateway refuses/);
  });

  it('asks the canvas to fit, animated unless a different design has just been opened', () => {
    const store = createPorticoStore(emptyDesign('REST'));
    store.getState().requestFit({ animate: false });
    expect(store.getState()).toMatchObject({ fitRequest: 1, fitAnimated: false });
    store.getState().requestFit();
    expect(store.getState()).toMatchObject({ fitRequest: 2, fitAnimated: true });
  });

  it('undoes and redoes', () => {
    const store = createPorticoStore(emptyDesign('REST', 'One'));
    store.getState().apply('Rename', (design) => updateApi(design, { name: 'Two' }));
    store.getState().undo();
    expect(store.getState().design.api.name).toBe('One');
    store.getState().redo();
    expect(store.getState().design.api.name).toBe('Two');
  });

  it('coalesces keystrokes in one field into one step', () => {
    const store = createPorticoStore(emptyDesign('REST', 'A'));
    for (const name of ['Ab', 'Abc', 'Abcd'])
      store.getState().apply('Rename API', (design) => updateApi(design, { name }), { coalesceKey: 'api.name' });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().design.api.name).toBe('A');
  });

  it('does not change a read-only tab', () => {
    const store = createPorticoStore(emptyDesign('REST', 'Mine'));
    store.getState().setPersistence({ state: 'read-only', reason: 'Open elsewhere.' });
    expect(store.getState().apply('Rename', (design) => updateApi(design, { name: 'Theirs' }))).toBe(false);
    expect(store.getState().design.api.name).toBe('Mine');
  });

  it('replaces the design keeping the old one one undo step away', () => {
    const store = createPorticoStore(emptyDesign('REST', 'Old'));
    store.getState().replaceDesign(emptyDesign('HTTP', 'New'), 'Open shared design', { keepUndo: true });
    expect(store.getState().design.api.name).toBe('New');
    store.getState().undo();
    expect(store.getState().design.api.name).toBe('Old');
  });
});

describe('opening a new design without a library', () => {
  it('starts it with a fresh history under a new id, and says where the previous design is', () => {
    const store = createPorticoStore(emptyDesign('REST', 'Old'));
    store.getState().apply('Rename', (design) => updateApi(design, { name: 'Older' }));
    store.getState().openNewDesign(emptyDesign('HTTP', 'New'), { label: 'the example', origin: 'example' });
    expect(store.getState().design.api.name).toBe('New');
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().designId).toMatch(/^dsn_/);
    expect(store.getState().notices.at(-1)?.message).toBe(
      'Opened the example as a new design (HTTP API); your previous design is in My designs.',
    );
    expect(store.getState().fitAnimated).toBe(false);
  });
});
