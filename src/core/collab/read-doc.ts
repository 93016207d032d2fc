import * as Y from 'yjs';
import type { JsonObject, JsonValue } from '../model';
import {
  apiName,
  type CollectionName,
  collectionMap,
  collections,
  keyedById,
  layoutName,
  metaName,
  orderArray,
  stageOrderName,
} from './doc-layout';

/** The doc holds something that no Portico client writes (a damaged or hostile update). */
export class DamagedDoc extends Error {}

/** A key that would reach an object's prototype when assigned; never written by Portico. */
const forbiddenKeys = new Set(['__proto__']);

function checkKey(key: string, where: string): void {
  if (forbiddenKeys.has(key)) throw new DamagedDoc(`${where} has a key "${key}" that no design can hold.`);
}

/**
 * A Y.Map's fields as a plain object, keys sorted: the order in which a client received keys differs from
 * client to client, and every client must read the same design from the same doc.
 */
function readFields(map: Y.Map<unknown>, where: string, depth: number): JsonObject {
  const fields: JsonObject = {};
  for (const key of [...map.keys()].sort()) {
    checkKey(key, where);
    const value = map.get(key);
    if (value instanceof Y.AbstractType) {
      if (!(value instanceof Y.Map) || depth > 0) throw new DamagedDoc(`${where}.${key} is a shared type no design holds.`);
      fields[key] = readFields(value, `${where}.${key}`, depth + 1);
    } else if (value instanceof Uint8Array) {
      throw new DamagedDoc(`${where}.${key} holds binary data.`);
    } else if (value !== undefined) fields[key] = value as JsonValue;
  }
  return fields;
}

/** The ids of a collection in creation order: its order list first (repeats ignored), then any it misses. */
function orderedIds(doc: Y.Doc, name: CollectionName, present: Set<string>): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const id of orderArray(doc, name).toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !present.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  for (const id of [...present].sort()) if (!seen.has(id)) ids.push(id);
  return ids;
}

function readCollection(doc: Y.Doc, name: CollectionName): JsonObject {
  const elements = collectionMap(doc, name);
  const present = new Set(elements.keys());
  const record: JsonObject = {};
  for (const id of orderedIds(doc, name, present)) {
    checkKey(id, name);
    const element = elements.get(id);
    if (!(element instanceof Y.Map)) throw new DamagedDoc(`${name}.${id} is not an element.`);
    const fields = readFields(element, `${name}.${id}`, 0);
    record[id] = keyedById.has(name) ? { id, ...withoutId(fields) } : fields;
  }
  return record;
}

function withoutId(fields: JsonObject): JsonObject {
  const { id: _ignored, ...rest } = fields;
  return rest;
}

/** Whether the doc holds a design yet (an empty room has no format version). */
export function docHoldsDesign(doc: Y.Doc): boolean {
  return doc.getMap(metaName).has('schemaVersion');
}

/**
 * The doc's content as the plain JSON of a design file, before any check or repair: what `parseDesign`
 * then reads. Throws `DamagedDoc` for content no Portico client writes (shared types where values belong,
 * binary data, prototype keys).
 */
export function readDocJson(doc: Y.Doc): JsonObject {
  const layoutMap = doc.getMap(layoutName);
  const layout: JsonObject = {};
  for (const key of [...layoutMap.keys()].sort()) {
    checkKey(key, 'layout');
    const position = layoutMap.get(key);
    if (position instanceof Y.AbstractType || position instanceof Uint8Array) throw new DamagedDoc(`layout.${key} is not a position.`);
    layout[key] = position as JsonValue;
  }
  const stageOrder = doc
    .getArray(stageOrderName)
    .toArray()
    .map((id) => {
      if (typeof id !== 'string') throw new DamagedDoc('The stage order holds something other than stage ids.');
      return id;
    });
  const design: JsonObject = {
    schemaVersion: doc.getMap(metaName).get('schemaVersion') as JsonValue,
    api: readFields(doc.getMap(apiName), 'api', 1),
  };
  for (const name of collections) design[name] = readCollection(doc, name);
  design.stageOrder = stageOrder;
  design.layout = layout;
  return design;
}
