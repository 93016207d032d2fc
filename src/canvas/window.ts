import { overlaps } from '../core/model';
import { type ElementEdge, type ElementNode, inHandleId } from './design-to-flow';

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
 * nothing, and the next window is ready before its edge comes into view. Zooming in to twice the zoom
 * it was made at makes a new one: a window made far out would otherwise hold every card it covered, and
 * a view zoomed in from the overview would draw the whole design's wiring.
 */
export function nextWindow(current: Rect | null, visible: Rect): Rect {
  if (current && contains(current, visible) && current.width <= visible.width * 6 && current.height <= visible.height * 6) return current;
  return { x: visible.x - visible.width, y: visible.y - visible.height, width: visible.width * 3, height: visible.height * 3 };
}

/**
 * How far a stub (a wiring edge whose other end is off in a big design) reaches out of its row: an
 * authorizer's stops short of an integration's, so that a row with both shows both chevrons.
 */
export const farStubLength = { integration: 40, authorizer: 24 } as const;

/**
 * A wiring edge whose backend is far from the window, drawn as a short stub out of its row: React Flow
 * holds it as an edge from the row's card to that same card (so it is drawn, and culled, with the card
 * alone), and `data.far` names the card it leads to. Kept per edge object, so that a window moving over
 * unchanged edges hands React Flow the same stubs.
 */
const stubs = new WeakMap<ElementEdge, ElementEdge>();
function stubOf(edge: ElementEdge): ElementEdge {
  const known = stubs.get(edge);
  if (known) return known;
  const from = edge.data?.points[0];
  const length = edge.data?.kind === 'authorizer' ? farStubLength.authorizer : farStubLength.integration;
  const stub: ElementEdge = {
    ...edge,
    target: edge.source,
    targetHandle: inHandleId,
    className: `${edge.className ?? ''} portico-edge-far`.trim(),
    ariaLabel: 'Connection to a card out of view: double-click to go there',
    data: {
      kind: edge.data?.kind ?? 'integration',
      ...(edge.data?.owner ? { owner: edge.data.owner } : {}),
      points: from ? [from, { x: from.x + length, y: from.y }] : [],
      far: edge.target,
    },
  };
  stubs.set(edge, stub);
  return stub;
}

/**
 * The nodes and edges in a window: nodes that overlap it and selected nodes (so that a selection survives
 * panning). A method's wiring is drawn whole when its backend's card is in the window too, else as a stub
 * out of the row (the row names its backend; the backend's card says how many use it): thousands of
 * edges to shared backends far down the design made a wall of lines across the channel, and panning
 * drew every one of them. Tree lines and a domain's way in are structure: drawn when their box meets
 * the window, with the nodes at both ends (React Flow draws an edge only between nodes it holds).
 * React Flow culls again to what is on screen, but over hundreds of elements, not tens of thousands.
 */
export function inWindow(
  nodes: readonly ElementNode[],
  edges: readonly ElementEdge[],
  window: Rect,
): { nodes: ElementNode[]; edges: ElementEdge[] } {
  const byId = new Map<string, ElementNode>();
  const inside = new Set<string>();
  const kept = new Set<string>();
  const boxOf = (node: ElementNode): Rect => ({ ...node.position, width: node.width ?? 0, height: node.height ?? 0 });
  for (const node of nodes) {
    byId.set(node.id, node);
    if (overlaps(boxOf(node), window)) inside.add(node.id);
    if (node.selected || inside.has(node.id)) kept.add(node.id);
  }
  const keptEdges: ElementEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const kind = edge.data?.kind;
    if (kind === 'integration' || kind === 'authorizer') {
      if (inside.has(edge.source) && inside.has(edge.target)) keptEdges.push(edge);
      else if (kept.has(edge.source)) keptEdges.push(stubOf(edge));
      continue;
    }
    const a = boxOf(source);
    const b = boxOf(target);
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    const spanned = { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
    if (!(kept.has(edge.source) && kept.has(edge.target)) && !overlaps(spanned, window)) continue;
    keptEdges.push(edge);
    kept.add(edge.source);
    kept.add(edge.target);
  }
  return { nodes: nodes.filter((node) => kept.has(node.id)), edges: keptEdges };
}
