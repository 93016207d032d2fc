import {
  type ApiKey,
  allResourcePaths,
  type Design,
  designCards,
  type IdKind,
  type IntegrationId,
  type IntegrationTarget,
  idPrefix,
  type Method,
  type Position,
  type Route,
  type Stage,
  type StageId,
  settleLayout,
  type UsagePlan,
  valuesOf,
} from '../model';
import { restCorsHeaders } from '../model/cors-headers';
import { targetIdentity, targetLabel } from './extensions/integration';
import type { NoteList } from './notes';

/**
 * Ids for an import. Without a previous design they count up per kind (`res_1`, `mth_1`…), so that the
 * same document always gives the same design. With one (re-importing an edited export), an element
 * that matches a previous one by its natural key takes that element's id; new elements get fresh ids
 * that avoid every id of the previous design.
 */
export class ImportIds {
  private readonly counters = new Map<IdKind, number>();
  private readonly used = new Set<string>();
  private readonly reserved = new Set<string>();
  private readonly byKey = new Map<string, string>();
  private readonly byIdentity = new Map<string, string[]>();
  private readonly identityOfTarget = new Map<string, string>();
  private readonly targetOfOwner = new Map<string, IntegrationId>();
  private readonly claimedTargets = new Set<string>();

  constructor(previous?: Design) {
    if (!previous) return;
    const paths = allResourcePaths(previous);
    const remember = (kind: IdKind, key: string, id: string) => {
      this.reserved.add(id);
      const full = `${kind}\u0000${key}`;
      if (!this.byKey.has(full)) this.byKey.set(full, id);
    };
    for (const resource of valuesOf(previous.resources)) remember('Resource', paths.get(resource.id) ?? '', resource.id);
    for (const method of valuesOf(previous.methods) as Method[])
      remember('Method', `${paths.get(method.resourceId) ?? ''} ${method.httpMethod}`, method.id);
    for (const route of valuesOf(previous.routes) as Route[]) remember('Route', route.routeKey, route.id);
    for (const authorizer of valuesOf(previous.authorizers)) remember('Authorizer', authorizer.name, authorizer.id);
    for (const model of valuesOf(previous.models)) remember('Model', model.name, model.id);
    for (const validator of valuesOf(previous.requestValidators)) remember('RequestValidator', validator.name, validator.id);
    for (const owner of [...valuesOf(previous.methods), ...valuesOf(previous.routes)] as (Method | Route)[])
      if (owner.integration) this.targetOfOwner.set(owner.id, owner.integration.integrationId);
    for (const target of valuesOf(previous.integrations) as IntegrationTarget[]) {
      this.reserved.add(target.id);
      const identity = targetIdentity(target);
      this.identityOfTarget.set(target.id, identity);
      const same = this.byIdentity.get(identity);
      if (same) same.push(target.id);
      else this.byIdentity.set(identity, [target.id]);
    }
    for (const id of Object.keys(previous.stages)) this.reserved.add(id);
    for (const id of Object.keys(previous.usagePlans)) this.reserved.add(id);
    for (const id of Object.keys(previous.apiKeys)) this.reserved.add(id);
  }

  /** The id for an element of a kind with a natural key (resource path, `path VERB`, route key, name). */
  take(kind: IdKind, key: string): string {
    const previous = this.byKey.get(`${kind}\u0000${key}`);
    if (previous !== undefined && !this.used.has(previous)) {
      this.used.add(previous);
      return previous;
    }
    return this.fresh(kind);
  }

  /** The id for an integration target, by its identity (kind, URI, credentials…). */
  takeIntegration(identity: string): string {
    for (const id of this.byIdentity.get(identity) ?? [])
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    return this.fresh('Integration');
  }

  /** The backend a method or route of the previous design called (by its id). */
  previousTargetOf(ownerId: string): IntegrationId | undefined {
    return this.targetOfOwner.get(ownerId);
  }

  /**
   * Whether the previous target `id` stands for a backend of this identity and may be used (again) for
   * it: true when it had that identity and is free or already given to that same backend.
   */
  claimIntegration(id: string, identity: string): boolean {
    if (this.identityOfTarget.get(id) !== identity) return false;
    if (this.claimedTargets.has(id)) return true;
    if (this.used.has(id)) return false;
    this.used.add(id);
    this.claimedTargets.add(id);
    return true;
  }

  /** Marks an id as taken (the root resource's). */
  reserve(id: string): void {
    this.used.add(id);
  }

  fresh(kind: IdKind): string {
    let counter = this.counters.get(kind) ?? 0;
    let id: string;
    do {
      counter += 1;
      id = `${idPrefix(kind)}_${counter}`;
    } while (this.used.has(id) || this.reserved.has(id));
    this.counters.set(kind, counter);
    this.used.add(id);
    return id;
  }
}

/**
 * What a re-import keeps from the design it replaces: everything OpenAPI does not carry (stages, usage
 * plans, API keys, the endpoint type, REST CORS and tags, integration labels) and the canvas positions
 * of elements that kept their id.
 */
export function carryOver(design: Design, previous: Design, notes: NoteList): Design {
  const result: Design = { ...design, api: { ...design.api } };
  const sameType = previous.api.type === design.api.type;
  if (design.api.endpointType !== 'PRIVATE' || previous.api.endpointType === 'PRIVATE') result.api.endpointType = previous.api.endpointType;
  if (design.api.type === 'REST' && sameType) {
    // REST CORS travels as OPTIONS preflights on the resources with methods (rest-cors.ts): kept only when
    // the document could not carry it (no method, or settings that allow no origin); a document that could
    // and has none had them removed, and so are the settings.
    if (previous.api.cors && !design.api.cors) {
      const carried = Object.keys(design.methods).length > 0 && restCorsHeaders(previous.api.cors) !== undefined;
      if (!carried) result.api.cors = previous.api.cors;
      else
        notes.add(
          'The document has no CORS preflights (OPTIONS methods answered by a Mock integration) any more, so the CORS settings were removed.',
        );
    }
    if (Object.keys(design.api.tags).length === 0) result.api.tags = { ...previous.api.tags };
  }
  const integrations = { ...design.integrations };
  for (const target of valuesOf(design.integrations) as IntegrationTarget[]) {
    const before = Object.hasOwn(previous.integrations, target.id) ? previous.integrations[target.id] : undefined;
    if (!before) continue;
    // A label the user gave stays; one Portico derived from the backend follows an edited backend.
    const named = before.name !== targetLabel(before);
    const kept = { ...target, name: named ? before.name : target.name } as IntegrationTarget;
    if (before.description !== undefined) kept.description = before.description;
    integrations[target.id] = kept;
  }
  // A backend no method or route used is in no document: the edit cannot have removed it, so it stays
  // (with its canvas position), unless the API type changed and it cannot exist on the new one.
  const used = new Set(
    [...valuesOf(previous.methods), ...valuesOf(previous.routes)].flatMap((owner) =>
      owner.integration ? [owner.integration.integrationId] : [],
    ),
  );
  for (const target of valuesOf(previous.integrations) as IntegrationTarget[])
    if (!used.has(target.id) && !Object.hasOwn(integrations, target.id) && !(design.api.type === 'HTTP' && target.kind === 'MOCK')) {
      integrations[target.id] = target;
    }
  result.integrations = integrations;
  const models = { ...design.models };
  for (const model of valuesOf(design.models)) {
    const before = Object.hasOwn(previous.models, model.id) ? previous.models[model.id] : undefined;
    if (before?.description !== undefined && model.description === undefined)
      models[model.id] = { ...model, description: before.description };
  }
  result.models = models;
  if (sameType) {
    const stages: Record<StageId, Stage> = {};
    let dropped = 0;
    for (const stage of valuesOf(previous.stages)) {
      const methodOverrides = Object.fromEntries(Object.entries(stage.methodOverrides).filter(([id]) => Object.hasOwn(design.methods, id)));
      const routeOverrides = Object.fromEntries(Object.entries(stage.routeOverrides).filter(([id]) => Object.hasOwn(design.routes, id)));
      dropped += Object.keys(stage.methodOverrides).length - Object.keys(methodOverrides).length;
      dropped += Object.keys(stage.routeOverrides).length - Object.keys(routeOverrides).length;
      stages[stage.id] = { ...stage, methodOverrides, routeOverrides } as Stage;
    }
    result.stages = stages;
    result.stageOrder = [...previous.stageOrder];
    const usagePlans: Design['usagePlans'] = {};
    for (const plan of valuesOf(previous.usagePlans) as UsagePlan[]) {
      const planStages = plan.stages.map((entry) => {
        const methodThrottles = Object.fromEntries(
          Object.entries(entry.methodThrottles).filter(([id]) => Object.hasOwn(design.methods, id)),
        );
        dropped += Object.keys(entry.methodThrottles).length - Object.keys(methodThrottles).length;
        return { ...entry, methodThrottles } as typeof entry;
      });
      usagePlans[plan.id] = { ...plan, stages: planStages };
    }
    result.usagePlans = usagePlans;
    result.apiKeys = { ...previous.apiKeys } as Record<ApiKey['id'], ApiKey>;
    // Custom domains are not in the document either; they point at the stages kept just above.
    result.domains = { ...previous.domains };
    if (dropped > 0)
      notes.add(`${dropped} stage or usage plan setting${dropped === 1 ? '' : 's'} of methods or routes that are gone were removed.`);
  } else if (previous.stageOrder.length > 0)
    notes.add('The API type changed, so the stages, usage plans and API keys of the previous design were not kept.');
  if (!sameType && Object.keys(previous.domains).length > 0)
    notes.add('The API type changed, so the custom domains of the previous design, which sent traffic to its stages, were not kept.');
  // Cards that were there keep their place; new ones are placed around them (settleLayout), so an edit
  // in the code view does not rearrange the canvas.
  const layout: Record<string, Position> = {};
  for (const card of designCards(result).cards) {
    const before = Object.hasOwn(previous.layout, card.id) ? previous.layout[card.id] : undefined;
    if (before) layout[card.id] = { ...before };
  }
  result.layout = layout as Design['layout'];
  // Test bench samples are Portico's own and in no document: a method that kept its id keeps them.
  const methods = { ...result.methods };
  let samplesKept = false;
  for (const method of valuesOf(result.methods) as Method[]) {
    const samples = Object.hasOwn(previous.methods, method.id) ? previous.methods[method.id]?.integration?.testSamples : undefined;
    if (samples && method.integration && !method.integration.testSamples) {
      methods[method.id] = { ...method, integration: { ...method.integration, testSamples: samples } };
      samplesKept = true;
    }
  }
  if (samplesKept) result.methods = methods;
  return settleLayout(result);
}
