import { type Design, type MethodSettings, type Stage, valuesOf } from '../model';
import type { DiffContext } from './context';
import { pointer } from './finding';
import type { ClientOperation } from './operations';

export function stagesByName(design: Design): Map<string, Stage> {
  const map = new Map<string, Stage>();
  for (const stage of valuesOf(design.stages)) if (!map.has(stage.name)) map.set(stage.name, stage);
  return map;
}

/** Operation key of each method and route id, so that per-method settings compare across designs. */
export function keysById(operations: Map<string, ClientOperation>): Map<string, ClientOperation> {
  const map = new Map<string, ClientOperation>();
  for (const operation of operations.values()) map.set(operation.id, operation);
  return map;
}

type ThrottleField = 'throttlingRateLimit' | 'throttlingBurstLimit';
const throttleFields: ThrottleField[] = ['throttlingRateLimit', 'throttlingBurstLimit'];
const fieldName: Record<ThrottleField, string> = { throttlingRateLimit: 'rate limit', throttlingBurstLimit: 'burst limit' };

/**
 * One throttle compared: absent is the account's limit (10,000 requests per second by default), so
 * setting one lowers it and removing one raises it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
 */
export function compareLimit(
  context: DiffContext,
  what: string,
  before: number | undefined,
  after: number | undefined,
  operation: string | undefined,
  where: string,
  ids: { lowered: string; raised: string },
): void {
  if (before === after) return;
  const from = before === undefined ? "the account's limit" : String(before);
  const to = after === undefined ? "the account's limit" : String(after);
  const lowered = after !== undefined && (before === undefined || after < before);
  context.findings.add(lowered ? ids.lowered : ids.raised, `${what} changed from ${from} to ${to}.`, operation, where);
}

const throttleIds = { lowered: 'apigw-throttle-lowered', raised: 'apigw-throttle-raised' };

function effective(stage: Stage, override: Partial<MethodSettings> | undefined, field: ThrottleField): number | undefined {
  return override?.[field] ?? stage.methodSettings[field];
}

/** Caching is on for a method when the stage has a cache cluster and the method's settings cache. */
export function cachesMethod(stage: Stage, methodId: string): boolean {
  const override = (stage.methodOverrides as Record<string, Partial<MethodSettings>>)[methodId];
  return stage.cacheClusterEnabled && (override?.cachingEnabled ?? stage.methodSettings.cachingEnabled);
}

/**
 * Stages (matched by name): removed or added, and their throttles, stage-wide and per method or route.
 * A stage is part of every URL a client calls, so removing one breaks them all.
 */
export function checkStages(context: DiffContext, base: Map<string, ClientOperation>, revision: Map<string, ClientOperation>): void {
  const before = stagesByName(context.base);
  const after = stagesByName(context.revision);
  for (const name of before.keys())
    if (!after.has(name))
      context.findings.add('apigw-stage-removed', `The stage "${name}" was removed.`, undefined, pointer('stages', name));
  for (const name of after.keys())
    if (!before.has(name)) context.findings.add('apigw-stage-added', `The stage "${name}" was added.`, undefined, pointer('stages', name));
  const baseById = keysById(base);
  const revisionById = keysById(revision);
  for (const [name, stage] of after) {
    const old = before.get(name);
    if (!old) continue;
    for (const field of throttleFields)
      compareLimit(
        context,
        `The ${fieldName[field]} of the stage "${name}"`,
        old.methodSettings[field],
        stage.methodSettings[field],
        undefined,
        pointer('stages', name, 'methodSettings', field),
        throttleIds,
      );
    const overridesBefore = overridesByKey(old, baseById);
    const overridesAfter = overridesByKey(stage, revisionById);
    for (const [key, operation] of revision) {
      const overrideBefore = overridesBefore.get(key);
      const overrideAfter = overridesAfter.get(key);
      // Without an override on either side the method follows the stage, reported above.
      if (!overrideBefore && !overrideAfter) continue;
      if (!base.has(key)) continue;
      for (const field of throttleFields)
        compareLimit(
          context,
          `The ${fieldName[field]} of ${operation.label} on the stage "${name}"`,
          effective(old, overrideBefore, field),
          effective(stage, overrideAfter, field),
          operation.label,
          pointer('stages', name, operation.kind === 'method' ? 'methodOverrides' : 'routeOverrides', operation.label, field),
          throttleIds,
        );
    }
  }
}

function overridesByKey(stage: Stage, byId: Map<string, ClientOperation>): Map<string, Partial<MethodSettings>> {
  const map = new Map<string, Partial<MethodSettings>>();
  const all: Record<string, Partial<MethodSettings>> = { ...stage.methodOverrides, ...stage.routeOverrides };
  for (const [id, override] of Object.entries(all)) {
    const operation = byId.get(id);
    if (operation) map.set(operation.key, override);
  }
  return map;
}
