import type { RouteId, Stage, StageId } from '../model';
import { bool, type Code, type CodeWriter, call, exact, num, obj, raw, text, textRecord } from './code';
import { named, type ProgramContext } from './context';
import { domainTargetStages } from './domains';
import { commentText, numberLiteral, propertyKey } from './literals';

/**
 * Stages of HTTP and WebSocket APIs (`HttpStage`, `WebSocketStage`): variables, default throttling,
 * detailed metrics, access logs. Per-route throttling has no L2 property: it goes on the L1 `CfnStage`,
 * whose `routeSettings` is typed `any`, so the keys must be CloudFormation's own PascalCase
 * (`ThrottlingRateLimit`); camelCase would pass every check and do nothing (cdk-mapping.md §4.5).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 */

const logGroupArn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+(:\*)?$/;

function accessLogSettings(ctx: ProgramContext, stage: Stage): Code | undefined {
  const arn = stage.accessLogDestinationArn;
  if (!arn) {
    if (stage.accessLogFormat)
      ctx.note(`Stage ${named(stage.name)}: an access log format without a destination is left out; API Gateway needs both.`);
    return undefined;
  }
  if (!logGroupArn.test(arn)) {
    ctx.note(
      `Stage ${named(stage.name)}: access logs of HTTP and WebSocket APIs go to a CloudWatch Logs log group; ${named(arn)} is not one, so the program leaves them out.`,
    );
    return undefined;
  }
  if (stage.accessLogFormat !== undefined && !/\$context\.(requestId|extendedRequestId)\b/.test(stage.accessLogFormat)) {
    ctx.note(
      `Stage ${named(stage.name)}: the CDK requires $context.requestId in an access log format; the program leaves the format out (the CDK's default format is used).`,
    );
  }
  const format =
    stage.accessLogFormat !== undefined && /\$context\.(requestId|extendedRequestId)\b/.test(stage.accessLogFormat)
      ? stage.accessLogFormat
      : undefined;
  if (format !== undefined) ctx.use('apigateway');
  return obj([
    ['destination', call('new apigwv2.LogGroupLogDestination', raw(ctx.backends.logGroup(text(arn), `${stage.name} access logs`)))],
    ['format', format !== undefined ? call('apigateway.AccessLogFormat.custom', text(format)) : undefined],
  ]);
}

function throttleValue(value: number | undefined, integer: boolean): Code | undefined {
  if (value === undefined || numberLiteral(value) === undefined) return undefined;
  return num(integer ? Math.round(value) : value);
}

/**
 * Writes every stage of an HTTP or WebSocket API. `routeKeys` maps the routes the program wrote to
 * their route keys (`GET /items`, `sendMessage`), the keys of `RouteSettings`.
 */
export function writeV2Stages(ctx: ProgramContext, writer: CodeWriter, api: string, routeKeys: Map<RouteId, string>): Map<StageId, string> {
  const webSocket = ctx.design.api.type === 'WEBSOCKET';
  // The stages custom domains map to get a variable; the returned map holds them.
  const servedByDomains = domainTargetStages(ctx.design);
  const stageVariables = new Map<StageId, string>();
  for (const stageId of ctx.design.stageOrder) {
    const stage = ctx.design.stages[stageId];
    if (!stage) continue;
    const settings = stage.methodSettings;
    const throttle = obj([
      ['rateLimit', throttleValue(settings.throttlingRateLimit, false)],
      ['burstLimit', throttleValue(settings.throttlingBurstLimit, true)],
    ]);
    const routeSettings: [string, Code][] = [];
    for (const [routeId, override] of Object.entries(stage.routeOverrides) as [
      RouteId,
      { throttlingRateLimit?: number; throttlingBurstLimit?: number },
    ][]) {
      const key = routeKeys.get(routeId);
      if (!key) continue;
      const entries = obj([
        ['ThrottlingRateLimit', throttleValue(override.throttlingRateLimit, false)],
        ['ThrottlingBurstLimit', throttleValue(override.throttlingBurstLimit, true)],
      ]);
      if (entries.kind === 'object' && entries.entries.length > 0) routeSettings.push([propertyKey(key), entries]);
    }
    const logging = webSocket && (settings.loggingLevel !== 'OFF' || settings.dataTraceEnabled);
    const variable =
      routeSettings.length > 0 || logging || servedByDomains.has(stage.id) ? ctx.variables.name(stage.name, 'Stage') : undefined;
    if (variable) stageVariables.set(stage.id, variable);
    writer.blank().line(`// Stage ${commentText(stage.name) ?? ''}`.trimEnd());
    writer.statement(
      variable ? `const ${variable} = ` : '',
      call(
        `new apigwv2.${webSocket ? 'WebSocketStage' : 'HttpStage'}`,
        raw('this'),
        exact(ctx.stackIds.id(stage.name === '$default' ? 'Default' : stage.name, 'Stage')),
        obj([
          [webSocket ? 'webSocketApi' : 'httpApi', raw(api)],
          ['stageName', exact(stage.name)],
          ['autoDeploy', bool(stage.autoDeploy)],
          ['description', stage.description ? text(stage.description) : undefined],
          ['stageVariables', textRecord(stage.variables)],
          ['throttle', throttle.kind === 'object' && throttle.entries.length > 0 ? throttle : undefined],
          ['detailedMetricsEnabled', settings.metricsEnabled ? bool(true) : undefined],
          ['accessLogSettings', accessLogSettings(ctx, stage)],
        ]),
      ),
    );
    ctx.count(1);
    if (!webSocket && (settings.loggingLevel !== 'OFF' || settings.dataTraceEnabled))
      ctx.note(
        `Stage ${named(stage.name)}: HTTP APIs have no execution logging; the logging level and data trace are left out (use access logs).`,
      );
    if (!webSocket && (settings.cachingEnabled || stage.cacheClusterEnabled))
      ctx.note(`Stage ${named(stage.name)}: HTTP APIs have no cache; the cache settings are left out.`);
    if (!variable || (routeSettings.length === 0 && !logging)) continue;
    const cfnStage = ctx.variables.name(stage.name, 'CfnStage');
    writer.statement(`const ${cfnStage} = `, raw(`${variable}.node.defaultChild as apigwv2.CfnStage`));
    if (routeSettings.length > 0) {
      writer.line("// Per-route throttling: only the L1 stage has it, with CloudFormation's PascalCase keys.");
      writer.statement(`${cfnStage}.routeSettings = `, obj(routeSettings));
    }
    if (logging) {
      writer.line('// Execution logging of a WebSocket stage: only the L1 stage has it.');
      if (settings.loggingLevel !== 'OFF')
        writer.statement(
          '',
          call(`${cfnStage}.addPropertyOverride`, exact('DefaultRouteSettings.LoggingLevel'), exact(settings.loggingLevel)),
        );
      if (settings.dataTraceEnabled)
        writer.statement('', call(`${cfnStage}.addPropertyOverride`, exact('DefaultRouteSettings.DataTraceEnabled'), bool(true)));
    }
  }
  return stageVariables;
}
