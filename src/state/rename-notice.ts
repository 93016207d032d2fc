import type { Design } from '../core/model';
import type { RenameChange, RenameResult } from '../core/model/operations/rename-references';
import type { Notice, PorticoStore } from './store';

/** A design change, as forms and the canvas apply them. */
type Operation = (design: Design) => Design;

/** The notice a rename shows: what it changed beyond the name, and what it left for review. */
export function renameNotice(result: RenameResult, most = 12): Omit<Notice, 'id'> | undefined {
  const [first, ...rest] = result.changed;
  if (!first || (rest.length === 0 && result.review.length === 0)) return undefined;
  const line = (change: RenameChange) => {
    const before = change.before.split('\n')[0] ?? '';
    const after = change.after.split('\n')[0] ?? '';
    return `• ${change.where}: ${before} → ${after}`;
  };
  const listed = <T>(items: T[], show: (item: T) => string) => [
    ...items.slice(0, most).map(show),
    ...(items.length > most ? [`• … and ${items.length - most} more`] : []),
  ];
  const lines = [
    `Renamed ${first.before} to ${first.after}${rest.length > 0 ? `, and ${rest.length} place${rest.length === 1 ? '' : 's'} that name${rest.length === 1 ? 's' : ''} it:` : '.'}`,
    ...listed(rest, line),
  ];
  if (result.review.length > 0)
    lines.push(
      'Not changed, for you to check (text that only looks like the name):',
      ...listed(result.review, (item) => `• ${item.where}: ${item.text}`),
    );
  return { tone: result.review.length > 0 ? 'warning' : 'success', message: lines.join('\n'), sticky: result.review.length > 0 };
}

/**
 * The rename being typed: the design before its first keystroke, every design its keystrokes produced
 * (the field tries each operation before applying it, so a keystroke runs twice), and its notice.
 */
let burst: { key: string; start: Design; produced: WeakSet<Design>; noticeId: number | undefined } | undefined;

/**
 * A form field's rename as an operation: the rename (with its references) is the design change, and
 * once it is applied a notice lists what it changed. A name typed key by key is renamed at each
 * keystroke (one undo step, as every field), so the notice describes the whole rename from the name
 * before the first keystroke, replacing the previous keystroke's notice.
 */
export function renameOperation(store: PorticoStore, key: string, rename: (design: Design) => RenameResult): Operation {
  return (design) => {
    const result = rename(design);
    if (result.design === design) return design;
    // A keystroke continues the rename when it starts from a design the previous keystrokes made.
    if (burst?.key !== key || !burst.produced.has(design)) burst = { key, start: design, produced: new WeakSet(), noticeId: undefined };
    const current = burst;
    current.produced.add(result.design);
    setTimeout(() => {
      const state = store.getState();
      // Only the run whose design the store took notifies (not the field's trial run, nor a refused one).
      if (state.design !== result.design) return;
      let described = result;
      if (current.start !== design)
        try {
          described = rename(current.start);
        } catch {
          // The whole rename from the first name is refused (a name taken meanwhile): describe this step.
        }
      if (current.noticeId !== undefined) state.dismiss(current.noticeId);
      const notice = renameNotice(described);
      current.noticeId = notice ? state.notify(notice) : undefined;
    }, 0);
    return result.design;
  };
}
