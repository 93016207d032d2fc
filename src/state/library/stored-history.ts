import {
  type Design,
  type DesignPatch,
  diffDesigns,
  type History,
  historyLimit,
  patchDesign,
  patchWeight,
  schemaVersion,
} from '../../core/model';
import type { StoredHistory, StoredStep } from './types';

/**
 * Undo histories are stored as the changes between consecutive designs (see `diffDesigns`), so 200
 * steps of a big design cost about what the edits themselves changed, not 200 copies of it.
 */

/** Above this many stored values (about a few MB), the oldest steps are not stored (they stay in memory). */
export const storedHistoryBudget = 150_000;

// Patches between design pairs already compared: a save re-encodes the whole history, but each pair of
// neighbours is compared once (designs are immutable, so a pair's patch never changes).
const patches = new WeakMap<Design, WeakMap<Design, DesignPatch>>();

function patchBetween(from: Design, to: Design): DesignPatch {
  let byTarget = patches.get(from);
  if (!byTarget) {
    byTarget = new WeakMap();
    patches.set(from, byTarget);
  }
  let patch = byTarget.get(to);
  if (!patch) {
    patch = diffDesigns(from, to);
    byTarget.set(to, patch);
  }
  return patch;
}

/** Seeds the cache with a patch read back from storage, so the next save does not compare the pair again. */
function remember(from: Design, to: Design, patch: DesignPatch): void {
  let byTarget = patches.get(from);
  if (!byTarget) {
    byTarget = new WeakMap();
    patches.set(from, byTarget);
  }
  byTarget.set(to, patch);
}

/** The history as stored for document revision `rev`. */
export function encodeHistory(history: History, id: string, rev: number): StoredHistory {
  let budget = storedHistoryBudget;
  const past: StoredStep[] = [];
  let newer = history.present;
  for (let index = history.past.length - 1; index >= 0 && past.length < historyLimit; index -= 1) {
    const entry = history.past[index] as History['past'][number];
    const patch = patchBetween(newer, entry.design);
    budget -= patchWeight(patch);
    if (budget < 0) break;
    past.push({ label: entry.label, patch });
    newer = entry.design;
  }
  past.reverse();
  const future: StoredStep[] = [];
  let nearer = history.present;
  for (let index = history.future.length - 1; index >= 0; index -= 1) {
    const entry = history.future[index] as History['future'][number];
    const patch = patchBetween(nearer, entry.design);
    budget -= patchWeight(patch);
    if (budget < 0) break;
    future.push({ label: entry.label, patch });
    nearer = entry.design;
  }
  future.reverse();
  return { format: 'portico.history', id, schemaVersion, rev, past, future };
}

export type DecodedHistory =
  | {
      ok: true;
      history: History;
      /** Rebuilt designs not yet read through `parseDesign`: checked when undo or redo reaches them. */
      unverified: Design[];
      /** Why some steps were dropped, when the stored history was partly damaged. */
      dropped?: string;
    }
  | { ok: false; message: string };

const isStep = (value: unknown): value is StoredStep =>
  typeof value === 'object' && value !== null && typeof (value as StoredStep).label === 'string' && 'patch' in value;

/**
 * Rebuilds a stored history around `present` (the design just read through `parseDesign`). Steps are
 * rebuilt from the present outwards; a damaged step drops itself and everything beyond it, never the
 * design. A history of another revision or format is not used at all.
 */
export function decodeHistory(present: Design, raw: unknown, id: string, rev: number): DecodedHistory {
  if (raw === undefined || raw === null) return { ok: true, history: { past: [], present, future: [] }, unverified: [] };
  const stored = raw as Partial<StoredHistory>;
  if (typeof raw !== 'object' || stored.format !== 'portico.history' || !Array.isArray(stored.past) || !Array.isArray(stored.future))
    return { ok: false, message: 'its undo history could not be read' };
  if (stored.id !== id || stored.rev !== rev) return { ok: false, message: 'its undo history belongs to another version of it' };
  if (stored.schemaVersion !== schemaVersion) return { ok: false, message: 'its undo history was saved by another Portico version' };
  const unverified: Design[] = [];
  let dropped: string | undefined;
  const rebuild = (steps: unknown[]): History['past'] => {
    const entries: History['past'] = [];
    let current = present;
    for (let index = steps.length - 1; index >= 0 && entries.length < historyLimit; index -= 1) {
      const step = steps[index];
      const result = isStep(step) ? patchDesign(current, step.patch) : { ok: false as const, message: 'a step is not readable' };
      if (!result.ok) {
        dropped = `part of its undo history was damaged (${result.message})`;
        break;
      }
      remember(current, result.design, (step as StoredStep).patch);
      current = result.design;
      unverified.push(current);
      entries.push({ design: current, label: (step as StoredStep).label });
    }
    return entries.reverse();
  };
  const past = rebuild(stored.past);
  const future = rebuild(stored.future);
  return { ok: true, history: { past, present, future }, unverified, ...(dropped ? { dropped } : {}) };
}
