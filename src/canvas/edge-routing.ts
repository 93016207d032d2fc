/**
 * Orthogonal edge routes that go around cards, never through them. Most edges take the obvious path (out
 * of a method row to the right, along a track in the channel between the API cards and the backends,
 * into the backend from the left; or down a resource's tree line and right into its child); an edge
 * whose obvious path would cross a card is routed on a sparse orthogonal grid around the cards in its
 * way (A* with a penalty per bend, as orthogonal connector routers do). Pure: boxes in, points out.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type RoutedKind = 'child' | 'integration' | 'authorizer' | 'domain';

export interface EdgeEnds {
  id: string;
  kind: RoutedKind;
  source: string;
  target: string;
  /** Where the edge leaves its source card: a row's right edge, or the bottom of a resource's tree line. */
  from: Point;
  /** Where it enters its target card, from the left. */
  to: Point;
}

/** Straight run out of (and into) a card before the first bend. */
export const stub = 14;
/** Clearance kept around cards by routed edges. */
const margin = 8;
const bendPenalty = 24;

/** Whether the segment a-b (horizontal or vertical) passes through the inside of a box. */
export function segmentCrossesBox(a: Point, b: Point, box: Box, inset = 0.5): boolean {
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  if (a.y === b.y) {
    if (a.y <= top || a.y >= bottom) return false;
    return Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right;
  }
  if (a.x === b.x) {
    if (a.x <= left || a.x >= right) return false;
    return Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom;
  }
  // A diagonal never comes out of the router; treat its box as crossed when the bounding boxes meet.
  return Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right && Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom;
}

/** A bucket grid over the cards, so that a segment is checked against the few cards near it. */
export class ObstacleIndex {
  private readonly cells = new Map<string, { id: string; box: Box }[]>();
  private static readonly size = 400;
  constructor(boxes: Iterable<[string, Box]>) {
    for (const [id, box] of boxes) for (const key of this.keysOf(box)) this.bucket(key).push({ id, box });
  }
  private bucket(key: string) {
    let list = this.cells.get(key);
    if (!list) {
      list = [];
      this.cells.set(key, list);
    }
    return list;
  }
  private keysOf(box: Box): string[] {
    const s = ObstacleIndex.size;
    const keys: string[] = [];
    for (let x = Math.floor(box.x / s); x <= Math.floor((box.x + box.width) / s); x += 1)
      for (let y = Math.floor(box.y / s); y <= Math.floor((box.y + box.height) / s); y += 1) keys.push(`${x},${y}`);
    return keys;
  }
  /** Cards whose box meets the rectangle, but those in `ignore`. */
  near(area: Box, ignore: ReadonlySet<string>): { id: string; box: Box }[] {
    const found = new Map<string, { id: string; box: Box }>();
    for (const key of this.keysOf(area))
      for (const entry of this.cells.get(key) ?? [])
        if (
          !ignore.has(entry.id) &&
          entry.box.x < area.x + area.width &&
          area.x < entry.box.x + entry.box.width &&
          entry.box.y < area.y + area.height &&
          area.y < entry.box.y + entry.box.height
        )
          found.set(entry.id, entry);
    return [...found.values()];
  }
  /** The first card a polyline crosses, but those in `ignore`. */
  crossed(points: readonly Point[], ignore: ReadonlySet<string>): string | undefined {
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1] as Point;
      const b = points[i] as Point;
      const area = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) + 1, height: Math.abs(a.y - b.y) + 1 };
      for (const { id, box } of this.near(area, ignore)) if (segmentCrossesBox(a, b, box)) return id;
    }
    return undefined;
  }
}

/** A binary min-heap of (state, cost): Dijkstra's queue. */
class MinHeap {
  private readonly states: number[] = [];
  private readonly costs: number[] = [];
  get size(): number {
    return this.states.length;
  }
  push(state: number, cost: number): void {
    let at = this.states.length;
    this.states.push(state);
    this.costs.push(cost);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if ((this.costs[parent] as number) <= cost) break;
      this.states[at] = this.states[parent] as number;
      this.costs[at] = this.costs[parent] as number;
      at = parent;
    }
    this.states[at] = state;
    this.costs[at] = cost;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.states[0] as number, this.costs[0] as number];
    const lastState = this.states.pop() as number;
    const lastCost = this.costs.pop() as number;
    const length = this.states.length;
    if (length > 0) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        let smallestCost = lastCost;
        if (left < length && (this.costs[left] as number) < smallestCost) {
          smallest = left;
          smallestCost = this.costs[left] as number;
        }
        if (right < length && (this.costs[right] as number) < smallestCost) smallest = right;
        if (smallest === at) break;
        this.states[at] = this.states[smallest] as number;
        this.costs[at] = this.costs[smallest] as number;
        at = smallest;
      }
      this.states[at] = lastState;
      this.costs[at] = lastCost;
    }
    return top;
  }
}

/** Drops repeated points and merges collinear runs. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const point of points) {
    const last = out.at(-1);
    if (last && last.x === point.x && last.y === point.y) continue;
    const before = out.at(-2);
    if (last && before && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y)))
      out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}

/**
 * Shortest orthogonal path with few bends from `start` to `end` around the obstacles: a grid whose lines
 * run along the obstacles' sides (plus clearance) and through the two ends; Dijkstra over (node,
 * direction) so that a bend costs extra. Undefined when no path exists in the area.
 */
function gridRoute(start: Point, end: Point, obstacles: Box[]): Point[] | undefined {
  const inflated = obstacles.map((box) => ({
    x: box.x - margin,
    y: box.y - margin,
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  }));
  const xsSet = new Set<number>([start.x, end.x]);
  const ysSet = new Set<number>([start.y, end.y]);
  for (const box of inflated) {
    xsSet.add(box.x);
    xsSet.add(box.x + box.width);
    ysSet.add(box.y);
    ysSet.add(box.y + box.height);
  }
  const xs = [...xsSet].sort((a, b) => a - b);
  const ys = [...ysSet].sort((a, b) => a - b);
  const inside = (x: number, y: number) =>
    inflated.some((box) => x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height);
  const width = xs.length;
  const height = ys.length;
  // Grid lines run along every obstacle side, so a step between neighbouring grid points is either wholly
  // inside an obstacle or wholly outside: its midpoint tells. Computed once per node, not per visit.
  const nodeInside = new Uint8Array(width * height);
  const rightBlocked = new Uint8Array(width * height);
  const downBlocked = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const at = y * width + x;
      const px = xs[x] as number;
      const py = ys[y] as number;
      nodeInside[at] = inside(px, py) ? 1 : 0;
      if (x + 1 < width) rightBlocked[at] = inside((px + (xs[x + 1] as number)) / 2, py) ? 1 : 0;
      if (y + 1 < height) downBlocked[at] = inside(px, (py + (ys[y + 1] as number)) / 2) ? 1 : 0;
    }
  const sx = xs.indexOf(start.x);
  const sy = ys.indexOf(start.y);
  const ex = xs.indexOf(end.x);
  const ey = ys.indexOf(end.y);
  const count = width * height;
  // 4 directions per node: 0 right, 1 left, 2 down, 3 up.
  const best = new Float64Array(count * 4).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(count * 4).fill(-1);
  const open = new MinHeap();
  const push = (state: number, cost: number) => {
    best[state] = cost;
    open.push(state, cost);
  };
  for (let direction = 0; direction < 4; direction += 1) push((sy * width + sx) * 4 + direction, 0);
  const steps: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ];
  let reached = -1;
  for (let guard = 0; guard < 400_000 && open.size > 0; guard += 1) {
    const [state, popped] = open.pop();
    // A stale entry: the state was reached more cheaply since it was queued.
    if (popped > (best[state] as number)) continue;
    const node = Math.floor(state / 4);
    const direction = state % 4;
    const x = node % width;
    const y = Math.floor(node / width);
    if (x === ex && y === ey) {
      reached = state;
      break;
    }
    const cost = best[state] as number;
    for (let turn = 0; turn < 4; turn += 1) {
      const [dx, dy] = steps[turn] as [number, number];
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const to = ny * width + nx;
      if (nodeInside[to] === 1 && !(nx === ex && ny === ey)) continue;
      const step = dx === 1 ? rightBlocked[node] : dx === -1 ? rightBlocked[to] : dy === 1 ? downBlocked[node] : downBlocked[to];
      if (step === 1) continue;
      const next = to * 4 + turn;
      const length = Math.abs((xs[nx] as number) - (xs[x] as number)) + Math.abs((ys[ny] as number) - (ys[y] as number));
      const nextCost = cost + length + (turn === direction ? 0 : bendPenalty);
      if (nextCost < (best[next] as number)) {
        from[next] = state;
        push(next, nextCost);
      }
    }
  }
  if (reached === -1) return undefined;
  const points: Point[] = [];
  for (let state = reached; state !== -1; state = from[state] as number) {
    const node = Math.floor(state / 4);
    points.push({ x: xs[node % width] as number, y: ys[Math.floor(node / width)] as number });
  }
  return points.reverse();
}

/** Routes one edge around the cards of `index`, given the first choice of path. */
function avoid(index: ObstacleIndex, edge: EdgeEnds, preferred: Point[]): Point[] {
  const ends = new Set([edge.source, edge.target]);
  if (index.crossed(preferred, ends) === undefined) return preferred;
  const exit = edge.kind === 'child' ? { x: edge.from.x, y: edge.from.y + stub } : { x: edge.from.x + stub, y: edge.from.y };
  const entry = { x: edge.to.x - stub, y: edge.to.y };
  for (const grow of [160, 480]) {
    const area = {
      x: Math.min(exit.x, entry.x) - grow,
      y: Math.min(exit.y, entry.y) - grow,
      width: Math.abs(exit.x - entry.x) + 2 * grow,
      height: Math.abs(exit.y - entry.y) + 2 * grow,
    };
    const obstacles = index.near(area, new Set()).map((entryBox) => entryBox.box);
    // Beyond a couple of hundred cards in the way a grid route costs more than it is worth while dragging:
    // keep the preferred path (it is redrawn when the drag ends).
    if (obstacles.length > 220) break;
    const middle = gridRoute(exit, entry, obstacles);
    if (middle) return simplify([edge.from, ...middle, edge.to]);
  }
  return preferred;
}

/** Rank of each target among the targets of the edges, top to bottom: it orders the tracks in the channel. */
function trackFractions(edges: readonly EdgeEnds[]): Map<string, number> {
  const targets = new Map<string, number>();
  for (const edge of edges) if (edge.kind !== 'child' && !targets.has(edge.target)) targets.set(edge.target, edge.to.y);
  const ordered = [...targets.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const fractions = new Map<string, number>();
  // The top target gets the rightmost track: its edges come from above and leave the others' tracks alone.
  ordered.forEach(([id], rank) => {
    fractions.set(id, (ordered.length - rank) / (ordered.length + 1));
  });
  return fractions;
}

/**
 * The left side of the channel the wiring runs in: the right edge of the rightmost source that has its
 * target to its right (the API cards' column). Tracks are spread between it and each target, so edges to
 * one target share one track whatever the indentation of the row they leave.
 */
function channelLeft(edges: readonly EdgeEnds[]): number | undefined {
  let left: number | undefined;
  for (const edge of edges)
    if (edge.kind !== 'child' && edge.to.x - edge.from.x > 2 * stub) left = Math.max(left ?? Number.NEGATIVE_INFINITY, edge.from.x);
  return left;
}

/** The path an edge takes when nothing is in its way. */
function preferredPath(edge: EdgeEnds, fraction: number, sharedLeft: number | undefined): Point[] {
  const { from, to } = edge;
  if (edge.kind === 'child') {
    if (to.x > from.x && to.y > from.y) return [from, { x: from.x, y: to.y }, to];
    return [from, { x: from.x, y: from.y + stub }, { x: to.x - stub, y: from.y + stub }, { x: to.x - stub, y: to.y }, to];
  }
  const right = to.x - stub;
  const left = sharedLeft !== undefined && sharedLeft + stub < right ? Math.max(sharedLeft, from.x) + stub : from.x + stub;
  if (right > left) {
    const x = Math.round(left + (right - left) * fraction);
    return simplify([from, { x, y: from.y }, { x, y: to.y }, to]);
  }
  // The target is left of the source: out to the right, over, back down to the target's left side.
  const start = from.x + stub;
  const middle = from.y <= to.y ? Math.min(from.y, to.y) - 2 * stub : Math.max(from.y, to.y) + 2 * stub;
  return [from, { x: start, y: from.y }, { x: start, y: middle }, { x: right, y: middle }, { x: right, y: to.y }, to];
}

/**
 * Routes edges around the cards in `boxes` (card id → box). `only`, when given, limits the work to those
 * edges (the ones attached to cards being dragged); the others are left out of the result.
 */
export function routeEdges(boxes: ReadonlyMap<string, Box>, edges: readonly EdgeEnds[], only?: ReadonlySet<string>): Map<string, Point[]> {
  const index = new ObstacleIndex(boxes);
  const fractions = trackFractions(edges);
  const sharedLeft = channelLeft(edges);
  const routes = new Map<string, Point[]>();
  for (const edge of edges) {
    if (only && !only.has(edge.id)) continue;
    const preferred = preferredPath(edge, fractions.get(edge.target) ?? 0.5, sharedLeft);
    routes.set(edge.id, avoid(index, edge, preferred));
  }
  return routes;
}

/** An SVG path through the points with rounded corners. */
export function roundedPath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return '';
  const first = points[0] as Point;
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length; i += 1) {
    const point = points[i] as Point;
    const next = points[i + 1];
    if (!next) {
      d += ` L ${point.x} ${point.y}`;
      break;
    }
    const previous = points[i - 1] as Point;
    const inLength = Math.abs(point.x - previous.x) + Math.abs(point.y - previous.y);
    const outLength = Math.abs(next.x - point.x) + Math.abs(next.y - point.y);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    const before = { x: point.x - Math.sign(point.x - previous.x) * r, y: point.y - Math.sign(point.y - previous.y) * r };
    const after = { x: point.x + Math.sign(next.x - point.x) * r, y: point.y + Math.sign(next.y - point.y) * r };
    d += ` L ${before.x} ${before.y} Q ${point.x} ${point.y} ${after.x} ${after.y}`;
  }
  return d;
}
