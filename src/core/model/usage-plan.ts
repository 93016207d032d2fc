import type { ApiKeyId, MethodId, StageId, UsagePlanId } from './ids';

export const quotaPeriods = ['DAY', 'WEEK', 'MONTH'] as const;
export type QuotaPeriod = (typeof quotaPeriods)[number];

export interface Throttle {
  /** Requests per second. */
  rateLimit: number;
  /** Burst bucket size. */
  burstLimit: number;
}

export interface Quota {
  limit: number;
  period: QuotaPeriod;
  /** Days (WEEK: 0–6, MONTH: 0–27) the period starts after its natural start. @default 0 */
  offset: number;
}

export interface UsagePlanStage {
  stageId: StageId;
  /** Per-method throttles inside this plan for this stage. */
  methodThrottles: Record<MethodId, Throttle>;
}

/**
 * A usage plan (REST APIs): throttling and quota for the API keys attached to it, on the stages it covers.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export interface UsagePlan {
  id: UsagePlanId;
  name: string;
  description?: string;
  throttle?: Throttle;
  quota?: Quota;
  stages: UsagePlanStage[];
  apiKeyIds: ApiKeyId[];
}

/** An API key (REST APIs). Without a value, API Gateway generates one at deploy time. */
export interface ApiKey {
  id: ApiKeyId;
  name: string;
  description?: string;
  enabled: boolean;
  /** At least 20 characters when given. */
  value?: string;
}
