import {
  intrinsicFunctionNames,
  intrinsicKey,
  intrinsicKeyOf,
  isIntrinsic,
  type JsonObject,
  type JsonValue,
  readableText,
  substitutionTemplate,
} from '../model';

export { isIntrinsic, readableText, substitutionTemplate };

/**
 * CloudFormation's short-form intrinsic functions, as SAM templates and `AWS::Include`d OpenAPI bodies
 * write them (`!Sub "arn:…"`, `!GetAtt Fn.Arn`). The long form is `{"Fn::Sub": …}`; `!Ref` and
 * `!Condition` have no `Fn::` prefix.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export const cfnShortTags = intrinsicFunctionNames;

/** The long-form key of a short tag (`!Sub` → `Fn::Sub`, `!Ref` → `Ref`). */
export function longFormKey(shortTag: string): string {
  return intrinsicKey(shortTag.replace(/^!/, ''));
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

/** Intrinsic calls by long-form key, counted over a whole document. */
function countIntrinsics(document: JsonValue): Map<string, number> {
  const counts = new Map<string, number>();
  const pending: JsonValue[] = [document];
  while (pending.length > 0) {
    const current = pending.pop() as JsonValue;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
      continue;
    }
    const key = intrinsicKeyOf(current);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const name in current) if (Object.hasOwn(current, name)) pending.push(current[name] as JsonValue);
  }
  return counts;
}

/**
 * A short tag where YAML allows a node's tag: at the start of a line (after the indentation), after a
 * `key: `, a `- ` or inside a flow collection; followed by a space, a line end or a flow collection.
 */
const shortTagPattern = new RegExp(`(?:^|[\\s[{,])!(${intrinsicFunctionNames.join('|')})(?=[\\s[{]|$)`, 'gm');

/**
 * The functions a YAML document wrote in their short form (`!Sub`) at least as often as in their long
 * form (`Fn::Sub:`), by long-form key: the parser reads both forms as the same data, so this is what
 * lets an export write each function back the way the document did. Counting tags in the text (rather
 * than in the parser) may count a `!Sub` inside a block of text; a JSON document has none.
 */
export function shortFormIntrinsics(text: string, document: JsonValue): string[] {
  if (/^\s*[{[]/.test(text) || !text.includes('!')) return [];
  const short = new Map<string, number>();
  for (const match of text.matchAll(shortTagPattern)) {
    const key = intrinsicKey(match[1] as string);
    short.set(key, (short.get(key) ?? 0) + 1);
  }
  if (short.size === 0) return [];
  const total = countIntrinsics(document);
  const result: string[] = [];
  for (const [key, count] of short) {
    const all = total.get(key) ?? 0;
    // Tags in text that is not a value (a template's body) have no call in the data: they do not count.
    const tagged = Math.min(count, all);
    if (tagged > 0 && tagged * 2 >= all) result.push(key);
  }
  return result.sort();
}

/** Intrinsic objects of an exported document that the YAML writer writes with their short tag. */
const shortForms = new WeakSet<object>();

/**
 * Marks every intrinsic of `document` whose function is in `keys` for the YAML writer (`!Sub …`). The
 * data is unchanged (JSON has no tags, and every other reader sees the long form); a mark lives as long
 * as the exported object does.
 */
export function markShortForms(document: JsonValue, keys: readonly string[] | undefined): void {
  if (!keys || keys.length === 0) return;
  const wanted = new Set(keys);
  const pending: JsonValue[] = [document];
  while (pending.length > 0) {
    const current = pending.pop() as JsonValue;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
      continue;
    }
    const key = intrinsicKeyOf(current);
    if (key !== undefined && wanted.has(key)) shortForms.add(current);
    for (const name in current) if (Object.hasOwn(current, name)) pending.push(current[name] as JsonValue);
  }
}

/** Exported documents whose intrinsics are marked again just before they are written (see `writeShortFormsOf`). */
const documentsWithShortForms = new WeakMap<object, readonly string[]>();

/**
 * Marks the intrinsics of an export being built, and remembers the document so that `stringifyDocument`
 * marks what was added to it afterwards: the exporter writes the API's settings before its last parts.
 */
export function writeShortFormsOf(document: JsonObject, keys: readonly string[] | undefined): void {
  if (!keys || keys.length === 0) return;
  markShortForms(document, keys);
  documentsWithShortForms.set(document, keys);
}

/** Marks a whole document's intrinsics when its export asked for short forms (`writeShortFormsOf`). */
export function markRememberedShortForms(document: JsonObject): void {
  markShortForms(document, documentsWithShortForms.get(document));
}

/** Whether the YAML writer writes this object as a short-tagged intrinsic (see `markShortForms`). */
export function isMarkedShortForm(value: JsonObject): boolean {
  return shortForms.has(value) && isIntrinsic(value);
}

/** The function key of an intrinsic and its argument. */
export function intrinsicArgument(value: JsonObject): { key: string; argument: JsonValue } {
  const key = Object.keys(value)[0] as string;
  return { key, argument: value[key] as JsonValue };
}
