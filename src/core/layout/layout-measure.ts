import { cardGeometry, cardSize, type Design, designCards, isApiCard, rowCentre } from '../model';
import { backendsOfRow } from './elk-graph';

/** How readable a layout's edges are: what the tests and the bench compare between layouts. */
export interface LayoutMeasure {
  /** Row → backend edges drawn. */
  edges: number;
  /**
   * Pairs of edges that cross, counting each edge as the straight line from its row to its backend:
   * with every API card left of the channel and every backend right of it, two edges cross exactly
   * when their ends come in opposite orders on the two sides, however the canvas bends them.
   */
  crossings: number;
  /** Sum of the edges' horizontal and vertical runs (an orthogonal path's length), in flow units. */
  totalLength: number;
}

export interface Segment {
  fromY: number;
  toY: number;
}

/** Counts pairs (a, b) with a.fromY < b.fromY and a.toY > b.toY, in O(n log n) (a 5,000-operation design has ~10,000 edges). */
export function countCrossings(segments: readonly Segment[]): number {
  const targets = [...new Set(segments.map((segment) => segment.toY))].sort((a, b) => a - b);
  const rank = new Map(targets.map((value, index) => [value, index + 1]));
  const tree = new Array<number>(targets.length + 1).fill(0);
  const add = (at: number) => {
    for (let i = at; i < tree.length; i += i & -i) tree[i] = (tree[i] as number) + 1;
  };
  const atMost = (at: number) => {
    let sum = 0;
    for (let i = at; i > 0; i -= i & -i) sum += tree[i] as number;
    return sum;
  };
  const sorted = [...segments].sort((a, b) => a.fromY - b.fromY || a.toY - b.toY);
  let crossings = 0;
  let inserted = 0;
  let start = 0;
  while (start < sorted.length) {
    // Edges leaving the same point do not cross one another: count a whole group before inserting it.
    let end = start;
    while (end < sorted.length && (sorted[end] as Segment).fromY === (sorted[start] as Segment).fromY) end += 1;
    for (let i = start; i < end; i += 1) crossings += inserted - atMost(rank.get((sorted[i] as Segment).toY) as number);
    for (let i = start; i < end; i += 1) add(rank.get((sorted[i] as Segment).toY) as number);
    inserted += end - start;
    start = end;
  }
  return crossings;
}

/** Measures the row → backend edges of a laid-out design (cards without a position are left out). */
export function measureLayout(design: Design, layout: Design['layout'] = design.layout): LayoutMeasure {
  const segments: Segment[] = [];
  let totalLength = 0;
  for (const card of designCards(design).cards) {
    if (!isApiCard(card)) continue;
    const at = layout[card.id];
    if (!at) continue;
    const right = at.x + cardSize(card).width;
    card.rows.forEach((rowId, index) => {
      const fromY = at.y + rowCentre(index);
      for (const backend of backendsOfRow(design, rowId)) {
        const target = layout[backend as keyof Design['layout']];
        if (!target) continue;
        const toY = target.y + cardGeometry.backendHeight / 2;
        segments.push({ fromY, toY });
        totalLength += Math.abs(target.x - right) + Math.abs(toY - fromY);
      }
    });
  }
  return { edges: segments.length, crossings: countCrossings(segments), totalLength: Math.round(totalLength) };
}
