import {
  type AuthorizerId,
  allResourcePaths,
  type BodyContent,
  type Design,
  type IntegrationId,
  type Method,
  type ModelId,
  type RequestValidatorId,
  type ResourceId,
  type Route,
} from '../model';
import { isRoute, operationLabel, routePath } from './describe';
import { bindingStageVariables } from './stage-variables';

/** What one method or route refers to; computed once per element object. */
interface OwnerFacts {
  authorizerId: AuthorizerId | undefined;
  integrationId: IntegrationId | undefined;
  requestValidatorId: RequestValidatorId | undefined;
  modelIds: readonly ModelId[];
  stageVariables: readonly string[];
}

/** How often each element is referred to by the methods and routes, and what they need from stages. */
export interface Usage {
  authorizers: ReadonlyMap<AuthorizerId, number>;
  integrations: ReadonlyMap<IntegrationId, number>;
  models: ReadonlyMap<ModelId, number>;
  requestValidators: ReadonlyMap<RequestValidatorId, number>;
  /** Methods and routes that require an API key, in design order. */
  apiKeyRequired: readonly (Method | Route)[];
  /** Stage variable name → the methods and routes whose integration settings refer to it. */
  stageVariables: ReadonlyMap<string, readonly (Method | Route)[]>;
}

/** The models a method or route uses for its request and response bodies. */
export function modelIdsOf(owner: Method | Route): readonly ModelId[] {
  let ids: ModelId[] | undefined;
  const contents: Record<string, BodyContent>[] = [];
  if (owner.requestBody) contents.push(owner.requestBody.content);
  for (const response of owner.responses) contents.push(response.content);
  for (const content of contents)
    for (const type in content) {
      const modelId = content[type]?.modelId;
      if (!modelId) continue;
      ids ??= [];
      ids.push(modelId);
    }
  return ids ?? noModels;
}

const noModels: readonly ModelId[] = [];

function count<K>(map: Map<K, number>, key: K | undefined): void {
  if (key !== undefined) map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Derived views of a design that several rules share, kept per linter. Each view is remembered for the
 * design parts it was computed from (compared by identity), and per-element facts are remembered per
 * element object, so an edit to one method costs one element's work plus a cheap merge.
 */
export class DesignIndex {
  private paths: { resources: Design['resources']; value: ReadonlyMap<ResourceId, string> } | undefined;
  private usageMemo: { methods: Design['methods']; routes: Design['routes']; value: Usage } | undefined;
  private readonly facts = new WeakMap<Method | Route, OwnerFacts>();
  private readonly valuesMemo = new WeakMap<object, unknown[]>();
  private diffMemo: { before: object; after: object; value: number[] | undefined } | undefined;

  /**
   * The elements of a collection in design order, once per collection object. Large records built by
   * spreading (every operation does) are dictionary-mode objects, where `Object.values` is several times
   * slower than reading the keys and looking each one up.
   */
  values<V>(record: Readonly<Record<string, V>>): V[] {
    let list = this.valuesMemo.get(record) as V[] | undefined;
    if (!list) {
      const keys = Object.keys(record);
      list = new Array<V>(keys.length);
      for (let position = 0; position < keys.length; position += 1) list[position] = record[keys[position] as string] as V;
      this.valuesMemo.set(record, list);
    }
    return list;
  }

  /**
   * Where two versions of a collection differ, as positions in design order, or undefined when they
   * cannot be compared position by position (an element was added or removed). Operations replace an
   * edited element under its key, so an edit keeps every position and this is a pass of identity checks.
   */
  changedPositions<V>(before: Readonly<Record<string, V>>, after: Readonly<Record<string, V>>): number[] | undefined {
    if (this.diffMemo?.before === before && this.diffMemo.after === after) return this.diffMemo.value;
    const old = this.values(before);
    const next = this.values(after);
    let value: number[] | undefined;
    if (old.length === next.length) {
      value = [];
      for (let position = 0; position < next.length; position += 1) if (old[position] !== next[position]) value.push(position);
    }
    this.diffMemo = { before, after, value };
    return value;
  }

  /** Every resource's full path (`/pets/{petId}`). */
  resourcePaths(resources: Design['resources']): ReadonlyMap<ResourceId, string> {
    if (this.paths?.resources !== resources) {
      // allResourcePaths reads only `resources`.
      this.paths = { resources, value: allResourcePaths({ resources } as Design) };
    }
    return this.paths.value;
  }

  /** `GET /pets/{petId}` for a method, the route key (or `the $connect route`) for a route. */
  label(owner: Method | Route, resources: Design['resources']): string {
    return operationLabel(owner, isRoute(owner) ? routePath(owner) : this.resourcePaths(resources).get(owner.resourceId));
  }

  usage(methods: Design['methods'], routes: Design['routes']): Usage {
    if (this.usageMemo?.methods === methods && this.usageMemo.routes === routes) return this.usageMemo.value;
    const authorizers = new Map<AuthorizerId, number>();
    const integrations = new Map<IntegrationId, number>();
    const models = new Map<ModelId, number>();
    const requestValidators = new Map<RequestValidatorId, number>();
    const apiKeyRequired: (Method | Route)[] = [];
    const stageVariables = new Map<string, (Method | Route)[]>();
    const owners: (Method | Route)[][] = [this.values<Method>(methods), this.values<Route>(routes)];
    for (const list of owners)
      for (const owner of list) {
        const facts = this.factsOf(owner);
        count(authorizers, facts.authorizerId);
        count(integrations, facts.integrationId);
        count(requestValidators, facts.requestValidatorId);
        for (const id of facts.modelIds) count(models, id);
        if (owner.apiKeyRequired) apiKeyRequired.push(owner);
        for (const name of facts.stageVariables) {
          const users = stageVariables.get(name);
          if (users) users.push(owner);
          else stageVariables.set(name, [owner]);
        }
      }
    const value: Usage = { authorizers, integrations, models, requestValidators, apiKeyRequired, stageVariables };
    this.usageMemo = { methods, routes, value };
    return value;
  }

  private factsOf(owner: Method | Route): OwnerFacts {
    let facts = this.facts.get(owner);
    if (!facts) {
      facts = {
        authorizerId: owner.authorizerId,
        integrationId: owner.integration?.integrationId,
        requestValidatorId: isRoute(owner) ? undefined : owner.requestValidatorId,
        modelIds: modelIdsOf(owner),
        stageVariables: bindingStageVariables(owner.integration),
      };
      this.facts.set(owner, facts);
    }
    return facts;
  }
}
