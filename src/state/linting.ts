import { createLinter } from '../core/rules';
import type { PorticoStore } from './store';

/**
 * Keeps `findings` in step with the design. The linter is incremental (unchanged elements keep their
 * findings), and runs just after the change so a keystroke paints first.
 */
export function startLinting(store: PorticoStore): () => void {
  const linter = createLinter();
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    scheduled = undefined;
    store.getState().setFindings(linter.run(store.getState().design));
  };
  run();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design || scheduled !== undefined) return;
    scheduled = setTimeout(run, 0);
  });
  return () => {
    unsubscribe();
    if (scheduled !== undefined) clearTimeout(scheduled);
  };
}
