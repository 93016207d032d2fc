import type { Design } from '../design';
import { refuse } from '../errors';
import type { BodyContent, OperationDoc } from '../operation-doc';

/** Looks an element up or refuses with a message naming what was missing. */
export function mustGet<V>(record: Record<string, V>, id: string, what: string): V {
  const value = Object.hasOwn(record, id) ? record[id] : undefined;
  if (value === undefined) refuse('not-found', `There is no ${what} with id "${id}".`);
  return value;
}

/** A copy of `record` without `id` (same object when absent). */
export function without<K extends string, V>(record: Record<K, V>, ids: Iterable<string>): Record<K, V> {
  const drop = new Set(ids);
  let changed = false;
  for (const id of drop)
    if (Object.hasOwn(record, id)) {
      changed = true;
      break;
    }
  if (!changed) return record;
  const next = {} as Record<K, V>;
  for (const key of Object.keys(record) as K[]) if (!drop.has(key)) next[key] = record[key];
  return next;
}

/**
 * Equality of plain design data (objects, arrays, scalars). Forms hand operations fresh arrays and
 * objects with the same content; comparing by content keeps such edits from recording an undo step.
 */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => samePlainValue(item, b[index]));
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => Object.hasOwn(b, key) && samePlainValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** Shallow patch that returns the original when nothing changes (so unchanged edits leave no undo step). */
export function patchObject<T extends object>(original: T, patch: Partial<T>): T {
  let changed = false;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (!samePlainValue(original[key], patch[key])) {
      changed = true;
      break;
    }
  }
  if (!changed) return original;
  const next = { ...original, ...patch };
  // A patch value of undefined removes the field, so saved designs carry no `"x": undefined`.
  for (const key of Object.keys(patch) as (keyof T)[]) if (patch[key] === undefined) delete next[key];
  return next;
}

export function requireType(design: Design, types: readonly Design['api']['type'][], what: string): void {
  if (!types.includes(design.api.type)) {
    const names = { REST: 'REST APIs', HTTP: 'HTTP APIs', WEBSOCKET: 'WebSocket APIs' };
    const thisOne = { REST: 'a REST API', HTTP: 'an HTTP API', WEBSOCKET: 'a WebSocket API' };
    refuse(
      'wrong-api-type',
      `${what} exist only in ${types.map((type) => names[type]).join(' and ')}; this is ${thisOne[design.api.type]}.`,
    );
  }
}

export function trimmedName(value: string, what: string): string {
  const name = value.trim();
  if (name.length === 0) refuse('invalid-value', `${what} needs a name.`);
  return name;
}

/**
 * Refuses `__proto__` for names that become keys of the exported OpenAPI document (security schemes,
 * request validators): the importer refuses that key anywhere (it would change an object's prototype
 * in later copies), so the design could no longer be read back from its own export.
 */
export function assertKeyName(name: string, what: string): void {
  if (name === '__proto__') refuse('invalid-value', `${what} cannot be named "__proto__": choose another name.`);
}

/** Refuses documentation that names a model the design does not have. */
export function assertModelsExist(design: Design, doc: Partial<OperationDoc>): void {
  const check = (content: Record<string, BodyContent>) => {
    for (const [contentType, body] of Object.entries(content))
      if (body.modelId !== undefined && !Object.hasOwn(design.models, body.modelId))
        refuse('not-found', `The ${contentType} body names a model that does not exist (id "${body.modelId}").`);
  };
  if (doc.requestBody) check(doc.requestBody.content);
  for (const response of doc.responses ?? []) check(response.content);
}
