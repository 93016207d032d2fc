/**
 * Ids are branded strings so that a method id can never be passed where a resource id is expected.
 * They are made by `createId` (random) or given explicitly by importers and tests (deterministic).
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ResourceId = Brand<string, 'Resource'>;
export type MethodId = Brand<string, 'Method'>;
export type RouteId = Brand<string, 'Route'>;
export type AuthorizerId = Brand<string, 'Authorizer'>;
export type IntegrationId = Brand<string, 'Integration'>;
export type ModelId = Brand<string, 'Model'>;
export type RequestValidatorId = Brand<string, 'RequestValidator'>;
export type StageId = Brand<string, 'Stage'>;
export type UsagePlanId = Brand<string, 'UsagePlan'>;
export type ApiKeyId = Brand<string, 'ApiKey'>;
export type DomainId = Brand<string, 'Domain'>;

/** Any element that has a node on the canvas. */
export type NodeId = ResourceId | MethodId | RouteId | AuthorizerId | IntegrationId | DomainId;

const prefixes = {
  Resource: 'res',
  Method: 'mth',
  Route: 'rte',
  Authorizer: 'auth',
  Integration: 'int',
  Model: 'mdl',
  RequestValidator: 'val',
  Stage: 'stg',
  UsagePlan: 'plan',
  ApiKey: 'key',
  Domain: 'dom',
} as const;

export type IdKind = keyof typeof prefixes;

/** The prefix every id of a kind starts with (`mth` for methods); importers build `mth_1`, `mth_2`… */
export function idPrefix(kind: IdKind): string {
  return prefixes[kind];
}
type IdOf<K extends IdKind> = {
  Resource: ResourceId;
  Method: MethodId;
  Route: RouteId;
  Authorizer: AuthorizerId;
  Integration: IntegrationId;
  Model: ModelId;
  RequestValidator: RequestValidatorId;
  Stage: StageId;
  UsagePlan: UsagePlanId;
  ApiKey: ApiKeyId;
  Domain: DomainId;
}[K];

let counter = 0;

/** A new unique id such as `mth_k3x9a2_7`. Random part from crypto when available, counter for uniqueness. */
export function createId<K extends IdKind>(kind: K): IdOf<K> {
  counter += 1;
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `${prefixes[kind]}_${random}${counter.toString(36)}` as IdOf<K>;
}

/** Brands a known string (from an importer, a test or a saved design that has been validated). */
export function asId<K extends IdKind>(_kind: K, value: string): IdOf<K> {
  return value as IdOf<K>;
}

export function idKindOf(id: string): IdKind | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  for (const [kind, p] of Object.entries(prefixes)) if (p === prefix) return kind as IdKind;
  return undefined;
}
