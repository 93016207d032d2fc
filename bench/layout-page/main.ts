import { layoutInWorker } from '../../src/canvas/layout/elk-client';
import type { Design } from '../../src/core/model';

/**
 * The layout worker on its own, in the browser: the app's `layoutInWorker` on the design Portico imports
 * from the bench document, with frames recorded on the main thread meanwhile. Used by `npm run bench`
 * only; the canvas's Shift+L is measured on the app itself.
 */
export interface WorkerRun {
  /** From the call to the positions back on the main thread. */
  ms: number;
  /** What the worker reported spending in ELK and the placement. */
  workerMs: number | null;
  cards: number;
  error: string | null;
  /** requestAnimationFrame intervals while the worker ran. */
  frames: number[];
}

const size = new URLSearchParams(location.search).get('n') ?? '100';
const state = window as unknown as { __layoutRun?: () => Promise<WorkerRun>; __layoutReady?: boolean };

void fetch(`/bench-data/design-${size}.json`)
  .then((response) => response.json() as Promise<Design>)
  .then((design) => {
    state.__layoutRun = async () => {
      const frames: number[] = [];
      let recording = true;
      let last = performance.now();
      const tick = (now: number) => {
        if (!recording) return;
        frames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(tick);
      });
      const start = performance.now();
      const outcome = await layoutInWorker(design);
      const ms = performance.now() - start;
      recording = false;
      return {
        ms,
        workerMs: outcome.ok ? outcome.ms : null,
        cards: outcome.ok ? Object.keys(outcome.layout).length : 0,
        error: outcome.ok ? null : outcome.message,
        frames,
      };
    };
    state.__layoutReady = true;
  });
