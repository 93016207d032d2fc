import { type Design, type Quota, type UsagePlan, valuesOf } from '../model';
import { compareLimit, keysById } from './check-stages';
import type { DiffContext } from './context';
import { pointer } from './finding';
import type { ClientOperation } from './operations';

function plansByName(design: Design): Map<string, UsagePlan> {
  const map = new Map<string, UsagePlan>();
  for (const plan of valuesOf(design.usagePlans)) if (!map.has(plan.name)) map.set(plan.name, plan);
  return map;
}

const daysIn: Record<Quota['period'], number> = { DAY: 1, WEEK: 7, MONTH: 30 };

/** A quota as requests per day, so that a quota moved to another period still compares. */
function perDay(quota: Quota | undefined): number | undefined {
  return quota === undefined ? undefined : quota.limit / daysIn[quota.period];
}

const throttleIds = { lowered: 'apigw-throttle-lowered', raised: 'apigw-throttle-raised' };

/**
 * Usage plans (matched by name) and API keys (by name): what the API keys of existing clients may do.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function checkUsagePlans(context: DiffContext, base: Map<string, ClientOperation>, revision: Map<string, ClientOperation>): void {
  const before = plansByName(context.base);
  const after = plansByName(context.revision);
  const stageName = (design: Design, id: string) => design.stages[id as keyof Design['stages']]?.name ?? id;
  for (const [name, plan] of before)
    if (!after.has(name) && plan.apiKeyIds.length > 0)
      context.findings.add('apigw-usage-plan-removed', `The usage plan "${name}" was removed.`, undefined, pointer('usagePlans', name));
  const baseById = keysById(base);
  const revisionById = keysById(revision);
  for (const [name, plan] of after) {
    const old = before.get(name);
    if (!old) continue;
    const where = (...rest: string[]) => pointer('usagePlans', name, ...rest);
    compareLimit(
      context,
      `The rate limit of the usage plan "${name}"`,
      old.throttle?.rateLimit,
      plan.throttle?.rateLimit,
      undefined,
      where('throttle', 'rateLimit'),
      throttleIds,
    );
    compareLimit(
      context,
      `The burst limit of the usage plan "${name}"`,
      old.throttle?.burstLimit,
      plan.throttle?.burstLimit,
      undefined,
      where('throttle', 'burstLimit'),
      throttleIds,
    );
    const quotaBefore = perDay(old.quota);
    const quotaAfter = perDay(plan.quota);
    if (quotaBefore !== quotaAfter) {
      const quotaText = (quota: Quota | undefined) => (quota ? `${quota.limit} a ${quota.period.toLowerCase()}` : 'none');
      const lowered = quotaAfter !== undefined && (quotaBefore === undefined || quotaAfter < quotaBefore);
      context.findings.add(
        lowered ? 'apigw-quota-lowered' : 'apigw-quota-raised',
        `The quota of the usage plan "${name}" changed from ${quotaText(old.quota)} to ${quotaText(plan.quota)}.`,
        undefined,
        where('quota'),
      );
    }
    const stagesAfter = new Map(plan.stages.map((entry) => [stageName(context.revision, entry.stageId), entry]));
    for (const entry of old.stages) {
      const stage = stageName(context.base, entry.stageId);
      const current = stagesAfter.get(stage);
      if (!current) {
        if (old.apiKeyIds.length > 0)
          context.findings.add(
            'apigw-usage-plan-stage-removed',
            `The usage plan "${name}" no longer covers the stage "${stage}".`,
            undefined,
            where('apiStages', stage),
          );
        continue;
      }
      const throttlesBefore = new Map<string, { rateLimit: number; burstLimit: number }>();
      for (const [id, throttle] of Object.entries(entry.methodThrottles)) {
        const operation = baseById.get(id);
        if (operation) throttlesBefore.set(operation.key, throttle);
      }
      for (const [id, throttle] of Object.entries(current.methodThrottles)) {
        const operation = revisionById.get(id);
        if (!operation || !base.has(operation.key)) continue;
        const old = throttlesBefore.get(operation.key);
        const at = (field: string) => where('apiStages', stage, 'throttle', operation.label, field);
        const what = `of ${operation.label} in the usage plan "${name}" (stage "${stage}")`;
        compareLimit(
          context,
          `The rate limit ${what}`,
          old?.rateLimit ?? plan.throttle?.rateLimit,
          throttle.rateLimit,
          operation.label,
          at('rateLimit'),
          throttleIds,
        );
        compareLimit(
          context,
          `The burst limit ${what}`,
          old?.burstLimit ?? plan.throttle?.burstLimit,
          throttle.burstLimit,
          operation.label,
          at('burstLimit'),
          throttleIds,
        );
      }
    }
  }
  checkApiKeys(context);
}

function checkApiKeys(context: DiffContext): void {
  const after = new Map(valuesOf(context.revision.apiKeys).map((key) => [key.name, key]));
  for (const key of valuesOf(context.base.apiKeys)) {
    if (!key.enabled) continue;
    const current = after.get(key.name);
    if (!current?.enabled)
      context.findings.add(
        'apigw-api-key-removed',
        current ? `The API key "${key.name}" was disabled.` : `The API key "${key.name}" was removed.`,
        undefined,
        pointer('apiKeys', key.name),
      );
  }
}
