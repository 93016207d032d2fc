import { type Authorizer, isJsonObject, type LambdaTarget, type TextOrIntrinsic } from '../model';
import { type Code, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { arnOrUri, isTemplated } from './intrinsics';

/**
 * The function inside a Lambda invocation URI,
 * `arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`
 * (also `…/2021-11-15/functions/{arn}/response-streaming-invocations`), when the design kept the URI
 * whole (an intrinsic, or a templated string). With the function known, the program uses the CDK's
 * Lambda integration, which also grants API Gateway permission to invoke it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integrations.html
 */
const segment = '(?:\\$\\{[^}]*\\}|[^:/])+';
const invocationUri = new RegExp(
  `^arn:${segment}:apigateway:${segment}:lambda:path/20\\d\\d-\\d\\d-\\d\\d/functions/(.+)/(?:response-streaming-)?invocations$`,
);

/** A function ARN CloudFormation and the CDK accept: `arn:aws:lambda:us-east-1:123456789012:function:name[:alias]`. */
const functionArnPattern = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

/** An API Gateway stage variable (`${stageVariables.fn}`): the value is chosen per stage at run time. */
function hasStageVariable(value: string): boolean {
  return /\$\{\s*stageVariables\./.test(value);
}

/**
 * A function ARN the CDK can import (and grant permission on): a plain ARN of the right shape, or a
 * template or intrinsic that CloudFormation resolves to one. Undefined for a function chosen by a stage
 * variable: the CDK would write a permission for a function literally named `${stageVariables.fn}`.
 * Any other text that is not an ARN becomes a placeholder the user replaces.
 */
export function usableFunctionArn(ctx: ProgramContext, arn: TextOrIntrinsic, label = 'function'): Code | undefined {
  if (typeof arn === 'string' && !isTemplated(arn)) {
    if (functionArnPattern.test(arn)) return text(arn);
    if (hasStageVariable(arn)) return undefined;
    return raw(ctx.backends.placeholder(label, 'lambda', `${named(arn)} is not a Lambda function ARN`));
  }
  return arnOrUri(ctx, arn, 'lambda');
}

function lambdaArnOfUri(ctx: ProgramContext, uri: TextOrIntrinsic, label?: string): Code | undefined {
  if (typeof uri === 'string') {
    const arn = invocationUri.exec(uri)?.[1];
    return arn === undefined ? undefined : usableFunctionArn(ctx, arn, label);
  }
  const argument = Object.keys(uri).length === 1 ? uri['Fn::Sub'] : undefined;
  const [template, variables]: [unknown, unknown] =
    typeof argument === 'string' ? [argument, {}] : Array.isArray(argument) ? [argument[0], argument[1]] : [undefined, undefined];
  if (typeof template !== 'string' || !isJsonObject(variables)) return undefined;
  const arn = invocationUri.exec(template)?.[1];
  if (arn === undefined) return undefined;
  // `${fn}` bound in the Sub's own variables: the bound value is the ARN.
  const bound = /^\$\{([^}]+)\}$/.exec(arn)?.[1];
  const value = bound === undefined ? undefined : variables[bound];
  if (typeof value === 'string' || isJsonObject(value)) return usableFunctionArn(ctx, value, label ?? bound);
  // `${MyFunction.Arn}`, or an ARN with `${AWS::Region}` in it, stays a template of its own.
  return usableFunctionArn(ctx, arn, label);
}

/**
 * The function a Lambda integration target calls, or undefined (with a note) when the program cannot
 * know it: the URI kept whole wins over the ARN field (the model's rule), as long as it is a Lambda
 * invocation URI.
 */
export function targetFunctionArn(ctx: ProgramContext, target: LambdaTarget): Code | undefined {
  const arn =
    target.rawUri !== undefined ? lambdaArnOfUri(ctx, target.rawUri, target.name) : usableFunctionArn(ctx, target.functionArn, target.name);
  if (arn !== undefined) return arn;
  const runtime = hasStageVariable(typeof target.rawUri === 'string' ? target.rawUri : JSON.stringify(target.rawUri ?? target.functionArn));
  ctx.note(
    runtime
      ? `Integration ${named(target.name)}: the function is chosen at run time by a stage variable, so the program cannot grant API Gateway permission to invoke it; grant lambda:InvokeFunction to apigateway.amazonaws.com on each function it may name.`
      : `Integration ${named(target.name)}: its URI is not a Lambda invocation URI the program can read, so it is written as it is and no invoke permission is granted.`,
  );
  return undefined;
}

/**
 * The function of a Lambda authorizer: its ARN, or the one inside its `authorizerUri`. When neither
 * names one the CDK can import, a placeholder stands in: writing the methods without their authorizer
 * would silently open them.
 */
export function authorizerFunctionArn(ctx: ProgramContext, authorizer: Authorizer): Code {
  if (authorizer.functionArn) {
    const arn = usableFunctionArn(ctx, authorizer.functionArn, authorizer.name);
    if (arn !== undefined) return arn;
  }
  const fromUri = authorizer.rawAuthorizerUri === undefined ? undefined : lambdaArnOfUri(ctx, authorizer.rawAuthorizerUri, authorizer.name);
  return (
    fromUri ??
    raw(
      ctx.backends.placeholder(
        `${authorizer.name} authorizer`,
        'lambda',
        `Lambda authorizer ${named(authorizer.name)} names no function the program can import`,
      ),
    )
  );
}
