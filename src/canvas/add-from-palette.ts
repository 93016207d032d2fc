import type { PorticoStore } from '../state/store';
import { createFromPalette, type PalettePlacement } from './create-from-palette';
import type { PaletteKind } from './palette-entries';

/** Adds what a palette entry makes as one undo step and selects it, so the side panel opens on it. */
export function addFromPalette(store: PorticoStore, kind: PaletteKind, placement: Omit<PalettePlacement, 'selection'>): boolean {
  const state = store.getState();
  const creation = createFromPalette(state.design, kind, { ...placement, selection: state.selection });
  if (!state.apply(creation.label, creation.operation)) return false;
  store.getState().select([creation.id]);
  return true;
}
