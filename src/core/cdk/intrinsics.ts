import { isJsonObject, type JsonObject, type JsonValue, type TextOrIntrinsic } from '../model';
import { type Code, call, exact, json, obj, raw, text } from './code';
import type { ProgramContext } from './context';
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
 * `cdk.Fn.sub(template, variables)`: pseudo parameters and the template's own variables stay, API Gateway
 * variables are escaped, every other reference is bound to a placeholder constant.
 */
function sub(ctx: ProgramContext, template: string, variables: JsonObject, hint: PlaceholderHint): Code {
  const taken = new Set(Object.keys(variables));
  const bindings: [string, Code][] = Object.entries(variables).map(([name, value]) => [
    propertyKey(name),
    intrinsicValue(ctx, value, 'text'),
  ]);
  const rewritten = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const name = inner.trim();
    if (name.startsWith('!')) return whole;
    if (apiGatewayVariable.test(name)) return `\${!${name}}`;
    if (name in pseudoParameters || Object.hasOwn(variables, name)) return whole;
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

/** An intrinsic function object as a CDK expression of type string. */
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
    if (Array.isArray(argument) && typeof argument[0] === 'string' && isJsonObject(argument[1]))
      return sub(ctx, argument[0], argument[1], hint);
  }
  if (key === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && Array.isArray(argument[1])) {
    const parts = argument[1].map((part) => intrinsicValue(ctx, part, 'text'));
    return call('cdk.Fn.join', exact(argument[0]), { kind: 'array', items: parts });
  }
  if (key === 'Fn::ImportValue' && (typeof argument === 'string' || isJsonObject(argument)))
    return call('cdk.Fn.importValue', intrinsicValue(ctx, argument, 'text'));
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
