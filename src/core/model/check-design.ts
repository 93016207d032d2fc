import type { Design } from './design';
import { idKindOf } from './ids';
import type { BodyContent } from './operation-doc';

/**
 * The design's referential invariants: every reference points at an existing element, the resource
 * tree has one root and no cycles. Operations keep these true; `parseDesign` uses this to refuse a
 * saved or shared design that breaks them. Returns one message per broken invariant.
 */
export function checkDesign(design: Design): string[] {
  const problems: string[] = [];
  const resources = Object.values(design.resources);
  const roots = resources.filter((resource) => resource.parentId === null);
  if (design.api.type === 'REST' && roots.length !== 1)
    problems.push(`A REST design has exactly one root resource; this one has ${roots.length}.`);
  if (design.api.type !== 'REST' && (resources.length > 0 || Object.keys(design.methods).length > 0))
    problems.push('Only REST designs have resources and methods.');
  if (design.api.type === 'REST' && Object.keys(design.routes).length > 0) problems.push('REST designs have methods, not routes.');
  const siblings = new Set<string>();
  for (const resource of resources) {
    if (resource.parentId !== null && !design.resources[resource.parentId]) problems.push(`Resource ${resource.id} has a missing parent.`);
    const key = `${resource.parentId}/${resource.pathPart}`;
    if (siblings.has(key)) problems.push(`Path part "${resource.pathPart}" appears twice under one parent.`);
    siblings.add(key);
    // Cycle check: walking up must reach the root.
    let current = resource;
    let steps = 0;
    while (current.parentId !== null && steps <= resources.length) {
      const parent = design.resources[current.parentId];
      if (!parent) break;
      current = parent;
      steps += 1;
    }
    if (steps > resources.length) problems.push(`Resource ${resource.id} is part of a cycle.`);
  }
  const verbs = new Set<string>();
  const checkContent = (owner: string, content: Record<string, BodyContent>) => {
    for (const body of Object.values(content))
      if (body.modelId && !design.models[body.modelId]) problems.push(`${owner} uses a missing model.`);
  };
  for (const method of Object.values(design.methods)) {
    if (!design.resources[method.resourceId]) problems.push(`Method ${method.id} belongs to a missing resource.`);
    const key = `${method.resourceId} ${method.httpMethod}`;
    if (verbs.has(key)) problems.push(`Two ${method.httpMethod} methods on one resource.`);
    verbs.add(key);
    if (method.requestValidatorId && !design.requestValidators[method.requestValidatorId])
      problems.push(`Method ${method.id} uses a missing request validator.`);
  }
  const routeKeys = new Set<string>();
  for (const route of Object.values(design.routes)) {
    if (routeKeys.has(route.routeKey)) problems.push(`The route key "${route.routeKey}" appears twice.`);
    routeKeys.add(route.routeKey);
  }
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)]) {
    const name = 'routeKey' in owner ? `Route ${owner.routeKey}` : `Method ${owner.id}`;
    if (owner.authorizerId && !design.authorizers[owner.authorizerId]) problems.push(`${name} uses a missing authorizer.`);
    if (owner.integration && !design.integrations[owner.integration.integrationId]) problems.push(`${name} uses a missing integration.`);
    if (owner.requestBody) checkContent(name, owner.requestBody.content);
    for (const response of owner.responses) checkContent(name, response.content);
  }
  if (design.api.defaultRequestValidatorId && !design.requestValidators[design.api.defaultRequestValidatorId])
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
    design.stageOrder.some((id) => !design.stages[id])
  )
    problems.push('The stage order does not list each stage once.');
  for (const plan of Object.values(design.usagePlans)) {
    for (const entry of plan.stages) {
      if (!design.stages[entry.stageId]) problems.push(`Usage plan ${plan.name} covers a missing stage.`);
      for (const methodId of Object.keys(entry.methodThrottles))
        if (!Object.hasOwn(design.methods, methodId)) problems.push(`Usage plan ${plan.name} throttles a missing method.`);
    }
    for (const keyId of plan.apiKeyIds) if (!design.apiKeys[keyId]) problems.push(`Usage plan ${plan.name} lists a missing API key.`);
  }
  for (const id of Object.keys(design.layout)) {
    const kind = idKindOf(id);
    const exists =
      Object.hasOwn(design.resources, id) ||
      Object.hasOwn(design.methods, id) ||
      Object.hasOwn(design.routes, id) ||
      Object.hasOwn(design.authorizers, id) ||
      Object.hasOwn(design.integrations, id);
    if (!exists && kind !== undefined) problems.push(`The canvas has a position for a missing element ${id}.`);
  }
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
  }))
    for (const [key, element] of Object.entries(record as Record<string, { id: string }>))
      if (element.id !== key) problems.push(`In ${collection}, the element stored under "${key}" has id "${element.id}".`);
  return problems;
}
