import type { MethodId, RouteId, StageId } from './ids';
import type { Extensions } from './json';

/** The cache cluster sizes API Gateway offers, in GB. @see https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html */
export const cacheClusterSizes = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const;
export type CacheClusterSize = (typeof cacheClusterSizes)[number];

export const loggingLevels = ['OFF', 'ERROR', 'INFO'] as const;
export type LoggingLevel = (typeof loggingLevels)[number];

/**
 * Method settings of a REST stage: the stage-wide defaults (`*\/*`) or one method's override.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html
 */
export interface MethodSettings {
  cachingEnabled: boolean;
  /** 0–3600 seconds. @default 300 */
  cacheTtlSeconds: number;
  cacheDataEncrypted: boolean;
  /** Callers need `execute-api:InvalidateCache` to send `Cache-Control: max-age=0`. */
  requireAuthorizationForCacheControl: boolean;
  /** Steady-state requests per second; absent = the account limit. */
  throttlingRateLimit?: number;
  /** Burst bucket size; absent = the account limit. */
  throttlingBurstLimit?: number;
  loggingLevel: LoggingLevel;
  dataTraceEnabled: boolean;
  metricsEnabled: boolean;
}

export function defaultMethodSettings(): MethodSettings {
  return {
    cachingEnabled: false,
    cacheTtlSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    loggingLevel: 'OFF',
    dataTraceEnabled: false,
    metricsEnabled: false,
  };
}

/** Canary release settings of a REST stage. @see https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html */
export interface CanarySettings {
  /** 0–100. */
  percentTraffic: number;
  stageVariableOverrides: Record<string, string>;
  useStageCache: boolean;
}

export interface RouteThrottle {
  throttlingRateLimit?: number;
  throttlingBurstLimit?: number;
}

/**
 * A stage: a named deployment of the API with its own variables, cache, throttling and logging.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-stages.html
 */
export interface Stage {
  id: StageId;
  /** Letters, digits, `_` and `-`, at most 128 characters. */
  name: string;
  description?: string;
  /** Stage variables: names `[A-Za-z0-9_]+`, referenced as `${stageVariables.name}`. */
  variables: Record<string, string>;
  /** REST: provision a cache cluster for this stage. */
  cacheClusterEnabled: boolean;
  /** REST: size of the cache cluster in GB. @default '0.5' */
  cacheClusterSize: CacheClusterSize;
  /** REST: defaults for every method (`*\/*`). HTTP/WebSocket use only the throttling fields. */
  methodSettings: MethodSettings;
  /** REST: per-method overrides; only the fields set differ from `methodSettings`. */
  methodOverrides: Record<MethodId, Partial<MethodSettings>>;
  /** REST: AWS X-Ray tracing. */
  tracingEnabled: boolean;
  canary?: CanarySettings;
  /** HTTP: deploy every change automatically. */
  autoDeploy: boolean;
  /** HTTP/WebSocket: per-route throttling. */
  routeOverrides: Record<RouteId, RouteThrottle>;
  accessLogDestinationArn?: string;
  accessLogFormat?: string;
  /** REST: AWS WAF web ACL associated with the stage. */
  webAclArn?: string;
  extensions?: Extensions;
}

export function newStage(id: StageId, name: string): Stage {
  return {
    id,
    name,
    variables: {},
    cacheClusterEnabled: false,
    cacheClusterSize: '0.5',
    methodSettings: defaultMethodSettings(),
    methodOverrides: {},
    tracingEnabled: false,
    autoDeploy: true,
    routeOverrides: {},
  };
}

/** API Gateway's stage name rule. */
export function stageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'A stage needs a name.';
  if (name.length > 128) return 'A stage name has at most 128 characters.';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return 'A stage name may hold only letters, digits, "_" and "-" (no spaces).';
  return undefined;
}
