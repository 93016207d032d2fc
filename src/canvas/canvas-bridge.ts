import type { Position } from '../core/model';
import type { PorticoStore } from '../state/store';

/**
 * The palette sits outside the canvas's React Flow provider; the canvas registers here how to find the
 * centre of its viewport, keyed by store so two editors (or tests) never share it.
 */
const viewportCentres = new WeakMap<PorticoStore, () => Position>();

export function registerViewportCentre(store: PorticoStore, centre: () => Position): () => void {
  viewportCentres.set(store, centre);
  return () => {
    if (viewportCentres.get(store) === centre) viewportCentres.delete(store);
  };
}

export function viewportCentre(store: PorticoStore): Position {
  return viewportCentres.get(store)?.() ?? { x: 0, y: 0 };
}
