import type { Design } from '../design';
import { refuse } from '../errors';
import { type ApiKeyId, createId, type MethodId, type StageId, type UsagePlanId } from '../ids';
import { type ApiKey, type Quota, quotaPeriods, type Throttle, type UsagePlan } from '../usage-plan';
import { mustGet, patchObject, requireType, trimmedName, without } from './helpers';
import { assertNumber } from './stages';

function assertThrottle(throttle: Throttle | undefined, what: string): void {
  if (!throttle) return;
  assertNumber(throttle.rateLimit, `${what} rate (requests per second)`, 0, 1_000_000);
  assertNumber(throttle.burstLimit, `${what} burst`, 0, 1_000_000, true);
}

/** Quota offsets: a WEEK period starts 0–6 days late, a MONTH period 0–27; a DAY period cannot be offset. */
export function maxQuotaOffset(period: Quota['period']): number {
  return period === 'DAY' ? 0 : period === 'WEEK' ? 6 : 27;
}

function assertQuota(quota: Quota | undefined): void {
  if (!quota) return;
  if (!quotaPeriods.includes(quota.period)) refuse('invalid-value', 'The quota period is DAY, WEEK or MONTH.');
  assertNumber(quota.limit, 'The quota limit', 0, Number.MAX_SAFE_INTEGER, true);
  assertNumber(quota.offset, `The quota offset for a ${quota.period} period`, 0, maxQuotaOffset(quota.period), true);
}

export function addUsagePlan(design: Design, args: { name: string; id?: UsagePlanId }): Design {
  requireType(design, ['REST'], 'Usage plans');
  const name = trimmedName(args.name, 'A usage plan');
  const id = args.id ?? createId('UsagePlan');
  if (Object.hasOwn(design.usagePlans, id)) refuse('duplicate', `A usage plan with id "${id}" already exists.`);
  const plan: UsagePlan = { id, name, stages: [], apiKeyIds: [] };
  return { ...design, usagePlans: { ...design.usagePlans, [id]: plan } };
}

export type UsagePlanPatch = Partial<Omit<UsagePlan, 'id'>>;

export function updateUsagePlan(design: Design, planId: UsagePlanId, patch: UsagePlanPatch): Design {
  const plan = mustGet(design.usagePlans, planId, 'usage plan');
  if (patch.name !== undefined) patch = { ...patch, name: trimmedName(patch.name, 'A usage plan') };
  assertThrottle(patch.throttle, 'The plan throttling');
  assertQuota(patch.quota);
  if (patch.stages) {
    const seen = new Set<StageId>();
    for (const entry of patch.stages) {
      mustGet(design.stages, entry.stageId, 'stage');
      if (seen.has(entry.stageId)) refuse('duplicate', 'A usage plan covers each stage once.');
      seen.add(entry.stageId);
      for (const [methodId, throttle] of Object.entries(entry.methodThrottles)) {
        mustGet(design.methods, methodId, 'method');
        assertThrottle(throttle as Throttle, 'The method throttling');
      }
      if (Object.keys(entry.methodThrottles).length > 20)
        refuse('not-allowed', 'A usage plan allows at most 20 method throttles per stage.');
    }
  }
  if (patch.apiKeyIds) {
    for (const keyId of patch.apiKeyIds) mustGet(design.apiKeys, keyId, 'API key');
    if (new Set(patch.apiKeyIds).size !== patch.apiKeyIds.length) refuse('duplicate', 'A usage plan lists each API key once.');
  }
  const next = patchObject(plan, patch);
  return next === plan ? design : { ...design, usagePlans: { ...design.usagePlans, [planId]: next } };
}

/** Sets one method's throttle inside a plan's stage (`undefined` removes it). */
export function setPlanMethodThrottle(
  design: Design,
  planId: UsagePlanId,
  stageId: StageId,
  methodId: MethodId,
  throttle: Throttle | undefined,
): Design {
  const plan = mustGet(design.usagePlans, planId, 'usage plan');
  const stages = plan.stages.map((entry) => {
    if (entry.stageId !== stageId) return entry;
    const methodThrottles = throttle ? { ...entry.methodThrottles, [methodId]: throttle } : without(entry.methodThrottles, [methodId]);
    return { ...entry, methodThrottles };
  });
  if (!plan.stages.some((entry) => entry.stageId === stageId)) refuse('not-found', 'Add the stage to the usage plan first.');
  return updateUsagePlan(design, planId, { stages });
}

export function deleteUsagePlan(design: Design, planId: UsagePlanId): Design {
  mustGet(design.usagePlans, planId, 'usage plan');
  return { ...design, usagePlans: without(design.usagePlans, [planId]) };
}

function assertKeyValue(value: string | undefined): void {
  if (value === undefined || value === '') return;
  if (value.length < 20)
    refuse(
      'invalid-value',
      `An API key value has at least 20 characters; this one has ${value.length}. Leave it empty to have API Gateway generate one.`,
    );
  if (value.length > 128) refuse('invalid-value', 'An API key value has at most 128 characters.');
}

export function addApiKey(design: Design, args: { name: string; id?: ApiKeyId; value?: string }): Design {
  requireType(design, ['REST', 'WEBSOCKET'], 'API keys');
  const name = trimmedName(args.name, 'An API key');
  assertKeyValue(args.value);
  const id = args.id ?? createId('ApiKey');
  if (Object.hasOwn(design.apiKeys, id)) refuse('duplicate', `An API key with id "${id}" already exists.`);
  const key: ApiKey = { id, name, enabled: true };
  if (args.value) key.value = args.value;
  return { ...design, apiKeys: { ...design.apiKeys, [id]: key } };
}

export function updateApiKey(design: Design, keyId: ApiKeyId, patch: Partial<Omit<ApiKey, 'id'>>): Design {
  const key = mustGet(design.apiKeys, keyId, 'API key');
  if (patch.name !== undefined) patch = { ...patch, name: trimmedName(patch.name, 'An API key') };
  assertKeyValue(patch.value);
  if (patch.value === '') patch = { ...patch, value: undefined };
  const next = patchObject(key, patch);
  return next === key ? design : { ...design, apiKeys: { ...design.apiKeys, [keyId]: next } };
}

/** Deletes an API key and detaches it from every plan. */
export function deleteApiKey(design: Design, keyId: ApiKeyId): Design {
  mustGet(design.apiKeys, keyId, 'API key');
  const usagePlans = { ...design.usagePlans };
  for (const plan of Object.values(design.usagePlans))
    if (plan.apiKeyIds.includes(keyId)) usagePlans[plan.id] = { ...plan, apiKeyIds: plan.apiKeyIds.filter((id) => id !== keyId) };
  return { ...design, usagePlans, apiKeys: without(design.apiKeys, [keyId]) };
}
