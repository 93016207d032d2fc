import type { ApiKeyId, MethodId, Quota, StageId, Throttle } from '../model';
import { bool, type Code, type CodeWriter, call, exact, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import type { ConstructIdScope } from './identifiers';
import { numberLiteral, propertyKey } from './literals';

/**
 * Usage plans and API keys of a REST API. A plan covers stages, with optional per-method throttles; keys
 * are linked to plans (`AWS::ApiGateway::UsagePlanKey`). Callers of an "API key required" method need a
 * key in a plan covering the stage.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */

export interface UsagePlanTargets {
  api: string;
  apiIds: ConstructIdScope;
  /** Stage expression by stage id (`api.deploymentStage`, `devStage`). */
  stages: Map<StageId, string>;
  /** Constructs: the method variable; the throttle goes on the L2. */
  methodVariables?: Map<MethodId, string>;
  /** SpecRestApi: the `/path/VERB` key; the throttle goes on the L1 (methods are not constructs). */
  methodKeys?: Map<MethodId, string>;
}

/** The CDK refuses a non-integer burst or quota limit ("should be an integer"). */
function integer(ctx: ProgramContext, value: number, what: string): Code {
  if (!Number.isInteger(value)) ctx.note(`${what} ${value} is not a whole number; the program writes ${Math.round(value)}.`);
  return num(numberLiteral(value) === undefined ? 0 : Math.round(value));
}

function throttle(ctx: ProgramContext, value: Throttle, where: string): Code {
  return obj([
    ['rateLimit', numberLiteral(value.rateLimit) === undefined ? undefined : num(value.rateLimit)],
    ['burstLimit', integer(ctx, value.burstLimit, `The burst limit of ${where} is`)],
  ]);
}

function quota(ctx: ProgramContext, value: Quota, where: string): Code {
  return obj([
    ['limit', integer(ctx, value.limit, `The quota of ${where} is`)],
    ['period', raw(`apigateway.Period.${value.period}`)],
    ['offset', value.offset ? integer(ctx, value.offset, `The quota offset of ${where} is`) : undefined],
  ]);
}

export function writeUsagePlans(ctx: ProgramContext, writer: CodeWriter, targets: UsagePlanTargets): void {
  const keys = Object.values(ctx.design.apiKeys);
  const plans = Object.values(ctx.design.usagePlans);
  if (keys.length === 0 && plans.length === 0) return;
  ctx.use('apigateway');
  const linked = new Set<ApiKeyId>(plans.flatMap((plan) => plan.apiKeyIds));
  const keyVariables = new Map<ApiKeyId, string>();
  if (keys.length > 0) writer.blank().line('// API keys');
  for (const key of keys) {
    if (key.value !== undefined)
      ctx.note(
        `API key ${named(key.name)} has a fixed value, which the program and the template carry in plain text; leave it out to let API Gateway generate one.`,
      );
    const expression = call(
      'new apigateway.ApiKey',
      raw('this'),
      exact(ctx.stackIds.id(key.name, 'ApiKey')),
      obj([
        ['apiKeyName', text(key.name)],
        ['description', key.description ? text(key.description) : undefined],
        ['enabled', key.enabled ? undefined : bool(false)],
        ['value', key.value !== undefined ? text(key.value) : undefined],
      ]),
    );
    ctx.count(1);
    if (linked.has(key.id)) {
      const variable = ctx.variables.name(key.name, 'ApiKey');
      keyVariables.set(key.id, variable);
      writer.statement(`const ${variable} = `, expression);
    } else writer.statement('', expression);
  }
  if (plans.length === 0) return;
  writer.blank().line('// Usage plans: throttling and quotas for the API keys linked to them, on the stages they cover.');
  for (const plan of plans) {
    const overrides: [number, Code][] = [];
    const apiStages: Code[] = [];
    for (const entry of plan.stages) {
      const stage = targets.stages.get(entry.stageId);
      if (!stage) continue;
      const methodThrottles: Code[] = [];
      const l1Throttles: [string, Code][] = [];
      for (const [methodId, value] of Object.entries(entry.methodThrottles) as [MethodId, Throttle][]) {
        const where = `usage plan ${named(plan.name)}`;
        const variable = targets.methodVariables?.get(methodId);
        const key = targets.methodKeys?.get(methodId);
        if (variable)
          methodThrottles.push(
            obj([
              ['method', raw(variable)],
              ['throttle', throttle(ctx, value, where)],
            ]),
          );
        else if (key)
          l1Throttles.push([
            propertyKey(key),
            obj([
              ['RateLimit', numberLiteral(value.rateLimit) === undefined ? undefined : num(value.rateLimit)],
              ['BurstLimit', integer(ctx, value.burstLimit, `The burst limit of ${where} is`)],
            ]),
          ]);
      }
      if (l1Throttles.length > 0) overrides.push([apiStages.length, obj(l1Throttles)]);
      apiStages.push(
        obj([
          ['api', raw(targets.api)],
          ['stage', raw(stage)],
          ['throttle', methodThrottles.length > 0 ? { kind: 'array', items: methodThrottles } : undefined],
        ]),
      );
    }
    const variable = plan.apiKeyIds.length > 0 || overrides.length > 0 ? ctx.variables.name(plan.name, 'UsagePlan') : undefined;
    const expression = call(
      `${targets.api}.addUsagePlan`,
      exact(targets.apiIds.id(plan.name, 'UsagePlan')),
      obj([
        ['name', text(plan.name)],
        ['description', plan.description ? text(plan.description) : undefined],
        ['throttle', plan.throttle ? throttle(ctx, plan.throttle, `usage plan ${named(plan.name)}`) : undefined],
        ['quota', plan.quota ? quota(ctx, plan.quota, `usage plan ${named(plan.name)}`) : undefined],
        ['apiStages', apiStages.length > 0 ? { kind: 'array', items: apiStages } : undefined],
      ]),
    );
    writer.statement(variable ? `const ${variable} = ` : '', expression);
    ctx.count(1);
    if (overrides.length > 0) {
      // Per-method throttles of a SpecRestApi: its methods are not constructs, so the L1 takes the
      // `/path/VERB` keys with CloudFormation's own (PascalCase) property names.
      const cfnPlan = ctx.variables.name(plan.name, 'CfnUsagePlan');
      writer.statement(`const ${cfnPlan} = `, raw(`${variable}.node.defaultChild as apigateway.CfnUsagePlan`));
      for (const [index, code] of overrides)
        writer.statement('', call(`${cfnPlan}.addPropertyOverride`, exact(`ApiStages.${index}.Throttle`), code));
    }
    for (const keyId of plan.apiKeyIds) {
      const key = keyVariables.get(keyId);
      if (!key || !variable) continue;
      writer.line(`${variable}.addApiKey(${key});`);
      ctx.count(1);
    }
  }
}
