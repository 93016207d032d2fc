import { create } from 'zustand';
import type { Design } from '../../core/model';

/** One side of a comparison: the design as it is now, a saved version, or an OpenAPI document read for the comparison alone. */
export type CompareSide =
  | { kind: 'current' }
  | { kind: 'version'; versionId: string }
  | { kind: 'openapi'; fileName: string; design: Design };

export interface CompareRequest {
  /** What the API's clients were built against (the older side). */
  base: CompareSide;
  /** What they would get now. */
  revision: CompareSide;
}

interface VersionsPanel {
  open: boolean;
  /** Counts requests to put the focus in the note field (Mod+Shift+S). */
  saveRequest: number;
  compare: CompareRequest | null;
  show: () => void;
  close: () => void;
  askToSave: () => void;
  compareWith: (request: CompareRequest | null) => void;
}

/**
 * The Versions panel's interface state (not saved, not part of the design): whether it is open and what
 * it compares. Commands, the stages panel ("show the changes since the export") and the panel share it.
 */
export const useVersionsPanel = create<VersionsPanel>((set, get) => ({
  open: false,
  saveRequest: 0,
  compare: null,
  show: () => set({ open: true }),
  close: () => set({ open: false, compare: null }),
  askToSave: () => set({ open: true, saveRequest: get().saveRequest + 1 }),
  compareWith: (compare) => set({ open: true, compare }),
}));
