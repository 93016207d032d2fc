import type { Design } from '../design';
import { refuse } from '../errors';

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

/** Shallow patch that returns the original when nothing changes (so unchanged edits leave no undo step). */
export function patchObject<T extends object>(original: T, patch: Partial<T>): T {
  let changed = false;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (!Object.is(original[key], patch[key])) {
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
    refuse(
      'wrong-api-type',
      `${what} exist only in ${types.map((type) => names[type]).join(' and ')}; this is a ${names[design.api.type].slice(0, -1)}.`,
    );
  }
}

export function trimmedName(value: string, what: string): string {
  const name = value.trim();
  if (name.length === 0) refuse('invalid-value', `${what} needs a name.`);
  return name;
}
