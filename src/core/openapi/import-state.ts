import {
  type Authorizer,
  type AuthorizerId,
  asId,
  type Design,
  type IntegrationId,
  type IntegrationTarget,
  type JsonObject,
  type Method,
  type Model,
  type ModelId,
  type RequestValidator,
  type RequestValidatorId,
  type Resource,
  type ResourceId,
  type Route,
} from '../model';
import type { ImportedIntegration, TargetCache } from './extensions/integration';
import type { SchemeRole } from './extensions/security';
import type { NoteList } from './notes';
import type { ReadContext } from './operation-context';
import type { ImportIds } from './previous-design';
import { inlineBudget } from './schema-dialect';
import type { OpenApiVersion } from './types';

/** Everything one import builds, written as plain records (faster than operations for big documents). */
export interface ImportState {
  document: JsonObject;
  version: OpenApiVersion;
  apiType: 'REST' | 'HTTP';
  notes: NoteList;
  ids: ImportIds;
  design: Design;
  read: ReadContext;
  modelIdByName: Map<string, ModelId>;
  validatorIdByName: Map<string, RequestValidatorId>;
  schemes: Map<string, SchemeRole>;
  /** HTTP APIs: `components.x-amazon-apigateway-integrations`, by name. */
  reusableIntegrations: Map<string, JsonObject>;
  usedReusableIntegrations: Set<string>;
  /** Integration target ids by identity, so that one backend is one target. */
  targetByIdentity: Map<string, IntegrationId>;
  /** REST resources by `parentId/pathPart`. */
  resourceByKey: Map<string, ResourceId>;
  /** REST resources by full path (a cache: many operations share a path). */
  resourceByPath: Map<string, ResourceId>;
  /** Targets already read, by the integration fields that make them (a cache: many operations share a backend). */
  targetCache: TargetCache;
  /** Creation order of resources (the root is 0). */
  resourceIndex: Map<ResourceId, number>;
  /** REST `resourceId VERB` / HTTP route keys already taken. */
  operationKeys: Set<string>;
  /** The IAM authorizer standing for operations with `x-amazon-apigateway-auth: AWS_IAM`, by the written value. */
  iamByAuthValue: Map<string, AuthorizerId>;
  /** Path parameters declared because the path names them and the operation did not. */
  addedPathParameters: number;
}

/** A fresh state for one import of `document` into `design` (an empty design of the detected type). */
export function newImportState(start: {
  document: JsonObject;
  version: OpenApiVersion;
  apiType: 'REST' | 'HTTP';
  notes: NoteList;
  design: Design;
  rootId: ResourceId;
  ids: ImportIds;
}): ImportState {
  const { document, version, notes, rootId } = start;
  const modelIdByName = new Map<string, ModelId>();
  start.ids.reserve(rootId);
  return {
    ...start,
    read: {
      document,
      version,
      notes,
      modelIdByName,
      schemas: { document, version, notes, modelNames: new Set(), budget: { remaining: inlineBudget } },
      dropped: new Map(),
    },
    modelIdByName,
    validatorIdByName: new Map(),
    schemes: new Map(),
    reusableIntegrations: new Map(),
    usedReusableIntegrations: new Set(),
    targetByIdentity: new Map(),
    resourceByKey: new Map(),
    resourceByPath: new Map(),
    targetCache: new Map(),
    resourceIndex: new Map([[rootId, 0]]),
    operationKeys: new Set(),
    iamByAuthValue: new Map(),
    addedPathParameters: 0,
  };
}

export function addResource(state: ImportState, resource: Resource): void {
  state.design.resources[resource.id] = resource;
}

export function addMethod(state: ImportState, method: Method): void {
  state.design.methods[method.id] = method;
}

export function addRoute(state: ImportState, route: Route): void {
  state.design.routes[route.id] = route;
}

export function addAuthorizer(state: ImportState, authorizer: Authorizer): void {
  state.design.authorizers[authorizer.id] = authorizer;
}

export function addModel(state: ImportState, model: Model): void {
  state.design.models[model.id] = model;
  state.modelIdByName.set(model.name, model.id);
}

export function addValidator(state: ImportState, validator: RequestValidator): void {
  state.design.requestValidators[validator.id] = validator;
  state.validatorIdByName.set(validator.name, validator.id);
}

/** The target for an imported integration: the existing one with the same identity, or a new one. */
export function targetFor(
  state: ImportState,
  integration: ImportedIntegration,
  reusableName?: string,
  previousId?: IntegrationId,
): IntegrationId {
  const identity = integration.identity;
  // Two backends of a previous design may have the same identity (a pasted copy of a node): an operation
  // keeps the one it called, instead of all of them merging into one.
  if (previousId !== undefined && reusableName === undefined && state.ids.claimIntegration(previousId, identity)) {
    if (!Object.hasOwn(state.design.integrations, previousId)) {
      state.design.integrations[previousId] = { ...integration.target, id: previousId } as IntegrationTarget;
      if (!state.targetByIdentity.has(identity)) state.targetByIdentity.set(identity, previousId);
    }
    return previousId;
  }
  const existing = state.targetByIdentity.get(identity);
  if (existing !== undefined) {
    const target = state.design.integrations[existing] as IntegrationTarget;
    if (reusableName !== undefined && target.extensions?.[reusableIntegrationsKey] === undefined)
      state.design.integrations[existing] = {
        ...target,
        name: reusableName,
        extensions: { ...target.extensions, [reusableIntegrationsKey]: reusableName },
      } as IntegrationTarget;
    return existing;
  }
  const id = asId('Integration', state.ids.takeIntegration(identity));
  const target = { ...integration.target, id } as IntegrationTarget;
  if (reusableName !== undefined) {
    target.name = reusableName;
    target.extensions = { ...target.extensions, [reusableIntegrationsKey]: reusableName };
  }
  state.design.integrations[id] = target;
  state.targetByIdentity.set(identity, id);
  return id;
}

/**
 * `x-amazon-apigateway-integrations` (HTTP APIs): reusable integrations under `components`, referenced
 * with `$ref`. A target read from there remembers its name under this key, so the export writes it
 * there again.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-extensions-integrations.html
 */
export const reusableIntegrationsKey = 'x-amazon-apigateway-integrations';
