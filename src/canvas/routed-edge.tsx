import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ElementEdge } from './design-to-flow';
import { roundedPath } from './edge-routing';

/**
 * An edge drawn along the route the canvas computed for it (design-to-flow.ts, edge-routing.ts), not
 * along React Flow's own curve between handles: the route goes around cards.
 */
function RoutedEdgeView({ id, source, target, data, markerEnd, style, interactionWidth }: EdgeProps<ElementEdge>) {
  const points = data?.points ?? [];
  return (
    <BaseEdge
      id={id}
      path={roundedPath(points)}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth ?? 14}
      // The cards an edge connects, for the geometry checks of the e2e tests (an edge may cross only these).
      data-source={source}
      data-target={target}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeView);

/** Declared once at module level: a new object per render would remount every edge. */
export const edgeTypes = { routed: RoutedEdge };
