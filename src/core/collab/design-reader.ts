import type * as Y from 'yjs';
import type { Design } from '../model';
import { samePlainValue } from '../model/operations/helpers';
import { apiName, collections } from './doc-layout';
import { type DocToDesignResult, docToDesign } from './doc-to-design';
import { freeTextChanges } from './free-text';

type Plain = Record<string, unknown>;
type Changes = Map<Y.AbstractType<unknown>, Set<string | null>>;

/** `fields` in the order a read from the doc gives: `id` first, then the rest sorted. */
function inReadOrder(fields: Plain): Plain {
  const { id, ...rest } = fields;
  const ordered: Plain = id === undefined ? {} : { id };
  for (const key of Object.keys(rest).sort()) ordered[key] = rest[key];
  return ordered;
}

/** `next`, with every part that equals the same part of `previous` replaced by that part (same object). */
function sharePrevious(previous: Design, next: Design): Design {
  const shared: Plain = { ...next };
  let same = true;
  for (const key of Object.keys(next) as (keyof Design)[]) {
    const before = previous[key] as unknown;
    const after = next[key] as unknown;
    if (collections.includes(key as (typeof collections)[number])) {
      const record: Plain = {};
      let recordSame = Object.keys(before as Plain).join('\0') === Object.keys(after as Plain).join('\0');
      for (const [id, element] of Object.entries(after as Plain)) {
        const old = (before as Plain)[id];
        const reuse =
          old !== undefined &&
          samePlainValue(old, element) &&
          JSON.stringify(Object.keys(old as Plain)) === JSON.stringify(Object.keys(element as Plain));
        record[id] = reuse ? old : element;
        if (!reuse) recordSame = false;
      }
      shared[key] = recordSame ? before : record;
      if (!recordSame) same = false;
    } else if (samePlainValue(before, after) && JSON.stringify(before) === JSON.stringify(after)) shared[key] = before;
    else same = false;
  }
  return same ? previous : (shared as unknown as Design);
}

/**
 * Reads a shared doc as the store needs it after every remote change, at the cost of the change rather than
 * the size of the design where it can: text typed into a free-text field (the common case in a session) is
 * patched into the last design; anything else is read whole through `docToDesign`, and every element that
 * did not change keeps its object, so components that select one element do not render again. The result
 * is always what `docToDesign` would give, text for text.
 */
export class DesignReader {
  private last: DocToDesignResult | undefined;
  /** How many reads went through `docToDesign` (the others patched text into the last design). */
  fullReads = 0;
  private changes: Changes | 'all' | undefined = 'all';
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (this.changes === 'all' || transaction.changed.size === 0) return;
    const changes: Changes = this.changes ?? new Map();
    for (const [type, keys] of transaction.changed as Changes) {
      const known = changes.get(type);
      if (known) for (const key of keys) known.add(key);
      else changes.set(type, new Set(keys));
    }
    this.changes = changes;
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onTransaction);
  }

  /** The design the doc holds now (the same object as last time when nothing changed). */
  read(): DocToDesignResult {
    const changes = this.changes;
    const last = this.last;
    if (changes === undefined && last) return last;
    this.changes = undefined;
    if (last?.ok && last.repairs.length === 0 && changes !== 'all' && changes !== undefined) {
      const text = freeTextChanges(this.doc, changes);
      const patched = text && patchText(last.design, text);
      if (patched) {
        this.last = { ok: true, design: patched, repairs: [] };
        return this.last;
      }
    }
    this.fullReads += 1;
    const read = docToDesign(this.doc);
    this.last = read.ok && last?.ok ? { ...read, design: sharePrevious(last.design, read.design) } : read;
    return this.last;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }
}

/** The design with the text changes made; undefined when one is about an element the design does not show. */
function patchText(design: Design, changes: NonNullable<ReturnType<typeof freeTextChanges>>): Design | undefined {
  const next: Plain = { ...design };
  for (const change of changes) {
    if (change.collection === apiName) {
      const api: Plain = { ...(next.api as Plain) };
      if (change.value === undefined) delete api[change.field];
      else api[change.field] = change.value;
      next.api = Object.hasOwn(design.api, change.field) ? api : inReadOrder(api);
      continue;
    }
    const record: Plain = { ...(next[change.collection] as Plain) };
    const current = record[change.id as string];
    if (current === undefined) return undefined;
    const element: Plain = { ...(current as Plain) };
    const had = Object.hasOwn(element, change.field);
    if (change.value === undefined) delete element[change.field];
    else element[change.field] = change.value;
    record[change.id as string] = had ? element : inReadOrder(element);
    next[change.collection] = record;
  }
  return next as unknown as Design;
}
