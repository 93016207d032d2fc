import { type Intrinsic, isIntrinsic, isJsonObject, type JsonObject, type JsonValue, readableText } from '../../model';
import { cloneJson, own, setOwn } from '../json-access';

/**
 * `x-amazon-apigateway-tag-value` (HTTP APIs): on a root-level Tag object, the AWS tag `name` = value.
 * A tag without it is an AWS tag with the empty value. A value given as a CloudFormation expression
 * (`!Ref Environment`) is kept as written (`ApiSettings.expressions.tags`); the tag holds its readable text.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-openapi-extensions-x-amazon-apigateway-tag-value.html
 */
export const tagValueKey = 'x-amazon-apigateway-tag-value';

export interface TagsReading {
  tags: Record<string, string>;
  /** The Tag objects without their tag values, when they carry more than a name (descriptions…). */
  details?: JsonObject[];
  /** Tag values given as CloudFormation expressions, by tag name. */
  expressions?: Record<string, Intrinsic>;
  notes: string[];
}

export function readHttpApiTags(value: JsonValue): TagsReading | undefined {
  if (!Array.isArray(value)) return undefined;
  const tags: Record<string, string> = {};
  const details: JsonObject[] = [];
  const notes: string[] = [];
  const expressions: Record<string, Intrinsic> = {};
  let detailed = false;
  for (const entry of value) {
    if (!isJsonObject(entry) || typeof own(entry, 'name') !== 'string') return undefined;
    const name = own(entry, 'name') as string;
    const tagValue = own(entry, tagValueKey);
    if (tagValue !== undefined && typeof tagValue !== 'string' && !isIntrinsic(tagValue)) return undefined;
    if (Object.hasOwn(tags, name)) notes.push(`The tag "${name}" appears twice; the last value is kept.`);
    tags[name] = tagValue === undefined ? '' : readableText(tagValue);
    if (isIntrinsic(tagValue)) setOwn(expressions, name, cloneJson(tagValue));
    else delete expressions[name];
    const detail: JsonObject = {};
    for (const [key, item] of Object.entries(entry)) if (key !== tagValueKey) setOwn(detail, key, cloneJson(item));
    if (Object.keys(detail).length > 1) detailed = true;
    details.push(detail);
  }
  return {
    tags,
    ...(detailed ? { details } : {}),
    ...(Object.keys(expressions).length > 0 ? { expressions } : {}),
    notes,
  };
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
