import { TemplateRuntimeError } from './template-errors';
import { fromJson, javaString, markOpaque } from './template-values';

/**
 * `$util`: the six functions of the developer guide's `$util` table (api-gateway-mapping-template-reference.md),
 * with the Java behaviour behind them. Nothing else is callable on it.
 */
const utilObjects = new WeakSet<object>();

export function createUtil(): object {
  const util = markOpaque(Object.create(null) as object);
  utilObjects.add(util);
  return util;
}

export function isUtil(value: unknown): boolean {
  return typeof value === 'object' && value !== null && utilObjects.has(value);
}

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/**
 * Escapes a string with JavaScript string rules, as Apache Commons Lang's `escapeJavaScript` does: `'` as
 * `\'` (the guide warns this is not valid JSON, and shows `.replaceAll("\\'","'")` to undo it), `"`, `\`
 * and `/` with a backslash, `\b \t \n \f \r`, other control characters and every character above U+007E
 * as `\uXXXX` (upper-case hex, one per UTF-16 unit).
 */
export function escapeJavaScript(text: string): string {
  let escaped = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const char = text[index] as string;
    if (code > 0x7f) escaped += `\\u${hex(code, 4)}`;
    else if (code < 32) {
      const named: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
      escaped += named[code] ?? `\\u${hex(code, 4)}`;
    } else if (char === "'" || char === '"' || char === '\\' || char === '/') escaped += `\\${char}`;
    else escaped += char;
  }
  return escaped;
}

function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Java's `URLEncoder.encode(s, "UTF-8")` ("application/x-www-form-urlencoded", as the guide says): letters,
 * digits and `.-*_` stay, a space becomes `+`, every other byte of the UTF-8 encoding becomes `%XX`.
 */
export function urlEncode(text: string): string {
  let encoded = '';
  for (const byte of utf8Bytes(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9.*_-]/.test(char)) encoded += char;
    else if (char === ' ') encoded += '+';
    else encoded += `%${hex(byte, 2)}`;
  }
  return encoded;
}

/** Java's `URLDecoder.decode(s, "UTF-8")`: `+` is a space, `%XX` a byte; a broken `%` escape is an error, as in Java. */
export function urlDecode(text: string): string {
  const bytes: number[] = [];
  let decoded = '';
  const flush = () => {
    if (bytes.length > 0) decoded += new TextDecoder().decode(new Uint8Array(bytes));
    bytes.length = 0;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '%') {
      const pair = text.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(pair))
        throw new TemplateRuntimeError(`$util.urlDecode: "%${pair}" at character ${index + 1} is not a %XX escape`);
      bytes.push(Number.parseInt(pair, 16));
      index += 2;
      continue;
    }
    flush();
    decoded += char === '+' ? ' ' : char;
  }
  flush();
  return decoded;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 (standard alphabet, padded) of the string's UTF-8 bytes. */
export function base64Encode(text: string): string {
  const bytes = utf8Bytes(text);
  let encoded = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[index], bytes[index + 1], bytes[index + 2]];
    const chunk = (a << 16) | (b << 8) | c;
    const count = Math.min(3, bytes.length - index);
    for (let position = 0; position < 4; position += 1)
      encoded += position <= count ? base64Alphabet[(chunk >> (18 - position * 6)) & 63] : '=';
  }
  return encoded;
}

/** The string whose UTF-8 bytes the Base64 text holds; text that is not Base64 is an error. */
export function base64Decode(text: string): string {
  const clean = text.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1)
    throw new TemplateRuntimeError('$util.base64Decode: the text is not Base64');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean.replace(/=+$/, '')) {
    buffer = (buffer << 6) | base64Alphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export interface UtilScope {
  maxJsonDepth: number;
}

/** The argument of a `$util` function as a string; null gives null back (Commons Lang returns null for null). */
function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : javaString(value);
}

export type UtilOutcome = { found: true; value: unknown } | { found: false };

export function callUtil(name: string, args: unknown[], scope: UtilScope): UtilOutcome {
  if (args.length !== 1) return { found: false };
  const text = textOf(args[0]);
  const apply = (fn: (input: string) => unknown): UtilOutcome => ({ found: true, value: text === undefined ? undefined : fn(text) });
  switch (name) {
    case 'escapeJavaScript':
      return apply(escapeJavaScript);
    case 'urlEncode':
      return apply(urlEncode);
    case 'urlDecode':
      return apply(urlDecode);
    case 'base64Encode':
      return apply(base64Encode);
    case 'base64Decode':
      return apply(base64Decode);
    case 'parseJson':
      return apply((input) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(input);
        } catch (error) {
          throw new TemplateRuntimeError(`$util.parseJson: the text is not JSON (${(error as Error).message})`);
        }
        return fromJson(parsed, scope.maxJsonDepth);
      });
    default:
      return { found: false };
  }
}
