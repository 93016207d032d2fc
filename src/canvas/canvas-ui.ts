import { create } from 'zustand';

/**
 * Canvas-local interface state that is not part of the design and not saved: which element is being
 * renamed in place, and the open context menu. (Settings that outlive the page are in canvas-settings.ts.)
 */
export interface ContextMenuRequest {
  /** Where the menu opens, in client (screen) pixels. */
  clientX: number;
  clientY: number;
  /** The element right-clicked (a card or a row), or none for the empty canvas. */
  elementId?: string;
  /** The flow point right-clicked: where "Add…" from the menu places the new element. */
  flowX: number;
  flowY: number;
}

interface CanvasUi {
  renaming: string | null;
  menu: ContextMenuRequest | null;
  /** Auto layout in the worker: 'running' while it lays out, 'done' once its positions are applied. */
  layout: 'idle' | 'running' | 'done';
  setLayout: (layout: CanvasUi['layout']) => void;
  startRename: (id: string | null) => void;
  openMenu: (menu: ContextMenuRequest | null) => void;
}

export const useCanvasUi = create<CanvasUi>((set) => ({
  renaming: null,
  menu: null,
  layout: 'idle',
  setLayout: (layout) => set({ layout }),
  startRename: (renaming) => set({ renaming, menu: null }),
  openMenu: (menu) => set({ menu }),
}));
