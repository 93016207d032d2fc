import type { CacheClusterSize } from '../model';

/**
 * Every price the estimate uses, in one place, with where and when it was read. Update all of it
 * together from the pricing page; the tests' hand-worked examples will say what moved.
 */
export const prices = {
  region: 'us-east-1',
  /** When these were read. */
  date: '2026-11-23',
  url: 'https://aws.amazon.com/api-gateway/pricing/',
  /**
   * REST API requests, per million, by monthly volume tier (`upTo` = cumulative requests the tier ends at).
   * Tiers confirmed against the AWS whitepaper "Best Practices for Designing Amazon API Gateway Private
   * APIs", Table 4, which quotes the pricing page.
   */
  restRequestTiers: [
    { upTo: 333_000_000, usdPerMillion: 3.5 },
    { upTo: 1_000_000_000, usdPerMillion: 2.8 },
    { upTo: 20_000_000_000, usdPerMillion: 2.38 },
    { upTo: Number.POSITIVE_INFINITY, usdPerMillion: 1.51 },
  ],
  /**
   * REST cache cluster, USD per hour by size in GB; billed every hour the cluster exists, used or not.
   * Only the 0.5 GB price ($0.020) was re-checked (secondary sources); the others are from the pricing
   * page as last copied and need checking at the next update.
   */
  cacheUsdPerHour: {
    '0.5': 0.02,
    '1.6': 0.038,
    '6.1': 0.2,
    '13.5': 0.25,
    '28.4': 0.5,
    '58.2': 1.0,
    '118': 1.9,
    '237': 3.8,
  } satisfies Record<CacheClusterSize, number>,
  /** HTTP API requests, per million; a request is counted once per started 512 KB (same whitepaper table). */
  httpRequestTiers: [
    { upTo: 300_000_000, usdPerMillion: 1.0 },
    { upTo: Number.POSITIVE_INFINITY, usdPerMillion: 0.9 },
  ],
  httpMeteringKb: 512,
  /**
   * WebSocket messages, per million; a message is counted once per started 32 KB. The first tier was
   * re-checked (secondary sources); $0.80 and the connection-minute price were not.
   */
  webSocketMessageTiers: [
    { upTo: 1_000_000_000, usdPerMillion: 1.0 },
    { upTo: Number.POSITIVE_INFINITY, usdPerMillion: 0.8 },
  ],
  webSocketMeteringKb: 32,
  webSocketUsdPerMillionConnectionMinutes: 0.25,
} as const;

export interface PriceTier {
  upTo: number;
  usdPerMillion: number;
}
