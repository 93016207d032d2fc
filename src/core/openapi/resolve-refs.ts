import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { own } from './json-access';
import type { NoteList } from './notes';

/** Longest `$ref` chain followed (`a` → `b` → `c` …) before giving up. */
const maxHops = 32;

/** The value a local `$ref` (`#/components/parameters/Limit`) points at, decoding `~1` and `~0` (RFC 6901). */
export function resolvePointer(document: JsonObject, ref: string): JsonValue | undefined {
  if (ref === '#') return document;
  if (!ref.startsWith('#/')) return undefined;
  let current: JsonValue | undefined = document;
  for (const token of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      current = current[Number(key)];
    } else if (isJsonObject(current)) current = own(current, key);
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

export function isRef(value: JsonValue | undefined): value is JsonObject & { $ref: string } {
  return isJsonObject(value) && typeof own(value, '$ref') === 'string';
}

export function isLocalRef(ref: string): boolean {
  return ref.startsWith('#');
}

/**
 * Follows `$ref`s of a parameter, response, request body, header or path item to the object itself.
 * Only local references are followed: Portico never fetches a file or URL, so an external reference
 * is reported and the item skipped; so are references that point nowhere or go round in a circle.
 */
export function dereference(document: JsonObject, value: JsonValue | undefined, notes: NoteList, path: string): JsonValue | undefined {
  if (!isRef(value)) return value;
  let current: JsonValue | undefined = value;
  const seen = new Set<string>();
  for (let hops = 0; isRef(current); hops += 1) {
    const ref = current.$ref;
    if (Object.keys(current).length > 1)
      notes.add(`The keys next to "$ref": "${ref}" are ignored (OpenAPI 3.0 ignores siblings of a reference).`, path);
    if (!isLocalRef(ref)) {
      notes.add(`The external reference "${ref}" was not followed (Portico never downloads files, 'error'); this item was skipped.`, path);
      return undefined;
    }
    if (seen.has(ref) || hops >= maxHops) {
      notes.add(`The reference "${ref}" leads round in a circle; this item was skipped.`, path, 'error');
      return undefined;
    }
    seen.add(ref);
    const target = resolvePointer(document, ref);
    if (target === undefined) {
      notes.add(`The reference "${ref}" points at nothing in this document; this item was skipped.`, path, 'error');
      return undefined;
    }
    current = target;
  }
  return current;
}

/** A JSON pointer (RFC 6901) of a place in a document, for messages. */
export function pointerTo(parts: readonly string[]): string {
  return `/${parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/**
 * Removes every local `$ref` of a document that points at nothing (a model that was deleted or never
 * defined, such as `#/components/schemas/Empty` in a document without components), keeping the other
 * keys of its object: a schema left empty allows any value, which is what a reader that cannot follow
 * the reference could assume at best. External references are left alone (they were never local to
 * resolve). Returns what was removed and where (JSON pointers into the document).
 */
export function dropDanglingRefs(document: JsonObject): { pointer: string; ref: string }[] {
  // Exports can be big (a 5,000-operation export has about a million values): a first walk only looks
  // for references that point at nothing, each resolved once; only when there is one does a second walk
  // track where it is.
  const resolves = new Map<string, boolean>();
  const dangling = (value: JsonObject): string | undefined => {
    const ref = Object.hasOwn(value, '$ref') ? value.$ref : undefined;
    if (typeof ref !== 'string' || !isLocalRef(ref)) return undefined;
    let found = resolves.get(ref);
    if (found === undefined) {
      found = resolvePointer(document, ref) !== undefined;
      resolves.set(ref, found);
    }
    return found ? undefined : ref;
  };
  const anyDangling = (value: JsonValue): boolean => {
    if (value === null || typeof value !== 'object') return false;
    if (Array.isArray(value)) return value.some(anyDangling);
    if (dangling(value) !== undefined) return true;
    for (const key of Object.keys(value)) if (anyDangling(own(value, key) as JsonValue)) return true;
    return false;
  };
  if (!anyDangling(document)) return [];
  const dropped: { pointer: string; ref: string }[] = [];
  const parts: string[] = [];
  const walk = (value: JsonValue) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) {
        parts.push(String(index));
        walk(value[index] as JsonValue);
        parts.pop();
      }
      return;
    }
    const ref = dangling(value);
    if (ref !== undefined) {
      delete value.$ref;
      dropped.push({ pointer: pointerTo(parts), ref });
    }
    for (const key of Object.keys(value)) {
      parts.push(key);
      walk(own(value, key) as JsonValue);
      parts.pop();
    }
  };
  walk(document);
  return dropped;
}
