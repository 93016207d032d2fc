import type { Design, Position } from '../design';
import { refuse } from '../errors';
import type { NodeId } from '../ids';

function isNode(design: Design, id: string): boolean {
  return [design.resources, design.methods, design.routes, design.authorizers, design.integrations].some((record) =>
    Object.hasOwn(record, id),
  );
}

/** Moves canvas nodes (one drag, or an automatic layout, is one call). */
export function moveNodes(design: Design, positions: Partial<Record<NodeId, Position>>): Design {
  let layout: Design['layout'] | undefined;
  for (const [id, position] of Object.entries(positions) as [NodeId, Position | undefined][]) {
    // Positions belong to nodes on the canvas only; a drag that ends after its node was deleted moves nothing.
    if (!position || !isNode(design, id)) continue;
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) refuse('invalid-value', 'A canvas position must be a finite number.');
    const current = design.layout[id];
    if (current && current.x === position.x && current.y === position.y) continue;
    layout ??= { ...design.layout };
    // `+ 0` turns -0 into 0, which is what the saved JSON holds anyway.
    layout[id] = { x: position.x + 0, y: position.y + 0 };
  }
  return layout ? { ...design, layout } : design;
}
