import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ElementEdge } from './design-to-flow';
import { roundedPath } from './edge-routing';

/** A stub's arrowhead: an open chevron at its end, pointing on to the card it leads to. */
const chevron = 5;

/**
 * An edge drawn along the route the canvas computed for it (design-to-flow.ts, edge-routing.ts), not
 * along React Flow's own curve between handles: the route goes around cards. A stub (a big design's
 * wiring whose backend is out of view, window.ts) is a short line out of its row ending in a chevron.
 */
function RoutedEdgeView({ id, source, target, data, markerEnd, style, interactionWidth }: EdgeProps<ElementEdge>) {
  const points = data?.points ?? [];
  const end = points[points.length - 1];
  const path =
    data?.far && end
      ? `${roundedPath(points)} M ${end.x - chevron} ${end.y - chevron} L ${end.x} ${end.y} L ${end.x - chevron} ${end.y + chevron}`
      : roundedPath(points);
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth ?? 14}
      // The cards an edge connects, for the geometry checks of the e2e tests (an edge may cross only these).
      data-source={source}
      data-target={data?.far ?? target}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeView);

/** Declared once at module level: a new object per render would remount every edge. */
export const edgeTypes = { routed: RoutedEdge };
