import type { ElementEdge, ElementNode } from './design-to-flow';

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The flow rectangle a pane of `width` × `height` pixels shows at a viewport `[x, y, zoom]`. */
export function visibleRect(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The window of a big design handed to React Flow: the visible rectangle and one screen more on every
 * side. It moves only when the view leaves it (or zooms out past it), so panning within it changes
 * nothing, and the next window is ready before its edge comes into view.
 */
export function nextWindow(current: Rect | null, visible: Rect): Rect {
  if (current && contains(current, visible)) return current;
  return { x: visible.x - visible.width, y: visible.y - visible.height, width: visible.width * 3, height: visible.height * 3 };
}

/**
 * The nodes and edges in a window: nodes that overlap it, selected nodes (so that a selection survives
 * panning), and edges whose box overlaps it, with the nodes at both ends (React Flow draws an edge only
 * between nodes it holds). React Flow culls again to what is on screen, but over hundreds of elements,
 * not tens of thousands: its culling on every pointer move is what made panning a big design drop frames.
 */
export function inWindow(
  nodes: readonly ElementNode[],
  edges: readonly ElementEdge[],
  window: Rect,
): { nodes: ElementNode[]; edges: ElementEdge[] } {
  const right = window.x + window.width;
  const bottom = window.y + window.height;
  const overlaps = (x0: number, y0: number, x1: number, y1: number) => x0 <= right && y0 <= bottom && x1 >= window.x && y1 >= window.y;
  const byId = new Map<string, ElementNode>();
  const kept = new Set<string>();
  for (const node of nodes) {
    byId.set(node.id, node);
    const { x, y } = node.position;
    if (node.selected || overlaps(x, y, x + (node.width ?? 0), y + (node.height ?? 0))) kept.add(node.id);
  }
  const keptEdges: ElementEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const inside =
      (kept.has(edge.source) && kept.has(edge.target)) ||
      overlaps(
        Math.min(source.position.x, target.position.x),
        Math.min(source.position.y, target.position.y),
        Math.max(source.position.x + (source.width ?? 0), target.position.x + (target.width ?? 0)),
        Math.max(source.position.y + (source.height ?? 0), target.position.y + (target.height ?? 0)),
      );
    if (!inside) continue;
    keptEdges.push(edge);
    kept.add(edge.source);
    kept.add(edge.target);
  }
  return { nodes: nodes.filter((node) => kept.has(node.id)), edges: keptEdges };
}
