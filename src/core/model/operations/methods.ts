import type { Design } from '../design';
import { refuse } from '../errors';
import { createId, type MethodId, type ResourceId } from '../ids';
import { type HttpMethod, httpMethods, type Method } from '../method';
import { emptyOperationDoc } from '../operation-doc';
import { resourcePath } from '../paths';
import type { MethodSettings, Stage } from '../stage';
import type { UsagePlan } from '../usage-plan';
import { assertModelsExist, mustGet, patchObject, requireType, without } from './helpers';

function assertFreeVerb(design: Design, resourceId: ResourceId, httpMethod: HttpMethod, ignoreId?: MethodId): void {
  for (const method of Object.values(design.methods)) {
    if (method.resourceId === resourceId && method.httpMethod === httpMethod && method.id !== ignoreId)
      refuse('duplicate', `${resourcePath(design, resourceId)} already has a ${httpMethod} method: one method per verb per resource.`);
  }
}

export interface AddMethodArgs {
  resourceId: ResourceId;
  httpMethod: HttpMethod;
  id?: MethodId;
}

/** Adds a verb to a resource. */
export function addMethod(design: Design, args: AddMethodArgs): Design {
  requireType(design, ['REST'], 'Methods');
  mustGet(design.resources, args.resourceId, 'resource');
  if (!httpMethods.includes(args.httpMethod))
    refuse('invalid-value', `${String(args.httpMethod)} is not an HTTP method API Gateway knows.`);
  assertFreeVerb(design, args.resourceId, args.httpMethod);
  const id = args.id ?? createId('Method');
  if (Object.hasOwn(design.methods, id)) refuse('duplicate', `A method with id "${id}" already exists.`);
  const method: Method = {
    ...emptyOperationDoc(),
    id,
    resourceId: args.resourceId,
    httpMethod: args.httpMethod,
    authorizationScopes: [],
    apiKeyRequired: false,
  };
  // A method is a row of its resource's card: it has no canvas position of its own.
  return { ...design, methods: { ...design.methods, [id]: method } };
}

/** The fields of a method a form may change directly; references go through their own operations. */
export type MethodPatch = Partial<Omit<Method, 'id' | 'resourceId' | 'authorizerId' | 'integration'>>;

/** Changes a method's own fields (verb, documentation, API key requirement, parameters…). */
export function updateMethod(design: Design, methodId: MethodId, patch: MethodPatch): Design {
  const method = mustGet(design.methods, methodId, 'method');
  if (patch.httpMethod !== undefined && patch.httpMethod !== method.httpMethod) {
    if (!httpMethods.includes(patch.httpMethod))
      refuse('invalid-value', `${String(patch.httpMethod)} is not an HTTP method API Gateway knows.`);
    assertFreeVerb(design, method.resourceId, patch.httpMethod, methodId);
  }
  if (patch.requestValidatorId !== undefined) mustGet(design.requestValidators, patch.requestValidatorId, 'request validator');
  if (patch.parameters) {
    const seen = new Set<string>();
    for (const parameter of patch.parameters) {
      const key = `${parameter.in}:${parameter.name}`;
      if (parameter.name.trim() === '') refuse('invalid-value', 'A request parameter needs a name.');
      if (seen.has(key)) refuse('duplicate', `The ${parameter.in} parameter "${parameter.name}" is listed twice.`);
      seen.add(key);
    }
  }
  assertModelsExist(design, patch);
  const next = patchObject(method, patch);
  if (next === method) return design;
  return { ...design, methods: { ...design.methods, [methodId]: next } };
}

/** Moves a method to another resource (drag of a method onto a resource). */
export function moveMethod(design: Design, methodId: MethodId, resourceId: ResourceId): Design {
  const method = mustGet(design.methods, methodId, 'method');
  mustGet(design.resources, resourceId, 'resource');
  if (method.resourceId === resourceId) return design;
  assertFreeVerb(design, resourceId, method.httpMethod, methodId);
  return { ...design, methods: { ...design.methods, [methodId]: { ...method, resourceId } } };
}

function stageWithoutMethods(stage: Stage, ids: Set<string>): Stage {
  const overrides = without(stage.methodOverrides as Record<string, Partial<MethodSettings>>, ids);
  return overrides === stage.methodOverrides ? stage : { ...stage, methodOverrides: overrides as Stage['methodOverrides'] };
}

function planWithoutMethods(plan: UsagePlan, ids: Set<string>): UsagePlan {
  let changed = false;
  const stages = plan.stages.map((entry) => {
    const throttles = without(entry.methodThrottles as Record<string, unknown>, ids);
    if (throttles === entry.methodThrottles) return entry;
    changed = true;
    return { ...entry, methodThrottles: throttles as typeof entry.methodThrottles };
  });
  return changed ? { ...plan, stages } : plan;
}

/** Deletes methods and every reference to them (stage overrides, usage-plan throttles). */
export function deleteMethods(design: Design, methodIds: Iterable<MethodId>): Design {
  const ids = new Set<string>();
  for (const id of methodIds) {
    mustGet(design.methods, id, 'method');
    ids.add(id);
  }
  if (ids.size === 0) return design;
  const stages = { ...design.stages };
  for (const stage of Object.values(design.stages)) stages[stage.id] = stageWithoutMethods(stage, ids);
  const usagePlans = { ...design.usagePlans };
  for (const plan of Object.values(design.usagePlans)) usagePlans[plan.id] = planWithoutMethods(plan, ids);
  return {
    ...design,
    methods: without(design.methods, ids),
    layout: without(design.layout, ids),
    stages,
    usagePlans,
  };
}
