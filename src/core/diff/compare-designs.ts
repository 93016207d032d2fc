import type { Design } from '../model';
import { type DesignElement, designElements, type ElementKind } from './design-elements';
import { type PropertyChange, propertyChanges } from './property-changes';

export type { ElementKind } from './design-elements';
export type { PropertyChange } from './property-changes';

export type ElementChangeKind = 'added' | 'removed' | 'changed';

/** One element that differs between two designs. */
export interface ElementChange {
  kind: ElementKind;
  change: ElementChangeKind;
  /** `GET /pets/{id}`, an authorizer's name, a stage's name. */
  label: string;
  /** The element's id in the revision (added, changed) or in the base (removed): what a canvas highlights. */
  id: string;
  baseId?: string;
  revisionId?: string;
  /** For a changed element, each property that differs, ids replaced by the names they point at. */
  properties: PropertyChange[];
}

export interface DesignComparison {
  changes: ElementChange[];
  added: number;
  removed: number;
  changed: number;
}

type Pair = [DesignElement, DesignElement];

/** Pairs elements with equal keys, in order (two mocks of one name pair first with first). */
function pairBy(
  before: DesignElement[],
  after: DesignElement[],
  key: (element: DesignElement) => string | undefined,
): { pairs: Pair[]; before: DesignElement[]; after: DesignElement[] } {
  const waiting = new Map<string, DesignElement[]>();
  for (const element of after) {
    const value = key(element);
    if (value === undefined) continue;
    waiting.set(value, [...(waiting.get(value) ?? []), element]);
  }
  const pairs: Pair[] = [];
  const leftBefore: DesignElement[] = [];
  const taken = new Set<DesignElement>();
  for (const element of before) {
    const value = key(element);
    const candidates = value === undefined ? undefined : waiting.get(value);
    const match = candidates?.shift();
    if (match) {
      pairs.push([element, match]);
      taken.add(match);
    } else leftBefore.push(element);
  }
  return { pairs, before: leftBefore, after: after.filter((element) => !taken.has(element)) };
}

/**
 * What changed between two designs, element by element: added, removed, and changed with the properties
 * that differ. Elements are matched by what they mean (a method by verb and path shape, a route by its
 * key, an authorizer by name, an integration by what it calls), because two imports of one document
 * have different ids. Ids are used last, and only when the designs are versions of one design: then a
 * renamed resource or a re-pointed integration reads as changed rather than as one removed and one added.
 * Importers number elements in document order, so two imports of different documents share ids by
 * chance: ids are trusted only when at least half of all elements were matched by meaning and kept
 * their id, and a method pairs by id only with a method of the same verb.
 */
export function compareDesigns(base: Design, revision: Design): DesignComparison {
  const beforeByKind = new Map<ElementKind, DesignElement[]>();
  const afterByKind = new Map<ElementKind, DesignElement[]>();
  for (const element of designElements(base)) beforeByKind.set(element.kind, [...(beforeByKind.get(element.kind) ?? []), element]);
  for (const element of designElements(revision)) afterByKind.set(element.kind, [...(afterByKind.get(element.kind) ?? []), element]);
  const kinds = [...new Set([...beforeByKind.keys(), ...afterByKind.keys()])];
  const matched = new Map<ElementKind, { pairs: Pair[]; before: DesignElement[]; after: DesignElement[] }>();
  let sameId = 0;
  let pairCount = 0;
  for (const kind of kinds) {
    const byKey = pairBy(beforeByKind.get(kind) ?? [], afterByKind.get(kind) ?? [], (element) => element.key);
    const byAlias = pairBy(byKey.before, byKey.after, (element) => element.alias);
    matched.set(kind, { pairs: [...byKey.pairs, ...byAlias.pairs], before: byAlias.before, after: byAlias.after });
    if (kind === 'api') continue;
    for (const [a, b] of byKey.pairs) {
      pairCount += 1;
      if (a.id === b.id) sameId += 1;
    }
  }
  const size = (byKind: Map<ElementKind, DesignElement[]>) =>
    [...byKind].reduce((sum, [kind, list]) => sum + (kind === 'api' ? 0 : list.length), 0);
  const total = Math.max(size(beforeByKind), size(afterByKind));
  const sameLineage = pairCount > 0 && sameId / total >= 0.5;
  const changes: ElementChange[] = [];
  for (const kind of kinds) {
    const entry = matched.get(kind);
    if (!entry) continue;
    let { pairs, before, after } = entry;
    if (sameLineage) {
      const byId = pairBy(before, after, (element) => `${element.id} ${element.verb ?? ''}`);
      pairs = [...pairs, ...byId.pairs];
      before = byId.before;
      after = byId.after;
    }
    for (const [a, b] of pairs) {
      const properties = propertyChanges(a.content, b.content);
      if (properties.length === 0) continue;
      changes.push({ kind, change: 'changed', label: b.label, id: b.id, baseId: a.id, revisionId: b.id, properties });
    }
    for (const element of before)
      changes.push({ kind, change: 'removed', label: element.label, id: element.id, baseId: element.id, properties: [] });
    for (const element of after)
      changes.push({ kind, change: 'added', label: element.label, id: element.id, revisionId: element.id, properties: [] });
  }
  const count = (change: ElementChangeKind) => changes.filter((item) => item.change === change).length;
  return { changes, added: count('added'), removed: count('removed'), changed: count('changed') };
}

/** The change of each element by its id on one side: what a canvas of that design highlights. */
export function changesById(comparison: DesignComparison, side: 'base' | 'revision'): Map<string, ElementChange> {
  const map = new Map<string, ElementChange>();
  for (const change of comparison.changes) {
    const id = side === 'base' ? change.baseId : change.revisionId;
    if (id !== undefined) map.set(id, change);
  }
  return map;
}
