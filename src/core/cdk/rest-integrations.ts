import { type IntegrationBinding, type IntegrationTarget, isStreaming, type TextOrIntrinsic } from '../model';
import { checkedArn } from './arns';
import { hintFrom } from './backends';
import { bool, type Code, call, exact, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { integrationRole } from './integration-role';
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
  /**
   * Properties of the method's `AWS::ApiGateway::Method` the CDK's integrations cannot set, by
   * CloudFormation path (`Integration.IntegrationTarget`): written as overrides on the method's L1.
   */
  methodOverrides?: [path: string, value: Code][];
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
  const created = integrationRole(ctx, target);
  if (created) return [['credentialsRole', raw(created)]];
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
  // Stated only when the design states it (or an older design's streaming Lambda target implies it):
  // LambdaIntegration then calls the function through its response-streaming-invocations URI. The CDK
  // refuses STREAM on anything but AWS_PROXY and HTTP_PROXY (as API Gateway does), so there it is left out.
  let transferMode = binding.responseTransferMode ?? (isStreaming(binding, target) ? 'STREAM' : undefined);
  const type = integrationType(target, binding.proxy);
  if (transferMode === 'STREAM' && type !== 'AWS_PROXY' && type !== 'HTTP_PROXY') {
    ctx.note(
      `Integration ${named(target.name)}: only proxy integrations (AWS_PROXY, HTTP_PROXY) stream, and this one is ${type}; the program leaves the response transfer mode STREAM out.`,
    );
    transferMode = undefined;
  }
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
    ['responseTransferMode', transferMode ? raw(`apigateway.ResponseTransferMode.${transferMode}`) : undefined],
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

/**
 * `arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`, or
 * `…/2021-11-15/functions/{functionArn}/response-streaming-invocations` when the method streams.
 */
function lambdaInvocationUri(functionArn: string, streaming: boolean, region?: string, partition?: string): Code {
  const arnRegion = region ?? functionArn.split(':')[3];
  const tail = streaming
    ? `:lambda:path/2021-11-15/functions/${functionArn}/response-streaming-invocations`
    : `:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
  if (arnRegion && /^[a-z0-9-]+$/.test(arnRegion)) return text(`arn:${partition ?? 'aws'}:apigateway:${arnRegion}${tail}`);
  return raw(`'arn:' + cdk.Aws.PARTITION + ':apigateway:' + cdk.Aws.REGION + ${textLiteral(tail)}`);
}

/**
 * A VPC link V2 sends requests to the load balancer named in `IntegrationTarget`, which API Gateway
 * requires ("IntegrationTarget is required for VpcLinkV2"). aws-cdk-lib's REST integrations have no
 * option for it (the installed version has no AlbIntegration for REST APIs), so the program sets it on
 * the method's L1 resource; the VPC link id goes in ConnectionId as for a V1 link.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
 */
function vpcLinkV2Overrides(ctx: ProgramContext, target: Extract<IntegrationTarget, { kind: 'VPC_LINK' }>): [string, Code][] | undefined {
  const loadBalancer = target.integrationTarget;
  if (loadBalancer === undefined) return undefined;
  const plain = plainText(loadBalancer);
  if (plain !== undefined && plain.trim() === '') {
    ctx.note(
      `Integration ${named(target.name)}: a VPC link V2 without its load balancer's ARN (integrationTarget) is refused by API Gateway; the program leaves it out until the design names one.`,
    );
    return undefined;
  }
  // Named after the load balancer (`…:loadbalancer/app/{name}/{id}`), else the integration.
  const name = plain === undefined ? undefined : /:loadbalancer\/(?:app|net)\/([^/]+)\//.exec(plain)?.[1];
  const arn = ctx.backends.value(arnOrUri(ctx, loadBalancer, 'text'), name ?? target.name, 'LoadBalancerArn');
  return [['Integration.IntegrationTarget', raw(arn)]];
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
            : lambdaInvocationUri(target.functionArn, binding.proxy && isStreaming(binding, target), target.region, target.partition);
        return { code: uriIntegration(ctx, target, binding, uri), name: target.name };
      }
      const fn = ctx.backends.lambdaFunction(arn, hintFrom(plainArn, target.name));
      const integrationOptions = options(ctx, target, binding, [
        ['proxy', binding.proxy ? undefined : bool(false)],
        ['scopePermissionToMethod', settings.apiScopedLambdaPermissions ? bool(false) : undefined],
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
      const methodOverrides = vpcLinkV2Overrides(ctx, target);
      if (target.rawUri !== undefined)
        return { code: uriIntegration(ctx, target, binding, arnOrUri(ctx, target.rawUri, 'text')), name: target.name, methodOverrides };
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
        methodOverrides,
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
