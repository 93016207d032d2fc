import type { JsonValue } from '../model';

/**
 * Every string and number that reaches the generated program goes through this file, so that text from a
 * design (names, descriptions, mapping templates, imported documents) can never become code. The rules
 * come from reliability.md §3: a string is written with `JSON.stringify` (a valid TypeScript literal:
 * quotes, backslashes, newlines and lone surrogates are escaped; `${` and backticks mean nothing inside
 * double quotes), never inside a template literal or a comment.
 */

/**
 * Characters escaped as `\uXXXX` even though they are legal in a string literal: line and paragraph
 * separators (legal since ES2019, but they break older tools and look like line ends), C1 controls,
 * bidirectional overrides and invisible characters (Trojan Source, CVE-2021-42574: the program must
 * read the way it compiles), and the BOM.
 */
const invisible = /[\u0080-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text the CDK or CloudFormation would read as something other than text:
 * - `${Token[…]}` and `#{Token[…]}` are the CDK's token markers: synthesis looks them up and fails
 *   ("Unrecognized token key"), or, for a real key, substitutes a value;
 * - `{{resolve:…}}` is a CloudFormation dynamic reference, resolved at deploy time in any property, so a
 *   hostile description could publish a secret (reliability.md §3.2);
 * - `${AWS::…}` outside `Fn::Sub` is refused by CloudFormation's validation (rule E1029), an error under
 *   the feature flags `cdk init` sets.
 * A space after the `$`, `#` or first `{` keeps the text readable and makes it inert.
 */
const platformMarker = /([$#])(\{\s*(?:Token\[|AWS::))|(\{)(\{\s*resolve:)/gi;
/** The same without `${AWS::…}`, for `Fn::Sub` templates, where pseudo parameters are meant. */
const tokenMarker = /([$#])(\{\s*Token\[)|(\{)(\{\s*resolve:)/gi;

/**
 * A lone surrogate (half of a UTF-16 pair) cannot be written as well-formed UTF-8: CloudFormation's
 * validator refuses the template ("unexpected end of hex escape"). It becomes U+FFFD, the replacement
 * character.
 */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\ufffd');
}

/** What `neutralise` changed, so that the generator can say so in a note. */
export interface NeutralisedText {
  text: string;
  changed: boolean;
}

export function neutralise(text: string, inSubTemplate = false): NeutralisedText {
  const pattern = inSubTemplate ? tokenMarker : platformMarker;
  const formed = wellFormed(text);
  pattern.lastIndex = 0;
  if (!pattern.test(formed)) {
    if (formed === text) return { text, changed: false };
    neutralisedCount += 1;
    return { text: formed, changed: true };
  }
  const replaced = formed.replace(pattern, (_match, sign, rest, brace, resolve) => (sign ? `${sign} ${rest}` : `${brace} ${resolve}`));
  neutralisedCount += 1;
  return { text: replaced, changed: true };
}

/**
 * How many texts `neutralise` has changed so far. Generation is synchronous, so a caller compares the
 * count before and after writing a program to know whether to tell the user.
 */
let neutralisedCount = 0;

export function neutralisedSoFar(): number {
  return neutralisedCount;
}

function escapeInvisible(literal: string): string {
  return literal.replace(invisible, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A TypeScript string literal (single-quoted, as the project's style) whose runtime value is exactly `text`. Built from
 * `JSON.stringify` (which escapes backslashes, control characters and lone surrogates), then requoted:
 * every escape is kept except `\"`, which becomes a plain `"`, and every `'` is escaped. Use it for text
 * that must arrive unchanged (a path part, a key API Gateway matches); user text bound for
 * CloudFormation goes through `textLiteral`.
 */
/** Text that needs no escaping in single quotes: printable ASCII except the quote and the backslash. */
const plainText = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

export function exactLiteral(text: string): string {
  if (plainText.test(text)) return `'${text}'`;
  // Text with apostrophes but no double quotes (mapping templates: `$input.json('$')`) reads better in
  // double quotes, which JSON.stringify writes as they are.
  if (text.includes("'") && !text.includes('"')) return escapeInvisible(JSON.stringify(wellFormed(text)));
  const body = JSON.stringify(wellFormed(text))
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|[^u])|'/g, (match) => (match === "'" ? "\\'" : match === '\\"' ? '"' : match));
  return escapeInvisible(`'${body}'`);
}

/** A string literal for user text: CDK and CloudFormation markers neutralised, then written exactly. */
export function textLiteral(text: string): string {
  // Plain ASCII text holds no marker and no surrogate, and skips the scan.
  return exactLiteral(plainText.test(text) && !text.includes('{') ? text : neutralise(text).text);
}

/**
 * The CDK encodes number tokens as doubles whose top 16 bits are 0xFBFF (about -1.9e289); synthesis
 * fails on such a number in a design ("Encoded representation of unknown number Token").
 */
const numberView = new DataView(new ArrayBuffer(8));

export function isNumberTokenLike(value: number): boolean {
  // Only large negative numbers can carry that bit pattern; the cheap test keeps this off the hot path.
  if (!(value < -1e288)) return false;
  numberView.setFloat64(0, value);
  return numberView.getUint16(0) === 0xfbff;
}

/**
 * A number literal, or undefined for values that have no literal meaning to the CDK (NaN, infinities,
 * token-like doubles). Negative numbers are written with their sign and need no parentheses where this
 * generator puts them (property values, arguments, array elements).
 */
export function numberLiteral(value: number): string | undefined {
  if (!Number.isFinite(value) || isNumberTokenLike(value)) return undefined;
  return Object.is(value, -0) ? '0' : String(value);
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An object-literal key. Plain identifiers stay bare for readability; everything else is quoted, with
 * the markers `neutralise` handles made inert.
 * `__proto__` is written as a computed key: in an object literal, `__proto__: x` and even
 * `"__proto__": x` set the prototype instead of creating a property, `["__proto__"]: x` does not.
 */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${exactLiteral(key)}]`;
  // The CDK resolves tokens in keys too: a marker in a key is neutralised like one in a value.
  return plainKey.test(key) ? key : exactLiteral(key.includes('{') || !plainText.test(key) ? neutralise(key).text : key);
}

/** Hooks for `jsonLiteral`: a caller may render some values itself (intrinsics, references). */
export interface JsonLiteralHooks {
  /** Return code for the value (found under `key` in its parent), or undefined to let `jsonLiteral` write it. */
  value?: (value: JsonValue, key: string | undefined) => string | undefined;
  /** Called for numbers that cannot be written (NaN, token-like); the value is written as null. */
  onDroppedNumber?: (value: number) => void;
}

/**
 * Plain JSON data as a TypeScript expression, indented for reading. Iterative over an explicit stack, so
 * that a deeply nested document cannot overflow the call stack; strings go through `textLiteral`.
 */
export function jsonLiteral(root: JsonValue, indent: string, hooks: JsonLiteralHooks = {}): string {
  // An explicit stack of open arrays and objects instead of recursion; text is appended to one string
  // (V8 joins the pieces lazily), which keeps a document of a megabyte fast.
  interface Frame {
    value: JsonValue[] | Record<string, JsonValue>;
    keys: string[] | undefined;
    index: number;
    depth: number;
  }
  const indents: string[] = [];
  const indentOf = (depth: number): string => {
    indents[depth] ??= indent + '  '.repeat(depth);
    return indents[depth] as string;
  };
  let out = '';
  /** Writes a scalar, or opens a container (returning its frame). */
  const write = (value: JsonValue, key: string | undefined, depth: number): Frame | undefined => {
    const custom = hooks.value?.(value, key);
    if (custom !== undefined) out += custom;
    else if (value === null) out += 'null';
    else if (typeof value === 'string') out += textLiteral(value);
    else if (typeof value === 'boolean') out += value ? 'true' : 'false';
    else if (typeof value === 'number') {
      const literal = numberLiteral(value);
      if (literal === undefined) hooks.onDroppedNumber?.(value);
      out += literal ?? 'null';
    } else if (Array.isArray(value)) {
      if (value.length === 0) out += '[]';
      else {
        out += '[\n';
        return { value, keys: undefined, index: 0, depth };
      }
    } else {
      const keys = Object.keys(value);
      if (keys.length === 0) out += '{}';
      else {
        out += '{\n';
        return { value, keys, index: 0, depth };
      }
    }
    return undefined;
  };
  const stack: Frame[] = [];
  const first = write(root, undefined, 0);
  if (first) stack.push(first);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const size = frame.keys ? frame.keys.length : (frame.value as JsonValue[]).length;
    if (frame.index >= size) {
      stack.pop();
      out += indentOf(frame.depth) + (frame.keys ? '}' : ']');
      if (stack.length > 0) out += ',\n';
      continue;
    }
    const index = frame.index;
    frame.index += 1;
    const inner = indentOf(frame.depth + 1);
    let opened: Frame | undefined;
    if (frame.keys) {
      const name = frame.keys[index] as string;
      out += `${inner}${propertyKey(name)}: `;
      opened = write((frame.value as Record<string, JsonValue>)[name] as JsonValue, name, frame.depth + 1);
    } else {
      out += inner;
      opened = write((frame.value as JsonValue[])[index] as JsonValue, undefined, frame.depth + 1);
    }
    if (opened) stack.push(opened);
    else out += ',\n';
  }
  return out;
}

/**
 * Text allowed in a `//` comment: only characters that cannot end the comment or hide anything (letters,
 * digits, and the punctuation of API Gateway paths and route keys). Anything else returns undefined and
 * the caller writes no comment.
 */
export function commentText(text: string): string | undefined {
  return /^[A-Za-z0-9 _\-.,:/{}+$]*$/.test(text) && text.length <= 200 ? text : undefined;
}
