import { moveCards } from '../core/model';
import type { PorticoStore } from '../state/store';
import { useCanvasUi } from './canvas-ui';
import { layoutInWorker } from './layout/elk-client';

let running: AbortController | undefined;

/**
 * Auto layout: elkjs lays the design out in a worker (the page stays responsive and shows progress);
 * its positions are applied as one undo step to the cards that still exist, and the view glides to show
 * the result. Edits made meanwhile are kept: cards added since are placed around the new layout.
 * Running it again while it runs restarts it.
 */
export async function runAutoLayout(store: PorticoStore): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const ui = useCanvasUi.getState();
  ui.setLayout('running');
  const notice = store.getState().notify({ tone: 'info', message: 'Laying out the design…', sticky: true });
  const outcome = await layoutInWorker(store.getState().design, { signal: controller.signal });
  store.getState().dismiss(notice);
  if (running !== controller) return;
  running = undefined;
  if (!outcome.ok) {
    ui.setLayout('idle');
    if (outcome.reason !== 'cancelled')
      store.getState().notify({ tone: 'error', message: `Auto layout did not finish: ${outcome.message} Nothing was moved.` });
    return;
  }
  if (store.getState().apply('Auto layout', (design) => moveCards(design, outcome.layout))) store.getState().requestFit();
  // Marked after the positions are applied, for the frame that draws them (the bench and tests wait for it).
  requestAnimationFrame(() => useCanvasUi.getState().setLayout('done'));
}
