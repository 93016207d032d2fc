import { cardBoxes, type Design, designCards } from '../../core/model';
import type { DesignMeta, DesignOrigin, DesignPreview } from './types';

/** Thumbnail size, in its own units; the list scales it. */
const previewWidth = 160;
const previewHeight = 100;
/** Enough boxes to show a design's shape; a big design is sampled evenly. */
const maxBoxes = 240;

const kindCode = { resource: 0, routes: 0, integration: 1, authorizer: 2, domain: 1 } as const;

const round = (value: number) => Math.round(value * 10) / 10;

/** The design's card boxes, scaled to the thumbnail: numbers only. */
export function previewOf(design: Design): DesignPreview {
  const boxes = cardBoxes(design);
  const { byId } = designCards(design);
  if (boxes.length === 0) return { width: previewWidth, height: previewHeight, boxes: [] };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  const pad = 4;
  const scale = Math.min((previewWidth - 2 * pad) / Math.max(1, maxX - minX), (previewHeight - 2 * pad) / Math.max(1, maxY - minY));
  const offsetX = (previewWidth - (maxX - minX) * scale) / 2;
  const offsetY = (previewHeight - (maxY - minY) * scale) / 2;
  const stride = Math.max(1, Math.ceil(boxes.length / maxBoxes));
  const numbers: number[] = [];
  for (let index = 0; index < boxes.length; index += stride) {
    const box = boxes[index];
    if (!box) continue;
    const kind = byId.get(box.id)?.kind ?? 'resource';
    numbers.push(
      round(offsetX + (box.x - minX) * scale),
      round(offsetY + (box.y - minY) * scale),
      Math.max(0.5, round(box.width * scale)),
      Math.max(0.5, round(box.height * scale)),
      kindCode[kind],
    );
  }
  return { width: previewWidth, height: previewHeight, boxes: numbers };
}

/** The parts of an entry that come from the design itself. */
export function describeDesign(design: Design): Pick<DesignMeta, 'name' | 'apiType' | 'preview' | 'operations' | 'elements'> {
  const count = (record: object) => Object.keys(record).length;
  const methods = count(design.methods);
  const routes = count(design.routes);
  return {
    name: design.api.name,
    apiType: design.api.type,
    preview: previewOf(design),
    operations: design.api.type === 'REST' ? methods : routes,
    elements: count(design.resources) + methods + routes + count(design.integrations) + count(design.authorizers),
  };
}

/** A new entry for a design (revision 1, its first write). */
export function newMeta(id: string, design: Design, origin: DesignOrigin, now: number): DesignMeta {
  return { id, ...describeDesign(design), createdAt: now, updatedAt: now, origin, rev: 1 };
}
