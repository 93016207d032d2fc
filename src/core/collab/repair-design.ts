import {
  type ApiType,
  type Authorizer,
  authorizerKindProblem,
  type BodyContent,
  type Design,
  domainsWithoutStage,
  type IntegrationTarget,
  integrationKindProblem,
  isGreedy,
  type Method,
  type MethodResponse,
  type RequestBody,
  type Resource,
  type ResourceId,
  ROOT_RESOURCE_ID,
  type Route,
  routeKeyProblem,
  type Stage,
  type StageId,
  stageNameProblem,
  type UsagePlan,
} from '../model';

/**
 * What a merge changed so that the design stays valid: said to the people in the session, with the
 * element to look at.
 */
export interface Repair {
  message: string;
  /** The element the repair kept or changed; absent when the element is gone. */
  elementId?: string;
}

/** The design as read from the doc, before the checks: the shape of a design, its invariants not yet sure. */
type Draft = Design;
type Owner = Method | Route;

/**
 * Repairs, deterministically, what concurrent edits that are each valid can break when Yjs merges them:
 * every client (and the server) computes the same repair from the same doc, so all of them show the same
 * design. Deletion wins over an edit made at the same time (as it does in Yjs itself); two things made
 * at the same time that may exist only once (two GET methods on /pets, two /pets resources) become one,
 * keeping the one made first in the shared order and taking from the other what it alone had.
 *
 * Works on a copy: objects read from the doc may be the doc's own values, so nothing here is changed in
 * place. What this does not repair, `parseDesign` refuses.
 */
export function repairDesign(input: Draft): { design: Draft; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const d: Draft = {
    ...input,
    api: { ...input.api },
    resources: { ...input.resources },
    methods: { ...input.methods },
    routes: { ...input.routes },
    authorizers: { ...input.authorizers },
    integrations: { ...input.integrations },
    stages: { ...input.stages },
    usagePlans: { ...input.usagePlans },
    domains: { ...input.domains },
  };
  const say = (message: string, elementId?: string) => {
    repairs.push(elementId === undefined ? { message } : { message, elementId });
  };
  const has = (record: object, id: string | undefined): boolean => id !== undefined && Object.hasOwn(record, id);
  const type = d.api.type;

  keepElementsOfApiType(d, type, say);
  const paths = repairResourceTree(d, type, say);
  const pathOf = (resourceId: string) => paths.get(resourceId as ResourceId) ?? 'a deleted resource';
  const methodName = (method: Method) => `${method.httpMethod} ${pathOf(method.resourceId)}`;
  const ownerName = (owner: Owner) => ('routeKey' in owner ? `The route ${owner.routeKey}` : `${methodName(owner)}`);

  // Methods on a resource deleted at the same time go with it.
  for (const method of Object.values(d.methods))
    if (!has(d.resources, method.resourceId)) {
      delete d.methods[method.id];
      say(`A ${method.httpMethod} method was added to a resource that was deleted at the same time; it was removed with it.`);
    }
  mergeDuplicates(
    d,
    Object.values(d.methods),
    (method) => `${method.resourceId} ${method.httpMethod}`,
    (kept, count) =>
      say(
        `${count} ${kept.httpMethod} methods were made on ${pathOf(kept.resourceId)} at the same time; they are one method now, with what each had set.`,
        kept.id,
      ),
  );
  mergeDuplicates(
    d,
    Object.values(d.routes),
    (route) => route.routeKey,
    (kept, count) =>
      say(`${count} routes ${kept.routeKey} were made at the same time; they are one route now, with what each had set.`, kept.id),
  );

  // References to what someone deleted while another person was wiring it.
  const owners: Owner[] = [...Object.values(d.methods), ...Object.values(d.routes)];
  for (const original of owners) {
    let owner: Owner = original;
    const change = (next: Owner) => {
      owner = next;
    };
    if (owner.authorizerId !== undefined && !has(d.authorizers, owner.authorizerId)) {
      const { authorizerId: _gone, ...rest } = owner;
      change({ ...rest, authorizationScopes: [] } as Owner);
      say(
        `${ownerName(owner)} used an authorizer that was deleted at the same time: it has no authorizer now (open to any caller).`,
        owner.id,
      );
    }
    if (type === 'WEBSOCKET' && 'routeKey' in owner && owner.authorizerId !== undefined && owner.routeKey !== '$connect') {
      const { authorizerId: _moved, ...rest } = owner;
      change({ ...rest, authorizationScopes: [] } as Owner);
      say(
        `The route ${owner.routeKey} got an authorizer while it stopped being $connect; WebSocket APIs authorize on $connect only, so it was removed.`,
        owner.id,
      );
    }
    if (owner.integration && !has(d.integrations, owner.integration.integrationId)) {
      const { integration: _gone, ...rest } = owner;
      change(rest as Owner);
      say(`${ownerName(owner)} used an integration that was deleted at the same time: it has no integration now.`, owner.id);
    }
    if ('resourceId' in owner && owner.requestValidatorId !== undefined && !has(d.requestValidators, owner.requestValidatorId)) {
      const { requestValidatorId: _gone, ...rest } = owner;
      change(rest as Owner);
      say(`${ownerName(owner)} used a request validator that was deleted at the same time: it has none now.`, owner.id);
    }
    const missingModel = (content: Record<string, BodyContent>) =>
      Object.values(content).some((body) => body.modelId !== undefined && !has(d.models, body.modelId));
    const withoutMissingModels = (content: Record<string, BodyContent>): Record<string, BodyContent> => {
      const next: Record<string, BodyContent> = {};
      for (const [mediaType, body] of Object.entries(content)) {
        if (body.modelId !== undefined && !has(d.models, body.modelId)) {
          const { modelId: _gone, ...rest } = body;
          next[mediaType] = rest;
        } else next[mediaType] = body;
      }
      return next;
    };
    const requestBody: RequestBody | undefined = owner.requestBody;
    const responses: MethodResponse[] = owner.responses;
    if ((requestBody && missingModel(requestBody.content)) || responses.some((response) => missingModel(response.content))) {
      change({
        ...owner,
        ...(requestBody ? { requestBody: { ...requestBody, content: withoutMissingModels(requestBody.content) } } : {}),
        responses: responses.map((response) =>
          missingModel(response.content) ? { ...response, content: withoutMissingModels(response.content) } : response,
        ),
      });
      say(`${ownerName(owner)} used a model that was deleted at the same time: the body no longer names it.`, owner.id);
    }
    if (owner !== original) {
      if ('routeKey' in owner) d.routes[owner.id] = owner;
      else d.methods[owner.id] = owner;
    }
  }
  if (d.api.defaultRequestValidatorId !== undefined && !has(d.requestValidators, d.api.defaultRequestValidatorId)) {
    const { defaultRequestValidatorId: _gone, ...rest } = d.api;
    d.api = rest;
    say('The default request validator was deleted while it was being chosen: the API has none now.');
  }

  repairStages(d, type, say);
  repairUsagePlans(d, say);
  return { design: d, repairs };
}

type Say = (message: string, elementId?: string) => void;

/** A REST API has resources and methods, the others routes; authorizers and integrations of a kind the type has. */
function keepElementsOfApiType(d: Draft, type: ApiType, say: Say): void {
  if (type === 'REST') {
    for (const route of Object.values(d.routes)) {
      delete d.routes[route.id];
      say(`The route ${route.routeKey} was made while the API became a REST API, which has methods, not routes: it was removed.`);
    }
  } else {
    for (const method of Object.values(d.methods)) {
      delete d.methods[method.id];
      say(
        `A ${method.httpMethod} method was made while the API became ${type === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API, which has routes: it was removed.`,
      );
    }
    for (const resource of Object.values(d.resources)) {
      delete d.resources[resource.id];
      if (resource.parentId !== null)
        say(
          `The resource ${resource.pathPart} was made while the API stopped being a REST API, which alone has resources: it was removed.`,
        );
    }
  }
  for (const authorizer of Object.values(d.authorizers) as Authorizer[])
    if (authorizerKindProblem(authorizer.kind, type)) {
      delete d.authorizers[authorizer.id];
      say(
        `The authorizer ${authorizer.name} (${authorizer.kind}) was made while the API type changed to one that has no such authorizer: it was removed.`,
      );
    }
  for (const target of Object.values(d.integrations) as IntegrationTarget[])
    if (integrationKindProblem(target.kind, type)) {
      delete d.integrations[target.id];
      say(
        `The integration ${target.name} (${target.kind}) was made while the API type changed to one that has no such integration: it was removed.`,
      );
    }
  if (type !== 'REST')
    for (const route of Object.values(d.routes))
      if (routeKeyProblem(route.routeKey, type)) {
        delete d.routes[route.id];
        say(`The route ${route.routeKey} was made while the API type changed to one where it is not a route key: it was removed.`);
      }
}

/**
 * One root, no cycles, no resource whose parent is gone, none below a greedy {proxy+}, no path part twice
 * among siblings. Returns every remaining resource's path (for messages).
 */
function repairResourceTree(d: Draft, type: ApiType, say: Say): Map<ResourceId, string> {
  const paths = new Map<ResourceId, string>();
  if (type !== 'REST') return paths;
  const resources = d.resources;
  const roots = Object.values(resources).filter((resource) => resource.parentId === null);
  let rootId: ResourceId;
  if (roots.length === 0) {
    rootId = Object.hasOwn(resources, ROOT_RESOURCE_ID) ? (`${ROOT_RESOURCE_ID}_restored` as ResourceId) : ROOT_RESOURCE_ID;
    resources[rootId] = { id: rootId, parentId: null, pathPart: '' };
    say('The root resource / was missing after changes made at the same time; it was added back.', rootId);
  } else {
    const kept = roots.find((root) => root.id === ROOT_RESOURCE_ID) ?? (roots[0] as Resource);
    rootId = kept.id;
    for (const other of roots) {
      if (other.id === rootId) continue;
      delete resources[other.id];
      for (const resource of Object.values(resources))
        if (resource.parentId === other.id) resources[resource.id] = { ...resource, parentId: rootId };
      for (const method of Object.values(d.methods))
        if (method.resourceId === other.id) d.methods[method.id] = { ...method, resourceId: rootId };
      say('The API had two root resources after changes made at the same time; they are one now.', rootId);
    }
  }

  const dropSubtree = (topId: ResourceId, message: (count: { resources: number; methods: number }) => string) => {
    const doomed = new Set<ResourceId>([topId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const resource of Object.values(resources))
        if (resource.parentId !== null && doomed.has(resource.parentId) && !doomed.has(resource.id)) {
          doomed.add(resource.id);
          grew = true;
        }
    }
    let methods = 0;
    for (const method of Object.values(d.methods))
      if (doomed.has(method.resourceId)) {
        delete d.methods[method.id];
        methods += 1;
      }
    for (const id of doomed) delete resources[id];
    say(message({ resources: doomed.size, methods }));
  };
  const withWhat = ({ resources: count, methods }: { resources: number; methods: number }) => {
    const parts = [
      count > 1 ? `${count - 1} resource${count > 2 ? 's' : ''} below it` : '',
      methods > 0 ? `${methods} method${methods > 1 ? 's' : ''}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return parts ? ` (with ${parts})` : '';
  };

  // Walk up from every resource: to the root (fine), to a parent that is gone (an orphan), or round a cycle.
  const reachesRoot = new Set<string>([rootId]);
  for (const start of Object.values(resources)) {
    if (!Object.hasOwn(resources, start.id) || reachesRoot.has(start.id)) continue;
    const path: ResourceId[] = [];
    const onPath = new Set<string>();
    let current: Resource | undefined = start;
    while (current && !reachesRoot.has(current.id)) {
      if (onPath.has(current.id)) {
        // A cycle (two resources each moved under the other): its member with the smallest id goes under /.
        const cycle = path.slice(path.indexOf(current.id));
        const moved = [...cycle].sort()[0] as ResourceId;
        const resource = resources[moved] as Resource;
        resources[moved] = { ...resource, parentId: rootId };
        say(
          `The resource ${resource.pathPart} was moved under a resource that was moved under it at the same time; it is under / now.`,
          moved,
        );
        break;
      }
      path.push(current.id);
      onPath.add(current.id);
      const parentId: ResourceId | null = current.parentId;
      if (parentId === null || !Object.hasOwn(resources, parentId)) {
        dropSubtree(
          current.id,
          (count) =>
            `The resource ${(current as Resource).pathPart} was made under a resource that was deleted at the same time; it was removed${withWhat(count)}.`,
        );
        path.length = 0;
        break;
      }
      current = resources[parentId];
    }
    for (const id of path) if (Object.hasOwn(resources, id)) reachesRoot.add(id);
  }

  // Top down from the root: children of a greedy resource, and siblings with the same path part.
  const childrenOf = new Map<string, Resource[]>();
  for (const resource of Object.values(resources)) {
    if (resource.parentId === null) continue;
    const list = childrenOf.get(resource.parentId) ?? [];
    list.push(resource);
    childrenOf.set(resource.parentId, list);
  }
  paths.set(rootId, '/');
  const queue: ResourceId[] = [rootId];
  while (queue.length > 0) {
    const parentId = queue.shift() as ResourceId;
    const parent = resources[parentId];
    if (!parent) continue;
    const parentPath = paths.get(parentId) ?? '/';
    const children = (childrenOf.get(parentId) ?? []).filter((child) => Object.hasOwn(resources, child.id));
    if (parent.parentId !== null && isGreedy(parent.pathPart)) {
      for (const child of children)
        dropSubtree(
          child.id,
          (count) =>
            `The resource ${child.pathPart} was made under ${parentPath} while it became a greedy ${parent.pathPart}, which cannot have children; it was removed${withWhat(count)}.`,
        );
      continue;
    }
    const byPart = new Map<string, Resource>();
    for (const child of children) {
      const kept = byPart.get(child.pathPart);
      if (!kept) {
        byPart.set(child.pathPart, child);
        continue;
      }
      // The same path made twice at the same time: one resource, with the children and methods of both.
      delete resources[child.id];
      for (const grandchild of childrenOf.get(child.id) ?? [])
        if (Object.hasOwn(resources, grandchild.id)) {
          resources[grandchild.id] = { ...grandchild, parentId: kept.id };
          childrenOf.set(kept.id, [...(childrenOf.get(kept.id) ?? []), resources[grandchild.id] as Resource]);
        }
      for (const method of Object.values(d.methods))
        if (method.resourceId === child.id) d.methods[method.id] = { ...method, resourceId: kept.id };
      say(
        `The resource ${parentPath === '/' ? '' : parentPath}/${child.pathPart} was made twice at the same time; it is one resource now, with the methods and children of both.`,
        kept.id,
      );
    }
    for (const child of byPart.values()) {
      paths.set(child.id, `${parentPath === '/' ? '' : parentPath}/${child.pathPart}`);
      queue.push(child.id);
    }
  }
  return paths;
}

/**
 * Elements that may exist only once under a key (a verb on a resource, a route key): the first in the
 * shared order stays, takes every field only a later one had set, and takes over the later ones' stage
 * settings and usage plan throttles; the later ones go.
 */
function mergeDuplicates<T extends Owner>(
  d: Draft,
  elements: T[],
  keyOf: (element: T) => string,
  report: (kept: T, count: number) => void,
): void {
  const groups = new Map<string, T[]>();
  for (const element of elements) {
    const group = groups.get(keyOf(element));
    if (group) group.push(element);
    else groups.set(keyOf(element), [element]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let kept = group[0] as T;
    for (const other of group.slice(1)) {
      const merged: Record<string, unknown> = { ...kept };
      for (const [field, value] of Object.entries(other)) {
        const mine = merged[field];
        if (value === undefined) continue;
        if (mine === undefined || (Array.isArray(mine) && mine.length === 0 && Array.isArray(value))) merged[field] = value;
      }
      // In the order a read from the doc gives (id, then the rest sorted), so the repair written back
      // reads as the same text.
      const { id, ...fields } = merged;
      kept = {
        id,
        ...Object.fromEntries(
          Object.keys(fields)
            .sort()
            .map((key) => [key, fields[key]]),
        ),
      } as unknown as T;
      const isRoute = 'routeKey' in other;
      for (const stage of Object.values(d.stages)) {
        const overrides = (isRoute ? stage.routeOverrides : stage.methodOverrides) as Record<string, unknown>;
        if (!Object.hasOwn(overrides, other.id)) continue;
        const next = { ...overrides };
        if (!Object.hasOwn(next, kept.id)) next[kept.id] = next[other.id];
        delete next[other.id];
        d.stages[stage.id] = isRoute
          ? { ...stage, routeOverrides: next as Stage['routeOverrides'] }
          : { ...stage, methodOverrides: next as Stage['methodOverrides'] };
      }
      if (!isRoute)
        for (const plan of Object.values(d.usagePlans)) {
          if (!plan.stages.some((entry) => Object.hasOwn(entry.methodThrottles, other.id))) continue;
          d.usagePlans[plan.id] = {
            ...plan,
            stages: plan.stages.map((entry) => {
              if (!Object.hasOwn(entry.methodThrottles, other.id)) return entry;
              const throttles: Record<string, unknown> = { ...entry.methodThrottles };
              if (!Object.hasOwn(throttles, kept.id)) throttles[kept.id] = throttles[other.id];
              delete throttles[other.id];
              return { ...entry, methodThrottles: throttles as UsagePlan['stages'][number]['methodThrottles'] };
            }),
          };
        }
      if (isRoute) delete d.routes[other.id as Route['id']];
      else delete d.methods[other.id as Method['id']];
    }
    if ('routeKey' in kept) d.routes[kept.id] = kept;
    else d.methods[kept.id] = kept as Method;
    report(kept, group.length);
  }
}

/** A valid stage name made from one that is not (an HTTP API's $default kept by a type change, say). */
function validStageName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128);
  return /[A-Za-z0-9]/.test(cleaned) ? cleaned : 'stage';
}

function repairStages(d: Draft, type: ApiType, say: Say): void {
  // The user's order: each stage once, the ones it misses (made at the same time as a move) at the end.
  const order: StageId[] = [];
  const seen = new Set<string>();
  for (const id of d.stageOrder)
    if (Object.hasOwn(d.stages, id) && !seen.has(id)) {
      order.push(id);
      seen.add(id);
    }
  for (const id of Object.keys(d.stages) as StageId[]) if (!seen.has(id)) order.push(id);
  d.stageOrder = order;

  const names = new Set<string>();
  for (const id of order) {
    let stage = d.stages[id] as Stage;
    let name = stage.name;
    const allowed = type === 'HTTP' && name === '$default' ? undefined : stageNameProblem(name);
    if (allowed) name = validStageName(name);
    if (names.has(name)) {
      let suffix = 2;
      while (names.has(`${name.slice(0, 120)}-${suffix}`)) suffix += 1;
      name = `${name.slice(0, 120)}-${suffix}`;
    }
    names.add(name);
    if (name !== stage.name) {
      say(
        allowed
          ? `The stage ${stage.name} has a name the API type does not allow after changes made at the same time; it is ${name} now.`
          : `Two stages were named ${stage.name} at the same time; the later one is ${name} now.`,
        id,
      );
      stage = { ...stage, name };
    }
    const methodOverrides = Object.fromEntries(
      Object.entries(stage.methodOverrides).filter(([methodId]) => Object.hasOwn(d.methods, methodId)),
    );
    const routeOverrides = Object.fromEntries(Object.entries(stage.routeOverrides).filter(([routeId]) => Object.hasOwn(d.routes, routeId)));
    const droppedOverrides =
      Object.keys(stage.methodOverrides).length -
      Object.keys(methodOverrides).length +
      Object.keys(stage.routeOverrides).length -
      Object.keys(routeOverrides).length;
    if (droppedOverrides > 0) {
      stage = {
        ...stage,
        methodOverrides: methodOverrides as Stage['methodOverrides'],
        routeOverrides: routeOverrides as Stage['routeOverrides'],
      };
      say(
        `The stage ${stage.name} had settings for ${droppedOverrides === 1 ? 'an operation' : `${droppedOverrides} operations`} deleted at the same time; they were removed.`,
        id,
      );
    }
    if (stage !== d.stages[id]) d.stages[id] = stage;
  }

  // A custom domain stops serving a stage deleted while it was being mapped, as deleting a stage does.
  const missing = new Set<StageId>();
  for (const domain of Object.values(d.domains)) {
    for (const mapping of domain.mappings) if (!Object.hasOwn(d.stages, mapping.stageId)) missing.add(mapping.stageId);
    for (const rule of domain.routingRules) if (!Object.hasOwn(d.stages, rule.action.stageId)) missing.add(rule.action.stageId);
  }
  for (const stageId of missing) {
    const before = d.domains;
    d.domains = domainsWithoutStage(d.domains, stageId);
    for (const id of Object.keys(d.domains))
      if (d.domains[id as keyof typeof d.domains] !== before[id as keyof typeof before])
        say(
          `The custom domain ${d.domains[id as keyof typeof d.domains]?.domainName} sent traffic to a stage deleted at the same time; that mapping was removed.`,
          id,
        );
  }
}

function repairUsagePlans(d: Draft, say: Say): void {
  for (const plan of Object.values(d.usagePlans)) {
    const stages = plan.stages
      .filter((entry) => Object.hasOwn(d.stages, entry.stageId))
      .map((entry) => {
        const kept = Object.entries(entry.methodThrottles).filter(([methodId]) => Object.hasOwn(d.methods, methodId));
        return kept.length === Object.keys(entry.methodThrottles).length
          ? entry
          : { ...entry, methodThrottles: Object.fromEntries(kept) as UsagePlan['stages'][number]['methodThrottles'] };
      });
    const apiKeyIds = plan.apiKeyIds.filter((keyId) => Object.hasOwn(d.apiKeys, keyId));
    const changed =
      stages.length !== plan.stages.length ||
      stages.some((entry, index) => entry !== plan.stages[index]) ||
      apiKeyIds.length !== plan.apiKeyIds.length;
    if (!changed) continue;
    d.usagePlans[plan.id] = { ...plan, stages, apiKeyIds };
    say(`The usage plan ${plan.name} named stages, methods or API keys deleted at the same time; they were removed from it.`, plan.id);
  }
}
