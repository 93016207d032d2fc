import { cardBoxes, overlaps } from '../card-layout';
import type { Design } from '../design';

/** Pairs of cards that cover each other (`"a / b"`), for tests: a readable canvas has none. */
export function coveredCards(design: Design): string[] {
  const boxes = cardBoxes(design);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b && overlaps(a, b)) pairs.push(`${a.id} / ${b.id}`);
    }
  return pairs;
}
