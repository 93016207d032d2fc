import type { Authorizer, AuthorizerId, JwtIssuer } from '../model';
import { checkedArn } from './arns';
import { hintFrom } from './backends';
import { arr, bool, type Code, type CodeWriter, call, exact, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { plainText } from './intrinsics';
import { authorizerFunctionArn } from './lambda-arn';

/**
 * REST API authorizers: Lambda TOKEN and REQUEST authorizers and Cognito user pool authorizers become
 * CDK constructs; IAM needs none (the method's authorization type says it). JWT authorizers have no
 * construct in aws-cdk-lib: they are the L1 `CfnAuthorizer` (see `writeJwtAuthorizer`). Only
 * authorizers a method uses are written: the CDK refuses an authorizer attached to no API ("must be
 * attached to a RestApi").
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

/** CloudFormation's `JwtConfiguration` of an `AWS::ApiGateway::Authorizer` (PascalCase, as a property override writes it). */
function jwtConfiguration(authorizer: Authorizer): Code {
  const issuer = (entry: JwtIssuer): Code =>
    obj([
      ['Issuer', text(entry.issuer)],
      ['Audiences', arr(entry.audiences.map(text))],
      [
        'AdditionalClaims',
        entry.additionalClaims.length > 0
          ? arr(
              entry.additionalClaims.map((claim) =>
                obj([
                  ['ClaimName', text(claim.claimName)],
                  ['Format', text(claim.format)],
                  ['Required', claim.required === undefined ? undefined : bool(claim.required)],
                  ['ExpectedValues', claim.expectedValues.length > 0 ? arr(claim.expectedValues.map(text)) : undefined],
                ]),
              ),
            )
          : undefined,
      ],
    ]);
  return obj([
    ['DefaultAlgorithms', arr((authorizer.jwtAlgorithms ?? []).map(text))],
    ['Issuers', arr((authorizer.jwtIssuers ?? []).map(issuer))],
  ]);
}

/**
 * A REST API JWT authorizer. aws-cdk-lib has no construct for it and, up to the version in use, no typed
 * `jwtConfiguration` on the L1 `CfnAuthorizer`, so the configuration is a property override written as
 * CloudFormation documents it. Methods take it through an `IAuthorizer` whose authorization type is
 * `JWT`, the value CloudFormation's `AWS::ApiGateway::Method` expects with a JWT authorizer (the CDK's
 * `AuthorizationType` enum has no member for it yet).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-authorizer-jwtconfiguration.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer-methods.html
 */
function writeJwtAuthorizer(
  ctx: ProgramContext,
  authorizer: Authorizer,
  apiVariable: string,
  variable: string,
): (writer: CodeWriter) => void {
  const resource = ctx.variables.name(`${authorizer.name} cfn`, 'Authorizer');
  const id = ctx.stackIds.id(authorizer.name, 'Authorizer');
  const props = obj([
    ['restApiId', raw(`${apiVariable}.restApiId`)],
    ['name', text(authorizer.name)],
    ['type', exact('JWT')],
    ['identitySource', authorizer.identitySource ? text(authorizer.identitySource) : undefined],
  ]);
  if ((authorizer.jwtIssuers ?? []).length === 0 || (authorizer.jwtAlgorithms ?? []).length === 0)
    ctx.note(
      `JWT authorizer ${named(authorizer.name)} lists no ${
        (authorizer.jwtIssuers ?? []).length === 0 ? 'issuer' : 'signing algorithm'
      }, which CloudFormation requires: complete it before deploying.`,
    );
  ctx.count(1);
  return (writer) => {
    writer.statement(`const ${resource} = `, call('new apigateway.CfnAuthorizer', raw('this'), exact(id), props));
    writer.line(`// aws-cdk-lib has no typed JwtConfiguration on CfnAuthorizer yet: written as CloudFormation documents it,`);
    writer.line(`// and acknowledged for the template validator, whose schema predates it.`);
    writer.statement('', call(`${resource}.addPropertyOverride`, exact('JwtConfiguration'), jwtConfiguration(authorizer)));
    writer.statement(
      '',
      call(
        `cdk.Validations.of(${resource}).acknowledge`,
        obj([
          ['id', exact('CloudFormation-Validate::F3002')],
          ['reason', exact('JwtConfiguration of a REST API JWT authorizer (2026), newer than the bundled CloudFormation schema')],
        ]),
      ),
    );
    writer.line(`// AuthorizationType JWT, which CloudFormation expects on a method with a JWT authorizer (not in the CDK's enum yet).`);
    writer.statement(
      `const ${variable}: apigateway.IAuthorizer = `,
      obj([
        ['authorizerId', raw(`${resource}.attrAuthorizerId`)],
        ['authorizationType', raw(`'JWT' as apigateway.AuthorizationType`)],
      ]),
    );
  };
}

/**
 * Scopes of a method protected by a JWT authorizer. The CDK's Method keeps scopes for Cognito user pool
 * authorizers only (it drops them, with a warning, for any other authorization type), so they are set
 * on the method's CloudFormation resource, where API Gateway reads them from the token's scope or scp claim.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer-methods.html
 */
export function writeJwtMethodScopes(writer: CodeWriter, methodVariable: string, scopes: readonly string[]): void {
  writer.statement(`(${methodVariable}.node.defaultChild as apigateway.CfnMethod).authorizationScopes = `, arr(scopes.map(text)));
}

export function writeRestAuthorizers(
  ctx: ProgramContext,
  writer: CodeWriter,
  used: Set<AuthorizerId>,
  apiVariable = 'api',
): Map<AuthorizerId, RestAuthorizer> {
  const result = new Map<AuthorizerId, RestAuthorizer>();
  const written: [string, Code | ((writer: CodeWriter) => void)][] = [];
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
    if (authorizer.kind === 'JWT') {
      written.push([variable, writeJwtAuthorizer(ctx, authorizer, apiVariable, variable)]);
      result.set(authorizer.id, { kind: authorizer.kind, variable });
      continue;
    }
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
    for (const [variable, code] of written) {
      if (typeof code === 'function') code(writer);
      else writer.statement(`const ${variable} = `, code);
    }
  }
  return result;
}
