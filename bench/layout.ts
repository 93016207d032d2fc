import ELK from 'elkjs/lib/elk.bundled.js';
import { syntheticDesign } from '../src/core/examples';
import { layoutInputOf, layoutWithElk, measureLayout } from '../src/core/layout';
import { autoLayout, designCards } from '../src/core/model';
import { type Stat, stat } from './stats';

/** Auto layout in Node: the same `layoutWithElk` the layout worker runs, against the instant layout. */
export interface LayoutResult {
  operations: number;
  cards: number;
  edges: number;
  /** elkjs layered layout with the app's settings (what Shift+L runs in the worker). */
  elk: Stat;
  /** The instant outline layout (`autoLayout`, what imports use). */
  instant: Stat;
  /** What handing the design to the worker costs the main thread: the part the layout reads, and its structured clone. */
  copy: Stat;
  /** The same for the whole design, which the worker is not sent. */
  copyWhole: Stat;
  crossings: { elk: number; instant: number };
  /** Total edge length (horizontal plus vertical runs), flow units. */
  length: { elk: number; instant: number };
  /** ELK setting the heights itself with NETWORK_SIMPLEX: the trade-off, measured where it finishes in seconds. */
  networkSimplex: { time: Stat; crossings: number; length: number } | null;
}

/** Runs `work` `runs` times after one warm-up and returns the timing statistics. */
async function measureAsync(runs: number, work: () => Promise<unknown>): Promise<Stat> {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return stat(samples);
}

function timeSync(runs: number, work: () => unknown): Stat {
  work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return stat(samples);
}

/** NETWORK_SIMPLEX takes about 3 s at 1,000 operations and 90 s at 5,000: above this it is left out. */
const networkSimplexLimit = 1000;

export async function benchLayout(operations: number, runs: number): Promise<LayoutResult> {
  const design = syntheticDesign({ operations, seed: 42 });
  const elk = new ELK();
  let layout = await layoutWithElk(design, elk);
  const elkTime = await measureAsync(runs, async () => {
    layout = await layoutWithElk(design, elk);
  });
  const instantDesign = autoLayout({ ...design, layout: {} as typeof design.layout });
  const ours = measureLayout(design, layout);
  const instant = measureLayout(instantDesign);
  let networkSimplex: LayoutResult['networkSimplex'] = null;
  if (operations <= networkSimplexLimit) {
    let placed = layout;
    const time = await measureAsync(Math.min(runs, 3), async () => {
      placed = await layoutWithElk(design, elk, { heights: 'elk' });
    });
    const measured = measureLayout(design, placed);
    networkSimplex = { time, crossings: measured.crossings, length: measured.totalLength };
  }
  return {
    operations,
    cards: designCards(design).cards.length,
    edges: ours.edges,
    elk: elkTime,
    instant: timeSync(runs, () => autoLayout({ ...design, layout: {} as typeof design.layout })),
    copy: timeSync(runs, () => structuredClone(layoutInputOf(design))),
    copyWhole: timeSync(runs, () => structuredClone(design)),
    crossings: { elk: ours.crossings, instant: instant.crossings },
    length: { elk: ours.totalLength, instant: instant.totalLength },
    networkSimplex,
  };
}
