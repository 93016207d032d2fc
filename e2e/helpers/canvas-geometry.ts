import type { Page } from '@playwright/test';

/**
 * What a person sees on the canvas, measured in the page: the on-screen size of every card's text, the
 * cards' boxes, and where edges run. Independent of how the app computes them (fonts from computed
 * styles, zoom from the viewport's transform, edges sampled along the drawn SVG paths).
 */

export interface TextSize {
  text: string;
  /** Computed font size × zoom, in CSS pixels on screen. */
  px: number;
}

/** Every visible piece of text on the cards drawn, with its size on screen. */
export function cardTextSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
    const sizes: { text: string; px: number }[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const value = text.textContent?.trim() ?? '';
        const element = text.parentElement;
        if (!value || !element) continue;
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        // Text a person cannot see (screen-reader only, hidden) is not a label on screen.
        if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
        sizes.push({ text: value, px: Number.parseFloat(style.fontSize) * zoom });
      }
    }
    return sizes;
  });
}

export interface ScreenBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The screen box of every card drawn. */
export function drawnCards(page: Page): Promise<ScreenBox[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
      const rect = node.getBoundingClientRect();
      return { id: node.dataset.id ?? '', x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
}

/** Pairs of drawn cards whose boxes overlap on screen. */
export async function overlappingCards(page: Page): Promise<string[]> {
  const boxes = await drawnCards(page);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i] as ScreenBox;
      const b = boxes[j] as ScreenBox;
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5)
        pairs.push(`${a.id} / ${b.id}`);
    }
  return pairs;
}

/**
 * Edges drawn through a card they do not connect: each edge's SVG path is sampled every 2 screen pixels,
 * and a sample strictly inside (2 px in) another card's box is a crossing. Returns "edge crosses card".
 */
export function edgeCrossings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => ({
      id: node.dataset.id ?? '',
      rect: node.getBoundingClientRect(),
    }));
    const crossings = new Set<string>();
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge-path[data-source]')) {
      const ends = new Set([path.dataset.source, path.dataset.target]);
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      const scale = Math.hypot(matrix.a, matrix.b) || 1;
      const step = Math.max(0.5, 2 / scale);
      for (let at = 0; at <= length; at += step) {
        const local = path.getPointAtLength(at);
        const point = new DOMPoint(local.x, local.y).matrixTransform(matrix);
        for (const card of cards) {
          if (ends.has(card.id)) continue;
          const r = card.rect;
          if (point.x > r.left + 2 && point.x < r.right - 2 && point.y > r.top + 2 && point.y < r.bottom - 2)
            crossings.add(`${path.closest('.react-flow__edge')?.getAttribute('data-id') ?? path.id} crosses ${card.id}`);
        }
      }
    }
    return [...crossings];
  });
}

/** The canvas's zoom. */
export function canvasZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    return viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
  });
}
