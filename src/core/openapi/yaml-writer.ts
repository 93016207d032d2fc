import { type JsonValue, shortTag } from '../model';
import { intrinsicArgument, isMarkedShortForm } from './cfn-tags';

/**
 * Writes JSON data as block-style YAML that YAML 1.1 and 1.2 readers read back as the same data.
 *
 * Why not the `yaml` package's `stringify`, which wrote exports before: it builds a whole document of
 * nodes first, and took about 250 ms for the megabyte an export of 1,000 operations is (js-yaml's
 * `dump`, about 130 ms). Exported data is only maps, lists, strings, numbers, booleans and null, so the
 * writer is one pass, like `JSON.stringify` (about 20 ms), and the tests check it against both readers
 * (`yaml` in 1.1 and 1.2 mode, js-yaml) on generated data, tricky strings and the whole corpus.
 *
 * The style: two-space indentation, lists indented under their key, keys in the data's order, no line
 * folding; multi-line strings (mapping templates) as literal block scalars (`|`); strings plain where
 * no reader could take them for anything else (numbers, booleans and nulls in YAML 1.1 too: `yes`,
 * `on`, `0o17`, `12:30`, `2001-12-14` are quoted), otherwise double-quoted with JSON's escapes.
 * CloudFormation intrinsics are written in their long form (`Fn::Sub:`), except those the exporter
 * marked (`markShortForms`: the document read had them so), which get their short tag (`!Sub …`).
 */
export function writeYaml(value: JsonValue): string {
  const out: string[] = [];
  // A document that is one string is written on one line (a block scalar at the top level has no parent to indent from).
  if (typeof value === 'string') out.push(scalarText(value));
  else if (!isFilledCollection(value)) out.push(inlineValue(value, 0));
  else if (Array.isArray(value)) writeSequence(value, 0, out);
  else writeMapping(value, 0, out);
  return `${out.join('\n')}\n`;
}

type JsonObject = { [key: string]: JsonValue };

/** A list or mapping with something in it: written on lines of its own (anything else fits after `key:` or `- `). */
function isFilledCollection(value: JsonValue): value is JsonValue[] | JsonObject {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const _ in value) return true;
  return false;
}

const spaces = (count: number) => ' '.repeat(count);

/** A scalar or empty collection written after `key:` or `- ` (a block scalar continues on the next lines, `indent` deeper). */
function inlineValue(value: JsonValue, indent: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return stringText(value, indent);
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return Array.isArray(value) ? '[]' : '{}';
  }
}

function writeMapping(map: JsonObject, indent: number, out: string[]): void {
  const pad = spaces(indent);
  for (const key of Object.keys(map)) {
    const value = map[key] as JsonValue;
    const keyText = scalarText(key);
    // An implicit key is at most 1,024 characters (YAML 1.2 §7.4); a longer one is written explicitly.
    const head = keyText.length > 1000 ? `${pad}? ${keyText}\n${pad}:` : `${pad}${keyText}:`;
    const tagged = shortFormOf(value);
    if (tagged) {
      if (!isFilledCollection(tagged.argument)) out.push(`${head} ${tagged.tag} ${inlineValue(tagged.argument, indent + 2)}`);
      else {
        out.push(`${head} ${tagged.tag}`);
        writeCollection(tagged.argument, indent + 2, out);
      }
    } else if (!isFilledCollection(value)) out.push(`${head} ${inlineValue(value, indent + 2)}`);
    else {
      out.push(head);
      if (Array.isArray(value)) writeSequence(value, indent + 2, out);
      else writeMapping(value, indent + 2, out);
    }
  }
}

function writeSequence(list: JsonValue[], indent: number, out: string[]): void {
  const pad = spaces(indent);
  for (const item of list) {
    const tagged = shortFormOf(item);
    if (tagged) {
      if (!isFilledCollection(tagged.argument)) out.push(`${pad}- ${tagged.tag} ${inlineValue(tagged.argument, indent + 2)}`);
      else {
        out.push(`${pad}- ${tagged.tag}`);
        writeCollection(tagged.argument, indent + 2, out);
      }
      continue;
    }
    if (!isFilledCollection(item)) {
      out.push(`${pad}- ${inlineValue(item, indent + 2)}`);
      continue;
    }
    // A collection in a list starts on the dash's line: written two deeper, its first line's indentation becomes "- ".
    const first = out.length;
    if (Array.isArray(item)) writeSequence(item, indent + 2, out);
    else writeMapping(item, indent + 2, out);
    out[first] = `${pad}- ${(out[first] as string).slice(indent + 2)}`;
  }
}

function writeCollection(value: JsonValue[] | JsonObject, indent: number, out: string[]): void {
  if (Array.isArray(value)) writeSequence(value, indent, out);
  else writeMapping(value, indent, out);
}

/**
 * A marked intrinsic as its short tag and the node the tag goes on; undefined for anything else. A YAML
 * node has one tag, so an intrinsic whose argument is itself written short (`!Base64 !Sub …`) stays
 * long, as does one whose argument is a number, a flag or null (a tagged scalar reads as text);
 * `!GetAtt Resource.Attribute` is the scalar form when the resource name has no dot to split at.
 */
function shortFormOf(value: JsonValue): { tag: string; argument: JsonValue } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isMarkedShortForm(value)) return undefined;
  const { key, argument } = intrinsicArgument(value);
  // A tagged scalar is read as text (`!Ref null` is "null"), so a number, flag or null argument stays long.
  if (shortFormOf(argument) || argument === null || typeof argument === 'number' || typeof argument === 'boolean') return undefined;
  if (
    key === 'Fn::GetAtt' &&
    Array.isArray(argument) &&
    argument.length === 2 &&
    typeof argument[0] === 'string' &&
    typeof argument[1] === 'string' &&
    !argument[0].includes('.')
  )
    return { tag: shortTag(key), argument: `${argument[0]}.${argument[1]}` };
  // `!GetAtt text` reads as a list (split at its first dot): a text argument stays long.
  if (key === 'Fn::GetAtt' && typeof argument === 'string') return undefined;
  return { tag: shortTag(key), argument };
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  // YAML 1.1 reads `1e+21` as a string; `1.0e+21` is a float to every reader.
  return /e/.test(text) && !text.includes('.') ? text.replace('e', '.0e') : text;
}

/** Characters no plain scalar may hold: control characters, YAML 1.1's extra line breaks, a byte-order mark, lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Characters a literal block may not hold (tabs and line feeds it may). */
const unprintableInBlock =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A first character that means something else in YAML: an indicator, or whitespace. */
const indicatorStart = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/**
 * Plain text some reader would take for something other than a string: numbers of every YAML 1.1 and
 * 1.2 form (decimal, octal, hex, binary, sexagesimal, `.5`, `.inf`, `.nan`), timestamps, booleans and
 * nulls of YAML 1.1 (`y`, `on`, `No`, `~`…), the merge key and the value key.
 */
const ambiguous = /^[-+]?[.0-9]|^(?:y|n|yes|no|true|false|on|off|null|~|<<|=)$/i;

/** Can `text` be written as a plain scalar that every reader reads back as this string? */
function isPlainSafe(text: string): boolean {
  if (text === '' || indicatorStart.test(text) || /\s$/.test(text)) return false;
  if (ambiguous.test(text) || unprintable.test(text)) return false;
  // `: ` ends a key and ` #` starts a comment; a final `:` reads as a key.
  return !/:(?:\s|$)|\s#/.test(text);
}

/** JSON's escapes are YAML's; a few more characters are escaped so that no reader takes them for line breaks or strips them. */
function doubleQuoted(text: string): string {
  const json = JSON.stringify(text);
  return /[\u007f-\u009f\u2028\u2029\ufeff]/.test(json)
    ? json.replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

/** A key, or a one-line string. */
function scalarText(text: string): string {
  return isPlainSafe(text) ? text : doubleQuoted(text);
}

/** A string value: a literal block scalar when it spans lines and a block can hold it exactly, else one line. */
function stringText(text: string, indent: number): string {
  if (!text.includes('\n')) return scalarText(text);
  const lines = text.split('\n');
  // Chomping: `|` keeps one final line feed, `|-` none, `|+` all of them.
  const trailing = text.endsWith('\n\n') ? '+' : text.endsWith('\n') ? '' : '-';
  const content = trailing === '-' ? lines : lines.slice(0, -1);
  // Blocks cannot hold some characters, nor lines of only spaces (readers disagree on them), nor nothing but empty lines.
  if (unprintableInBlock.test(text) || content.every((line) => line === '') || content.some((line) => line !== '' && /^[ \t]*$/.test(line)))
    return doubleQuoted(text);
  // When the first line with text starts with a space, the block says its indentation (two more than its parent).
  const firstText = content.find((line) => line !== '') as string;
  const indicator = /^[ \t]/.test(firstText) ? '2' : '';
  const pad = spaces(indent);
  const body = content.map((line) => (line === '' ? '' : pad + line)).join('\n');
  return `|${indicator}${trailing}\n${body}`;
}
