import { type CardBox, cardBoxes, overlaps, settleLayout } from '../../core/model/card-layout';
import { designCards, isApiCard, sameCardShape } from '../../core/model/cards';
import type { Design } from '../../core/model/design';

/** Pairs of boxes that share area, found by sweeping along x (a big design has thousands of cards). */
function overlappingPairs(boxes: readonly CardBox[]): [CardBox, CardBox][] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const pairs: [CardBox, CardBox][] = [];
  let active: CardBox[] = [];
  for (const box of sorted) {
    active = active.filter((other) => other.x + other.width > box.x);
    for (const other of active) if (overlaps(other, box)) pairs.push([other, box]);
    active.push(box);
  }
  return pairs;
}

/**
 * The design a live session merged, with no card covering another. Each person's own edits are settled
 * as they make them (`applyOperation`), but two people can drop cards on the same spot at once, and the
 * merge then has them on top of each other. Settling the merge against each person's previous design
 * would move a different card on each screen (each sees the other's card arrive), so the cards to move
 * are chosen from the merged design alone, the same on every screen: in each overlapping pair a backend
 * gives way to an API card (which sits in the outline), otherwise the later id gives way. `settleLayout`
 * then puts those at the nearest free place, against `previous` in every other respect. Writing that
 * back into the shared doc writes the same positions from everyone.
 */
export function settleRemoteLayout(merged: Design, previous: Design): Design {
  if (merged === previous || (merged.layout === previous.layout && sameCardShape(previous, merged))) return merged;
  const pairs = overlappingPairs(cardBoxes(merged));
  if (pairs.length === 0) return merged;
  const { byId } = designCards(merged);
  const movers = new Set<string>();
  for (const [a, b] of pairs) {
    const aApi = isApiCard(byId.get(a.id) ?? { kind: 'integration' });
    const bApi = isApiCard(byId.get(b.id) ?? { kind: 'integration' });
    movers.add(aApi !== bApi ? (aApi ? b.id : a.id) : ([a.id, b.id].sort()[1] as string));
  }
  // Without their old places the movers count as moved (so they go to a free place); nothing else moves.
  const before: Record<string, unknown> = { ...merged.layout };
  for (const id of movers) delete before[id];
  return settleLayout(merged, { ...merged, layout: before as Design['layout'] });
}
