import { javaMatches, javaReplace, javaSplit } from './java-regex';
import { sizeText } from './limits';
import { TemplateLimitError, TemplateRuntimeError } from './template-errors';
import { isEntry, isMap, javaString, newEntry, type TemplateMap } from './template-values';

/**
 * The methods a template may call on its values: those of the Java classes API Gateway's Velocity hands it
 * (`String`, `Integer`/`Double`, `Boolean`, `List`, `Map`, `Map.Entry`), with Java's results (`add` returns
 * `true`, `put` the previous value, an index out of range is an error). Nothing else is callable: a name
 * that is not here is not found, whatever JavaScript would have on the value (`$s.constructor`, `repeat`).
 */
export type MethodOutcome = { found: true; value: unknown } | { found: false };

export interface MethodScope {
  /** Longest string a method may build. */
  maxLength: number;
}

const notFound: MethodOutcome = { found: false };
const found = (value: unknown): MethodOutcome => ({ found: true, value });

function intArgument(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A `CharSequence` argument: strings as they are, other values as Java would print them; null is refused as Java would (NullPointerException). */
function textArgument(value: unknown, method: string): string {
  if (value === null || value === undefined) throw new TemplateRuntimeError(`${method}() was given null`);
  return typeof value === 'string' ? value : javaString(value);
}

function checkLength(text: string, scope: MethodScope): string {
  if (text.length > scope.maxLength)
    throw new TemplateLimitError(`a string would pass ${sizeText(scope.maxLength)}, API Gateway's payload limit`);
  return text;
}

/** `Object.equals` across the value kinds a template has. */
export function javaEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || left === undefined || right === null || right === undefined) return false;
  if (Array.isArray(left) && Array.isArray(right))
    return left.length === right.length && left.every((item, index) => javaEquals(item, right[index]));
  if (isMap(left) && isMap(right)) {
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && javaEquals(left[key], right[key]));
  }
  return false;
}

/** Java's `String.trim()`: removes code points up to U+0020 at both ends. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start += 1;
  while (end > start && text.charCodeAt(end - 1) <= 32) end -= 1;
  return text.slice(start, end);
}

function outOfRange(method: string, index: number, length: number, what: string): never {
  throw new TemplateRuntimeError(`${method}(${index}) is outside the ${what} (length ${length})`);
}

function stringMethod(text: string, name: string, args: unknown[], scope: MethodScope): MethodOutcome {
  const [first, second] = args;
  switch (`${name}/${args.length}`) {
    case 'length/0':
      return found(text.length);
    case 'isEmpty/0':
      return found(text.length === 0);
    case 'toString/0':
    case 'trim/0':
      return found(name === 'trim' ? javaTrim(text) : text);
    case 'toLowerCase/0':
      return found(text.toLowerCase());
    case 'toUpperCase/0':
      return found(text.toUpperCase());
    case 'contains/1':
      return found(text.includes(textArgument(first, name)));
    case 'startsWith/1':
      return found(text.startsWith(textArgument(first, name)));
    case 'startsWith/2': {
      const offset = intArgument(second);
      return offset === undefined ? notFound : found(offset >= 0 && text.startsWith(textArgument(first, name), offset));
    }
    case 'endsWith/1':
      return found(text.endsWith(textArgument(first, name)));
    case 'equals/1':
      return found(typeof first === 'string' && first === text);
    case 'equalsIgnoreCase/1':
      return found(typeof first === 'string' && first.toLowerCase() === text.toLowerCase());
    case 'indexOf/1':
    case 'lastIndexOf/1':
    case 'indexOf/2':
    case 'lastIndexOf/2': {
      const needle = typeof first === 'number' ? String.fromCharCode(first) : textArgument(first, name);
      const from = args.length === 2 ? intArgument(second) : undefined;
      if (args.length === 2 && from === undefined) return notFound;
      if (name === 'indexOf') return found(text.indexOf(needle, from ?? 0));
      return found(from === undefined ? text.lastIndexOf(needle) : from < 0 ? -1 : text.lastIndexOf(needle, from));
    }
    case 'charAt/1': {
      const index = intArgument(first);
      if (index === undefined) return notFound;
      if (index < 0 || index >= text.length) outOfRange(name, index, text.length, 'string');
      return found(text[index]);
    }
    case 'substring/1':
    case 'substring/2': {
      const begin = intArgument(first);
      const end = args.length === 2 ? intArgument(second) : text.length;
      if (begin === undefined || end === undefined) return notFound;
      if (begin < 0 || end > text.length || begin > end)
        throw new TemplateRuntimeError(`substring(${args.map(String).join(', ')}) is outside the string (length ${text.length})`);
      return found(text.slice(begin, end));
    }
    case 'concat/1':
      return found(checkLength(text + textArgument(first, name), scope));
    case 'replace/2': {
      const target = textArgument(first, name);
      const replacement = textArgument(second, name);
      if (target === '') return found(checkLength(replacement + text.split('').join(replacement) + (text ? replacement : ''), scope));
      const count = text.split(target).length - 1;
      if (text.length + count * (replacement.length - target.length) > scope.maxLength)
        throw new TemplateLimitError(
          `the replacement makes a string longer than ${sizeText(scope.maxLength)}, API Gateway's payload limit`,
        );
      return found(text.split(target).join(replacement));
    }
    case 'replaceAll/2':
    case 'replaceFirst/2':
      return found(javaReplace(text, textArgument(first, name), textArgument(second, name), name === 'replaceAll', scope.maxLength));
    case 'matches/1':
      return found(javaMatches(text, textArgument(first, name)));
    case 'split/1':
    case 'split/2': {
      const limit = args.length === 2 ? intArgument(second) : 0;
      return limit === undefined ? notFound : found(javaSplit(text, textArgument(first, name), limit));
    }
    default:
      return notFound;
  }
}

function numberMethod(value: number, name: string, args: unknown[]): MethodOutcome {
  switch (`${name}/${args.length}`) {
    case 'toString/0':
      return found(javaString(value));
    case 'intValue/0':
    case 'longValue/0':
      return found(Math.trunc(value));
    case 'doubleValue/0':
    case 'floatValue/0':
      return found(value);
    case 'equals/1':
      return found(typeof args[0] === 'number' && args[0] === value);
    default:
      return notFound;
  }
}

function booleanMethod(value: boolean, name: string, args: unknown[]): MethodOutcome {
  switch (`${name}/${args.length}`) {
    case 'toString/0':
      return found(String(value));
    case 'booleanValue/0':
      return found(value);
    case 'equals/1':
      return found(args[0] === value);
    default:
      return notFound;
  }
}

function listMethod(list: unknown[], name: string, args: unknown[]): MethodOutcome {
  const [first, second] = args;
  switch (`${name}/${args.length}`) {
    case 'size/0':
    // The developer guide shows `$input.path('$.pets').count()` (api-gateway-mapping-template-reference.md).
    case 'count/0':
      return found(list.length);
    case 'isEmpty/0':
      return found(list.length === 0);
    case 'toString/0':
      return found(javaString(list));
    case 'get/1': {
      const index = intArgument(first);
      if (index === undefined) return notFound;
      if (index < 0 || index >= list.length) outOfRange(name, index, list.length, 'list');
      return found(list[index]);
    }
    case 'contains/1':
      return found(list.some((item) => javaEquals(item, first)));
    case 'indexOf/1':
      return found(list.findIndex((item) => javaEquals(item, first)));
    case 'lastIndexOf/1':
      return found(list.findLastIndex((item) => javaEquals(item, first)));
    case 'equals/1':
      return found(javaEquals(list, first));
    case 'add/1':
      list.push(first);
      return found(true);
    case 'add/2': {
      const index = intArgument(first);
      if (index === undefined) return notFound;
      if (index < 0 || index > list.length) outOfRange(name, index, list.length, 'list');
      list.splice(index, 0, second);
      return found(undefined);
    }
    case 'addAll/1':
      if (!Array.isArray(first)) return notFound;
      list.push(...first);
      return found(first.length > 0);
    case 'set/2': {
      const index = intArgument(first);
      if (index === undefined) return notFound;
      if (index < 0 || index >= list.length) outOfRange(name, index, list.length, 'list');
      const previous = list[index];
      list[index] = second;
      return found(previous);
    }
    case 'remove/1': {
      const index = intArgument(first);
      if (index !== undefined) {
        if (index < 0 || index >= list.length) outOfRange(name, index, list.length, 'list');
        return found(list.splice(index, 1)[0]);
      }
      const at = list.findIndex((item) => javaEquals(item, first));
      if (at !== -1) list.splice(at, 1);
      return found(at !== -1);
    }
    case 'clear/0':
      list.length = 0;
      return found(undefined);
    case 'subList/2': {
      const from = intArgument(first);
      const to = intArgument(second);
      if (from === undefined || to === undefined) return notFound;
      if (from < 0 || to > list.length || from > to)
        throw new TemplateRuntimeError(`subList(${from}, ${to}) is outside the list (length ${list.length})`);
      return found(list.slice(from, to));
    }
    default:
      return notFound;
  }
}

function mapMethod(map: TemplateMap, name: string, args: unknown[]): MethodOutcome {
  const [first, second] = args;
  const has = (key: unknown): key is string => typeof key === 'string' && Object.hasOwn(map, key);
  switch (`${name}/${args.length}`) {
    case 'get/1':
      return found(has(first) ? map[first] : undefined);
    case 'getOrDefault/2':
      return found(has(first) ? map[first] : second);
    case 'containsKey/1':
      return found(has(first));
    case 'containsValue/1':
      return found(Object.keys(map).some((key) => javaEquals(map[key], first)));
    case 'keySet/0':
      return found(Object.keys(map));
    case 'values/0':
      return found(Object.keys(map).map((key) => map[key]));
    case 'entrySet/0':
      return found(Object.keys(map).map((key) => newEntry(key, map[key])));
    case 'size/0':
      return found(Object.keys(map).length);
    case 'isEmpty/0':
      return found(Object.keys(map).length === 0);
    case 'toString/0':
      return found(javaString(map));
    case 'equals/1':
      return found(javaEquals(map, first));
    case 'put/2': {
      if (typeof first !== 'string') return notFound;
      const previous = has(first) ? map[first] : undefined;
      // A key named __proto__ would be the prototype accessor on a plain object; defining it keeps it data.
      Object.defineProperty(map, first, { value: second, writable: true, enumerable: true, configurable: true });
      return found(previous);
    }
    case 'putAll/1':
      if (!isMap(first)) return notFound;
      for (const key of Object.keys(first))
        Object.defineProperty(map, key, { value: first[key], writable: true, enumerable: true, configurable: true });
      return found(undefined);
    case 'remove/1': {
      if (!has(first)) return found(undefined);
      const previous = map[first];
      delete map[first];
      return found(previous);
    }
    case 'clear/0':
      for (const key of Object.keys(map)) delete map[key];
      return found(undefined);
    default:
      return notFound;
  }
}

function entryMethod(entry: TemplateMap, name: string, args: unknown[]): MethodOutcome {
  switch (`${name}/${args.length}`) {
    case 'getKey/0':
      return found(entry.key);
    case 'getValue/0':
      return found(entry.value);
    case 'toString/0':
      return found(javaString(entry));
    default:
      return notFound;
  }
}

/** Calls `name` on a template value as Java would, or reports that the value has no such method. */
export function callJavaMethod(target: unknown, name: string, args: unknown[], scope: MethodScope): MethodOutcome {
  if (typeof target === 'string') return stringMethod(target, name, args, scope);
  if (typeof target === 'number') return numberMethod(target, name, args);
  if (typeof target === 'boolean') return booleanMethod(target, name, args);
  if (Array.isArray(target)) return listMethod(target, name, args);
  if (isEntry(target)) return entryMethod(target, name, args);
  if (isMap(target)) return mapMethod(target, name, args);
  return notFound;
}

/** How a value is named in a message: "a string", "a list". */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'a list';
  if (isEntry(value)) return 'a map entry';
  if (isMap(value)) return 'a map';
  return 'this value';
}
