import { isJsonObject, type JsonValue } from '../model';

/** One property of an element that differs: `parameters[query limit].required` from `false` to `true`. */
export interface PropertyChange {
  path: string;
  /** Absent: the property is new. */
  before?: JsonValue;
  /** Absent: the property was removed. */
  after?: JsonValue;
}

/** More than this many changes in one element are summed up by their parents: the list is for people. */
const maxChanges = 200;

/** Deeper than this a difference is reported whole (no design nests so deep; it keeps the stack safe). */
const maxDepth = 64;

/** What names an item of a list, so that lists compare item by item instead of as a whole. */
function identity(item: JsonValue): string | undefined {
  if (!isJsonObject(item)) return undefined;
  if (typeof item.in === 'string' && typeof item.name === 'string') return `${item.in} ${item.name}`;
  for (const key of ['selectionPattern', 'statusCode', 'issuer', 'stage', 'basePath', 'claimName', 'priority', 'name'])
    if (typeof item[key] === 'string' || typeof item[key] === 'number') return String(item[key]);
  return undefined;
}

function keyed(list: JsonValue[]): Map<string, JsonValue> | undefined {
  const map = new Map<string, JsonValue>();
  for (const item of list) {
    const key = identity(item);
    if (key === undefined || map.has(key)) return undefined;
    map.set(key, item);
  }
  return map;
}

/**
 * Structural equality; shared (unchanged) objects of two versions of a design compare at once. Past
 * `maxDepth` levels values count as different, so that a pathological value cannot exhaust the stack.
 */
function same(a: JsonValue | undefined, b: JsonValue | undefined, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > maxDepth) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => same(item, b[index], depth + 1));
  }
  const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => same(a[key], b[key], depth + 1));
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function walk(before: JsonValue | undefined, after: JsonValue | undefined, path: string, out: PropertyChange[], depth = 0): void {
  if (out.length >= maxChanges || same(before, after)) return;
  if (depth < maxDepth && isJsonObject(before) && isJsonObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      walk(before[key], after[key], join(path, key), out, depth + 1);
    return;
  }
  if (depth < maxDepth && Array.isArray(before) && Array.isArray(after)) {
    const beforeItems = keyed(before);
    const afterItems = keyed(after);
    if (beforeItems && afterItems) {
      for (const key of new Set([...beforeItems.keys(), ...afterItems.keys()]))
        walk(beforeItems.get(key), afterItems.get(key), `${path}[${key}]`, out, depth + 1);
      return;
    }
  }
  out.push({ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
}

/** The properties that differ between two plain values, deepest first where both sides are objects. */
export function propertyChanges(before: JsonValue, after: JsonValue): PropertyChange[] {
  const out: PropertyChange[] = [];
  walk(before, after, '', out);
  return out;
}
