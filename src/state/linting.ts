import type { Linter } from '../core/rules';
import type { PorticoStore } from './store';

/** Waits for the browser to be idle (after the frame the change is painted in), but not longer than this. */
const idleTimeoutMs = 250;

/**
 * Keeps `findings` in step with the design. The rules engine loads after first paint (findings arrive a
 * moment after the canvas), the linter is incremental (unchanged elements keep their findings), and it
 * runs when the browser is idle after a change, so that a keystroke, or an imported design, is painted
 * first.
 */
export function startLinting(store: PorticoStore): () => void {
  let linter: Linter | undefined;
  let stopped = false;
  let scheduled: (() => void) | undefined;
  const run = () => {
    scheduled = undefined;
    if (linter) store.getState().setFindings(linter.run(store.getState().design));
  };
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: idleTimeoutMs });
      scheduled = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 0);
      scheduled = () => clearTimeout(handle);
    }
  };
  void import('../core/rules').then(({ createLinter }) => {
    if (stopped) return;
    linter = createLinter();
    run();
  });
  const unsubscribe = store.subscribe((state, previous) => {
    if (!linter || state.design === previous.design || scheduled !== undefined) return;
    schedule();
  });
  return () => {
    stopped = true;
    unsubscribe();
    scheduled?.();
  };
}
