import { isJsonObject, type JsonObject, type JsonValue } from '../model';

/**
 * Reading untrusted documents safely: every lookup is an own-property lookup, so keys such as
 * `constructor` or `toString` in a document never find `Object.prototype`'s members.
 */
export function own(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function ownObject(object: JsonObject, key: string): JsonObject | undefined {
  const value = own(object, key);
  return isJsonObject(value) ? value : undefined;
}

export function ownString(object: JsonObject, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

export function ownArray(object: JsonObject, key: string): JsonValue[] | undefined {
  const value = own(object, key);
  return Array.isArray(value) ? value : undefined;
}

export function ownBoolean(object: JsonObject, key: string): boolean | undefined {
  const value = own(object, key);
  return typeof value === 'boolean' ? value : undefined;
}

/** The strings of a list, or undefined when the value is not a list of strings only. */
export function stringList(value: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const result: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return undefined;
    result.push(item);
  }
  return result;
}

/** A map whose values are all strings, or undefined. */
export function stringRecord(value: JsonValue | undefined): Record<string, string> | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') return undefined;
    result[key] = item;
  }
  return result;
}

/** A map whose values are strings or CloudFormation expressions (objects), or undefined. */
export function textOrIntrinsicRecord(value: JsonValue | undefined): Record<string, string | JsonObject> | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: Record<string, string | JsonObject> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string' && !isJsonObject(item)) return undefined;
    result[key] = item;
  }
  return result;
}

/**
 * Sets an own property, also for the key `__proto__` (which plain assignment would turn into a
 * prototype change). Documents with that key are refused on import; this keeps every copy safe anyway.
 */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Deep copy of JSON data (the importer never shares objects between the document and the design). */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) setOwn(copy, key, cloneJson((value as JsonObject)[key] as JsonValue));
  return copy as T;
}

/** Structural equality of JSON data; key order does not matter. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as JsonValue[];
    return a.length === other.length && a.every((item, index) => sameJson(item, other[index]));
  }
  const objectA = a as JsonObject;
  const objectB = b as JsonObject;
  const keys = Object.keys(objectA);
  if (keys.length !== Object.keys(objectB).length) return false;
  return keys.every((key) => Object.hasOwn(objectB, key) && sameJson(objectA[key], objectB[key]));
}

/** JSON text with sorted keys: an identity for JSON data that does not depend on key order. */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

/** The JSON pointer of a place a key occurs in JSON data (iterative: exports can be deep), or undefined. */
export function pointerOfKey(value: JsonValue, key: string): string | undefined {
  // A first pass without pointers (exports are large and the key is almost never there), a second to name it.
  const pending: JsonValue[] = [value];
  let found = false;
  while (pending.length > 0 && !found) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object' || current === undefined) continue;
    if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
      continue;
    }
    if (Object.hasOwn(current, key)) found = true;
    else for (const name in current) if (Object.hasOwn(current, name)) pending.push(current[name] as JsonValue);
  }
  if (!found) return undefined;
  const named: { value: JsonValue; pointer: string }[] = [{ value, pointer: '' }];
  while (named.length > 0) {
    const { value: current, pointer } = named.pop() as { value: JsonValue; pointer: string };
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        named.push({ value: item, pointer: `${pointer}/${index}` });
      });
      continue;
    }
    if (Object.hasOwn(current, key)) return `${pointer}/${pointerToken(key)}`;
    for (const name of Object.keys(current)) named.push({ value: current[name] as JsonValue, pointer: `${pointer}/${pointerToken(name)}` });
  }
  return undefined;
}

/** A JSON pointer token (RFC 6901). */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}
