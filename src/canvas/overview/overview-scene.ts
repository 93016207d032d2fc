import { type CardKind, type Design, designCards, sameCardShape } from '../../core/model';
import { cardBoxMap, edgeEnds } from '../design-to-flow';

/** Whether two versions of a design draw the same overview: same cards, rows, wiring and positions. */
export function sameOverview(previous: Design, next: Design): boolean {
  return previous === next || (previous.layout === next.layout && sameCardShape(previous, next));
}

/**
 * What the overview draws, packed into typed arrays: one rectangle per card and one line per edge.
 * Built straight from the design (the same positions and edges as the cards, see design-to-flow.ts),
 * so that a far-out view of a big design never builds thousands of React Flow nodes.
 */
export interface OverviewScene {
  count: number;
  ids: string[];
  /** Top-left corner and size of each card, in flow coordinates. */
  x: Float64Array;
  y: Float64Array;
  width: Float64Array;
  height: Float64Array;
  /** Index into `overviewColours` of each card. */
  colour: Uint8Array;
  /** Per edge: from and to, flow coordinates. */
  edges: Float64Array;
  /** Per edge: 0 structure (the resource tree), 1 wiring (integration or authorizer). */
  edgeKind: Uint8Array;
  edgeCount: number;
  /** Bounds of all cards. */
  bounds: { x: number; y: number; width: number; height: number };
}

/** The cards' accent colours (Tailwind 500s): API cards indigo, routes sky, authorizers amber, integrations emerald, domains sky 600. */
export const overviewColours = ['#6366f1', '#0ea5e9', '#f59e0b', '#059669', '#0284c7'];
const kindColour: Record<CardKind, number> = { resource: 0, routes: 1, authorizer: 2, integration: 3, domain: 4 };

export function buildOverviewScene(design: Design): OverviewScene {
  const { cards } = designCards(design);
  const boxes = cardBoxMap(design);
  const count = cards.length;
  const scene: OverviewScene = {
    count,
    ids: new Array<string>(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
    width: new Float64Array(count),
    height: new Float64Array(count),
    colour: new Uint8Array(count),
    edges: new Float64Array(0),
    edgeKind: new Uint8Array(0),
    edgeCount: 0,
    bounds: { x: 0, y: 0, width: 0, height: 0 },
  };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  cards.forEach((card, at) => {
    const box = boxes.get(card.id);
    if (!box) return;
    scene.ids[at] = card.id;
    scene.x[at] = box.x;
    scene.y[at] = box.y;
    scene.width[at] = box.width;
    scene.height[at] = box.height;
    scene.colour[at] = kindColour[card.kind];
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  });
  if (count > 0) scene.bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  const positions = new Map([...boxes].map(([id, box]) => [id, { x: box.x, y: box.y }]));
  const ends = edgeEnds(design, positions);
  const lines = new Float64Array(ends.length * 4);
  const kinds = new Uint8Array(ends.length);
  ends.forEach((end, at) => {
    lines[at * 4] = end.from.x;
    lines[at * 4 + 1] = end.from.y;
    lines[at * 4 + 2] = end.to.x;
    lines[at * 4 + 3] = end.to.y;
    kinds[at] = end.kind === 'child' ? 0 : 1;
  });
  scene.edges = lines;
  scene.edgeKind = kinds;
  scene.edgeCount = ends.length;
  return scene;
}

/** The element under a flow point, or undefined; the topmost (last drawn) wins. */
export function elementAt(scene: OverviewScene, point: { x: number; y: number }, slack = 0): string | undefined {
  // The topmost element under the point; failing that, the one nearest to it within the slack (far out,
  // neighbours are a pixel apart, and the slack of a few pixels must not take a click away from the one hit).
  let nearest: string | undefined;
  let nearestDistance = slack;
  for (let at = scene.count - 1; at >= 0; at -= 1) {
    const x = scene.x[at] as number;
    const y = scene.y[at] as number;
    const dx = Math.max(x - point.x, 0, point.x - (x + (scene.width[at] as number)));
    const dy = Math.max(y - point.y, 0, point.y - (y + (scene.height[at] as number)));
    if (dx === 0 && dy === 0) return scene.ids[at];
    const distance = Math.max(dx, dy);
    if (distance <= nearestDistance) {
      nearest = scene.ids[at];
      nearestDistance = distance;
    }
  }
  return nearest;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Reusable pixel buffers of the overview (one per canvas), so a frame allocates nothing. */
export interface OverviewPixels {
  image?: ImageData;
  words?: Uint32Array;
  layer?: HTMLCanvasElement;
}

const colourWords = new Map<string, number>();
/** A CSS hex colour as one little-endian RGBA word (opaque). */
function colourWord(hex: string): number {
  let word = colourWords.get(hex);
  if (word === undefined) {
    const value = Number.parseInt(hex.slice(1), 16);
    word = (0xff << 24) | ((value & 0xff) << 16) | (value & 0xff00) | ((value >> 16) & 0xff);
    word >>>= 0;
    colourWords.set(hex, word);
  }
  return word;
}

/**
 * Draws the scene for a viewport onto a 2D context of `size` CSS pixels (`ratio` device pixels each):
 * edges as thin lines, then elements as filled rectangles of at least a pixel, so nothing vanishes far
 * out. Elements are written straight into a pixel buffer (thousands of tiny rectangles through the
 * canvas API cost tens of milliseconds), then composited over the edges; the selection is outlined.
 * Only what is in view is drawn. Returns the number of elements drawn.
 */
export function drawOverview(
  context: CanvasRenderingContext2D,
  pixels: OverviewPixels,
  scene: OverviewScene,
  viewport: Viewport,
  size: { width: number; height: number; ratio: number },
  selection: ReadonlySet<string>,
  dark: boolean,
): number {
  const { x: tx, y: ty, zoom } = viewport;
  const { ratio } = size;
  const deviceWidth = Math.max(1, Math.round(size.width * ratio));
  const deviceHeight = Math.max(1, Math.round(size.height * ratio));
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, deviceWidth, deviceHeight);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  // The visible part of the flow.
  const left = -tx / zoom;
  const top = -ty / zoom;
  const right = left + size.width / zoom;
  const bottom = top + size.height / zoom;

  const structure = new Path2D();
  const wiring = new Path2D();
  for (let edge = 0; edge < scene.edgeCount; edge += 1) {
    const offset = edge * 4;
    const x1 = scene.edges[offset] as number;
    const y1 = scene.edges[offset + 1] as number;
    const x2 = scene.edges[offset + 2] as number;
    const y2 = scene.edges[offset + 3] as number;
    if (Math.max(x1, x2) < left || Math.min(x1, x2) > right || Math.max(y1, y2) < top || Math.min(y1, y2) > bottom) continue;
    const sx = x1 * zoom + tx;
    const sy = y1 * zoom + ty;
    const ex = x2 * zoom + tx;
    const ey = y2 * zoom + ty;
    if (scene.edgeKind[edge] === 1) {
      wiring.moveTo(sx, sy);
      wiring.lineTo(ex, ey);
    } else {
      // Tree lines as elbows, the way the cards draw them: down from the parent, right into the child.
      structure.moveTo(sx, sy);
      structure.lineTo(sx, ey);
      structure.lineTo(ex, ey);
    }
  }
  context.lineWidth = 1;
  context.strokeStyle = dark ? 'rgba(52, 211, 153, 0.16)' : 'rgba(5, 150, 105, 0.14)';
  context.stroke(wiring);
  context.strokeStyle = dark ? 'rgba(148, 163, 184, 0.5)' : 'rgba(100, 116, 139, 0.5)';
  context.stroke(structure);

  if (!pixels.image || pixels.image.width !== deviceWidth || pixels.image.height !== deviceHeight) {
    pixels.image = new ImageData(deviceWidth, deviceHeight);
    pixels.words = new Uint32Array(pixels.image.data.buffer);
    pixels.layer = document.createElement('canvas');
    pixels.layer.width = deviceWidth;
    pixels.layer.height = deviceHeight;
  }
  const words = pixels.words as Uint32Array;
  words.fill(0);
  const colours = overviewColours.map(colourWord);
  const scale = zoom * ratio;
  const selected = new Path2D();
  let drawn = 0;
  for (let at = 0; at < scene.count; at += 1) {
    const x = scene.x[at] as number;
    const y = scene.y[at] as number;
    const width = scene.width[at] as number;
    const height = scene.height[at] as number;
    if (x > right || y > bottom || x + width < left || y + height < top) continue;
    const x0 = Math.max(0, Math.floor(x * scale + tx * ratio));
    const y0 = Math.max(0, Math.floor(y * scale + ty * ratio));
    const x1 = Math.min(deviceWidth, Math.max(x0 + 1, Math.round((x + width) * scale + tx * ratio)));
    const y1 = Math.min(deviceHeight, Math.max(y0 + 1, Math.round((y + height) * scale + ty * ratio)));
    const word = colours[scene.colour[at] as number] as number;
    for (let row = y0; row < y1; row += 1) words.fill(word, row * deviceWidth + x0, row * deviceWidth + x1);
    if (selection.size > 0 && selection.has(scene.ids[at] as string))
      selected.rect(x * zoom + tx - 2, y * zoom + ty - 2, width * zoom + 4, height * zoom + 4);
    drawn += 1;
  }
  const layer = pixels.layer as HTMLCanvasElement;
  layer.getContext('2d')?.putImageData(pixels.image, 0, 0);
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.drawImage(layer, 0, 0);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (selection.size > 0) {
    context.lineWidth = 2;
    context.strokeStyle = dark ? '#a78bfa' : '#7c3aed';
    context.stroke(selected);
  }
  return drawn;
}
