import type { IntegrationBinding, IntegrationTarget, TextOrIntrinsic } from '../model';
import { checkedArn } from './arns';
import { hintFrom } from './backends';
import { bool, type Code, call, exact, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { arnOrUri, intrinsic, plainText } from './intrinsics';
import { targetFunctionArn } from './lambda-arn';
import { propertyKey, textLiteral } from './literals';

/**
 * The integration of a REST method: a CDK integration object built from the target on the canvas and
 * the method's binding (proxy or custom, mappings, timeout).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-integration-types.html
 */

export interface RestIntegration {
  code: Code;
  /** A name for a shared variable when several methods use the same integration. */
  name: string;
  /** The Lambda function variable when the CDK grants invoke permission for it. */
  grantedFunction?: string;
}

/** Strings or intrinsics of a mapping record (request parameters, templates). */
function mappingRecord(ctx: ProgramContext, record: Record<string, TextOrIntrinsic>): Code | undefined {
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  return obj(entries.map(([key, value]) => [propertyKey(key), typeof value === 'string' ? text(value) : intrinsic(ctx, value, 'text')]));
}

function textRecordOf(record: Record<string, string>): Code | undefined {
  const entries = Object.entries(record);
  return entries.length === 0 ? undefined : obj(entries.map(([key, value]) => [propertyKey(key), text(value)]));
}

/** `credentials`: a role API Gateway assumes, or `arn:aws:iam::*:user/*` = call with the caller's identity. */
function credentials(ctx: ProgramContext, target: IntegrationTarget): [string, Code | undefined][] {
  const value = target.credentials;
  if (value === undefined) return [];
  if (value === 'arn:aws:iam::*:user/*') return [['credentialsPassthrough', bool(true)]];
  const plain = plainText(value);
  if (plain !== undefined && !plain.startsWith('arn:')) {
    ctx.note(`Integration ${named(target.name)}: the credentials ${named(plain)} are not a role ARN, so the program leaves them out.`);
    return [];
  }
  return [
    [
      'credentialsRole',
      raw(ctx.backends.role(checkedArn(ctx, value, 'role', `${target.name} role`), hintFrom(plain, `${target.name} integration`))),
    ],
  ];
}

function options(
  ctx: ProgramContext,
  target: IntegrationTarget,
  binding: IntegrationBinding,
  extra: [string, Code | undefined][] = [],
): Code {
  const responses = binding.responses.map((response) =>
    obj([
      ['statusCode', text(response.statusCode)],
      [
        'selectionPattern',
        response.selectionPattern && response.selectionPattern !== 'default' ? text(response.selectionPattern) : undefined,
      ],
      ['contentHandling', response.contentHandling ? raw(`apigateway.ContentHandling.${response.contentHandling}`) : undefined],
      ['responseParameters', textRecordOf(response.responseParameters)],
      ['responseTemplates', textRecordOf(response.responseTemplates)],
    ]),
  );
  if (binding.tlsConfig?.insecureSkipVerification)
    ctx.note(`Integration ${named(target.name)}: skipping TLS verification cannot be set through the CDK; the program leaves it out.`);
  return obj([
    ...extra,
    ...credentials(ctx, target),
    ['requestParameters', mappingRecord(ctx, binding.requestParameters)],
    ['requestTemplates', mappingRecord(ctx, binding.requestTemplates)],
    ['passthroughBehavior', binding.passthroughBehavior ? raw(`apigateway.PassthroughBehavior.${binding.passthroughBehavior}`) : undefined],
    ['contentHandling', binding.contentHandling ? raw(`apigateway.ContentHandling.${binding.contentHandling}`) : undefined],
    ['timeout', binding.timeoutInMillis !== undefined ? call('cdk.Duration.millis', num(binding.timeoutInMillis)) : undefined],
    ['integrationResponses', responses.length > 0 ? { kind: 'array', items: responses } : undefined],
    [
      'cacheKeyParameters',
      binding.cacheKeyParameters.length > 0 ? { kind: 'array', items: binding.cacheKeyParameters.map(text) } : undefined,
    ],
    ['cacheNamespace', binding.cacheNamespace ? text(binding.cacheNamespace) : undefined],
  ]);
}

function isEmpty(code: Code): boolean {
  return code.kind === 'object' && code.entries.length === 0;
}

/** The integration type API Gateway records for a target kind and proxy flag. */
function integrationType(target: IntegrationTarget, proxy: boolean): string {
  switch (target.kind) {
    case 'LAMBDA':
    case 'AWS_SERVICE':
      return proxy ? 'AWS_PROXY' : 'AWS';
    case 'HTTP':
    case 'VPC_LINK':
      return proxy ? 'HTTP_PROXY' : 'HTTP';
    case 'MOCK':
      return 'MOCK';
  }
}

/** A generic integration for a URI the design keeps whole (intrinsics, stage variables, placeholders). */
function uriIntegration(ctx: ProgramContext, target: IntegrationTarget, binding: IntegrationBinding, uri: Code): Code {
  const httpMethod = target.kind === 'LAMBDA' ? 'POST' : 'httpMethod' in target ? target.httpMethod : undefined;
  const integrationOptions = options(ctx, target, binding);
  return call(
    'new apigateway.Integration',
    obj([
      ['type', raw(`apigateway.IntegrationType.${integrationType(target, binding.proxy)}`)],
      ['integrationHttpMethod', httpMethod ? exact(httpMethod) : undefined],
      ['uri', uri],
      ['options', isEmpty(integrationOptions) ? undefined : integrationOptions],
    ]),
  );
}

/** `arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`. */
function lambdaInvocationUri(functionArn: string, region?: string, partition?: string): Code {
  const arnRegion = region ?? functionArn.split(':')[3];
  const tail = `:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
  if (arnRegion && /^[a-z0-9-]+$/.test(arnRegion)) return text(`arn:${partition ?? 'aws'}:apigateway:${arnRegion}${tail}`);
  return raw(`'arn:' + cdk.Aws.PARTITION + ':apigateway:' + cdk.Aws.REGION + ${textLiteral(tail)}`);
}

export interface RestIntegrationSettings {
  /** One Lambda permission per function for the whole API, so that every stage may invoke it. */
  apiScopedLambdaPermissions: boolean;
}

export function restIntegration(
  ctx: ProgramContext,
  target: IntegrationTarget,
  binding: IntegrationBinding,
  settings: RestIntegrationSettings,
): RestIntegration {
  switch (target.kind) {
    case 'LAMBDA': {
      const plainArn = plainText(target.functionArn);
      const arn = targetFunctionArn(ctx, target);
      if (arn === undefined) {
        // A function chosen by a stage variable (or an unparsable URI): API Gateway calls whatever the
        // URI names at run time, and the CDK cannot grant permission on it.
        const uri =
          target.rawUri !== undefined
            ? arnOrUri(ctx, target.rawUri, 'text')
            : lambdaInvocationUri(target.functionArn, target.region, target.partition);
        return { code: uriIntegration(ctx, target, binding, uri), name: target.name };
      }
      const fn = ctx.backends.lambdaFunction(arn, hintFrom(plainArn, target.name));
      const integrationOptions = options(ctx, target, binding, [
        ['proxy', binding.proxy ? undefined : bool(false)],
        ['scopePermissionToMethod', settings.apiScopedLambdaPermissions ? bool(false) : undefined],
        ['responseTransferMode', target.streaming ? raw('apigateway.ResponseTransferMode.STREAM') : undefined],
      ]);
      return {
        code: call('new apigateway.LambdaIntegration', raw(fn), isEmpty(integrationOptions) ? undefined : integrationOptions),
        name: target.name,
        grantedFunction: fn,
      };
    }
    case 'HTTP': {
      if (target.rawUri !== undefined)
        return { code: uriIntegration(ctx, target, binding, arnOrUri(ctx, target.rawUri, 'text')), name: target.name };
      const integrationOptions = options(ctx, target, binding);
      return {
        code: call(
          'new apigateway.HttpIntegration',
          arnOrUri(ctx, target.url, 'text'),
          obj([
            ['proxy', binding.proxy ? undefined : bool(false)],
            ['httpMethod', exact(target.httpMethod)],
            ['options', isEmpty(integrationOptions) ? undefined : integrationOptions],
          ]),
        ),
        name: target.name,
      };
    }
    case 'VPC_LINK': {
      if (target.integrationTarget !== undefined)
        ctx.note(
          `Integration ${named(target.name)}: the load balancer of a VPC link v2 (integrationTarget) has no CDK property; the program uses the VPC link and URL only.`,
        );
      if (target.rawUri !== undefined)
        return { code: uriIntegration(ctx, target, binding, arnOrUri(ctx, target.rawUri, 'text')), name: target.name };
      const vpcLink = ctx.backends.restVpcLink(arnOrUri(ctx, target.connectionId, 'text'), target.name);
      const integrationOptions = options(ctx, target, binding, [
        ['connectionType', raw('apigateway.ConnectionType.VPC_LINK')],
        ['vpcLink', raw(vpcLink)],
      ]);
      return {
        code: call(
          'new apigateway.HttpIntegration',
          arnOrUri(ctx, target.url, 'text'),
          obj([
            ['proxy', binding.proxy ? undefined : bool(false)],
            ['httpMethod', exact(target.httpMethod)],
            ['options', integrationOptions],
          ]),
        ),
        name: target.name,
      };
    }
    case 'AWS_SERVICE': {
      if (target.rawUri !== undefined)
        return { code: uriIntegration(ctx, target, binding, arnOrUri(ctx, target.rawUri, 'text')), name: target.name };
      const integrationOptions = options(ctx, target, binding);
      return {
        code: call(
          'new apigateway.AwsIntegration',
          obj([
            ['service', exact(target.service)],
            ['subdomain', target.subdomain ? text(target.subdomain) : undefined],
            ['region', target.region ? text(target.region) : undefined],
            ['proxy', binding.proxy ? bool(true) : undefined],
            ['integrationHttpMethod', exact(target.httpMethod)],
            [target.style === 'action' ? 'action' : 'path', arnOrUri(ctx, target.actionOrPath, 'text')],
            ['options', isEmpty(integrationOptions) ? undefined : integrationOptions],
          ]),
        ),
        name: target.name,
      };
    }
    case 'MOCK': {
      const integrationOptions = options(ctx, target, binding);
      return {
        code: call('new apigateway.MockIntegration', isEmpty(integrationOptions) ? undefined : integrationOptions),
        name: target.name,
      };
    }
  }
}
