import { describe, expect, it } from 'vitest';
import { addStage, type StageId } from '../../core/model';
import { build, restPetStore } from '../../core/model/testing/design-builder';
import { createPorticoStore, type LibraryPort } from '../store';
import { recordStageExport } from './record-export';
import type { DesignVersions } from './versions-types';

/** A store whose library records what `recordExport` was asked. */
function storeRecording() {
  const design = build(restPetStore(), (d) => addStage(d, { name: 'dev', id: 'stg_dev' as StageId }));
  const store = createPorticoStore(design);
  const calls: [string[], string][] = [];
  const versions = {
    recordExport: async (stageIds: string[], target: string) => {
      calls.push([stageIds, target]);
      return true;
    },
  } as Partial<DesignVersions> as DesignVersions;
  // Only `versions` is used by what is tested.
  store.getState().connectLibrary({ versions: async () => versions } as Partial<LibraryPort> as LibraryPort);
  return { store, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('recording a download as a stage export', () => {
  it('records an OpenAPI document exported for a stage as that stage’s, and the CDK program as every stage’s', async () => {
    const { store, calls } = storeRecording();
    recordStageExport(store, 'openapi3', 'dev', 'aws');
    recordStageExport(store, 'cdk', undefined, 'aws');
    await settle();
    expect(calls).toEqual([
      [['stg_dev'], 'openapi3'],
      [['stg_prod', 'stg_dev'], 'cdk'],
    ]);
  });

  it('records neither the stage-less document nor the public one (which is for callers, not for deployment)', async () => {
    const { store, calls } = storeRecording();
    recordStageExport(store, 'openapi3', undefined, 'aws');
    recordStageExport(store, 'swagger2', 'prod', 'public');
    recordStageExport(store, 'openapi3', 'no such stage', 'aws');
    await settle();
    expect(calls).toEqual([]);
  });
});
