import type { IntegrationBinding, IntegrationTarget, TextOrIntrinsic } from '../model';
import { checkedArn } from './arns';
import { hintFrom } from './backends';
import { type Code, CodeWriter, call, exact, num, obj, raw, render, text } from './code';
import { named, type ProgramContext } from './context';
import { integrationRole } from './integration-role';
import { arnOrUri, intrinsic, plainText } from './intrinsics';
import { targetFunctionArn } from './lambda-arn';
import { exactLiteral, propertyKey } from './literals';

/**
 * Integrations of HTTP and WebSocket APIs. The CDK's integration classes cover Lambda and URLs (and
 * for WebSocket, mocks and AWS services with a role); AWS service integrations with an existing role,
 * private integrations through an existing VPC link, and URIs kept whole go through one small helper
 * class per API type that hands the CDK a ready integration configuration.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations.html
 */

export interface V2Integration {
  code: Code;
  name: string;
  /** Lambda permission per route (the CDK's Lambda integrations grant one per route). */
  grantsPerRoute: boolean;
}

/** HTTP API first-class integration subtypes, as members of `apigwv2.HttpIntegrationSubtype`. */
const subtypes: Record<string, string> = {
  'EventBridge-PutEvents': 'EVENTBRIDGE_PUT_EVENTS',
  'SQS-SendMessage': 'SQS_SEND_MESSAGE',
  'SQS-ReceiveMessage': 'SQS_RECEIVE_MESSAGE',
  'SQS-DeleteMessage': 'SQS_DELETE_MESSAGE',
  'SQS-PurgeQueue': 'SQS_PURGE_QUEUE',
  'AppConfig-GetConfiguration': 'APPCONFIG_GET_CONFIGURATION',
  'Kinesis-PutRecord': 'KINESIS_PUT_RECORD',
  'StepFunctions-StartExecution': 'STEPFUNCTIONS_START_EXECUTION',
  'StepFunctions-StartSyncExecution': 'STEPFUNCTIONS_START_SYNC_EXECUTION',
  'StepFunctions-StopExecution': 'STEPFUNCTIONS_STOP_EXECUTION',
};

const httpVerbs = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

function mappingValue(ctx: ProgramContext, value: TextOrIntrinsic): string {
  return typeof value === 'string' ? render(text(value), '') : render(intrinsic(ctx, value, 'text'), '', 0);
}

/** `new apigwv2.ParameterMapping().custom(key, value)…` for an HTTP API's request parameters. */
function parameterMapping(ctx: ProgramContext, record: Record<string, TextOrIntrinsic>): Code | undefined {
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  return raw(
    `new apigwv2.ParameterMapping()${entries.map(([key, value]) => `.custom(${exactLiteral(key)}, ${mappingValue(ctx, value)})`).join('')}`,
  );
}

/** The CDK's own bound for HTTP and WebSocket integrations (HttpIntegration, WebSocketIntegration): 29 s. */
const maxCdkTimeout = 29_000;

function timeout(ctx: ProgramContext, binding: IntegrationBinding): Code | undefined {
  if (binding.timeoutInMillis === undefined) return undefined;
  // HTTP APIs allow 30 s, but the CDK refuses more than 29 s at synthesis ("must be between 50
  // milliseconds and 29 seconds"): the program writes 29 s and says so.
  if (binding.timeoutInMillis > maxCdkTimeout) {
    ctx.note(
      `An integration timeout of ${binding.timeoutInMillis} ms is written as 29 s: the CDK accepts at most 29 s for HTTP and WebSocket integrations (set 30 s on the deployed API if you need it).`,
    );
    return call('cdk.Duration.millis', num(maxCdkTimeout));
  }
  return call('cdk.Duration.millis', num(binding.timeoutInMillis));
}

function role(ctx: ProgramContext, target: IntegrationTarget): string | undefined {
  const created = integrationRole(ctx, target);
  if (created) return created;
  if (target.credentials === undefined) return undefined;
  const plain = plainText(target.credentials);
  if (plain !== undefined && !plain.startsWith('arn:')) {
    ctx.note(`Integration ${named(target.name)}: the credentials ${named(plain)} are not a role ARN, so the program leaves them out.`);
    return undefined;
  }
  return ctx.backends.role(
    checkedArn(ctx, target.credentials, 'role', `${target.name} role`),
    hintFrom(plain, `${target.name} integration`),
  );
}

/** The helper class an HTTP API uses for integrations the CDK has no class for. */
export function httpIntegrationHelper(): CodeWriter {
  const writer = new CodeWriter();
  writer.line('/** An HTTP API integration from a ready configuration (an existing role, VPC link or URI). */');
  writer.open('class HttpIntegrationFromConfig extends apigwv2.HttpRouteIntegration {');
  writer.line('private readonly config: apigwv2.HttpRouteIntegrationConfig;');
  writer.blank();
  writer.open('constructor(id: string, config: apigwv2.HttpRouteIntegrationConfig) {');
  writer.line('super(id);');
  writer.line('this.config = config;');
  writer.close();
  writer.blank();
  writer.open('bind(_options: apigwv2.HttpRouteIntegrationBindOptions): apigwv2.HttpRouteIntegrationConfig {');
  writer.line('return this.config;');
  writer.close();
  writer.close();
  return writer;
}

/** The helper class a WebSocket API uses for integrations the CDK has no class for. */
export function webSocketIntegrationHelper(): CodeWriter {
  const writer = new CodeWriter();
  writer.line('/** A WebSocket API integration from a ready configuration (an HTTP endpoint, a VPC link, a URI kept whole). */');
  writer.open('class WebSocketIntegrationFromConfig extends apigwv2.WebSocketRouteIntegration {');
  writer.line('private readonly config: apigwv2.WebSocketRouteIntegrationConfig;');
  writer.blank();
  writer.open('constructor(id: string, config: apigwv2.WebSocketRouteIntegrationConfig) {');
  writer.line('super(id);');
  writer.line('this.config = config;');
  writer.close();
  writer.blank();
  writer.open('bind(_options: apigwv2.WebSocketRouteIntegrationBindOptions): apigwv2.WebSocketRouteIntegrationConfig {');
  writer.line('return this.config;');
  writer.close();
  writer.close();
  return writer;
}

function verb(method: string): string {
  const upper = method.toUpperCase();
  return httpVerbs.includes(upper) ? upper : 'ANY';
}

/** An HTTP API integration, or undefined (with a note) when HTTP APIs cannot have it. */
export function httpIntegration(
  ctx: ProgramContext,
  target: IntegrationTarget,
  binding: IntegrationBinding,
  id: string,
  helper: { used: boolean },
): V2Integration | undefined {
  const fromConfig = (entries: [string, Code | undefined][]): V2Integration => {
    helper.used = true;
    return { code: call('new HttpIntegrationFromConfig', exact(id), obj(entries)), name: target.name, grantsPerRoute: false };
  };
  if (binding.responseParameters && Object.keys(binding.responseParameters).length > 0)
    ctx.note(`Integration ${named(target.name)}: response parameter mappings are not written (the CDK has no property for them).`);
  const mapping = parameterMapping(ctx, binding.requestParameters);
  const payload = binding.payloadFormatVersion === '1.0' ? raw('apigwv2.PayloadFormatVersion.VERSION_1_0') : undefined;
  switch (target.kind) {
    case 'LAMBDA': {
      const arn = targetFunctionArn(ctx, target);
      if (arn === undefined) {
        return fromConfig([
          ['type', raw('apigwv2.HttpIntegrationType.AWS_PROXY')],
          ['uri', target.rawUri !== undefined ? arnOrUri(ctx, target.rawUri, 'text') : text(target.functionArn)],
          ['payloadFormatVersion', payload ?? raw('apigwv2.PayloadFormatVersion.VERSION_2_0')],
          ['parameterMapping', mapping],
          ['timeout', timeout(ctx, binding)],
        ]);
      }
      const fn = ctx.backends.lambdaFunction(arn, hintFrom(plainText(target.functionArn), target.name));
      const props = obj([
        ['payloadFormatVersion', payload],
        ['parameterMapping', mapping],
        ['timeout', timeout(ctx, binding)],
      ]);
      return {
        code: call(
          `new ${ctx.use('integrations')}.HttpLambdaIntegration`,
          exact(id),
          raw(fn),
          props.kind === 'object' && props.entries.length === 0 ? undefined : props,
        ),
        name: target.name,
        grantsPerRoute: true,
      };
    }
    case 'HTTP': {
      if (target.rawUri !== undefined)
        return fromConfig([
          ['type', raw('apigwv2.HttpIntegrationType.HTTP_PROXY')],
          ['uri', arnOrUri(ctx, target.rawUri, 'text')],
          ['method', raw(`apigwv2.HttpMethod.${verb(target.httpMethod)}`)],
          ['payloadFormatVersion', raw('apigwv2.PayloadFormatVersion.VERSION_1_0')],
          ['parameterMapping', mapping],
          ['timeout', timeout(ctx, binding)],
        ]);
      return {
        code: call(
          `new ${ctx.use('integrations')}.HttpUrlIntegration`,
          exact(id),
          arnOrUri(ctx, target.url, 'text'),
          obj([
            ['method', raw(`apigwv2.HttpMethod.${verb(target.httpMethod)}`)],
            ['parameterMapping', mapping],
            ['timeout', timeout(ctx, binding)],
          ]),
        ),
        name: target.name,
        grantsPerRoute: false,
      };
    }
    case 'VPC_LINK': {
      const vpcLinkId = ctx.backends.value(arnOrUri(ctx, target.connectionId, 'text'), target.name, 'VpcLinkId');
      return fromConfig([
        ['type', raw('apigwv2.HttpIntegrationType.HTTP_PROXY')],
        ['uri', arnOrUri(ctx, target.rawUri ?? target.url, 'text')],
        ['method', raw(`apigwv2.HttpMethod.${verb(target.httpMethod)}`)],
        ['connectionType', raw('apigwv2.HttpConnectionType.VPC_LINK')],
        ['connectionId', raw(vpcLinkId)],
        ['secureServerName', binding.tlsConfig?.serverNameToVerify ? text(binding.tlsConfig.serverNameToVerify) : undefined],
        ['payloadFormatVersion', raw('apigwv2.PayloadFormatVersion.VERSION_1_0')],
        ['parameterMapping', mapping],
        ['timeout', timeout(ctx, binding)],
      ]);
    }
    case 'AWS_SERVICE': {
      const subtype = target.integrationSubtype ? subtypes[target.integrationSubtype] : undefined;
      if (!subtype) {
        ctx.note(
          `Integration ${named(target.name)}: HTTP APIs call AWS services only through first-class integrations (a subtype such as SQS-SendMessage); the routes using it are left out.`,
        );
        return undefined;
      }
      const roleVariable = role(ctx, target);
      const credentials =
        target.credentials === 'arn:aws:iam::*:user/*'
          ? raw('apigwv2.IntegrationCredentials.useCallerIdentity()')
          : roleVariable
            ? call('apigwv2.IntegrationCredentials.fromRole', raw(roleVariable))
            : undefined;
      return fromConfig([
        ['type', raw('apigwv2.HttpIntegrationType.AWS_PROXY')],
        ['subtype', raw(`apigwv2.HttpIntegrationSubtype.${subtype}`)],
        ['credentials', credentials],
        ['payloadFormatVersion', raw('apigwv2.PayloadFormatVersion.VERSION_1_0')],
        ['parameterMapping', mapping],
        ['timeout', timeout(ctx, binding)],
      ]);
    }
    case 'MOCK':
      ctx.note(`Integration ${named(target.name)}: HTTP APIs have no mock integration; the routes using it are left out.`);
      return undefined;
  }
}

function mappingRecord(ctx: ProgramContext, record: Record<string, TextOrIntrinsic>): Code | undefined {
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  return obj(entries.map(([key, value]) => [propertyKey(key), typeof value === 'string' ? text(value) : intrinsic(ctx, value, 'text')]));
}

/** `arn:{partition}:apigateway:{region}:{subdomain.}{service}:{action|path}/{value}`. */
function serviceUri(target: Extract<IntegrationTarget, { kind: 'AWS_SERVICE' }>): string {
  const host = target.subdomain ? `${target.subdomain}.${target.service}` : target.service;
  return `arn:${target.partition ?? 'aws'}:apigateway:${target.region}:${host}:${target.style}/${target.actionOrPath}`;
}

/** A WebSocket API integration. */
export function webSocketIntegration(
  ctx: ProgramContext,
  target: IntegrationTarget,
  binding: IntegrationBinding,
  id: string,
  helper: { used: boolean },
): V2Integration {
  // The module is imported only when a construct of it is written (a URI kept whole uses the helper class).
  const integrations = () => ctx.use('integrations');
  const templates = mappingRecord(ctx, binding.requestTemplates);
  const contentHandling = binding.contentHandling ? raw(`apigwv2.ContentHandling.${binding.contentHandling}`) : undefined;
  const passthrough = binding.passthroughBehavior ? raw(`apigwv2.PassthroughBehavior.${binding.passthroughBehavior}`) : undefined;
  const fromConfig = (entries: [string, Code | undefined][]): V2Integration => {
    helper.used = true;
    return { code: call('new WebSocketIntegrationFromConfig', exact(id), obj(entries)), name: target.name, grantsPerRoute: false };
  };
  if (binding.responses.length > 0)
    ctx.note(
      `Integration ${named(target.name)}: integration responses of WebSocket routes are not written (the CDK has no property for them).`,
    );
  switch (target.kind) {
    case 'LAMBDA': {
      const arn = targetFunctionArn(ctx, target);
      if (arn === undefined) {
        return fromConfig([
          ['type', raw(`apigwv2.WebSocketIntegrationType.${binding.proxy ? 'AWS_PROXY' : 'AWS'}`)],
          [
            'uri',
            target.rawUri !== undefined
              ? arnOrUri(ctx, target.rawUri, 'text')
              : text(
                  `arn:aws:apigateway:${target.functionArn.split(':')[3] ?? 'us-east-1'}:lambda:path/2015-03-31/functions/${target.functionArn}/invocations`,
                ),
          ],
          ['method', exact('POST')],
          ['requestTemplates', templates],
          ['timeout', timeout(ctx, binding)],
        ]);
      }
      if (!binding.proxy)
        ctx.note(
          `Integration ${named(target.name)}: the CDK's WebSocket Lambda integration is always a proxy; the program writes it as one.`,
        );
      const fn = ctx.backends.lambdaFunction(arn, hintFrom(plainText(target.functionArn), target.name));
      const props = obj([
        ['timeout', timeout(ctx, binding)],
        ['contentHandling', contentHandling],
      ]);
      return {
        code: call(
          `new ${integrations()}.WebSocketLambdaIntegration`,
          exact(id),
          raw(fn),
          props.kind === 'object' && props.entries.length === 0 ? undefined : props,
        ),
        name: target.name,
        grantsPerRoute: true,
      };
    }
    case 'MOCK': {
      const props = obj([['requestTemplates', templates]]);
      return {
        code: call(
          `new ${integrations()}.WebSocketMockIntegration`,
          exact(id),
          props.kind === 'object' && props.entries.length === 0 ? undefined : props,
        ),
        name: target.name,
        grantsPerRoute: false,
      };
    }
    case 'AWS_SERVICE': {
      const roleVariable = role(ctx, target);
      return {
        code: call(
          `new ${integrations()}.WebSocketAwsIntegration`,
          exact(id),
          obj([
            ['integrationUri', target.rawUri !== undefined ? arnOrUri(ctx, target.rawUri, 'text') : text(serviceUri(target))],
            ['integrationMethod', exact(target.httpMethod)],
            ['credentialsRole', roleVariable ? raw(roleVariable) : undefined],
            ['requestParameters', mappingRecord(ctx, binding.requestParameters)],
            ['requestTemplates', templates],
            ['passthroughBehavior', passthrough],
            ['contentHandling', contentHandling],
            ['timeout', timeout(ctx, binding)],
          ]),
        ),
        name: target.name,
        grantsPerRoute: false,
      };
    }
    case 'HTTP':
    case 'VPC_LINK': {
      // The CDK's WebSocketIntegrationType lists only AWS, AWS_PROXY and MOCK; API Gateway also has HTTP
      // and HTTP_PROXY, written here as a value of that type.
      const type = binding.proxy ? 'HTTP_PROXY' : 'HTTP';
      if (target.kind === 'VPC_LINK')
        ctx.note(
          `Integration ${named(target.name)}: a WebSocket route through a VPC link cannot be set up with the CDK's WebSocket classes; the program calls the URL directly. Add the VPC link on the L1 integration.`,
        );
      return fromConfig([
        ['type', raw(`${exactLiteral(type)} as apigwv2.WebSocketIntegrationType`)],
        ['uri', arnOrUri(ctx, target.rawUri ?? target.url, 'text')],
        ['method', exact(target.httpMethod)],
        ['requestParameters', mappingRecord(ctx, binding.requestParameters)],
        ['requestTemplates', templates],
        ['passthroughBehavior', passthrough],
        ['contentHandling', contentHandling],
        ['timeout', timeout(ctx, binding)],
      ]);
    }
  }
}
