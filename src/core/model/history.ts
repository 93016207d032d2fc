import type { Design } from './design';

/** One step of undo history: the design before a change, and the name of that change ("Add method"). */
export interface HistoryEntry {
  design: Design;
  label: string;
}

/**
 * Undo/redo over immutable designs. Unchanged parts are shared between steps, so 200 steps of a large
 * design cost little. Kept in core (not a zustand middleware) so that steps carry labels and typing can
 * coalesce into one step; the store only holds it.
 */
export interface History {
  past: HistoryEntry[];
  present: Design;
  future: HistoryEntry[];
  /** Coalescing key and time of the last commit: keystrokes in one field within a short pause are one step. */
  lastKey?: string;
  lastAt?: number;
}

export const historyLimit = 200;
const coalesceWindowMs = 1000;

export function createHistory(present: Design): History {
  return { past: [], present, future: [] };
}

export interface CommitOptions {
  /** Commits with the same key in quick succession merge into one undo step. */
  coalesceKey?: string;
  now?: number;
}

/** Records a change. An unchanged design (same object) records nothing. */
export function commit(history: History, design: Design, label: string, options: CommitOptions = {}): History {
  if (design === history.present) return history;
  const now = options.now ?? Date.now();
  const coalesce =
    options.coalesceKey !== undefined &&
    options.coalesceKey === history.lastKey &&
    history.lastAt !== undefined &&
    now - history.lastAt < coalesceWindowMs &&
    history.past.length > 0;
  if (coalesce) return { ...history, present: design, future: [], lastAt: now };
  const past = [...history.past, { design: history.present, label }];
  if (past.length > historyLimit) past.splice(0, past.length - historyLimit);
  return { past, present: design, future: [], lastKey: options.coalesceKey, lastAt: now };
}

export function undo(history: History): History {
  const entry = history.past.at(-1);
  if (!entry) return history;
  return {
    past: history.past.slice(0, -1),
    present: entry.design,
    future: [...history.future, { design: history.present, label: entry.label }],
  };
}

export function redo(history: History): History {
  const entry = history.future.at(-1);
  if (!entry) return history;
  return {
    past: [...history.past, { design: history.present, label: entry.label }],
    present: entry.design,
    future: history.future.slice(0, -1),
  };
}

/** Replaces the design and keeps the old one one undo step away (opening a share link, an example). */
export function replaceKeepingUndo(history: History, design: Design, label: string): History {
  return commit({ ...history, lastKey: undefined }, design, label);
}
