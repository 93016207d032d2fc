import { useSyncExternalStore } from 'react';
import type { MethodId } from '../../core/model';

/** Which template the workbench opens on: a request template, or a template of one integration response. */
export type WorkbenchFocus = { phase: 'request'; contentType?: string } | { phase: 'response'; index: number; contentType?: string };

export interface WorkbenchState {
  /** The method whose integration is open in the workbench, or null when it is closed. */
  methodId: MethodId | null;
  focus?: WorkbenchFocus;
}

/**
 * Whether the integration workbench is open, and on what. Only the view: the templates and samples it edits
 * are in the design. Kept outside the store because undo and the design's history must not see it.
 */
let state: WorkbenchState = { methodId: null };
const listeners = new Set<() => void>();

function set(next: WorkbenchState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function openWorkbench(methodId: MethodId, focus?: WorkbenchFocus): void {
  set(focus ? { methodId, focus } : { methodId });
}

/** The method the workbench is open on, read outside React. */
export function workbenchMethod(): MethodId | null {
  return state.methodId;
}

export function closeWorkbench(): void {
  set({ methodId: null });
}

export function useWorkbench(): WorkbenchState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
