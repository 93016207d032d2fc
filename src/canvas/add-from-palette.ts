import type { PorticoStore } from '../state/store';
import type { PalettePlacement } from './create-from-palette';
import type { PaletteKind } from './palette-entries';

type Maker = typeof import('./create-from-palette');

/**
 * What each palette entry makes is not part of the JS before first paint: it loads when the browser is
 * first idle (see `preloadPalette`), or on the first add if that comes sooner.
 */
let maker: Maker | undefined;
const load = (): Promise<Maker> =>
  import('./create-from-palette').then((module) => {
    maker = module;
    return module;
  });

/** Loads what palette entries make, so that adds after it are immediate. */
export function preloadPalette(): void {
  if (!maker) void load();
}

function add(module: Maker, store: PorticoStore, kind: PaletteKind, placement: Omit<PalettePlacement, 'selection'>): boolean {
  const state = store.getState();
  const creation = module.createFromPalette(state.design, kind, { ...placement, selection: state.selection });
  if (!state.apply(creation.label, creation.operation)) return false;
  store.getState().select([creation.id]);
  return true;
}

/**
 * Adds what a palette entry makes as one undo step and selects it, so the side panel opens on it: at once
 * when the palette's code has loaded, else once it has (the design is read then, not before).
 */
export function addFromPalette(store: PorticoStore, kind: PaletteKind, placement: Omit<PalettePlacement, 'selection'>): Promise<boolean> {
  if (maker) return Promise.resolve(add(maker, store, kind, placement));
  return load().then((module) => add(module, store, kind, placement));
}
