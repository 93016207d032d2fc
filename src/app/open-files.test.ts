import { describe, expect, it } from 'vitest';
import { emptyDesign, serializeDesign } from '../core/model';
import { createPorticoStore } from '../state/store';
import { openFiles } from './open-files';

const file = (name: string, text: string) => new File([text], name, { type: 'application/octet-stream' });

describe('openFiles', () => {
  it('opens a dropped design file as a new design, through the design gate', async () => {
    const store = createPorticoStore(emptyDesign('REST', 'Mine'));
    const before = store.getState().designId;
    await openFiles(store, [file('orders.portico.json', serializeDesign(emptyDesign('HTTP', 'Orders')))]);
    expect(store.getState().design.api.name).toBe('Orders');
    expect(store.getState().designId).not.toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().dialog).toBeNull();
  });

  it('refuses a damaged design file with its name and changes nothing', async () => {
    const store = createPorticoStore(emptyDesign('REST', 'Mine'));
    await openFiles(store, [file('broken.portico.json', '{"api": 42')]);
    expect(store.getState().design.api.name).toBe('Mine');
    expect(store.getState().notices.at(-1)?.message).toMatch(/^broken\.portico\.json could not be opened/);
  });

  it('hands an OpenAPI document to the import dialog, one at a time', async () => {
    const store = createPorticoStore(emptyDesign('REST', 'Mine'));
    const yaml = file('pets.yaml', 'openapi: 3.0.3\ninfo: {title: Pets, version: "1"}\npaths: {}\n');
    const json = file('more.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'More', version: '1' }, paths: {} }));
    await openFiles(store, [yaml, json]);
    expect(store.getState().dialog).toBe('import');
    expect(store.getState().importRequest?.file).toBe(yaml);
    expect(store.getState().design.api.name).toBe('Mine');
    expect(store.getState().notices.at(-1)?.message).toMatch(/one OpenAPI document at a time: more\.json was not opened/);
  });

  it('tells a design in a .json file from an OpenAPI document by its content', async () => {
    const store = createPorticoStore(emptyDesign('REST', 'Mine'));
    await openFiles(store, [file('export.json', serializeDesign(emptyDesign('WEBSOCKET', 'Chat')))]);
    expect(store.getState().design.api.name).toBe('Chat');
    await openFiles(store, [file('swagger.json', JSON.stringify({ swagger: '2.0', info: { title: 'x', version: '1' }, paths: {} }))]);
    expect(store.getState().importRequest?.file.name).toBe('swagger.json');
  });
});
