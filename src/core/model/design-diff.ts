import type { Design } from './design';

/**
 * What changed between two designs, element by element, so that an undo history can be stored as the
 * changes between consecutive designs instead of one full copy per step (a 1,000-operation design is
 * close to a megabyte; a typical step changes one element of one id-keyed collection).
 *
 * Designs are immutable and share unchanged objects, so "changed" is a reference comparison: a
 * collection that is the same object in both designs costs nothing; in a changed collection only the
 * elements that are different objects are recorded. The patch rebuilds the target exactly, key order
 * included (collections keep creation order, which exports follow).
 */
export interface KeyedPatch {
  /** Values that are new or different in the target, whole. */
  set?: Record<string, unknown>;
  /** Values that are objects in both and differ inside: patched one level further down. */
  nested?: Record<string, KeyedPatch>;
  /** Keys the target no longer has. */
  remove?: string[];
  /** The target's key order, present only when patching in place would not produce it. */
  order?: string[];
}

/** The change from one design to another: top-level sections, then collection elements. */
export type DesignPatch = KeyedPatch;

type Plain = Record<string, unknown>;

/** How many levels `diffDesigns` descends: the design's sections, then their elements (replaced whole). */
const elementDepth = 1;

function isObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameOrder(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function diffObjects(from: Plain, to: Plain, depth: number): KeyedPatch | undefined {
  const patch: KeyedPatch = {};
  let changed = false;
  const set: Plain = {};
  const nested: Record<string, KeyedPatch> = {};
  const remove: string[] = [];
  let setAny = false;
  let nestedAny = false;
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) remove.push(key);
  for (const key of Object.keys(to)) {
    const after = to[key];
    const had = Object.hasOwn(from, key);
    const before = had ? from[key] : undefined;
    if (had && before === after) continue;
    if (had && depth < elementDepth && isObject(before) && isObject(after)) {
      const inner = diffObjects(before, after, depth + 1);
      if (inner) {
        nested[key] = inner;
        nestedAny = true;
      }
      continue;
    }
    set[key] = after;
    setAny = true;
  }
  if (setAny) {
    patch.set = set;
    changed = true;
  }
  if (nestedAny) {
    patch.nested = nested;
    changed = true;
  }
  if (remove.length > 0) {
    patch.remove = remove;
    changed = true;
  }
  // Patching keeps the source's order and appends new keys; record the order only when that is wrong.
  const removed = new Set(remove);
  const natural = Object.keys(from).filter((key) => !removed.has(key));
  for (const key of Object.keys(to)) if (!Object.hasOwn(from, key)) natural.push(key);
  const target = Object.keys(to);
  // Integer-like keys are ordered first by JavaScript itself: only then is the probe needed.
  if (!sameOrder(natural, target) && !sameOrder(naturalKeyOrder(natural), target)) {
    patch.order = target;
    changed = true;
  }
  return changed ? patch : undefined;
}

/** The order JavaScript gives keys inserted in this order (integer-like keys first, ascending). */
function naturalKeyOrder(keys: string[]): string[] {
  const probe: Plain = {};
  for (const key of keys) probe[key] = true;
  return Object.keys(probe);
}

/** The patch that turns `from` into `to`; an empty patch when they are the same object. */
export function diffDesigns(from: Design, to: Design): DesignPatch {
  if (from === to) return {};
  return diffObjects(from as unknown as Plain, to as unknown as Plain, 0) ?? {};
}

export type PatchResult = { ok: true; design: Design } | { ok: false; message: string };

class DamagedPatch extends Error {}

function keyList(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((key) => typeof key === 'string')) throw new DamagedPatch(`${what} is not a list of keys`);
  return value as string[];
}

function checkKey(key: string): void {
  // A patch never needs it, and assigning it would change an object's prototype.
  if (key === '__proto__') throw new DamagedPatch('a patch names "__proto__"');
}

function applyObject(source: Plain, patch: unknown, depth: number): Plain {
  if (!isObject(patch)) throw new DamagedPatch('a patch is not an object');
  const { set, nested, remove, order } = patch as KeyedPatch;
  if (set !== undefined && !isObject(set)) throw new DamagedPatch('"set" is not an object');
  if (nested !== undefined && (!isObject(nested) || depth >= elementDepth)) throw new DamagedPatch('"nested" is misplaced');
  const removed = new Set(keyList(remove, '"remove"'));
  const result: Plain = {};
  const targetValue = (key: string): unknown => {
    if (set && Object.hasOwn(set, key)) return set[key];
    if (nested && Object.hasOwn(nested, key)) {
      const inner = source[key];
      if (!isObject(inner)) throw new DamagedPatch(`"${key}" is patched but is not an object`);
      return applyObject(inner, nested[key], depth + 1);
    }
    if (Object.hasOwn(source, key)) return source[key];
    throw new DamagedPatch(`"${key}" is in the order but has no value`);
  };
  if (order !== undefined) {
    const keys = keyList(order, '"order"');
    for (const key of keys) {
      checkKey(key);
      if (removed.has(key)) throw new DamagedPatch(`"${key}" is both removed and kept`);
      result[key] = targetValue(key);
    }
    for (const key of [...Object.keys(set ?? {}), ...Object.keys(nested ?? {})])
      if (!Object.hasOwn(result, key)) throw new DamagedPatch(`"${key}" is patched but missing from the order`);
    return result;
  }
  for (const key of Object.keys(source)) if (!removed.has(key)) result[key] = targetValue(key);
  for (const key of [...Object.keys(set ?? {}), ...Object.keys(nested ?? {})]) {
    checkKey(key);
    if (removed.has(key)) throw new DamagedPatch(`"${key}" is both removed and set`);
    if (!Object.hasOwn(result, key)) result[key] = targetValue(key);
  }
  return result;
}

/**
 * Applies a patch made by `diffDesigns`. Unchanged sections and elements stay the same objects as in
 * `from`, so rebuilt designs share structure as the originals did. A damaged patch (read back from
 * storage) is refused with a reason, never thrown; the result is NOT checked as a design: whatever
 * comes from storage still goes through `parseDesign`.
 */
export function patchDesign(from: Design, patch: unknown): PatchResult {
  try {
    if (isObject(patch) && Object.keys(patch).length === 0) return { ok: true, design: from };
    return { ok: true, design: applyObject(from as unknown as Plain, patch, 0) as unknown as Design };
  } catch (error) {
    if (error instanceof DamagedPatch) return { ok: false, message: error.message };
    throw error;
  }
}

/** A rough size of a patch (values it carries), for keeping a stored history within a budget. */
export function patchWeight(patch: DesignPatch): number {
  let weight = 1;
  if (patch.set) weight += Object.keys(patch.set).length;
  if (patch.remove) weight += patch.remove.length;
  if (patch.order) weight += patch.order.length / 8;
  if (patch.nested) for (const inner of Object.values(patch.nested)) weight += patchWeight(inner);
  return weight;
}
