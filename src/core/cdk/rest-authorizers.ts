import type { Authorizer, AuthorizerId } from '../model';
import { checkedArn } from './arns';
import { hintFrom } from './backends';
import { type Code, type CodeWriter, call, exact, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { plainText } from './intrinsics';
import { authorizerFunctionArn } from './lambda-arn';

/**
 * REST API authorizers: Lambda TOKEN and REQUEST authorizers and Cognito user pool authorizers become
 * CDK constructs; IAM needs none (the method's authorization type says it). Only authorizers a method
 * uses are written: the CDK refuses an authorizer attached to no API ("must be attached to a RestApi").
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 */

export interface RestAuthorizer {
  kind: Authorizer['kind'];
  /** Variable of the authorizer construct (none for IAM). */
  variable?: string;
}

/** The function of a Lambda authorizer, imported once at the top of the stack. */
function authorizerFunction(ctx: ProgramContext, authorizer: Authorizer): string {
  return ctx.backends.lambdaFunction(authorizerFunctionArn(ctx, authorizer), hintFrom(plainText(authorizer.functionArn), authorizer.name));
}

/** API Gateway caches an authorizer's answer for at most an hour (the CDK refuses more). */
function ttl(authorizer: Authorizer): Code | undefined {
  const seconds = authorizer.resultTtlSeconds;
  if (seconds === undefined || !Number.isFinite(seconds)) return undefined;
  return call('cdk.Duration.seconds', num(Math.min(3600, Math.max(0, Math.round(seconds)))));
}

export function writeRestAuthorizers(ctx: ProgramContext, writer: CodeWriter, used: Set<AuthorizerId>): Map<AuthorizerId, RestAuthorizer> {
  const result = new Map<AuthorizerId, RestAuthorizer>();
  const written: [string, Code][] = [];
  for (const authorizer of Object.values(ctx.design.authorizers)) {
    if (!used.has(authorizer.id)) {
      ctx.note(
        `Authorizer ${named(authorizer.name)} protects no method, so the program leaves it out (the CDK refuses an authorizer attached to nothing).`,
      );
      continue;
    }
    if (authorizer.kind === 'IAM') {
      result.set(authorizer.id, { kind: 'IAM' });
      continue;
    }
    const assumeRole = authorizer.credentials
      ? ctx.backends.role(
          checkedArn(ctx, authorizer.credentials, 'role', `${authorizer.name} invoke role`),
          hintFrom(plainText(authorizer.credentials), `${authorizer.name} invoke`),
        )
      : undefined;
    const variable = ctx.variables.name(authorizer.name, 'Authorizer');
    const id = ctx.stackIds.id(authorizer.name, 'Authorizer');
    if (authorizer.kind === 'COGNITO_USER_POOLS') {
      // Without a user pool the methods would be written open; a placeholder keeps them protected.
      const arns =
        authorizer.providerArns.length > 0
          ? authorizer.providerArns
          : [
              ctx.backends.placeholder(
                `${authorizer.name} user pool`,
                'userPool',
                `Cognito authorizer ${named(authorizer.name)} names no user pool`,
              ),
            ];
      const several = arns.length > 1;
      const pools = arns.map((arn, index) => {
        if (authorizer.providerArns.length === 0) return raw(ctx.backends.userPool(raw(arn as string), `${authorizer.name} user pool`));
        const label = `${authorizer.name} user pool${several ? ` ${index + 1}` : ''}`;
        return raw(ctx.backends.userPool(checkedArn(ctx, arn, 'userPool', label), hintFrom(plainText(arn), label)));
      });
      written.push([
        variable,
        call(
          'new apigateway.CognitoUserPoolsAuthorizer',
          raw('this'),
          exact(id),
          obj([
            ['authorizerName', text(authorizer.name)],
            ['cognitoUserPools', { kind: 'array', items: pools }],
            ['identitySource', authorizer.identitySource ? text(authorizer.identitySource) : undefined],
            ['resultsCacheTtl', ttl(authorizer)],
          ]),
        ),
      ]);
      ctx.count(1);
      result.set(authorizer.id, { kind: authorizer.kind, variable });
      continue;
    }
    const handler = authorizerFunction(ctx, authorizer);
    const identitySources = (authorizer.identitySource ?? '')
      .split(',')
      .map((source) => source.trim())
      .filter((source) => source.length > 0);
    let cacheTtl = ttl(authorizer);
    if (authorizer.kind === 'LAMBDA_REQUEST' && identitySources.length === 0 && authorizer.resultTtlSeconds !== 0) {
      // API Gateway caches a REQUEST authorizer's answer per identity source; with none, caching must be off.
      ctx.note(
        `Lambda REQUEST authorizer ${named(authorizer.name)} has no identity source, so its results are not cached (API Gateway requires one to cache).`,
      );
      cacheTtl = call('cdk.Duration.seconds', num(0));
    }
    const props = obj([
      ['authorizerName', text(authorizer.name)],
      ['handler', raw(handler)],
      ...(authorizer.kind === 'LAMBDA_TOKEN'
        ? ([
            ['identitySource', authorizer.identitySource ? text(authorizer.identitySource) : undefined],
            ['validationRegex', authorizer.identityValidationExpression ? text(authorizer.identityValidationExpression) : undefined],
          ] as [string, Code | undefined][])
        : ([['identitySources', { kind: 'array', items: identitySources.map(text) }]] as [string, Code | undefined][])),
      ['resultsCacheTtl', cacheTtl],
      ['assumeRole', assumeRole ? raw(assumeRole) : undefined],
    ]);
    written.push([
      variable,
      call(`new apigateway.${authorizer.kind === 'LAMBDA_TOKEN' ? 'TokenAuthorizer' : 'RequestAuthorizer'}`, raw('this'), exact(id), props),
    ]);
    // The CDK grants API Gateway invoke permission on the function, unless a role invokes it.
    ctx.count(assumeRole ? 1 : 2);
    result.set(authorizer.id, { kind: authorizer.kind, variable });
  }
  if (written.length > 0) {
    ctx.use('apigateway');
    writer.blank().line('// Authorizers');
    for (const [variable, code] of written) writer.statement(`const ${variable} = `, code);
  }
  return result;
}
