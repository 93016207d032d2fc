import type { JsonValue } from './json';

export interface PlainJsonLimits {
  /** Deepest nesting accepted. The real corpus peaks at 13; 200 leaves room for deep schemas. */
  maxDepth: number;
  /** Most values (objects, arrays, scalars) accepted. */
  maxNodes: number;
}

export const defaultPlainJsonLimits: PlainJsonLimits = { maxDepth: 200, maxNodes: 2_000_000 };

export type PlainJsonResult = { ok: true; value: JsonValue } | { ok: false; message: string; path: string };

/**
 * Copies untrusted parsed data into plain JSON, iteratively (no recursion, so deep input cannot overflow
 * the stack). Refuses `__proto__` keys, cycles, non-finite numbers and anything that is not JSON
 * (Dates, Maps, binary). Objects are built with `Object.defineProperty`-free literal assignment only
 * after the key has been checked, so the prototype can never be reached.
 */
export function toPlainJson(input: unknown, limits: PlainJsonLimits = defaultPlainJsonLimits): PlainJsonResult {
  type Frame = { source: unknown; assign: (value: JsonValue) => void; path: string; depth: number };
  let result: JsonValue = null;
  const stack: Frame[] = [
    {
      source: input,
      assign: (value) => {
        result = value;
      },
      path: '',
      depth: 0,
    },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    nodes += 1;
    if (nodes > limits.maxNodes)
      return { ok: false, message: `The document has more than ${limits.maxNodes.toLocaleString('en')} values.`, path: frame.path };
    if (frame.depth > limits.maxDepth)
      return {
        ok: false,
        message: `The document is nested more than ${limits.maxDepth} levels deep, or refers to itself.`,
        path: frame.path,
      };
    const value = frame.source;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      frame.assign(value);
      continue;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        return { ok: false, message: 'The document holds a number that is not finite (NaN or Infinity).', path: frame.path };
      frame.assign(value);
      continue;
    }
    if (typeof value !== 'object')
      return {
        ok: false,
        message: `The document holds ${typeof value === 'undefined' ? 'an undefined value' : `a ${typeof value}`}, which is not JSON data.`,
        path: frame.path,
      };
    // Shared references from YAML aliases are copied (the node budget bounds that); a reference cycle
    // never ends, so it is caught by the depth limit.
    if (Array.isArray(value)) {
      const copy: JsonValue[] = new Array(value.length);
      frame.assign(copy);
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({
          source: value[index],
          assign: (item) => {
            copy[index] = item;
          },
          path: `${frame.path}/${index}`,
          depth: frame.depth + 1,
        });
      continue;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null)
      return { ok: false, message: 'The document holds a value that is not plain JSON data.', path: frame.path };
    const copy: Record<string, JsonValue> = {};
    frame.assign(copy);
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as string;
      if (key === '__proto__')
        return {
          ok: false,
          message: 'The document has a "__proto__" key, which cannot be represented safely.',
          path: `${frame.path}/__proto__`,
        };
      stack.push({
        source: (value as Record<string, unknown>)[key],
        assign: (item) => {
          copy[key] = item;
        },
        path: `${frame.path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        depth: frame.depth + 1,
      });
    }
  }
  return { ok: true, value: result };
}
