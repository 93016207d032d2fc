import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import {
  type Card,
  type CardId,
  cardGeometry,
  cardSize,
  type Design,
  designCards,
  domainColumnX,
  isBackendCard,
  type Position,
  rowCentre,
} from '../model';
import { backendsOfRow, elkGraphOf, outlineNodeId, outlinePositions } from './elk-graph';
import { countCrossings, type Segment } from './layout-measure';
import { placeColumn } from './place-column';

/** What the layout needs of elkjs (its `ELK` class, from `elkjs/lib/elk.bundled.js` or `elk-api.js`): the core does not load it. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface ElkLayoutSettings {
  /** ELK options over `elkLayoutOptions` (the bench tries other settings with it). */
  options?: LayoutOptions;
  /**
   * Who sets the backends' heights. 'shortest' (the default): the order-keeping placement with the
   * shortest edges (`placeColumn`), which is what ELK's NETWORK_SIMPLEX node placer finds too on these
   * graphs, at a fraction of its time (NETWORK_SIMPLEX takes ~90 s at 5,000 operations). 'elk': ELK's
   * own placement, with NETWORK_SIMPLEX, and ELK's order taken as it is.
   */
  heights?: 'shortest' | 'elk';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Crossings of the row → backend edges if the backends are stacked in `order` (only the order matters). */
function crossingsOf(order: readonly Card[], wishes: ReadonlyMap<string, number[]>): number {
  const segments: Segment[] = [];
  order.forEach((card, rank) => {
    for (const fromY of wishes.get(card.id) ?? []) segments.push({ fromY, toY: rank });
  });
  return countCrossings(segments);
}

/**
 * The layered layout of a design, from scratch. ELK orders the backends (crossing minimisation, with
 * its greedy-switch pass); the instant layout's order (each backend by the median of the rows that use
 * it) is kept instead when it crosses fewer edges, so Auto layout is never worse than the instant one on
 * crossings. The API cards stay an indented outline in outline order; every backend goes into one column
 * a channel's width to their right, at the heights that make the edges shortest for that order; no card
 * overlaps another, and the top card sits at y = 0. Deterministic: the same design, the same layout.
 */
export async function layoutWithElk(design: Design, elk: ElkLayouter, settings: ElkLayoutSettings = {}): Promise<Design['layout']> {
  const heights = settings.heights ?? 'shortest';
  const graph = elkGraphOf(design);
  graph.layoutOptions = {
    ...graph.layoutOptions,
    ...(heights === 'elk' ? { 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX' } : {}),
    ...settings.options,
  };
  const laidOut = await elk.layout(graph);
  const elkY = new Map<string, number>();
  for (const child of laidOut.children ?? []) elkY.set(child.id, child.y ?? 0);

  const { cards } = designCards(design);
  const outline = outlinePositions(design);
  // With ELK's heights, the outline moves with ELK's placement of it; otherwise it starts at 0.
  const outlineTop = heights === 'elk' ? (elkY.get(outlineNodeId) ?? 0) : 0;
  const positions = new Map<string, Position>();
  for (const [id, at] of outline.positions) positions.set(id, { x: at.x, y: at.y + outlineTop });
  const backendX = outline.width + cardGeometry.channel;

  // Where each backend's edges start: the middles of the rows that use it.
  const wishes = new Map<string, number[]>();
  for (const card of cards) {
    const at = positions.get(card.id);
    if (!at) continue;
    card.rows.forEach((rowId, index) => {
      for (const backend of backendsOfRow(design, rowId)) {
        const y = at.y + rowCentre(index);
        const list = wishes.get(backend);
        if (list) list.push(y);
        else wishes.set(backend, [y]);
      }
    });
  }
  const backends = cards.map((card, order) => ({ card, order })).filter(({ card }) => isBackendCard(card));
  const elkOrder = [...backends].sort((a, b) => (elkY.get(a.card.id) ?? 0) - (elkY.get(b.card.id) ?? 0) || a.order - b.order);

  if (heights === 'elk') {
    let nextFree = Number.NEGATIVE_INFINITY;
    for (const { card } of elkOrder) {
      const y = Math.max(elkY.get(card.id) ?? 0, nextFree);
      positions.set(card.id, { x: backendX, y });
      nextFree = y + cardSize(card).height + cardGeometry.gap;
    }
  } else {
    const used = (order: typeof backends) => order.map(({ card }) => card).filter((card) => wishes.has(card.id));
    const medianOrder = [...backends]
      .filter(({ card }) => wishes.has(card.id))
      .map((entry) => ({ ...entry, wish: median(wishes.get(entry.card.id) as number[]) }))
      .sort((a, b) => a.wish - b.wish || a.order - b.order);
    const fromElk = used(elkOrder);
    const fromMedian = used(medianOrder);
    const column = crossingsOf(fromMedian, wishes) < crossingsOf(fromElk, wishes) ? fromMedian : fromElk;
    const tops = placeColumn(
      column.map((card) => ({ height: cardSize(card).height, wishes: wishes.get(card.id) as number[] })),
      cardGeometry.gap,
    );
    let below = 0;
    column.forEach((card, index) => {
      const y = tops[index] as number;
      positions.set(card.id, { x: backendX, y });
      below = y + cardSize(card).height + cardGeometry.gap;
    });
    // Backends no row uses go below the others, in card order, as the instant layout puts them.
    for (const { card } of backends) {
      if (wishes.has(card.id)) continue;
      positions.set(card.id, { x: backendX, y: below });
      below += cardSize(card).height + cardGeometry.gap;
    }
  }

  // Custom domains: a column left of the API, from the outline's top, where their edges into the API run.
  let domainY = outlineTop;
  for (const card of cards) {
    if (card.kind !== 'domain') continue;
    positions.set(card.id, { x: domainColumnX, y: domainY });
    domainY += cardSize(card).height + cardGeometry.gap;
  }

  let top = Number.POSITIVE_INFINITY;
  for (const at of positions.values()) top = Math.min(top, at.y);
  const layout: Record<string, Position> = {};
  for (const [id, at] of positions) layout[id] = { x: Math.round(at.x), y: Math.round(at.y - top) };
  return layout as Record<CardId, Position>;
}
