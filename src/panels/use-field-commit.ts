import { useCallback, useState } from 'react';
import { applyOperation, type Design } from '../core/model';
import { usePorticoStore } from '../state/context';

export type Operation = (design: Design) => Design;

/**
 * Commits a field's edits. The operation is tried on the current design first: a refused value stays
 * in the field with the operation's message under it and never reaches the design or the undo history;
 * an accepted one is applied with a coalescing key, so typing updates the canvas live but a burst of
 * keystrokes is one undo step.
 */
export function useFieldCommit(label: string, coalesceKey: string) {
  const store = usePorticoStore();
  const [error, setError] = useState<string | undefined>(undefined);
  const commit = useCallback(
    (operation: Operation): boolean => {
      const state = store.getState();
      const result = applyOperation(state.design, operation);
      if (!result.ok) {
        setError(result.error.message);
        return false;
      }
      setError(undefined);
      if (result.design === state.design) return true;
      return state.apply(label, operation, { coalesceKey });
    },
    [store, label, coalesceKey],
  );
  return { error, setError, commit };
}

/** One-off actions (add, delete, move) that are not typed: refusals show as a notice via `apply`. */
export function useApply() {
  const store = usePorticoStore();
  return useCallback((label: string, operation: Operation) => store.getState().apply(label, operation), [store]);
}
