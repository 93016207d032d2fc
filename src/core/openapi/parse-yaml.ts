import {
  type Document,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
  Pair,
  parseDocument,
  Scalar,
  visit,
  type YAMLError,
  YAMLMap,
} from 'yaml';
import type { JsonValue } from '../model';
import { toPlainJson } from '../model';
import { cfnShortTags, longFormKey } from './cfn-tags';
import { type DuplicateKey, duplicateKeyWarning } from './duplicate-keys';
import { lineIndex } from './line-index';
import { lineColumnAt } from './text-position';

export interface YamlParseWarning {
  message: string;
  line?: number;
  column?: number;
  /** Where the warning is about, for duplicate keys: `paths./pets.get.responses`. */
  path?: string;
  rule?: string;
}

export type YamlParseResult =
  | { ok: true; value: JsonValue; warnings: YamlParseWarning[] }
  | { ok: false; message: string; line?: number; column?: number };

/** Aliases a document may expand; legitimate reuse stays far below, an alias bomb far above. */
export const maxAliasCount = 1000;

/**
 * Flow collections (`[[[[…`) nested this deep are refused before the `yaml` package sees them: its
 * composer recurses, and at a million levels takes seconds to report its stack overflow. Counting
 * brackets ignores quoting, so brackets inside strings count too; real documents stay far below.
 */
const maxFlowDepth = 500;

/** Parse every short tag as plain data first; `wrapIntrinsics` then turns tagged nodes into `{"Fn::…": …}`. */
const cfnTags = cfnShortTags.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: Node) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: Node) => value },
]);
const cfnTagNames = new Set(cfnShortTags.map((name) => `!${name}`));

function flowDepthProblem(text: string): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 91 || code === 123) {
      depth += 1;
      if (depth > maxFlowDepth) return index;
    } else if ((code === 93 || code === 125) && depth > 0) depth -= 1;
  }
  return undefined;
}

function friendly(error: YAMLError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  const text = first.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'The file holds more than one YAML document (separated by "---"): import one at a time.';
    case 'NON_STRING_KEY':
      return 'A mapping key is a list or a mapping; OpenAPI keys must be text.';
    case 'RESOURCE_EXHAUSTION':
      return 'The document is nested too deeply to read.';
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation; YAML indents with spaces only.';
    default:
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  }
}

function errorAt(error: YAMLError, text: string): { line?: number; column?: number } {
  const position = error.linePos?.[0];
  if (position) return { line: position.line, column: position.col };
  const offset = error.pos?.[0];
  return offset === undefined ? {} : lineColumnAt(text, offset);
}

/** The text of a plain key, as `toJS` makes it (`200:` is the key "200"). */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** A node's location from the ancestors `visit` gives: map keys and list indices. */
function locationOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  chain.forEach((item, index) => {
    if (isPair(item)) path.push(keyText(item.key) ?? '?');
    else if (isSeq(item)) path.push(item.items.indexOf(chain[index + 1] as never));
  });
  return path;
}

/**
 * One walk over the keys: where the first null key is (`~:`, `null:`, `: x`; -1 when it has no
 * position), and every key written twice in one mapping. `stringKeys` turns null keys into the text
 * `"~"`, `"null"` or `""`, which is not what the author wrote: YAML reads them as null, and OpenAPI has
 * no null keys (reliability.md §2, Y11). A key written twice is read as API Gateway reads it, the
 * last one winning (`uniqueKeys: false`, as `toJS` assigns in order), and reported. Merge keys (`<<`)
 * are not duplicates: keys next to a merge override it, as YAML says.
 */
function inspectKeys(document: Document.Parsed): { nullKey?: number; duplicates: { path: (string | number)[]; offsets: number[] }[] } {
  let nullKey: number | undefined;
  const duplicates: { path: (string | number)[]; offsets: number[] }[] = [];
  visit(document, {
    Map(_key, map, ancestors) {
      let offsets: Map<string, number[]> | undefined;
      for (const pair of map.items) {
        const key = pair.key;
        if (key === null || key === undefined) nullKey = -1;
        else if (isScalar(key) && key.type === 'PLAIN' && /^(?:~|null|Null|NULL|)$/.test(key.source ?? String(key.value)))
          nullKey = key.range?.[0] ?? -1;
        if (nullKey !== undefined) return visit.BREAK;
        const text = keyText(key);
        if (text === undefined || text === '<<') continue;
        offsets ??= new Map();
        const seen = offsets.get(text);
        const offset = isNode(key) ? (key.range?.[0] ?? 0) : 0;
        if (seen) seen.push(offset);
        else offsets.set(text, [offset]);
      }
      if (offsets && offsets.size < map.items.length)
        for (const [text, found] of offsets)
          if (found.length > 1) duplicates.push({ path: [...locationOf(ancestors, map), text], offsets: found });
      return undefined;
    },
  });
  return nullKey === undefined ? { duplicates } : { nullKey, duplicates };
}

/** Replaces each `!Sub x`-tagged node by the mapping `{Fn::Sub: x}`, so the value is plain JSON data. */
function wrapIntrinsics(document: Document.Parsed): void {
  visit(document, {
    Node(_key, node) {
      if (!node.tag || !cfnTagNames.has(node.tag)) return undefined;
      const tag = node.tag;
      node.tag = undefined;
      let inner: Node = node;
      if (tag === '!GetAtt' && isScalar(node) && typeof node.value === 'string') {
        // The short form `!GetAtt Resource.Attribute` means ["Resource", "Attribute"].
        const text = node.value;
        const dot = text.indexOf('.');
        inner = document.createNode(dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)]);
      }
      const map = new YAMLMap();
      map.items.push(new Pair(new Scalar(longFormKey(tag)), inner));
      return map;
    },
  });
}

/** The node at a JSON pointer from `toPlainJson`, for a line and column in its error. */
function offsetOfPointer(document: Document.Parsed, pointer: string): number | undefined {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = document.contents;
  for (const key of keys) {
    if (node instanceof YAMLMap) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!pair) break;
      node = key === '__proto__' ? pair.key : pair.value;
    } else if (isNode(node) && 'items' in node && Array.isArray(node.items)) node = node.items[Number(key)];
    else break;
  }
  return isNode(node) ? node.range?.[0] : undefined;
}

/**
 * YAML text to plain JSON data, configured against the parser attacks in reliability.md §2: alias
 * bombs are cut off by `maxAliasCount`, null and non-text keys are errors with a position, a key
 * written twice is read as API Gateway reads it (the last one wins) with a warning naming its lines, YAML
 * 1.1 types (`!!binary`, `!!timestamp`) stay text, only one document is read, CloudFormation short tags
 * become their long form, and the result is copied into plain objects with a depth limit (which also
 * catches a recursive alias) and without `__proto__` keys.
 */
export function parseYaml(text: string, maxDepth: number): YamlParseResult {
  const deepAt = flowDepthProblem(text);
  if (deepAt !== undefined)
    return { ok: false, message: `The document is nested more than ${maxFlowDepth} levels deep.`, ...lineColumnAt(text, deepAt) };
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      customTags: cfnTags,
      merge: true,
      // Keys written twice are found (with their lines) by `inspectKeys`; the last one wins, as in API Gateway.
      uniqueKeys: false,
      stringKeys: true,
      resolveKnownTags: false,
      prettyErrors: true,
      // Not 'silent': that level also turns off the error for a second document in the stream.
      logLevel: 'error',
    });
  } catch (error) {
    // The parser reports problems as values; an exception here is a bug in it, reported like a syntax error.
    return { ok: false, message: `The YAML could not be read: ${(error as Error).message}` };
  }
  const firstError = document.errors[0];
  if (firstError) return { ok: false, message: friendly(firstError), ...errorAt(firstError, text) };
  const warnings: YamlParseWarning[] = document.warnings.map((warning) => ({
    message:
      warning.code === 'TAG_RESOLVE_FAILED'
        ? `${warning.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}: the tag was ignored and the value kept as text.`
        : friendly(warning),
    ...errorAt(warning, text),
  }));
  const keys = inspectKeys(document);
  const nullKey = keys.nullKey;
  if (nullKey !== undefined)
    return {
      ok: false,
      message:
        'A mapping key is null (`~`, `null` or nothing before the colon), and OpenAPI keys must be text: quote it ("null") if it is meant as text.',
      ...(nullKey < 0 ? {} : lineColumnAt(text, nullKey)),
    };
  if (keys.duplicates.length > 0) {
    const position = lineIndex(text);
    for (const duplicate of keys.duplicates) {
      const found: DuplicateKey = { path: duplicate.path, positions: duplicate.offsets.map(position) };
      warnings.push(duplicateKeyWarning(found));
    }
    warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
  wrapIntrinsics(document);
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError)
      return {
        ok: false,
        message: `The document expands too many YAML aliases (more than ${maxAliasCount}): this looks like an alias bomb, so it was not read.`,
      };
    return { ok: false, message: `The YAML could not be read: ${(error as Error).message}` };
  }
  const plain = toPlainJson(raw, { maxDepth, maxNodes: 5_000_000 });
  if (!plain.ok) {
    const offset = offsetOfPointer(document, plain.path);
    return { ok: false, message: plain.message, ...(offset === undefined ? {} : lineColumnAt(text, offset)) };
  }
  return { ok: true, value: plain.value, warnings };
}
