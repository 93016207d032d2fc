import { type Document, isNode, isScalar, type Node, Pair, parseDocument, Scalar, visit, type YAMLError, YAMLMap } from 'yaml';
import type { JsonValue } from '../model';
import { toPlainJson } from '../model';
import { cfnShortTags, longFormKey } from './cfn-tags';
import { lineColumnAt } from './text-position';

export type YamlParseResult =
  | { ok: true; value: JsonValue; warnings: { message: string; line?: number; column?: number }[] }
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
    case 'DUPLICATE_KEY':
      return 'A key appears twice in one mapping (YAML requires unique keys): keep one of them.';
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

/**
 * Where the first null key is (`~:`, `null:`, `: x`), or -1 when it has no position, or undefined when
 * there is none. `stringKeys` turns such keys into the text `"~"`, `"null"` or `""`, which is not what the
 * author wrote: YAML reads them as null, and OpenAPI has no null keys (reliability.md §2, Y11).
 */
function nullKeyOffset(document: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(document, {
    Pair(_key, pair) {
      const key = pair.key;
      if (key === null || key === undefined) found = -1;
      else if (isScalar(key) && key.type === 'PLAIN' && /^(?:~|null|Null|NULL|)$/.test(key.source ?? String(key.value)))
        found = key.range?.[0] ?? -1;
      return found === undefined ? undefined : visit.BREAK;
    },
  });
  return found;
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
 * bombs are cut off by `maxAliasCount`, duplicate and non-text keys are errors with a position, YAML
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
      uniqueKeys: true,
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
  const warnings = document.warnings.map((warning) => ({
    message:
      warning.code === 'TAG_RESOLVE_FAILED'
        ? `${warning.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}: the tag was ignored and the value kept as text.`
        : friendly(warning),
    ...errorAt(warning, text),
  }));
  const nullKey = nullKeyOffset(document);
  if (nullKey !== undefined)
    return {
      ok: false,
      message:
        'A mapping key is null (`~`, `null` or nothing before the colon), and OpenAPI keys must be text: quote it ("null") if it is meant as text.',
      ...(nullKey < 0 ? {} : lineColumnAt(text, nullKey)),
    };
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
