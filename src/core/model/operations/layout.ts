import { designCards } from '../cards';
import type { Design, Position } from '../design';
import { refuse } from '../errors';

/**
 * Moves canvas cards (one drag, or a layout, is one call). Keys are card ids (`cards.ts`); a position
 * for anything that is not a card (a card deleted while it was dragged, a method) moves nothing.
 */
export function moveCards(design: Design, positions: Readonly<Record<string, Position | undefined>>): Design {
  const { byId } = designCards(design);
  let layout: Record<string, Position> | undefined;
  for (const [id, position] of Object.entries(positions)) {
    if (!position || !byId.has(id)) continue;
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) refuse('invalid-value', 'A canvas position must be a finite number.');
    const current = design.layout[id as keyof Design['layout']];
    if (current && current.x === position.x && current.y === position.y) continue;
    layout ??= { ...design.layout };
    // `+ 0` turns -0 into 0, which is what the saved JSON holds anyway.
    layout[id] = { x: position.x + 0, y: position.y + 0 };
  }
  return layout ? { ...design, layout: layout as Design['layout'] } : design;
}
