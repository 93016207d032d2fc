import { isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { cloneJson, own, setOwn } from '../json-access';

/**
 * `x-amazon-apigateway-tag-value` (HTTP APIs): on a root-level Tag object, the AWS tag `name` = value.
 * A tag without it is an AWS tag with the empty value.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-openapi-extensions-x-amazon-apigateway-tag-value.html
 */
export const tagValueKey = 'x-amazon-apigateway-tag-value';

export interface TagsReading {
  tags: Record<string, string>;
  /** The Tag objects without their tag values, when they carry more than a name (descriptions…). */
  details?: JsonObject[];
  notes: string[];
}

export function readHttpApiTags(value: JsonValue): TagsReading | undefined {
  if (!Array.isArray(value)) return undefined;
  const tags: Record<string, string> = {};
  const details: JsonObject[] = [];
  const notes: string[] = [];
  let detailed = false;
  for (const entry of value) {
    if (!isJsonObject(entry) || typeof own(entry, 'name') !== 'string') return undefined;
    const name = own(entry, 'name') as string;
    const tagValue = own(entry, tagValueKey);
    if (tagValue !== undefined && typeof tagValue !== 'string') return undefined;
    if (Object.hasOwn(tags, name)) notes.push(`The tag "${name}" appears twice; the last value is kept.`);
    tags[name] = tagValue ?? '';
    const detail: JsonObject = {};
    for (const [key, item] of Object.entries(entry)) if (key !== tagValueKey) setOwn(detail, key, cloneJson(item));
    if (Object.keys(detail).length > 1) detailed = true;
    details.push(detail);
  }
  return detailed ? { tags, details, notes } : { tags, notes };
}

export function writeHttpApiTags(tags: Record<string, string>, details: JsonValue | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  const written = new Set<string>();
  const withValue = (entry: JsonObject, name: string): JsonObject => {
    const value = tags[name] ?? '';
    return value === '' ? entry : { ...entry, [tagValueKey]: value };
  };
  if (Array.isArray(details))
    for (const detail of details) {
      if (!isJsonObject(detail)) continue;
      const name = own(detail, 'name');
      if (typeof name !== 'string' || !Object.hasOwn(tags, name) || written.has(name)) continue;
      written.add(name);
      out.push(withValue(cloneJson(detail), name));
    }
  for (const name of Object.keys(tags)) if (!written.has(name)) out.push(withValue({ name }, name));
  return out;
}
