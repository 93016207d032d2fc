import * as Y from 'yjs';
import type { Design } from '../model';
import { samePlainValue } from '../model/operations/helpers';
import {
  apiName,
  type CollectionName,
  collectionMap,
  collections,
  type FieldMap,
  keyedById,
  kindFields,
  layoutName,
  metaName,
  orderArray,
  stageOrderName,
  structuredFields,
} from './doc-layout';

/**
 * The origin of the transactions this client writes. An undo manager that tracks only this origin undoes
 * one's own edits and never a change that arrived from someone else (those carry the provider as origin).
 */
export const localEditOrigin = 'portico-local-edit';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON copy for storing in the doc: `undefined` fields dropped, as a saved design would drop them
 * (Yjs would otherwise keep them, and another client's read would differ from this one's).
 */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : plainCopy(item)));
  if (isPlainObject(value)) {
    const copy: Plain = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = plainCopy(item);
    return copy;
  }
  return value;
}

function fieldMapOf(fields: Plain, structured: readonly string[], skipId: boolean): FieldMap {
  const map: FieldMap = new Y.Map();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || (skipId && key === 'id')) continue;
    map.set(key, structured.includes(key) && isPlainObject(value) ? fieldMapOf(value, [], false) : plainCopy(value));
  }
  return map;
}

/** Writes the fields that differ between `before` and `after` (all of them when `before` is unknown). */
function writeFields(map: FieldMap, before: Plain | undefined, after: Plain, structured: readonly string[], skipId: boolean): void {
  if (before)
    for (const key of Object.keys(before)) if (before[key] !== undefined && after[key] === undefined && map.has(key)) map.delete(key);
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined || (skipId && key === 'id')) continue;
    const previous = before?.[key];
    if (before && (previous === value || samePlainValue(previous, value))) continue;
    if (structured.includes(key) && isPlainObject(value)) {
      const current = map.get(key);
      if (current instanceof Y.Map && isPlainObject(previous)) writeFields(current, previous, value, [], false);
      else map.set(key, fieldMapOf(value, [], false));
      continue;
    }
    map.set(key, plainCopy(value));
  }
}

/**
 * Makes a shared list follow a local change from `before` to `after`, applied to the list as it is now
 * (others may have changed it meanwhile): removed ids go, an added or moved id goes after the id that now
 * precedes it locally (at the end when that one is gone). Duplicates that concurrent moves can leave are
 * ignored when reading. Without `before`, the list is made exactly `after`.
 */
function writeList(list: Y.Array<string>, before: readonly string[] | undefined, after: readonly string[]): void {
  if (!before) {
    const items = list.toArray();
    if (items.length === after.length && items.every((id, index) => id === after[index])) return;
    if (items.length > 0) list.delete(0, items.length);
    if (after.length > 0) list.insert(0, [...after]);
    return;
  }
  if (before.length === after.length && before.every((id, index) => id === after[index])) return;
  const wanted = new Set(after);
  const had = new Set(before);
  // Moves are judged among the ids both lists have, so that adding or removing one does not count as
  // moving its neighbour (which would churn the shared list and fight concurrent changes).
  const predecessors = (list: readonly string[]) => {
    const map = new Map<string, string | undefined>();
    list.forEach((id, index) => {
      map.set(id, index === 0 ? undefined : list[index - 1]);
    });
    return map;
  };
  const predecessorBefore = predecessors(before.filter((id) => wanted.has(id)));
  const predecessorAfter = predecessors(after.filter((id) => had.has(id)));
  const removeAll = (id: string) => {
    const items = list.toArray();
    for (let index = items.length - 1; index >= 0; index -= 1) if (items[index] === id) list.delete(index, 1);
  };
  for (const id of before) if (!wanted.has(id)) removeAll(id);
  after.forEach((id, index) => {
    if (had.has(id) && predecessorBefore.get(id) === predecessorAfter.get(id)) return;
    const predecessor = index === 0 ? undefined : after[index - 1];
    removeAll(id);
    const items = list.toArray();
    const found = predecessor === undefined ? -1 : items.lastIndexOf(predecessor);
    list.insert(predecessor === undefined ? 0 : found === -1 ? items.length : found + 1, [id]);
  });
}

function writeCollection(doc: Y.Doc, name: CollectionName, before: Plain | undefined, after: Plain): void {
  if (before === after) return;
  const elements = collectionMap(doc, name);
  const structured = structuredFields[name] ?? [];
  const kindField = kindFields[name];
  const skipId = keyedById.has(name);
  if (before) {
    for (const id of Object.keys(before)) if (!Object.hasOwn(after, id) && elements.has(id)) elements.delete(id);
  } else {
    for (const id of [...elements.keys()]) if (!Object.hasOwn(after, id)) elements.delete(id);
  }
  for (const [id, element] of Object.entries(after)) {
    if (!isPlainObject(element)) continue;
    const previous = before?.[id];
    if (before && previous === element) continue;
    if (!isPlainObject(previous)) {
      elements.set(id, fieldMapOf(element, structured, skipId));
      continue;
    }
    const current = elements.get(id);
    // Edited here but deleted by someone else meanwhile: the deletion wins, as it does in Yjs itself.
    if (!(current instanceof Y.Map)) continue;
    if (kindField && previous[kindField] !== element[kindField]) {
      elements.set(id, fieldMapOf(element, structured, skipId));
      continue;
    }
    writeFields(current, previous, element, structured, skipId);
  }
  writeList(orderArray(doc, name), before ? Object.keys(before) : undefined, Object.keys(after));
}

function writeLayout(doc: Y.Doc, before: Design['layout'] | undefined, after: Design['layout']): void {
  if (before === after) return;
  const layout = doc.getMap(layoutName);
  const keys = before ? Object.keys(before) : [...layout.keys()];
  for (const key of keys) if (!Object.hasOwn(after, key) && layout.has(key)) layout.delete(key);
  for (const [key, position] of Object.entries(after)) {
    const previous = before ? before[key as keyof typeof before] : layout.get(key);
    if (previous === position || samePlainValue(previous, position)) continue;
    layout.set(key, { x: position.x, y: position.y });
  }
}

function writeDesign(doc: Y.Doc, before: Design | undefined, after: Design, origin: unknown): void {
  doc.transact(() => {
    const meta = doc.getMap(metaName);
    if (meta.get('schemaVersion') !== after.schemaVersion) meta.set('schemaVersion', after.schemaVersion);
    if (!before || before.api !== after.api) {
      const api = doc.getMap(apiName);
      if (!before) for (const key of [...api.keys()]) if ((after.api as unknown as Plain)[key] === undefined) api.delete(key);
      writeFields(api, before?.api as unknown as Plain | undefined, after.api as unknown as Plain, [], false);
    }
    for (const name of collections) writeCollection(doc, name, before?.[name] as Plain | undefined, after[name] as unknown as Plain);
    writeList(doc.getArray(stageOrderName), before?.stageOrder, after.stageOrder);
    writeLayout(doc, before?.layout, after.layout);
  }, origin);
}

/**
 * Writes a whole design into the doc (starting a session, or replacing what the doc holds): afterwards the
 * doc holds exactly this design. In one transaction with `origin`.
 */
export function designToDoc(doc: Y.Doc, design: Design, origin: unknown = localEditOrigin): void {
  writeDesign(doc, undefined, design, origin);
}

/**
 * Writes one local change, `previous` → `next`, into the doc: only the elements, and in them only the fields,
 * that differ, in one transaction with `origin`. `previous` is the design this client last read from or
 * wrote to the doc (what its store held before the change); what others changed meanwhile is left alone,
 * so their edits to other fields survive. Designs share unchanged objects, so an edit costs what it
 * changed, not the size of the design.
 */
export function applyDesignToDoc(doc: Y.Doc, previous: Design, next: Design, origin: unknown = localEditOrigin): void {
  if (previous === next) return;
  writeDesign(doc, previous, next, origin);
}
