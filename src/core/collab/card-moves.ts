import type * as Y from 'yjs';
import { layoutName } from './doc-layout';

const isPosition = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 2 &&
  Number.isFinite((value as { x: unknown }).x) &&
  Number.isFinite((value as { y: unknown }).y);

/**
 * Whether a transaction's changes only move cards (or drop a card's position): positions are read
 * through `parseDesign`, which places a card without one and drops the position of anything that is not a
 * card, so no such change can make the design unreadable. Dragging a card is the other frequent edit of a
 * session, after typing.
 */
export function onlyCardMoves(doc: Y.Doc, changed: Map<Y.AbstractType<unknown>, Set<string | null>>): boolean {
  const layout = doc.getMap(layoutName) as Y.AbstractType<unknown>;
  for (const [type, keys] of changed) {
    if (type !== layout) return false;
    for (const key of keys) {
      if (key === null) return false;
      const value = (type as Y.Map<unknown>).get(key);
      if (value !== undefined && !isPosition(value)) return false;
    }
  }
  return changed.size > 0;
}
