import {
  type Card,
  type CardId,
  cardGeometry,
  cardSize,
  designCards,
  domainColumnX,
  isApiCard,
  isBackendCard,
  rowCentre,
  sameCardShape,
} from './cards';
import type { Design, Position } from './design';

/** A card's place and size on the canvas, in flow units. */
export interface CardBox {
  id: CardId;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Cards closer than this (sideways) count as touching: a card is never laid against another. */
const sideGap = 16;

function boxOf(card: Card, position: Position): CardBox {
  const size = cardSize(card);
  return { id: card.id, x: position.x, y: position.y, width: size.width, height: size.height };
}

function boxesOf(cards: readonly Card[], layout: Design['layout']): CardBox[] {
  const boxes: CardBox[] = [];
  for (const card of cards) {
    const position = layout[card.id];
    if (position) boxes.push(boxOf(card, position));
  }
  return boxes;
}

/** Every positioned card's box, in card order. */
export function cardBoxes(design: Design): CardBox[] {
  return boxesOf(designCards(design).cards, design.layout);
}

/** Whether two boxes overlap or sit closer than the layout's gaps. */
export function crowds(a: Omit<CardBox, 'id'>, b: Omit<CardBox, 'id'>): boolean {
  return (
    a.x < b.x + b.width + sideGap &&
    b.x < a.x + a.width + sideGap &&
    a.y < b.y + b.height + cardGeometry.gap &&
    b.y < a.y + a.height + cardGeometry.gap
  );
}

/** Whether two boxes share any area (the test of "a card covers another"). */
export function overlaps(a: Omit<CardBox, 'id'>, b: Omit<CardBox, 'id'>): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * A bucket grid over boxes, so that "what is near here" costs a few buckets, not a pass over thousands
 * of cards (placement on a 5,000-operation design runs inside a keystroke's budget).
 */
class BoxIndex {
  private readonly cells = new Map<string, CardBox[]>();
  private static readonly cell = 512;
  constructor(boxes: Iterable<CardBox>) {
    for (const box of boxes) this.add(box);
  }
  private keys(box: Omit<CardBox, 'id'>): string[] {
    const size = BoxIndex.cell;
    const keys: string[] = [];
    const x0 = Math.floor((box.x - sideGap) / size);
    const x1 = Math.floor((box.x + box.width + sideGap) / size);
    const y0 = Math.floor((box.y - cardGeometry.gap) / size);
    const y1 = Math.floor((box.y + box.height + cardGeometry.gap) / size);
    for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) keys.push(`${x},${y}`);
    return keys;
  }
  add(box: CardBox): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }
  remove(box: CardBox): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (!list) continue;
      const at = list.indexOf(box);
      if (at !== -1) list.splice(at, 1);
    }
  }
  /** Boxes crowding `box`, except the one with `ignore` id. */
  crowding(box: Omit<CardBox, 'id'>, ignore?: string): CardBox[] {
    const found = new Set<CardBox>();
    for (const key of this.keys(box))
      for (const other of this.cells.get(key) ?? []) if (other.id !== ignore && crowds(box, other)) found.add(other);
    return [...found];
  }
}

/**
 * The free place nearest to `wish` for a card of `size`: the wish itself when nothing is there, else the
 * closest of the spots right, left, below and above whatever is in the way (searched outwards).
 */
function nearestFree(index: BoxIndex, size: { width: number; height: number }, wish: Position, ignore?: string): Position {
  const seen = new Set<string>();
  const queue: Position[] = [wish];
  const distance = (p: Position) => Math.hypot(p.x - wish.x, p.y - wish.y);
  for (let step = 0; step < 2000 && queue.length > 0; step += 1) {
    let best = 0;
    for (let i = 1; i < queue.length; i += 1) if (distance(queue[i] as Position) < distance(queue[best] as Position)) best = i;
    const spot = queue.splice(best, 1)[0] as Position;
    const key = `${spot.x},${spot.y}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const blockers = index.crowding({ x: spot.x, y: spot.y, width: size.width, height: size.height }, ignore);
    if (blockers.length === 0) return spot;
    for (const b of blockers) {
      queue.push(
        { x: b.x + b.width + sideGap, y: spot.y },
        { x: b.x - size.width - sideGap, y: spot.y },
        { x: spot.x, y: b.y + b.height + cardGeometry.gap },
        { x: spot.x, y: b.y - size.height - cardGeometry.gap },
      );
    }
  }
  // Nothing free nearby (a pathological design): below everything.
  return { x: wish.x, y: wish.y + 100_000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Where each row (method, route) sits, by the id of the backend it uses. */
function backendWishes(design: Design, positions: Record<string, Position>): Map<string, number[]> {
  const wishes = new Map<string, number[]>();
  const add = (backendId: string | undefined, y: number) => {
    if (!backendId) return;
    const list = wishes.get(backendId);
    if (list) list.push(y);
    else wishes.set(backendId, [y]);
  };
  for (const card of designCards(design).cards) {
    if (card.kind !== 'resource' && card.kind !== 'routes') continue;
    const at = positions[card.id];
    if (!at) continue;
    card.rows.forEach((rowId, index) => {
      const owner = design.methods[rowId as keyof Design['methods']] ?? design.routes[rowId as keyof Design['routes']];
      if (!owner) return;
      const y = at.y + rowCentre(index) - cardGeometry.backendHeight / 2;
      add(owner.integration?.integrationId, y);
      add(owner.authorizerId, y);
    });
  }
  return wishes;
}

/**
 * The instant layout: the API's cards as an indented outline (resource tree in pre-order, or route
 * groups by path), and every integration and authorizer in one column to their right, each beside the
 * rows that use it. Edges run only in the channel between the two columns, so no edge has to cross a
 * card. Deterministic and synchronous (importers and the CLI use it); the canvas offers the elkjs
 * layered layout on top (src/core/layout).
 */
export function autoLayout(design: Design): Design {
  const positions: Record<string, Position> = {};
  const { cards } = designCards(design);
  let y = 0;
  let apiRight = 0;
  for (const card of cards) {
    if (card.kind !== 'resource' && card.kind !== 'routes') continue;
    const x = card.depth * cardGeometry.indent;
    positions[card.id] = { x, y };
    const size = cardSize(card);
    y += size.height + cardGeometry.gap;
    apiRight = Math.max(apiRight, x + size.width);
  }
  const backendX = apiRight + cardGeometry.channel;
  const wishes = backendWishes(design, positions);
  const backends = cards.filter(isBackendCard).map((card, order) => ({
    card,
    order,
    wish: wishes.has(card.id) ? median(wishes.get(card.id) as number[]) : Number.POSITIVE_INFINITY,
  }));
  backends.sort((a, b) => a.wish - b.wish || a.order - b.order);
  let nextFree = 0;
  for (const { card, wish } of backends) {
    const top = Number.isFinite(wish) ? Math.max(Math.round(wish), nextFree) : nextFree;
    positions[card.id] = { x: backendX, y: top };
    nextFree = top + cardSize(card).height + cardGeometry.gap;
  }
  // Custom domains stand left of the API, where callers come in; their edges run in the channel between.
  let domainY = 0;
  for (const card of cards) {
    if (card.kind !== 'domain') continue;
    positions[card.id] = { x: domainColumnX, y: domainY };
    domainY += cardSize(card).height + cardGeometry.gap;
  }
  // Laying out a tidy canvas again changes nothing, and so records no undo step.
  const same =
    Object.keys(positions).length === Object.keys(design.layout).length &&
    Object.entries(positions).every(([id, p]) => {
      const old = design.layout[id as CardId];
      return old !== undefined && old.x === p.x && old.y === p.y;
    });
  return same ? design : { ...design, layout: positions as Design['layout'] };
}

/** Where a new domain card goes: below the lowest domain card, else left of the API's first card. */
function domainSlot(byId: ReadonlyMap<string, Card>, boxes: CardBox[]): Position {
  let lowest: CardBox | undefined;
  let apiLeft = Number.POSITIVE_INFINITY;
  let apiTop = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    const card = byId.get(box.id);
    if (card?.kind === 'domain') {
      if (!lowest || box.y + box.height > lowest.y + lowest.height) lowest = box;
    } else if (card && isApiCard(card)) {
      apiLeft = Math.min(apiLeft, box.x);
      apiTop = Math.min(apiTop, box.y);
    }
  }
  if (lowest) return { x: lowest.x, y: lowest.y + lowest.height + cardGeometry.gap };
  if (!Number.isFinite(apiLeft)) return { x: domainColumnX, y: 0 };
  return { x: apiLeft - cardGeometry.domainWidth - cardGeometry.domainChannel, y: apiTop };
}

/** The x of the backend column: where most backends already are, else right of the API cards. */
function backendColumnX(byId: ReadonlyMap<string, Card>, boxes: CardBox[]): number {
  const counts = new Map<number, number>();
  let apiRight = 0;
  for (const box of boxes) {
    const card = byId.get(box.id);
    if (!card || card.kind === 'domain') continue;
    if (isBackendCard(card)) counts.set(box.x, (counts.get(box.x) ?? 0) + 1);
    else apiRight = Math.max(apiRight, box.x + box.width);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [x, count] of counts)
    if (count > bestCount) {
      best = x;
      bestCount = count;
    }
  return best ?? apiRight + cardGeometry.channel;
}

/**
 * Where a new API card goes in the outline: below the card before it (in tree or path order), indented
 * by its depth relative to that card; the cards below make room.
 */
export function outlineSlot(design: Design, cardId: CardId): Position | undefined {
  return slotIn(designCards(design).cards, design.layout, cardId);
}

function slotIn(cards: readonly Card[], layout: Design['layout'], cardId: CardId): Position | undefined {
  const at = cards.findIndex((card) => card.id === cardId);
  const card = cards[at];
  if (!card || (card.kind !== 'resource' && card.kind !== 'routes')) return undefined;
  for (let index = at - 1; index >= 0; index -= 1) {
    const before = cards[index] as Card;
    const position = layout[before.id];
    if (!position) continue;
    return {
      x: position.x + (card.depth - before.depth) * cardGeometry.indent,
      y: position.y + cardSize(before).height + cardGeometry.gap,
    };
  }
  // The first card of the outline: above the first placed API card, or at the origin.
  for (let index = at + 1; index < cards.length; index += 1) {
    const after = cards[index] as Card;
    if (after.kind !== 'resource' && after.kind !== 'routes') break;
    const position = layout[after.id];
    if (position) return { x: position.x - (after.depth - card.depth) * cardGeometry.indent, y: position.y };
  }
  return { x: 0, y: 0 };
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);
}

/**
 * Keeps the canvas readable after any change, touching only what the change concerns: a card with no
 * place yet gets one (API cards into the outline, backends beside the rows that use them); a new or
 * dragged card that lands on another moves to the nearest free place; a card inserted into the outline,
 * or grown by a row, pushes the cards it now covers down. Nothing else moves. Positions of things that
 * are no longer cards (deleted elements, methods from older designs) are dropped.
 */
export function settleLayout(next: Design, previous?: Design): Design {
  if (previous && previous.layout === next.layout && sameCardShape(previous, next)) return next;
  const { cards, byId } = designCards(next);
  const before = previous ? designCards(previous).byId : undefined;
  let layout: Record<string, Position> | undefined;
  const write = (id: string, position: Position) => {
    layout ??= { ...next.layout };
    layout[id] = { x: Math.round(position.x), y: Math.round(position.y) };
  };
  for (const key of Object.keys(next.layout))
    if (!byId.has(key)) {
      layout ??= { ...next.layout };
      delete layout[key];
    }
  const current = () => (layout ?? next.layout) as Design['layout'];

  // 1. Cards without a place: API cards into the outline (they push), backends beside their users.
  const pushers = new Set<string>();
  const movers = new Set<string>();
  for (const card of cards) {
    if (current()[card.id]) continue;
    if (isApiCard(card)) {
      write(card.id, slotIn(cards, current(), card.id) ?? { x: 0, y: 0 });
      pushers.add(card.id);
    } else movers.add(card.id);
  }
  if (movers.size > 0) {
    const boxes = boxesOf(cards, current());
    const columnX = backendColumnX(byId, boxes);
    const wishes = backendWishes(next, current() as Record<string, Position>);
    const lowest = boxes.reduce((bottom, box) => (box.x === columnX ? Math.max(bottom, box.y + box.height + cardGeometry.gap) : bottom), 0);
    for (const id of movers) {
      if (byId.get(id)?.kind === 'domain') {
        const slot = domainSlot(byId, boxesOf(cards, current()));
        write(id, slot);
        continue;
      }
      const wish = wishes.get(id);
      write(id, { x: columnX, y: wish ? median(wish) : lowest });
    }
  }
  // 2. What this change added, moved or grew.
  for (const card of cards) {
    const was = before?.get(card.id);
    const position = current()[card.id] as Position;
    if (pushers.has(card.id) || movers.has(card.id)) continue;
    if (!before) continue;
    if (!was) {
      // A new API card placed exactly at its outline slot is an insertion; anything else dropped somewhere moves off others.
      if ((card.kind === 'resource' || card.kind === 'routes') && samePosition(slotIn(cards, current(), card.id), position))
        pushers.add(card.id);
      else movers.add(card.id);
    } else if (!samePosition(previous?.layout[card.id], position)) movers.add(card.id);
    else if (cardSize(card).height > cardSize(was).height) pushers.add(card.id);
  }
  if (pushers.size === 0 && movers.size === 0) return layout ? { ...next, layout: layout as Design['layout'] } : next;

  // 3. Pushers keep their place; whatever they now cover moves down, in reading order, cascading.
  if (pushers.size > 0) {
    const boxes = boxesOf(cards, current());
    const index = new BoxIndex(boxes.filter((box) => pushers.has(box.id)));
    const others = boxes.filter((box) => !pushers.has(box.id)).sort((a, b) => a.y - b.y || a.x - b.x);
    for (const box of others) {
      let moved = false;
      for (let guard = 0; guard < 10_000; guard += 1) {
        const blockers = index.crowding(box, box.id);
        if (blockers.length === 0) break;
        box.y = Math.max(...blockers.map((b) => b.y + b.height + cardGeometry.gap));
        moved = true;
      }
      if (moved) write(box.id, box);
      index.add(box);
    }
  }
  // 4. Movers go to the nearest free place from where they were put.
  if (movers.size > 0) {
    const boxes = boxesOf(cards, current());
    const index = new BoxIndex(boxes);
    const byBox = new Map(boxes.map((box) => [box.id as string, box]));
    for (const id of movers) {
      const box = byBox.get(id);
      if (!box) continue;
      index.remove(box);
      const spot = nearestFree(index, box, box, id);
      if (spot.x !== box.x || spot.y !== box.y) {
        box.x = spot.x;
        box.y = spot.y;
        write(id, spot);
      }
      index.add(box);
    }
  }
  return layout ? { ...next, layout: layout as Design['layout'] } : next;
}
