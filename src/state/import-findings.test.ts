import { describe, expect, it } from 'vitest';
import { emptyDesign, serializeDesign } from '../core/model';
import type { ImportFinding } from '../core/openapi/types';
import { createPorticoStore } from './store';

const finding: ImportFinding = {
  message: 'paths: written twice (lines 2 and 5); the second one is used, as API Gateway does.',
  path: 'paths',
  line: 5,
  severity: 'warning',
  rule: 'import/duplicate-key',
};

describe('import findings in the store', () => {
  it('belong to the design the import opened, stay out of the saved design, and go when dismissed', () => {
    const store = createPorticoStore(emptyDesign('REST'));
    store.getState().openNewDesign(emptyDesign('HTTP', 'Orders'), { label: 'orders.yaml', origin: 'import' });
    store.getState().setImportFindings('orders.yaml', [finding]);
    const state = store.getState();
    expect(state.importFindings).toEqual({ designId: state.designId, imported: state.design, source: 'orders.yaml', findings: [finding] });
    expect(serializeDesign(state.design)).not.toContain('written twice');
    store.getState().dismissImportFindings();
    expect(store.getState().importFindings).toBeNull();
  });

  it('are cleared by an import with nothing to report', () => {
    const store = createPorticoStore(emptyDesign('REST'));
    store.getState().setImportFindings('a.yaml', [finding]);
    store.getState().setImportFindings('b.yaml', []);
    expect(store.getState().importFindings).toBeNull();
  });
});
