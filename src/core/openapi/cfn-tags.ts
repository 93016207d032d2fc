import type { JsonObject, JsonValue } from '../model';

/**
 * CloudFormation's short-form intrinsic functions, as SAM templates and `AWS::Include`d OpenAPI bodies
 * write them (`!Sub "arn:…"`, `!GetAtt Fn.Arn`). The long form is `{"Fn::Sub": …}`; `!Ref` and
 * `!Condition` have no `Fn::` prefix.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export const cfnShortTags = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'Base64',
  'Cidr',
  'Length',
  'ToJsonString',
  'Transform',
] as const;

/** The long-form key of a short tag (`!Sub` → `Fn::Sub`, `!Ref` → `Ref`). */
export function longFormKey(shortTag: string): string {
  const name = shortTag.replace(/^!/, '');
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * The long form of a short-tagged value. `!GetAtt Resource.Attribute` is the one short form whose
 * scalar differs from its long form: CloudFormation reads it as `["Resource", "Attribute"]`.
 */
export function longForm(shortTag: string, value: JsonValue): JsonObject {
  const key = longFormKey(shortTag);
  if (key === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value };
}

const intrinsicKeys = new Set([
  'Ref',
  'Condition',
  ...cfnShortTags.filter((tag) => tag !== 'Ref' && tag !== 'Condition').map((tag) => `Fn::${tag}`),
]);

/** Whether a value is one CloudFormation intrinsic function call (`{"Fn::Sub": …}`, `{"Ref": …}`). */
export function isIntrinsic(value: JsonValue | undefined): value is JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && intrinsicKeys.has(keys[0] as string);
}

/** The template string of an `Fn::Sub` (both `"…"` and `["…", {vars}]` forms), or of a plain string. */
export function substitutionTemplate(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (!isIntrinsic(value) || !Object.hasOwn(value, 'Fn::Sub')) return undefined;
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  return undefined;
}

/** A short human-readable text for a value that may be an intrinsic (for names and labels only). */
export function readableText(value: JsonValue | undefined): string {
  if (typeof value === 'string') return value;
  const template = substitutionTemplate(value);
  if (template !== undefined) return template;
  if (isIntrinsic(value)) {
    const [key, argument] = Object.entries(value)[0] as [string, JsonValue];
    if (key === 'Ref' && typeof argument === 'string') return argument;
    if (key === 'Fn::GetAtt' && Array.isArray(argument)) return argument.filter((part) => typeof part === 'string').join('.');
    if (key === 'Fn::ImportValue') return readableText(argument);
    return key;
  }
  return JSON.stringify(value ?? null);
}
