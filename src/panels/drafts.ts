import type { JsonObject } from '../core/model';

/**
 * Pure parsing of what people type into panel fields. A draft either becomes a value an operation can
 * take, or a message shown under the field; nothing here touches the design.
 */
export type Draft<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number field: empty means "not set" when the field is optional. */
export function parseNumberDraft(text: string, optional: boolean): Draft<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { ok: true, value: undefined } : { ok: false, message: 'Enter a number.' };
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return { ok: false, message: `"${trimmed}" is not a number.` };
  return { ok: true, value: Number(trimmed) };
}

/** A comma- or line-separated list (tags, media types, scopes); blanks dropped. */
export function parseListDraft(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function formatList(items: readonly string[]): string {
  return items.join(', ');
}

/** A JSON object typed in a text area; empty means "none" when optional. */
export function parseJsonObjectDraft(text: string, optional: boolean): Draft<JsonObject | undefined> {
  if (text.trim() === '') return optional ? { ok: true, value: undefined } : { ok: false, message: 'Enter a JSON object.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: 'Enter a JSON object ({ … }).' };
  return { ok: true, value: parsed as JsonObject };
}

export function formatJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

export interface KeyValueRow {
  key: string;
  value: string;
}

/** Rows of a key/value editor as a record; rows with an empty key are still being typed and left out. */
export function recordFromRows(rows: readonly KeyValueRow[], what = 'name'): Draft<Record<string, string>> {
  const record: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '') continue;
    if (Object.hasOwn(record, key)) return { ok: false, message: `The ${what} "${key}" is listed twice.` };
    record[key] = row.value;
  }
  return { ok: true, value: record };
}
