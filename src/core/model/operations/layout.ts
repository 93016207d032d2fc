import type { Design, Position } from '../design';
import { refuse } from '../errors';
import type { NodeId } from '../ids';

/** Moves canvas nodes (one drag, or an automatic layout, is one call). */
export function moveNodes(design: Design, positions: Partial<Record<NodeId, Position>>): Design {
  let layout: Design['layout'] | undefined;
  for (const [id, position] of Object.entries(positions) as [NodeId, Position | undefined][]) {
    if (!position) continue;
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) refuse('invalid-value', 'A canvas position must be a finite number.');
    const current = design.layout[id];
    if (current && current.x === position.x && current.y === position.y) continue;
    layout ??= { ...design.layout };
    layout[id] = { x: position.x, y: position.y };
  }
  return layout ? { ...design, layout } : design;
}
