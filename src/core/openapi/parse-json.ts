import type { JsonObject, JsonValue } from '../model';
import { type DuplicateKey, duplicateKeyWarning } from './duplicate-keys';
import { lineIndex } from './line-index';
import { lineColumnAt } from './text-position';

export interface JsonParseWarning {
  message: string;
  line: number;
  column: number;
  /** Where the warning is about, for duplicate keys: `paths./pets.get.responses`. */
  path?: string;
  rule?: string;
}

export type JsonParseResult =
  | { ok: true; value: JsonValue; warnings: JsonParseWarning[] }
  | { ok: false; message: string; line: number; column: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Frame = { kind: 'object'; value: JsonObject; key: string; keyOffsets: Map<string, number[]> } | { kind: 'array'; value: JsonValue[] };

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function describeCharacter(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the document';
  const char = text[offset] as string;
  const code = char.charCodeAt(0);
  if (code < 32) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${char}"`;
}

/**
 * JSON text to data, for untrusted documents: `JSON.parse` (fast), then one scan of the text that
 * `JSON.parse` cannot do: the key `__proto__` (which would change an object's prototype in later
 * copies), nesting depth, integers too large to hold exactly, and keys written twice. A key written
 * twice is read as API Gateway reads it, the last one winning (as `JSON.parse` does), with a warning
 * naming every line; the strict parser below reads such a document, as it knows where each key is.
 * When the text is not JSON, the strict parser says where, as a line and column in every browser
 * (JSON.parse's messages differ between engines).
 */
export function parseJson(text: string, maxDepth: number): JsonParseResult {
  // The scan runs first: JSON.parse itself takes seconds on a million nested brackets.
  const scanned = scanJson(text, maxDepth);
  if (!scanned.ok && scanned.depth) return { ok: false, message: scanned.message, line: scanned.line, column: scanned.column };
  if (scanned.ok && scanned.duplicates) return parseJsonStrict(text, maxDepth);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    // Not JSON: the strict parser says where.
    return parseJsonStrict(text, maxDepth);
  }
  if (!scanned.ok) return { ok: false, message: scanned.message, line: scanned.line, column: scanned.column };
  return { ok: true, value, warnings: scanned.warnings };
}

/** Strings (keys when a colon follows), brackets, and integers of 16 digits or more; everything else is skipped by the regex engine. */
const tokenPattern = /"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|[{}[\]]|(?<![0-9.eE+-])-?[0-9]{16,}(?![0-9.eE])/g;

type ScanResult =
  | { ok: true; warnings: JsonParseWarning[]; duplicates: boolean }
  | { ok: false; depth: boolean; message: string; line: number; column: number };

function scanJson(text: string, maxDepth: number): ScanResult {
  const warnings: JsonParseWarning[] = [];
  let duplicates = false;
  /** Keys of each open object (null for an array). */
  const stack: (string[] | Set<string> | null)[] = [];
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match !== null; match = tokenPattern.exec(text)) {
    const token = match[0];
    const first = token.charCodeAt(0);
    if (first === 123 || first === 91) {
      if (stack.length >= maxDepth)
        return {
          ok: false,
          depth: true,
          message: `The document is nested more than ${maxDepth} levels deep.`,
          ...lineColumnAt(text, match.index),
        };
      stack.push(first === 123 ? [] : null);
    } else if (first === 125 || first === 93) stack.pop();
    else if (first === 34) {
      if (match[1] === undefined) continue;
      const raw = token.slice(0, token.length - match[1].length);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (key === '__proto__')
        return {
          ok: false,
          depth: false,
          message: 'The key "__proto__" cannot be imported safely: rename or remove it.',
          ...lineColumnAt(text, match.index),
        };
      const keys = stack[stack.length - 1];
      if (!keys) continue;
      const seen = Array.isArray(keys) ? keys.includes(key) : keys.has(key);
      if (seen) {
        // The strict parser reads the document again and names each duplicate with its lines.
        duplicates = true;
        continue;
      }
      if (Array.isArray(keys)) {
        keys.push(key);
        // Small objects are checked by scanning a list; big ones switch to a set.
        if (keys.length > 16) stack[stack.length - 1] = new Set(keys);
      } else keys.add(key);
    } else {
      const number = Number(token);
      if (!Number.isSafeInteger(number))
        warnings.push({
          message: `The number ${token} is larger than JavaScript can hold exactly; it was read as ${number}.`,
          ...lineColumnAt(text, match.index),
        });
    }
  }
  return { ok: true, warnings, duplicates };
}

/**
 * A strict JSON parser that reports where the text is wrong, refuses `__proto__`, reads a key written
 * twice as the last one (with a warning naming its lines), and limits nesting without recursion, so
 * that `[[[[…` a million levels deep is refused quickly.
 */
export function parseJsonStrict(text: string, maxDepth: number): JsonParseResult {
  const warnings: JsonParseWarning[] = [];
  const duplicates: { path: (string | number)[]; offsets: number[] }[] = [];
  let index = 0;
  const length = text.length;

  const skipWhitespace = () => {
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === 32 || code === 10 || code === 13 || code === 9) index += 1;
      else break;
    }
  };

  const readString = (): string => {
    // index is at the opening quote.
    const start = index + 1;
    let position = start;
    let chunkStart = start;
    let result = '';
    while (true) {
      if (position >= length) throw new JsonSyntaxError('A string is not closed: add the missing ".', index);
      const code = text.charCodeAt(position);
      if (code === 34) {
        result += text.slice(chunkStart, position);
        index = position + 1;
        return result;
      }
      if (code === 92) {
        result += text.slice(chunkStart, position);
        const escaped = text.charCodeAt(position + 1);
        switch (escaped) {
          case 34:
            result += '"';
            break;
          case 92:
            result += '\\';
            break;
          case 47:
            result += '/';
            break;
          case 98:
            result += '\b';
            break;
          case 102:
            result += '\f';
            break;
          case 110:
            result += '\n';
            break;
          case 114:
            result += '\r';
            break;
          case 116:
            result += '\t';
            break;
          case 117: {
            const hex = text.slice(position + 2, position + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('"\\u" must be followed by four hexadecimal digits.', position);
            result += String.fromCharCode(Number.parseInt(hex, 16));
            position += 4;
            break;
          }
          default:
            throw new JsonSyntaxError(`"\\${text[position + 1] ?? ''}" is not a JSON escape sequence.`, position);
        }
        position += 2;
        chunkStart = position;
        continue;
      }
      if (code < 32)
        throw new JsonSyntaxError(`A string contains ${describeCharacter(text, position)}: write it as an escape such as \\n.`, position);
      position += 1;
    }
  };

  const readScalar = (): JsonValue => {
    const code = text.charCodeAt(index);
    if (code === 34) return readString();
    if (code === 116 && text.startsWith('true', index)) {
      index += 4;
      return true;
    }
    if (code === 102 && text.startsWith('false', index)) {
      index += 5;
      return false;
    }
    if (code === 110 && text.startsWith('null', index)) {
      index += 4;
      return null;
    }
    if (code === 45 || (code >= 48 && code <= 57)) {
      numberPattern.lastIndex = index;
      const match = numberPattern.exec(text);
      if (!match) throw new JsonSyntaxError(`${describeCharacter(text, index + 1)} cannot follow "-" in a number.`, index + 1);
      const literal = match[0];
      const value = Number(literal);
      if (!Number.isFinite(value)) throw new JsonSyntaxError(`The number ${literal.slice(0, 40)} is too large.`, index);
      if (Number.isInteger(value) && !Number.isSafeInteger(value) && /^-?[0-9]+$/.test(literal))
        warnings.push({
          message: `The number ${literal} is larger than JavaScript can hold exactly; it was read as ${value}.`,
          ...lineColumnAt(text, index),
        });
      index += literal.length;
      return value;
    }
    if (text.startsWith('NaN', index) || text.startsWith('Infinity', index))
      throw new JsonSyntaxError('NaN and Infinity are not JSON numbers.', index);
    throw new JsonSyntaxError(
      `Expected a value (text in quotes, a number, true, false, null, { or [) but found ${describeCharacter(text, index)}.`,
      index,
    );
  };

  const stack: Frame[] = [];
  let root: JsonValue | undefined;

  try {
    skipWhitespace();
    if (index >= length) throw new JsonSyntaxError('The document is empty.', index);
    // Each turn reads one value (opening containers as it goes), then the punctuation after it.
    while (true) {
      skipWhitespace();
      if (index >= length) throw new JsonSyntaxError('The document ends too early: a value is missing.', index);
      let value: JsonValue;
      let opened = false;
      const code = text.charCodeAt(index);
      if (code === 123 || code === 91) {
        if (stack.length >= maxDepth) throw new JsonSyntaxError(`The document is nested more than ${maxDepth} levels deep.`, index);
        index += 1;
        skipWhitespace();
        if (code === 123) {
          const object: JsonObject = {};
          value = object;
          if (text.charCodeAt(index) === 125) index += 1;
          else {
            const frame: Frame = { kind: 'object', value: object, key: '', keyOffsets: new Map() };
            stack.push(frame);
            frame.key = readKey(frame);
            opened = true;
          }
        } else {
          const array: JsonValue[] = [];
          value = array;
          if (text.charCodeAt(index) === 93) index += 1;
          else {
            stack.push({ kind: 'array', value: array });
            opened = true;
          }
        }
        if (opened) continue;
      } else value = readScalar();

      // Attach the finished value and close every container that ends here.
      let finished: JsonValue = value;
      while (true) {
        const parent = stack[stack.length - 1];
        if (!parent) {
          root = finished;
          break;
        }
        if (parent.kind === 'object') parent.value[parent.key] = finished;
        else parent.value.push(finished);
        skipWhitespace();
        const next = text.charCodeAt(index);
        const close = parent.kind === 'object' ? 125 : 93;
        if (next === 44) {
          index += 1;
          skipWhitespace();
          if (parent.kind === 'object') parent.key = readKey(parent);
          else if (text.charCodeAt(index) === 93) throw new JsonSyntaxError('A list ends with a comma: remove the last ",".', index);
          break;
        }
        if (next === close) {
          index += 1;
          if (parent.kind === 'object') noteDuplicates(parent);
          stack.pop();
          finished = parent.value;
          continue;
        }
        if (index >= length)
          throw new JsonSyntaxError(`The document ends too early: a ${parent.kind === 'object' ? '}' : ']'} is missing.`, index);
        throw new JsonSyntaxError(
          `Expected "," or "${parent.kind === 'object' ? '}' : ']'}" after a ${parent.kind === 'object' ? 'property value' : 'list item'} but found ${describeCharacter(text, index)}.`,
          index,
        );
      }
      if (root !== undefined) break;
    }
    skipWhitespace();
    if (index < length)
      throw new JsonSyntaxError(
        `Unexpected ${describeCharacter(text, index)} after the end of the document (is there a second document?).`,
        index,
      );
    if (duplicates.length > 0) {
      const position = lineIndex(text);
      for (const duplicate of duplicates) {
        const found: DuplicateKey = { path: duplicate.path, positions: duplicate.offsets.map(position) };
        warnings.push(duplicateKeyWarning(found));
      }
      warnings.sort((a, b) => a.line - b.line || a.column - b.column);
    }
    return { ok: true, value: root, warnings };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, ...lineColumnAt(text, error.offset) };
    throw error;
  }

  /** The duplicates of an object that is complete, with their location (the keys and list indices above them). */
  function noteDuplicates(frame: Extract<Frame, { kind: 'object' }>): void {
    for (const [key, offsets] of frame.keyOffsets) {
      if (offsets.length < 2) continue;
      const path: (string | number)[] = [];
      // The frame is still on the stack: its ancestors are below it.
      for (const above of stack) {
        if (above === frame) break;
        path.push(above.kind === 'object' ? above.key : above.value.length);
      }
      path.push(key);
      duplicates.push({ path, offsets });
    }
  }

  function readKey(frame: Extract<Frame, { kind: 'object' }>): string {
    if (index >= length) throw new JsonSyntaxError('The document ends too early: a property name and a } are missing.', index);
    if (text.charCodeAt(index) !== 34) {
      if (text.charCodeAt(index) === 125) throw new JsonSyntaxError('An object ends with a comma: remove the last ",".', index);
      throw new JsonSyntaxError(`Expected a property name in double quotes but found ${describeCharacter(text, index)}.`, index);
    }
    const keyStart = index;
    const key = readString();
    if (key === '__proto__') throw new JsonSyntaxError('The key "__proto__" cannot be imported safely: rename or remove it.', keyStart);
    const offsets = frame.keyOffsets.get(key);
    if (offsets) offsets.push(keyStart);
    else frame.keyOffsets.set(key, [keyStart]);
    skipWhitespace();
    if (text.charCodeAt(index) !== 58)
      throw new JsonSyntaxError(`Expected ":" after the property name "${key}" but found ${describeCharacter(text, index)}.`, index);
    index += 1;
    return key;
  }
}
