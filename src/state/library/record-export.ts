import type { PorticoStore } from '../store';

/**
 * Records a download of the code view as an export of the stages it deploys: an OpenAPI document
 * exported for a stage is that stage's; the CDK program deploys every stage. The stage-less document is
 * no stage's, and the public document is for callers, not for deployment: neither is recorded.
 */
export function recordStageExport(store: PorticoStore, target: string, stageName: string | undefined, profile: string): void {
  const { design } = store.getState();
  const stageIds =
    target === 'cdk'
      ? design.stageOrder
      : profile === 'aws' && stageName !== undefined
        ? design.stageOrder.filter((id) => design.stages[id]?.name === stageName)
        : [];
  if (stageIds.length === 0) return;
  void store
    .getState()
    .versions()
    .then((versions) => versions?.recordExport(stageIds, target))
    .catch((error: unknown) =>
      store
        .getState()
        .notify({ tone: 'warning', message: `The export was downloaded, but not recorded for its stage (${(error as Error).message}).` }),
    );
}
