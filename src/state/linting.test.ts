import { describe, expect, it, vi } from 'vitest';
import { addMethod, emptyDesign, type ResourceId, ROOT_RESOURCE_ID } from '../core/model';
import { build } from '../core/model/testing/design-builder';
import { startLinting } from './linting';
import { createPorticoStore } from './store';

describe('linting', () => {
  it('loads the rules after start and keeps the findings in step with the design', async () => {
    const store = createPorticoStore(emptyDesign('REST'));
    const stop = startLinting(store);
    // The rules engine is imported lazily: no findings until it has loaded and run.
    expect(store.getState().findings).toEqual([]);
    store
      .getState()
      .apply('Add method', (design) =>
        build(design, (d) => addMethod(d, { resourceId: ROOT_RESOURCE_ID as ResourceId, httpMethod: 'GET' })),
      );
    // A method without an integration is a finding (API Gateway refuses to deploy it).
    await vi.waitFor(() => expect(store.getState().findings.some((finding) => finding.target.kind === 'method')).toBe(true), {
      timeout: 10_000,
    });
    store.getState().undo();
    await vi.waitFor(() => expect(store.getState().findings.some((finding) => finding.target.kind === 'method')).toBe(false));
    stop();
  });
});
