import type { JsonValue } from '../model';
import { parseJson } from './parse-json';
import { parseYaml } from './parse-yaml';
import { lineColumnAt } from './text-position';
import type { ImportNote } from './types';

/**
 * Largest document accepted, in characters. API Gateway itself refuses definitions over 6 MB
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html); 10 MB leaves room for
 * documents that still carry comments or CloudFormation around them, and keeps the YAML parser
 * (about 0.4 s per MB here) within a couple of seconds.
 */
export const maxDocumentSize = 10 * 1024 * 1024;

/** Deepest nesting accepted; the real-world corpus peaks at 13 levels. */
export const maxNestingDepth = 200;

export type ParseTextResult =
  | { ok: true; value: JsonValue; format: 'json' | 'yaml'; notes: ImportNote[] }
  | { ok: false; error: { message: string; line?: number; column?: number } };

/** Characters no JSON or YAML text holds unescaped: C0 controls but tab, line feed and carriage return; U+FFFE and U+FFFF. */
const notText = /[^\t\n\r\u0020-\uFFFD]/;

function firstControlCharacter(text: string): number | undefined {
  const match = notText.exec(text);
  return match ? match.index : undefined;
}

function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A parser's warning as an import note. A warning with a location (a key written twice) names its
 * lines itself; the others get theirs appended.
 */
function noteOf(warning: { message: string; line?: number; column?: number; path?: string; rule?: string }): ImportNote {
  if (warning.path !== undefined) {
    const note: ImportNote = { message: warning.message, path: warning.path, severity: 'warning' };
    if (warning.rule !== undefined) note.rule = warning.rule;
    if (warning.line !== undefined) note.line = warning.line;
    return note;
  }
  if (warning.line === undefined) return { message: warning.message, severity: 'warning' };
  return { message: `${warning.message} (line ${warning.line}, column ${warning.column})`, severity: 'warning', line: warning.line };
}

/**
 * Untrusted text (a file, a paste, the code view) to plain JSON data, or an error a person can act on,
 * with a line and column where there is one. Never throws. JSON is read by Portico's own parser
 * (positions, keys written twice, depth); everything else by `yaml` in a locked-down configuration.
 */
export function parseText(text: string): ParseTextResult {
  if (typeof text !== 'string') return { ok: false, error: { message: 'Expected the text of an OpenAPI document.' } };
  if (text.length > maxDocumentSize)
    return {
      ok: false,
      error: {
        message: `The document is too large: ${megabytes(text.length)} (max ${maxDocumentSize / (1024 * 1024)} MB; API Gateway itself accepts at most 6 MB).`,
      },
    };
  // A byte order mark is how some editors start UTF-8 files; it is not part of the document.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Binary data (an image renamed .yaml, a zip) shows up as control characters that no JSON or YAML
  // text may hold outside an escape sequence. Tab, line feed and carriage return are text.
  const control = firstControlCharacter(body);
  if (control !== undefined) {
    const code = body.charCodeAt(control);
    // UTF-16 text read as UTF-8 has a NUL byte beside every ASCII character.
    if (
      code === 0 &&
      body.length > 3 &&
      (body.charCodeAt(0) === 0 || body.charCodeAt(1) === 0) &&
      (body.charCodeAt(2) === 0 || body.charCodeAt(3) === 0)
    )
      return { ok: false, error: { message: 'This file looks like UTF-16 text: save it as UTF-8 and import it again.' } };
    return {
      ok: false,
      error: {
        message: `This is not a text file: it contains binary data (character U+${code.toString(16).toUpperCase().padStart(4, '0')}). Import an OpenAPI document saved as JSON or YAML text.`,
        ...lineColumnAt(body, control),
      },
    };
  }
  if (body.trim().length === 0) return { ok: false, error: { message: 'The document is empty.' } };
  const replacement = body.indexOf('\uFFFD');
  const notes: ImportNote[] = [];
  if (replacement !== -1) {
    const at = lineColumnAt(body, replacement);
    notes.push({
      message: `The text contains the replacement character "\uFFFD" (line ${at.line}, column ${at.column}): the file was probably not saved as UTF-8, and some characters were lost before Portico read it.`,
      // Characters were lost before Portico read the text: data dropped.
      severity: 'error',
      rule: 'import/encoding',
      line: at.line,
    });
  }
  const first = /\S/.exec(body);
  const startsLikeJson = first !== null && (first[0] === '{' || first[0] === '[');
  if (startsLikeJson) {
    const parsed = parseJson(body, maxNestingDepth);
    if (!parsed.ok) return { ok: false, error: { message: parsed.message, line: parsed.line, column: parsed.column } };
    for (const warning of parsed.warnings) notes.push(noteOf(warning));
    return { ok: true, value: parsed.value, format: 'json', notes };
  }
  const parsed = parseYaml(body, maxNestingDepth);
  if (!parsed.ok)
    return {
      ok: false,
      error: {
        message: parsed.message,
        ...(parsed.line === undefined ? {} : { line: parsed.line }),
        ...(parsed.column === undefined ? {} : { column: parsed.column }),
      },
    };
  for (const warning of parsed.warnings) notes.push(noteOf(warning));
  return { ok: true, value: parsed.value, format: 'yaml', notes };
}
