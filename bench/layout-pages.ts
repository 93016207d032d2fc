import type { Browser, Page } from '@playwright/test';
import { newPage } from './browser';
import { firstLine, frameWhen, importDocument } from './pages';
import { type FrameSummary, frameSummary, round, type Stat, stat } from './stats';

/** The layout worker on its own page (bench/layout-page): the app's `layoutInWorker` on the imported design. */
export interface LayoutWorkerResult {
  size: number;
  /** The first layout of a page: starts the worker and loads elkjs, then lays out. */
  cold: number | null;
  /** Later layouts in the same worker: the design handed over, laid out, positions back. */
  warm: Stat | null;
  /** What the worker itself reported spending, over the warm runs. */
  inWorker: Stat | null;
  /** Main-thread frames while the worker laid out (every run). */
  frames: FrameSummary | null;
  error?: string;
}

/** Shift+L on Portico's canvas after importing the bench document. */
export interface AutoLayoutResult {
  size: number;
  /** From the key to the laid-out canvas drawn (`data-layout="done"` held for two frames). */
  render: Stat | null;
  /** Main-thread frames from the key to the drawn result. */
  frames: FrameSummary | null;
  /** Why there is no figure: the canvas does not mark its layout yet, or the layout failed. */
  notMeasured?: string;
}

interface WorkerRun {
  ms: number;
  workerMs: number | null;
  cards: number;
  error: string | null;
  frames: number[];
}

/** How long Shift+L may go without the canvas marking a layout before the figure is given up as not wired. */
const markWait = 5_000;

export async function benchLayoutWorker(browser: Browser, origin: string, sizes: number[], runs: number): Promise<LayoutWorkerResult[]> {
  const results: LayoutWorkerResult[] = [];
  for (const size of sizes) {
    const result: LayoutWorkerResult = { size, cold: null, warm: null, inWorker: null, frames: null };
    const page = await newPage(browser);
    try {
      await page.goto(`${origin}/layout-page/?n=${size}`);
      await page.waitForFunction(() => (window as unknown as { __layoutReady?: boolean }).__layoutReady === true, null, {
        timeout: 60_000,
      });
      const done: WorkerRun[] = [];
      for (let run = 0; run <= Math.max(1, runs); run += 1) {
        const outcome = await page.evaluate(() => (window as unknown as { __layoutRun: () => Promise<WorkerRun> }).__layoutRun());
        if (outcome.error) throw new Error(outcome.error);
        if (outcome.cards === 0) throw new Error('the worker gave no positions');
        done.push(outcome);
      }
      const [cold, ...warm] = done;
      result.cold = round(cold?.ms ?? 0);
      result.warm = stat(warm.map((run) => run.ms));
      result.inWorker = stat(warm.map((run) => run.workerMs ?? 0));
      result.frames = frameSummary(done.flatMap((run) => run.frames));
    } catch (error) {
      result.error = firstLine(error);
    } finally {
      await page.context().close();
    }
    results.push(result);
    console.log(
      `  layout worker ${size}: ${result.error ? `failed (${result.error})` : `cold ${result.cold} ms, warm ${result.warm?.median} ms`}`,
    );
  }
  return results;
}

/**
 * Watches the canvas's `data-layout` from now on: the times it first reads "running" and then "done",
 * the moment of the next key press, and the frame intervals until `stopWatching`.
 */
async function watchLayout(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as {
      __layoutSeen: { running?: number; done?: number };
      __layoutKeyAt?: number;
      __layoutFrames: number[];
      __layoutRecording: boolean;
    };
    state.__layoutSeen = {};
    state.__layoutFrames = [];
    state.__layoutRecording = true;
    state.__layoutKeyAt = undefined;
    const look = () => {
      const mark = document.querySelector('[data-testid="canvas"]')?.getAttribute('data-layout');
      if (mark === 'running' && state.__layoutSeen.running === undefined) state.__layoutSeen.running = performance.now();
      if (mark === 'done' && state.__layoutSeen.running !== undefined && state.__layoutSeen.done === undefined)
        state.__layoutSeen.done = performance.now();
    };
    // Attribute changes as they happen (a short "running" is not missed between frames), on any canvas element.
    new MutationObserver(look).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-layout'] });
    window.addEventListener('keydown', () => (state.__layoutKeyAt = performance.now()), { capture: true, once: true });
    let last = performance.now();
    const tick = (now: number) => {
      if (!state.__layoutRecording) return;
      if (state.__layoutKeyAt !== undefined) state.__layoutFrames.push(now - last);
      last = now;
      look();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopWatching(page: Page): Promise<{ keyAt: number | undefined; frames: number[] }> {
  return page.evaluate(() => {
    const state = window as unknown as { __layoutKeyAt?: number; __layoutFrames: number[]; __layoutRecording: boolean };
    state.__layoutRecording = false;
    return { keyAt: state.__layoutKeyAt, frames: state.__layoutFrames };
  });
}

/**
 * Portico: import the bench document, press Shift+L, and time the key to the laid-out canvas. Tolerant:
 * a canvas that does not mark its layout with `data-layout` gives "not measured" and a reason, not a
 * failure (the canvas and the bench are built side by side).
 */
export async function benchAutoLayout(
  browser: Browser,
  origin: string,
  sizes: number[],
  runs: number,
  documents: Record<number, string>,
): Promise<AutoLayoutResult[]> {
  const results: AutoLayoutResult[] = [];
  for (const size of sizes) {
    const result: AutoLayoutResult = { size, render: null, frames: null };
    const times: number[] = [];
    const frames: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const page = await newPage(browser);
        try {
          await page.goto(origin);
          await frameWhen(page, 'canvasDrawn', { nodes: 1 });
          await importDocument(page, documents[size] as string, size);
          await page.keyboard.press('Escape');
          await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
          await watchLayout(page);
          await page.keyboard.press('Shift+L');
          const marked = await page
            .waitForFunction(() => (window as unknown as { __layoutSeen: { running?: number } }).__layoutSeen.running !== undefined, null, {
              timeout: markWait,
            })
            .then(
              () => true,
              () => false,
            );
          if (!marked) {
            result.notMeasured = `the canvas did not mark Auto layout with data-layout="running" within ${markWait / 1000} s of Shift+L`;
            break;
          }
          const drawnAt = await frameWhen(page, 'layoutDone', null, 120_000);
          const { keyAt, frames: during } = await stopWatching(page);
          if (keyAt === undefined) throw new Error('Shift+L did not reach the page');
          times.push(round(drawnAt - keyAt));
          frames.push(...during);
        } finally {
          await page.context().close();
        }
      }
      if (times.length > 0) {
        result.render = stat(times);
        result.frames = frameSummary(frames);
      }
    } catch (error) {
      result.notMeasured = `failed: ${firstLine(error)}`;
    }
    results.push(result);
    console.log(`  portico Shift+L ${size}: ${result.render ? `${result.render.median} ms` : `not measured: ${result.notMeasured}`}`);
  }
  return results;
}
