import { designCards } from './cards';
import type { Design } from './design';
import type { BodyContent } from './operation-doc';
import { authorizerKindProblem } from './operations/authorizers';
import { integrationKindProblem } from './operations/integrations';
import { isGreedy, pathPartProblem, type Resource } from './resource';
import { routeKeyProblem } from './route';
import { stageNameProblem } from './stage';

/**
 * Whether walking up from a resource loops. Linear over all resources together: every resource is
 * walked once and remembered in `settled` (true = leads into a cycle), so a long chain of resources in
 * a hostile file cannot make the check quadratic.
 */
function walksIntoCycle(resources: Design['resources'], startId: string, settled: Map<string, boolean>): boolean {
  const path: string[] = [];
  const onPath = new Set<string>();
  let id: string | null = startId;
  let result = false;
  while (id !== null) {
    const known = settled.get(id);
    if (known !== undefined) {
      result = known;
      break;
    }
    if (onPath.has(id)) {
      result = true;
      break;
    }
    if (!Object.hasOwn(resources, id)) break;
    path.push(id);
    onPath.add(id);
    id = (resources[id as keyof typeof resources] as Resource).parentId;
  }
  for (const visited of path) settled.set(visited, result);
  return result;
}

/**
 * The design's referential invariants: every reference points at an existing element, the resource
 * tree has one root and no cycles. Operations keep these true; `parseDesign` uses this to refuse a
 * saved or shared design that breaks them. Returns one message per broken invariant.
 */
export function checkDesign(design: Design): string[] {
  const problems: string[] = [];
  // Own keys only: an id such as "constructor" or "toString" must not find Object.prototype's members.
  const has = (record: object, id: string): boolean => Object.hasOwn(record, id);
  const resources = Object.values(design.resources);
  const roots = resources.filter((resource) => resource.parentId === null);
  if (design.api.type === 'REST' && roots.length !== 1)
    problems.push(`A REST design has exactly one root resource; this one has ${roots.length}.`);
  if (design.api.type !== 'REST' && (resources.length > 0 || Object.keys(design.methods).length > 0))
    problems.push('Only REST designs have resources and methods.');
  if (design.api.type === 'REST' && Object.keys(design.routes).length > 0) problems.push('REST designs have methods, not routes.');
  const siblings = new Set<string>();
  const settled = new Map<string, boolean>();
  for (const resource of resources) {
    if (resource.parentId !== null && !has(design.resources, resource.parentId))
      problems.push(`Resource ${resource.id} has a missing parent.`);
    const key = `${resource.parentId}/${resource.pathPart}`;
    if (siblings.has(key)) problems.push(`Path part "${resource.pathPart}" appears twice under one parent.`);
    siblings.add(key);
    // Cycle check: walking up must reach the root (or a missing parent, reported above).
    if (walksIntoCycle(design.resources, resource.id, settled)) problems.push(`Resource ${resource.id} is part of a cycle.`);
  }
  const verbs = new Set<string>();
  const checkContent = (owner: string, content: Record<string, BodyContent>) => {
    for (const body of Object.values(content))
      if (body.modelId && !has(design.models, body.modelId)) problems.push(`${owner} uses a missing model.`);
  };
  for (const method of Object.values(design.methods)) {
    if (!has(design.resources, method.resourceId)) problems.push(`Method ${method.id} belongs to a missing resource.`);
    const key = `${method.resourceId} ${method.httpMethod}`;
    if (verbs.has(key)) problems.push(`Two ${method.httpMethod} methods on one resource.`);
    verbs.add(key);
    if (method.requestValidatorId && !has(design.requestValidators, method.requestValidatorId))
      problems.push(`Method ${method.id} uses a missing request validator.`);
  }
  const routeKeys = new Set<string>();
  for (const route of Object.values(design.routes)) {
    if (routeKeys.has(route.routeKey)) problems.push(`The route key "${route.routeKey}" appears twice.`);
    routeKeys.add(route.routeKey);
  }
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)]) {
    const name = 'routeKey' in owner ? `Route ${owner.routeKey}` : `Method ${owner.id}`;
    if (owner.authorizerId && !has(design.authorizers, owner.authorizerId)) problems.push(`${name} uses a missing authorizer.`);
    if (owner.integration && !has(design.integrations, owner.integration.integrationId))
      problems.push(`${name} uses a missing integration.`);
    if (owner.requestBody) checkContent(name, owner.requestBody.content);
    for (const response of owner.responses) checkContent(name, response.content);
  }
  if (design.api.defaultRequestValidatorId && !has(design.requestValidators, design.api.defaultRequestValidatorId))
    problems.push('The default request validator is missing.');
  for (const stage of Object.values(design.stages)) {
    for (const methodId of Object.keys(stage.methodOverrides))
      if (!Object.hasOwn(design.methods, methodId)) problems.push(`Stage ${stage.name} overrides a missing method.`);
    for (const routeId of Object.keys(stage.routeOverrides))
      if (!Object.hasOwn(design.routes, routeId)) problems.push(`Stage ${stage.name} overrides a missing route.`);
  }
  const orderSet = new Set(design.stageOrder);
  if (
    orderSet.size !== design.stageOrder.length ||
    design.stageOrder.length !== Object.keys(design.stages).length ||
    design.stageOrder.some((id) => !has(design.stages, id))
  )
    problems.push('The stage order does not list each stage once.');
  for (const plan of Object.values(design.usagePlans)) {
    for (const entry of plan.stages) {
      if (!has(design.stages, entry.stageId)) problems.push(`Usage plan ${plan.name} covers a missing stage.`);
      for (const methodId of Object.keys(entry.methodThrottles))
        if (!Object.hasOwn(design.methods, methodId)) problems.push(`Usage plan ${plan.name} throttles a missing method.`);
    }
    for (const keyId of plan.apiKeyIds) if (!has(design.apiKeys, keyId)) problems.push(`Usage plan ${plan.name} lists a missing API key.`);
  }
  // The rules operations enforce per API type, so that a saved or shared design cannot bring in what the
  // canvas would refuse (a JWT authorizer on a REST API, children under {proxy+}, a malformed route key).
  for (const resource of resources) {
    if (resource.parentId === null) continue;
    const problem = pathPartProblem(resource.pathPart);
    if (problem) problems.push(`Resource ${resource.id}: ${problem}`);
    if (has(design.resources, resource.parentId) && isGreedy((design.resources[resource.parentId] as Resource).pathPart))
      problems.push(`Resource ${resource.id} is below a greedy {proxy+} resource, which cannot have children.`);
  }
  const stageNames = new Set<string>();
  for (const stage of Object.values(design.stages)) {
    const problem = design.api.type === 'HTTP' && stage.name === '$default' ? undefined : stageNameProblem(stage.name);
    if (problem) problems.push(`Stage ${stage.name}: ${problem}`);
    if (stageNames.has(stage.name)) problems.push(`Two stages are named ${stage.name}.`);
    stageNames.add(stage.name);
  }
  for (const authorizer of Object.values(design.authorizers)) {
    const problem = authorizerKindProblem(authorizer.kind, design.api.type);
    if (problem) problems.push(`Authorizer ${authorizer.name}: ${problem}`);
  }
  for (const target of Object.values(design.integrations)) {
    const problem = integrationKindProblem(target.kind, design.api.type);
    if (problem) problems.push(`Integration ${target.name}: ${problem}`);
  }
  if (design.api.type !== 'REST')
    for (const route of Object.values(design.routes)) {
      const problem = routeKeyProblem(route.routeKey, design.api.type);
      if (problem) problems.push(`Route ${route.routeKey}: ${problem}`);
      if (design.api.type === 'WEBSOCKET' && route.authorizerId && route.routeKey !== '$connect')
        problems.push(`Route ${route.routeKey} has an authorizer; WebSocket APIs authorize only on $connect.`);
    }
  const { byId } = designCards(design);
  for (const id of Object.keys(design.layout))
    if (!byId.has(id)) problems.push(`The canvas has a position for ${id}, which is not a card of this design.`);
  for (const [collection, record] of Object.entries({
    resources: design.resources,
    methods: design.methods,
    routes: design.routes,
    authorizers: design.authorizers,
    integrations: design.integrations,
    models: design.models,
    requestValidators: design.requestValidators,
    stages: design.stages,
    usagePlans: design.usagePlans,
    apiKeys: design.apiKeys,
    // A domain's mappings and rules may name a stage that is gone (a hand-edited file): the rules report
    // it with a fix, rather than the whole design being refused here.
    domains: design.domains,
  }))
    for (const [key, element] of Object.entries(record as Record<string, { id: string }>))
      if (element.id !== key) problems.push(`In ${collection}, the element stored under "${key}" has id "${element.id}".`);
  return problems;
}
