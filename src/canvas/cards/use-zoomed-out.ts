import { type ReactFlowState, useStore } from '@xyflow/react';

/** Below this zoom, nodes draw as coloured bars: text would be unreadable and costs layout time. */
export const detailZoomThreshold = 0.35;

const zoomedOutSelector = (state: ReactFlowState) => state.transform[2] < detailZoomThreshold;

/** True when zoomed far out. A boolean selector, so nodes re-render only when crossing the threshold. */
export function useZoomedOut(): boolean {
  return useStore(zoomedOutSelector);
}
