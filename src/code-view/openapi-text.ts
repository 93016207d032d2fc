import type { JsonObject, JsonValue } from '../core/model';
import { stringifyDocument } from '../core/openapi';

/**
 * An exported OpenAPI document's text in parts: everything before the first path, each path item's
 * text, everything after the last. Joined they are exactly `stringifyDocument(document, format)` (the
 * tests check it on every corpus document), so that one path's text can be written again alone when
 * one resource or method changes, instead of the whole document (a megabyte of YAML at 1,000
 * operations).
 */
export interface OpenApiText {
  format: 'yaml' | 'json';
  prefix: string;
  suffix: string;
  /** Path keys, in document order. */
  keys: string[];
  /** Each path item's text, as `join` puts it together. */
  items: string[];
}

/** A key no document has: the skeleton's `paths` holds only it, and the text is cut around its line. */
const sentinel = '__portico_paths_placeholder__';

function indented(text: string, spaces: string): string {
  // Empty lines stay empty: that is how the YAML and JSON writers put them inside a nested block.
  return text
    .split('\n')
    .map((line) => (line === '' ? line : spaces + line))
    .join('\n');
}

/** The text of one path item, as it appears under `paths`. */
export function pathItemText(key: string, item: JsonValue, format: 'yaml' | 'json'): string {
  if (format === 'yaml') return indented(stringifyDocument({ [key]: item }, 'yaml').replace(/\n$/, ''), '  ');
  // {\n  "key": {...}\n}\n → the lines between the braces, two spaces deeper.
  const text = JSON.stringify({ [key]: item }, null, 2);
  return indented(text.slice(2, -2), '  ');
}

/** Splits a document's text into parts; undefined when it has no paths to split (then write it whole). */
export function splitOpenApiText(document: JsonObject, format: 'yaml' | 'json'): OpenApiText | undefined {
  const paths = document.paths;
  if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) return undefined;
  const keys = Object.keys(paths);
  if (keys.length === 0 || keys.includes(sentinel)) return undefined;
  const skeleton = stringifyDocument({ ...document, paths: { [sentinel]: null } }, format);
  const marker = format === 'yaml' ? `\n  ${sentinel}: null\n` : `\n    "${sentinel}": null\n`;
  const at = skeleton.indexOf(marker);
  if (at === -1 || skeleton.indexOf(marker, at + 1) !== -1) return undefined;
  return {
    format,
    prefix: skeleton.slice(0, at + 1),
    suffix: format === 'yaml' ? skeleton.slice(at + marker.length) : skeleton.slice(at + marker.length - 1),
    keys,
    items: keys.map((key) => pathItemText(key, (paths as JsonObject)[key] as JsonValue, format)),
  };
}

/** What separates two path items. */
export function itemSeparator(format: 'yaml' | 'json'): string {
  return format === 'yaml' ? '\n' : ',\n';
}

/** The whole text. */
export function joinOpenApiText(parts: OpenApiText): string {
  return parts.prefix + parts.items.join(itemSeparator(parts.format)) + (parts.format === 'yaml' ? '\n' : '') + parts.suffix;
}

/**
 * The same parts, cut out of the whole text instead of writing each path item alone (which costs the
 * YAML writer's set-up once per path: three times the whole document's time). Path items are the lines
 * at the first indentation under `paths`; undefined when the text is not laid out as expected.
 */
export function cutOpenApiText(text: string, document: JsonObject, format: 'yaml' | 'json'): OpenApiText | undefined {
  const paths = document.paths;
  if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) return undefined;
  const keys = Object.keys(paths);
  if (keys.length === 0) return undefined;
  const opening = format === 'yaml' ? '\npaths:\n' : '\n  "paths": {\n';
  const at = text.indexOf(opening);
  if (at === -1) return undefined;
  const prefixEnd = at + opening.length;
  const itemStart = format === 'yaml' ? /^ {2}[^ ]/ : /^ {4}"/;
  const starts: number[] = [];
  let sectionEnd = text.length;
  let lineStart = prefixEnd;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (format === 'yaml' ? line !== '' && line[0] !== ' ' : line.startsWith('  }')) {
      sectionEnd = lineStart;
      break;
    }
    if (itemStart.test(line)) starts.push(lineStart);
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  if (starts.length !== keys.length) return undefined;
  const separator = itemSeparator(format);
  // YAML: the section ends with the last item's line break; JSON: with the line break before `  }`.
  const itemsEnd = sectionEnd - 1;
  const items = starts.map((start, index) =>
    text.slice(start, index + 1 < starts.length ? (starts[index + 1] as number) - separator.length : itemsEnd),
  );
  return { format, prefix: text.slice(0, prefixEnd), suffix: text.slice(format === 'yaml' ? sectionEnd : itemsEnd), keys, items };
}
