/** Plain JSON data, as it comes out of a parsed document and goes into an export. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * A string the user typed, or a value a deployment tool fills in later: CloudFormation intrinsics
 * (`{"Fn::Sub": "…"}`, `{"Ref": "…"}`) appear in integration URIs and ARNs of real documents and must
 * be kept as they came.
 */
export type TextOrIntrinsic = string | JsonObject;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `x-…` keys an element carried that Portico does not model; written back unchanged on export. */
export type Extensions = Record<string, JsonValue>;

/**
 * CloudFormation's intrinsic functions by their short YAML tag (`!Sub`); the long form is the key
 * `Fn::Sub`, except `Ref` and `Condition`, which have no `Fn::` prefix. Documents deployed through SAM,
 * `AWS::Include` or `Body:` carry them anywhere a value may be; they are data to Portico, never evaluated.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export const intrinsicFunctionNames = [
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

/** The long-form key of a function (`Sub` → `Fn::Sub`, `Ref` → `Ref`). */
export function intrinsicKey(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

const intrinsicKeys: ReadonlySet<string> = new Set(intrinsicFunctionNames.map(intrinsicKey));

/**
 * One CloudFormation intrinsic function call: an object with exactly one key, the function's long-form
 * key (`{"Fn::Sub": …}`, `{"Ref": …}`). Plain JSON data, so a design holding one stays serialisable.
 */
export type Intrinsic = JsonObject;

export function isIntrinsic(value: unknown): value is Intrinsic {
  if (!isJsonObject(value)) return false;
  let key: string | undefined;
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue;
    if (key !== undefined) return false;
    key = name;
  }
  return key !== undefined && intrinsicKeys.has(key);
}

/** The long-form key of an intrinsic (`Fn::Sub`), or undefined for anything else. */
export function intrinsicKeyOf(value: unknown): string | undefined {
  return isIntrinsic(value) ? (Object.keys(value)[0] as string) : undefined;
}

/** The short YAML tag of a long-form key (`Fn::Sub` → `!Sub`, `Ref` → `!Ref`). */
export function shortTag(key: string): string {
  return `!${key.replace(/^Fn::/, '')}`;
}

/** Whether a value holds an intrinsic anywhere inside it. */
export function containsIntrinsic(value: JsonValue | undefined): boolean {
  const pending: (JsonValue | undefined)[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
      continue;
    }
    if (intrinsicKeyOf(current) !== undefined) return true;
    for (const name in current) if (Object.hasOwn(current, name)) pending.push(current[name]);
  }
  return false;
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

/**
 * A short human-readable text for a value that may be an intrinsic, for names and labels only (the
 * `Fn::Sub` template, the name a `Ref` or `Fn::GetAtt` points at). Never a value to deploy.
 */
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

/**
 * A scalar as YAML reads it back as the same text, quoted when it would not be; inside a flow collection
 * (`[…]`, `{…}`) commas and brackets end a plain scalar, so they need quotes there too.
 */
function yamlScalar(value: JsonPrimitive, inFlow: boolean): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  const plain =
    value !== '' &&
    !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) &&
    !/:(?:\s|$)|\s#|\s$/.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value)) &&
    !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(value) &&
    !/^[-+]?[.\d]/.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

/**
 * An intrinsic (or any value holding intrinsics) as one line of YAML with short tags, the way people
 * write them in templates: `!Sub ${AWS::StackName}-API`, `!GetAtt Role.Arn`,
 * `!Join ['', [https://, !Ref Host]]`. For showing an expression; long values are cut at `maxLength`.
 */
export function expressionText(value: JsonValue, maxLength = 200): string {
  let out = '';
  const write = (item: JsonValue, depth: number, inFlow: boolean): void => {
    if (out.length > maxLength) return;
    if (depth > 20) {
      out += '…';
      return;
    }
    if (item === null || typeof item !== 'object') {
      out += yamlScalar(item, inFlow);
      return;
    }
    if (Array.isArray(item)) {
      out += '[';
      item.forEach((child, index) => {
        if (index > 0) out += ', ';
        write(child, depth + 1, true);
      });
      out += ']';
      return;
    }
    const key = intrinsicKeyOf(item);
    if (key !== undefined) {
      const argument = item[key] as JsonValue;
      out += `${shortTag(key)} `;
      if (key === 'Fn::GetAtt' && Array.isArray(argument) && argument.length === 2 && argument.every((part) => typeof part === 'string'))
        out += `${argument[0]}.${argument[1]}`;
      else write(argument, depth + 1, inFlow);
      return;
    }
    out += '{';
    Object.entries(item).forEach(([name, child], index) => {
      if (index > 0) out += ', ';
      out += `${yamlScalar(name, true)}: `;
      write(child, depth + 1, true);
    });
    out += '}';
  };
  write(value, 0, false);
  return out.length > maxLength ? `${out.slice(0, maxLength - 1)}…` : out;
}

/**
 * `${name}` placeholders a template engine fills in before the document reaches API Gateway: Terraform
 * `templatefile` (`${path_key}`), Serverless (`${self:custom.x}`), CloudFormation `Fn::Sub` text. API
 * Gateway's own variables (`${stageVariables.x}`, `$context…`) are not placeholders: API Gateway reads them.
 */
const placeholderPattern = /\$\{([^{}/]+)\}/g;
const apiGatewayVariable = /^\s*(?:stageVariables|context|input|util|method|request)\./;

/** The names of the template placeholders in a text (`/${path_key}` → `path_key`), in order. */
export function placeholdersIn(text: string): string[] {
  if (!text.includes('${')) return [];
  const names: string[] = [];
  for (const match of text.matchAll(placeholderPattern)) {
    const name = match[1] as string;
    if (!apiGatewayVariable.test(name) && !name.startsWith('!')) names.push(name.trim());
  }
  return names;
}

/** The text with each template placeholder replaced (API Gateway's own variables stay). */
export function replacePlaceholders(text: string, replace: (name: string) => string): string {
  if (!text.includes('${')) return text;
  return text.replace(placeholderPattern, (whole, name: string) =>
    apiGatewayVariable.test(name) || name.startsWith('!') ? whole : replace(name.trim()),
  );
}
