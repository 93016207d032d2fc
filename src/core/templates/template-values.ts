import { TemplateRuntimeError } from './template-errors';

/**
 * The values a template sees, as Java Velocity sees API Gateway's: strings, numbers, booleans, null, lists
 * (arrays) and maps (objects). Maps Portico builds have no prototype, so a template's property path can
 * only reach data, never `constructor` or `__proto__` (velocityjs also blocks those keys).
 */
export type TemplateMap = { [key: string]: unknown };

/** Lists that came from JSON (a body through `$input.path`, `$util.parseJson`): Java renders them as JSON. */
const jsonLists = new WeakSet<object>();
/** `entrySet()` items: they render as `key=value`, as `Map.Entry.toString()` does. */
const mapEntries = new WeakSet<object>();
/** `$input` and `$util`: objects with methods only, which render as nothing. */
const opaqueObjects = new WeakSet<object>();

export function newMap(): TemplateMap {
  return Object.create(null) as TemplateMap;
}

export function markJsonList<T extends unknown[]>(list: T): T {
  jsonLists.add(list);
  return list;
}

export function newEntry(key: string, value: unknown): TemplateMap {
  const entry = newMap();
  entry.key = key;
  entry.value = value;
  mapEntries.add(entry);
  return entry;
}

export function isEntry(value: unknown): value is TemplateMap {
  return typeof value === 'object' && value !== null && mapEntries.has(value);
}

/** Values a reference reads as null although a path through them works: `$context.authorizer.claims` (see context-variable.ts). */
const nullWhenRead = new WeakSet<object>();

export function markReadsAsNull<T extends object>(value: T): T {
  nullWhenRead.add(value);
  return value;
}

export function readsAsNull(value: unknown): boolean {
  return typeof value === 'object' && value !== null && nullWhenRead.has(value);
}

export function markOpaque<T extends object>(value: T): T {
  opaqueObjects.add(value);
  return value;
}

/** A map: a prototype-less object Portico built, or a plain object velocityjs built for a `{...}` literal. */
export function isMap(value: unknown): value is TemplateMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || opaqueObjects.has(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

/** Velocity 1.7's `#if`: only null and `false` are false (an empty string or 0 is true, unlike JavaScript). */
export function javaTruthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && typeof value !== 'function';
}

/**
 * JSON (a parsed body or `$util.parseJson`'s input) as template values: objects become prototype-less maps,
 * arrays JSON lists. Deeper than `maxDepth` is refused rather than risking the stack.
 */
export function fromJson(value: unknown, maxDepth: number, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maxDepth) throw new TemplateRuntimeError(`the JSON nests deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) return markJsonList(value.map((item) => fromJson(item, maxDepth, depth + 1)));
  const map = newMap();
  for (const [key, item] of Object.entries(value)) map[key] = fromJson(item, maxDepth, depth + 1);
  return map;
}

/** A number as Java prints it, as far as JavaScript can tell: `NaN`, `Infinity`, integers without `.0`. */
function numberText(value: number): string {
  return String(value);
}

/**
 * What Velocity writes for a value: Java's `toString()`. A top-level null renders as nothing (API Gateway
 * renders a missing value as an empty string); inside a collection it is `null`, as Java writes it. Maps
 * read `{a=1, b=x}` (a `LinkedHashMap`), lists `[1, x]`, but lists that came from JSON are written as JSON,
 * nested objects included: that is how API Gateway's JSONPath results print (observed by LocalStack against
 * AWS: `{"a": 1, "b": [{"c": 5}]}` renders `{a=1, b=[{"c":5}]}`; localstack template_mapping.py, VTLJsonList).
 */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return '';
  return nestedString(value, new Set());
}

function nestedString(value: unknown, seen: Set<object>): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || opaqueObjects.has(value)) return '';
  if (seen.has(value)) return Array.isArray(value) ? '(this Collection)' : '(this Map)';
  if (Array.isArray(value) && jsonLists.has(value)) return toJsonText(value);
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item) => nestedString(item, seen)).join(', ')}]`;
    if (mapEntries.has(value)) {
      const entry = value as TemplateMap;
      return `${nestedString(entry.key, seen)}=${nestedString(entry.value, seen)}`;
    }
    const map = value as TemplateMap;
    return `{${Object.keys(map)
      .filter((key) => typeof map[key] !== 'function')
      .map((key) => `${key}=${nestedString(map[key], seen)}`)
      .join(', ')}}`;
  } finally {
    seen.delete(value);
  }
}

/** A value written as compact JSON, as `$input.json` returns it. A value that contains itself has no JSON form. */
export function toJsonText(value: unknown): string {
  return jsonText(value, new Set());
}

function jsonText(value: unknown, seen: Set<object>): string {
  if (value === null || value === undefined || typeof value === 'function') return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || opaqueObjects.has(value)) return 'null';
  if (seen.has(value)) throw new TemplateRuntimeError('the value contains itself, so it cannot be written as JSON');
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, seen)).join(',')}]`;
    const map = value as TemplateMap;
    const members = Object.keys(map)
      .filter((key) => typeof map[key] !== 'function')
      .map((key) => `${JSON.stringify(key)}:${jsonText(map[key], seen)}`);
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}

/** A copy of a value built from a template's data, so that one render cannot change what the next one reads. */
export function copyValue(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  if (Array.isArray(value)) {
    const list = value.map((item) => copyValue(item, depth + 1));
    return jsonLists.has(value) ? markJsonList(list) : list;
  }
  if (!isMap(value)) return value;
  const map = newMap();
  for (const key of Object.keys(value)) map[key] = copyValue(value[key], depth + 1);
  return map;
}
