import type { Design } from '../design';
import { refuse } from '../errors';
import { createId, type MethodId, type RouteId, type StageId } from '../ids';
import {
  cacheClusterSizes,
  loggingLevels,
  type MethodSettings,
  newStage,
  type RouteThrottle,
  type Stage,
  stageNameProblem,
} from '../stage';
import { domainsWithoutStage } from './domains';
import { mustGet, patchObject, requireType, samePlainValue, without } from './helpers';

/** HTTP APIs have a special `$default` stage, served at the API's base URL without a stage path. */
export const defaultStageName = '$default';

function assertStageName(design: Design, name: string, ignoreId?: StageId): void {
  const problem = design.api.type === 'HTTP' && name === defaultStageName ? undefined : stageNameProblem(name);
  if (problem) refuse('invalid-value', problem);
  for (const stage of Object.values(design.stages))
    if (stage.name === name && stage.id !== ignoreId) refuse('duplicate', `A stage named "${name}" already exists.`);
}

/** Checks a number a stage or plan field must hold; refuses NaN, negatives and out-of-range values. */
export function assertNumber(value: number | undefined, what: string, min: number, max: number, integer = false): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    refuse('invalid-value', `${what} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
}

function assertMethodSettings(settings: Partial<MethodSettings>): void {
  assertNumber(settings.cacheTtlSeconds, 'The cache TTL (seconds)', 0, 3600, true);
  assertNumber(settings.throttlingRateLimit, 'The throttling rate (requests per second)', 0, 1_000_000);
  assertNumber(settings.throttlingBurstLimit, 'The throttling burst', 0, 1_000_000, true);
  if (settings.loggingLevel !== undefined && !loggingLevels.includes(settings.loggingLevel))
    refuse('invalid-value', 'The logging level is OFF, ERROR or INFO.');
}

export function addStage(design: Design, args: { name: string; id?: StageId }): Design {
  const name = args.name.trim();
  assertStageName(design, name);
  const id = args.id ?? createId('Stage');
  if (Object.hasOwn(design.stages, id)) refuse('duplicate', `A stage with id "${id}" already exists.`);
  return { ...design, stages: { ...design.stages, [id]: newStage(id, name) }, stageOrder: [...design.stageOrder, id] };
}

export type StagePatch = Partial<Omit<Stage, 'id' | 'methodOverrides' | 'routeOverrides'>>;

export function updateStage(design: Design, stageId: StageId, patch: StagePatch): Design {
  const stage = mustGet(design.stages, stageId, 'stage');
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (name !== stage.name) assertStageName(design, name, stageId);
    patch = { ...patch, name };
  }
  if (patch.cacheClusterSize !== undefined && !cacheClusterSizes.includes(patch.cacheClusterSize))
    refuse('invalid-value', `The cache cluster size is one of ${cacheClusterSizes.join(', ')} GB.`);
  if ((patch.cacheClusterEnabled || patch.canary) && design.api.type !== 'REST')
    requireType(design, ['REST'], patch.canary ? 'Canary releases' : 'Cache clusters');
  if (patch.methodSettings) assertMethodSettings(patch.methodSettings);
  if (patch.canary) assertNumber(patch.canary.percentTraffic, 'The canary traffic percentage', 0, 100);
  if (patch.variables)
    for (const [key, value] of Object.entries(patch.variables)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) refuse('invalid-value', `Stage variable names are letters, digits and "_" only; "${key}" is not.`);
      if (key.length > 64) refuse('invalid-value', `Stage variable names have at most 64 characters; "${key}" has ${key.length}.`);
      if (value.length > 512) refuse('invalid-value', `Stage variable values have at most 512 characters; "${key}" has ${value.length}.`);
    }
  const next = patchObject(stage, patch);
  return next === stage ? design : { ...design, stages: { ...design.stages, [stageId]: next } };
}

/** Sets a per-method override on a REST stage (`undefined` removes it). */
export function setMethodOverride(
  design: Design,
  stageId: StageId,
  methodId: MethodId,
  settings: Partial<MethodSettings> | undefined,
): Design {
  requireType(design, ['REST'], 'Per-method stage settings');
  const stage = mustGet(design.stages, stageId, 'stage');
  mustGet(design.methods, methodId, 'method');
  if (settings === undefined) {
    const methodOverrides = without(stage.methodOverrides, [methodId]);
    return methodOverrides === stage.methodOverrides
      ? design
      : { ...design, stages: { ...design.stages, [stageId]: { ...stage, methodOverrides } } };
  }
  assertMethodSettings(settings);
  if (Object.hasOwn(stage.methodOverrides, methodId) && samePlainValue(stage.methodOverrides[methodId], settings)) return design;
  return {
    ...design,
    stages: { ...design.stages, [stageId]: { ...stage, methodOverrides: { ...stage.methodOverrides, [methodId]: settings } } },
  };
}

/** Sets per-route throttling on an HTTP or WebSocket stage (`undefined` removes it). */
export function setRouteOverride(design: Design, stageId: StageId, routeId: RouteId, throttle: RouteThrottle | undefined): Design {
  requireType(design, ['HTTP', 'WEBSOCKET'], 'Per-route throttling');
  const stage = mustGet(design.stages, stageId, 'stage');
  mustGet(design.routes, routeId, 'route');
  if (throttle === undefined) {
    const routeOverrides = without(stage.routeOverrides, [routeId]);
    return routeOverrides === stage.routeOverrides
      ? design
      : { ...design, stages: { ...design.stages, [stageId]: { ...stage, routeOverrides } } };
  }
  assertNumber(throttle.throttlingRateLimit, 'The throttling rate', 0, 1_000_000);
  assertNumber(throttle.throttlingBurstLimit, 'The throttling burst', 0, 1_000_000, true);
  if (Object.hasOwn(stage.routeOverrides, routeId) && samePlainValue(stage.routeOverrides[routeId], throttle)) return design;
  return {
    ...design,
    stages: { ...design.stages, [stageId]: { ...stage, routeOverrides: { ...stage.routeOverrides, [routeId]: throttle } } },
  };
}

/** Moves a stage to a new position in the list. */
export function moveStage(design: Design, stageId: StageId, toIndex: number): Design {
  mustGet(design.stages, stageId, 'stage');
  const from = design.stageOrder.indexOf(stageId);
  const target = Math.max(0, Math.min(design.stageOrder.length - 1, toIndex));
  if (from === target) return design;
  const stageOrder = design.stageOrder.filter((id) => id !== stageId);
  stageOrder.splice(target, 0, stageId);
  return { ...design, stageOrder };
}

/** Deletes a stage and removes it from the usage plans that covered it and the custom domains that served it. */
export function deleteStage(design: Design, stageId: StageId): Design {
  mustGet(design.stages, stageId, 'stage');
  const usagePlans = { ...design.usagePlans };
  for (const plan of Object.values(design.usagePlans))
    if (plan.stages.some((entry) => entry.stageId === stageId))
      usagePlans[plan.id] = { ...plan, stages: plan.stages.filter((entry) => entry.stageId !== stageId) };
  return {
    ...design,
    stages: without(design.stages, [stageId]),
    stageOrder: design.stageOrder.filter((id) => id !== stageId),
    usagePlans,
    domains: domainsWithoutStage(design.domains, stageId),
  };
}
