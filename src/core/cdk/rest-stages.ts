import { defaultMethodSettings, type MethodId, type MethodSettings, type Stage, type StageId } from '../model';
import { bool, type Code, CodeWriter, call, exact, num, obj, raw, text, textRecord } from './code';
import { named, type ProgramContext } from './context';
import { domainTargetStages } from './domains';
import { commentText, numberLiteral, propertyKey } from './literals';

/**
 * REST stages: the first through the `RestApi`'s `deployOptions`, each further one as its own
 * `Deployment` + `Stage` (cdk-mapping.md §3.8–3.9). Canary settings and some access-log setups have no
 * L2 property and go through the stage's L1 `CfnStage`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-stages.html
 */

/** `/pets/{petId}/GET` keys of `methodOptions`, by method id (only methods the program writes). */
export type MethodOptionKeys = Map<MethodId, string>;

const maxCacheTtl = 3600;

function methodSettingEntries(
  ctx: ProgramContext,
  stage: Stage,
  settings: MethodSettings,
  full: boolean,
  where: string,
): [string, Code | undefined][] {
  const defaults = defaultMethodSettings();
  let caching = settings.cachingEnabled;
  if (caching && !stage.cacheClusterEnabled) {
    ctx.note(
      `Stage ${named(stage.name)}: caching is on ${where} but the stage has no cache cluster, so nothing would be cached; the program leaves caching off.`,
    );
    caching = false;
  }
  let ttl = settings.cacheTtlSeconds;
  if (!Number.isFinite(ttl) || ttl < 0 || ttl > maxCacheTtl) {
    ctx.note(
      `Stage ${named(stage.name)}: a cache TTL of ${ttl} s ${where} is outside API Gateway's 0–3600 s; the program writes ${maxCacheTtl} s.`,
    );
    ttl = maxCacheTtl;
  }
  if (caching && !settings.requireAuthorizationForCacheControl)
    ctx.note(
      `Stage ${named(stage.name)}: "require authorization to invalidate the cache" cannot be turned off through CloudFormation; after deploying, run aws apigateway update-stage with op=replace,path=/*/*/caching/requireAuthorizationForCacheControl,value=false.`,
    );
  const throttle = (value: number | undefined) => (value !== undefined && numberLiteral(value) !== undefined ? num(value) : undefined);
  const show = (value: boolean, fallback: boolean) => (full || value !== fallback ? bool(value) : undefined);
  return [
    ['cachingEnabled', show(caching, defaults.cachingEnabled)],
    ['cacheTtl', caching || (full && ttl !== defaults.cacheTtlSeconds) ? call('cdk.Duration.seconds', num(Math.round(ttl))) : undefined],
    ['cacheDataEncrypted', caching || !full ? show(settings.cacheDataEncrypted, defaults.cacheDataEncrypted) : undefined],
    ['throttlingRateLimit', throttle(settings.throttlingRateLimit)],
    ['throttlingBurstLimit', throttle(settings.throttlingBurstLimit === undefined ? undefined : Math.round(settings.throttlingBurstLimit))],
    ['loggingLevel', full || settings.loggingLevel !== 'OFF' ? raw(`apigateway.MethodLoggingLevel.${settings.loggingLevel}`) : undefined],
    ['dataTraceEnabled', show(settings.dataTraceEnabled, defaults.dataTraceEnabled)],
    ['metricsEnabled', show(settings.metricsEnabled, defaults.metricsEnabled)],
  ];
}

const logGroupArn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+(:\*)?$/;

/** Whether the access-log setup fits the L2 props (a log group, a format with the request id the CDK insists on). */
function accessLogFitsL2(stage: Stage): boolean {
  const arn = stage.accessLogDestinationArn;
  if (!arn || !logGroupArn.test(arn)) return false;
  return stage.accessLogFormat === undefined || /\$context\.(requestId|extendedRequestId)\b/.test(stage.accessLogFormat);
}

/** `StageOptions` (for `deployOptions`) or the options part of `StageProps`. */
export function stageOptions(ctx: ProgramContext, stage: Stage, methodKeys: MethodOptionKeys): Code {
  const overrides: [string, Code][] = [];
  for (const [methodId, override] of Object.entries(stage.methodOverrides) as [MethodId, Partial<MethodSettings>][]) {
    const key = methodKeys.get(methodId);
    if (!key) continue;
    // Each override carries the full effective settings: whether API Gateway falls back to the
    // stage-wide values for unset fields is not documented, so nothing is left to chance.
    overrides.push([propertyKey(key), obj(methodSettingEntries(ctx, stage, { ...stage.methodSettings, ...override }, true, `for ${key}`))]);
  }
  const l2AccessLog = accessLogFitsL2(stage);
  if (stage.accessLogFormat !== undefined && !stage.accessLogDestinationArn)
    ctx.note(`Stage ${named(stage.name)}: an access log format without a destination is left out; API Gateway needs both.`);
  if (stage.cacheClusterEnabled) ctx.use('apigateway');
  return obj([
    ['stageName', exact(stage.name)],
    ['description', stage.description ? text(stage.description) : undefined],
    ['variables', textRecord(stage.variables)],
    ['cacheClusterEnabled', stage.cacheClusterEnabled ? bool(true) : undefined],
    ['cacheClusterSize', stage.cacheClusterEnabled ? exact(stage.cacheClusterSize) : undefined],
    ['tracingEnabled', stage.tracingEnabled ? bool(true) : undefined],
    ...methodSettingEntries(ctx, stage, stage.methodSettings, false, 'for every method'),
    ['methodOptions', overrides.length > 0 ? obj(overrides) : undefined],
    [
      'accessLogDestination',
      l2AccessLog
        ? call(
            'new apigateway.LogGroupLogDestination',
            raw(ctx.backends.logGroup(text(stage.accessLogDestinationArn as string), `${stage.name} access logs`)),
          )
        : undefined,
    ],
    [
      'accessLogFormat',
      l2AccessLog && stage.accessLogFormat ? call('apigateway.AccessLogFormat.custom', text(stage.accessLogFormat)) : undefined,
    ],
  ]);
}

/**
 * What only the L1 stage or a separate resource can say: canary settings, access logs the L2 refuses
 * (a Firehose destination, a format without `$context.requestId`), the WAF web ACL.
 */
function writeStageExtras(ctx: ProgramContext, writer: CodeWriter, stage: Stage, stageExpression: string): void {
  const accessLogL1 = stage.accessLogDestinationArn !== undefined && !accessLogFitsL2(stage);
  if (stage.canary || accessLogL1) {
    const cfnStage = ctx.variables.name(stage.name, 'CfnStage');
    writer.statement(`const ${cfnStage} = `, raw(`${stageExpression}.node.defaultChild as apigateway.CfnStage`));
    if (stage.canary) {
      const percent =
        numberLiteral(stage.canary.percentTraffic) === undefined ? 0 : Math.min(100, Math.max(0, stage.canary.percentTraffic));
      writer.line('// Canary release: the share of traffic sent to the canary, its stage variables, and whether it uses the stage cache.');
      writer.statement(
        `${cfnStage}.canarySetting = `,
        obj([
          ['percentTraffic', num(percent)],
          ['stageVariableOverrides', textRecord(stage.canary.stageVariableOverrides)],
          ['useStageCache', bool(stage.canary.useStageCache)],
        ]),
      );
    }
    if (accessLogL1)
      writer.statement(
        `${cfnStage}.accessLogSetting = `,
        obj([
          ['destinationArn', text(stage.accessLogDestinationArn as string)],
          ['format', stage.accessLogFormat ? text(stage.accessLogFormat) : undefined],
        ]),
      );
  }
  if (stage.webAclArn) {
    const wafv2 = ctx.use('wafv2');
    const webAcl = ctx.backends.value(text(stage.webAclArn), `${stage.name} web acl`, 'WebAclArn');
    writer.statement(
      '',
      call(
        `new ${wafv2}.CfnWebACLAssociation`,
        raw('this'),
        exact(ctx.stackIds.id(stage.name, 'WebAclAssociation')),
        obj([
          ['resourceArn', raw(`${stageExpression}.stageArn`)],
          ['webAclArn', raw(webAcl)],
        ]),
      ),
    );
    ctx.count(1);
  }
}

/**
 * The stages after the API: extras of the first (which `deployOptions` created as `api.deploymentStage`),
 * then each further stage as a `Deployment` + `Stage`. Returns the expression of each stage.
 */
export function writeFurtherStages(
  ctx: ProgramContext,
  writer: CodeWriter,
  api: string,
  stages: Stage[],
  keys: MethodOptionKeys,
): Map<StageId, string> {
  const expressions = new Map<StageId, string>();
  const inPlans = new Set(Object.values(ctx.design.usagePlans).flatMap((plan) => plan.stages.map((entry) => entry.stageId)));
  const servedByDomains = domainTargetStages(ctx.design);
  stages.forEach((stage, index) => {
    const title = `// Stage ${commentText(stage.name) ?? ''}`.trimEnd();
    if (index === 0) {
      expressions.set(stage.id, `${api}.deploymentStage`);
      const extras = new CodeWriter();
      writeStageExtras(ctx, extras, stage, `${api}.deploymentStage`);
      if (!extras.isEmpty) writer.blank().line(title).append(extras);
      return;
    }
    writer.blank().line(title);
    const deployment = ctx.variables.name(stage.name, 'Deployment');
    writer.statement(
      `const ${deployment} = `,
      call('new apigateway.Deployment', raw('this'), exact(ctx.stackIds.id(stage.name, 'Deployment')), obj([['api', raw(api)]])),
    );
    const referenced =
      inPlans.has(stage.id) ||
      servedByDomains.has(stage.id) ||
      stage.canary !== undefined ||
      stage.webAclArn !== undefined ||
      (stage.accessLogDestinationArn !== undefined && !accessLogFitsL2(stage));
    const variable = referenced ? ctx.variables.name(stage.name, 'Stage') : undefined;
    const options = stageOptions(ctx, stage, keys);
    writer.statement(
      variable ? `const ${variable} = ` : '',
      call(
        'new apigateway.Stage',
        raw('this'),
        exact(ctx.stackIds.id(stage.name, 'Stage')),
        obj([['deployment', raw(deployment)], ...(options.kind === 'object' ? options.entries : [])]),
      ),
    );
    ctx.count(2);
    if (!variable) return;
    expressions.set(stage.id, variable);
    writeStageExtras(ctx, writer, stage, variable);
  });
  return expressions;
}
