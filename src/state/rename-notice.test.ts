import { describe, expect, it } from 'vitest';
import { applyOperation, type Design, updateBinding, updateMethod } from '../core/model';
import { renameResourceEverywhere } from '../core/model/operations/rename-references';
import { build, ids, restPetStore } from '../core/model/testing/design-builder';
import { renameNotice, renameOperation } from './rename-notice';
import { createPorticoStore } from './store';

function petId(): Design {
  return build(
    restPetStore(),
    (d) => updateMethod(d, ids.mth('get'), { parameters: [{ in: 'path', name: 'petId', required: true }] }),
    (d) =>
      updateBinding(d, ids.mth('get'), {
        cacheKeyParameters: ['method.request.path.petId'],
        requestTemplates: { 'application/json': '## petId\n{}' },
      }),
  );
}

/** Types a path part key by key as the field does: a trial run, then the store's apply with one coalescing key. */
async function type(store: ReturnType<typeof createPorticoStore>, parts: string[]): Promise<void> {
  for (const part of parts) {
    const operation = renameOperation(store, 'pet.pathPart', (design) => renameResourceEverywhere(design, ids.res('pet'), part));
    expect(applyOperation(store.getState().design, operation).ok).toBe(true);
    store.getState().apply('Change path part', operation, { coalesceKey: 'pet.pathPart' });
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the rename notice', () => {
  it('lists what changed beyond the name and what is left for review, and stays while there is something to check', () => {
    const notice = renameNotice(renameResourceEverywhere(petId(), ids.res('pet'), '{id}'));
    expect(notice?.message.split('\n')).toEqual([
      'Renamed {petId} to {id}, and 2 places that name it:',
      '• GET /pets/{id} · path parameter: petId → id',
      '• GET /pets/{id} · cache key: method.request.path.petId → method.request.path.id',
      'Not changed, for you to check (text that only looks like the name):',
      '• GET /pets/{id} · request template (application/json): ## petId',
    ]);
    expect(notice).toMatchObject({ tone: 'warning', sticky: true });
  });

  it('says nothing when only the name changed', () => {
    expect(renameNotice(renameResourceEverywhere(petId(), ids.res('pets'), 'animals'))).toBeUndefined();
  });

  it('describes a rename typed key by key from its first name, in one notice and one undo step', async () => {
    const store = createPorticoStore(petId());
    await type(store, ['{petI}', '{pet}', '{petKey}']);
    const notices = store.getState().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('Renamed {petId} to {petKey}');
    expect(notices[0]?.message).toContain('method.request.path.petId → method.request.path.petKey');
    expect(store.getState().history.past).toHaveLength(1);
  });
});
