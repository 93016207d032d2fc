import {
  type ApiSettings,
  apiValue,
  intrinsicKeyOf,
  isIntrinsic,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  readableText,
  type TextOrIntrinsic,
} from '../model';
import { arr, type Code, call, exact, json, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { exactLiteral, neutralise, propertyKey } from './literals';

/**
 * Values a deployment tool fills in later, as real documents carry them: CloudFormation intrinsics kept
 * as objects (`{"Fn::Sub": "…${MyFunction.Arn}…"}`), and `${…}` placeholders in ARNs and URIs
 * (CloudFormation or Terraform templates). The program turns them into CDK calls that synthesize:
 * pseudo parameters stay (`${AWS::Region}`), and every name that refers to something outside this stack
 * becomes a constant at the top of the stack that the user replaces.
 */

/** What a placeholder stands for, so that its stand-in value has the right shape. */
export type PlaceholderHint = 'lambda' | 'role' | 'userPool' | 'text';

const pseudoParameters: Record<string, string> = {
  'AWS::AccountId': 'cdk.Aws.ACCOUNT_ID',
  'AWS::Region': 'cdk.Aws.REGION',
  'AWS::Partition': 'cdk.Aws.PARTITION',
  'AWS::URLSuffix': 'cdk.Aws.URL_SUFFIX',
  'AWS::StackName': 'cdk.Aws.STACK_NAME',
  'AWS::StackId': 'cdk.Aws.STACK_ID',
  'AWS::NotificationARNs': 'cdk.Aws.NOTIFICATION_ARNS',
  'AWS::NoValue': 'cdk.Aws.NO_VALUE',
};

/**
 * API Gateway's own `${…}` variables: stage variables in URIs, and VTL references in templates. They are
 * not CloudFormation references; inside `Fn::Sub` they are written `${!…}` so that CloudFormation leaves
 * them alone.
 */
const apiGatewayVariable = /^(stageVariables|context|input|util|method|request)\./;

/** `${name}` references in a string that CloudFormation or another template engine would fill in. */
function templateReferences(value: string): string[] {
  const names: string[] = [];
  for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
    const name = (match[1] ?? '').trim();
    if (name.startsWith('!') || apiGatewayVariable.test(name) || name.startsWith('Token[')) continue;
    names.push(name);
  }
  return names;
}

/** Whether an ARN or URI holds placeholders that need `Fn::Sub` (API Gateway's own variables do not). */
export function isTemplated(value: string): boolean {
  return templateReferences(value).length > 0;
}

/** A variable name CloudFormation accepts in an `Fn::Sub` map: letters and digits. */
function subVariableName(reference: string, taken: Set<string>): string {
  const base = reference.replace(/[^A-Za-z0-9]/g, '') || 'Value';
  let name = base;
  for (let index = 2; taken.has(name); index += 1) name = `${base}${index}`;
  taken.add(name);
  return name;
}

/**
 * A value of an `Fn::Sub` variable map as a string expression, or undefined when it cannot be one: the
 * map takes strings and intrinsics only (`cdk.Fn.sub` is typed `{ [key: string]: string }`), and SAM's
 * output writes `{"__Stage__": null}` for a variable it fills in later.
 */
function subVariable(ctx: ProgramContext, value: JsonValue): Code | undefined {
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number' || typeof value === 'boolean') return text(String(value));
  if (isIntrinsic(value)) return intrinsic(ctx, value, 'text');
  return undefined;
}

/**
 * `cdk.Fn.sub(template, variables)`: pseudo parameters and the template's own variables stay, API Gateway
 * variables are escaped, every other reference (a variable of the map without a usable value included)
 * is bound to a placeholder constant.
 */
function sub(ctx: ProgramContext, template: string, variables: JsonObject, hint: PlaceholderHint): Code {
  const bindings: [string, Code][] = [];
  const usable = new Set<string>();
  for (const [name, value] of Object.entries(variables)) {
    const code = subVariable(ctx, value);
    if (code === undefined) continue;
    bindings.push([propertyKey(name), code]);
    usable.add(name);
  }
  const taken = new Set(usable);
  const rewritten = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const name = inner.trim();
    if (name.startsWith('!')) return whole;
    if (apiGatewayVariable.test(name)) return `\${!${name}}`;
    if (name in pseudoParameters || usable.has(name)) return whole;
    const variable = subVariableName(name, taken);
    bindings.push([variable, raw(ctx.backends.placeholder(name, hint))]);
    return `\${${variable}}`;
  });
  // A template that is one reference and nothing else is that reference.
  const whole = /^\$\{([A-Za-z0-9]+)\}$/.exec(rewritten)?.[1];
  const single = whole === undefined ? undefined : bindings.find(([name]) => name === whole);
  if (single && bindings.length === 1) return single[1];
  // Token markers and dynamic references are neutralised here too; `${AWS::…}` is meant in a template.
  const literal = exactLiteral(neutralise(rewritten, true).text);
  return bindings.length > 0 ? call('cdk.Fn.sub', raw(literal), obj(bindings)) : call('cdk.Fn.sub', raw(literal));
}

/** A value from a document that may be an intrinsic function object, a list, or plain data. */
function intrinsicValue(ctx: ProgramContext, value: JsonValue, hint: PlaceholderHint): Code {
  if (typeof value === 'string') return text(value);
  if (isJsonObject(value)) return intrinsic(ctx, value, hint);
  return json(value);
}

/** A value as a CDK expression of type `string[]`: a list, or a function that makes one. */
function listValue(ctx: ProgramContext, value: JsonValue): Code {
  if (Array.isArray(value)) return arr(value.map((item) => intrinsicValue(ctx, item, 'text')));
  const key = intrinsicKeyOf(value);
  const argument = key === undefined ? undefined : (value as JsonObject)[key];
  if (key === 'Fn::Split' && Array.isArray(argument) && typeof argument[0] === 'string' && argument[1] !== undefined)
    return call('cdk.Fn.split', exact(argument[0]), intrinsicValue(ctx, argument[1], 'text'));
  if (key === 'Fn::GetAZs' && argument !== undefined)
    return call('cdk.Fn.getAzs', argument === '' ? undefined : intrinsicValue(ctx, argument, 'text'));
  if (key === 'Fn::Cidr' && Array.isArray(argument) && argument.length >= 2)
    return call(
      'cdk.Fn.cidr',
      intrinsicValue(ctx, argument[0] as JsonValue, 'text'),
      typeof argument[1] === 'number'
        ? num(argument[1])
        : call('cdk.Token.asNumber', intrinsicValue(ctx, argument[1] as JsonValue, 'text')),
      argument[2] === undefined ? undefined : intrinsicValue(ctx, String(argument[2]), 'text'),
    );
  // A `Ref` to a list parameter, or anything else that resolves to a list when deployed.
  return call('cdk.Token.asList', intrinsicValue(ctx, value, 'text'));
}

/** Conditions declared for this program, by name (`Fn::If` refers to a condition of the template it came from). */
const declaredConditions = new WeakMap<ProgramContext, Map<string, string>>();

/**
 * A `CfnCondition` standing for a condition of the original template, which this stack does not define:
 * declared once at the top of the stack, always true, for the user to replace with its expression.
 */
function condition(ctx: ProgramContext, name: string): string {
  let declared = declaredConditions.get(ctx);
  if (!declared) {
    declared = new Map();
    declaredConditions.set(ctx, declared);
  }
  const known = declared.get(name);
  if (known !== undefined) return known;
  const id = ctx.stackIds.id(name, 'Condition');
  const code = call(
    'new cdk.CfnCondition',
    raw('this'),
    exact(id),
    obj([['expression', call('cdk.Fn.conditionEquals', exact('true'), exact('true'))]]),
  );
  const variable = ctx.backends.value(code, name, 'Condition');
  ctx.note(
    `The design uses the CloudFormation condition ${named(name)}, which this stack does not define; the program declares ${variable} for it at the top of the stack (always true): replace its expression.`,
  );
  declared.set(name, variable);
  return variable;
}

/** One branch of an `Fn::If`: `!Ref AWS::NoValue` removes the property, as in a template. */
function branch(ctx: ProgramContext, value: JsonValue, hint: PlaceholderHint): Code {
  if (isIntrinsic(value) && value.Ref === 'AWS::NoValue') return raw('cdk.Aws.NO_VALUE');
  return intrinsicValue(ctx, value, hint);
}

/**
 * An intrinsic function object as a CDK expression of type string: `cdk.Fn.sub`, `cdk.Fn.join`,
 * `cdk.Fn.select`, `cdk.Fn.importValue`, `cdk.Fn.base64`, `cdk.Fn.conditionIf`; pseudo parameters as
 * `cdk.Aws.*`. A `Ref`, `Fn::GetAtt` or `Fn::FindInMap` names something of the template the document came
 * from, which this stack does not have: it becomes a constant at the top of the stack that the user
 * replaces (a `cdk.Fn.ref('MyFunction')` would synthesize, and fail to deploy).
 */
export function intrinsic(ctx: ProgramContext, value: JsonObject, hint: PlaceholderHint): Code {
  const keys = Object.keys(value);
  const key = keys.length === 1 ? (keys[0] as string) : '';
  const argument = value[key];
  if (key === 'Ref' && typeof argument === 'string') {
    const pseudo = pseudoParameters[argument];
    return raw(pseudo ?? ctx.backends.placeholder(argument, hint));
  }
  if (key === 'Fn::GetAtt') {
    const reference = Array.isArray(argument) ? argument.join('.') : typeof argument === 'string' ? argument : undefined;
    if (reference !== undefined) return raw(ctx.backends.placeholder(reference, hint));
  }
  if (key === 'Fn::Sub') {
    if (typeof argument === 'string') return sub(ctx, argument, {}, hint);
    if (Array.isArray(argument) && typeof argument[0] === 'string')
      return sub(ctx, argument[0], isJsonObject(argument[1]) ? argument[1] : {}, hint);
  }
  if (key === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && argument[1] !== undefined)
    return call('cdk.Fn.join', exact(argument[0]), listValue(ctx, argument[1]));
  if (key === 'Fn::Select' && Array.isArray(argument) && argument.length === 2) {
    const index = typeof argument[0] === 'string' && /^\d+$/.test(argument[0]) ? Number(argument[0]) : argument[0];
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0)
      return call('cdk.Fn.select', num(index), listValue(ctx, argument[1] as JsonValue));
  }
  if (key === 'Fn::ImportValue' && (typeof argument === 'string' || isJsonObject(argument)))
    return call('cdk.Fn.importValue', intrinsicValue(ctx, argument, 'text'));
  if (key === 'Fn::Base64' && argument !== undefined) return call('cdk.Fn.base64', intrinsicValue(ctx, argument, 'text'));
  if (key === 'Fn::FindInMap' && Array.isArray(argument) && typeof argument[0] === 'string') {
    const path = argument.map((part) => readableText(part)).join('.');
    return raw(
      ctx.backends.placeholder(
        path,
        hint,
        `The design looks up "${path.slice(0, 80)}" in the mapping ${named(argument[0])} of another template (Fn::FindInMap)`,
      ),
    );
  }
  if (key === 'Fn::If' && Array.isArray(argument) && argument.length === 3 && typeof argument[0] === 'string')
    return call(
      'cdk.Token.asString',
      call(
        'cdk.Fn.conditionIf',
        raw(`${condition(ctx, argument[0])}.logicalId`),
        branch(ctx, argument[1] as JsonValue, hint),
        branch(ctx, argument[2] as JsonValue, hint),
      ),
    );
  ctx.note(
    `A value written as ${key || 'an object'} is passed to CloudFormation as it is: it deploys only if the names it refers to exist in this stack.`,
  );
  return call('cdk.Token.asString', json(value));
}

/**
 * Text or an intrinsic, for a position that holds an ARN, a URI or an id: templated strings become
 * `Fn::Sub`, intrinsics become CDK calls, plain text is written as a literal.
 */
export function arnOrUri(ctx: ProgramContext, value: TextOrIntrinsic, hint: PlaceholderHint): Code {
  if (typeof value !== 'string') return intrinsic(ctx, value, hint);
  if (isTemplated(value)) return sub(ctx, value, {}, hint);
  return text(value);
}

/** The text of a value when it is plain (no intrinsic, no placeholder), for parsing ARNs and URIs. */
export function plainText(value: TextOrIntrinsic | undefined): string | undefined {
  return typeof value === 'string' && !isTemplated(value) ? value : undefined;
}

/**
 * Text that may be an intrinsic or hold template placeholders, where any string is accepted (names,
 * descriptions, tag values): `${name}` placeholders of another template engine become constants to replace.
 */
export function textValue(ctx: ProgramContext, value: TextOrIntrinsic): Code {
  return arnOrUri(ctx, value, 'text');
}

/**
 * The API's name or description as the program writes it: the CloudFormation expression the imported
 * document gave (`!Sub '${AWS::StackName}-API'` → `cdk.Fn.sub('${AWS::StackName}-API')`) while the
 * setting still stands for it, else the text.
 */
export function apiText(ctx: ProgramContext, api: ApiSettings, field: 'name' | 'description'): Code | undefined {
  const value = field === 'name' ? apiValue(api, 'name') : apiValue(api, 'description');
  return value === undefined ? undefined : textValue(ctx, value);
}
