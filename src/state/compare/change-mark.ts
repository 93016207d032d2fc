import type { ChangeLevel, ElementChangeKind } from '../../core/diff';

/**
 * How one element on the canvas differs from the comparison's base. Apart from `changeMarks`, which
 * computes them: the canvas reads marks from the first paint on, the comparison loads when first used.
 */
export interface ChangeMark {
  /** The element itself was added or changed (removed elements are not on the revision's canvas). */
  change?: ElementChangeKind;
  /** The most severe client finding on this element (an operation). */
  level?: ChangeLevel;
  /** Operations and resources removed at or under this card, which the canvas cannot draw: named on the card. */
  removed?: { label: string; baseId: string; level?: ChangeLevel }[];
}

/** Marks by the id of a card or row of the revision. */
export type ChangeMarks = Readonly<Record<string, ChangeMark>>;

const rank: Record<ChangeLevel, number> = { breaking: 0, warning: 1, info: 2 };

/** The more severe of two levels. */
export function worse(a: ChangeLevel | undefined, b: ChangeLevel): ChangeLevel {
  return a === undefined || rank[b] < rank[a] ? b : a;
}

/** The most severe level among a card's own mark and what was removed under it. */
export function markLevel(mark: ChangeMark | undefined): ChangeLevel | undefined {
  if (!mark) return undefined;
  let level = mark.level;
  for (const removed of mark.removed ?? []) if (removed.level) level = worse(level, removed.level);
  return level;
}
