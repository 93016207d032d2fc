import type { ApiSettings, ApiType } from './api';
import type { Authorizer } from './authorizer';
import type { CardId } from './cards';
import type { CustomDomain } from './domain';
import type {
  ApiKeyId,
  AuthorizerId,
  DomainId,
  IntegrationId,
  MethodId,
  ModelId,
  RequestValidatorId,
  ResourceId,
  RouteId,
  StageId,
  UsagePlanId,
} from './ids';
import type { IntegrationTarget } from './integration';
import type { Method } from './method';
import type { GatewayResponse, Model, RequestValidator } from './model-schema';
import type { Resource } from './resource';
import type { Route } from './route';
import type { Stage } from './stage';
import type { ApiKey, UsagePlan } from './usage-plan';

/**
 * The version of the saved design format. Raise it with a migration in `parse-design.ts`.
 * 2: the canvas draws cards (methods and routes are rows), so the layout holds card positions.
 */
export const schemaVersion = 2;

export interface Position {
  x: number;
  y: number;
}

/**
 * The design document: everything Portico knows about one API. Plain, serialisable data; changed only
 * through the operations in `operations/`. Collections are keyed by id; key order is creation order,
 * which exports follow.
 */
export interface Design {
  schemaVersion: typeof schemaVersion;
  api: ApiSettings;
  /** REST only: the resource tree. Exactly one resource has `parentId: null` (the root). */
  resources: Record<ResourceId, Resource>;
  /** REST only. */
  methods: Record<MethodId, Method>;
  /** HTTP and WebSocket only. */
  routes: Record<RouteId, Route>;
  authorizers: Record<AuthorizerId, Authorizer>;
  integrations: Record<IntegrationId, IntegrationTarget>;
  models: Record<ModelId, Model>;
  requestValidators: Record<RequestValidatorId, RequestValidator>;
  /** Keyed by response type (`DEFAULT_4XX`…). */
  gatewayResponses: Record<string, GatewayResponse>;
  /** Stages in the order the user keeps them. */
  stages: Record<StageId, Stage>;
  stageOrder: StageId[];
  usagePlans: Record<UsagePlanId, UsagePlan>;
  apiKeys: Record<ApiKeyId, ApiKey>;
  /** Custom domain names and how they send traffic to the stages (see `domain.ts`). */
  domains: Record<DomainId, CustomDomain>;
  /**
   * Canvas position of every card (resources, route groups, authorizers, integrations; see `cards.ts`).
   * Methods and routes are rows of their card and have none.
   */
  layout: Record<CardId, Position>;
}

export const ROOT_RESOURCE_ID = 'res_root' as ResourceId;

export function defaultRouteSelectionExpression(): string {
  return '$request.body.action';
}

/** A new, empty design of the given type; REST designs start with the root resource `/`. */
export function emptyDesign(type: ApiType = 'REST', name = 'Untitled API'): Design {
  const design: Design = {
    schemaVersion,
    api: {
      name,
      version: '1.0',
      type,
      endpointType: type === 'REST' ? 'EDGE' : 'REGIONAL',
      binaryMediaTypes: [],
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      vpcEndpointIds: [],
      routeSelectionExpression: defaultRouteSelectionExpression(),
      tags: {},
      extensions: {},
    },
    resources: {},
    methods: {},
    routes: {},
    authorizers: {},
    integrations: {},
    models: {},
    requestValidators: {},
    gatewayResponses: {},
    stages: {},
    stageOrder: [],
    usagePlans: {},
    apiKeys: {},
    domains: {},
    layout: {},
  };
  if (type === 'REST') {
    design.resources[ROOT_RESOURCE_ID] = { id: ROOT_RESOURCE_ID, parentId: null, pathPart: '' };
    design.layout[ROOT_RESOURCE_ID] = { x: 0, y: 0 };
  }
  return design;
}

/** Typed `Object.values` for the id-keyed collections. */
export function valuesOf<K extends string, V>(record: Record<K, V>): V[] {
  return Object.values(record) as V[];
}
