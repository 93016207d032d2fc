import { type Edge, type Node, type NodeHandle, Position as Side } from '@xyflow/react';
import {
  type Card,
  type CardId,
  type CardKind,
  cardGeometry,
  cardSize,
  type Design,
  designCards,
  isApiCard,
  overlaps,
  type Position,
  type RowId,
  rowCentre,
  sameCardShape,
} from '../core/model';
import { type Box, type EdgeEnds, type Point, type RoutedKind, routeEdges } from './edge-routing';

/** A canvas node is a card; it carries only the card's id: card components select what they show. */
export type ElementNodeData = { id: CardId };
export type ElementNode = Node<ElementNodeData, CardKind>;

export type EdgeKind = RoutedKind;
export type ElementEdgeData = {
  kind: EdgeKind;
  owner?: RowId;
  points: Point[];
  /** A stub of a big design's wiring whose backend is out of the window: the card it leads to (window.ts). */
  far?: string;
};
export type ElementEdge = Edge<ElementEdgeData>;

export interface Flow {
  nodes: ElementNode[];
  edges: ElementEdge[];
}

export interface FlowInputs {
  design: Design;
  /** Selected element ids (cards and rows). */
  selection: ReadonlySet<string>;
  /** Positions of cards being dragged (not yet committed to the design). */
  dragOverlay?: Readonly<Record<string, Position>>;
  /** Selected edge ids (edge selection is canvas-local). */
  selectedEdges?: ReadonlySet<string>;
  /**
   * Route only the edges over this rectangle (a big design's window of cards, see window.ts); the others
   * keep their two ends until the window comes to them. Undefined: route every edge.
   */
  routeWithin?: Box | null;
}

/**
 * Whether an edge is drawn over a rectangle (a big design's window), so routed: wiring only when both its
 * cards meet the rectangle (else the window draws a stub, see window.ts); tree lines and a domain's way in
 * when the box spanned by their ends comes within a card's size of it.
 */
function drawnWithin(end: EdgeEnds, area: Box, boxes: ReadonlyMap<string, Box>): boolean {
  if (end.kind === 'integration' || end.kind === 'authorizer') {
    const source = boxes.get(end.source);
    const target = boxes.get(end.target);
    return source !== undefined && target !== undefined && overlaps(source, area) && overlaps(target, area);
  }
  const slack = cardGeometry.apiWidth + cardGeometry.channel;
  return (
    Math.min(end.from.x, end.to.x) <= area.x + area.width + slack &&
    Math.max(end.from.x, end.to.x) >= area.x - slack &&
    Math.min(end.from.y, end.to.y) <= area.y + area.height + slack &&
    Math.max(end.from.y, end.to.y) >= area.y - slack
  );
}

/** Where a resource's tree line starts, from its card's left side. */
export const treeLineInset = 12;
const dot = 12;
const dotInset = 5;

/** A handle id for the whole-card drop target and the in-handle edges attach to. */
export const bodyHandleId = 'body';
export const inHandleId = 'in';
export const treeHandleId = 'tree';
/** Where a domain card's edge into the API leaves it. */
export const outHandleId = 'out';
/** The drop target over a row: `drop:<row id>`. */
export const rowDropHandle = (rowId: string) => `drop:${rowId}`;

/** Every handle of a card, known before it is drawn (React Flow would otherwise draw each node once to measure it). */
function handlesOf(card: Card): NodeHandle[] {
  const { width, height } = cardSize(card);
  const api = card.kind === 'resource' || card.kind === 'routes';
  if (card.kind === 'domain') {
    const y = cardGeometry.headerHeight / 2;
    return [{ id: outHandleId, type: 'source', position: Side.Right, x: width - dot + dotInset, y: y - dot / 2, width: dot, height: dot }];
  }
  const inY = api ? cardGeometry.headerHeight / 2 : height / 2;
  const handles: NodeHandle[] = [
    { id: inHandleId, type: 'target', position: Side.Left, x: -dotInset, y: inY - dot / 2, width: dot, height: dot },
  ];
  if (card.kind === 'resource')
    handles.push({
      id: treeHandleId,
      type: 'source',
      position: Side.Bottom,
      x: treeLineInset - dot / 2,
      y: height - dot + dotInset,
      width: dot,
      height: dot,
    });
  card.rows.forEach((rowId, index) => {
    const y = rowCentre(index);
    handles.push({ id: rowId, type: 'source', position: Side.Right, x: width - dot + dotInset, y: y - dot / 2, width: dot, height: dot });
    handles.push({
      id: rowDropHandle(rowId),
      type: 'target',
      position: Side.Right,
      x: 1,
      y: y - cardGeometry.rowHeight / 2,
      width: width - 2,
      height: cardGeometry.rowHeight,
    });
  });
  // The whole-card drop target comes last, so that edges, which name their handles, are unaffected.
  handles.push({ id: bodyHandleId, type: 'target', position: Side.Left, x: 1, y: 1, width: width - 2, height: height - 2 });
  return handles;
}

/** Positions of every card: where it is being dragged, else where the design keeps it. */
function positionsOf(cards: readonly Card[], design: Design, overlay?: Readonly<Record<string, Position>>): Map<string, Position> {
  const positions = new Map<string, Position>();
  let fallbackY = 0;
  for (const card of cards) {
    const position = overlay?.[card.id] ?? design.layout[card.id];
    if (position) positions.set(card.id, position);
    else {
      // Only a design that skipped the placement step (none should) lands here: stacked at the far left.
      positions.set(card.id, { x: -cardGeometry.apiWidth - cardGeometry.channel, y: fallbackY });
      fallbackY += cardSize(card).height + cardGeometry.gap;
    }
  }
  return positions;
}

/**
 * The ends of every edge the canvas draws: resource tree lines, row → integration / authorizer wiring,
 * and custom domain → the API (into its first card: the root resource, or the first route group).
 */
export function edgeEnds(design: Design, positions: ReadonlyMap<string, Position>): EdgeEnds[] {
  const { cards, byId } = designCards(design);
  const ends: EdgeEnds[] = [];
  const entry = cards.find(isApiCard);
  for (const card of cards) {
    const at = positions.get(card.id);
    if (!at) continue;
    if (card.kind === 'domain') {
      const entryAt = entry ? positions.get(entry.id) : undefined;
      if (entry && entryAt)
        ends.push({
          id: `domain:${card.id}->${entry.id}`,
          kind: 'domain',
          source: card.id,
          target: entry.id,
          from: { x: at.x + cardSize(card).width, y: at.y + cardGeometry.headerHeight / 2 },
          to: { x: entryAt.x, y: entryAt.y + cardGeometry.headerHeight / 2 },
        });
      continue;
    }
    if (card.kind === 'resource' && card.parentId) {
      const parent = byId.get(card.parentId);
      const parentAt = positions.get(card.parentId);
      if (parent && parentAt)
        ends.push({
          id: `child:${parent.id}->${card.id}`,
          kind: 'child',
          source: parent.id,
          target: card.id,
          from: { x: parentAt.x + treeLineInset, y: parentAt.y + cardSize(parent).height },
          to: { x: at.x, y: at.y + cardGeometry.headerHeight / 2 },
        });
    }
    if (card.kind !== 'resource' && card.kind !== 'routes') continue;
    const right = at.x + cardSize(card).width;
    card.rows.forEach((rowId, index) => {
      const owner = design.methods[rowId as keyof Design['methods']] ?? design.routes[rowId as keyof Design['routes']];
      if (!owner) return;
      const y = at.y + rowCentre(index);
      const wire = (kind: 'integration' | 'authorizer', targetId: string | undefined) => {
        if (!targetId) return;
        const target = byId.get(targetId);
        const targetAt = positions.get(targetId);
        if (!target || !targetAt) return;
        ends.push({
          id: `${kind}:${rowId}->${targetId}`,
          kind,
          source: card.id,
          target: targetId,
          from: { x: right, y },
          to: { x: targetAt.x, y: targetAt.y + cardSize(target).height / 2 },
        });
      };
      wire('integration', owner.integration?.integrationId);
      wire('authorizer', owner.authorizerId);
    });
  }
  return ends;
}

/** The element a connection end names: the method or route of a row's handle, else the card itself. */
export function connectionEnd(nodeId: string, handleId: string | null | undefined): string {
  if (!handleId || handleId === inHandleId || handleId === bodyHandleId || handleId === treeHandleId) return nodeId;
  if (handleId.startsWith('drop:')) return handleId.slice('drop:'.length);
  return handleId;
}

/** The owner (method or route) of a wiring edge id `integration:<row>-><target>`. */
export function ownerOfEdge(id: string): RowId | undefined {
  const match = /^(?:integration|authorizer):(.+)->/.exec(id);
  return match?.[1] as RowId | undefined;
}

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i]?.x !== b[i]?.x || a[i]?.y !== b[i]?.y) return false;
  return true;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

interface CachedNode {
  kind: CardKind;
  rows: readonly RowId[];
  x: number;
  y: number;
  selected: boolean;
  node: ElementNode;
}

/**
 * Derives React Flow nodes (one per card) and edges (with their routes) from a design. Node objects carry
 * only a card's id, place and selection, and are kept while those stay the same: card components select
 * their element from the store, so typing in a field re-renders one card and hands React Flow the same
 * arrays. Routes are computed when cards move or change shape; while cards are dragged, only the edges
 * attached to them are routed again.
 */
export function createFlowDeriver(): (inputs: FlowInputs) => Flow {
  let nodeCache = new Map<string, CachedNode>();
  let edgeCache = new Map<string, ElementEdge>();
  let lastNodes: ElementNode[] = [];
  let lastEdges: ElementEdge[] = [];
  let last: FlowInputs | undefined;
  /**
   * Routes made for one placement of the cards (a design's layout and card shape): kept while the cards
   * stay where they are, so a window moving over a big design routes only the edges it has not seen.
   */
  let routed: { design: Design; routes: Map<string, Point[]> } | undefined;
  /** The edge ends and card boxes of the last derivation (what routing a new window needs). */
  let lastEnds: { ends: EdgeEnds[]; boxes: Map<string, Box> } | undefined;

  return (inputs) => {
    const { design, selection, dragOverlay, selectedEdges, routeWithin } = inputs;
    // An edit that leaves the cards alone (typing in a field) changes no node and no edge.
    if (
      last &&
      last.selection === selection &&
      last.dragOverlay === dragOverlay &&
      last.selectedEdges === selectedEdges &&
      last.routeWithin === routeWithin &&
      last.design.layout === design.layout &&
      sameCardShape(last.design, design)
    ) {
      last = inputs;
      return { nodes: lastNodes, edges: lastEdges };
    }
    // Only the window of a big design moved (panning): the cards are where they were, so only the edges
    // the new window brings in are routed, and only their edge objects change.
    if (
      last &&
      routeWithin &&
      lastEnds &&
      routed &&
      last.selection === selection &&
      last.dragOverlay === dragOverlay &&
      last.selectedEdges === selectedEdges &&
      last.design.layout === design.layout &&
      routed.design.layout === design.layout &&
      sameCardShape(last.design, design) &&
      sameCardShape(routed.design, design)
    ) {
      last = inputs;
      const known = routed.routes;
      const { ends: lastEdgeEnds, boxes: lastBoxes } = lastEnds;
      const missing = new Set(
        lastEdgeEnds.filter((end) => !known.has(end.id) && drawnWithin(end, routeWithin, lastBoxes)).map((end) => end.id),
      );
      if (missing.size === 0) return { nodes: lastNodes, edges: lastEdges };
      const routes = new Map(known);
      for (const [id, points] of routeEdges(lastEnds.boxes, lastEnds.ends, missing)) routes.set(id, points);
      routed = { design, routes };
      lastEdges = lastEdges.map((edge) => {
        const points = missing.has(edge.id) ? routes.get(edge.id) : undefined;
        if (!points || !edge.data) return edge;
        const next = { ...edge, data: { ...edge.data, points } };
        edgeCache.set(edge.id, next);
        return next;
      });
      return { nodes: lastNodes, edges: lastEdges };
    }
    last = inputs;
    const { cards } = designCards(design);
    const positions = positionsOf(cards, design, dragOverlay);

    const nextNodeCache = new Map<string, CachedNode>();
    const nodes: ElementNode[] = [];
    for (const card of cards) {
      const position = positions.get(card.id) as Position;
      const selected = selection.has(card.id);
      const cached = nodeCache.get(card.id);
      if (
        cached &&
        cached.kind === card.kind &&
        sameItems(cached.rows, card.rows) &&
        cached.x === position.x &&
        cached.y === position.y &&
        cached.selected === selected
      ) {
        nextNodeCache.set(card.id, cached);
        nodes.push(cached.node);
        continue;
      }
      const size = cardSize(card);
      const node: ElementNode = {
        id: card.id,
        type: card.kind,
        position: { x: position.x, y: position.y },
        width: size.width,
        height: size.height,
        measured: size,
        handles: handlesOf(card),
        data: { id: card.id },
        selected,
        // The root resource cannot be deleted from the canvas.
        deletable: !(card.kind === 'resource' && card.parentId === undefined),
        // Backends and domains are dragged by the whole card; API cards by their header (rows start their own drags).
        ...(isApiCard(card) ? { dragHandle: '.portico-card-header' } : {}),
      };
      nextNodeCache.set(card.id, { kind: card.kind, rows: card.rows, x: position.x, y: position.y, selected, node });
      nodes.push(node);
    }
    nodeCache = nextNodeCache;

    const ends = edgeEnds(design, positions);
    const boxes = new Map<string, Box>();
    for (const card of cards) boxes.set(card.id, { ...(positions.get(card.id) as Position), ...cardSize(card) });
    lastEnds = { ends, boxes };
    const dragged = dragOverlay ? new Set(Object.keys(dragOverlay)) : undefined;
    const dragging = dragged !== undefined && dragged.size > 0;
    const samePlacement = routed !== undefined && routed.design.layout === design.layout && sameCardShape(routed.design, design);
    let routes: Map<string, Point[]>;
    if (dragging && samePlacement && routed) {
      // While dragging: the edges of the dragged cards follow; the rest keep their routes until the drop.
      const touched = new Set(ends.filter((end) => dragged.has(end.source) || dragged.has(end.target)).map((end) => end.id));
      routes = new Map(routed.routes);
      for (const [id, points] of routeEdges(boxes, ends, touched)) routes.set(id, points);
    } else {
      const known = samePlacement && routed ? routed.routes : new Map<string, Point[]>();
      // Big designs: only the edges over the window, and only those not routed yet for this placement.
      const wanted =
        routeWithin === undefined
          ? undefined
          : new Set(ends.filter((end) => routeWithin !== null && drawnWithin(end, routeWithin, boxes)).map((end) => end.id));
      const missing = new Set(
        ends.filter((end) => !known.has(end.id) && (wanted === undefined || wanted.has(end.id))).map((end) => end.id),
      );
      routes = missing.size > 0 ? new Map(known) : known;
      if (missing.size > 0) for (const [id, points] of routeEdges(boxes, ends, missing)) routes.set(id, points);
      if (!dragging) routed = { design, routes };
    }

    const nextEdgeCache = new Map<string, ElementEdge>();
    const edges: ElementEdge[] = [];
    for (const end of ends) {
      const points = routes.get(end.id) ?? [end.from, end.to];
      const selected = selectedEdges?.has(end.id) ?? false;
      const cached = edgeCache.get(end.id);
      const owner = end.kind === 'child' || end.kind === 'domain' ? undefined : ownerOfEdge(end.id);
      // The wiring of what is selected stands out: a selected method's edges, a selected backend's or domain's edges.
      const active =
        end.kind === 'domain'
          ? selection.has(end.source)
          : end.kind !== 'child' && ((owner !== undefined && selection.has(owner)) || selection.has(end.target));
      const className = `portico-edge-${end.kind}${active ? ' portico-edge-active' : ''}`;
      const edge: ElementEdge =
        cached &&
        cached.selected === selected &&
        cached.className === className &&
        cached.source === end.source &&
        samePoints(cached.data?.points ?? [], points)
          ? cached
          : {
              id: end.id,
              source: end.source,
              sourceHandle: end.kind === 'child' ? treeHandleId : end.kind === 'domain' ? outHandleId : owner,
              target: end.target,
              targetHandle: inHandleId,
              type: 'routed',
              data: { kind: end.kind, ...(owner ? { owner } : {}), points },
              selected,
              // The tree and a domain's way in are structure, not wiring: only integration and authorizer edges can be cut.
              deletable: end.kind !== 'child' && end.kind !== 'domain',
              className,
            };
      nextEdgeCache.set(end.id, edge);
      edges.push(edge);
    }
    edgeCache = nextEdgeCache;
    if (!sameItems(nodes, lastNodes)) lastNodes = nodes;
    if (!sameItems(edges, lastEdges)) lastEdges = edges;
    return { nodes: lastNodes, edges: lastEdges };
  };
}

/** How many cards the canvas draws. */
export function elementCount(design: Design): number {
  return designCards(design).cards.length;
}

/** Whether the design has nothing the user placed: only the root resource of a REST API, or no routes. */
export function isEmptyDesign(design: Design): boolean {
  return (
    Object.keys(design.resources).length <= 1 &&
    Object.keys(design.methods).length === 0 &&
    Object.keys(design.routes).length === 0 &&
    Object.keys(design.authorizers).length === 0 &&
    Object.keys(design.integrations).length === 0
  );
}

/** The box of every card, by id (drag positions included), for hit tests and fitting. */
export function cardBoxMap(design: Design, overlay?: Readonly<Record<string, Position>>): Map<string, Box> {
  const { cards } = designCards(design);
  const positions = positionsOf(cards, design, overlay);
  const boxes = new Map<string, Box>();
  for (const card of cards) boxes.set(card.id, { ...(positions.get(card.id) as Position), ...cardSize(card) });
  return boxes;
}
